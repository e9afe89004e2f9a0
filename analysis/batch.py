"""Streaming batch scoring: memory bounded by a chunk, tables written incrementally.

    score_stream(paths, out_dir, chunk_size=1000, engine="process")

reads the inputs lazily (analysis.corpus.iter_inputs), analyses them chunk by chunk on the chosen
engine, and writes each chunk's rows of the per-document tables (blocks, spans, citations, …) to a
Parquet part file at once, `documents` included. What the corpus-level steps need is kept in files
among the part files (framing.CorpusState: word counts and a few pickled fields, about 3 kB a document;
~200 bytes a document stay in memory). At the end the corpus-level steps (events, distinctive terms,
comparisons) run on those, writing their rows event by event into part files too, and every table is
assembled part by part into DIR/<table>.parquet (or .csv): no table is ever held whole.

The tables equal those of pipeline.analyze() on the same inputs: same rows, same order.
"""
from __future__ import annotations

import logging
import os
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import export, framing, pipeline
from .boilerplate_repeats import with_outlet_repeats
from .corpus import LoadError, LoadOptions, iter_inputs
from .document import Document
from .pipeline import DocumentOutput
from .resources import Resources, load_resources
from .results import TABLE_COLUMNS, make_table

log = logging.getLogger(__name__)
DEFAULT_CHUNK_SIZE = 1000
# Documents per task sent to a worker process: large enough to amortise pickling, small enough to balance.
PROCESS_BATCH = 16
ProgressCallback = Callable[[int, int], None]


@dataclass
class BatchSummary:
    """What a streaming run did: counts, the files written and the time taken."""

    documents: int = 0
    errors: int = 0
    chunks: int = 0
    written: list[Path] = field(default_factory=list)
    seconds: float = 0.0


def chunked(items: Iterable[Document | LoadError], size: int) -> Iterator[tuple[list[Document], list[LoadError]]]:
    """(documents, load errors) in groups of at most `size` documents, in input order."""
    documents: list[Document] = []
    errors: list[LoadError] = []
    for item in items:
        if isinstance(item, Document):
            documents.append(item)
            if len(documents) >= size:
                yield documents, errors
                documents, errors = [], []
        else:
            errors.append(item)
    if documents or errors:
        yield documents, errors


def score_stream(
    paths: list[str | Path],
    out_dir: str | Path,
    resources: Resources | None = None,
    options: LoadOptions = LoadOptions(),
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    fmt: str = "parquet",
    event_overrides: dict[str, str] | None = None,
    progress: ProgressCallback | None = None,
) -> BatchSummary:
    """Score everything under `paths` into out_dir/<table>.<fmt>, one chunk of documents in memory at a time.

    `event_overrides` may name documents by doc_id, source or file name. `progress(done, 0)` is called
    after each chunk with the inputs handled so far, documents and error rows alike (0: the total is not
    known while streaming).
    """
    if engine not in pipeline.ENGINES:
        raise ValueError(f"unknown engine '{engine}': choose one of {', '.join(pipeline.ENGINES)}")
    if fmt not in export.FORMATS:
        raise ValueError(f"unknown format '{fmt}': choose csv or parquet")
    if chunk_size < 1:
        raise ValueError("chunk size must be at least 1")
    started = time.perf_counter()
    # A first, cheap pass over the inputs: only line hashes are kept, for the lines an outlet repeats (boilerplate).
    documents_only = (item for item in iter_inputs(paths, options) if isinstance(item, Document))
    resources = with_outlet_repeats(resources or load_resources(), documents_only)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    parts = _PartWriter(out / f".parts-{os.getpid()}")
    log.info("phase scoring")
    summary = BatchSummary()
    load_errors: list[dict] = []
    analysis_errors: list[dict] = []
    # The process engine's pool outlives the chunks: its workers assemble tables while the corpus step runs here.
    pool = pipeline.worker_pool(resources, workers) if engine == "process" else None
    corpus: framing.CorpusState | None = None
    try:
        # What the corpus step reads: word counts and a few pickled fields, about 3 kB a document, spilled to
        # files among the parts (removed with them), so that this process keeps ~200 bytes a document.
        corpus = framing.CorpusState(event_overrides, spill=parts.directory / "corpus")
        chunks = chunked(iter_inputs(paths, options), chunk_size)
        for documents, errors, outputs in _analysed_chunks(chunks, resources, engine, workers, scheduler, pool):
            load_errors.extend({"source": e.source, "error": e.error} for e in errors)
            chunk_rows: dict[str, list[dict]] = {"documents": []}
            for output in outputs:
                if output.error:
                    analysis_errors.append({"source": output.source, "error": output.error})
                    continue
                chunk_rows["documents"].append(output.row)
                corpus.add(output.row, output.features)
                for table, rows in output.rows.items():
                    chunk_rows.setdefault(table, []).extend(rows)
            for table, rows in chunk_rows.items():
                parts.add(table, make_table(table, rows))
            # Let this chunk go before the next one arrives (two are in flight already with --engine process).
            del documents, outputs, chunk_rows
            summary.chunks += 1
            summary.documents = len(corpus)
            if progress:
                progress(summary.documents + len(analysis_errors) + len(load_errors), 0)
        # With a pool, each table is assembled there as soon as it is whole, while this process goes on.
        if pool is not None:  # every per-document table is whole now
            parts.assemble_in(pool, out, fmt, [name for name in parts.parts if name not in pipeline.MAIN_TABLES])
        # Phase lines (benchmarks/memory.py attributes its memory samples to them).
        log.info("phase events: %d documents scored", summary.documents)
        event_ids = corpus.event_ids() if len(corpus) else {}
        if pool is not None:
            parts.assemble_in(pool, out, fmt, ["documents"], _event_filler(event_ids))
        log.info("phase corpus tables")
        if len(corpus):
            _write_corpus_rows(corpus, parts)
        if pool is not None:
            parts.assemble_in(pool, out, fmt, list(pipeline.CORPUS_TABLES))
        corpus.close()  # done with: remove its files and free its vocabulary before assembly
        corpus = None
        log.info("phase assembly")
        error_rows = load_errors + analysis_errors
        summary.errors = len(error_rows)
        summary.written = parts.finish(out, fmt, {"errors": make_table("errors", error_rows)}, event_ids)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        if corpus is not None:
            corpus.close()
        parts.discard()
    summary.seconds = time.perf_counter() - started
    return summary


