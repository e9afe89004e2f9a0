"""Title, author, publication date and URL read from the text itself when no column gives them.

Each finder returns (value, evidence); an empty value comes with the reason nothing was taken,
so the tables say "no headline line found" instead of inventing one.
"""
from __future__ import annotations

import csv
import html as html_lib
import json
import re
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from .registry import ALIAS_SEPARATOR, LEGAL_FORM_WORDS, REGISTRY_PATH, alias_key, main_label, normalise_host, owner_key
from .stopwords import ENGLISH_STOP_WORDS
from .syllables import easy_words

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


def _load_other_months() -> dict[str, int]:
    """Month name -> number in the other languages of analysis/data/month_names.json (see month_names.md; a month
    written two ways lists both, "septiembre|setiembre")."""
    raw = json.loads((Path(__file__).parent / "data" / "month_names.json").read_text(encoding="utf-8"))
    return {variant: number for key, names in raw.items() if not key.startswith("_")
            for number, name in enumerate(names, start=1) for variant in name.split("|")}


# German, French, Spanish, Portuguese and Italian month names not spelt as in English: read in dates only, day first,
# as those languages write them. MONTHS stays English: it also tells a byline's name from a date ("By Mai Nguyen").
OTHER_MONTHS = {name: number for name, number in _load_other_months().items() if name not in MONTHS}
MONTH_NUMBERS = MONTHS | OTHER_MONTHS
_OTHER_MONTH = r"(?P<month>" + "|".join(sorted(OTHER_MONTHS, key=len, reverse=True)) + r")"
# Other languages' month names read before the day too ("Posted on Maret 30, 2015", an English blog theme on an
# Indonesian site), with the comma an English date puts before the year; only names of four letters or more, as "Mei
# 30, 2015" or "Mac 3, 2019" may be a name and a figure (month_names.md).
_OTHER_MONTH_FIRST = r"(?P<month>" + "|".join(sorted((name for name in OTHER_MONTHS if len(name) >= 4), key=len, reverse=True)) + r")"
# What _MONTH then a day needs at its start: as many letters as some month name has, perhaps a dot, space, a figure.
_MONTH_AHEAD = rf"(?=[^\W\d_]{{{min(map(len, MONTHS))},{max(map(len, MONTHS))}}}\.?\s+\d)"
DATE_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?!\d)"),
    # (the look-ahead, a month's length of letters then a figure, turns most places away before the names are tried)
    re.compile(_MONTH_AHEAD + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    # "18th of November 2019", "25. September 2018" (the day's ordinal dot of German and Nordic dates)
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    # "27/09/2018", "11.14.2019": a date in figures with a four-figure year, read only when one of its first two
    # numbers is over 12 and so can only be the day (_figures_order); "05/10/2018" may be either and stays unread.
    re.compile(r"(?<![\w/.\-])(?P<first>\d{1,2})(?P<mark>[/.\-])(?P<second>\d{1,2})(?P=mark)(?P<year>(?:19|20)\d\d)(?![\w/\-]|\.\d)"),
    # "22 de janeiro de 2018", "1er janvier 2018", "25. März 2018", "3 de mayo del 2018": OTHER_MONTHS, day first.
    re.compile(r"\b(?P<day>\d{1,2})(?:\.|º|°|er)?\s+(?:de\s+)?" + _OTHER_MONTH + r",?\s+(?:del?\s+)?(?P<year>(?:19|20)\d\d)\b", re.I),
    # (the look-ahead, a word then a figure, turns most words away before the names are tried: this runs on every
    # line holding a year)
    re.compile(r"\b(?=[^\W\d_]{4,10}\s+\d)" + _OTHER_MONTH_FIRST + r"\s+(?P<day>\d{1,2}),\s+(?P<year>(?:19|20)\d\d)\b", re.I),
)
# Every DATE_PATTERNS date holds a year of 19xx or 20xx: most lines hold none and need no other pattern tried.
YEAR_RE = re.compile(r"(?:19|20)\d\d")
# "11/13/19", "11/20/2019": a US month/day/year date. Read only on a byline line or on a line of its own beside one
# (_byline_numeric_date), where the page's own dateline stands: elsewhere the order (day or month first) is unknown.
NUMERIC_DATE_RE = re.compile(r"(?<![\d/.])(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)?\d\d)(?![\d/])")
URL_RE = re.compile(r"https?://[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]")
URL_CUE_RE = re.compile(r"^(?:source|url|link|originally published(?: at| on)?|read more at|via)\s*:?\s*(" + URL_RE.pattern + ")", re.I)
# A full date starting here, unnamed groups (for a look-ahead): "2019-11-18T20:51Z", "Nov. 19", "19 November".
_MONTH_WORD = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_AHEAD = (rf"(?=(?:19|20)\d\d-\d\d-\d\d|{_MONTH_WORD}\s+\d{{1,2}}\b|"
              rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}\b|\d{{1,2}}/\d{{1,2}}/\d\d)")
