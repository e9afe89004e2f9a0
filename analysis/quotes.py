"""Quotation spans of any style, nested quotes and quotes left open to the paragraph's end.

Shared by loaded wording (voice), outlets (who is quoted) and framing (quoted actors).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# opening mark -> closing marks it accepts
PAIRS = {
    "“": "”\"",
    "„": "“”",
    "«": "»",
    "»": "«",
    "‹": "›",
    "「": "」",
    "『": "』",
    '"': '"”',
    "‘": "’'",
    "‚": "‘’",
    "'": "'’",
}
SINGLE_MARKS = frozenset("‘’'‚")
# Marks that look the same opening and closing; every other mark that can close does close.
STRAIGHT_MARKS = frozenset("\"'")
# Every character that can open or close a quotation: a paragraph is scanned mark by mark, not letter by letter.
QUOTE_MARK_RE = re.compile("[" + re.escape("".join(sorted(set(PAIRS) | set("”’»›」』")))) + "]")


@dataclass(frozen=True)
class Quote:
    """A quotation: `start`/`end` include the marks; `closed` is False when it ran to the paragraph's end."""

    start: int
    end: int
    depth: int
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return (self.start + 1, self.end - 1 if self.closed else self.end)


def _is_apostrophe(text: str, i: int) -> bool:
    """A single mark between two letters (Russia’s, don't) or after a plural s (states') is no quote."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    if text[i] in "’'" and text[i + 1:i + 3].isdigit():
        return True  # '80s, ’90s
    return before in "sS" and not after.isalnum() and text[i] in "’'" and i > 1 and text[i - 2].isalpha()


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in SINGLE_MARKS or text[i] == '"':
        return not before.isalnum() and not after.isspace()
    return True


def find_quotes(text: str) -> list[Quote]:
    """All quotations in `text`, outermost and nested, sorted by start.

    A quotation does not cross a line break (a paragraph). The marks are found in one pass over the
    text, and each paragraph's open quotations are settled when the first mark past its end comes."""
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []  # the open quotations of the current paragraph: (opening mark, offset)
    paragraph_end = -1
    for mark in QUOTE_MARK_RE.finditer(text):
        i = mark.start()
        if i > paragraph_end:
            _close_paragraph(stack, paragraph_end, quotes)
            stack = []
            paragraph_end = text.find("\n", i)
            if paragraph_end < 0:
                paragraph_end = len(text)
        ch = text[i]
        if ch in SINGLE_MARKS and _is_apostrophe(text, i):
            continue
        closing = next((k for k in range(len(stack) - 1, -1, -1) if ch in PAIRS[stack[k][0]]), None)
        if closing is not None and (
            ch not in PAIRS or ch not in STRAIGHT_MARKS or not _can_open(text, i) or stack[closing][0] == ch
        ):
            opener, at = stack[closing]
            del stack[closing:]
            quotes.append(Quote(at, i + 1, closing, True))
        elif ch in PAIRS and _can_open(text, i):
            stack.append((ch, i))
    _close_paragraph(stack, paragraph_end, quotes)
    return sorted(quotes, key=lambda q: (q.start, -q.end))


def _close_paragraph(stack: list[tuple[str, int]], end: int, out: list[Quote]) -> None:
    """Settle the quotations still open at a paragraph's end."""
    # Open double quotes run to the paragraph's end (multi-paragraph quote convention);
    # a stray single mark is more likely an apostrophe, so it is dropped.
    for depth, (opener, at) in enumerate(stack):
        if opener not in SINGLE_MARKS:
            out.append(Quote(at, end, depth, False))


def quoted_ranges(quotes: list[Quote]) -> list[tuple[int, int]]:
    """The outermost quotation ranges, merged."""
    ranges = sorted((q.start, q.end) for q in quotes)
    merged: list[tuple[int, int]] = []
    for s, e in ranges:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def is_quoted(quotes: list[Quote], start: int, end: int) -> bool:
    """True when [start, end) lies inside some quotation's marks."""
    return any(q.start < start and end <= q.end for q in quotes)
