"""The one shared tokenization of a document: words, sentences and lines, with offsets.

Every analysis reads this instead of re-tokenizing, so a document is scanned once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter

WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace,
# or at a line break; abbreviations such as "Mr." or "U.S." are not treated as ends.
SENTENCE_END_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n+")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen gov sen rep lt col sgt capt jr sr inc ltd co corp vs etc no u.s u.k u.n e.g i.e"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


@dataclass(frozen=True)
class Tokens:
    """Words, sentences and lines of one text, each as (start, end) character offsets."""

    text: str
    word_spans: tuple[tuple[int, int], ...]
    sentence_spans: tuple[tuple[int, int], ...]
    line_spans: tuple[tuple[int, int], ...]

    @cached_property
    def words(self) -> tuple[str, ...]:
        """The words as written."""
        return tuple(self.text[s:e] for s, e in self.word_spans)

    @cached_property
    def lower_words(self) -> tuple[str, ...]:
        """The words lower-cased, for lexicon look-ups."""
        return tuple(w.lower() for w in self.words)

    @cached_property
    def word_starts(self) -> tuple[int, ...]:
        """The words' start offsets, in order (for bisection)."""
        return tuple(map(itemgetter(0), self.word_spans))

    @cached_property
    def word_ends(self) -> tuple[int, ...]:
        """The words' end offsets, in order (for bisection)."""
        return tuple(map(itemgetter(1), self.word_spans))

    def words_between(self, start: int, end: int) -> list[int]:
        """Indexes of the words lying wholly inside [start, end)."""
        return [i for i, (s, e) in enumerate(self.word_spans) if s >= start and e <= end]


# The word before a full stop: the run of word characters and dots that ends the text before it.
WORD_BEFORE_STOP_RE = re.compile(r"[\w.]+$")
# Searching only this many characters before the stop keeps the search short; a run that fills them is
# searched again in full, so the result is the same.
WORD_BEFORE_STOP_WINDOW = 64
# A non-empty line with its surrounding whitespace trimmed: from its first to its last non-space character.
TRIMMED_LINE_RE = re.compile(r"\S(?:[^\n]*\S)?")


def _word_before_stop(text: str, start: int, end: int) -> str:
    """The trailing run of word characters and dots in text[start:end] ("" if none)."""
    low = max(start, end - WORD_BEFORE_STOP_WINDOW)
    match = WORD_BEFORE_STOP_RE.search(text, low, end)
    if match and match.start() == low and low > start:  # the run may go on before the window
        match = WORD_BEFORE_STOP_RE.search(text, start, end)
    return match.group() if match else ""


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in SENTENCE_END_RE.finditer(text, start, end):
        if match.group() == ".":
            word = _word_before_stop(text, cursor, match.start())
            if word and (word.lower() in ABBREVIATIONS or len(word) == 1):
                continue
        _append_trimmed(text, cursor, match.end(), spans)
        cursor = match.end()
    _append_trimmed(text, cursor, end, spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def tokenize(text: str) -> Tokens:
    """Split a text into words, sentences and non-empty lines, keeping offsets into `text`."""
    return Tokens(
        text=text,
        word_spans=tuple(map(re.Match.span, WORD_RE.finditer(text))),
        sentence_spans=tuple(_sentence_spans(text, 0, len(text))),
        line_spans=tuple(map(re.Match.span, TRIMMED_LINE_RE.finditer(text))),
    )
