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
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from .document import Document

MIN_DOCUMENTS = 2  # seen in this many distinct documents of one outlet: a repeated line
# Furniture lines are short; longer lines are left to the cues and the in-page rules. Hashing short lines
# only also keeps the index (one entry per distinct short line of the corpus while it is built) small.
MAX_WORDS = 30
DIGITS_RE = re.compile(r"\d")
# A line shaped like a sentence (enough words, closing punctuation) is what tells one story from another.
SENTENCE_RE = re.compile(r"[.!?…][\"'”’)\]]*$")
SENTENCE_MIN_WORDS = 6
# A document whose first VERSION_SAMPLE sentences the outlet has mostly (more than VERSION_SHARE) printed before
# is a version of an earlier story. A sample bounds the memory: at most VERSION_SAMPLE hashes per document.
VERSION_SAMPLE = 20
VERSION_SHARE = 0.5


def line_hash(line: str) -> int | None:
    """The hash of a short line (see _hash); None for a blank line or one longer than MAX_WORDS words."""
    words = line.split()
    if not words or len(words) > MAX_WORDS:
        return None
    return _hash(words)


def _hash(words: list[str]) -> int:
    """The first 8 bytes of the SHA-1 of a line's words casefolded, digits set to 0, joined by one space, as an int."""
    normalised = DIGITS_RE.sub("0", " ".join(words).casefold())
    return int.from_bytes(hashlib.sha1(normalised.encode("utf-8")).digest()[:8], "big")


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

    Reads the documents one at a time (a stream is fine): memory holds the hashes, not the texts.
    """
    counts: dict[str, dict[int, int]] = {}
    sentences_seen: dict[str, set[int]] = {}
    texts_seen: set[tuple[str, bytes]] = set()
    for document in documents:
        key = outlet_key(document)
        if not key:
            continue
        text_id = (key, hashlib.sha1(document.text.encode("utf-8")).digest()[:8])
        lines = document.text.split("\n")
        sample = _sentence_sample(lines)
        seen = sentences_seen.setdefault(key, set())
        # A copy, or another version of a story already counted: its lines would only repeat that story.
        if text_id in texts_seen or _is_version(sample, seen):
            continue
        texts_seen.add(text_id)
        seen.update(sample)
        outlet = counts.setdefault(key, {})
        for value in {line_hash(line) for line in lines} - {None}:
            outlet[value] = outlet.get(value, 0) + 1
    repeated = {key: {h: n for h, n in hashes.items() if n >= MIN_DOCUMENTS} for key, hashes in counts.items()}
    return OutletRepeats({key: hashes for key, hashes in repeated.items() if hashes})


def _sentence_sample(lines: list[str]) -> set[int]:
    """Hashes of the first VERSION_SAMPLE sentence-shaped lines (any length) of a document."""
    sample: set[int] = set()
    for line in lines:
        words = line.split()
        if len(words) >= SENTENCE_MIN_WORDS and SENTENCE_RE.search(words[-1]):
            sample.add(_hash(words))
            if len(sample) >= VERSION_SAMPLE:
                break
    return sample


def _is_version(sample: set[int], seen: set[int]) -> bool:
    """True when most sampled sentences were printed before: another version of an earlier story.

    A document without sentences (a listing, a stub) is never a version; only an exact copy of it is skipped.
    """
    return bool(sample) and len(sample & seen) > VERSION_SHARE * len(sample)


def with_outlet_repeats(resources, documents: Iterable[Document]):
    """`resources` with the outlet-repetition index of `documents` in place of any earlier one.

    The same object comes back when neither has anything in it, so a corpus without repeats runs as before.
    """
    index = outlet_repeats(documents)
    if not index and not resources.outlet_repeats:
        return resources
    return replace(resources, outlet_repeats=index)
