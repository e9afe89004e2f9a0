"""Export: formula neutralising, numeric columns kept numeric, reproducible bytes, round trip."""
from __future__ import annotations

import csv
import io
import zipfile

import pandas as pd

from analysis import export
from analysis.results import Results, make_table


def test_formula_cells_are_neutralised_and_numbers_stay_numbers():
    frame = pd.DataFrame({"text": ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "plain"], "n": [-1, 2, 3, 4, 5, 6, 7]})
    rows = list(csv.DictReader(io.StringIO(export.table_csv_bytes(frame).decode(), newline="")))
    assert [r["text"] for r in rows] == ["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "plain"]
    assert [r["n"] for r in rows] == ["-1", "2", "3", "4", "5", "6", "7"]


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
