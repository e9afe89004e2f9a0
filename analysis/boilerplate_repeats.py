"""Repetition across documents of one outlet: CCNet-style hashes of normalised short lines.

A footer, promo or standing credit line that an outlet prints under every article is furniture even where
the line classifier and the cues miss it. A pre-pass over the corpus (outlet_repeats) hashes every short
line of every document that has an outlet key and counts, per outlet, the distinct documents each hash
occurs in; segmentation (analysis/boilerplate.py) then reads the hashes seen in at least MIN_DOCUMENTS
documents of the document's own outlet. The index travels to the per-document work as a field of
Resources (with_outlet_repeats), so analyze_document stays a pure function of (document, resources).

Documents without an outlet key (no outlet_hint, no URL) are never grouped: syndicated wire copy from
unknown outlets shares whole paragraphs, and pooling such documents would turn each other's body into
"repeats". For the same reason a document counts only when its text differs from the outlet's earlier
ones: an exact copy, or another version of an earlier story (most of its sentences already printed by the
outlet: an update, a second crawl), adds nothing to the counts.

The pass keeps no Python object per document (corpora run to a million articles): the history the skips
are decided on is held in sorted numpy arrays (_PairSet, ~12 bytes a hash), and the (outlet, line hash)
occurrences in a fixed-size buffer spilled to temporary bucket files (_LineCounter) and counted at the end.
Only the final index, the hashes an outlet repeats, is a dict.
"""
from __future__ import annotations

import hashlib
import re
import tempfile
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

from .document import Document

MIN_DOCUMENTS = 2  # seen in this many distinct documents of one outlet: a repeated line
# Furniture lines are short; longer lines are left to the cues and the in-page rules. Hashing short lines
# only also keeps the index (one entry per distinct short line of the corpus while it is built) small.
MAX_WORDS = 30
DIGITS_RE = re.compile(r"\d")
ASCII_DIGITS = bytes.maketrans(b"123456789", b"000000000")  # what DIGITS_RE.sub("0", ...) does to ASCII text
HASH_MASK = (1 << 64) - 1
# A line shaped like a sentence (enough words, closing punctuation) is what tells one story from another.
SENTENCE_RE = re.compile(r"[.!?…][\"'”’)\]]*$")
SENTENCE_MIN_WORDS = 6
# A document whose first VERSION_SAMPLE sentences the outlet has mostly (more than VERSION_SHARE) printed before
# is a version of an earlier story. A sample bounds the memory: at most VERSION_SAMPLE hashes per document.
VERSION_SAMPLE = 20
VERSION_SHARE = 0.5


def line_hash(line: str) -> int | None:
    """The hash of a short line (see _hash); None for a blank line or one longer than MAX_WORDS words."""
    # At most MAX_WORDS splits: the same words for a short line, and a long paragraph is not split in full.
    words = line.split(None, MAX_WORDS)
    if not words or len(words) > MAX_WORDS:
        return None
    return _hash(words)


def _hash(words: list[str]) -> int:
    """The first 8 bytes of the SHA-1 of a line's words casefolded, digits set to 0, joined by one space, as an int."""
    folded = " ".join(words).casefold()
    if folded.isascii():  # most lines: bytes.translate on the UTF-8 bytes is DIGITS_RE.sub and ~10x faster
        normalised = folded.encode("utf-8").translate(ASCII_DIGITS)
    else:
        normalised = DIGITS_RE.sub("0", folded).encode("utf-8")
    return _digest64(normalised)


def _digest64(data: bytes) -> int:
    """The first 8 bytes of the SHA-1 of `data`, as an int: line hashes and text ids alike."""
    return int.from_bytes(hashlib.sha1(data).digest()[:8], "big")


def outlet_key(document: Document) -> str:
    """Who published the document: its outlet hint, else its URL's host (without "www."), else ""."""
    hint = " ".join(document.outlet_hint.casefold().split())
    if hint:
        return hint
    url = document.url.strip()
    if not url:
        return ""
    try:
        host = urlsplit(url if "://" in url else "//" + url).hostname or ""
    except ValueError:  # a malformed URL names no host
        return ""
    return host.removeprefix("www.")


