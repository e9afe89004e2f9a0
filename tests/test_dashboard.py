"""The dashboard under Streamlit's AppTest: every page, every widget path, safety of document text, export bytes."""
from __future__ import annotations

import html
import io
import re
import subprocess
import uuid
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analysis import Results, analyze, export, load_corpus, load_resources
from ui import corpus_state
from ui.components import charts
from ui.components.highlight import category_colors, highlighted_html, marks_from_spans
from ui.components.outlet_card import outlet_card_html
from ui.corpus_state import Corpus, texts_from_blocks

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["overview", "compare", "document", "lexicons", "export"]
TIMEOUT = 120
HOSTILE = (
    "<img src=x onerror=alert('title')> Hostile headline\n"
    "<script>window.__pwned = 1; alert('script')</script>\n"
    "<img src=\"x\" onerror=\"alert('img')\">\n"
    "<iframe srcdoc=\"<script>alert('iframe')</script>\"></iframe>\n"
    "=HYPERLINK(\"http://example.invalid\") and a special military operation.\n"
)
SEEDS_SIGNATURE = ("seeds", (), (), "shipped")


@pytest.fixture(autouse=True)
def at_repo_root(monkeypatch):
    """AppTest resolves pages against dashboard.py; sources read 'seeds/...' as under `streamlit run` from the root."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "argv", ["pytest"])


def app() -> AppTest:
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)


def html_bodies(at: AppTest) -> list[str]:
    """The HTML of every st.html element on the page."""
    return [element.proto.body for element in at.get("html")]


def no_failure(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.fixture(scope="module")
def seeds() -> tuple[Results, dict[str, str]]:
    """The seeds analysed as the dashboard does (sources relative to the repository root)."""
    documents, errors = load_corpus(["seeds"])
    return analyze(documents, load_resources(), errors=errors), {d.doc_id: d.text for d in documents}


def rich_corpus(seeds) -> Corpus:
    """The seeds with every optional table and column filled in (as the analyses will), hostile labels included."""
    results, texts = seeds
    tables = {name: frame.copy() for name, frame in results.tables.items()}
    documents = tables["documents"]
    ids = documents["doc_id"].astype(str).tolist()
    documents["event_id"] = "orban-putin-2022"
    documents["outlet"] = ["<img src=x onerror=alert('outlet')>Daily", "Wire A", "Paper B", "TV C", "Site D"][: len(ids)]
    documents["outlet_type"] = ["state-controlled", "wire-agency", "commercial mainstream", "independent public-service", "unknown"][: len(ids)]
    documents["outlet_type_confidence"] = 0.9
    documents["outlet_evidence"] = "registry row <b>test</b>"
    documents["state_media_code"] = ["SC", "", "", "IP", ""][: len(ids)]
    documents["credibility_score"] = 0.5
    documents["frame_security"] = [0.1 * i for i in range(len(ids))]
    documents["frame_economy"] = [0.2] * len(ids)
    documents["boilerplate_subscription"] = [0.05] * len(ids)
    blocks = tables["blocks"]
    first = blocks.index[blocks["doc_id"] == ids[0]][0]
    blocks.loc[first, ["kind", "category"]] = ["boilerplate", "subscription"]
    tables["naming"] = pd.DataFrame({"event_id": "orban-putin-2022", "referent": "war in Ukraine", "doc_id": ids[:2],
                                     "term": ["special military operation", "invasion"], "count": [2, 3]})
    tables["distinctive_terms"] = pd.DataFrame({"event_id": "orban-putin-2022", "doc_id": ids[:2], "term": ["<script>x</script>", "nato"], "z_score": [2.5, 1.9]})
    tables["comparisons"] = pd.DataFrame({"event_id": "orban-putin-2022", "doc_a": [ids[0]], "doc_b": [ids[1]], "similarity": [0.42]})
    tables["citations"] = pd.DataFrame({"doc_id": [ids[0], ids[1]], "name": ["RT", "Reuters"], "kind": "outlet", "outlet_type": ["state-controlled", "wire-agency"],
                                        "state_media_code": ["SC", ""], "mentions": [2, 1], "quoted": [1, 0], "label_in_text": ["independent", ""],
                                        "label_conflict": [True, False]})
    tables["actors"] = pd.DataFrame({"doc_id": [ids[0]], "name": ["Viktor Orban"], "quoted": [2], "verbs": ["said"]})
    return Corpus("rich test corpus", Results(tables), dict(texts), f"rich-{uuid.uuid4().hex}")


def with_corpus(at: AppTest, corpus: Corpus) -> AppTest:
    """Put a prepared corpus into the session as if the sidebar had built it from the seeds."""
    at.session_state[corpus_state.SESSION_KEY] = corpus
    at.session_state["corpus_signature"] = SEEDS_SIGNATURE
    return at


# --- every page on the seeds -------------------------------------------------------------------

def test_every_page_renders_on_the_seeds() -> None:
    at = app().run()
    no_failure(at)
    assert any("5** documents from bundled seed articles" in c.value for c in at.sidebar.caption)
    table = at.dataframe[0].value
    assert len(table) == 5
    assert "document" in table.columns and "body_words" in table.columns
    assert [m.value for m in at.metric][:1] == ["5"]
    assert any("Every input was read" in s.value for s in at.success)
    for page in PAGES:
        at.switch_page(f"ui/pages/{page}.py").run()
        no_failure(at)
        assert at.title[0].value.lower() == page


def test_every_page_renders_with_every_optional_table(seeds) -> None:
    corpus = rich_corpus(seeds)
    at = with_corpus(app(), corpus).run()
    no_failure(at)
    assert len(at.get("plotly_chart")) >= 3  # boilerplate by category, outlet types, timeline (+ others as data allow)
    for page in PAGES[1:]:
        at.switch_page(f"ui/pages/{page}.py").run()
        no_failure(at)
    at.switch_page("ui/pages/compare.py").run()
    assert at.radio(key="compare_mode").value == "event"
    assert at.selectbox(key="compare_event").value == "all", "a corpus this small opens with every document side by side"
    assert len([body for body in html_bodies(at) if "sfd-card" in body]) == 5
    at.selectbox(key="compare_event").set_value("orban-putin-2022").run()
    assert "".join(at.query_params["event"]) == "orban-putin-2022"
    cards = [body for body in html_bodies(at) if "sfd-card" in body]
    assert len(cards) == 5, "one outlet card per document of the event"
    assert len(at.get("plotly_chart")) == 1, "one frame-profile chart for all the documents"
    headings = [h.value for h in at.subheader]
    assert headings.index("Distinctive terms") < headings.index("Frame profile") < headings.index("Quoted actors") < headings.index("Label conflicts")
    page_text = " ".join(str(d.value.to_dict()) for d in at.dataframe)
    assert "special military operation (2)" in page_text and "RT" in page_text


# --- compare: selection and URL ------------------------------------------------------------------

def test_compare_selection_follows_and_feeds_the_url(seeds) -> None:
    results, _ = seeds
    ids = results.documents["doc_id"].tolist()
    at = app()
    at.query_params["docs"] = f"{ids[3]},{ids[1]}"
    at.run().switch_page("ui/pages/compare.py").run()
    no_failure(at)
    assert at.multiselect(key="compare_docs").value == [ids[3], ids[1]]
    at.multiselect(key="compare_docs").set_value([ids[0], ids[2], ids[4]]).run()
    no_failure(at)
    assert "".join(at.query_params["docs"]) == f"{ids[0]},{ids[2]},{ids[4]}"
    assert len([b for b in html_bodies(at) if "sfd-card" in b]) == 3
    at.multiselect(key="compare_docs").set_value([ids[0]]).run()
    assert any("at least two" in i.value for i in at.info)


def test_compare_says_why_a_document_has_no_distinctive_terms() -> None:
    at = app().run().switch_page("ui/pages/compare.py").run()  # the seeds, every document side by side
    no_failure(at)
    cells = [v for table in at.dataframe for column in table.value.columns for v in table.value[column].tolist()]
    assert "(the only document of its event: nothing to compare with)" in cells, "seed 003 is alone in its event"
    assert any("None of the terms shown reaches |z| ≥ 1.96" in c.value or "1.96 is the usual mark" in c.value for c in at.caption)


def test_compare_toggles_boilerplate_and_switches_mode(seeds) -> None:
    at = with_corpus(app(), rich_corpus(seeds)).run()
    at.switch_page("ui/pages/compare.py").run()
    assert any("<details" in b for b in html_bodies(at)), "boilerplate collapsible by default"
    at.toggle(key="compare_collapse").set_value(False).run()
    no_failure(at)
    assert not any("<details" in b for b in html_bodies(at))
    at.radio(key="compare_mode").set_value("documents").run()
    no_failure(at)
    assert "docs" in at.query_params


# --- document page ---------------------------------------------------------------------------------

def test_document_page_shows_blocks_spans_and_evidence(seeds) -> None:
    results, _ = seeds
    doc_id = results.documents["doc_id"].iloc[1]
    at = app()
    at.query_params["doc"] = doc_id
    at.run().switch_page("ui/pages/document.py").run()
    no_failure(at)
    assert at.selectbox(key="document_choice").value == doc_id
    spans = results.tables["spans"]
    # another document with a model span (whose score the caption explains)
    other = next(d for d in results.documents["doc_id"].iloc[2:] if (spans.loc[spans["doc_id"] == d, "source"] == "model").any())
    at.selectbox(key="document_choice").set_value(other).run()
    no_failure(at)
    assert "".join(at.query_params["doc"]) == other
    assert any("Blocks" == h.value for h in at.subheader)
    # A model span's score is explained: a probability, compared with the threshold after scaling to the document.
    assert any("scaled by how loaded the whole document reads" in c.value for c in at.caption)
    at.toggle(key="document_collapse").set_value(True).run()
    no_failure(at)


# --- uploads and hostile text ------------------------------------------------------------------------

def test_uploaded_hostile_document_is_escaped_everywhere() -> None:
    at = app().run()
    at.sidebar.radio(key="corpus_source").set_value("upload").run()
    assert any("Upload one or more files" in i.value for i in at.sidebar.info)
    at.sidebar.file_uploader(key="uploads").set_value(("hostile.txt", HOSTILE.encode(), "text/plain")).run()
    no_failure(at)
    assert any("1** document from 1 uploaded file" in c.value for c in at.sidebar.caption)
    for page in PAGES:
        at.switch_page(f"ui/pages/{page}.py").run()
        no_failure(at)
        for body in html_bodies(at):
            assert "<script" not in body and "<img" not in body and "<iframe" not in body
    at.switch_page("ui/pages/document.py").run()
    body = next(b for b in html_bodies(at) if "sfd-doc" in b)
    visible = html.unescape(re.sub(r"<[^>]+>", "", body[body.index('<div class="sfd-text sfd-doc">'):]))
    assert "<script>window.__pwned = 1; alert('script')</script>" in visible
    assert "<iframe srcdoc=\"<script>alert('iframe')</script>\"></iframe>" in visible


def test_unreadable_upload_shows_in_the_errors_table() -> None:
    at = app().run()
    at.sidebar.radio(key="corpus_source").set_value("upload").run()
    at.sidebar.file_uploader(key="uploads").set_value([("good.txt", b"A short article about a summit.\nIt has two lines.", "text/plain"),
                                                      ("empty.txt", b"", "text/plain"), ("notes.docx", b"PK\x03\x04", "application/octet-stream")]).run()
    no_failure(at)
    errors = at.dataframe[-1].value
    assert set(errors.columns) == {"source", "error"}
    assert any("empty" in e for e in errors["error"])


def test_zip_upload_is_opened() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
            archive.writestr(path.name, path.read_bytes())
    at = app().run()
    at.sidebar.radio(key="corpus_source").set_value("upload").run()
    at.sidebar.file_uploader(key="uploads").set_value(("two.zip", buffer.getvalue(), "application/zip")).run()
    no_failure(at)
    assert len(at.dataframe[0].value) == 2


# --- command-line paths and a folder of tables ----------------------------------------------------------

def test_command_line_folder_of_tables_opens_without_analysing(seeds, tmp_path: Path, monkeypatch) -> None:
    results, texts = seeds
    export.write_results(results, tmp_path / "scored")
    monkeypatch.setattr(sys, "argv", ["dashboard.py", str(tmp_path / "scored")])
    monkeypatch.setattr(corpus_state, "analyze", lambda *a, **k: pytest.fail("a folder of tables must not be re-analysed"))
    at = app().run()
    no_failure(at)
    assert at.sidebar.radio(key="corpus_source").value == "paths"
    assert len(at.dataframe[0].value) == 5
    at.switch_page("ui/pages/compare.py").run()
    no_failure(at)
    bodies = [b for b in html_bodies(at) if "sfd-doc" in b]
    assert len(bodies) >= 2


def test_folder_of_tables_opens_without_the_engine_and_reads_only_what_the_overview_shows(seeds, tmp_path: Path) -> None:
    """The first view of a folder of tables imports no scikit-learn, SciPy or lxml and reads only documents, spans, errors.

    In a fresh interpreter: this test process has long imported the engine. Compare and Document need no engine either.
    """
    results, _ = seeds
    export.write_results(results, tmp_path / "scored")
    code = (
        "import sys\n"
        f"sys.argv = ['dashboard.py', {str(tmp_path / 'scored')!r}]\n"
        "from streamlit.testing.v1 import AppTest\n"
        f"at = AppTest.from_file({str(ROOT / 'dashboard.py')!r}, default_timeout={TIMEOUT}).run()\n"
        "assert not at.exception and not at.error, [e.value for e in at.exception] + [e.value for e in at.error]\n"
        "assert len(at.dataframe[0].value) == 5 and len(at.get('plotly_chart')) >= 3\n"
        "print(sorted(at.session_state['corpus'].results.tables.loaded()))\n"
        "engine = ('sklearn', 'scipy', 'lxml', 'trafilatura', 'analysis.pipeline', 'analysis.corpus')\n"
        "print(sorted(m for m in engine if m in sys.modules))\n"
        "for page in ('compare', 'document'):\n"
        "    at.switch_page(f'ui/pages/{page}.py').run()\n"
        "    assert not at.exception and not at.error, [e.value for e in at.exception] + [e.value for e in at.error]\n"
        "print(sorted(m for m in engine if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines()[-3:] == ["['documents', 'errors', 'spans']", "[]", "[]"], "nor do Compare and Document"


def test_command_line_paths_are_analysed_with_their_errors(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text("Leaders met in Moscow.\nThey talked for hours about energy.", encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01")
    monkeypatch.setattr(sys, "argv", ["dashboard.py", str(tmp_path)])
    at = app().run()
    no_failure(at)
    assert any("1** document from" in c.value for c in at.sidebar.caption)
    assert "unsupported file type" in " ".join(at.dataframe[-1].value["error"])
    at.sidebar.radio(key="corpus_source").set_value("seeds").run()
    no_failure(at)
    assert len(at.dataframe[0].value) == 5


def test_command_line_paths_only_from_streamlit_run() -> None:
    assert corpus_state.command_line_paths(["pytest", "tests"]) == []
    assert corpus_state.command_line_paths(["/x/dashboard.py", "a", "b"]) == ["a", "b"]


def test_dashboard_takes_the_clis_file_size_limit(tmp_path: Path) -> None:
    argv = ["/x/dashboard.py", "--max-file-mb", "0.001", str(tmp_path), "--max-file-mb=0.002"]
    assert corpus_state.command_line_paths(argv) == [str(tmp_path)]
    assert corpus_state.load_options(argv).max_file_bytes == int(0.002 * 1024 * 1024), "the last one wins, as in argparse"
    assert corpus_state.load_options(["/x/dashboard.py", "a"]).max_file_bytes == 20 * 1024 * 1024
    with pytest.raises(ValueError, match="positive number"):
        corpus_state.load_options(["/x/dashboard.py", "--max-file-mb", "lots"])
    (tmp_path / "big.txt").write_text("A sentence about a summit. " * 200)
    (tmp_path / "small.txt").write_text("A short note about a summit.")
    from analysis.corpus import load_corpus

    documents, errors = load_corpus([tmp_path], corpus_state.load_options(["/x/dashboard.py", "--max-file-mb", "0.002", str(tmp_path)]))
    assert [d.source.rsplit("/", 1)[-1] for d in documents] == ["small.txt"] and len(errors) == 1


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_texts_rebuilt_from_written_tables_equal_the_texts(seeds, tmp_path: Path, fmt: str) -> None:
    """Blocks that start like a formula ("- 24 Issues Per Year" in a seed) are written with an apostrophe;
    the tables read back give the text as analysed, so every span keeps its offsets."""
    from analysis import export

    results, texts = seeds
    assert results.blocks["text"].str.startswith(export.FORMULA_PREFIXES).any(), "the seeds hold a formula-like block"
    export.write_results(results, tmp_path, fmt)
    again = export.read_results(tmp_path)
    rebuilt = texts_from_blocks(again.blocks)
    for doc_id, text in texts.items():
        for _, block in again.blocks[again.blocks["doc_id"] == doc_id].iterrows():
            assert rebuilt[doc_id][block["start"]:block["end"]] == text[block["start"]:block["end"]] == block["text"][: block["end"] - block["start"]]
        for _, span in again.spans[again.spans["doc_id"] == doc_id].iterrows():
            assert rebuilt[doc_id][span["start"]:span["end"]] == span["text"]


def test_texts_rebuilt_from_blocks_keep_every_offset(seeds) -> None:
    results, texts = seeds
    rebuilt = texts_from_blocks(results.blocks)
    for doc_id, text in texts.items():
        assert len(rebuilt[doc_id]) <= len(text)
        for _, block in results.blocks[results.blocks["doc_id"] == doc_id].iterrows():
            assert rebuilt[doc_id][block["start"]:block["end"]] == text[block["start"]:block["end"]]
        for _, span in results.spans[results.spans["doc_id"] == doc_id].iterrows():
            assert rebuilt[doc_id][span["start"]:span["end"]] == span["text"]


# --- export ------------------------------------------------------------------------------------------------------

def test_export_bytes_equal_the_cli_writer(seeds, tmp_path: Path, monkeypatch) -> None:
    results, _ = seeds
    storages = _record_media_storage(monkeypatch)
    at = app().run().switch_page("ui/pages/export.py").run()
    no_failure(at)
    written = {p.name: p.read_bytes() for p in export.write_results(results, tmp_path / "cli")}
    buttons = {b.proto.label: b.proto.url for b in at.get("download_button")}
    served = {label: storages[-1].get_file(url.rsplit("/", 1)[-1]).content for label, url in buttons.items()}
    assert set(written) <= set(served)
    for name, data in written.items():
        assert served[name] == data, f"{name} differs from the CLI's file"
    assert served["Download every table (.zip of CSV)"] == export.zip_bytes(results)
    assert served["documents.csv"].startswith(b"doc_id,source,title")
    at.radio(key="export_format").set_value("parquet").run()
    no_failure(at)
    assert any(b.proto.label == "documents.parquet" for b in at.get("download_button"))


def test_export_neutralises_formulas_in_text_but_not_numbers(seeds, monkeypatch) -> None:
    corpus = rich_corpus(seeds)
    corpus.results.documents.loc[0, "title"] = "=HYPERLINK(\"http://example.invalid\")"
    storages = _record_media_storage(monkeypatch)
    at = with_corpus(app(), corpus).run().switch_page("ui/pages/export.py").run()
    url = next(b.proto.url for b in at.get("download_button") if b.proto.label == "documents.csv")
    served = storages[-1].get_file(url.rsplit("/", 1)[-1]).content
    frame = pd.read_csv(io.BytesIO(served))
    assert frame.loc[0, "title"].startswith("'=HYPERLINK")
    assert pd.api.types.is_numeric_dtype(frame["body_words"])


def _formula_cells(frame: pd.DataFrame) -> list[str]:
    """Cells, column names and index labels of a shown table that a spreadsheet would run as a formula."""
    values = [v for column in frame.columns for v in frame[column].tolist()] + list(frame.columns) + list(frame.index)
    return [v for v in values if isinstance(v, str) and v.startswith(export.FORMULA_PREFIXES)]


def test_every_shown_table_is_formula_safe(seeds) -> None:
    """The tables' own toolbar downloads what is shown: no cell, header or row label may start a formula."""
    corpus = rich_corpus(seeds)
    documents = corpus.results.documents
    documents.loc[0, "title"] = "=HYPERLINK(\"http://example.invalid\",\"click\")"
    documents.loc[1, "outlet"] = "+outlet"
    corpus.results.tables["naming"].loc[0, "referent"] = "@referent"
    corpus.results.tables["actors"].loc[0, "name"] = "-Actor"
    at = with_corpus(app(), corpus).run()
    for page in PAGES:
        at.switch_page(f"ui/pages/{page}.py").run()
        no_failure(at)
        for table in at.dataframe:
            assert not _formula_cells(table.value), (page, _formula_cells(table.value))
    at.switch_page("ui/pages/overview.py").run()
    shown = at.dataframe[0].value
    assert shown.loc[0, "title"].startswith("'=HYPERLINK"), "neutralised, not hidden"
    assert shown["outlet"].tolist()[1] == "'+outlet"