# "4:20am", "12:02 PM", "10.31 p.m.": a time beside a dateline's date.
TIME_RE = re.compile(r"\b\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?![\w:])", re.I)
_NAME = r"[A-ZÀ-Þ][\w’'\-]+(?:\s+(?:[A-ZÀ-Þ]\.|[A-ZÀ-Þ][\w’'\-]+|de|van|von|der|da|di|al|bin)){1,3}"
BYLINE_PATTERNS = (
    re.compile(r"^(?:written|posted|published|reported)\s+by\s+\[?(?P<name>[^\]\n]+?)\]?(?:\(\S*\))?(?:\s+(?:on|at|[|·—–-])\s+.*)?$", re.I),
    re.compile(r"^by[:\s]+\[?(?P<name>[^\]\n,|]+?)\]?(?:\(\S*\))?(?:\s*[,|·—–-].*)?$", re.I),
    re.compile(r"^(?:author|reporter)\s*:\s*(?P<name>[^\n,|]+)$", re.I),
    # "By Mike Wall 2019-11-18T20:51:19Z Science & Astronomy", "By Kashmira Gander On 11/13/19 at 4:00 PM EST", "By
    # Umair Irfan Updated Nov 13, 2019, 10:28am EST": the name, then straight the date (perhaps after "on" or
    # "updated"), no separator.
    re.compile(r"^by[:\s]+(?P<name>[^\]\n,|\d]+?)\s+(?:(?:on|updated|published|posted)\s+)?" + DATE_AHEAD, re.I),
)
# Words that mark a line as page furniture rather than a headline. Page chrome's phrases (PAGE_CHROME_CUES) mark any
# line that holds them; words a headline may hold too ("… Related To Las Vegas Shooting", "… with 'silent donations'",
# "Russia bans photo of …": FURNITURE_WORDS) mark only a short line, or one they open ("Related Stories", "Photo:
# Getty Images", "Download our app"): _furniture_line.
_PAGE_CHROME = (
    r"subscribe|subscription|newsletter|notifications?|cookies?|privacy|sign (?:in|up)|log ?in|skip to|share (?:this|on)|follow us|read more|support us|app store|"
    r"terms of (?:use|service)|all rights reserved|getty|reuters/|ap photo|©|checkout|wish ?list|my account|"
    r"shopping (?:cart|basket|bag)"
)
_FURNITURE_WORDS = (
    r"register|advertisement|sponsored|menu|related|comments?|donat\w*|browser|download|photo|image|copyright|"
    r"cart|basket|bag"
)
PAGE_CHROME_CUES = re.compile(rf"\b(?:{_PAGE_CHROME})\b", re.I)
FURNITURE_WORDS = re.compile(rf"\b(?:{_FURNITURE_WORDS})\b", re.I)
FURNITURE_CUES = re.compile(rf"\b(?:{_PAGE_CHROME}|{_FURNITURE_WORDS})\b", re.I)  # either kind, anywhere in a line
FURNITURE_LINE_WORDS = 5  # a line of this many words or fewer holding a FURNITURE_WORDS word is furniture
MARKUP_RE = re.compile(r"</?[a-zA-Z][^>]*>")
MARKDOWN_LINK_RE = re.compile(r"\]\(|^\[[^\]]*\]$")  # "[text](url)", or a line that is only "[...]"
HEAD_LINES = 15
# Words a byline's name may hold uncapitalised ("Ursula von der Leyen", "Kirka and Lawless").
NAME_PARTICLES = frozenset("and & de van von der den da di du del della dos das le la al bin ibn y".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
WEEKDAY_ABBREVIATIONS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
# Words a dateline holds beside its date ("Published 3:05 PM EST, updated on …").
DATELINE_WORDS = frozenset(
    "published updated posted last modified on at am pm a.m p.m by written and of the date time"
    " est edt cst cdt pst pdt gmt bst cet cest utc et ist hours ago min read"
    # more time zones a dateline names (Hawaii's "2:26 PM HST", Australia's "AEDT" …): abbreviations no English word is
    " hst hdt akst akdt mst mdt aest aedt acst acdt awst nzst nzdt jst kst hkt sgt sast msk eet eest wib".split()
) | WEEKDAYS | frozenset(MONTHS)
# Where every word beside a date must be a dateline word (_only_dateline_words), weekday abbreviations count too
# ("Mon 18 Nov 2019"); counted in DATELINE_WORDS, "sat", "sun" or "wed" in a byline's or dateline's running words
# would pass as dateline words when they are as often other words.
ONLY_DATE_WORDS = DATELINE_WORDS | WEEKDAY_ABBREVIATIONS
DATE_WORD_EDGES = ".,;:|()[]-–—"  # marks a dateline's word may carry ("Updated:", "(EST)", "—"), not part of it
# A wire-style dateline opening the article's first paragraph: the place in capitals, the date, perhaps the
# outlet in brackets, then a dash and the report ("WASHINGTON, D.C., February 12, 2018 (LifeSiteNews) – Those
# familiar with…", "MOSCOW, Nov. 3, 2019 — Russia said…"). The place is one to three comma-parted names,
# the first in capitals, so a sentence that merely starts with a date is none.
OPENING_DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]+[A-Z.](?:, [A-Z][A-Za-z.'’\- ]{0,25}?){0,2}),\s+(?P<date>[^()\n–—]{6,40}?)"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?[–—-]\s+\S"
)
# "Chris Davies - Nov 19, 2019, 10:31 pm CST": a dateline led by the author's name and a separator.
NAME_LED_DATELINE_RE = re.compile(r"^(?P<name>" + _NAME + r")\s+[-–—|·]\s+")
# Section and status words that lead a dateline the way a name would ("Breaking News - Nov 19, 2019").
NOT_A_BYLINE_NAME = frozenset("news breaking latest world politics business sport sports opinion home live video "
                              "staff editorial update updates press release".split())
SOCIAL_POST_RE = re.compile(r"@\w|pic\.twitter\.com|twitter\.com/", re.I)  # an embedded post's date is not the page's


def _social_post(line: str) -> bool:
    """SOCIAL_POST_RE.search(line), tried only when the line holds "@" or "tter.com": a pattern led by a case-blind
    alternation is tried at every character. Safe: re.I equates no other character with "t", "e", "r", "c", "o" or
    "m" than their capitals, which str.lower() folds (analysis.boilerplate_features.ODD_FOLDS)."""
    return ("@" in line or "tter.com" in line.lower()) and SOCIAL_POST_RE.search(line) is not None


BARE_BY_RE = re.compile(r"^by:?$", re.I)  # "By" alone, the name on the next line
# The marks that part a page title's headline from the site name after it ("Headline - WSJ", "Headline | Site",
# "Headline · Site"): the one list every title reader here and in analysis.outlets builds its pattern from.
# The hyphen is last so that it stays a literal inside a character class.
TITLE_SEPARATORS = "|–—·•-"
TITLE_SEPARATOR = f"[{TITLE_SEPARATORS}]"
# Marks between a page title's headline and the site name or section trail after it, spaced on both sides so that a
# hyphenated word or a score ("3-1") is never cut: TITLE_SEPARATORS, and the breadcrumb marks "»" and "::". Both
# split_title_site and _headline_again cut titles here.
TITLE_CUT_RE = re.compile(rf"\s+(?:{TITLE_SEPARATOR}|»|::)\s+")
TITLE_TRAIL_PART_CHARS = 40  # the longest site name or section label cut off a title ("| Science", " - Los Angeles Times")
ARTICLE_HEAD_LINES = 12  # lines read below a headline found again further down the page
# Lines read below it for a line holding only a date ("November 19, 2019 | 4:20am | Updated …"), where author links
# and a comment form stand between byline and date.
FAR_HEAD_LINES = 3 * ARTICLE_HEAD_LINES
# "by Laura Winter" on a line of its own anywhere in the page: a byline the first lines and the repeated headline
# did not reach. Only the name follows "by" (no date, role or outlet), and the name must read as a person's.
BYLINE_LINE_RE = re.compile(r"^[ \t]*[Bb]y[ \t]+(?P<name>[^\n]{3,60}?)[ \t]*$", re.M)


def _load_roles() -> dict[str, frozenset[str]]:
    """The word lists of analysis/data/byline_roles.json (see byline_roles.md), lower-cased."""
    raw = json.loads((Path(__file__).parent / "data" / "byline_roles.json").read_text(encoding="utf-8"))
    return {key: frozenset(word.casefold() for word in words) for key, words in raw.items() if not key.startswith("_")}


ROLES = _load_roles()
# Words no person's name holds, capitalised though they may be in a line such as "By The Numbers" or
# "by Russian Forces": English function words, the job and organisation words of byline_roles.json (staff and agency
# credits: "By Staff Reporter", "by Associated Press"), the words of institutions' and sites' credits, and the
# section words of NOT_A_BYLINE_NAME.
NOT_IN_A_PERSON_NAME = frozenset(
    "the a an of in on for with or to at from by about under over this that these those our your my his her their its "
    "new how why what when where who all more most".split()
) | ROLES["job_words"] | ROLES["organisation_words"] | frozenset(
    "agencies editorial digital admin administrator forces force army police government ministry office department "
    "committee council association foundation institute university company corporation".split()
) | NOT_A_BYLINE_NAME
# "Текст Венера Ерофеева", "Text: Jane Doe", "Photo: John Roe": a label leading a credit, longest first.
CREDIT_LABEL_RE = re.compile(
    r"^(?P<label>" + "|".join(re.escape(label) for label in sorted(ROLES["writer_labels"] | ROLES["other_credit_labels"], key=len, reverse=True))
    + r")(?:\s*:\s*|\s+)(?=\S)", re.I)
# A byline led by the kind of piece ("Analysis by Chris Cillizza", "Reporting by …").
LABELLED_BY_RE = re.compile(r"^(?:analysis|opinion|commentary|review|story|words|text|reporting|interview)\s+(?=by\b)", re.I)
# A byline after the date on one line, after a separator or none ("February 1, 2019 | BY: Ilana Muhlstein, MS, RDN",
# "5:45 AM PST 11/19/2019 by Patrick Shanley").
DATED_BY_RE = re.compile(r"^(?P<date>[^|·•]{6,60}?)(?:\s*[|·•]\s*|\s+)(?=by\b)", re.I)
# "Von Moritz Bachmann publiziert am 25. September 2018": a byline led by another language's word for "by"
# (byline_roles.json other_by_words), then a name, then the rest of the line (_other_language_byline).
OTHER_BY_RE = re.compile(r"^(?i:" + "|".join(sorted(ROLES["other_by_words"])) + r")\s+(?P<name>" + _NAME + r")(?P<rest>\W.*)?$")
# What may stand beside the date of such a byline: dateline words in English or in the byline's language.
OTHER_LANGUAGE_DATE_WORDS = ONLY_DATE_WORDS | ROLES["other_dateline_words"]
# Separators of a co-author list ("A, B and C", "A & B").
COAUTHOR_SEPARATOR_RE = re.compile(r"\s*,\s*|\s+(?:and|&)\s+", re.I)
FUZZY_HEADLINE_LINES = 600  # lines searched for a reworded headline: navigation rarely runs longer
DASHES = str.maketrans("‐‑‒–—―−‘’“”", "-------''\"\"")  # one character for one: positions stay the same
_DASH_FOLDS = {chr(code): chr(folded) for code, folded in DASHES.items()}
_DASH_RE = re.compile("[" + "".join(_DASH_FOLDS) + "]")


def fold_dashes(text: str) -> str:
    """text.translate(DASHES), replacing only the few dashes and quotes found: str.translate looks up every
    character of a non-ASCII text (~0.5 ms for a page), a regex skips to the marks (~0.05 ms)."""
    return _DASH_RE.sub(lambda mark: _DASH_FOLDS[mark.group()], text)


def _iso(year: str, month: int, day: str) -> str:
    try:
        return date(int(year), month, int(day)).isoformat()
    except ValueError:
        return ""


def parse_date(text: str) -> str:
    """The first full date (day, month, year) in a string as an ISO date, or ""."""
    return _first_date(text)[0]


def _first_date(text: str) -> tuple[str, int, int]:
    """(ISO date, start, end) of the first full date in a string, or ("", 0, 0)."""
    if YEAR_RE.search(text) is None:
        return "", 0, 0
    best: tuple[str, int, int] = ("", 0, 0)
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            if parts.get("first"):
                month, day = _figures_order(int(parts["first"]), int(parts["second"]))
                iso = _iso(parts["year"], month, str(day)) if month else ""
            else:
                month = int(parts["mnum"]) if parts.get("mnum") else MONTH_NUMBERS[parts["month"].lower().rstrip(".")]
                iso = _iso(parts["year"], month, parts["day"])
            if iso and (not best[0] or match.start() < best[1]):
                best = (iso, match.start(), match.end())
                break
    return best


def _date_and_rest(text: str) -> tuple[str, str]:
    """(ISO date, the text without it) of the first full date in a string (_first_date), or ("", text): both from one
    reading of the date."""
    iso, start, end = _first_date(text)
    return (iso, text[:start] + " " + text[end:]) if iso else ("", text)


def _figures_order(first: int, second: int) -> tuple[int, int]:
    """(month, day) of a date in figures whose order its numbers show: the one over 12 is the day ("27/09" -> (9, 27),
    "11.14" -> (11, 14)); (0, 0) when both could be the month, as the page's habit alone would tell."""
    if first > 12 >= second:
        return second, first
    if second > 12 >= first:
        return first, second
    return 0, 0


def _us_numeric_date(text: str) -> str:
    """The first month/day/year date written in figures ("11/13/19", "11/20/2019") as an ISO date, or "". A first
    number over 12 is a day: that text writes dates day first, and none is taken."""
    match = NUMERIC_DATE_RE.search(text)
    if not match:
        return ""
    year = match["year"] if len(match["year"]) == 4 else ("20" if int(match["year"]) < 70 else "19") + match["year"]
    return _iso(year, int(match["month"]), match["day"]) if int(match["month"]) <= 12 else ""


def _only_dateline_words(rest: str, words: frozenset[str] = ONLY_DATE_WORDS) -> bool:
    """True when `rest` (a line or part of one, its date taken out) holds only times, figures and dateline words
    (`words`; "Published 3:05 PM EST", "Last modified on Mon 18 Nov 2019 18.56 GMT"): the one test of "nothing but a
    date here" that every dateline reader uses."""
    return all(word.lower().strip(DATE_WORD_EDGES) in words or not any(ch.isalpha() for ch in word)
               for word in TIME_RE.sub(" ", rest).split())


def _byline_matches(line: str) -> Iterator[re.Match[str]]:
    """The matches of BYLINE_PATTERNS on `line`, in their order (a line may read as a byline in more than one way)."""
    return filter(None, (pattern.match(line) for pattern in BYLINE_PATTERNS))


def _byline_like(line: str) -> bool:
    """True for a line shaped as a byline ("By Staff Reports -", "By Jane Doe"), whether or not it names a person."""
    return next(_byline_matches(line), None) is not None


def _numeric_date_line(line: str) -> str:
    """The ISO date of a line holding only a date in figures and times ("11/20/19 6:38 AM"), else ""."""
    iso = _us_numeric_date(line)
    return iso if iso and _only_dateline_words(NUMERIC_DATE_RE.sub(" ", line, count=1)) else ""


def _byline_numeric_date(lines: list[str]) -> tuple[str, str]:
    """(ISO date, line) of a date in figures on a byline ("By Kashmira Gander On 11/13/19 at 4:00 PM EST") or on a line
    of its own just above or below a byline ("By Staff Reports -" / "11/20/19 6:38 AM"), else ("", "").

    Month first (the US order) is read only there: beside a byline it is the page's own dateline."""
    for i, line in enumerate(lines):
        if _byline_like(line):
            iso = _us_numeric_date(line) if _dated_byline(line) else ""
            if iso:
                return iso, line
            for neighbour in (lines[i - 1] if i else "", lines[i + 1] if i + 1 < len(lines) else ""):
                iso = _numeric_date_line(neighbour)
                if iso:
                    return iso, neighbour
    return "", ""


def _dated_byline(line: str) -> bool:
    """True for a byline whose name is capitalised words and whose words after it are a date in figures, times and
    dateline words only ("By Kashmira Gander On 11/13/19 at 4:00 PM EST")."""
    for match in _byline_matches(line):
        if _plausible_name(_clean_name(match["name"])) and _only_dateline_words(NUMERIC_DATE_RE.sub(" ", line[match.end("name"):], count=1)):
            return True
    return False


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


# "November 20" / "15:23 2019": a date a page layout splits over two lines, month and day above, time and year below.
MONTH_DAY_RE = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?", re.I)
YEAR_LINE_RE = re.compile(r"(?P<year>(?:19|20)\d\d)")
SPLIT_DATE_CHARS = 20  # the longest line holding only a month and day ("September 30th")


def _joined_pairs(lines: list[str], join: Callable[[str, str], str | None]) -> list[str]:
    """`lines` with each line that `join` joins to the next (it returns the joined line, or None) replaced by the
    joined line, the next line then dropped."""
    joined: list[str] = []
    i = 0
    while i < len(lines):
        both = join(lines[i], lines[i + 1]) if i + 1 < len(lines) else None
        joined.append(lines[i] if both is None else both)
        i += 1 if both is None else 2
    return joined


def _split_date_pair(line: str, following: str) -> str | None:
    """A line holding only a month and day with the next holding only a year and times, as one dateline
    ("November 20" / "15:23 2019" -> "November 20, 2019 15:23"), or None."""
    year = YEAR_LINE_RE.fullmatch(TIME_RE.sub(" ", following).strip()) if len(line) <= SPLIT_DATE_CHARS and following else None
    if year and MONTH_DAY_RE.fullmatch(line):
        return f"{line}, {year['year']} {' '.join(following.replace(year['year'], ' ').split())}".strip()
    return None


def _joined_split_dates(lines: list[str]) -> list[str]:
    """`lines` with a line holding only a month and day joined to the next when that one holds only a year and times
    ("November 20" / "15:23 2019" -> "November 20, 2019 15:23"), so the dateline readers read the date whole."""
    return _joined_pairs(lines, _split_date_pair)


def _clean_name(name: str) -> str:
    """A byline's name without edge punctuation, in title case when written in capitals, printed once."""
    name = re.sub(r"\s+", " ", name).strip(" .,:;|-–—")
    if name.isupper():
        name = name.title()
    return _undoubled(name)  # "Sean Martin Sean Martin": the name and its link's text run together


def _joined_bylines(lines: list[str]) -> list[str]:
    """`lines` with a bare "By" line joined to the name on the next line ("By" / "Sarah E. Needleman")."""
    return _joined_pairs(lines, lambda line, following: f"By {following}" if BARE_BY_RE.match(line) else None)


def _plausible_name(name: str) -> bool:
    """True for a name as bylines write one: capitalised words ("Jane Doe", "LISA MASCARO", "Ursula von der Leyen").

    Sentences that open with "By" ("By now, we have all heard …", "By choosing I Accept, you consent …")
    put a lower-case word or a weekday or month where the name would be.
    """
    words = name.replace("[", " ").replace("]", " ").split()
    if not 1 <= len(words) <= 5 or not words[0][:1].isupper():
        return False
    if words[0].lower().rstrip(".,") in WEEKDAYS or words[0].lower().rstrip(".,") in MONTHS:
        return False
    return all(word[:1].isupper() or word.lower() in NAME_PARTICLES for word in words)


def _byline(line: str) -> str:
    """The author's name when `line` is a byline, else ""."""
    for match in _byline_matches(line):
        name = _clean_name(match.group("name"))
        rest = line[match.end("name"):]
        # What follows the name is a date, an outlet or a role, not a sentence running on.
        running_words = sum(1 for word in rest.split() if word[:1].islower() and word.lower().strip(".,") not in DATELINE_WORDS)
        if _plausible_name(name) and running_words < 3:
            return _with_coauthors(name, rest)
    labelled = LABELLED_BY_RE.match(line)
    if labelled:  # "Analysis by Chris Cillizza", "Reporting by …": the byline after its label
        return _byline(line[labelled.end():])
    # DATED_BY_RE needs "by": most lines have none, and its lazy date part is otherwise tried at up to 60 lengths.
    dated = DATED_BY_RE.match(line) if "by" in line.lower() else None
    if dated and _only_a_date(dated.group("date")):  # "February 1, 2019 | BY: Ilana Muhlstein"
        return _byline(line[dated.end():])
    return _other_language_byline(line)


def _other_language_byline(line: str) -> str:
    """The author of a byline led by another language's "by" (OTHER_BY_RE: "Von Moritz Bachmann publiziert am 25.
    September 2018"), else "". "Von" also opens sentences ("Von Berlin aus …") and surnames ("Von Trapp"): the line is
    read only when a person's name follows it and then a full date with times and dateline words alone, English or
    the language's own (byline_roles.json other_dateline_words)."""
    match = OTHER_BY_RE.match(line)
    if not match or not _person_name(match["name"]):
        return ""
    iso, rest = _date_and_rest(match["rest"] or "")
    if iso and _only_dateline_words(rest, OTHER_LANGUAGE_DATE_WORDS):
        return clean_author(_clean_name(match["name"]))
    return ""


def _only_a_date(part: str) -> bool:
    """True when `part` holds a full date and nothing a dateline would not ("February 1, 2019", "Tue, Nov 19, 2019")."""
    iso, rest = _date_and_rest(part)
    return bool(iso) and _only_dateline_words(rest)


def _role_words(part: str) -> set[str]:
    """The lower-case words of `part`, hyphenated words also in pieces ("editor-at-large" -> editor, at, large)."""
    words = {word.strip(".,;:()[]'’\"").casefold() for word in part.split()}
    return words | {piece for word in words for piece in word.split("-")}


def _is_role(part: str) -> bool:
    """True for a job title or degree letters rather than a name ("AP Sports Writer", "Editor-at-large", "MS")."""
    words = _role_words(part) - {""}
    return bool(words & ROLES["job_words"]) or (bool(words) and words <= ROLES["credentials"])


def _undoubled(name: str) -> str:
    """A name printed twice in a row ("Sean Martin Sean Martin", a byline link and its text) once."""
    words = name.split()
    half = len(words) // 2
    if len(words) >= 4 and len(words) % 2 == 0 and [w.casefold() for w in words[:half]] == [w.casefold() for w in words[half:]]:
        return " ".join(words[:half])
    return name


def _credit(part: str) -> str:
    """One credit of an author field without its label and trailing job title; "" for a credit that is not the
    writer's ("Photo: John Roe")."""
    part = part.strip()
    label = CREDIT_LABEL_RE.match(part)
    if label:
        if label.group("label").casefold() in ROLES["other_credit_labels"]:
            return ""
        part = part[label.end():]
    pieces = [piece.strip() for piece in part.split(",")]
    # "Chris Cillizza, CNN Editor-at-large", "Ilana Muhlstein, MS, RDN"; "Doe, Jane" (surname first) is kept whole.
    if len(pieces) > 1 and all(_is_role(piece) for piece in pieces[1:]):
        part = pieces[0]
    return _undoubled(" ".join(part.split()))


def clean_author(raw: str) -> str:
    """The named authors of an author field or byline, joined by "; ".

    Labels are removed ("Текст Венера Ерофеева" -> "Венера Ерофеева"), other credits ("Photo: …") and job titles
    beside a name dropped ("Greg Beacham; AP Sports Writer" -> "Greg Beacham"). A field that names no person gives "":
    a role or staff credit alone ("Staff Reporter", "Staff Reports", "Editorial Board"), or an organisation that is no
    registry outlet or agency ("European Space Agency"). An agency or outlet of the registry ("Reuters", "Associated
    Press") stays: it tells who wrote the piece, and analysis.outlets reads the publisher from it.
    """
    credits = [_person_before_role(credit) for credit in map(_credit, raw.split(";"))]
    named = [credit for credit in credits if credit and not _is_role(credit) and not _staff_credit(credit)]
    if any(_person_name(_without_weekday(name)) for name in named):
        # "Victor Tangermann; Futurism", "Meg Kinnard; Associated Press": beside a person's name, a credit of one word
        # or of organisation words is the outlet that first ran the piece or the agency, no co-author.
        named = [person for person in map(_person_of_credit, named) if person]
    else:
        named = [name for name in named if not _organisation_credit(name)]
    kept: list[str] = []
    for name in named:
        if name.casefold() not in {k.casefold() for k in kept}:
            kept.append(name)
    return "; ".join(kept)


def _person_before_role(credit: str) -> str:
    """A credit that is a person's name and a job title run together ("Tom Gillespie News reporter" -> "Tom
    Gillespie"); any other credit as it is."""
    words = credit.split()
    for i in range(2, min(len(words), 5)):
        rest = {word.strip(",.()").casefold() for word in words[i:]}
        if rest & ROLES["job_words"] and rest <= ROLES["job_words"] | ROLES["organisation_words"] \
                and _person_name(" ".join(words[:i])):
            return " ".join(words[:i])
    return credit


def _staff_credit(credit: str) -> bool:
    """True for a credit naming the newsroom, not a person ("Staff Reports", "Wire Reports", "Editorial Board")."""
    return " ".join(credit.casefold().split()) in ROLES["staff_credits"]


def _organisation_credit(credit: str) -> bool:
    """True for a credit naming an organisation by its organisation words ("European Space Agency", "Reuters
    Television") or opening with "The" as no person's name does ("The Water Coolest", a newsletter's brand), that is no
    registry outlet or agency."""
    words = credit.split()
    brand = len(words) >= 2 and words[0].casefold() == "the"
    return (brand or bool(_role_words(credit) & ROLES["organisation_words"])) and alias_key(credit) not in _registry_names()


def _without_weekday(credit: str) -> str:
    """A credit without the weekday a date starts with after it ("Jeff Foust Monday" of "Jeff Foust Monday, November
    18, 2019")."""
    words = credit.split()
    while len(words) > 1 and words[-1].casefold().strip(",.") in WEEKDAYS:
        words.pop()
    return " ".join(words)


def _organisation_tail(words: list[str]) -> bool:
    """True for words naming an organisation after a person's name: all organisation words, two or more ("Associated
    Press") or one in capitals ("CNN")."""
    return bool(words) and all(word.casefold() in ROLES["organisation_words"] for word in words) and (
        len(words) >= 2 or words[0].isupper())


def _person_of_credit(credit: str) -> str:
    """Beside a person's name, what a credit names as a person: itself; the name it opens with before an organisation
    ("ERIC TUCKER Associated Press" -> "ERIC TUCKER"); "" for an organisation or outlet ("Futurism", "CNN Business",
    "NJ Advance Media")."""
    credit = _without_weekday(credit)
    words = credit.split()
    if len(words) > 1 and not _role_words(credit) & ROLES["organisation_words"]:
        return credit
    for i in range(2, len(words)):
        if _organisation_tail(words[i:]) and _person_name(" ".join(words[:i])):
            return " ".join(words[:i])
    return ""


def _with_coauthors(name: str, rest: str) -> str:
    """The byline's authors: `name` ("Jane Doe", "Jane Doe and John Roe") and the co-authors listed after it in
    `rest` (", Mary Clare Jalonick and Eric Tucker"), joined by "; ".

    A comma list counts only where it reads as one: closed by "and"/"&", of three names or more, or followed
    straight by an ISO date ("By Tariq Malik, Mike Wall 2019-11-18"); "By Jane Doe, Los Angeles" keeps Jane Doe alone.
    """
    names = [_clean_name(part) for part in re.split(r"\s+(?:and|&)\s+", name)]
    if len(names) > 1 and not all(_plausible_name(part) for part in names):
        names = [name]
    if rest.startswith(","):
        iso = DATE_PATTERNS[0].search(rest)
        digit = re.search(r"\d", rest)
        listed = rest[:digit.start() if digit else len(rest)].strip()
        extra = [_clean_name(piece) for piece in COAUTHOR_SEPARATOR_RE.split(listed)[1:]]
        separators = [sep.strip().lower() for sep in COAUTHOR_SEPARATOR_RE.findall(listed)]
        valid = next((i for i, piece in enumerate(extra) if not _person_name(piece)), len(extra))
        closed = [i for i in range(valid) if separators[i] in ("and", "&")]
        if closed:  # "A, B and C", "A and B, Reuters": up to the name after the last "and"
            names += extra[:closed[-1] + 1]
        elif len(extra) >= 2 and valid == len(extra):  # "By A, B, C": three names or more read as a list
            names += extra
        elif extra and valid == len(extra) and iso and iso.start() == len(rest[:digit.start()]):
            # Followed straight by a machine-written date ("By Tariq Malik, Mike Wall 2019-11-18T22:05:36Z"); a
            # spelled-out date after a comma list is as often a dateline's place ("By Jane Doe, Los Angeles Nov. 3").
            names += extra
    return clean_author("; ".join(names))


def find_author(text: str, title: str = "") -> tuple[str, str]:
    """An author from a byline ("Written by X on DATE", "by X") or a name line beside a dateline.

    Looked for in the first lines, then, when the page opens with its title and navigation, in the
    lines below the headline where it appears again.
    """
    return BylineReader(text, title).author()


class BylineReader:
    """Author and publication date of one text, read from its first lines and below its repeated headline.

    Both look below the headline only when the first lines hold nothing; that place is found once, on first use,
    for both (finding it searches the whole text)."""

    def __init__(self, text: str, title: str = "") -> None:
        self.text = text
        self.title = title

    @cached_property
    def below(self) -> tuple[int, list[str], list[str], str] | None:
        return _below_headline(self.text, self.title)

    @cached_property
    def lone_byline(self) -> LoneByline | None:
        return _lone_byline(self.text)

    @cached_property
    def head(self) -> list[str]:
        """The first lines (_head_lines), read by both, a date split over two lines joined (_joined_split_dates)."""
        return _joined_split_dates(_head_lines(self.text))

    @cached_property
    def tail(self) -> list[str]:
        """The last lines (_tail_lines), read by both when the first lines hold nothing."""
        return _tail_lines(self.text)

    @cached_property
    def glued(self) -> GluedOpening | None:
        """The text's opening line run together from headline, byline, date and report (_glued_opening), when the
        title is its headline."""
        found = (_glued_opening(line) for line in self.head[:GLUED_OPENING_LINES])
        return next((glued for glued in found if glued and glued.headline == self.title), None)

    def author(self) -> tuple[str, str]:
        """(author, evidence): see find_author."""
        found = _author_in(self.head)
        if found[0]:
            return found
        if self.glued and self.glued.author:
            return self.glued.author, f"byline run into the opening line after the headline: {self.glued.byline[:120]}"
        below = self.below
        if below:
            # Only a byline or a name-led dateline there: a name line guessed beside a date would pick up the
            # navigation ("Next Post").
            name, evidence = _author_in(below[1], name_lines=False)
            if name:
                return name, f"{evidence} (below the headline, line {below[0]})"
        lone = self.lone_byline
        if lone:
            return lone.name, f"byline on a line of its own (line {lone.line_number}): {lone.line[:120]}"
        tail = self.tail
        for line in self.head + tail:
            name = _republished_credit(line)
            if name:
                return name, f"credit of the piece's first publication: {line[:120]}"
        for line in self.head + tail:
            name = _permission_credit(line) if "permission" in line else ""
            if name:
                return name, f"{PERMISSION_CREDIT_EVIDENCE}: {line[:120]}"
        name, line = _about_the_author(tail)
        if name:
            return name, f"name under the closing 'About the author' heading: {line[:120]}"
        for line in self.head[:BIO_HEAD_LINES] + tail[-BIO_TAIL_LINES:]:
            name = _bio_author(line)
            if name:
                return name, f"the writer's one-line biography at the top or end of the text: {line[:120]}"
        credit = next((line for line in self.head + (below[1] if below else []) if _credits_no_person(line)), "")
        if credit:
            return "", f"the byline credits no person (a staff or organisation credit): {credit[:120]}"
        return "", "no byline found in the first lines" + (" nor below the headline" if below else "")

    def published(self) -> tuple[str, str]:
        """(ISO date, evidence): see find_published."""
        head = self.head
        masthead = ""
        for i, line in enumerate(head):
            iso = _dateline(line)
            if iso and _masthead_date(line) and self.below:
                masthead = masthead or line  # a byline's own date below the headline outranks it
            elif iso:
                first, where = _published_beside_update(head, i)
                if first:
                    return first, f"publication date beside the update's dateline '{line[:60]}': {where[:120]}"
                return iso, f"dateline: {line[:120]}"
        if self.glued:
            return self.glued.published, f"date of the byline run into the opening line after the headline: {self.glued.byline[:120]}"
        for line in head:
            iso = _opening_dateline(line)
            if iso:
                return iso, f"dateline opening a paragraph: {line[:120]}"
        iso, line = _byline_numeric_date(head)
        if iso:
            return iso, f"date in figures (month first) on or beside a byline: {line[:120]}"
        below = self.below
        if below:
            for i, line in enumerate(below[1]):
                iso = _dateline(line)
                first, where = _published_beside_update(below[1], i) if iso else ("", "")
                if first:
                    return first, (f"publication date beside the update's dateline below the headline (line {below[0]}) "
                                   f"'{line[:60]}': {where[:120]}" + _outranked(masthead))
                if iso:
                    return iso, f"dateline below the headline (line {below[0]}): {line[:120]}" + _outranked(masthead)
            iso, line = _byline_numeric_date(below[1])
            if iso:
                return iso, (f"date in figures (month first) on or beside a byline below the headline (line {below[0]}): "
                             f"{line[:120]}" + _outranked(masthead))
            if masthead:
                return parse_date(masthead), f"date line above the navigation (the page's masthead, perhaps the day it was saved): {masthead[:120]}"
            if _only_a_date(below[3]):  # "November 18, 2019" / headline / "by European Space Agency"
                return parse_date(below[3]), f"date line just above the headline (line {below[0]}): {below[3][:120]}"
            # Further down, before the article's first paragraph, a line holding only a date and times.
            for number, line in enumerate(below[1] + below[2]):
                if len(line.split()) > 25 and line.endswith((".", "”", '"')):
                    break
                if number >= len(below[1]) and _only_a_date(line):
                    return parse_date(line), f"date line below the headline (line {below[0]}), before the article's first paragraph: {line[:120]}"
        lone = self.lone_byline
        for line in (lone.previous, lone.following) if lone else ():
            iso = _dateline(line)  # "Nov. 18, 2019 12:02 PM" / "By David Jeans": the byline's own dateline
            if iso:
                return iso, f"dateline beside the byline on a line of its own (line {lone.line_number}): {line[:120]}"
        for line in self.tail[-CLOSING_DATE_LINES:]:
            iso = _closing_timestamp(line)
            if iso:
                return iso, f"the post's time and date closing the text: {line[:120]}"
        return "", "no dateline found in the first lines" + (" nor below the headline" if below else "")


CLOSING_DATE_LINES = 3  # the last lines of a text, where a blog post may close with its time stamp


def _closing_timestamp(line: str) -> str:
    """The ISO date of a line holding only a time, then one full date and dateline words ("1:33 pm on June 6, 2018",
    the stamp a blog post closes with), else "". The time first is required: a bare date closing a text may be a
    source's or an event's, and a dateline with an update's date ("November 19, 2019 | 4:20am | Updated …") printed
    below a short text is its page's header, read (or not) by the readers above."""
    if not TIME_RE.match(line):
        return ""
    iso, rest = _date_and_rest(line)
    return iso if iso and _only_dateline_words(rest) and not _first_date(rest)[0] else ""


# The word that says which date a dateline gives: an update's ("Updated Nov 13, 2019", "Last modified on …") or the
# publication's ("Published …", "Posted: …"), in English and in the languages of OTHER_MONTHS.
UPDATE_MARK = r"updated|last modified|modified|aktualisiert|mis à jour|actualizado|atualizado|aggiornato"
PUBLISHED_MARK = r"published|first published|posted|publiziert|veröffentlicht|publié|publicado|pubblicato"
DATE_MARK_RE = re.compile(rf"\b(?:(?P<update>{UPDATE_MARK})|(?P<published>{PUBLISHED_MARK}))\b", re.I)
BESIDE_UPDATE_LINES = 2  # lines read below (one above) an update's date for the publication date the page prints too


def _date_mark(line: str, start: int = 0) -> tuple[str, int]:
    """("update" or "published", the date's end) for the first full date of `line` from `start` on, by the last mark
    before it ("By Umair Irfan Updated Nov 13, 2019" -> "update"); ("", end) when no mark stands before it, ("", -1)
    when there is no date."""
    iso, date_start, date_end = _first_date(line[start:])
    if not iso:
        return "", -1
    marks = list(DATE_MARK_RE.finditer(line, start, start + date_start))
    kind = ("update" if marks[-1]["update"] else "published") if marks else ""
    return kind, start + date_end


def _published_beside_update(lines: list[str], i: int) -> tuple[str, str]:
    """(ISO date, line) of the publication date a page prints beside the update date of dateline `lines[i]`
    ("Updated: 18 Nov 2019 9:38 pm" / "Posted: 18 Nov 2019 8:11 pm", "Updated Nov 13, 2019 | Published Nov 12, 2019"),
    else ("", ""): a dateline marked as an update gives way only to a date the page marks as published."""
    line = lines[i]
    kind, end = _date_mark(line)
    if kind != "update":
        return "", ""
    if _date_mark(line, end)[0] == "published":
        return parse_date(line[end:]), line
    for neighbour in lines[max(0, i - 1):i] + lines[i + 1:i + 1 + BESIDE_UPDATE_LINES]:
        iso = _dateline(neighbour) if _date_mark(neighbour)[0] == "published" else ""
        if iso:
            return iso, neighbour
    return "", ""


# "This report was originally published by Tyler Durden at Zero Hedge": a republished piece credits its writer and
# first outlet on a line of its own, at its start or end. Only "published"/"written" "by" a person counts: "posted
# with permission from X" names whoever allowed the copy, who may be the site's owner rather than the writer.
REPUBLISHED_CREDIT_RE = re.compile(
    r"^(?:this|the) (?:article|report|story|post|piece|column|essay|commentary|op-ed) (?:was )?(?:originally |first )?"
    r"(?:published|written) by (?P<name>[^,;:()]+?)(?: (?:at|on|in|for) [^,;:()]+)?\.?$", re.I)


def _republished_credit(line: str) -> str:
    """The writer a republished piece's credit line names (REPUBLISHED_CREDIT_RE), when a person's name, else ""."""
    match = REPUBLISHED_CREDIT_RE.match(line)
    name = _clean_name(match["name"]) if match else ""
    return clean_author(name) if name and _person_name(name) else ""


# "Article posted with permission from Pamela Geller": the credit under a piece another site carries names who allowed
# the copy. A person there is the piece's writer (a blogger syndicating their own posts); an outlet ("… from
# Constitution.com", "… from Sons Of Liberty Media", "… from Jihad Watch") is no author.
PERMISSION_CREDIT_RE = re.compile(
    r"^(?:(?:this |the )?(?:article|post|story|piece|report|column|essay) (?:was )?)?(?:re)?(?:posted|published|printed|reprinted) "
    r"with (?:the )?(?:kind )?permission (?:from|of) (?P<name>[^,;:()]+?)\.?$", re.I)


PERMISSION_CREDIT_EVIDENCE = "the person a republishing credit names, whose piece the page carries"  # read by analysis.outlets


def _permission_credit(line: str) -> str:
    """The writer a republishing credit names (PERMISSION_CREDIT_RE) when a person's name, else "". A brand built of
    everyday words ("Jihad Watch", "Freedom Outpost", "Geller Report": a Dale–Chall easy word in it), a registry
    outlet's name, or a registry domain that is the name after "the" ("Gateway Pundit", thegatewaypundit.com) passes
    the person test but is a site: no author. A domain that is the name alone is a person's own site (pamelageller.com),
    whose writer the credit names. A person named by common words ("Mark Levin") is missed, which beats reading a site
    as a writer."""
    match = PERMISSION_CREDIT_RE.match(line)
    name = _clean_name(match["name"]) if match else ""
    if not name or not _person_name(name) or alias_key(name) in _registry_names():
        return ""
    words = [_letters(word) for word in name.split()]
    if any(word in easy_words() for word in words) or "the" + "".join(words) in _registry_labels():
        return ""
    return clean_author(name)


ABOUT_AUTHOR_RE = re.compile(r"^about the author:?$", re.I)


def _about_the_author(lines: list[str]) -> tuple[str, str]:
    """(name, heading) of a closing "About the author" heading with a person's name on the next line ("About the
    author" / "Adam Clark Estes"), else ("", "")."""
    for i, line in enumerate(lines[:-1]):
        if ABOUT_AUTHOR_RE.match(line):
            name = _clean_name(lines[i + 1])
            return (name, f"{line} / {lines[i + 1]}") if _person_name(name) else ("", "")
    return "", ""


# "Bruce Thornton is a Shillman Journalism Fellow at the David Horowitz Freedom Center.": the writer's one-line biography.
BIO_RE = re.compile(r"^(?P<name>" + _NAME + r") is (?:a|an|the) (?P<role>.{3,200}?) (?:at|of|for|with) .{3,200}\.$")
BIO_HEAD_LINES = 3  # the title and two lines under it
BIO_TAIL_LINES = 3  # the last lines of the text
BIO_WORDS = 40  # a longer line is a paragraph


def _bio_author(line: str) -> str:
    """The name of a line that is a writer's one-line biography (BIO_RE, a bio word of byline_roles.json in the role
    before "at/of/for/with": "… is a Shillman Journalism Fellow at …"), else "". Read only at the top or the end of a
    text, where such a line stands apart from the report ("Donald Trump is the president of …" in a paragraph is none)."""
    match = BIO_RE.match(line) if len(line.split(None, BIO_WORDS)) <= BIO_WORDS else None
    if not match or not _role_words(match["role"]) & ROLES["bio_words"]:
        return ""
    name = _clean_name(match["name"])
    return name if _person_name(name) else ""


def _credits_no_person(line: str) -> bool:
    """True for a byline whose credit is the newsroom or an organisation ("By Staff Reports -", "by European Space
    Agency"): clean_author leaves it no name."""
    match = next(_byline_matches(line), None)
    if match:
        name = _clean_name(match["name"])
        return _plausible_name(name) and not clean_author(name)
    return False


def _masthead_date(line: str) -> bool:
    """True for a line holding only a date with its weekday ("Wed, Nov 20, 2019"): on a page that opens with its title
    and navigation, today's date in the page header rather than the article's."""
    words = [word.lower().strip(".,") for word in line.split()]
    weekdays = [word for word in words if word in WEEKDAYS or word in WEEKDAY_ABBREVIATIONS]
    return len(weekdays) == 1 and _only_a_date(" ".join(word for word in line.split() if word.lower().strip(".,") not in weekdays))


def _outranked(masthead: str) -> str:
    """The evidence's note on a masthead date a byline's date was preferred to."""
    return f" (preferred to the masthead date '{masthead[:40]}' above the navigation)" if masthead else ""


class LoneByline(NamedTuple):
    """A byline on a line of its own (_lone_byline): the name, where it stands, and the lines around it."""

    name: str
    line_number: int
    line: str
    previous: str  # the line just above: empty, or a dateline
    following: str  # the next non-empty line


def _lone_byline(text: str) -> LoneByline | None:
    """A line that is only "by" and a person's name ("by Laura Winter"), anywhere in the text, or None.

    The line must stand apart (after a blank line, the text's start or a dateline), so a hard-wrapped sentence
    running on ("… were killed" / "by Russian Forces") is no byline. A page whose lines of this kind name more than
    one person lists other stories with their bylines: no name is taken from it.
    """
    names: dict[str, LoneByline] = {}
    for match in BYLINE_LINE_RE.finditer(text):
        name = _clean_name(match.group("name"))
        if any(ch.isdigit() for ch in name) or not _person_name(name):
            continue
        before_end = text.rfind("\n", 0, match.start())
        previous = text[text.rfind("\n", 0, before_end) + 1:before_end].strip() if before_end >= 0 else ""
        if previous and not _dateline(previous):
            continue
        if name.casefold() not in names:
            following = next((line.strip() for line in text[match.end():match.end() + 600].split("\n")[1:] if line.strip()), "")
            names[name.casefold()] = LoneByline(name, text.count("\n", 0, match.start()) + 1, match.group(0).strip(), previous, following)
    return next(iter(names.values())) if len(names) == 1 else None


# "Catherine Shu @catherineshu / 2 days": a name, the writer's social handle, then at most a separator and a few words.
NAME_HANDLE_RE = re.compile(r"^(?P<name>" + _NAME + r")\s+\(?@(?P<handle>\w{2,30})\)?(?P<rest>(?:\s+[/|·•—–-]\s+.*)?)$")


def _person_name(name: str) -> bool:
    """True for a person's full name, a byline's co-author's among them: two to four capitalised words
    (_plausible_name), none (nor a piece of a hyphenated one: "Editor-at-large") a function, job, organisation or
    section word (NOT_IN_A_PERSON_NAME), not degree letters alone ("MS RDN"), a weekday or a month."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not _plausible_name(name) or len(_letters(words[-1])) < 2 or _company_name(words):
        return False
    pieces = _role_words(name) - {""}
    return not pieces & NOT_IN_A_PERSON_NAME and not pieces <= ROLES["credentials"]


# Legal forms that are surnames too: "Co" (a Chinese and Filipino surname, "Brent Co") closes "Acme Co" as well.
SURNAME_LEGAL_FORMS = frozenset({"co"})


@lru_cache(maxsize=1)
def _known_given_names() -> frozenset[str]:
    """Common given names, lower case: analysis.actors' given names (analysis/data/given_names.csv) and the names and
    short forms of its nicknames (nicknames.csv), read there once."""
    from .actors import given_name_pronouns, nicknames  # imported here: analysis.actors imports this module (by quotes)

    short_forms = {form for forms in nicknames().values() for form in forms}
    return frozenset(given_name_pronouns().keys() | nicknames().keys() | short_forms)


def _company_name(words: list[str]) -> bool:
    """True for a name closed by a company's legal form (registry.LEGAL_FORM_WORDS: "Acme Corp", "Acme Co.", "Smith &
    Co"). A legal form that is a surname too ("Brent Co") names a person only as a person's name shows it: written
    without a full stop, straight after a given name that analysis/data knows (_known_given_names); "Acme Co" stays a
    company, as missing a writer beats naming a company as one."""
    last = words[-1].casefold()
    if last.rstrip(".") not in LEGAL_FORM_WORDS:
        return False
    return not (last in SURNAME_LEGAL_FORMS and len(words) == 2 and words[0].casefold() in _known_given_names())


def _name_with_handle(line: str) -> str:
    """The name of a line that is a person's name and their own social handle ("Catherine Shu @catherineshu / 2 days"),
    else "". The handle must be the name's: it opens with the first name's initial and holds the surname, so a
    "Follow Jane Doe @janedoe" or a name beside another account's handle is none."""
    match = NAME_HANDLE_RE.match(line)
    if not match or len(match.group("rest").split()) > 6:
        return ""
    name = _clean_name(match.group("name"))
    letters = [_letters(word) for word in name.split()]
    handle = match.group("handle").casefold()
    if _person_name(name) and handle.startswith(letters[0][:1]) and len(letters[-1]) >= 2 and letters[-1] in handle:
        return name
    return ""


def _name_with_role(line: str) -> str:
    """The name of a line that is only a person's name and a writer's job title ("Bruce Y. Lee Senior Contributor",
    "Jane Doe, Staff Writer", "Greg Beacham, Ap Sports Writer"), else "": every word after the name a job word, one of
    them a writer's, or after a comma also an agency's or a section's word."""
    words = line.split(None, 9)  # no more words are needed to tell a paragraph
    if len(words) > 8:
        return ""
    for i in range(2, len(words)):
        role = {word.strip(",.()").casefold() for word in words[i:]}
        # After a comma the title may name the agency and the beat too ("Greg Beacham, AP Sports Writer").
        allowed = ROLES["job_words"] | (ROLES["organisation_words"] | TITLE_SECTION_WORDS if words[i - 1].endswith(",") else frozenset())
        if role <= allowed:
            name = _clean_name(" ".join(words[:i]))
            return name if role & ROLES["writer_job_words"] and _person_name(name) else ""
    return ""


def _author_in(raw_lines: list[str], name_lines: bool = True) -> tuple[str, str]:
    """(name, evidence) from the first byline among `raw_lines`, else a dateline led by a name ("Chris Davies - Nov 19,
    2019", "Carlos Nadalim 27/09/2018"), else a name line beside a dateline (without `name_lines`, below a headline
    found again, only a person's full name just above it)."""
    lines = _joined_bylines(raw_lines)
    for line in lines:
        name = _byline(line)
        if name:
            return name, f"byline: {line[:120]}"
    for line in lines:
        name = _name_with_handle(line)
        if name:
            return name, f"name with the writer's own handle: {line[:120]}"
        name = _name_with_role(line)
        if name:
            return name, f"name with a writer's job title: {line[:120]}"
    for i, line in enumerate(lines):
        if not _dateline(line):
            continue
        led = NAME_LED_DATELINE_RE.match(line)
        if led and not FURNITURE_CUES.search(led.group("name")) and _plausible_name(led.group("name")) \
                and not {w.lower() for w in led.group("name").split()} & NOT_A_BYLINE_NAME:
            return _clean_name(led.group("name")), f"name leading the dateline '{line[:60]}'"
        name = _name_before_date(line)
        if name:
            return name, f"name straight before the date: {line[:120]}"
        if len(line.split()) > 8:
            continue  # a name line beside it belongs to a short dateline
        if _byline_like(line):
            continue  # "By Staff Reporter | March 4, 2023": its credit names no person, the headline beside it neither
        # In the first lines, a name line above or below; further down (not `name_lines`), where links, captions and tags
        # stand, only a person's full name (_person_name) straight above it, itself straight under the headline or
        # its standfirst ("David Ehrlich" / "Nov 13, 2019 4:26 pm").
        neighbours = (lines[i - 1] if i else "", lines[i + 1] if i + 1 < len(lines) else "") if name_lines \
            else (lines[i - 1] if 1 <= i <= BELOW_NAME_LINE + 1 else "",)
        for neighbour in neighbours:
            if re.fullmatch(_NAME, neighbour) and not _byline_like(neighbour) and not FURNITURE_CUES.search(neighbour) \
                    and (_plausible_name(neighbour) if name_lines else _person_name(_clean_name(neighbour))):
                return _clean_name(neighbour), f"name line beside the dateline '{line[:60]}'"
    return "", ""


BELOW_NAME_LINE = 1  # below a headline, a name line beside a dateline counts as the first or second line (after a standfirst)


# "Carlos Nadalim 27/09/2018 Comente! …": a line led by the writer's name and straight after it the date.
# The name is the shortest that the date follows ("Brent Co" of "Brent Co November 20, 2019"): a month's name, written
# with a capital, would otherwise be read as the name's last word.
NAME_THEN_RE = re.compile(r"^(?P<name>" + _NAME + r"?)\s+(?=\d|(?i:" + _MONTH_WORD + r")\s)")
NAME_DATE_WORDS = 15  # a longer line is a sentence


def _name_before_date(line: str) -> str:
    """The person's name a line opens with when the date follows it straight ("Carlos Nadalim 27/09/2018"), else ""."""
    led = NAME_THEN_RE.match(line)
    if not led or len(line.split(None, NAME_DATE_WORDS)) > NAME_DATE_WORDS or _social_post(line):
        return ""
    name = _clean_name(led["name"])
    iso, start, _ = _first_date(line[led.end():])
    return name if iso and start == 0 and _person_name(name) else ""


def _dateline(line: str) -> str:
    """The ISO date of a dateline ("By Jane Doe | March 3, 2023", "Published 3:05 PM EST Nov 19, 2019"), else "".

    A date inside a sentence ("She was arrested Feb. 26, 2018 in Johnson County") or an embedded post's
    signature ("— Name (@handle) October 3, 2017") is no publication date. A line of more than 14 words is a sentence
    unless all of it is dates, times and dateline words ("Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019
    18.56 GMT").
    """
    if _social_post(line):
        return ""
    iso, rest = _date_and_rest(line)
    # (at most 16 words split off: the first lines are often long paragraphs)
    if not iso or (len(line.split(None, 15)) > 14 and not _only_dateline_words(rest) and not _byline_then_dates(line)):
        return ""
    other = running = 0  # words beside the date that no dateline needs, and those of them in lower case
    for raw in rest.split():
        word = raw.lower().strip(".,;:|()[]")
        if any(ch.isalpha() for ch in word) and word not in DATELINE_WORDS:
            other += 1
            running += raw[:1].islower()
    byline = _byline(line.split("|")[0].strip()) or _byline(re.split(r"\s[-–—/]\s", line)[0].strip())
    if running >= 3 or other > 6 + len(byline.split()):
        # "Carlos Nadalim 27/09/2018 Comente! Alfabetização, Brinquedos …": led by the writer's name, the date is the
        # page's whatever links follow it.
        return iso if _name_before_date(line) else ""
    return iso


def _byline_then_dates(line: str) -> bool:
    """True for a byline, then a separator and only dates, times and dateline words ("By HNN Staff | November 18, 2019
    at 2:26 PM HST - Updated November 18 at 4:46 PM"): a long dateline whose byline words are no sentence's, whether
    the byline names a person or is a staff credit (the date stays when the credit is dropped as no author)."""
    credit, bar, dates = line.partition("|")
    if not bar or not _byline_like(credit.strip()):
        return False
    iso, rest = _date_and_rest(dates)
    return bool(iso) and _only_dateline_words(rest)


def _opening_dateline(line: str) -> str:
    """The ISO date of a wire-style dateline opening a paragraph (OPENING_DATELINE_RE), else "": what stands
    between the place and the dash must be a full date and dateline words only ("February 12, 2018", "Nov. 3,
    2019, 10:31 a.m."), so "PARIS, a city of ten thousand lights – …" gives none."""
    match = OPENING_DATELINE_RE.match(line)
    if not match:
        return ""
    iso, rest = _date_and_rest(match["date"])
    return iso if iso and _only_dateline_words(rest) else ""


def find_published(text: str, title: str = "") -> tuple[str, str]:
    """A publication date from a byline or dateline line near the top of the page, or below the headline
    where a page that opens with its title and navigation prints it again."""
    return BylineReader(text, title).published()


def _past_first_lines(text: str) -> int:
    """The offset where the lines below the first lines start: a headline above it, and the byline and date
    after it, are among the first lines (_head_lines), already read. -1 when the text is no longer."""
    seen, position = 0, 0
    while position < len(text):
        end = text.find("\n", position)
        if end == -1:
            return -1
        if not text[position:end].isspace() and end > position:
            seen += 1
            if seen + 2 >= HEAD_LINES:
                return end + 1
        position = end + 1
    return -1


def _headline_again(text: str, title: str) -> int:
    """Where the headline starts a line below the first lines (_past_first_lines), or -1.

    On a page saved as text that opens with its <title> line, that is the headline printed again; on a page
    whose visible text opens with navigation, it is the article's own headline. Dashes and quotes are
    compared folded (the <title> may write "-" where the article writes "–"); the title's site name and
    section trail (" | Science | News | Express.co.uk") are cut one part at a time from the end, at the marks
    split_title_site cuts at (TITLE_CUT_RE), until a headline of 4 words or more is found; failing that, a line with
    a word or two changed (_headline_reworded).
    """
    start = _past_first_lines(text)
    if start == -1:
        return -1
    folded = fold_dashes(text)
    # The title as given first: find_title has cut the site name it could tell from the headline.
    headline = title.strip().translate(DASHES)
    if len(headline.split()) < 4:
        return -1
    cuts = reversed(list(TITLE_CUT_RE.finditer(headline)))  # the last trail part first
    for _ in range(4):
        position = folded.find(headline, start)
        while position > 0 and folded[position - 1] != "\n":
            position = folded.find(headline, position + 1)
        if position != -1:
            return position
        cut = next(cuts, None)
        # Unlike split_title_site, which tells a site name by what it is, only a short part is cut here: a longer one
        # continues the headline (" – der lange Marsch ins Digitale Gesundheitswesen"), and the words before it are
        # no headline of their own to look for.
        if cut is None or len(headline) - cut.end() > TITLE_TRAIL_PART_CHARS or len(headline[:cut.start()].split()) < 4:
            break
        headline = headline[:cut.start()]
    return _headline_reworded(folded, headline, start)


def _headline_words(line: str) -> set[str]:
    return {word.strip(".,:;!?'\"()").casefold() for word in line.split()} - {""}


def _content_words(line: str) -> set[str]:
    """A headline's words that carry its meaning: no stop words, no marks ("|"), a possessive's "'s" cut ("Delhi's"
    is "delhi"). Dashes and quotes must be folded (DASHES)."""
    words = {word.removesuffix("'s") for word in _headline_words(line)}
    return {word for word in words if any(ch.isalnum() for ch in word)} - ENGLISH_STOP_WORDS


# A reworded headline (_headline_reworded) of other length or order shares at least this many content words with the
# title, at least REWORDED_SHORTER of the shorter one's and REWORDED_LONGER of the longer one's.
REWORDED_SHARED = 5
REWORDED_SHORTER = 0.8
REWORDED_LONGER = 0.5
SENTENCE_ENDS = (".", '."', ".'")  # a line ending so is a sentence (dashes and quotes folded), no headline


def _headline_reworded(folded: str, headline: str, start: int) -> int:
    """Where a line from offset `start` (a line's start) on reads as the headline reworded, or -1. Only headlines of 6
    words or more, in the first FUZZY_HEADLINE_LINES lines of the text.

    A line of about as many words may have a word or two changed ("Why you just can't trust …" for the title's "Why
    you can't trust …"): the first such line wins. Failing that, a line shaped as a headline (_looks_like_headline, no
    sentence) may be longer or shorter and ordered otherwise when it shares most content words with the title
    (_reworded): the page's "The law that's helping fuel Delhi's deadly air pollution" for the <title>'s "Delhi air
    pollution: The law that's helping fuel the city's poor air quality", "Emirates inks $9 billion order for 30 Boeing
    787 jets, will restart plans to expand airline by early 2020s" for "Emirates inks order for 30 Boeing 787 jets,
    talks expansion plans". As a link to a story on the same subject may read so too ("Recap of Kurt Volker & Tim
    Morrison testimony"), such a line counts only with a byline or dateline among the next lines
    (_byline_or_dateline_follows), and the first one counts."""
    wanted = _headline_words(headline)
    content = _content_words(headline)
    lines_left = FUZZY_HEADLINE_LINES - folded.count("\n", 0, start)
    if len(wanted) < 6 or lines_left <= 0:
        return -1
    position, reworded = start, -1
    most = len(wanted) + 3  # a line of more words is too long: its words past that many are not split off
    lines = folded[start:].split("\n", lines_left)[:lines_left]
    for number, line in enumerate(lines):
        count = len(line.split(None, max(most, 25)))
        if abs(min(count, most + 1) - len(wanted)) <= 3:
            words = _headline_words(line)
            if len(words & wanted) >= 0.85 * max(len(words), len(wanted)):
                return position + len(line) - len(line.lstrip())
        if reworded == -1 and REWORDED_SHARED <= count <= 25 and not line.rstrip().endswith(SENTENCE_ENDS) \
                and _reworded(_content_words(line), content) and _looks_like_headline(line.strip()) \
                and _byline_or_dateline_follows(lines[number + 1:number + 1 + ARTICLE_HEAD_LINES]):
            reworded = position + len(line) - len(line.lstrip())
        position += len(line) + 1
    return reworded


REWORDED_CONFIRM_LINES = 4  # non-empty lines read below a reworded headline for its byline or dateline


def _byline_or_dateline_follows(lines: list[str]) -> bool:
    """True when one of the first REWORDED_CONFIRM_LINES non-empty `lines` is a byline ("By Umair Irfan", "By" alone)
    or a dateline ("Nov 13, 2019 4:26 pm"): what stands below an article's headline, and seldom below a link."""
    near = [line.strip() for line in lines if line.strip()][:REWORDED_CONFIRM_LINES]
    return any(_byline_like(line) or BARE_BY_RE.match(line) or _dateline(line) for line in near)


def _reworded(words: set[str], wanted: set[str]) -> bool:
    """True when a line's content words `words` and the title's `wanted` share enough (REWORDED_SHARED, REWORDED_SHORTER,
    REWORDED_LONGER) to be one headline reworded."""
    shared = len(words & wanted)
    return shared >= REWORDED_SHARED and shared >= REWORDED_SHORTER * min(len(words), len(wanted)) \
        and shared >= REWORDED_LONGER * max(len(words), len(wanted))


def _below_headline(text: str, title: str) -> tuple[int, list[str], list[str], str] | None:
    """(line number, the next ARTICLE_HEAD_LINES non-empty lines, up to FAR_HEAD_LINES more, the non-empty line just
    above) where the headline starts a line past the first lines.

    Pages saved as text often open with the <title> ("Headline - Site"), then navigation, then the article's
    own headline, byline and date: those are read there. The headline must be of 4 words or more, so that a
    short phrase met again by chance anchors nothing.
    """
    position = _headline_again(text, title)
    if position == -1:
        return None
    line_number = text.count("\n", 0, position) + 1
    following = text[position:].split("\n", 4 * FAR_HEAD_LINES)[1:4 * FAR_HEAD_LINES]
    near = _joined_split_dates([line.strip() for line in following[:4 * ARTICLE_HEAD_LINES - 1] if line.strip()][:ARTICLE_HEAD_LINES])
    further = [line.strip() for line in following if line.strip()][len(near):FAR_HEAD_LINES]
    above = next((line.strip() for line in reversed(text[max(0, position - 400):position].split("\n")) if line.strip()), "")
    return line_number, near, further, above


def _furniture_line(line: str) -> bool:
    """True for a line that is page furniture: one holding page chrome's phrases (PAGE_CHROME_CUES), or a short one
    (FURNITURE_LINE_WORDS) or one opening with a furniture word (FURNITURE_WORDS: "Related Stories", "Photo: AP")."""
    if PAGE_CHROME_CUES.search(line):
        return True
    cue = FURNITURE_WORDS.search(line)
    return cue is not None and (len(line.split()) <= FURNITURE_LINE_WORDS or not line[:cue.start()].strip(" \t[(•*-|:"))


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= 25 or len(line) > 200:
        return False
    if line.endswith((".", ",", ";", ":")) or line.startswith(("-", "*", "©", "(")) or MARKDOWN_LINK_RE.search(line):
        return False
    if _furniture_line(line) or URL_RE.search(line) or MARKUP_RE.search(line) or parse_date(line):
        return False
    if _byline_like(line) or BARE_BY_RE.match(line):
        return False
    return sum(1 for w in words if w[:1].isupper()) >= 1


def find_title(text: str, url: str = "") -> tuple[str, str]:
    """The headline: the first short, unpunctuated, non-furniture line before the body starts, without the site name
    a page title closes with ("Headline – TechCrunch": split_title_site; `url` is the page's, when known).

    Body paragraphs (long lines ending in a full stop) end the search, so a text that opens
    straight into its first paragraph gets no title.
    """
    short = _short_opening_title(text, url)
    if short:
        return short, "a short first line set apart by a blank line, its words in the paragraph below"
    for number, line in enumerate(_head_lines(text)):
        if _looks_like_headline(line) and _in_a_paragraph(text, line):
            break  # a sentence of the body, which has started: no headline stands below it
        if _looks_like_headline(line):
            headline, site, label, why = split_title_trail(line, text, url)
            # The evidence keeps the site name: it names the outlet (analysis.outlets reads the line itself).
            if site and not label:
                return headline, f"first headline-like line, without the site name '{site}' after it ({why})"
            if site:
                return headline, (f"first headline-like line, without the section label '{label}' and the site name "
                                  f"'{site}' before it ({why})")
            if label:
                return headline, f"first headline-like line, without the section label '{label}' after it"
            return line, "first headline-like line"
        again = _headline_with_stop(text, line) if number == 0 else 0
        if again:
            return line[:-1], f"first line without its closing full stop, as the headline stands again on line {again}"
        glued = _glued_opening(line) if number < GLUED_OPENING_LINES else None
        if glued:
            return glued.headline, f"headline before the byline '{glued.byline[:60]}' run into the text's opening line"
        if len(line.split()) > 25 and line.endswith((".", "”", '"')):
            break
    return "", "no headline line: the text opens with body paragraphs"


STATEMENT_ENDS = (".", '."', ".”", ".'", ".’")  # a line ending so is a statement's last words


def _headline_with_stop(text: str, line: str) -> int:
    """The number of the line where the text's first line `line`, a headline but for the full stop closing it
    ("Google Stadia Red Dead Redemption 2 doesn't run at a stable 60fps."), stands again without it, or 0: a page saved
    as text whose <title> ends in a full stop prints the article's headline again below, and so shows it is no sentence."""
    if not line.endswith(".") or line.endswith("..") or not _looks_like_headline(line[:-1]):
        return 0
    return _line_again(fold_dashes(text), line[:-1])


def _statement(line: str, words: int) -> bool:
    """True for a line that reads as a sentence of prose: a capital first, `words` words or more, a full stop last."""
    line = line.strip()
    return line[:1].isupper() and len(line.split()) >= words and line.endswith(STATEMENT_ENDS)


def _in_a_paragraph(text: str, line: str) -> bool:
    """True when the headline-like `line` (a stripped line of `text`) stands inside the body's prose rather than above
    it: straight below a sentence of six words or more ("The claims were rejected …." / "However, the Department …",
    a sentence cut short), or, ending as a question or exclamation does, straight above two statements ("Ever thought
    that … gone to the Diversity dogs?" / "Here’s proof, from Australia." / "The Institute … released a report."),
    the opening question of a text written one sentence to a line. A headline stands apart from the prose, or above a
    byline, dateline or standfirst."""
    start = text.find(line)
    while start > 0 and text[:start].rstrip(" \t")[-1:] != "\n":  # where it stands as a line, not inside another
        start = text.find(line, start + 1)
    if start == -1:
        return False
    before = text[:start].split("\n")
    if len(before) >= 2 and _statement(before[-2], 6):
        return True
    below = text[start + len(line):].split("\n", 3)[1:3]
    return line.endswith(("?", "!")) and len(below) == 2 and all(_statement(part, 4) for part in below)


class GluedOpening(NamedTuple):
    """A text's opening line holding headline, byline, date and the report run together (_glued_opening)."""

    headline: str
    author: str
    published: str
    byline: str  # the line from "by" on to the date's end


GLUED_OPENING_LINES = 2  # the first lines (_head_lines) where such a line may stand: first, or below a tagline
GLUED_BYLINE_RE = re.compile(r"\s(?:by|By)\s+")
GLUED_NAME_CHARS = 60  # "by SARAH WYNN, WSYX/WTTE Saturday, ": the date starts within this many characters of the name
GLUED_REPORT_WORDS = 5  # words the report runs on with after the date


def _glued_opening(line: str) -> GluedOpening | None:
    """The headline, author and date of a line that runs them into the report's first words ("Police identify suspect
    in death of 2 Ohio police officers by SARAH WYNN, WSYX/WTTE Saturday, February 10th 2018 COLUMBUS, Ohio (WSYX/WTTE)
    - The Westerville Division …", a copy that lost its line breaks), else None.

    Read only when every part holds: before the first "by", a headline of four words or more (_looks_like_headline);
    after it a person's name, then at most a comma-parted outlet and a weekday (capitalised words, no running words),
    then a full date; after the date the report, GLUED_REPORT_WORDS words or more. A line that ends at the date is a
    reference to another piece ("Trump Victorious As GOP … by James Kirkpatrick, May 3, 2016"), no opening."""
    by = GLUED_BYLINE_RE.search(line)
    if not by or len(line[:by.start()].split()) < 4 or not _looks_like_headline(line[:by.start()].strip()):
        return None
    after = line[by.end():]
    iso, start, end = _first_date(after[:GLUED_NAME_CHARS + 40])
    if not iso or start > GLUED_NAME_CHARS or len(after[end:].split()) < GLUED_REPORT_WORDS:
        return None
    name, _, outlet = after[:start].partition(",")
    name = _clean_name(_without_weekday(name.strip()))
    extra = [word.strip(",.") for word in outlet.split()]
    if not _person_name(name) or len(extra) > 4 or not all(word[:1].isupper() or word.isdigit() for word in extra if word):
        return None
    return GluedOpening(line[:by.start()].strip(), clean_author(name), iso, line[by.start():by.end() + end].strip())


SHORT_TITLE_WORDS = (2, 4)  # "Julian Assange": a title line too short for _looks_like_headline (3 words or more)
OPENING_BODY_CHARS = 1500  # text read below a short first line for its words


def _short_opening_title(text: str, url: str = "") -> str:
    """The text's first line when it is a short title above the body ("Julian Assange" / blank line / "The persecution
    of Julian Assange must end. …"), else "".

    The line must be two to four words that open with a capital, end in no punctuation but a question mark ("Spygate
    Coverup?") and are no furniture, date, byline or section label; a blank line must follow it, then (past a line
    holding only the page's URL) a sentence of five words or more; and every word of it (stop words aside) must
    appear in the text below it. A site name the page opens with ("The Intercept") is no
    title: a registry outlet, a domain or the page's domain label is never taken, and a one-word line never."""
    first, _, rest = text.lstrip().partition("\n")
    line = first.strip()
    if not SHORT_TITLE_WORDS[0] <= len(line.split()) <= SHORT_TITLE_WORDS[1] or rest[:rest.find("\n") + 1].strip():
        return ""  # too long or short, or no blank line below it
    # A question mark may close it ("Spygate Coverup?"), as it closes headlines; other marks end a sentence or label.
    if not line[:1].isupper() or line.endswith((".", ",", ";", ":", "!")) or _looks_like_headline(line):
        return ""  # the usual rule reads a headline of three words or more
    if FURNITURE_CUES.search(line) or URL_RE.search(line) or MARKUP_RE.search(line) or parse_date(line) or _byline_like(line):
        return ""
    words = line.split()
    if all(word.casefold() in TITLE_SECTION_LABEL_WORDS for word in words) or _outlet_name(line, url):
        return ""
    below = rest[:OPENING_BODY_CHARS]
    # The page's own address may stand between title and paragraph (a saved post's permalink line).
    paragraph = next((piece.strip() for piece in below.split("\n") if piece.strip() and not URL_RE.fullmatch(piece.strip())), "")
    if len(paragraph.split()) < 5 or not paragraph.endswith((".", "!", "?", "”", '"')):
        return ""
    content = set(re.findall(r"[^\W\d_]+", line.casefold())) - ENGLISH_STOP_WORDS
    body_words = set(re.findall(r"[^\W\d_]+", below.casefold()))  # "Assange’s" holds "assange"
    return line if content and content <= body_words else ""


# The section names of large English-language news sites, plus a few common non-English ones: a title's section
# trail ("Headline | Bangkok Post: news", "… - CNN - World"), here and in analysis.outlets.
TITLE_SECTION_WORDS = frozenset(
    "news world politics business sport sports tech technology science health entertainment opinion international "
    "national local live latest breaking top stories home video videos analysis comment culture lifestyle travel economy "
    "markets finance money us uk europe asia africa americas pacific middle east australia india china "
    "nachrichten politik wirtschaft actualités actualites noticias notizie".split()
)
# Section labels that may stand between a title's headline and its site name after any separator ("Headline - World -
# CBS News"); between pipes any short capitalised label counts ("| Smart News | Smithsonian"), as headlines hold no
# pipes.
TITLE_SECTION_LABEL_WORDS = NOT_A_BYLINE_NAME | TITLE_SECTION_WORDS
# The names a site's listing pages give their kind of item, which title templates add after the headline ("… |
# Articles", "… - Blog"): English words, a title's section label of no one outlet.
TITLE_LISTING_WORDS = frozenset("article articles blog blogs posts stories features columns commentary archive archives".split())
TRAIL_CUT_HEADLINE_WORDS = 3  # a title's section trail is cut only off a headline this long ("Politics | News" stays)
AGAIN_HEADLINE_WORDS = 4  # a headline found again as a line of its own confirms a cut only when this long


@lru_cache(maxsize=1)
def _registry_columns() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The registry outlets' names and aliases (registry.alias_key), their owners ("Condé Nast", "Forbes Media LLC":
    registry.owner_key, which compares company names) and their domains' main labels (registry.main_label), from
    analysis/data/outlets.csv: only these columns are read, in one pass; building the whole registry takes a second."""
    names: set[str] = set()
    owners: set[str] = set()
    labels: set[str] = set()
    with open(REGISTRY_PATH, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names.update(alias_key(name) for name in [row["name"], *row["aliases"].split(ALIAS_SEPARATOR)] if name.strip())
            owners.add(owner_key(row["owner"]))
            labels.update(main_label(domain) for domain in row["domains"].split(ALIAS_SEPARATOR) if domain.strip())
    return frozenset(names), frozenset(owners - {""}), frozenset(labels - {""})


def _registry_labels() -> frozenset[str]:
    """The main labels of the registry outlets' domains (registry.main_label: "thegatewaypundit" for
    thegatewaypundit.com)."""
    return _registry_columns()[2]


def _registry_names() -> frozenset[str]:
    """The registry outlets' names and aliases (registry.alias_key)."""
    return _registry_columns()[0]


