"""Export: formula neutralising, numeric columns kept numeric, reproducible bytes, round trip."""
from __future__ import annotations

import csv
import io
import zipfile

import numpy as np
import pandas as pd

from analysis import export
from analysis.results import Results, make_table


def test_formula_cells_are_neutralised_and_numbers_stay_numbers():
    frame = pd.DataFrame({"text": ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "plain"], "n": [-1, 2, 3, 4, 5, 6, 7]})
    rows = list(csv.DictReader(io.StringIO(export.table_csv_bytes(frame).decode(), newline="")))
    assert [r["text"] for r in rows] == ["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "plain"]
    assert [r["n"] for r in rows] == ["-1", "2", "3", "4", "5", "6", "7"]


def test_safe_frame_neutralises_every_text_dtype_alike():
    """String columns (vectorised), nullable "string" and object columns (cell by cell) give the same cells."""
    cells = ["=x", None, "y", "+", "", "@z", "\tq", "-", "\rz"]
    frame = pd.DataFrame({
        "str": pd.Series(cells, dtype="str"),
        "string": pd.Series(cells, dtype="string"),
        "object": pd.Series(cells + [3], dtype=object)[:-1],
        "clean": pd.Series(["a", None, "b", "c", "", "d", "e", "f", "g"], dtype="str"),
        "n": range(9),
    })
    safe = export.safe_frame(frame)
    expected = ["'=x", None, "y", "'+", "", "'@z", "'\tq", "'-", "'\rz"]
    for column in ("str", "string", "object"):
        assert [None if pd.isna(v) else v for v in safe[column]] == expected, column
    assert [safe[c].dtype for c in ("str", "string", "clean", "n")] == [frame[c].dtype for c in ("str", "string", "clean", "n")]
    assert safe["clean"].equals(frame["clean"]) and safe["n"].equals(frame["n"])
    assert frame["str"][0] == "=x"  # the input frame is left alone


def test_neutralising_is_undone_exactly_when_tables_are_read_back(tmp_path):
    """Text already led by apostrophes before a formula character gets one more, so reading back is exact."""
    cells = ["=x", "'=x", "''-x", "'plain", "plain", "-", "'", "''", "", "@", "it's", "'\tq"]
    safe = [export.neutralise_cell(cell) for cell in cells]
    assert not any(cell.startswith(export.FORMULA_PREFIXES) for cell in safe)
    assert list(export.restored_frame(pd.DataFrame({"text": safe}))["text"]) == cells
    assert export.neutralise_cell("'=x") == "''=x" and export.neutralise_cell("'plain") == "'plain"
    frame = pd.DataFrame({"text": pd.Series(cells, dtype="str"), "object": pd.Series(cells, dtype=object), "n": range(len(cells))})
    assert list(export.safe_frame(frame)["text"]) == [export.neutralise_cell(c) for c in cells]
    for fmt in export.FORMATS:
        export.write_results(Results({"documents": make_table("documents", [{"doc_id": str(i), "title": c} for i, c in enumerate(cells)])}), tmp_path / fmt, fmt)
        again = export.read_results(tmp_path / fmt).documents
        assert [("" if pd.isna(v) else v) for v in again["title"]] == cells, fmt
        assert export.table_bytes(again, fmt) == (tmp_path / fmt / f"documents.{fmt}").read_bytes(), "written again, the same bytes"


def test_csv_floats_are_printed_as_numpy_prints_them():
    """table_csv_bytes hands float64 columns to to_csv as Python floats (repr); the text is the float64 text."""
    rng = np.random.default_rng(7)
    bits = rng.integers(0, 2**64, 20_000, dtype=np.uint64).view(np.float64)
    floats = np.concatenate([
        bits[np.isfinite(bits)], rng.normal(size=5_000) * 10.0 ** rng.integers(-20, 20, 5_000),
        [0.0, -0.0, 1e16, 1e-4, 1e-5, 9999999999999998.0, 0.1, 5e-324, np.inf, -np.inf, np.nan, 61.0642],
    ])
    with np.errstate(over="ignore"):  # values beyond float32's range become inf, which is wanted here
        narrowed = floats.astype(np.float32)
    frame = pd.DataFrame({"x": floats, "text": ["-a"] * len(floats), "n": range(len(floats)), "x32": narrowed})
    expected = export.safe_frame(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8")
    assert export.table_csv_bytes(frame) == expected
    assert frame["x"].dtype == np.float64  # the input frame is left alone
    assert list(export._csv_ready(frame).dtypes) == [object, frame["text"].dtype, np.int64, np.float32]


def test_contract_tables_always_exist_with_their_columns():
    from analysis.results import TABLE_COLUMNS

    results = Results({})
    for name, columns in TABLE_COLUMNS.items():
        assert list(results[name].columns)[: len(columns)] == list(columns)


def test_write_read_round_trip_and_zip_is_reproducible(tmp_path):
    results = Results({"documents": make_table("documents", [{"doc_id": "a", "source": "x.txt", "words": 3}])})
    written = export.write_results(results, tmp_path / "out")
    assert {p.name for p in written} >= {"documents.csv", "errors.csv", "spans.csv"}
    again = export.read_results(tmp_path / "out")
    assert again.documents.loc[0, "doc_id"] == "a" and again.documents.loc[0, "words"] == 3
    assert export.is_results_dir(tmp_path / "out")
    first, second = export.zip_bytes(results), export.zip_bytes(results)
    assert first == second
    names = zipfile.ZipFile(io.BytesIO(first)).namelist()
    assert names[: len(export.EXPORT_TABLES)] == [f"{n}.csv" for n in export.EXPORT_TABLES]


def test_parquet_export(tmp_path):
    results = Results({"documents": make_table("documents", [{"doc_id": "a", "title": "=bad"}])})
    export.write_results(results, tmp_path, "parquet")
    back = pd.read_parquet(tmp_path / "documents.parquet")
    assert back.loc[0, "title"] == "'=bad"
    assert export.read_results(tmp_path).documents.loc[0, "title"] == "=bad", "read back as analysed"


def test_results_zip_reads_back_like_a_folder(tmp_path):
    results = Results({"documents": make_table("documents", [{"doc_id": "a", "source": "x.txt", "title": "=bad", "words": 3}]),
                       "extra": pd.DataFrame({"doc_id": ["a"], "n": [1]})})
    for fmt in export.FORMATS:
        data = export.zip_bytes(results, fmt)
        assert export.is_results_zip(data)
        again = export.read_results_zip(data)
        assert again.documents.loc[0, "doc_id"] == "a" and again.documents.loc[0, "words"] == 3
        assert again.documents.loc[0, "title"] == "=bad" and again.tables["extra"].loc[0, "n"] == 1
        assert export.zip_bytes(again, fmt) == data, "reading and writing again gives the same bytes"
    articles = io.BytesIO()
    with zipfile.ZipFile(articles, "w") as archive:
        archive.writestr("story.txt", "An article.")
        archive.writestr("folder/documents.csv", "doc_id\na\n")
    assert not export.is_results_zip(articles.getvalue()) and not export.is_results_zip(b"not a zip")
    try:
        export.read_results_zip(articles.getvalue(), "articles.zip")
    except FileNotFoundError as exc:
        assert "articles.zip" in str(exc)
    else:
        raise AssertionError("a zip without documents.csv at its root is not a results zip")


def test_read_results_reads_each_table_on_first_use(tmp_path):
    """A folder (or zip) of tables opens without reading its tables; each is read once, when first asked for."""
    from analysis.results import LazyTables

    results = Results({"documents": make_table("documents", [{"doc_id": "a", "words": 3}]),
                       "blocks": make_table("blocks", [{"doc_id": "a", "start": 0, "end": 4, "kind": "body", "text": "Text"}]),
                       "extra": pd.DataFrame({"doc_id": ["a"], "n": [1]})})
    export.write_results(results, tmp_path / "out")
    for again in (export.read_results(tmp_path / "out"), export.read_results_zip(export.zip_bytes(results))):
        tables = again.tables
        assert isinstance(tables, LazyTables) and tables.loaded() == []
        assert "blocks" in tables and "extra" in tables and "nothing" not in tables and len(tables) == len(export.EXPORT_TABLES) + 1
        assert tables.loaded() == [], "asking whether a table is there reads nothing"
        assert again.documents.loc[0, "words"] == 3
        assert tables.loaded() == ["documents"]
        assert again.documents is again.documents, "read once, then kept"
        assert again.blocks.loc[0, "text"] == "Text" and tables["extra"].loc[0, "n"] == 1
        assert tables.get("nothing") is None
        assert sorted(tables) == sorted(export.EXPORT_TABLES + ("extra",))


def test_lazy_tables_read_like_the_files(tmp_path):
    """Lazily read tables equal a plain read of each file, and write back the same bytes."""
    results = Results({"documents": make_table("documents", [{"doc_id": "a", "source": "x.txt", "title": "=bad", "words": 3, "published": ""}]),
                       "spans": make_table("spans", [{"doc_id": "a", "start": 0, "end": 1, "text": "x", "voice": "quoted"}])})
    written = export.write_results(results, tmp_path)
    again = export.read_results(tmp_path)
    for path in written:
        plain = export.restored_frame(pd.read_csv(path, keep_default_na=False, na_values=[""]))
        pd.testing.assert_frame_equal(again.tables[path.stem], plain)
        assert export.table_bytes(again.tables[path.stem]) == path.read_bytes()