@dataclass(frozen=True)
class OutletRepeats:
    """Per outlet key, the hashes of lines repeated in MIN_DOCUMENTS or more of its documents, with that count."""

    counts: Mapping[str, Mapping[int, int]] = field(default_factory=dict)

    def for_document(self, document: Document) -> tuple[str, Mapping[int, int]]:
        """(outlet key, {line hash: documents}) for a document; an empty mapping when it has no key or no repeats."""
        key = outlet_key(document)
        return key, (self.counts.get(key, {}) if key else {})

    def __bool__(self) -> bool:
        return bool(self.counts)


def outlet_repeats(documents: Iterable[Document]) -> OutletRepeats:
    """Count, per outlet key, the distinct documents each short line occurs in; keep the repeated ones.

    Reads the documents one at a time (a stream is fine) and keeps no Python object per document: the
    history the skips are decided on is at most 1 + VERSION_SAMPLE (outlet, hash) pairs per document in
    numpy arrays (_PairSet), and the (outlet, line hash) occurrences go to a fixed-size buffer spilled to
    temporary files (_LineCounter), counted at the end.
    """
    outlets: dict[str, int] = {}  # outlet key -> its number, in order of first appearance
    texts = _PairSet()  # (outlet, text id) of every counted document
    sentences = _PairSet()  # (outlet, sentence hash) of the sampled sentences of every counted document
    with _LineCounter() as lines:
        for document in documents:
            key = outlet_key(document)
            if not key:
                continue
            outlet = outlets.setdefault(key, len(outlets))
            text_id = _digest64(document.text.encode("utf-8"))
            # A copy, or another version of a story already counted: its lines would only repeat that story.
            if texts.count(outlet, {text_id}):
                continue
            text_lines = document.text.split("\n")
            sample, hashed = _sentence_sample(text_lines)
            if _is_version(len(sample), sentences.count(outlet, sample)):
                continue
            texts.add(outlet, {text_id})
            sentences.add(outlet, sample)
            lines.add(outlet, _short_line_hashes(text_lines, hashed))
        del texts, sentences  # not needed to count: let them go first
        repeated = lines.counted(MIN_DOCUMENTS)
    keys = list(outlets)
    # Outlet numbers follow first appearance, and an outlet's first document is always counted: the same
    # key order as counting into a dict per outlet as documents arrive.
    return OutletRepeats({keys[outlet]: repeated[outlet] for outlet in sorted(repeated)})


def _sentence_sample(lines: list[str]) -> tuple[set[int], dict[int, int]]:
    """Hashes of the first VERSION_SAMPLE sentence-shaped lines (any length) of a document.

    Also {line number: hash} for those of them that are short lines, so _short_line_hashes need not hash
    them again (~12% of the pass's time on news).
    """
    sample: set[int] = set()
    short: dict[int, int] = {}
    for number, line in enumerate(lines):
        words = line.split()
        if len(words) >= SENTENCE_MIN_WORDS and SENTENCE_RE.search(words[-1]):
            value = _hash(words)
            sample.add(value)
            if len(words) <= MAX_WORDS:
                short[number] = value
            if len(sample) >= VERSION_SAMPLE:
                break
    return sample, short


def _short_line_hashes(lines: list[str], known: dict[int, int]) -> set[int]:
    """{line_hash(line) for line in lines} - {None}, taking the hashes of `known` lines (by number) as given."""
    hashes: set[int] = set()
    for number, line in enumerate(lines):
        value = known.get(number)
        if value is None:
            value = line_hash(line)
        if value is not None:
            hashes.add(value)
    return hashes


def _is_version(sampled: int, seen: int) -> bool:
    """True when most of the `sampled` sentences (`seen` of them) were printed before: another version of a story.

    A document without sentences (a listing, a stub) is never a version; only an exact copy of it is skipped.
    """
    return sampled > 0 and seen > VERSION_SHARE * sampled