def test_missing_text_is_blank_not_none(seeds) -> None:
    from ui.components.tables import shown_frame

    frame = pd.DataFrame({"outlet": ["RT", None], "words": [1.0, None]})
    shown = shown_frame(frame)
    assert shown["outlet"].tolist() == ["RT", ""]
    assert pd.isna(shown["words"].iloc[1]), "numbers keep their gaps"


def _record_media_storage(monkeypatch) -> list:
    """Keep every in-memory media store AppTest creates, to read the bytes behind download buttons."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
    from streamlit.testing.v1 import app_test

    created: list = []

    class Recording(MemoryMediaFileStorage):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            created.append(self)

    monkeypatch.setattr(app_test, "MemoryMediaFileStorage", Recording)
    return created


# --- lexicons ----------------------------------------------------------------------------------------------------

def test_lexicon_page_filters_and_rejects_a_bad_upload() -> None:
    at = app().run().switch_page("ui/pages/lexicons.py").run()
    no_failure(at)
    full = len(at.dataframe[0].value)
    at.text_input(key="lexicon_filter_loaded").set_value("regime").run()
    filtered = at.dataframe[0].value
    assert 0 < len(filtered) < full
    at.file_uploader(key="lexicon_upload").set_value(("bad.csv", b"term,category\nfoo,\n", "text/csv")).run()
    assert not at.exception
    assert at.error and "line" in at.error[0].value.lower()


def test_custom_lexicon_applies_to_the_session() -> None:
    lexicon = (ROOT / "analysis" / "data" / "loaded_lexicon.csv").read_bytes()
    lines = lexicon.decode("utf-8").splitlines()
    custom = "\n".join([lines[0]] + [line for line in lines[1:] if line.startswith("special military operation")]).encode() + b"\n"
    at = app().run().switch_page("ui/pages/lexicons.py").run()
    at.file_uploader(key="lexicon_upload").set_value(("mine.csv", custom, "text/csv")).run()
    no_failure(at)
    at.button(key="lexicon_apply").click().run()
    no_failure(at)
    assert at.session_state[corpus_state.LEXICON_KEY][0] == "mine.csv"
    assert any("Custom lexicon in use: mine" in c.value for c in at.sidebar.caption)
    corpus = at.session_state[corpus_state.SESSION_KEY]
    assert set(corpus.results.spans.query("source == 'lexicon'")["term"]) <= {"special military operation"}
    at.button(key="lexicon_reset").click().run()
    no_failure(at)
    assert at.session_state[corpus_state.LEXICON_KEY] is None


# --- components ----------------------------------------------------------------------------------------------------

def test_highlight_escapes_text_and_labels() -> None:
    spans = pd.DataFrame([
        {"start": HOSTILE.index("special"), "end": HOSTILE.index("special") + 26, "term": "<b>smo</b>", "category": "euphemism\"><script>",
         "voice": "authorial", "narrative": "", "neutral_alternative": "invasion"},
        {"start": HOSTILE.index("script>"), "end": HOSTILE.index("script>") + 6, "term": "x", "category": "c", "voice": "<quoted>"},
    ])
    blocks = pd.DataFrame([{"start": 0, "end": HOSTILE.index("\n"), "kind": "boilerplate", "category": "<i>nav</i>"}])
    out = highlighted_html(HOSTILE, blocks, spans)
    for raw in ("<script", "<img", "<iframe", "<i>nav", "<b>smo", "v-<quoted>"):
        assert raw not in out
    assert "&lt;script&gt;" in out and "&lt;iframe srcdoc=" in out
    assert 'class="ld v-authorial"' in out and 'class="ld v-other"' in out
    assert "<details" in out and "&lt;i&gt;nav&lt;/i&gt;" in out
    assert "<details" not in highlighted_html(HOSTILE, blocks, spans, collapse_boilerplate=False)


def test_overlapping_spans_are_drawn_once() -> None:
    spans = pd.DataFrame([{"start": 0, "end": 10, "category": "a", "voice": "quoted"},
                          {"start": 0, "end": 4, "category": "b", "voice": "authorial"},
                          {"start": 5, "end": 12, "category": "b", "voice": "authorial"},
                          {"start": 20, "end": 99, "category": "b", "voice": "attributed"}])
    marks = marks_from_spans(spans, 25)
    assert [(m.start, m.end) for m in marks] == [(0, 10), (20, 25)]
    assert category_colors(["b", "a", "b"]) == {"a": category_colors(["a"])["a"], "b": category_colors(["a", "b"])["b"]}


def test_a_lexicon_entry_wins_over_a_model_hit_at_the_same_place() -> None:
    spans = pd.DataFrame([{"start": 3, "end": 24, "category": "a", "voice": "authorial", "source": "model", "term": ""},
                          {"start": 3, "end": 18, "category": "b", "voice": "authorial", "source": "lexicon", "term": "probe"}])
    marks = marks_from_spans(spans, 30)
    assert [(m.start, m.end) for m in marks] == [(3, 18)] and "term: probe" in marks[0].tooltip


def test_outlet_card_escapes_every_value() -> None:
    row = pd.Series({"outlet": "<script>alert(1)</script>", "outlet_type": "state-controlled", "outlet_type_confidence": 0.8,
                     "state_media_code": "<b>SC</b>", "outlet_evidence": "<img src=x onerror=alert(2)>", "credibility_score": "<i>0.2</i>",
                     "source": "a.txt", "title": "<iframe>", "loaded_per_1k_words": 3.14159, "boilerplate_share": 0.25})
    card = outlet_card_html(row, height=300, title=True)
    for raw in ("<script", "<img", "<b>SC", "<i>0.2", "<iframe"):
        assert raw not in card
    assert "3.1" in card and "25%" in card and "credibility" not in card.split("Reliability")[0]


def test_outlet_card_marks_reading_ease_of_a_non_english_document() -> None:
    note = "not English: 94% of the words are in Cyrillic script <x>"
    card = outlet_card_html(pd.Series({"flesch_reading_ease": 104.7, "readability_note": note}))
    assert "Reading ease ⚠" in card and "104.7" in card and "Cyrillic script &lt;x&gt;" in card
    assert "⚠" not in outlet_card_html(pd.Series({"flesch_reading_ease": 55.0, "readability_note": ""}))


def test_charts_are_none_without_data_and_figures_with_it(seeds) -> None:
    empty = Results()
    assert charts.loaded_density(empty, {}) is None
    assert charts.boilerplate_share(empty, {}) is None
    assert charts.outlet_types(empty) is None
    assert charts.timeline(empty, {}) is None
    assert charts.frame_profile(empty, [], {}) is None
    rich = rich_corpus(seeds).results
    labels = {d: d for d in rich.documents["doc_id"]}
    assert charts.boilerplate_share(rich, labels) is not None
    assert charts.outlet_types(rich) is not None
    assert charts.frame_profile(rich, list(labels), labels) is not None


def test_adjacent_boilerplate_blocks_collapse_into_one_box() -> None:
    text = "Subscribe now\nSign up for our newsletter\nThe summit began on Monday.\nDonate today"
    lines = [(0, 13), (14, 40), (41, 68), (69, 81)]
    kinds = [("boilerplate", "subscription"), ("boilerplate", "newsletter"), ("body", ""), ("boilerplate", "donation")]
    blocks = pd.DataFrame([{"start": s, "end": e, "kind": k, "category": c} for (s, e), (k, c) in zip(lines, kinds)])
    out = highlighted_html(text, blocks)
    assert out.count("<details") == 2
    assert "subscription, newsletter" in out
    assert "The summit began on Monday." in out


def test_document_labels_are_short_and_distinct() -> None:
    from ui.components.tables import doc_labels

    documents = pd.DataFrame({"doc_id": ["a1", "b2", "c3", "d4"], "source": ["x/1.txt", "z.zip!in/2.txt", "x/1.txt", "x/1.txt"],
                              "outlet": ["RT", None, "", float("nan")], "title": ["T" * 60, "Hi", None, None]})
    labels = doc_labels(documents)
    assert labels["a1"] == "RT · " + "T" * 47 + "…"
    assert labels["b2"] == "2.txt · Hi"
    assert labels["c3"] == "1.txt" and labels["d4"] == "1.txt (d4)"


def test_a_failing_step_shows_a_message_not_a_traceback() -> None:
    def script() -> None:
        from ui.errors import guard

        with guard("drawing a test page"):
            raise ValueError("bad *value* [x](javascript:alert(1))")

    at = AppTest.from_function(script).run()
    assert not at.exception
    assert "Something went wrong while drawing a test page" in at.error[0].value
    assert "\\*value\\*" in at.error[0].value and "\\[x\\]" in at.error[0].value


def test_big_folder_of_tables_opens_and_every_page_renders(tmp_path: Path, monkeypatch) -> None:
    """A batch-scored corpus (2,000 documents here) opens from its tables and every page draws."""
    n = 2000
    ids = [f"{i:016x}" for i in range(n)]
    documents = pd.DataFrame({"doc_id": ids, "source": [f"batch/{i}.txt" for i in range(n)], "title": [f"Story {i}" for i in range(n)],
                              "outlet": [f"Outlet {i % 37}" for i in range(n)], "outlet_type": "commercial mainstream",
                              "event_id": [f"E{i % 50}" for i in range(n)], "published": "2022-02-01", "body_words": 100,
                              "boilerplate_share": 0.1, "loaded_per_1k_words": [i % 7 for i in range(n)], "flesch_reading_ease": 50.0})
    blocks = pd.DataFrame({"doc_id": ids, "start": 0, "end": 11, "kind": "body", "category": "", "text": "Hello world"})
    spans = pd.DataFrame({"doc_id": ids, "start": 6, "end": 11, "text": "world", "term": "world", "category": "euphemism", "voice": "authorial",
                          "in_boilerplate": False, "source": "lexicon", "score": 1.0})
    export.write_results(Results({"documents": documents, "blocks": blocks, "spans": spans}), tmp_path / "big")
    monkeypatch.setattr(sys, "argv", ["dashboard.py", str(tmp_path / "big")])
    at = app().run()
    no_failure(at)
    assert len(at.dataframe[0].value) == n
    for page in PAGES[1:]:
        at.switch_page(f"ui/pages/{page}.py").run()
        no_failure(at)


def test_overview_row_selection_links_to_the_document(seeds) -> None:
    results, _ = seeds
    at = app().run()
    at.session_state["overview_table"] = {"selection": {"rows": [1], "columns": [], "cells": []}}
    at.run()
    no_failure(at)
    links = [link.proto for link in at.get("page_link") if link.proto.label.startswith("Open ")]
    assert links and links[0].query_string == f"doc={results.documents['doc_id'].iloc[1]}"


def larger_corpus(seeds, copies: int = 2) -> Corpus:
    """The seeds `copies` times over (new ids), split into two events: one of 7+ documents and one of the rest."""
    base = rich_corpus(seeds)
    frames, texts = [], {}
    for copy in range(copies):
        documents = base.results.documents.copy()
        documents["doc_id"] = documents["doc_id"] + f"-{copy}"
        frames.append(documents)
        texts.update({f"{k}-{copy}": v for k, v in base.texts.items()})
    documents = pd.concat(frames, ignore_index=True)
    documents["event_id"] = ["big"] * 7 + ["small"] * (len(documents) - 7)
    return Corpus("larger", Results({"documents": documents}), texts, f"larger-{uuid.uuid4().hex}")


def test_compare_event_choice_and_a_large_event(seeds) -> None:
    at = with_corpus(app(), larger_corpus(seeds)).run()
    at.switch_page("ui/pages/compare.py").run()
    no_failure(at)
    assert at.selectbox(key="compare_event").value == "big"
    assert len(at.multiselect(key="compare_event_docs").value) == 6, "at most six columns for one event"
    at.multiselect(key="compare_event_docs").set_value(at.multiselect(key="compare_event_docs").value[:2]).run()
    assert len([b for b in html_bodies(at) if "sfd-card" in b]) == 2
    at.selectbox(key="compare_event").set_value("small").run()
    no_failure(at)
    assert "".join(at.query_params["event"]) == "small"
    assert len([b for b in html_bodies(at) if "sfd-card" in b]) == 3


def test_lexicon_category_filter_and_registry_tab() -> None:
    at = app().run().switch_page("ui/pages/lexicons.py").run()
    categories = at.multiselect(key="lexicon_category_loaded")
    at.multiselect(key="lexicon_category_loaded").set_value([categories.options[0]]).run()
    no_failure(at)
    shown = at.dataframe[0].value
    assert len(shown) > 0 and set(shown["category"]) == {categories.options[0]}
    assert any(b.proto.label.startswith("Download the shipped lexicon") for b in at.get("download_button"))


def test_model_hits_without_category_get_their_own_grey_legend_entry() -> None:
    from ui.components.highlight import UNCATEGORISED, legend_html

    spans = pd.DataFrame([{"start": 0, "end": 4, "category": "", "voice": "authorial", "source": "model"},
                          {"start": 5, "end": 9, "category": "euphemism", "voice": "quoted", "source": "lexicon"}])
    colors = category_colors(spans["category"])
    assert list(colors) == ["euphemism", UNCATEGORISED]
    assert UNCATEGORISED in legend_html(colors)
    assert "category: model hit (no category)" in highlighted_html("abcd efgh", None, spans, colors)


# --- event overrides -----------------------------------------------------------------------------------------------

def _served(storages, at: AppTest, label: str) -> bytes:
    """The bytes behind the download button with this label."""
    url = next(b.proto.url for b in at.get("download_button") if b.proto.label == label)
    return storages[-1].get_file(url.rsplit("/", 1)[-1]).content


def test_event_editor_regroups_through_the_engine_and_the_export_follows(seeds, monkeypatch) -> None:
    from analysis.framing import regroup_events

    results, _ = seeds
    ids = results.documents["doc_id"].tolist()
    storages = _record_media_storage(monkeypatch)
    at = app().run().switch_page("ui/pages/compare.py").run()
    no_failure(at)
    base = at.session_state[corpus_state.SESSION_KEY]
    editor = f"events_editor_{base.key}"
    # Move the Alaska article (003) into the event of 000 and 004, as an analyst would in the table.
    target = results.documents.loc[0, "event_id"]
    at.session_state[editor] = {"edited_rows": {"3": {"event_id": target}}, "added_rows": [], "deleted_rows": []}
    at.button(key="events_apply").click().run()
    no_failure(at)
    overrides = at.session_state[corpus_state.OVERRIDES_KEY][1]
    assert overrides[ids[3]] == target and len(overrides) == 5, "what the table shows is what is kept"
    assert any("Events regrouped by hand for 5 documents" in c.value for c in at.sidebar.caption)
    expected = regroup_events(results, overrides)
    assert any(o.startswith(f"{target} (3 documents)") for o in at.selectbox(key="compare_event").options), "Compare offers the regrouped event"
    at.switch_page("ui/pages/export.py").run()
    no_failure(at)
    for name in ("documents", "naming", "distinctive_terms", "comparisons"):
        assert _served(storages, at, f"{name}.csv") == export.table_bytes(expected.tables[name]), f"{name} is exported regrouped"
    documents = pd.read_csv(io.BytesIO(_served(storages, at, "documents.csv")))
    assert documents.loc[documents["doc_id"] == ids[3], "event_id"].item() == target
    at.switch_page("ui/pages/compare.py").run()
    at.button(key="events_reset").click().run()
    no_failure(at)
    assert at.session_state[corpus_state.OVERRIDES_KEY] is None
    at.switch_page("ui/pages/export.py").run()
    assert _served(storages, at, "documents.csv") == export.table_bytes(results.documents)


def test_events_file_downloads_in_the_cli_format_and_uploads_back(seeds, tmp_path: Path, monkeypatch) -> None:
    from analysis.events import read_event_overrides

    results, _ = seeds
    ids = results.documents["doc_id"].tolist()
    storages = _record_media_storage(monkeypatch)
    at = app().run().switch_page("ui/pages/compare.py").run()
    downloaded = _served(storages, at, "Download the events as CSV (for --events FILE)")
    (tmp_path / "events.csv").write_bytes(downloaded)
    assert read_event_overrides(tmp_path / "events.csv") == dict(zip(ids, results.documents["event_id"])), "the CLI reads the file"
    # An analyst's file: by source path and by file name, one new event, one row for a document that is not here.
    sources = results.documents["source"].tolist()
    mine = (f"source,event_id\n{sources[2]},beijing\n{Path(sources[1]).name},beijing\nnot-here.txt,other\n").encode()
    at.file_uploader(key="events_upload").set_value(("mine.csv", mine, "text/csv")).run()
    no_failure(at)
    assert any("1 row names no document" in w.value for w in at.warning)
    at.button(key="events_upload_apply").click().run()
    no_failure(at)
    assert at.session_state[corpus_state.OVERRIDES_KEY][1] == {ids[1]: "beijing", ids[2]: "beijing"}
    assert any("mine.csv is applied" in s.value.replace("\\", "") for s in at.success)
    view = corpus_state.regrouped(at.session_state[corpus_state.SESSION_KEY], {ids[1]: "beijing", ids[2]: "beijing"})
    assert set(view.results.documents.loc[view.results.documents["event_id"] == "beijing", "doc_id"]) == {ids[1], ids[2]}
    at.file_uploader(key="events_upload").set_value(("bad.csv", b"doc_id,event_id\nabc,\n", "text/csv")).run()
    assert not at.exception
    assert at.error and "bad.csv, line 2" in at.error[0].value.replace("\\", "")


def test_overrides_made_for_another_corpus_are_ignored(seeds) -> None:
    at = app()
    at.session_state[corpus_state.OVERRIDES_KEY] = ("another-corpus", {"x": "E9"})
    at.run()
    no_failure(at)
    assert not any("regrouped by hand" in c.value for c in at.sidebar.caption)
    assert len(at.dataframe[0].value) == 5


# --- registry attribution --------------------------------------------------------------------------------------------

def test_outlet_card_names_the_registry_behind_its_labels() -> None:
    from analysis.outlets import ATTRIBUTION
    from ui.components.outlet_card import CRED_SOURCE, CURATED_SOURCE, SMM_SOURCE, label_sources

    smm = pd.Series({"outlet": "RT", "outlet_type": "state-controlled", "state_media_code": "SC", "outlet_evidence": "registry row smm:1"})
    cred = pd.Series({"outlet": "X", "credibility_source": "CRED-1 (A. Loth, CC BY 4.0), 2026-08-04", "outlet_evidence": "curated: Wikipedia"})
    assert label_sources(smm) == [SMM_SOURCE]
    assert label_sources(cred) == [CRED_SOURCE, CURATED_SOURCE]
    assert label_sources(pd.Series({"outlet_evidence": "publisher not identified"})) == []
    card = outlet_card_html(smm)
    assert "Label source" in card and SMM_SOURCE in card and html.escape(ATTRIBUTION) in card
    assert "Label source" not in outlet_card_html(pd.Series({"outlet": "Nobody"}))


def test_attribution_shows_on_the_document_and_lexicon_pages(seeds) -> None:
    results, _ = seeds
    credited = results.documents.loc[results.documents["credibility_source"].fillna("") != "", "doc_id"].iloc[0]
    at = app()
    at.query_params["doc"] = credited
    at.run().switch_page("ui/pages/document.py").run()
    no_failure(at)
    assert any("CRED-1 (CC BY 4.0)" in b for b in html_bodies(at) if "sfd-card" in b)
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "State Media Monitor" in captions and "CC BY 4.0" in captions and "MIT" in captions
    at.switch_page("ui/pages/lexicons.py").run()
    no_failure(at)
    assert any("Sources of the labels" in c.value and "CRED-1" in c.value.replace("\\", "") for c in at.caption)


# --- custom referent and frame lexicons ----------------------------------------------------------------------------------

def _only(path: Path, first_cell: str) -> bytes:
    """The shipped lexicon cut down to its header and the rows whose first cell is `first_cell`."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return ("\n".join([lines[0]] + [line for line in lines[1:] if line.split(",", 1)[0] == first_cell]) + "\n").encode()


