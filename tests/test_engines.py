"""Engines and determinism: local, process and Dask give byte-identical tables, in any run."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import export
from analysis.corpus import load_corpus
from analysis.dask_engine import DaskRunner, batch_size
from analysis.document import Document
from analysis.pipeline import analyze, run_documents
from analysis.resources import load_resources

REPO = Path(__file__).resolve().parents[1]
PTC_ARTICLES = REPO.parent / "shared" / "benchmarks" / "ptc" / "articles"


@pytest.fixture(scope="module")
def corpus():
    """The seeds, some PTC articles, a duplicate and an unreadable file: (documents, errors)."""
    paths = [REPO / "seeds"] + sorted(PTC_ARTICLES.glob("*.txt"))[:12]
    documents, errors = load_corpus(paths + [REPO / "seeds" / "no-such-file.txt"])
    assert len(documents) >= 5 and errors
    return documents, errors


@pytest.fixture(scope="module")
def resources():
    return load_resources()


@pytest.fixture(scope="module")
def local_bytes(corpus, resources):
    documents, errors = corpus
    return _all_bytes(analyze(documents, resources, errors=errors))


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        yield local


def _all_bytes(results) -> dict[str, bytes]:
    return {name: export.table_csv_bytes(results.tables[name]) for name in export.export_names(results)}


def test_process_engine_is_byte_identical(corpus, resources, local_bytes):
    documents, errors = corpus
    assert _all_bytes(analyze(documents, resources, errors=errors, engine="process")) == local_bytes


def test_dask_engine_on_a_scheduler_address_is_byte_identical(corpus, resources, local_bytes, cluster):
    documents, errors = corpus
    seen: list[tuple[int, int]] = []
    results = analyze(documents, resources, errors=errors, engine="dask", scheduler=cluster.scheduler_address, progress=lambda d, t: seen.append((d, t)))
    assert _all_bytes(results) == local_bytes
    assert seen and seen[-1] == (len(documents), len(documents))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_dask_runner_reuses_the_cluster_across_chunks(corpus, resources, cluster):
    documents, _ = corpus
    expected = [o.row for o in run_documents(documents, resources)]
    with DaskRunner(cluster.scheduler_address) as runner:
        rows = [o.row for chunk in (documents[:7], documents[7:20], documents[20:]) for o in runner.run(chunk, resources)]
        assert runner.run([], resources) == []
    assert rows == expected


def test_dask_engine_starts_its_own_local_cluster(resources):
    documents = [Document(doc_id=f"d{i}", source=f"s{i}", text=f"Sentence number {i} is here. Another follows it now.") for i in range(5)]
    outputs = run_documents(documents, resources, engine="dask", workers=1)
    assert [o.doc_id for o in outputs] == [d.doc_id for d in documents]
    assert [o.row for o in outputs] == [o.row for o in run_documents(documents, resources)]


def test_batch_size_bounds():
    assert batch_size(1, 2) == 1
    assert batch_size(10, 2) == 1
    assert batch_size(1_000, 2) == 62
    assert batch_size(1_000_000, 4) == 64


def test_unknown_engine_is_refused(corpus, resources):
    with pytest.raises(ValueError, match="unknown engine"):
        run_documents(corpus[0][:1], resources, engine="spark")


def test_same_bytes_across_runs_and_hash_seeds(tmp_path, corpus):
    """Two fresh processes with different hash seeds write identical files (no set/dict-order leaks)."""
    paths = [str(REPO / "seeds")] + [str(p) for p in sorted(PTC_ARTICLES.glob("*.txt"))[:2]]
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"run{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "analysis", "score", *paths, "--out", str(out), "--no-progress"], cwd=REPO, env=env, check=True, capture_output=True, timeout=300)
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0].keys() == outputs[1].keys() and "documents.csv" in outputs[0]
    differing = [name for name in outputs[0] if outputs[0][name] != outputs[1][name]]
    assert differing == []


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_score_to_dir_on_the_process_engine_writes_what_analyze_writes(tmp_path, corpus, resources, fmt):
    """The pool's workers write the tables while the main process runs the corpus step: same files, same bytes."""
    from dataclasses import replace

    from analysis.pipeline import score_to_dir

    documents, errors = corpus
    documents = documents[:3] + [replace(documents[3], text=None)] + documents[4:]  # one document fails
    expected = export.write_results(analyze(documents, resources, errors=errors), tmp_path / "local", fmt)
    seen: list[tuple[int, int]] = []
    scored = score_to_dir(documents, resources, tmp_path / "pool", fmt, errors=errors, engine="process", workers=2, progress=lambda d, t: seen.append((d, t)))
    assert [p.name for p in scored.written] == [p.name for p in expected]
    assert _files(tmp_path / "pool") == _files(tmp_path / "local")
    assert seen[-1] == (len(documents), len(documents))
    local = export.read_results(tmp_path / "local")
    assert scored.rows == {name: len(local[name]) for name in local.tables}
    assert scored.results.documents.equals(analyze(documents, resources, errors=errors).documents)
    assert len(scored.results.spans) == scored.rows["spans"] > 0  # read back from its file on first use


def test_score_to_dir_merges_rows_an_analysis_gives_of_a_corpus_table(tmp_path, corpus, resources, monkeypatch):
    """A corpus table (naming here) that an analysis also gives rows of: its rows first, as gather does."""
    from analysis import pipeline
    from analysis.context import Contribution

    def naming_too(context):
        return Contribution(rows={"naming": [{"event_id": "", "referent": "x", "doc_id": context.document.doc_id, "term": "x", "count": 1}],
                                  "extra": [{"doc_id": context.document.doc_id}]})

    # The pool's workers are forked from this process, so they see the patched analyses too.
    monkeypatch.setattr(pipeline, "DOCUMENT_ANALYSES", pipeline.DOCUMENT_ANALYSES + (naming_too,))
    documents, errors = corpus
    expected = export.write_results(analyze(documents, resources, errors=errors), tmp_path / "local")
    scored = pipeline.score_to_dir(documents, resources, tmp_path / "pool", errors=errors, engine="process", workers=2)
    assert [p.name for p in scored.written] == [p.name for p in expected]
    assert _files(tmp_path / "pool") == _files(tmp_path / "local")
    assert scored.rows["naming"] > len(documents)


def test_corpus_rows_come_whole_table_by_table(corpus, resources):
    from analysis.pipeline import CORPUS_TABLES, collect, iter_documents

    documents, errors = corpus
    collected = collect(iter_documents(documents, resources), errors)
    tables = list(collected.corpus_rows())
    assert [name for name, _ in tables] == list(CORPUS_TABLES)
    assert all(rows for _, rows in tables)
    assert list(collect([], errors).corpus_rows()) == []
