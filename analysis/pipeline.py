"""analyze(documents) -> Results: per-document analyses, then corpus-level steps, then tables.

Per-document work is the pure function analyze_document(), so it runs the same in one process,
in a process pool or on a Dask cluster; corpus-level steps then run on the gathered outputs.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from . import boilerplate, framing, loaded, outlets, readability
from .boilerplate_repeats import with_outlet_repeats
from .context import Contribution, DocContext
from .corpus import LoadError
from .document import Document
from .resources import Resources, load_resources
from .results import Results, make_table
from .tokens import tokenize

ProgressCallback = Callable[[int, int], None]

# Order matters only in that every analysis reads the segmentation made before them.
DOCUMENT_ANALYSES: tuple[Callable[[DocContext], Contribution], ...] = (
    boilerplate.analyze,
    loaded.analyze,
    readability.analyze,
    outlets.analyze,
    framing.analyze_document,
)
ENGINES = ("local", "process", "dask")


@dataclass
class DocumentOutput:
    """Everything one document contributes: its `documents` row, rows of other tables, corpus features."""

    doc_id: str
    source: str
    row: dict = field(default_factory=dict)
    rows: dict[str, list[dict]] = field(default_factory=dict)
    features: dict = field(default_factory=dict)
    error: str = ""


def analyze_document(document: Document, resources: Resources) -> DocumentOutput:
    """Run every per-document analysis on one document. Never raises: a failure becomes `error`."""
    try:
        tokens = tokenize(document.text)
        segmentation = boilerplate.segment(document, tokens, resources)
        context = DocContext(document, tokens, segmentation, resources)
        output = DocumentOutput(document.doc_id, document.source, row=_base_row(context))
        for analysis in DOCUMENT_ANALYSES:
            contribution = analysis(context)
            output.row.update(contribution.columns)
            for table, rows in contribution.rows.items():
                output.rows.setdefault(table, []).extend(rows)
            output.features.update(contribution.features)
        return output
    except Exception as exc:  # one broken document must not take the corpus down
        return DocumentOutput(document.doc_id, document.source, error=f"analysis failed: {type(exc).__name__}: {exc}")


def _base_row(context: DocContext) -> dict:
    document = context.document
    return {
        "doc_id": document.doc_id,
        "source": document.source,
        "title": document.title,
        "author": document.author,
        "published": document.published,
        "url": document.url,
        "words": len(context.tokens.word_spans),
        "body_words": context.body_words,
        "metadata_evidence": "; ".join(f"{k}: {v}" for k, v in document.evidence),
    }


def run_documents(
    documents: list[Document],
    resources: Resources,
    engine: str = "local",
    workers: int | None = None,
    progress: ProgressCallback | None = None,
    scheduler: str | None = None,
) -> list[DocumentOutput]:
    """Per-document analyses on the chosen engine, outputs in input order."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine '{engine}': choose one of {', '.join(ENGINES)}")
    total = len(documents)
    if engine == "dask":
        from .dask_engine import run_on_dask

        return run_on_dask(documents, resources, scheduler=scheduler, progress=progress, workers=workers)
    if engine == "process" and total > 1:
        outputs: list[DocumentOutput] = []
        with ProcessPoolExecutor(max_workers=workers, initializer=_set_worker_resources, initargs=(resources,)) as pool:
            for output in pool.map(_worker_analyze, documents, chunksize=max(1, min(64, total // 32 or 1))):
                outputs.append(output)
                if progress:
                    progress(len(outputs), total)
        return outputs
    outputs = []
    for document in documents:
        outputs.append(analyze_document(document, resources))
        if progress:
            progress(len(outputs), total)
    return outputs


_worker_resources: Resources | None = None


def _set_worker_resources(resources: Resources) -> None:
    # Each pool worker receives the resources once, instead of once per document.
    global _worker_resources
    _worker_resources = resources


def _worker_analyze(document: Document) -> DocumentOutput:
    assert _worker_resources is not None
    return analyze_document(document, _worker_resources)


def gather(
    outputs: Iterable[DocumentOutput],
    errors: Iterable[LoadError] = (),
    resources: Resources | None = None,
    event_overrides: dict[str, str] | None = None,
) -> Results:
    """Corpus-level steps on the per-document outputs, then every table."""
    resources = resources or load_resources()
    error_rows = [{"source": e.source, "error": e.error} for e in errors]
    good: list[DocumentOutput] = []
    for output in outputs:
        if output.error:
            error_rows.append({"source": output.source, "error": output.error})
        else:
            good.append(output)
    document_rows = [output.row for output in good]
    corpus = framing.analyze_corpus(document_rows, {o.doc_id: o.features for o in good}, resources, event_overrides)
    for row in document_rows:
        row["event_id"] = corpus.event_ids.get(row["doc_id"], "") if corpus else ""
    table_rows: dict[str, list[dict]] = {}
    for output in good:
        for table, rows in output.rows.items():
            table_rows.setdefault(table, []).extend(rows)
    if corpus:
        for table, rows in corpus.rows.items():
            table_rows.setdefault(table, []).extend(rows)
    tables = {"documents": make_table("documents", document_rows), "errors": make_table("errors", error_rows)}
    for table, rows in table_rows.items():
        tables[table] = make_table(table, rows)
    return Results(tables)


def analyze(
    documents: list[Document],
    resources: Resources | None = None,
    errors: Iterable[LoadError] = (),
    engine: str = "local",
    workers: int | None = None,
    progress: ProgressCallback | None = None,
    event_overrides: dict[str, str] | None = None,
    scheduler: str | None = None,
) -> Results:
    """Analyse a corpus end to end: the tables of DESIGN.md, with load errors in `errors`."""
    # Lines an outlet repeats across this corpus's documents are a boilerplate signal: index them once, up front.
    resources = with_outlet_repeats(resources or load_resources(), documents)
    outputs = run_documents(documents, resources, engine=engine, workers=workers, progress=progress, scheduler=scheduler)
    return gather(outputs, errors, resources, event_overrides)