def test_custom_referent_and_frame_lexicons_apply_to_the_session() -> None:
    data = ROOT / "analysis" / "data"
    at = app().run().switch_page("ui/pages/lexicons.py").run()
    at.file_uploader(key="referents_upload").set_value(("bad_referents.csv", b"referent,term\nwar_in_ukraine,\n", "text/csv")).run()
    assert not at.exception
    assert at.error and "bad_referents.csv, line 2" in at.error[0].value.replace("\\", "")
    at.file_uploader(key="referents_upload").set_value(("war.csv", _only(data / "referents.csv", "war_in_ukraine"), "text/csv")).run()
    no_failure(at)
    at.button(key="referents_apply").click().run()
    no_failure(at)
    assert at.session_state[corpus_state.REFERENTS_KEY][0] == "war.csv"
    assert any("Custom lexicon in use: war.csv" in c.value.replace("\\", "") for c in at.sidebar.caption)
    naming = at.session_state[corpus_state.SESSION_KEY].results.naming
    assert len(naming) > 0 and set(naming["referent"]) == {"war_in_ukraine"}
    at.file_uploader(key="frames_upload").set_value(("economy.csv", _only(data / "frames.csv", "economic"), "text/csv")).run()
    no_failure(at)
    at.button(key="frames_apply").click().run()
    no_failure(at)
    documents = at.session_state[corpus_state.SESSION_KEY].results.documents
    assert documents["frame_economic"].sum() > 0 and documents["frame_security_defense"].sum() == 0
    assert set(at.session_state[corpus_state.SESSION_KEY].results.naming["referent"]) == {"war_in_ukraine"}, "both custom files at once"
    at.button(key="referents_reset").click().run()
    at.button(key="frames_reset").click().run()
    no_failure(at)
    assert len(set(at.session_state[corpus_state.SESSION_KEY].results.naming["referent"])) > 1