def _registry_owners() -> frozenset[str]:
    """The registry outlets' owners (registry.owner_key)."""
    return _registry_columns()[1]


def _organisation_names(tree, values: dict[str, str]) -> frozenset[str]:
    """The company names (registry.owner_key: "Vox Media, LLC" is Vox Media) that a page's author field may hold but
    no person bears: the page's site names and JSON-LD publisher, the JSON-LD organisations, and the registry's owners.
    The registry's outlet names are compared as names (_registry_names)."""
    names = {values.get(key, "") for key in ("og:site_name", "application-name", "json-ld publisher", "json-ld site name")}
    names |= {_ld_name(node) for node in _ld_objects(tree) if _ld_types(node) & ORGANISATION_TYPES}
    return (frozenset(owner_key(name) for name in names) - {""}) | _registry_owners()


def _without_organisations(author: str, organisations: frozenset[str]) -> str:
    """An author field without the credits that name a registry outlet or an organisation (_organisation_names):
    "Condé Nast; Louise Matsakis", a <meta name="author"> holding the publisher merged with the JSON-LD person, gives
    "Louise Matsakis"; "Forbes Media; Jane Roe" gives "Jane Roe" (the registry's owner of Forbes is Forbes Media LLC).
    Alone, a registry outlet or agency stays ("Reuters"), as clean_author keeps it."""
    parts = [part.strip() for part in author.split(";") if part.strip()]
    people = [part for part in parts if alias_key(part) not in _registry_names() and owner_key(part) not in organisations]
    return "; ".join(people or [part for part in parts if alias_key(part) in _registry_names()])


