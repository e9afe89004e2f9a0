"""The one shared tokenization of a document: words, sentences and lines, with offsets.

Every analysis reads this instead of re-tokenizing, so a document is scanned once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter
from typing import Callable, Generic, TypeVar

# Chinese and Japanese are written without spaces, so a run of their letters is a clause or a whole sentence, not
# a word; counted as one word, a paragraph looks like a one-word link. There, each Han ideograph counts as a word
# (the East Asian convention of word processors' counts) and so does each run of hiragana or of katakana (a particle
# or verb ending, a loanword: "iPhoneを販売した" is iPhone / を / 販 / 売 / した). Scripts written with spaces (Latin,
# Cyrillic, Hangul, ...) keep their words as before: apostrophe-joined runs of word characters.
HAN = "\u3005\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HIRAGANA = "\u3041-\u309f"
KATAKANA = "\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_SPACED = rf"[^\W{HAN}{HIRAGANA}{KATAKANA}]+"
WORD_RE = re.compile(rf"{_SPACED}(?:['’]{_SPACED})*|[{HAN}]|[{HIRAGANA}]+|[{KATAKANA}]+")
# The characters that write a hyphen joining two words: "-", U+2010 (hyphen) and U+2011 (non-breaking hyphen):
# "cover-up", "cover‐up", "cover‑up". The one set for the frame cues' hyphened cues, the loaded lexicon's negating
# prefixes ("anti-fascism") and its wordings' gaps, and analysis.loaded's compounds.
HYPHENS = frozenset("-\u2010\u2011")
HYPHEN_CHARS = "".join(map(re.escape, sorted(HYPHENS)))  # the same, to write inside a regex character class
# Chinese and Japanese end a sentence with their own full stop, exclamation and question marks, then perhaps their
# closing quotes and brackets, and write no space after them.
CJK_SENTENCE_MARKS = "。！？"
CJK_CLOSERS = "」』）"
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace, at 。！？ (with
# their closers) whatever follows, or at a line break; abbreviations such as "Mr." or "U.S." are not treated as ends.
# Written to start with one character class: the regex engine then skips ahead to the next mark or line break
# in C instead of trying the pattern at every character (same matches as r"[.!?]+[\"'”’)\]]*(?=\s)|\n+", 5x faster).
SENTENCE_END_RE = re.compile(
    rf"[.!?{CJK_SENTENCE_MARKS}\n](?:(?<=\n)\n*|(?<=[.!?])[.!?]*[\"'”’)\]]*(?=\s)"
    rf"|(?<=[{CJK_SENTENCE_MARKS}])[{CJK_SENTENCE_MARKS}]*[\"'”’)\]{CJK_CLOSERS}]*)"
)
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
        return tuple(map(str.lower, self.words))

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


Value = TypeVar("Value")
# Words a WordMemo remembers before it starts afresh: far more than a corpus's common vocabulary.
WORD_MEMO_SIZE = 1 << 18


class WordMemo(dict, Generic[Value]):
    """word -> function(word), computed on first sight and kept per process, for functions of the word alone.

    A dict, so a document's words are looked up in C with map(memo.__getitem__, words): a fraction of a call
    per word. Bounded for long-running processes: beyond `size` words it starts afresh (values do not change).
    """

    def __init__(self, function: Callable[[str], Value], size: int = WORD_MEMO_SIZE) -> None:
        super().__init__()
        self.function = function
        self.size = size

    def __missing__(self, word: str) -> Value:
        if len(self) >= self.size:
            self.clear()
        value = self[word] = self.function(word)
        return value


# A full stop ends no sentence after an abbreviation: only a run this short can be one.
LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS))
# A non-empty line with its surrounding whitespace trimmed: from its first to its last non-space character.
TRIMMED_LINE_RE = re.compile(r"\S(?:[^\n]*\S)?")


def _is_word_or_dot(char: str) -> bool:
    """True for the characters of regex [\\w.]: letters, digits, "_" and "." (str.isalnum is regex \\w without "_")."""
    return char.isalnum() or char in "._"


def _stop_after_abbreviation(text: str, start: int, end: int) -> bool:
    """True when the run of word characters and dots ending text[start:end] (the text before a full stop)
    is a known abbreviation ("Mr", "U.S") or a single character (an initial): then the stop ends no sentence.

    Only the last LONGEST_ABBREVIATION + 1 characters are looked at: a longer run is neither.
    """
    first = end
    limit = max(start, end - LONGEST_ABBREVIATION - 1)
    while first > limit and _is_word_or_dot(text[first - 1]):
        first -= 1
    run = text[first:end]
    # lower() never shortens a string, so a run longer than every abbreviation cannot be one.
    return len(run) == 1 or (len(run) <= LONGEST_ABBREVIATION and run.lower() in ABBREVIATIONS)


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in SENTENCE_END_RE.finditer(text, start, end):
        if match.group() == "." and _stop_after_abbreviation(text, cursor, match.start()):
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
