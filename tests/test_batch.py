"""Streaming batch scoring: chunked, written incrementally, and equal to the in-memory pipeline."""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from analysis import batch, export
from analysis.cli import main
from analysis.corpus import LoadError, load_corpus
from analysis.document import Document
from analysis.pipeline import analyze
from analysis.resources import load_resources

REPO = Path(__file__).resolve().parents[1]
PTC_ARTICLES = REPO.parent / "shared" / "benchmarks" / "ptc" / "articles"


@pytest.fixture(scope="module")
def paths() -> list[str]:
    return [str(REPO / "seeds")] + [str(p) for p in sorted(PTC_ARTICLES.glob("*.txt"))[:8]] + [str(REPO / "no-such-input.txt")]


@pytest.fixture(scope="module")
def resources():
    return load_resources()


@pytest.fixture(scope="module")
def expected(paths, resources):
    documents, errors = load_corpus(paths)
    return analyze(documents, resources, errors=errors)


@pytest.mark.parametrize("engine", ["local", "process"])
def test_stream_csv_is_byte_identical_to_the_pipeline(tmp_path, paths, resources, expected, engine):
    summary = batch.score_stream(paths, tmp_path, resources, chunk_size=3, engine=engine, fmt="csv")
    assert summary.documents == len(expected.documents) and summary.errors == len(expected.errors) >= 1
    assert summary.chunks >= summary.documents // 3
    for name in export.export_names(expected):
        assert (tmp_path / f"{name}.csv").read_bytes() == export.table_csv_bytes(expected.tables[name]), name
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".parts")], "part files left behind"


def test_stream_parquet_equals_the_pipeline(tmp_path, paths, resources, expected):
    summary = batch.score_stream(paths, tmp_path, resources, chunk_size=4, fmt="parquet")
    assert [p.name for p in summary.written][:2] == ["documents.parquet", "spans.parquet"]
    for name in export.export_names(expected):
        want = pd.read_parquet(io.BytesIO(export.table_parquet_bytes(expected.tables[name])))
        got = pd.read_parquet(tmp_path / f"{name}.parquet")
        pd.testing.assert_frame_equal(got, want, check_dtype=False)
    assert len(pd.read_parquet(tmp_path / "blocks.parquet")) == len(expected.blocks) > 0


def test_tables_are_written_chunk_by_chunk(tmp_path, paths, resources, monkeypatch):
    added: list[tuple[str, int]] = []
    original = batch._PartWriter.add

    def spy(self, table, frame):
        added.append((table, len(frame)))
        original(self, table, frame)

    monkeypatch.setattr(batch._PartWriter, "add", spy)
    summary = batch.score_stream(paths, tmp_path, resources, chunk_size=3)
    document_parts = [n for table, n in added if table == "documents"]
    assert len(document_parts) == summary.chunks >= 4, "documents were not written chunk by chunk"
    assert max(document_parts) <= 3 and sum(document_parts) == summary.documents


def test_chunked_groups_documents_and_keeps_errors_in_order():
    docs = [Document(doc_id=str(i), source=str(i), text="x") for i in range(5)]
    items = [docs[0], LoadError("bad", "e"), docs[1], docs[2], docs[3], docs[4]]
    groups = list(batch.chunked(items, 2))
    assert [[d.doc_id for d in g] for g, _ in groups] == [["0", "1"], ["2", "3"], ["4"]]
    assert [len(e) for _, e in groups] == [1, 0, 0]
    assert list(batch.chunked([LoadError("only", "e")], 3)) == [([], [LoadError("only", "e")])]


def test_mixed_type_columns_are_kept_as_text():
    table = batch._to_arrow(pd.DataFrame({"a": [1, "two", None], "b": [1.5, 2.5, None]}))
    assert table.column("a").to_pylist() == ["1", "two", None]
    assert table.column("b").to_pylist() == [1.5, 2.5, None]


def test_bad_arguments_are_refused(tmp_path, paths, resources):
    with pytest.raises(ValueError, match="engine"):
        batch.score_stream(paths, tmp_path, resources, engine="spark")
    with pytest.raises(ValueError, match="chunk size"):
        batch.score_stream(paths, tmp_path, resources, chunk_size=0)


def test_cli_chunk_size_writes_the_same_tables(tmp_path, paths, capsys):
    assert main(["score", *paths, "--out", str(tmp_path / "whole"), "--no-progress"]) == 1
    assert main(["score", *paths, "--out", str(tmp_path / "stream"), "--chunk-size", "4", "--engine", "process", "--no-progress"]) == 1
    assert "chunk(s)" in capsys.readouterr().out
    whole = {p.name: p.read_bytes() for p in sorted((tmp_path / "whole").iterdir())}
    stream = {p.name: p.read_bytes() for p in sorted((tmp_path / "stream").iterdir())}
    assert whole == stream


def test_corpus_tables_in_many_parts_and_block_clustering_equal_the_pipeline(tmp_path, paths, resources, monkeypatch):
    from analysis import events, framing

    # Every corpus-table row in its own part file; events clustered in blocks; large events by neighbours.
    monkeypatch.setattr(batch, "CORPUS_PART_ROWS", 1)
    monkeypatch.setattr(events, "MAX_EXACT", 4)
    monkeypatch.setattr(framing, "MAX_ALL_PAIRS", 2)
    documents, errors = load_corpus(paths)
    expected = analyze(documents, resources, errors=errors)
    assert len(expected.tables["comparisons"]) > 1 and len(expected.tables["distinctive_terms"]) > 1
    batch.score_stream(paths, tmp_path, resources, chunk_size=5, fmt="csv")
    for name in export.export_names(expected):
        assert (tmp_path / f"{name}.csv").read_bytes() == export.table_csv_bytes(expected.tables[name]), name


@pytest.mark.parametrize("engine", ["local", "process"])
def test_the_corpus_state_is_spilled_among_the_parts_and_removed_also_on_error(tmp_path, paths, resources, monkeypatch, engine):
    from analysis import framing

    seen: list[tuple[list[str], int]] = []

    def failing_rows(state):
        folder = state.terms._body._spill.path.parent
        seen.append((sorted(p.name for p in folder.iterdir()), len(state.terms._body.ids)))
        assert folder.parent.name.startswith(".parts") and folder.parent.parent == tmp_path
        raise RuntimeError("corpus step failed")
        yield  # a generator, as rows() is

    monkeypatch.setattr(framing.CorpusState, "rows", failing_rows)
    with pytest.raises(RuntimeError, match="corpus step failed"):
        batch.score_stream(paths, tmp_path, resources, chunk_size=3, engine=engine)
    assert seen == [(["body.rows", "lead.rows", "records.pickles"], 0)], "word counts and records were in files, not in memory"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".parts")], "part or spill files left behind"