def _site_part(part: str) -> bool:
    """True for a part of a title's trail that may be a site name or section label: a few words that open with a
    capital or digit ("TechCrunch", "Smart News"), or a domain ("oregonlive.com"); not a headline running on
    ("shoots for the moon")."""
    return 1 <= len(part.split()) <= 6 and (not part[:1].islower() or bool(DOMAIN_LIKE_RE.match(part)))


def _section_label(part: str, between_pipes: bool) -> bool:
    """True for a section label in a title's trail: section words ("World", "Breaking News"), or between pipes any
    label of up to three capitalised words ("Editorial", "Smart News")."""
    words = part.split()
    if _all_in(words, TITLE_SECTION_LABEL_WORDS):
        return True
    return between_pipes and len(words) <= 3 and all(word[:1].isupper() or word in ("&", "and", "of") for word in words)


def without_section_trail(title: str) -> tuple[str, str]:
    """(headline, label) for a title whose last parts after a separator are section labels only, as a site's title
    template adds them to every page of a section ("May Jobs: We Unveil The New VDAWDI | Articles", "Headline - Latest
    News", "Headline | Opinion | Blog"); else (title, "").

    A dropped part is a label of capitalised section words alone (TITLE_SECTION_LABEL_WORDS, TITLE_LISTING_WORDS); a
    part in lower case continues the headline ("Brexit: MPs vote – live"), and a site's name ("| Articles | The
    Times"), not being section words, keeps the trail for split_title_site. The headline left must be three words or
    more, not itself section words."""
    for cut in TITLE_CUT_RE.finditer(title):
        headline = title[:cut.start()].strip()
        trail = [part.strip() for part in TITLE_CUT_RE.split(title[cut.end():])]
        if all(_only_section_words(part) for part in trail) and len(headline.split()) >= TRAIL_CUT_HEADLINE_WORDS \
                and not _only_section_words(headline):
            return headline, title[cut.end():].strip()
    return title, ""


