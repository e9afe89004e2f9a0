"""An append-only file of byte strings, read back by index: what a streaming run keeps on disk, not in memory.

framing.CorpusState keeps a few kB per document for the corpus step (word counts, pickled records). In a
streaming run (analysis/batch.py) those go to SpillFiles under the run's parts directory, so the main
process holds only 8 bytes per document and string (its end offset) and the corpus can grow to millions
of documents. Reads are plain file reads (seek and readinto), not mmap: mapped pages would count in the process's
resident memory, the very thing spilling avoids; read pages stay in the kernel's page cache instead.
"""
from __future__ import annotations

from array import array
from collections.abc import Sequence
from pathlib import Path

import numpy as np

# Bytes buffered before a write to the file (appends are small: a few hundred bytes to a few kB each).
WRITE_BUFFER = 1 << 20


class SpillFile:
    """Byte strings appended one at a time to a new file at `path`; read back one by one or many at once.

    In memory: the end offset of each string (8 bytes a string) and a write buffer. close() removes the file.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._writer = open(self.path, "xb", buffering=WRITE_BUFFER)  # "x": never reuse someone else's file
        self._reader = open(self.path, "rb", buffering=0)  # unbuffered: each read fills the caller's buffer directly
        self._ends = array("q", [0])
        self._unflushed = False

    def __len__(self) -> int:
        return len(self._ends) - 1

    def append(self, data: bytes) -> None:
        """Add one string at the end."""
        self._writer.write(data)
        self._ends.append(self._ends[-1] + len(data))
        self._unflushed = True

    def read(self, index: int) -> bytes:
        """The index-th string."""
        start, end = self._ends[index], self._ends[index + 1]
        buffer = np.empty(end - start, dtype=np.uint8)
        self._read_into(memoryview(buffer), start)
        return buffer.tobytes()

    def read_many(self, indexes: Sequence[int] | np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(buffer, offsets, sizes): the strings `indexes` (repeats allowed) are buffer[offsets[k]:offsets[k] + sizes[k]].

        The strings are read in file order, neighbours in the file with one read: a block of consecutive
        documents costs one system call, not one per document. offsets[k] is a multiple of 8 when every
        string's size is (the buffer is 8-byte aligned), so arrays of 4- or 8-byte numbers can be viewed in place.
        """
        ends = np.frombuffer(self._ends, dtype=np.int64)
        wanted = np.asarray(indexes, dtype=np.int64)
        starts = ends[wanted]
        sizes = ends[wanted + 1] - starts
        if not len(wanted):
            return np.empty(0, dtype=np.uint8), starts, sizes
        order = np.argsort(starts, kind="stable")
        first = starts[order]
        reach = np.maximum.accumulate(first + sizes[order])  # end of the run so far, in file order
        # A new run (one read) wherever a string starts past everything before it.
        opens = np.ones(len(first), dtype=bool)
        opens[1:] = first[1:] > reach[:-1]
        run = np.cumsum(opens) - 1
        run_starts = first[opens]
        run_sizes = reach[np.append(np.flatnonzero(opens)[1:] - 1, len(first) - 1)] - run_starts
        run_offsets = np.cumsum(run_sizes) - run_sizes
        buffer = np.empty(int(run_sizes.sum()), dtype=np.uint8)
        view = memoryview(buffer)
        for start, size, at in zip(run_starts.tolist(), run_sizes.tolist(), run_offsets.tolist()):
            self._read_into(view[at:at + size], start)
        offsets = np.empty(len(wanted), dtype=np.int64)
        offsets[order] = run_offsets[run] + (first - run_starts[run])
        return buffer, offsets, sizes

    def _read_into(self, view: memoryview, offset: int) -> None:
        """Fill `view` with the file's bytes from `offset` on."""
        if self._unflushed:
            self._writer.flush()
            self._unflushed = False
        # seek and readinto rather than os.preadv, which Windows and some macOS builds lack.
        self._reader.seek(offset)
        while len(view):
            done = self._reader.readinto(view)
            if not done:
                raise OSError(f"{self.path}: the file ended {len(view)} bytes early")
            view = view[done:]

    def close(self) -> None:
        """Close and remove the file (again: nothing)."""
        if self._writer.closed:
            return
        self._writer.close()
        self._reader.close()
        self.path.unlink(missing_ok=True)