class _PairSet:
    """A set of (outlet number, 64-bit hash) pairs at about 12 bytes a pair, for membership tests per outlet.

    New pairs wait in small Python sets, one per outlet, and are merged in batches into two parallel numpy
    arrays: `keys` (uint64, sorted) and `outlets` (uint32). A batch is at least MERGE_MIN pairs and a
    sixteenth of the arrays, so merging stays linear on the whole while the waiting sets (~70 bytes a
    pair, a set object as much as ~8 pairs) add at most ~5 bytes a pair.

    A pair's key is its hash XOR _salt(outlet), so that a sentence many outlets printed (wire copy) has a
    different key in each and a lookup finds one entry, not a run to scan. The pairs stay exact: given the
    outlet, hash and key determine each other, so "key and outlet both match" means "hash and outlet both
    match". Two pairs with the same key (only a 64-bit coincidence makes them) are both kept and both
    checked, so a collision can slow a lookup but never change which documents are skipped.
    """

    MERGE_MIN = 1 << 14

    def __init__(self) -> None:
        self.waiting: dict[int, set[int]] = {}  # outlet -> hashes added since the last merge
        self.pairs_waiting = 0
        self.keys = np.empty(0, dtype=np.uint64)
        self.outlets = np.empty(0, dtype=np.uint32)

    def add(self, outlet: int, hashes: set[int]) -> None:
        """Add (outlet, hash) for each hash."""
        pending = self.waiting.setdefault(outlet, set())
        before = len(pending)
        pending |= hashes
        self.pairs_waiting += len(pending) - before
        if self.pairs_waiting + 8 * len(self.waiting) >= max(self.MERGE_MIN, len(self.keys) // 16):
            self._merge()

    def count(self, outlet: int, hashes: set[int]) -> int:
        """How many of `hashes` are in the set with this outlet."""
        rest = hashes - self.waiting.get(outlet, set())
        found = len(hashes) - len(rest)
        if not rest or not len(self.keys):
            return found
        query = np.fromiter(rest, dtype=np.uint64, count=len(rest)) ^ np.uint64(_salt(outlet))
        starts = np.searchsorted(self.keys, query, "left")
        ends = np.searchsorted(self.keys, query, "right")
        found += int(np.count_nonzero(self.outlets[starts[ends - starts == 1]] == outlet))
        runs = ends - starts > 1  # pairs sharing a key: check each
        if runs.any():
            for start, end in zip(starts[runs].tolist(), ends[runs].tolist()):
                found += bool(np.any(self.outlets[start:end] == outlet))
        return found

    def _merge(self) -> None:
        """Move the waiting pairs into the sorted arrays."""
        waiting, n = self.waiting, self.pairs_waiting
        sizes = np.fromiter(map(len, waiting.values()), dtype=np.intp, count=len(waiting))
        outlets = np.repeat(np.fromiter(waiting, dtype=np.uint32, count=len(waiting)), sizes)
        salts = np.repeat(np.fromiter(map(_salt, waiting), dtype=np.uint64, count=len(waiting)), sizes)
        keys = np.fromiter(chain.from_iterable(waiting.values()), dtype=np.uint64, count=n) ^ salts
        order = np.argsort(keys, kind="stable")
        keys, outlets = keys[order], outlets[order]
        at = np.searchsorted(self.keys, keys)
        self.keys = np.insert(self.keys, at, keys)
        self.outlets = np.insert(self.outlets, at, outlets)
        self.waiting, self.pairs_waiting = {}, 0


def _salt(outlet: int) -> int:
    """A 64-bit number per outlet number, different for every outlet.

    Multiplying by an odd constant modulo 2**64 is a bijection, so distinct outlets get distinct salts.
    """
    return outlet * 0x9E3779B97F4A7C15 & HASH_MASK


# One counted occurrence: a line hash and the number of the outlet whose document printed it.
OCCURRENCE = np.dtype([("hash", "<u8"), ("outlet", "<u4")])


class _LineCounter:
    """Counts (outlet number, line hash) occurrences at 12 bytes each, in memory up to BUFFER, then on disk.

    add() appends to two compact arrays; a full buffer is spilled, partitioned by the top BUCKET_BITS bits
    of the hash, to one file per bucket under a temporary directory (removed on exit, also on error), so
    counting at the end reads one bucket at a time: memory is bounded by the buffer and a bucket.
    Use as a context manager.
    """

    BUFFER = 1 << 17  # occurrences (1.5 MB) before a spill
    BUCKET_BITS = 6  # 64 buckets: a million documents make ~30 million occurrences, ~6 MB a bucket

    def __init__(self) -> None:
        self.hashes = array("Q")
        self.outlets = array("I")
        self.spills: tempfile.TemporaryDirectory | None = None

    def __enter__(self) -> _LineCounter:
        return self

    def __exit__(self, *exc) -> None:
        if self.spills is not None:
            self.spills.cleanup()
            self.spills = None

    def add(self, outlet: int, hashes: set[int]) -> None:
        """Count one document of `outlet` for each of its distinct line hashes."""
        self.hashes.extend(hashes)
        self.outlets.extend([outlet] * len(hashes))
        if len(self.hashes) >= self.BUFFER:
            self._spill()

    def counted(self, minimum: int) -> dict[int, dict[int, int]]:
        """{outlet number: {line hash: documents}} for the pairs counted `minimum` times or more, hashes ascending."""
        if self.spills is None:
            chunks = [self._buffered()]
        else:
            self._spill()
            paths = sorted(Path(self.spills.name).iterdir())
            chunks = (np.fromfile(path, dtype=OCCURRENCE) for path in paths)
        kept = [_repeated(chunk, minimum) for chunk in chunks]
        result: dict[int, dict[int, int]] = {}
        for hashes, outlets, counts in kept:
            for value, outlet, count in zip(hashes.tolist(), outlets.tolist(), counts.tolist()):
                result.setdefault(outlet, {})[value] = count
        return result

    def _buffered(self) -> np.ndarray:
        """The buffered occurrences as an OCCURRENCE array (a copy: the buffer may be reused)."""
        occurrences = np.empty(len(self.hashes), dtype=OCCURRENCE)
        occurrences["hash"] = np.frombuffer(self.hashes, dtype=np.uint64) if self.hashes else 0
        # array("I") is 4 bytes on every platform numpy builds for, but read it at its own size to be sure.
        occurrences["outlet"] = np.frombuffer(self.outlets, dtype=f"u{self.outlets.itemsize}") if self.outlets else 0
        return occurrences

    def _spill(self) -> None:
        """Append the buffered occurrences to their bucket files and empty the buffer."""
        if self.spills is None:
            self.spills = tempfile.TemporaryDirectory(prefix="outlet-repeats-")
        occurrences = self._buffered()
        self.hashes = array("Q")
        self.outlets = array("I")
        buckets = (occurrences["hash"] >> np.uint64(64 - self.BUCKET_BITS)).astype(np.uint8)
        bounds = np.concatenate(([0], np.cumsum(np.bincount(buckets, minlength=1 << self.BUCKET_BITS))))
        occurrences = occurrences[np.argsort(buckets, kind="stable")]
        for bucket in range(1 << self.BUCKET_BITS):
            part = occurrences[bounds[bucket]:bounds[bucket + 1]]
            if len(part):
                with open(Path(self.spills.name) / f"{bucket:03d}.bin", "ab") as file:
                    part.tofile(file)


def _repeated(occurrences: np.ndarray, minimum: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(hashes, outlets, counts) of the (hash, outlet) pairs occurring `minimum` times or more, by hash then outlet."""
    if not len(occurrences):
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, empty
    occurrences = occurrences[np.lexsort((occurrences["outlet"], occurrences["hash"]))]
    hashes, outlets = occurrences["hash"], occurrences["outlet"]
    # A run of equal pairs starts where the hash or the outlet changes.
    starts = np.flatnonzero(np.concatenate(([True], (hashes[1:] != hashes[:-1]) | (outlets[1:] != outlets[:-1]))))
    counts = np.diff(np.append(starts, len(occurrences)))
    keep = counts >= minimum
    return hashes[starts[keep]], outlets[starts[keep]], counts[keep]


def with_outlet_repeats(resources, documents: Iterable[Document]):
    """`resources` with the outlet-repetition index of `documents` in place of any earlier one.

    The same object comes back when neither has anything in it, so a corpus without repeats runs as before.
    """
    index = outlet_repeats(documents)
    if not index and not resources.outlet_repeats:
        return resources
    return replace(resources, outlet_repeats=index)
