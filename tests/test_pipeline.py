"""The pipeline: every contract table, one row per document, failures isolated, determinism."""
from __future__ import annotations

from dataclasses import replace

from analysis import analyze, load_corpus
from analysis.document import Document
from analysis.export import table_csv_bytes
from analysis.pipeline import analyze_document
from analysis.results import TABLE_COLUMNS
from conftest import SEEDS


def test_seed_results_hold_every_contract_table(seed_results):
    for name, columns in TABLE_COLUMNS.items():
        assert list(seed_results[name].columns)[: len(columns)] == list(columns)
    assert len(seed_results.documents) == 5
    assert seed_results.documents["doc_id"].is_unique
    assert (seed_results.documents["body_words"] <= seed_results.documents["words"]).all()


def test_a_failing_document_becomes_an_error_row(seed_results):
    documents, _ = load_corpus([SEEDS])
    broken = replace(documents[0], text=None)  # type: ignore[arg-type]
    results = analyze([broken] + documents[1:])
    assert len(results.documents) == 4
    assert results.errors.iloc[0]["error"].startswith("analysis failed")


def test_analyze_document_is_pure_and_deterministic():
    from analysis import load_resources

    resources = load_resources()
    document = Document(doc_id="x", source="x.txt", text="The Kremlin said on Monday that talks were over.")
    first, second = analyze_document(document, resources), analyze_document(document, resources)
    assert first.row == second.row and first.rows == second.rows


def test_same_input_same_bytes(seed_results):
    documents, errors = load_corpus([SEEDS])
    again = analyze(documents, errors=errors)
    for name in TABLE_COLUMNS:
        assert table_csv_bytes(again[name]) == table_csv_bytes(seed_results[name]), name


def test_process_engine_matches_local(seed_results):
    documents, errors = load_corpus([SEEDS])
    pooled = analyze(documents, errors=errors, engine="process", workers=2)
    for name in TABLE_COLUMNS:
        assert table_csv_bytes(pooled[name]) == table_csv_bytes(seed_results[name]), name


def _worker_gc_state() -> tuple[int, int]:
    import gc

    return gc.get_threshold()[0], gc.get_freeze_count()


def test_pool_workers_freeze_what_they_inherit_and_collect_less_often():
    from analysis import pipeline
    from analysis.resources import load_resources

    with pipeline.worker_pool(load_resources(), workers=1) as pool:
        young, frozen = pool.submit(_worker_gc_state).result()
    assert young == pipeline.WORKER_GC_YOUNG
    assert frozen > 1000  # the modules and resources the worker inherited


def test_the_warm_up_article_runs_every_analysis_and_leaves_the_results_unchanged():
    """worker_pool analyses WARM_UP_TEXT before forking (pipeline.warm_up): it must run every analysis without
    failing (a failure would stop short of building their state), and nothing later may depend on it."""
    from analysis import pipeline
    from analysis.resources import load_resources

    resources = load_resources()
    documents, _ = load_corpus([SEEDS])
    cold = [analyze_document(document, resources) for document in documents]
    warm = analyze_document(Document("warm-up", "warm-up", pipeline.WARM_UP_TEXT), resources)
    assert not warm.error and {"spans", "blocks", "citations"} <= set(warm.rows)
    pipeline.warm_up(resources)
    assert [analyze_document(document, resources) for document in documents] == cold