# Rows of a corpus table (comparisons, distinctive_terms, naming) gathered before a part file is written.
CORPUS_PART_ROWS = 50_000


def _write_corpus_rows(corpus: framing.CorpusState, parts: _PartWriter) -> None:
    """The corpus tables, event by event, into part files of about CORPUS_PART_ROWS rows."""
    pending: dict[str, list[dict]] = {}
    for table, rows in corpus.rows():
        batch = pending.setdefault(table, [])
        batch.extend(rows)
        if len(batch) >= CORPUS_PART_ROWS:
            parts.add(table, make_table(table, batch))
            pending[table] = []
    for table, batch in pending.items():
        if batch:
            parts.add(table, make_table(table, batch))


def _analysed_chunks(
    chunks: Iterator[tuple[list[Document], list[LoadError]]],
    resources: Resources,
    engine: str,
    workers: int | None,
    scheduler: str | None,
    pool: ProcessPoolExecutor | None = None,
) -> Iterator[tuple[list[Document], list[LoadError], list[DocumentOutput]]]:
    """Each chunk with its outputs (in order), on the chosen engine, the engine kept up across chunks.

    The process engine runs on `pool` (pipeline.worker_pool(resources)), or on a pool of its own if None.
    """
    if engine == "dask":
        from .dask_engine import DaskRunner

        with DaskRunner(scheduler, workers=workers) as runner:
            for documents, errors in chunks:
                yield documents, errors, runner.run(documents, resources)
    elif engine == "process" and pool is not None:
        yield from _process_chunks(chunks, pool)
    elif engine == "process":
        with pipeline.worker_pool(resources, workers) as own_pool:
            yield from _process_chunks(chunks, own_pool)
    else:
        for documents, errors in chunks:
            yield documents, errors, [pipeline.analyze_document(d, resources) for d in documents]


def _process_chunks(
    chunks: Iterator[tuple[list[Document], list[LoadError]]],
    pool: ProcessPoolExecutor,
) -> Iterator[tuple[list[Document], list[LoadError], list[DocumentOutput]]]:
    """The process engine for streams: the next chunk is read and analysed while this one is written.

    At most two chunks are in flight, so memory stays bounded whatever the corpus size.
    """
    pending: deque[tuple[list[Document], list[LoadError], list[Future]]] = deque()
    for documents, errors in chunks:
        batches = [documents[i:i + PROCESS_BATCH] for i in range(0, len(documents), PROCESS_BATCH)]
        pending.append((documents, errors, [pool.submit(_analyze_batch, batch) for batch in batches]))
        if len(pending) > 1:
            yield _collect(pending.popleft())
    while pending:
        yield _collect(pending.popleft())


def _collect(item: tuple[list[Document], list[LoadError], list[Future]]) -> tuple[list[Document], list[LoadError], list[DocumentOutput]]:
    documents, errors, futures = item
    return documents, errors, [output for future in futures for output in future.result()]


def _analyze_batch(documents: list[Document]) -> list[DocumentOutput]:
    return [pipeline._worker_analyze(document) for document in documents]


