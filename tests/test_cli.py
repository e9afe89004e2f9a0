"""The CLI end to end: tables for the seeds, help texts and each exit status."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from analysis.cli import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, main
from analysis.results import TABLE_COLUMNS
from conftest import ROOT, SEEDS


def test_score_seeds_writes_every_table_with_metadata(tmp_path, capsys):
    assert main(["score", str(SEEDS), "--out", str(tmp_path), "--no-progress"]) == EXIT_OK
    for name, columns in TABLE_COLUMNS.items():
        table = pd.read_csv(tmp_path / f"{name}.csv", keep_default_na=False)
        assert list(table.columns)[: len(columns)] == list(columns)
    documents = pd.read_csv(tmp_path / "documents.csv", keep_default_na=False).set_index(
        pd.read_csv(tmp_path / "documents.csv")["source"].str.extract(r"(\d{3})_")[0]
    )
    assert documents.loc["001", "author"] == "Angeline Tan" and documents.loc["001", "published"] == "2023-10-23"
    assert documents.loc["004", "title"].startswith("Putin accuses the West")
    assert documents.loc["000", "title"] == ""
    assert "Analysed 5 document(s)" in capsys.readouterr().out


def test_score_parquet(tmp_path):
    assert main(["score", str(SEEDS), "--out", str(tmp_path), "--format", "parquet", "--no-progress"]) == EXIT_OK
    assert len(pd.read_parquet(tmp_path / "documents.parquet")) == 5


def test_partial_failure_still_writes_and_exits_1(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text("A good article about the summit.")
    (inputs / "empty.txt").write_text("")
    assert main(["score", str(inputs), "--out", str(tmp_path / "out"), "--no-progress"]) == EXIT_PARTIAL
    assert len(pd.read_csv(tmp_path / "out" / "documents.csv")) == 1
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert errors["error"].tolist() == ["empty file"]


def test_nothing_readable_exits_3(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    assert main(["score", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out"), "--no-progress"]) == EXIT_NOTHING


def test_usage_error_exits_2(tmp_path):
    assert main(["score", str(SEEDS)]) == EXIT_USAGE  # --out is required
    assert main(["score", str(SEEDS), "--out", str(tmp_path), "--format", "xls"]) == EXIT_USAGE


@pytest.mark.parametrize("argv", [["--help"], ["score", "--help"], ["compare", "--help"]])
def test_help_on_every_command(argv):
    done = subprocess.run([sys.executable, "-m", "analysis", *argv], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0 and "usage:" in done.stdout


def test_compare_reads_a_folder_of_tables(tmp_path, capsys):
    main(["score", str(SEEDS), "--out", str(tmp_path), "--no-progress"])
    capsys.readouterr()
    assert main(["compare", str(tmp_path)]) == EXIT_OK
    assert "Event" in capsys.readouterr().out


@pytest.mark.parametrize("extra", [[], ["--chunk-size", "2"]], ids=["in-memory", "streaming"])
def test_events_file_keyed_by_file_name_overrides_grouping(tmp_path, extra):
    events = tmp_path / "events.csv"
    events.write_text("source,event_id\n001_6f70f64c7eee473d.txt,MINE\n003_d745834430a2ec94.txt,MINE\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["score", str(SEEDS), "--out", str(out), "--events", str(events), "--no-progress", "--format", "csv", *extra]) == EXIT_OK
    documents = pd.read_csv(out / "documents.csv", keep_default_na=False)
    by_name = dict(zip(documents["source"].str.extract(r"(\d{3})_")[0], documents["event_id"]))
    assert by_name["001"] == by_name["003"] == "MINE"
    assert by_name["002"] != "MINE" and by_name["000"] == by_name["004"]


def test_parser_choices_match_the_engine_and_the_writer():
    from analysis import cli, export, pipeline

    assert cli.FORMATS == export.FORMATS and cli.ENGINES == pipeline.ENGINES


def test_help_imports_no_engine():
    """--help and usage errors answer without importing pandas, scikit-learn or SciPy (over a second of start-up)."""
    code = ("import sys; from analysis.cli import main; code = main(['score']); "
            "print(code, sorted(m for m in ('pandas', 'sklearn', 'scipy', 'lxml', 'analysis.pipeline') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.split(None, 1) == [str(EXIT_USAGE), "[]\n"], done.stdout + done.stderr


def test_input_bytes_counts_files_folders_and_zip_members_uncompressed(tmp_path):
    import zipfile

    from analysis.cli import input_bytes

    (tmp_path / "a.txt").write_bytes(b"x" * 100)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_bytes(b"y" * 50)
    with zipfile.ZipFile(tmp_path / "c.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("inner.txt", "z" * 10_000)
    (tmp_path / "broken.zip").write_bytes(b"not a zip")
    (tmp_path / "over_the_limit.txt").write_bytes(b"w" * 20_000)  # skipped by loading, so not counted
    zipped = (tmp_path / "c.zip").stat().st_size
    assert zipped < 10_000
    limit = 15_000
    assert input_bytes([str(tmp_path / "a.txt")], limit) == 100
    assert input_bytes([str(tmp_path / "sub"), str(tmp_path / "missing")], limit) == 50
    assert input_bytes([str(tmp_path / "c.zip")], limit) == 10_000
    assert input_bytes([str(tmp_path / "c.zip")], 9_999) == 0
    assert input_bytes([str(tmp_path)], limit) == 100 + 50 + 10_000


def test_large_inputs_stream_by_default_and_write_the_same_tables(tmp_path, capsys, monkeypatch):
    from analysis import cli

    assert main(["score", str(SEEDS), "--out", str(tmp_path / "memory"), "--no-progress"]) == EXIT_OK
    assert "chunk(s)" not in capsys.readouterr().out
    monkeypatch.setattr(cli, "AUTO_STREAM_BYTES", 1000)
    monkeypatch.setattr(cli, "AUTO_CHUNK_SIZE", 2)
    assert main(["score", str(SEEDS), "--out", str(tmp_path / "stream"), "--no-progress"]) == EXIT_OK
    captured = capsys.readouterr()
    assert "streaming in chunks of 2 documents" in captured.err
    assert "(3 chunk(s))" in captured.out
    for table in sorted((tmp_path / "memory").glob("*.csv")):
        assert (tmp_path / "stream" / table.name).read_bytes() == table.read_bytes(), table.name
