"""Title, author, publication date and URL read from the text itself when no column gives them.

Each finder returns (value, evidence); an empty value comes with the reason nothing was taken,
so the tables say "no headline line found" instead of inventing one.
"""
from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?!\d)"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
)
URL_RE = re.compile(r"https?://[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]")
URL_CUE_RE = re.compile(r"^(?:source|url|link|originally published(?: at| on)?|read more at|via)\s*:?\s*(" + URL_RE.pattern + ")", re.I)
_NAME = r"[A-ZÀ-Þ][\w’'\-]+(?:\s+(?:[A-ZÀ-Þ]\.|[A-ZÀ-Þ][\w’'\-]+|de|van|von|der|da|di|al|bin)){1,3}"
BYLINE_PATTERNS = (
    re.compile(r"^(?:written|posted|published|reported)\s+by\s+\[?(?P<name>[^\]\n]+?)\]?(?:\(\S*\))?(?:\s+(?:on|at|[|·—–-])\s+.*)?$", re.I),
    re.compile(r"^by[:\s]+\[?(?P<name>[^\]\n,|]+?)\]?(?:\(\S*\))?(?:\s*[,|·—–-].*)?$", re.I),
    re.compile(r"^(?:author|reporter)\s*:\s*(?P<name>[^\n,|]+)$", re.I),
)
# Words that mark a line as page furniture rather than a headline.
FURNITURE_CUES = re.compile(
    r"\b(subscribe|subscription|newsletter|notifications?|sign (?:in|up)|log ?in|register|cookies?|"
    r"advertisement|sponsored|menu|skip to|share (?:this|on)|follow us|read more|related|comments?|"
    r"donat\w*|support us|browser|app store|download|privacy|terms of (?:use|service)|all rights reserved|"
    r"photo|image|getty|reuters/|ap photo|copyright|©)\b",
    re.I,
)
MARKUP_RE = re.compile(r"</?[a-zA-Z][^>]*>")
HEAD_LINES = 15


def _iso(year: str, month: int, day: str) -> str:
    try:
        return date(int(year), month, int(day)).isoformat()
    except ValueError:
        return ""


def parse_date(text: str) -> str:
    """The first full date (day, month, year) in a string as an ISO date, or ""."""
    best: tuple[int, str] | None = None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else MONTHS[parts["month"].lower().rstrip(".")]
            iso = _iso(parts["year"], month, parts["day"])
            if iso and (best is None or match.start() < best[0]):
                best = (match.start(), iso)
                break
    return best[1] if best else ""


# Lines split off a text's start (or end) when looking for its first (or last) HEAD_LINES non-empty lines:
# splitting and stripping every line of a long text, three times per document, was most of the loading time.
EDGE_SPLIT = 2 * HEAD_LINES + 2  # news pages: a blank line between paragraphs


def _head_lines(text: str) -> list[str]:
    """The first HEAD_LINES non-empty lines of `text`, stripped."""
    pieces = text.split("\n", EDGE_SPLIT)  # the first EDGE_SPLIT lines, then the rest in one piece
    whole = len(pieces) <= EDGE_SPLIT
    lines = [line for line in map(str.strip, pieces if whole else pieces[:EDGE_SPLIT]) if line]
    if whole or len(lines) >= HEAD_LINES:
        return lines[:HEAD_LINES]
    return [line.strip() for line in text.split("\n") if line.strip()][:HEAD_LINES]


def _tail_lines(text: str) -> list[str]:
    """The last HEAD_LINES non-empty lines of `text`, stripped."""
    pieces = text.rsplit("\n", EDGE_SPLIT)  # the rest in one piece, then the last EDGE_SPLIT lines
    whole = len(pieces) <= EDGE_SPLIT
    lines = [line for line in map(str.strip, pieces if whole else pieces[1:]) if line]
    if whole or len(lines) >= HEAD_LINES:
        return lines[-HEAD_LINES:]
    return [line.strip() for line in text.split("\n") if line.strip()][-HEAD_LINES:]


def _clean_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" .,:;|-–—")
    if name.isupper():
        name = name.title()
    return name


def find_author(text: str) -> tuple[str, str]:
    """An author from a byline ("Written by X on DATE", "by X") or a name line beside a dateline."""
    lines = _head_lines(text)
    for line in lines:
        for pattern in BYLINE_PATTERNS:
            match = pattern.match(line)
            if match and 1 <= len(match.group("name").split()) <= 5:
                return _clean_name(match.group("name")), f"byline: {line[:120]}"
    for i, line in enumerate(lines):
        if not parse_date(line) or len(line.split()) > 8:
            continue
        for neighbour in (lines[i - 1] if i else "", lines[i + 1] if i + 1 < len(lines) else ""):
            if re.fullmatch(_NAME, neighbour) and not FURNITURE_CUES.search(neighbour):
                return _clean_name(neighbour), f"name line beside the dateline '{line[:60]}'"
    return "", "no byline found in the first lines"


def find_published(text: str) -> tuple[str, str]:
    """A publication date from a byline or dateline line near the top of the page."""
    for line in _head_lines(text):
        if len(line.split()) > 14:
            continue
        iso = parse_date(line)
        if iso:
            return iso, f"dateline: {line[:120]}"
    return "", "no dateline found in the first lines"


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= 25 or len(line) > 200:
        return False
    if line.endswith((".", ",", ";", ":")) or line.startswith(("-", "*", "[", "©", "(")):
        return False
    if FURNITURE_CUES.search(line) or URL_RE.search(line) or MARKUP_RE.search(line) or parse_date(line):
        return False
    if any(pattern.match(line) for pattern in BYLINE_PATTERNS):
        return False
    return sum(1 for w in words if w[:1].isupper()) >= 1


def find_title(text: str) -> tuple[str, str]:
    """The headline: the first short, unpunctuated, non-furniture line before the body starts.

    Body paragraphs (long lines ending in a full stop) end the search, so a text that opens
    straight into its first paragraph gets no title.
    """
    for line in _head_lines(text):
        if _looks_like_headline(line):
            return line, "first headline-like line"
        if len(line.split()) > 25 and line.endswith((".", "”", '"')):
            break
    return "", "no headline line: the text opens with body paragraphs"


def find_url(text: str) -> tuple[str, str]:
    """A page URL: a line that is only a URL, or one after a cue such as "Source:", near the start or end."""
    for line in _head_lines(text) + _tail_lines(text):
        if URL_RE.fullmatch(line):
            return line, "a line holding only a URL"
        cue = URL_CUE_RE.match(line)
        if cue:
            return cue.group(1), f"URL after a cue: {line[:80]}"
    return "", "no page URL in the text"


def html_metadata(html: str) -> dict[str, str]:
    """Title, author, date, URL and site name from an HTML page's own metadata (via trafilatura)."""
    from trafilatura import extract_metadata

    meta = extract_metadata(html, extensive=False)
    if meta is None:
        return {}
    found = {
        "title": meta.title or "",
        "author": meta.author or "",
        "published": meta.date or "",
        "url": meta.url or "",
        "outlet_hint": meta.sitename or "",
    }
    return {key: value for key, value in found.items() if value}