# --- a zip of CLI tables uploaded in the browser ---------------------------------------------------------------------------

def test_uploaded_zip_of_cli_tables_opens_as_results(seeds, monkeypatch) -> None:
    results, texts = seeds
    monkeypatch.setattr(corpus_state, "analyze", lambda *a, **k: pytest.fail("a zip of tables must not be analysed as articles"))
    at = app()
    at.session_state["corpus_source"] = "upload"
    at.run()
    at.sidebar.file_uploader(key="uploads").set_value(("tables-csv.zip", export.zip_bytes(results), "application/zip")).run()
    no_failure(at)
    corpus = at.session_state[corpus_state.SESSION_KEY]
    assert corpus.from_tables and corpus.label == "tables in tables-csv.zip"
    assert any("5** documents from tables in tables-csv.zip" in c.value.replace("\\", "") for c in at.sidebar.caption)
    assert export.zip_bytes(corpus.results) == export.zip_bytes(results)
    at.switch_page("ui/pages/compare.py").run()
    no_failure(at)
    assert len([b for b in html_bodies(at) if "sfd-doc" in b]) >= 2


def test_zip_of_tables_next_to_articles_is_set_aside_with_a_note(seeds) -> None:
    results, _ = seeds
    at = app()
    at.session_state["corpus_source"] = "upload"
    at.run()
    at.sidebar.file_uploader(key="uploads").set_value([("tables.zip", export.zip_bytes(results), "application/zip"),
                                                      ("a.txt", b"Leaders met in Moscow.\nThey talked about energy.", "text/plain")]).run()
    no_failure(at)
    assert len(at.dataframe[0].value) == 1
    assert any("opens on its own" in e for e in at.dataframe[-1].value["error"])