class _PartWriter:
    """Per-table Parquet part files, one per chunk, assembled into whole tables at the end."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.parts: dict[str, list[Path]] = {}
        # Tables being assembled by a process pool (assemble_in): their files are written there.
        self.assembling: dict[str, Future] = {}

    def add(self, table: str, frame: pd.DataFrame) -> None:
        if frame.empty:
            return
        folder = self.directory / table
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"part-{len(self.parts.get(table, [])):06d}.parquet"
        pq.write_table(_to_arrow(frame), path)
        self.parts.setdefault(table, []).append(path)

    def assemble_in(self, pool: ProcessPoolExecutor, out: Path, fmt: str, names: list[str], fill: Filler | None = None) -> None:
        """Start assembling the tables `names` (those with parts) into out/<table>.<fmt> in `pool`.

        They must get no more parts; finish() waits for them. `fill` as for _assemble.
        """
        for name in names:
            if name in self.parts and name not in self.assembling:
                self.assembling[name] = pool.submit(_assemble, name, list(self.parts[name]), out / f"{name}.{fmt}", fmt, fill)

    def finish(self, out: Path, fmt: str, whole: dict[str, pd.DataFrame], event_ids: dict[str, str]) -> list[Path]:
        """Write every table to out/<table>.<fmt>: contract tables first, then extra tables by name.

        `documents` parts get their `event_id` here, from the corpus step.
        """
        names = list(export.EXPORT_TABLES) + sorted((set(self.parts) | set(whole)) - set(export.EXPORT_TABLES))
        written = []
        for name in names:
            path = out / f"{name}.{fmt}"
            if name in self.assembling:
                self.assembling[name].result()
            elif name in whole:
                path.write_bytes(export.table_bytes(whole[name], fmt))
            elif name in self.parts:
                fill = _event_filler(event_ids) if name == "documents" else None
                _assemble(name, self.parts[name], path, fmt, fill)
            else:
                path.write_bytes(export.table_bytes(make_table(name, []), fmt))
            written.append(path)
        return written

    def discard(self) -> None:
        shutil.rmtree(self.directory, ignore_errors=True)


def _to_arrow(frame: pd.DataFrame) -> pa.Table:
    """A part as Arrow; a column mixing Python types is written as text rather than failing the run."""
    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        fixed = frame.copy()
        for column in fixed.columns:
            try:
                pa.array(fixed[column], from_pandas=True)
            except (pa.ArrowTypeError, pa.ArrowInvalid):
                fixed[column] = fixed[column].map(lambda v: None if v is None or v != v else str(v))
        return pa.Table.from_pandas(fixed, preserve_index=False)


def _column_order(name: str, schemas: list[pa.Schema]) -> list[str]:
    """Contract columns first, then extra columns in first-seen order: make_table's order."""
    order = list(TABLE_COLUMNS.get(name, ()))
    seen = set(order)
    for schema in schemas:
        for column in schema.names:
            if column not in seen:
                seen.add(column)
                order.append(column)
    return order


# Integer and boolean columns keep their type in parts with gaps, so every CSV part prints them alike.
_NULLABLE = {pa.int64(): pd.Int64Dtype(), pa.int32(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}


Filler = tuple[str, pa.DataType, Callable[[pa.Table], pa.Array]]


def _event_filler(event_ids: dict[str, str]) -> Filler:
    """The documents' event_id column, as pipeline.gather sets it ("" for a document in no event)."""
    return ("event_id", pa.string(), partial(_event_column, event_ids))  # a partial, not a lambda: it goes to pool workers


def _event_column(event_ids: dict[str, str], part: pa.Table) -> pa.Array:
    return pa.array([event_ids.get(d, "") for d in part.column("doc_id").to_pylist()], pa.string())


def _assemble(name: str, paths: list[Path], destination: Path, fmt: str, fill: Filler | None = None) -> None:
    """Concatenate a table's parts into one file, reading one part at a time; `fill` sets one column."""
    schemas = [pq.read_schema(path) for path in paths]
    unified = pa.unify_schemas(schemas, promote_options="permissive")
    order = _column_order(name, schemas)
    schema = pa.schema([unified.field(column) if column in unified.names else pa.field(column, pa.null()) for column in order])
    if fill:
        schema = schema.set(schema.get_field_index(fill[0]), pa.field(fill[0], fill[1]))
    if fmt == "parquet":
        with pq.ParquetWriter(destination, schema) as writer:
            for path in paths:
                safe = export.safe_frame(_read_part(path, schema, fill).to_pandas())
                writer.write_table(pa.Table.from_pandas(safe, schema=schema, preserve_index=False))
        return
    with destination.open("wb") as handle:
        for index, path in enumerate(paths):
            data = export.table_csv_bytes(_read_part(path, schema, fill).to_pandas(types_mapper=_NULLABLE.get))
            handle.write(data if index == 0 else data.split(b"\r\n", 1)[1])


def _read_part(path: Path, schema: pa.Schema, fill: Filler | None = None) -> pa.Table:
    """One part file in the table's unified schema (missing columns as nulls, the `fill` column computed)."""
    part = pq.read_table(path)
    columns = [
        fill[2](part) if fill and field.name == fill[0]
        else part[field.name].cast(field.type) if field.name in part.column_names
        else pa.nulls(part.num_rows, field.type)
        for field in schema
    ]
    return pa.Table.from_arrays(columns, schema=schema)
