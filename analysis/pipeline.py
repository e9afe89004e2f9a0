"""analyze(documents) -> Results: per-document analyses, then corpus-level steps, then tables.

Per-document work is the pure function analyze_document(), so it runs the same in one process,
in a process pool or on a Dask cluster; corpus-level steps then run on the gathered outputs.
"""
from __future__ import annotations

import gc
import itertools
import pickle
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from pathlib import Path

import pandas as pd

from . import boilerplate, export, framing, loaded, outlets, readability
from .boilerplate_repeats import with_outlet_repeats
from .context import Contribution, DocContext
from .corpus import LoadError
from .document import Document
from .resources import Resources, load_resources
from .results import LazyTables, Results, make_table
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
# Documents per task sent to a pool worker. Small, because when the last task ends the other workers
# (cores) idle: 16 documents are ~0.2 s of work; sending them costs well under a millisecond.
PROCESS_CHUNK = 16


@dataclass
class DocumentOutput:
    """Everything one document contributes: its `documents` row, rows of other tables, corpus features."""

    doc_id: str
    source: str
    row: dict = field(default_factory=dict)
    rows: dict[str, list[dict]] = field(default_factory=dict)
    features: dict = field(default_factory=dict)
    error: str = ""
    # `rows` pickled by a pool worker, table by table, for a consumer that only hands them on to other
    # processes (pipeline.score_to_dir): the main process then never unpickles them. Empty otherwise.
    packed_rows: dict[str, bytes] = field(default_factory=dict)


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
    return list(iter_documents(documents, resources, engine, workers, progress, scheduler))


def iter_documents(
    documents: list[Document],
    resources: Resources,
    engine: str = "local",
    workers: int | None = None,
    progress: ProgressCallback | None = None,
    scheduler: str | None = None,
) -> Iterator[DocumentOutput]:
    """Per-document analyses on the chosen engine, yielded in input order as they finish.

    Consuming the outputs while the engine still works lets the main process do its share (corpus
    state, rows) while the workers run, instead of after them on one core.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine '{engine}': choose one of {', '.join(ENGINES)}")
    if engine == "dask":
        from .dask_engine import DaskRunner

        with DaskRunner(scheduler, workers=workers) as runner:
            yield from runner.iter_run(documents, resources, progress)
        return
    if engine == "process" and len(documents) > 1:
        with worker_pool(resources, workers) as pool:
            yield from pool_outputs(pool, documents, progress)
        return
    for done, document in enumerate(documents, start=1):
        yield analyze_document(document, resources)
        if progress:
            progress(done, len(documents))


def worker_pool(resources: Resources, workers: int | None = None) -> ProcessPoolExecutor:
    """A process pool whose workers hold `resources` (sent once per worker, not once per document).

    The analyses' state is built before the workers start (warm_up), so each inherits it."""
    warm_up(resources)
    return ProcessPoolExecutor(max_workers=workers, initializer=_set_worker_resources, initargs=(resources,))


# A short made-up article: analysing it builds what the analyses build on first use.
WARM_UP_TEXT = """Senators clash over border funding bill

By Jane Doe, Staff Reporter
March 3, 2024

WASHINGTON (Reuters) - Lawmakers on Tuesday blasted the radical proposal, which critics called a disastrous betrayal of hardworking taxpayers. "This is an outrageous scheme," said Senator John Smith, a Republican from Ohio. The White House said the plan would protect jobs and the economy, according to a statement.

Dr. Maria Lopez, an economist at Harvard University, told CNN that the cost was unclear.

Subscribe to our newsletter
Share on Facebook
Copyright 2024 Reuters. All rights reserved.
"""


def warm_up(resources: Resources) -> None:
    """Analyse WARM_UP_TEXT once, for its side effects only: what the analyses build on first use and then keep
    (the loaded-wording scorer's feature index, boilerplate cue patterns, the hyphenation dictionary …, about
    0.3 s of CPU) is then built in this process, and the pool workers it forks inherit it instead of each
    building it again at its first document. Nothing any analysis computes depends on it."""
    analyze_document(Document("warm-up", "warm-up", WARM_UP_TEXT), resources)