def _only_section_words(part: str) -> bool:
    """True for a part of a title that is only capitalised section or listing words ("Articles", "Latest News")."""
    words = part.split()
    return bool(words) and all(word[:1].isupper() for word in words) \
        and _all_in(words, TITLE_SECTION_LABEL_WORDS | TITLE_LISTING_WORDS)


def _all_in(words: list[str], vocabulary: frozenset[str]) -> bool:
    """True when every word, casefolded, is in `vocabulary` (true for no words)."""
    return all(word.casefold() in vocabulary for word in words)


def split_title_trail(title: str, text: str = "", url: str = "") -> tuple[str, str, str, str]:
    """(headline, site, label, why) for a title: split_title_site's site name after the headline, else a section
    label's trail cut (without_section_trail) and then the site name closing what is left, if any; ("title", "", "",
    "") when neither. A site's name may be made of section words ("| Live Science"): the section label is cut only
    from a trail split_title_site does not take for the site's."""
    headline, site, why = split_title_site(title, text, url)
    if site:
        return headline, site, "", why
    unlabelled, label = without_section_trail(title)
    if not label:
        return title, "", "", ""
    headline, site, why = split_title_site(unlabelled, text, url)
    return headline, site, label, why


def _outlet_name(site: str, url: str) -> str:
    """Why `site` is a site's name (a domain, the page's domain label, a registry outlet), or ""."""
    if DOMAIN_LIKE_RE.match(site):
        return "a domain"
    letters, label = _letters(site), _letters(main_label(url)) if url else ""
    if label and len(letters) >= 3 and len(label) >= 3 and (letters in label or label in letters):
        return f"the page's domain {normalise_host(url)}"
    if alias_key(site) in _registry_names():
        return "a registry outlet"
    return ""


