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


# A quotation left open at a line's end may close on a later line (one sentence per line, hard-wrapped
# plain text): only within this many further lines and characters, and never across a blank line.
MAX_CONTINUED_LINES = 5
MAX_CONTINUED_CHARS = 1500
BLANK_LINE_RE = re.compile(r"\n[ \t\u00a0]*\n")


def find_quotes(text: str) -> list[Quote]:
    """All quotations in `text`, outermost and nested, sorted by start.

    A quotation is settled within its line (paragraph), except that a line ending with exactly one open
    double quotation (or guillemet) continues it onto the next lines when, within a few lines and no blank
    line, the first quotation mark to come is a mark that closes it (and cannot open). Anything else (another
    opening mark first, nothing in reach) leaves it open to its line's end as before: an unbalanced mark never
    quotes more than its own line. The marks are found in one pass over the text, and each line's open
    quotations are settled when the first mark past its end comes."""
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []  # the open quotations of the current paragraph: (opening mark, offset)
    carried: tuple[str, int, int] | None = None  # a quotation open at an earlier line's end: (mark, offset, that line's end)
    paragraph_end = -1
    for mark in QUOTE_MARK_RE.finditer(text):
        i = mark.start()
        if i > paragraph_end:
            carried = _settle_line(stack, paragraph_end, quotes, carried)
            stack = []
            paragraph_end = text.find("\n", i)
            if paragraph_end < 0:
                paragraph_end = len(text)
        ch = text[i]
        if ch in SINGLE_MARKS and _is_apostrophe(text, i):
            continue
        if carried is not None:
            opener, at, line_end = carried
            carried = None
            if _continues(text, line_end, i) and ch in PAIRS[opener] and not (ch in PAIRS and _can_open(text, i)):
                quotes.append(Quote(at, i + 1, 0, True))
                continue
            quotes.append(Quote(at, line_end, 0, False))
        closing = next((k for k in range(len(stack) - 1, -1, -1) if ch in PAIRS[stack[k][0]]), None)
        if closing is not None and (
            ch not in PAIRS or ch not in STRAIGHT_MARKS or not _can_open(text, i) or stack[closing][0] == ch
        ):
            opener, at = stack[closing]
            del stack[closing:]
            quotes.append(Quote(at, i + 1, closing, True))
        elif ch in PAIRS and _can_open(text, i):
            stack.append((ch, i))
    carried = _settle_line(stack, paragraph_end, quotes, carried)
    if carried is not None:
        quotes.append(Quote(carried[1], carried[2], 0, False))
    return sorted(quotes, key=lambda q: (q.start, -q.end))


def _settle_line(stack: list[tuple[str, int]], end: int, out: list[Quote], carried: tuple[str, int, int] | None) -> tuple[str, int, int] | None:
    """Settle a line's open quotations; return the one that may continue onto the next lines, if any.

    `carried` (a quotation carried from an earlier line that no mark on this line closed) is settled first."""
    if carried is not None:
        out.append(Quote(carried[1], carried[2], 0, False))
    if len(stack) == 1 and stack[0][0] not in SINGLE_MARKS:
        return (stack[0][0], stack[0][1], end)
    _close_paragraph(stack, end, out)
    return None


def _continues(text: str, line_end: int, i: int) -> bool:
    """True when a quotation open at `line_end` may close at offset `i`: few lines later, no blank line between."""
    if i - line_end > MAX_CONTINUED_CHARS:
        return False
    between = text[line_end:i]
    return between.count("\n") <= MAX_CONTINUED_LINES and not BLANK_LINE_RE.search(between)


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
