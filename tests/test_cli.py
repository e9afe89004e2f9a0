"""The CLI end to end: tables for the seeds, help texts and each exit status."""
from __future__ import annotations

import io
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


@pytest.mark.parametrize("extra", [[], ["--chunk-size", "10"], ["--engine", "process"]])
def test_run_without_documents_writes_every_table_with_its_header(tmp_path, extra):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "blank.txt").write_text("   \n")
    assert main(["score", str(inputs), "--out", str(tmp_path / "out"), "--no-progress", *extra]) == EXIT_NOTHING
    for name in ("actors", "frames", *TABLE_COLUMNS):
        table = pd.read_csv(tmp_path / "out" / f"{name}.csv", keep_default_na=False)
        assert list(table.columns)[: len(TABLE_COLUMNS[name])] == list(TABLE_COLUMNS[name])
    assert len(pd.read_csv(tmp_path / "out" / "errors.csv")) == 1


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


def test_survey_counts_text_bytes_and_the_items_loading_will_yield(tmp_path):
    import zipfile

    from analysis.cli import survey_inputs
    from analysis.corpus import LoadOptions, iter_inputs

    (tmp_path / "a.txt").write_bytes(b"x" * 100)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_bytes(b"y" * 50)
    (tmp_path / "sub" / "notes.docx").write_bytes(b"z" * 10)  # an error row, no text
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_bytes(b"h" * 1000)  # hidden: skipped by loading, not counted
    (tmp_path / "over_the_limit.txt").write_bytes(b"w" * 20_000)  # an error row, no text
    limit = 15_000
    survey = survey_inputs([str(tmp_path), str(tmp_path / "missing")], limit)
    assert survey.text_bytes == 100 + 50 + 10
    loaded = list(iter_inputs([str(tmp_path), str(tmp_path / "missing")], LoadOptions(max_file_bytes=limit)))
    assert survey.items == len(loaded) == 5

    with zipfile.ZipFile(tmp_path / "c.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("inner.txt", "z" * 10_000)
    assert (tmp_path / "c.zip").stat().st_size < 10_000
    assert survey_inputs([str(tmp_path / "c.zip")], limit) == (10_000, None)  # members uncompressed; count unknown
    assert survey_inputs([str(tmp_path / "c.zip")], 9_999).text_bytes == 0
    (tmp_path / "t.csv").write_text("text\nOne.\nTwo.\n", encoding="utf-8")
    assert survey_inputs([str(tmp_path / "t.csv")], limit).items is None  # rows unknown without reading
    (tmp_path / "broken.zip").write_bytes(b"not a zip")
    assert survey_inputs([str(tmp_path / "broken.zip")], limit).text_bytes == 0


def test_streaming_progress_counts_up_to_the_surveyed_items(tmp_path, monkeypatch):
    """The streaming bar's total is the survey's count, and the inputs handled reach it, error rows included."""
    from analysis import cli

    (tmp_path / "in").mkdir()
    for name in sorted(p.name for p in SEEDS.glob("*.txt"))[:3]:
        (tmp_path / "in" / name).write_bytes((SEEDS / name).read_bytes())
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    bars: list = []
    real_tqdm = __import__("tqdm").tqdm

    def recording_tqdm(*args, **kwargs):
        bars.append(real_tqdm(*args, **{**kwargs, "disable": False, "file": io.StringIO()}))
        return bars[-1]

    monkeypatch.setattr("tqdm.tqdm", recording_tqdm)
    assert main(["score", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--chunk-size", "2"]) == EXIT_PARTIAL
    assert bars[0].total == 4 and bars[0].n == 4


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


def test_score_from_the_command_line_in_a_fresh_process(tmp_path):
    """`python -m analysis score … --engine process` as run by hand: loading in child processes forked before
    pandas is imported, the pool warmed up, the heap frozen at exit; the same tables as the local engine."""
    fresh = subprocess.run([sys.executable, "-m", "analysis", "score", str(SEEDS), "--out", str(tmp_path / "fresh"),
                            "--engine", "process", "--workers", "2", "--no-progress"], cwd=ROOT, capture_output=True, text=True)
    assert fresh.returncode == EXIT_OK and "Analysed 5 document(s)" in fresh.stdout, fresh.stderr
    assert main(["score", str(SEEDS), "--out", str(tmp_path / "local"), "--no-progress"]) == EXIT_OK
    names = sorted(p.name for p in (tmp_path / "local").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "fresh").iterdir()) and "documents.csv" in names
    for name in names:
        assert (tmp_path / "fresh" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
