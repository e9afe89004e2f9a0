"""Loaders, encodings and every kind of bad input."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import LoadOptions, load_bytes, load_corpus
from analysis.document import Document

ARTICLE = "Headline About The Summit\n\nBy Jane Doe\n\nThe leaders met on Monday. They talked for hours.\n"


def _load(tmp_path: Path, name: str, data: bytes, **options):
    path = tmp_path / name
    path.write_bytes(data)
    return load_corpus([path], LoadOptions(**options))


def test_text_file_gets_hash_id_source_and_normalised_newlines(tmp_path):
    docs, errors = _load(tmp_path, "a.txt", ARTICLE.replace("\n", "\r\n").encode())
    assert errors == []
    (doc,) = docs
    assert "\r" not in doc.text
    assert doc.text == ARTICLE
    assert len(doc.doc_id) == 16 and doc.source.endswith("a.txt")
    assert doc.title == "Headline About The Summit" and doc.author == "Jane Doe"


def test_markdown_file_loads(tmp_path):
    docs, errors = _load(tmp_path, "a.md", ARTICLE.encode())
    assert len(docs) == 1 and not errors


@pytest.mark.parametrize(
    "encoding,data",
    [
        ("utf-8", "Orbán met Putin in Moscow — “talks”.".encode("utf-8")),
        ("utf-8-sig", "\ufeffOrbán met Putin in Moscow — “talks”.".encode("utf-8")),
        ("utf-16", "Orbán met Putin in Moscow — “talks”.".encode("utf-16")),
        ("cp1252", "Orbán met Putin in Moscow — “talks” about the café’s future, and more words here for detection.".encode("cp1252")),
        ("latin-1", "Orbán és Szijjártó találkoztak a moszkvai tárgyaláson, ahol a béke volt a téma.".encode("latin-1")),
    ],
)
def test_encodings_are_detected(tmp_path, encoding, data):
    docs, errors = _load(tmp_path, "enc.txt", data)
    assert not errors, errors
    assert "Orbán" in docs[0].text
    assert not docs[0].text.startswith("\ufeff")


def test_html_gives_visible_text_and_keeps_page(tmp_path):
    html = "<html><head><title>Summit Report</title><script>var x=1;</script></head><body><nav>Home</nav><article><h1>Summit Report</h1><p>The leaders met.</p></article></body></html>"
    docs, errors = _load(tmp_path, "page.html", html.encode())
    assert not errors
    (doc,) = docs
    assert "The leaders met." in doc.text and "var x" not in doc.text
    assert doc.html == html and doc.title == "Summit Report"


def test_csv_uses_named_columns(tmp_path):
    frame = pd.DataFrame({"url": ["https://www.rt.com/news/1"], "title": ["T"], "body": ["Some text here."], "date": ["2023-10-23T10:00:00Z"], "outlet": ["RT"]})
    docs, errors = _load(tmp_path, "t.csv", frame.to_csv(index=False).encode())
    assert not errors
    (doc,) = docs
    assert (doc.url, doc.title, doc.text, doc.published, doc.outlet_hint) == ("https://www.rt.com/news/1", "T", "Some text here.", "2023-10-23", "RT")
    assert doc.source.endswith("t.csv#row=2")


def test_tsv_and_text_column_option(tmp_path):
    data = "story_text\theadline\nFirst story text.\tOne\n"
    docs, errors = _load(tmp_path, "t.tsv", data.encode(), text_column="story_text")
    assert not errors and docs[0].text == "First story text." and docs[0].title == "One"


def test_json_list_and_wrapped_list(tmp_path):
    docs, errors = _load(tmp_path, "a.json", json.dumps([{"text": "One."}, {"text": "Two."}]).encode())
    assert [d.text for d in docs] == ["One.", "Two."] and not errors
    docs, errors = _load(tmp_path, "b.json", json.dumps({"articles": [{"content": "Three."}]}).encode())
    assert [d.text for d in docs] == ["Three."] and not errors


def test_jsonl_bad_line_is_one_error_and_the_rest_loads(tmp_path):
    data = '{"text": "One."}\n{not json\n{"text": "Three."}\n'
    docs, errors = _load(tmp_path, "a.jsonl", data.encode())
    assert [d.text for d in docs] == ["One.", "Three."]
    assert len(errors) == 1 and errors[0].source.endswith("#line=2") and "malformed JSON" in errors[0].error


def test_parquet(tmp_path):
    buffer = io.BytesIO()
    pd.DataFrame({"article": ["Parquet text."], "author": ["A B"]}).to_parquet(buffer)
    docs, errors = _load(tmp_path, "a.parquet", buffer.getvalue())
    assert not errors and docs[0].text == "Parquet text." and docs[0].author == "A B"


def test_folder_is_read_recursively_in_stable_order(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "b.txt").write_text("Second text.")
    (tmp_path / "sub" / "deeper" / "a.txt").write_text("Deep text.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    docs, errors = load_corpus([tmp_path])
    assert [Path(d.source).name for d in docs] == ["b.txt", "a.txt"]
    assert not errors


def test_zip_archive_entries_load(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("docs/one.txt", "One text.")
        archive.writestr("two.html", "<p>Two text.</p>")
    docs, errors = _load(tmp_path, "c.zip", buffer.getvalue())
    assert sorted(d.text for d in docs) == ["One text.", "Two text."] and not errors
    assert any(d.source.endswith("c.zip!docs/one.txt") for d in docs)


def test_identical_texts_keep_separate_ids(tmp_path):
    (tmp_path / "a.txt").write_text("Same wire copy.")
    (tmp_path / "b.txt").write_text("Same wire copy.")
    docs, _ = load_corpus([tmp_path])
    assert docs[0].doc_id != docs[1].doc_id and docs[1].doc_id.startswith(docs[0].doc_id)


# ---- bad input: one error row each, everything else still loaded -----------------------------

def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name), data)
    return buffer.getvalue()


BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\t \n", "only whitespace"),
    "binary.txt": (bytes(range(256)) * 40, "binary"),
    "image.html": (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
    "malformed.csv": (b'text,title\n"unterminated,one\nx,y,z,w\n', "malformed CSV"),
    "malformed.json": (b'{"text": "a", ', "malformed JSON"),
    "notext.csv": (b"name,value\na,1\n", "no text column"),
    "slip.zip": (_zip({"../evil.txt": b"Evil text.", "/abs.txt": b"Abs text."}), "unsafe path"),
    "weird.docx2": (b"hello", "unsupported file type"),
}


def test_every_bad_input_is_an_error_row_and_good_files_still_load(tmp_path):
    for name, (data, _) in BAD_INPUTS.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text("A perfectly good article.")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    docs, errors = load_corpus([tmp_path])
    assert [d.text for d in docs] == ["A perfectly good article."]
    reasons: dict[str, list[str]] = {}
    for error in errors:
        reasons.setdefault(Path(error.source.split("!")[0]).name, []).append(error.error)
    for name, (_, expected) in BAD_INPUTS.items():
        assert name in reasons, f"{name} gave no error row"
        assert any(expected.lower() in reason.lower() for reason in reasons[name]), (name, reasons[name])
    assert len(reasons["slip.zip"]) == 2
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before, "inputs must never be modified"


def test_file_over_the_size_limit(tmp_path):
    docs, errors = _load(tmp_path, "big.txt", b"word " * 3000, max_file_bytes=10_000)
    assert not docs and "over the" in errors[0].error and "limit" in errors[0].error


def test_zip_bomb_is_refused_by_expanded_size(tmp_path):
    data = _zip({"huge.txt": b"a" * 5_000_000})
    docs, errors = _load(tmp_path, "bomb.zip", data, max_archive_bytes=1_000_000)
    assert not docs and "expands to" in errors[0].error


def test_missing_path_is_an_error(tmp_path):
    docs, errors = load_corpus([tmp_path / "nope.txt"])
    assert not docs and errors[0].error == "no such file or folder"


def test_load_bytes_for_uploads():
    items = list(load_bytes("upload:a.txt", "a.txt", b"Uploaded text."))
    assert isinstance(items[0], Document) and items[0].source == "upload:a.txt"


def test_start_loading_gives_what_load_corpus_gives(tmp_path, monkeypatch):
    """Loaded in a forked process (Linux) or, elsewhere, in this one when asked: the same documents and errors."""
    import sys

    from analysis import corpus

    (tmp_path / "a.txt").write_text("First story.\n\nIt has a body.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("First story.\n\nIt has a body.", encoding="utf-8")  # a duplicate: -2 suffix
    (tmp_path / "c.bin").write_bytes(b"\x00")
    options = LoadOptions(max_file_bytes=1000)
    expected = load_corpus([tmp_path, tmp_path / "missing.txt"], options)
    assert len(expected[0]) == 2 and len(expected[1]) == 2
    assert corpus.start_loading([tmp_path, tmp_path / "missing.txt"], options)() == expected
    monkeypatch.setattr(sys, "platform", "darwin")
    assert corpus.start_loading([tmp_path, tmp_path / "missing.txt"], options)() == expected


def test_start_loading_in_several_processes_keeps_the_input_order_and_the_duplicate_suffixes(tmp_path):
    """Runs of consecutive files load in separate processes; joined, they give what load_corpus gives:
    the same order, the -2 suffix of a duplicate met in another run, errors where their files stand."""
    from analysis import corpus

    for number in range(12):
        (tmp_path / f"{number:02d}.txt").write_text(f"Story {number % 5}.\n\nIt has a body of some length.", encoding="utf-8")
    (tmp_path / "05.bin").write_bytes(b"\x00")
    (tmp_path / "07.csv").write_text("text\nA story in a table.\n", encoding="utf-8")  # a table: pandas in the child
    paths = [tmp_path, tmp_path / "missing.txt", tmp_path / "03.txt"]
    runs = corpus._consecutive_runs(list(corpus._input_files(paths)), 8)
    assert len(runs) == 8 and [item for run in runs for item in run] == list(corpus._input_files(paths))
    expected = load_corpus(paths)
    suffixes = [doc.doc_id[16:] for doc in expected[0]]
    assert suffixes.count("-2") == 5 and suffixes.count("-3") == 3 and len(expected[1]) == 2
    assert corpus.start_loading(paths, processes=2)() == expected


def test_loading_imports_no_pandas_until_a_table_is_read(tmp_path):
    """start_loading forks its processes before the CLI imports pandas: loading text needs none, a table imports it."""
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("A story.\n\nIts body.", encoding="utf-8")
    (tmp_path / "b.csv").write_text("text\nA story in a table.\n", encoding="utf-8")
    code = ("import sys; from analysis.corpus import load_corpus; "
            "a = load_corpus([sys.argv[1]]); before = 'pandas' in sys.modules; b = load_corpus([sys.argv[2]]); "
            "print(len(a[0]), before, len(b[0]), 'pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "a.txt"), str(tmp_path / "b.csv")],
                          cwd=Path(__file__).resolve().parent.parent, capture_output=True, text=True)
    assert done.stdout.split() == ["1", "False", "1", "True"], done.stderr


@pytest.mark.parametrize("name,data,message", [
    ("broken.json", b'{"text": "unterminated', "malformed JSON: Unterminated string starting at line 1, column 10"),
    ("list.json", b'[{"text": "a"}\n {"text": "b"}]', "malformed JSON: Expecting ',' delimiter at line 2, column 2"),
])
def test_json_error_messages_are_whole_sentences_with_the_position(tmp_path, name, data, message):
    _, errors = _load(tmp_path, name, data)
    assert [e.error for e in errors] == [message]


def test_jsonl_error_names_the_line_and_column(tmp_path):
    _, errors = _load(tmp_path, "rows.jsonl", b'{"text": "good text"}\n{"text": 1,,}\n')
    assert errors[0].source.endswith("#line=2")
    assert errors[0].error == "malformed JSON line: Expecting property name enclosed in double quotes at column 12"
