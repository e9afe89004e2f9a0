"""The Dask engine: per-document analyses on a dask.distributed cluster, outputs in input order.

With no scheduler address a LocalCluster is started (one single-threaded worker process per core)
and closed afterwards; with `--scheduler ADDRESS` the documents go to an existing cluster, whose
workers must be able to import this `analysis` package. The resources are scattered to the workers
once, documents travel in batches (one task per batch keeps the scheduler's overhead small), and
the outputs come back in input order, so the tables are byte-identical to the local engine's.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence

from .document import Document
from .resources import Resources

ProgressCallback = Callable[[int, int], None]
# Enough batches to keep every worker busy and show progress; few enough that scheduling stays cheap.
TARGET_BATCHES_PER_WORKER = 8
MAX_BATCH = 64


def _analyze_batch(documents: Sequence[Document], resources: Resources) -> list:
    """Runs on a worker: the pipeline's own per-document function, so results cannot differ."""
    from .pipeline import analyze_document

    return [analyze_document(document, resources) for document in documents]


def batch_size(total: int, workers: int) -> int:
    """Documents per task for `total` documents on `workers` workers."""
    return max(1, min(MAX_BATCH, total // max(1, workers * TARGET_BATCHES_PER_WORKER) or 1))


class DaskRunner:
    """A connection to a Dask cluster (started locally when `scheduler` is None), reusable across chunks.

    Use as a context manager; `run(documents, resources)` may be called many times, as the streaming
    batch scorer does, and scatters each Resources object to the workers only once.
    """

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        from dask.distributed import Client, LocalCluster

        self._cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self._cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # a free port: never clash with another cluster
                silence_logs=logging.ERROR,
            )
            self.client = Client(self._cluster)
        self._scattered: tuple[Resources, object] | None = None

    def __enter__(self) -> "DaskRunner":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def worker_count(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def _resources_future(self, resources: Resources) -> object:
        if self._scattered is None or self._scattered[0] is not resources:
            self._scattered = (resources, self.client.scatter(resources, broadcast=True, hash=False))
        return self._scattered[1]

    def run(self, documents: Sequence[Document], resources: Resources, progress: ProgressCallback | None = None) -> list:
        """DocumentOutputs for `documents`, in their order."""
        return list(self.iter_run(documents, resources, progress))

    def iter_run(self, documents: Sequence[Document], resources: Resources, progress: ProgressCallback | None = None) -> Iterator:
        """DocumentOutputs for `documents`, yielded in their order as soon as every earlier batch is back."""
        from dask.distributed import as_completed

        total = len(documents)
        if total == 0:
            return
        size = batch_size(total, self.worker_count())
        batches = [list(documents[i:i + size]) for i in range(0, total, size)]
        remote = self._resources_future(resources)
        futures = [self.client.submit(_analyze_batch, batch, remote, pure=False) for batch in batches]
        position = {future.key: index for index, future in enumerate(futures)}
        results: dict[int, list] = {}
        next_batch = done = 0
        for future in as_completed(futures):
            index = position[future.key]
            results[index] = future.result()
            done += len(results[index])
            future.release()
            if progress:
                progress(done, total)
            while next_batch in results:
                yield from results.pop(next_batch)
                next_batch += 1