def _line_again(folded: str, headline: str) -> int:
    """The number of a line of `folded` (a text, dashes and quotes folded by DASHES) that is `headline` alone, or 0."""
    pattern = re.compile(r"^[ \t]*" + re.escape(headline.translate(DASHES)) + r"[ \t]*\r?$", re.M)
    match = pattern.search(folded)
    return folded.count("\n", 0, match.start()) + 1 if match else 0


def split_title_site(title: str, text: str = "", url: str = "") -> tuple[str, str, str]:
    """(headline, site name, why) for a page title closing with its site's name ("Headline – TechCrunch", "Headline |
    Editorial | Opinion | The Guardian"); (title, "", "") when no part after a separator is surely the site's.

    The trail after a separator is cut when its last part is a site's name (a registry outlet's name or alias, the
    main label of the page's domain `url`, or a domain) and the parts before it are section labels; or when the
    headline without the trail stands again on a line of its own in `text` (the article's headline under the page's
    <title>). The shortest headline that qualifies wins; a part that continues the headline ("review - shoots for the
    moon") qualifies as neither, so the headline keeps it.
    """
    cuts = list(TITLE_CUT_RE.finditer(title))
    folded = ""
    for k, cut in enumerate(cuts):
        headline = title[:cut.start()].strip()
        trail = [part.strip() for part in TITLE_CUT_RE.split(title[cut.end():])]
        if len(headline.split()) < 2 or not all(_site_part(part) for part in trail):
            continue
        why = _outlet_name(trail[-1], url)
        pipes = all(mark.group().strip() == "|" for mark in cuts[k:])
        if why and all(_section_label(part, pipes) for part in trail[:-1]):
            return headline, trail[-1], why
        if not text or len(headline.split()) < AGAIN_HEADLINE_WORDS:
            continue
        folded = folded or fold_dashes(text)
        line = _line_again(folded, headline)
        if line:
            return headline, trail[-1], f"the headline stands again without it on line {line}"
    return title, "", ""