# --- large corpora: what keeps the first view fast ---------------------------------------------------------------

def many_documents(n: int) -> pd.DataFrame:
    """n synthetic document rows in 60 events over two months (as a batch-scored corpus would have)."""
    return pd.DataFrame({"doc_id": [f"{i:016x}" for i in range(n)], "source": [f"batch/{i}.txt" for i in range(n)],
                         "title": [f"Story {i}" for i in range(n)], "outlet": [f"Outlet {i % 37}" for i in range(n)],
                         "outlet_type": "commercial mainstream", "event_id": [f"E{i % 60}" for i in range(n)],
                         "published": [f"2022-0{1 + i % 2}-{1 + i % 28:02d}" for i in range(n)], "body_words": 100,
                         "boilerplate_share": 0.1, "loaded_per_1k_words": [float(i % 97) for i in range(n)], "flesch_reading_ease": 50.0})


def test_overview_of_a_large_corpus_caps_the_table_with_search_and_order() -> None:
    n = 2600
    corpus = Corpus("many", Results({"documents": many_documents(n)}), {}, f"many-{uuid.uuid4().hex}")
    at = with_corpus(app(), corpus).run()
    no_failure(at)
    assert len(at.dataframe[0].value) == 2000
    assert any("2,600 documents: the table shows the first 2,000" in c.value for c in at.caption)
    at.text_input(key="overview_search").set_value("story 25").run()
    no_failure(at)
    found = at.dataframe[0].value
    assert 0 < len(found) < 2000 and found["title"].str.contains("Story 25").all()
    at.text_input(key="overview_search").set_value("").run()
    at.selectbox(key="overview_order").set_value("loaded_per_1k_words").run()
    no_failure(at)
    ordered = at.dataframe[0].value["loaded_per_1k_words"]
    assert ordered.iloc[0] == 96.0 and ordered.is_monotonic_decreasing
    at.session_state["overview_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    links = [link.proto for link in at.get("page_link") if link.proto.label.startswith("Open ")]
    assert links and links[0].query_string == f"doc={at.dataframe[0].value['doc_id'].iloc[0]}"


def test_readability_chart_leaves_out_non_english_and_short_bodies() -> None:
    """A Russian page scores Flesch 107 and is not matched against the English lexicon: its dot would sit at
    'easy and neutral' for reasons that have nothing to do with the text, so it is left out and counted."""
    documents = pd.DataFrame({
        "doc_id": ["en1", "en2", "ru", "short"],
        "flesch_reading_ease": [55.0, 48.0, 107.0, 70.0],
        "loaded_per_1k_words": [3.0, 1.5, 0.0, 40.0],
        "body_words": [800, 650, 900, 12],
        "readability_note": ["", "", "not English: 96% of the words are in Cyrillic script", ""],
        "outlet_type": ["commercial", "wire", "state-controlled", "commercial"],
    })
    labels = {d: d for d in documents["doc_id"]}
    figure = charts.readability_vs_loaded(Results({"documents": documents}), labels)
    drawn = sorted(x for trace in figure.data for x in trace.x)
    assert drawn == [48.0, 55.0]
    assert "1 not read as English prose" in figure.layout.title.text and "1 under 100 body words" in figure.layout.title.text
    only_russian = Results({"documents": documents[documents["doc_id"] == "ru"]})
    assert charts.readability_vs_loaded(only_russian, labels) is None


def test_large_corpus_charts_are_aggregates() -> None:
    documents = many_documents(1200)
    results = Results({"documents": documents})
    labels = {d: d for d in documents["doc_id"]}
    timeline = charts.timeline(results, labels)
    assert {trace.type for trace in timeline.data} == {"bar"}
    assert len(timeline.data) == charts.TIMELINE_EVENTS + 1  # the largest events by name, then '(other events)'
    assert sum(sum(trace.y) for trace in timeline.data) == 1200
    assert charts.readability_vs_loaded(results, labels).data[0].type == "histogram2d"
    small = Results({"documents": documents.head(30)})
    assert {trace.type for trace in charts.timeline(small, labels).data} == {"scatter"}
    # A few hundred documents no longer fit one labelled row each: counts per day, whatever AGGREGATE_ABOVE says.
    middle = charts.timeline(Results({"documents": documents.head(300)}), labels)
    assert {trace.type for trace in middle.data} == {"bar"} and sum(sum(trace.y) for trace in middle.data) == 300


def test_timeline_says_how_many_documents_have_no_date() -> None:
    documents = many_documents(10)
    documents.loc[[0, 3, 4], "published"] = None
    figure = charts.timeline(Results({"documents": documents}), {d: d for d in documents["doc_id"]})
    assert "7 of 10 documents have a date" in figure.layout.title.text
    assert sum(len(trace.x) for trace in figure.data) == 7


def test_category_colours_do_not_depend_on_which_categories_are_present() -> None:
    from ui.components.highlight import BOILERPLATE_CATEGORIES, LOADED_CATEGORIES

    alone = category_colors(["identity appeal"])
    together = category_colors(["euphemism", "identity appeal", "dysphemism", "custom label"])
    assert alone["identity appeal"] == together["identity appeal"]
    assert len(set(together.values())) == 4, "a custom category gets a colour of its own"
    lexicon = pd.read_csv(ROOT / "analysis" / "data" / "loaded_lexicon.csv")
    assert set(LOADED_CATEGORIES) == set(lexicon["category"]), "every shipped category has its fixed colour"
    from analysis.boilerplate import CATEGORIES

    assert BOILERPLATE_CATEGORIES == CATEGORIES


def test_loaded_density_counts_what_the_documents_columns_count() -> None:
    """Lexicon hits outside boilerplate over body words (loaded_per_1k_words), short bodies left out."""
    documents = pd.DataFrame({"doc_id": ["long", "short"], "body_words": [500, 20], "loaded_per_1k_words": [4.0, 50.0]})
    spans = pd.DataFrame({
        "doc_id": ["long", "long", "long", "long", "short"],
        "source": ["lexicon", "lexicon", "model", "lexicon", "lexicon"],
        "in_boilerplate": [False, False, False, True, False],
        "voice": "authorial", "category": ["euphemism", "euphemism", "", "euphemism", "euphemism"],
    })
    figure = charts.loaded_density(Results({"documents": documents, "spans": spans}), {"long": "Long", "short": "Short"})
    values = {(trace.name, y): x for trace in figure.data for x, y in zip(trace.x, trace.y)}
    assert values == {("euphemism", "Long"): 4.0}, "model hits and boilerplate hits are counted apart, as in the table"
    assert "1 document under 100 body words left out" in figure.layout.title.text


def test_compare_keeps_a_large_events_chosen_documents_in_the_url() -> None:
    documents = many_documents(480)  # 8 documents in each of 60 events
    corpus = Corpus("many", Results({"documents": documents}), {}, f"many-{uuid.uuid4().hex}")
    event_docs = documents.loc[documents["event_id"] == "E7", "doc_id"].tolist()
    at = with_corpus(app(), corpus)
    at.query_params["event"] = "E7"
    at.run().switch_page("ui/pages/compare.py").run()
    no_failure(at)
    assert at.multiselect(key="compare_event_docs").value == event_docs[:6]
    label = at.selectbox(key="compare_event").format_func("E7")
    assert label == "E7 (8 documents) · Story 7", "the event's first headline says what it is about"
    picked = [event_docs[7], event_docs[2], event_docs[5]]
    at.multiselect(key="compare_event_docs").set_value(picked).run()
    no_failure(at)
    assert "".join(at.query_params["event"]) == "E7" and "".join(at.query_params["docs"]) == ",".join(picked)
    # The link opens the same choice in a new session.
    again = with_corpus(app(), corpus)
    again.query_params["event"], again.query_params["docs"] = "E7", ",".join(picked)
    again.run().switch_page("ui/pages/compare.py").run()
    no_failure(again)
    assert again.multiselect(key="compare_event_docs").value == picked
    assert again.selectbox(key="compare_event").value == "E7"


def test_texts_of_a_folder_of_tables_are_rebuilt_on_first_use(seeds) -> None:
    results, texts = seeds
    lazy = corpus_state.BlockTexts(results.blocks)
    assert lazy._rows is None  # nothing rebuilt before a page asks
    doc_id = next(iter(texts))
    assert lazy.get(doc_id) == texts_from_blocks(results.blocks)[doc_id]
    assert lazy.get("no such document") is None
    assert set(lazy) == set(texts) and len(lazy) == len(texts)