def pool_outputs(
    pool: ProcessPoolExecutor, documents: list[Document], progress: ProgressCallback | None = None, pack_rows: bool = False,
) -> Iterator[DocumentOutput]:
    """The documents' outputs from `pool`, in input order; with pack_rows, their table rows as `packed_rows`."""
    total = len(documents)
    analyze_one = _worker_analyze_packed if pack_rows else _worker_analyze
    chunksize = max(1, min(PROCESS_CHUNK, total // 32 or 1))
    for done, output in enumerate(pool.map(analyze_one, documents, chunksize=chunksize), start=1):
        yield output
        if progress:
            progress(done, total)


_worker_resources: Resources | None = None
# Allocations (less deallocations) of container objects between two collections of the youngest generation
# in a pool worker (Python's default: 700).
WORKER_GC_YOUNG = 5000


def _set_worker_resources(resources: Resources) -> None:
    # Each pool worker receives the resources once, instead of once per document.
    global _worker_resources
    _worker_resources = resources
    # The resources, and all a forked worker inherits, live as long as the worker: gc.freeze() spares the
    # garbage collector from walking them again at every full pass; and a young generation of 5,000 objects
    # instead of 700 means a tenth of the collections (over 400 synthetic news articles: 27 instead of 275).
    # Their CPU over those 400 articles: 0.19 s -> 0.09 s (freeze) -> 0.04 s (both), ~0.4 ms per document.
    # Nothing an analysis computes changes.
    gc.freeze()
    gc.set_threshold(WORKER_GC_YOUNG, *gc.get_threshold()[1:])


def _worker_analyze(document: Document) -> DocumentOutput:
    assert _worker_resources is not None
    return analyze_document(document, _worker_resources)


def _worker_analyze_packed(document: Document) -> DocumentOutput:
    """analyze_document, its per-document table rows pickled here in the worker (DocumentOutput.packed_rows).

    Rows of a table the main process writes itself (MAIN_TABLES; no analysis gives any today) stay unpacked.
    """
    output = _worker_analyze(document)
    output.packed_rows = {table: pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL) for table, rows in output.rows.items() if table not in MAIN_TABLES}
    output.rows = {table: rows for table, rows in output.rows.items() if table in MAIN_TABLES}
    return output


# The tables the corpus step writes (framing.CorpusState.rows), in its order.
CORPUS_TABLES = ("comparisons", "distinctive_terms", "naming")
# The tables built from what the main process gathers, rather than from the analyses' rows alone.
MAIN_TABLES = ("documents", "errors") + CORPUS_TABLES


@dataclass
class Collected:
    """What gather keeps of the outputs, consumed one by one: rows by table and the corpus step's state.

    `packed_rows` holds by table, in input order, the pickled rows of outputs that came packed (see
    DocumentOutput.packed_rows); `table_rows` the rows of the others.
    """

    corpus: framing.CorpusState
    document_rows: list[dict] = field(default_factory=list)
    error_rows: list[dict] = field(default_factory=list)
    table_rows: dict[str, list[dict]] = field(default_factory=dict)
    packed_rows: dict[str, list[bytes]] = field(default_factory=dict)

    def set_event_ids(self) -> None:
        """Each documents row's event_id, from the corpus step ("" for a document in no event)."""
        event_ids = self.corpus.event_ids() if len(self.corpus) else {}
        for row in self.document_rows:
            row["event_id"] = event_ids.get(row["doc_id"], "")

    def corpus_rows(self) -> Iterator[tuple[str, list[dict]]]:
        """(table, rows) of comparisons, distinctive_terms and naming, each table whole as soon as it is done.

        CorpusState.rows yields the tables one after the other, so a table is whole once the next one
        starts. Every corpus table is yielded, one with no rows last, as long as there is a document.
        """
        if not len(self.corpus):
            return
        done = set()
        for table, batches in itertools.groupby(self.corpus.rows(), key=itemgetter(0)):
            done.add(table)
            yield table, [row for _, batch in batches for row in batch]
        for table in CORPUS_TABLES:
            if table not in done:
                yield table, []


def collect(
    outputs: Iterable[DocumentOutput],
    errors: Iterable[LoadError] = (),
    event_overrides: dict[str, str] | None = None,
) -> Collected:
    """Consume the per-document outputs in order, feeding the corpus state as each arrives."""
    collected = Collected(framing.CorpusState(event_overrides), error_rows=[{"source": e.source, "error": e.error} for e in errors])
    for output in outputs:
        if output.error:
            collected.error_rows.append({"source": output.source, "error": output.error})
            continue
        collected.document_rows.append(output.row)
        collected.corpus.add(output.row, output.features)
        for table, packed in output.packed_rows.items():
            collected.packed_rows.setdefault(table, []).append(packed)
        for table, rows in output.rows.items():
            collected.table_rows.setdefault(table, []).extend(rows)
    return collected


def unpack_rows(table_rows: dict[str, list[dict]], packed_rows: dict[str, list[bytes]]) -> dict[str, list[dict]]:
    """`table_rows` extended with the rows pickled in `packed_rows` ({table: DocumentOutput.packed_rows[table], …})."""
    for table, packed in packed_rows.items():
        rows = table_rows.setdefault(table, [])
        for batch in packed:
            rows.extend(pickle.loads(batch))
    return table_rows


def gather(
    outputs: Iterable[DocumentOutput],
    errors: Iterable[LoadError] = (),
    resources: Resources | None = None,
    event_overrides: dict[str, str] | None = None,
) -> Results:
    """Corpus-level steps on the per-document outputs, then every table.

    `outputs` may be an iterator (iter_documents): each output is taken in as it arrives.
    `resources` is not needed (the corpus step reads none); kept for callers.
    """
    return _results(collect(outputs, errors, event_overrides))


def _results(collected: Collected) -> Results:
    """Every table from what collect() gathered: the corpus step's rows after any the analyses gave."""
    collected.set_event_ids()
    table_rows = unpack_rows(collected.table_rows, collected.packed_rows)
    for table, rows in collected.corpus_rows():
        table_rows.setdefault(table, []).extend(rows)
    tables = {"documents": make_table("documents", collected.document_rows), "errors": make_table("errors", collected.error_rows)}
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
    outputs = iter_documents(documents, resources, engine=engine, workers=workers, progress=progress, scheduler=scheduler)
    return gather(outputs, errors, resources, event_overrides)


@dataclass
class Scored:
    """What score_to_dir wrote: the tables (read back from their files on first use, except documents and
    errors), the files in export order, and every table's row count."""

    results: Results
    written: list[Path]
    rows: dict[str, int]


def score_to_dir(
    documents: list[Document],
    resources: Resources,
    out_dir: str | Path,
    fmt: str = "csv",
    errors: Iterable[LoadError] = (),
    engine: str = "local",
    workers: int | None = None,
    progress: ProgressCallback | None = None,
    event_overrides: dict[str, str] | None = None,
    scheduler: str | None = None,
) -> Scored:
    """analyze() then export.write_results(): the same files, byte for byte; with the process engine, sooner.

    With the process engine the pool's workers, free once the documents are analysed, build and write
    the tables: one the per-document tables (blocks, spans, citations …) from rows it receives still
    pickled, the other documents and each corpus table as soon as this process has its rows. This
    process meanwhile runs the corpus step, so the tail after the analyses runs on two cores, not one.
    """
    if fmt not in export.FORMATS:
        raise ValueError(f"unknown format '{fmt}': choose csv or parquet")
    out = Path(out_dir)
    if engine != "process" or len(documents) < 2:
        return _written(analyze(documents, resources, errors, engine, workers, progress, event_overrides, scheduler), out, fmt)
    resources = with_outlet_repeats(resources, documents)
    out.mkdir(parents=True, exist_ok=True)
    with worker_pool(resources, workers) as pool:
        collected = collect(pool_outputs(pool, documents, progress, pack_rows=True), errors, event_overrides)
        if collected.table_rows:  # an analysis gave rows of a table built here (none does today): the plain way
            return _written(_results(collected), out, fmt)
        # One task per table, largest first, so the workers share them and finish together.
        by_size = sorted(collected.packed_rows.items(), key=lambda item: (-sum(map(len, item[1])), item[0]))
        writes = [pool.submit(_write_packed_table, table, packed, out, fmt) for table, packed in by_size]
        collected.packed_rows = {}
        collected.set_event_ids()
        writes.append(pool.submit(_write_tables, {"documents": collected.document_rows, "errors": collected.error_rows}, out, fmt))
        for table, rows in collected.corpus_rows():
            writes.append(pool.submit(_write_tables, {table: rows}, out, fmt))
        # Built after the corpus tables, so that the workers get them to write sooner.
        tables = {"documents": make_table("documents", collected.document_rows), "errors": make_table("errors", collected.error_rows)}
        counts: dict[str, int] = {}
        for write in writes:
            counts.update(write.result())
    for name in export.EXPORT_TABLES:
        if name not in counts:  # no document gave a row of it, or there was no document at all
            (out / f"{name}.{fmt}").write_bytes(export.table_bytes(make_table(name, []), fmt))
            counts[name] = 0
    loaders = {name: partial(export.read_table, out / f"{name}.{fmt}") for name in counts if name not in tables}
    results = Results(LazyTables({**tables, **loaders}))
    return Scored(results, [out / f"{name}.{fmt}" for name in export.export_names(results)], counts)


def _written(results: Results, out: Path, fmt: str) -> Scored:
    written = export.write_results(results, out, fmt)
    return Scored(results, written, {name: len(results.tables[name]) for name in results.tables})


def _write_tables(table_rows: dict[str, list[dict]], out: Path, fmt: str) -> dict[str, int]:
    """Tables from their rows, written to out/<table>.<fmt> (in a pool worker); returns {table: row count}."""
    for name, rows in table_rows.items():
        (out / f"{name}.{fmt}").write_bytes(export.table_bytes(make_table(name, rows), fmt))
    return {name: len(rows) for name, rows in table_rows.items()}


def _write_packed_table(table: str, packed: list[bytes], out: Path, fmt: str) -> dict[str, int]:
    """One per-document table from the outputs' packed rows, written to out/<table>.<fmt> (in a pool worker)."""
    return _write_tables(unpack_rows({}, {table: packed}), out, fmt)