def find_url(text: str) -> tuple[str, str]:
    """A page URL: a line that is only a URL, or one after a cue such as "Source:", near the start or end."""
    for line in _head_lines(text) + _tail_lines(text):
        if URL_RE.fullmatch(line):
            return line, "a line holding only a URL"
        cue = URL_CUE_RE.match(line)
        if cue:
            return cue.group(1), f"URL after a cue: {line[:80]}"
    return "", "no page URL in the text"


# JSON-LD types that describe the page's article (its headline, its publisher).
ARTICLE_TYPES = frozenset(
    "article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle reviewnewsarticle "
    "backgroundnewsarticle blogposting socialmediaposting liveblogposting report scholarlyarticle".split())
SITE_TYPES = frozenset("website organization newsmediaorganization".split())
ORGANISATION_TYPES = frozenset("organization newsmediaorganization corporation governmentorganization ngo".split())
# " - Site", " | Site" closing a <title>; the last separator wins ("A - B - VG247" -> "VG247").
TITLE_SITE_RE = re.compile(rf"^(?P<headline>.+\S)\s+{TITLE_SEPARATOR}{{1,2}}\s+(?P<site>[^{TITLE_SEPARATORS}]{{2,40}})$")
DOMAIN_LIKE_RE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.I)


def _letters(value: str) -> str:
    return re.sub(r"\W", "", value.casefold())


def _ld_objects(tree) -> list[dict]:
    """Every JSON object in the page's JSON-LD blocks, nested @graph lists flattened."""
    found: list[dict] = []

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            found.append(node)
            walk(node.get("@graph", []))

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            walk(json.loads(script.text_content(), strict=False))
        except ValueError:
            continue  # a broken block tells nothing
    return found


def _ld_types(node: dict) -> set[str]:
    types = node.get("@type", [])
    return {t.casefold() for t in ([types] if isinstance(types, str) else types) if isinstance(t, str)}


def _ld_name(node: object) -> str:
    """The name of a JSON-LD node given as {"name": …} or as a plain string."""
    if isinstance(node, list):
        node = node[0] if node else ""
    if isinstance(node, dict):
        node = node.get("name", "")
    return node.strip() if isinstance(node, str) else ""


def _claimants(tree) -> set[str]:
    """The letters (_claim_letters) of the names a fact-check's JSON-LD ClaimReview gives as the authors of the claim it
    reviews (itemReviewed, its appearances): whoever made the claim, never the page's author."""
    names: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key in ("author", "creator"):
                    for author in value if isinstance(value, list) else [value]:
                        names.add(_claim_letters(_ld_name(author)))
                walk(value)

    for node in _ld_objects(tree):
        if "claimreview" in _ld_types(node):
            walk(node.get("itemReviewed"))
    return names - {""}


def _claim_letters(name: str) -> str:
    """A name's letters without "and" and "&", so that "The Russian and Syrian defense ministries" and the same name
    split as co-authors ("The Russian; Syrian defense ministries") compare equal."""
    return _letters(re.sub(r"\b(?:and|&)\b|&", " ", name, flags=re.I))


def _page_values(tree) -> dict[str, str]:
    """The page's own statements about itself, each under the name analysts know it by ("og:site_name",
    "json-ld headline", "<title>"); the first of each kind counts. <meta> tags are read wherever they stand:
    a script or stray element in <head> makes parsers move the rest of the head, og: tags and all, into <body>."""
    values: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or "").strip().casefold()
        content = " ".join(meta.get("content", "").split())
        if key and content:
            values.setdefault(key, content)
    for node in _ld_objects(tree):
        types = _ld_types(node)
        if types & ARTICLE_TYPES:
            for key, value in (("json-ld headline", node.get("headline")), ("json-ld publisher", _ld_name(node.get("publisher")))):
                if isinstance(value, str) and value.strip():  # JSON-LD strings may carry entities ("&#8217;")
                    values.setdefault(key, " ".join(html_lib.unescape(value).split()))
            for key in ("url", "mainEntityOfPage"):
                url = node.get(key)
                url = url.get("@id", "") if isinstance(url, dict) else url
                if isinstance(url, str) and url.startswith(("http://", "https://")):
                    values.setdefault("json-ld url", url.strip())
        elif types & SITE_TYPES and _ld_name(node):
            values.setdefault("json-ld site name", html_lib.unescape(_ld_name(node)))
    title = tree.find(".//title")
    if title is not None and title.text_content().strip():
        values["<title>"] = " ".join(title.text_content().split())
    for link in tree.xpath('//link[@rel="canonical"][@href]'):
        if link.get("href", "").startswith(("http://", "https://")):
            values.setdefault("canonical link", link.get("href").strip())
    return values


def _title_site(tree, values: dict[str, str], url: str) -> str:
    """The site name closing the page's <title> ("Headline - Entermedia") when the page confirms it: it looks
    like a domain ("www.wday.ru"), matches the main label of the URL's host (registry.main_label), or the page repeats it as an image's alt text (the
    logo) or a link's title (its RSS feed)."""
    split = TITLE_SITE_RE.match(values.get("<title>", ""))
    if not split:
        return ""
    site = split.group("site").strip()
    letters = _letters(site)
    label = main_label(url) if url else ""  # "https://edition.cnn.com/…" -> "cnn"
    if DOMAIN_LIKE_RE.match(site) or (letters and len(letters) >= 3 and letters in _letters(label)):
        return site
    repeated = [alt for alt in tree.xpath("//img/@alt | //link/@title") if letters and letters in _letters(alt) and len(alt) <= 3 * len(site)]
    return site if len(letters) >= 3 and repeated else ""


def _proper_site_name(value: str) -> bool:
    """True for a site name written as a name ("Deccan Herald", "BGR"), not a slug, handle or domain
    ("detroitnews", "@politifact", "Spokesman.com")."""
    return not value.startswith("@") and any(ch.isupper() for ch in value) and not DOMAIN_LIKE_RE.match(value)


# Words a site's name may hold in lower case ("Voice of America", "Institute for the Study of War", "Le Monde");
# the prepositions among them open the phrase a tagline runs on with ("Expert how-to for English Riders").
NAME_FUNCTION_WORDS = frozenset("of the and for in on at to a an & de la le les du des der die das y e et".split())
TAGLINE_PREPOSITIONS = frozenset("for from of in on about with by to".split())


def _tagline(value: str) -> bool:
    """True for a site name that reads as a tagline, not a name: several lower-case words, one a preposition and
    one a word a name does not write in lower case ("Expert how-to for English Riders", "News you can trust from
    the heart of Texas"); not "Voice of America" or "Le Monde diplomatique"."""
    lower = [word for word in value.split()[1:] if word[:1].islower()]
    return (len(lower) >= 2 and any(word in TAGLINE_PREPOSITIONS for word in lower)
            and any(word not in NAME_FUNCTION_WORDS | TAGLINE_PREPOSITIONS for word in lower))


def read_html_metadata(html: str) -> tuple[dict[str, str], dict[str, str]]:
    """(values, where each came from) for title, author, published, url and outlet_hint of an HTML page.

    The page's own statements are trusted before trafilatura's guesses: og:url, the canonical link and the
    JSON-LD article's URL for the URL; og:site_name, application-name, the JSON-LD publisher or site name (names
    before slugs and domains), and a site name the <title> closes with (when the page confirms it) for the
    outlet, never twitter:site; og:title and the JSON-LD headline for the title, then trafilatura's title (a
    lone <h1>, often the site's logo) only when the <title> bears it out, a trailing site name cut. Author and
    date are trafilatura's (its author cleaned of labels and job titles: clean_author).
    """
    from trafilatura import extract_metadata
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return {}, {}
    values = _page_values(tree)
    meta = extract_metadata(tree, extensive=False)
    found: dict[str, str] = {}
    source: dict[str, str] = {}

    def take(field: str, candidates: list[tuple[str, str | None]]) -> None:
        for key, value in candidates:
            if value and value.strip():
                found[field], source[field] = " ".join(value.split()), key
                return

    web = [(key, values.get(key)) for key in ("og:url", "canonical link", "json-ld url", "twitter:url")]
    take("url", [(key, value) for key, value in web if value and value.startswith(("http://", "https://"))]
         + [("trafilatura (<link> or meta)", meta.url if meta else None)])
    sites = [(key, values[key]) for key in ("og:site_name", "application-name", "json-ld publisher", "json-ld site name")
             if key in values and "/" not in values[key] and len(values[key].split()) <= 6]  # no URL, no headline
    title_site = _title_site(tree, values, found.get("url", ""))
    if any(not _tagline(value) for _, value in sites) or (title_site and not _tagline(title_site)) or found.get("url"):
        # A tagline is no outlet name when the page gives a better one: another site name, the <title>'s, the domain.
        sites = [(key, value) for key, value in sites if not _tagline(value)]
        title_site = "" if _tagline(title_site) else title_site
    # A proper name first ("The Detroit News"), then a slug, handle or domain ("detroitnews", "@politifact",
    # "Spokesman.com"), then the <title>'s site name.
    take("outlet_hint", [(key, value) for key, value in sites if _proper_site_name(value)]
         + [(key, value.lstrip("@")) for key, value in sites if not _proper_site_name(value)]
         + [("the site name closing the <title>", title_site)])
    site_names = {_letters(found.get("outlet_hint", "")), _letters(title_site)} - {""}
    page_title = values.get("<title>", "")
    guessed = meta.title if meta and meta.title else ""
    if guessed and page_title and _letters(guessed) not in _letters(page_title):
        guessed = ""  # an <h1> the <title> does not bear out: the site's logo or a section name ("엔터 미디어")
    take("title", [(key, values.get(key)) for key in ("og:title", "json-ld headline", "twitter:title")]
         + [("trafilatura (<h1> or <title>)", guessed), ("<title>", page_title)])
    split = TITLE_SITE_RE.match(found.get("title", ""))
    if split and _letters(split.group("site")) in site_names:  # "Nadal keeps Spain alive - Sportsnet.ca"
        found["title"], source["title"] = split.group("headline"), source["title"] + ", without the site name"
    elif found.get("title"):  # "Headline | World | News | Express.co.uk": a registry outlet, a domain, the URL's label
        headline, site, label, why = split_title_trail(found["title"], "", found.get("url", ""))
        if label:  # "Headline | Articles", "Headline | Editorial": as in find_title, after the site's name is looked for
            found["title"], source["title"] = headline, source["title"] + f", without the section label '{label}'"
        if site:
            found["title"], source["title"] = headline, source["title"] + f", without the site name '{site}' ({why})"
    if found.get("title") and _letters(found["title"]) in site_names:
        del found["title"], source["title"]  # the site's name is no headline
    if meta and meta.author and _claim_letters(meta.author) in _claimants(tree):
        meta.author = None  # the claim's author that a fact-check names, not the fact-check's
    if meta and meta.author:
        author = clean_author(_without_organisations(meta.author, _organisation_names(tree, values)))
        take("author", [("trafilatura: author meta or byline markup" + (f", cleaned from '{meta.author}'" if author != meta.author else ""), author)])
    if meta and meta.date:
        shown = _shown_time_date(tree, meta.date)
        if shown and not _stated_date(meta.date, html, values, found.get("url", "")):
            take("published", [(f"the page's <time datetime> element; trafilatura's {meta.date} stands in no meta tag, "
                                "JSON-LD or URL (a date in the page's hidden markup)", shown)])
        else:
            take("published", [("trafilatura (htmldate)", meta.date)])
    return found, {field: f"the page's HTML metadata ({source[field]})" for field in found}


DATETIME_ATTRIBUTE_RE = re.compile(r"\s*((?:19|20)\d\d-[01]\d-[0-3]\d)")  # a <time datetime="2019-11-19T11:45:59Z"> value's date
JSON_LD_BLOCK_RE = re.compile(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", re.S | re.I)


def _shown_time_date(tree, other: str) -> str:
    """The date (YYYY-MM-DD) the page's <time datetime> elements give when they all give one ("1 day ago" beside the
    byline) and it is not `other` (ISO), else "": several dates are a rail of other stories' times. Elements inside
    scripts and templates are not shown, and none may read `other` in its text: "Posted Nov 18, 8:19 PM" with
    datetime="2019-11-19T01:19Z" is a local evening whose UTC date is the next day."""
    elements = tree.xpath("//time[@datetime][not(ancestor::script or ancestor::noscript or ancestor::template)]")
    dates = {match.group(1) for match in (DATETIME_ATTRIBUTE_RE.match(element.get("datetime")) for element in elements) if match}
    if len(dates) != 1 or other in dates:
        return ""
    month, day = int(other[5:7]), int(other[8:10])
    for element in elements:
        for match in MONTH_DAY_RE.finditer(element.text_content()):
            if MONTHS.get(match["month"].casefold().rstrip(".")) == month and int(match["day"]) == day:
                return ""
    return dates.pop()


def _stated_date(iso: str, html: str, values: dict[str, str], url: str) -> bool:
    """Whether the page states the date `iso` where a page says when it was published: a <meta> tag, a JSON-LD block
    or its URL ("/2019/11/18/"). htmldate reads those first; a date from none of them was found further down, in the
    markup at large, which holds template and deployment stamps in attributes and scripts (MSN's
    'data-info="… dt: 2019-11-14T19:49:29 …"') that no reader of the page sees."""
    year, month, day = iso.split("-")
    if any(iso in value for value in values.values()) or re.search(rf"{year}[/\-_]?{month}[/\-_]?{day}", url):
        return True
    return any(iso in block for block in JSON_LD_BLOCK_RE.findall(html))


def html_metadata(html: str) -> dict[str, str]:
    """Title, author, date, URL and site name from an HTML page's own metadata (see read_html_metadata)."""
    return read_html_metadata(html)[0]
