"""Who published a document, what type of outlet it is, whom it cites, and how it sources its claims.

Publisher evidence, strongest first: the document's URL (a column, the page metadata or a URL line
in the text) -> domain -> registry (subdomains included); an outlet column; the page naming
itself in its furniture ("Subscribe to the New American", "notifications from The Independent");
an agency byline. Without a registry label the type is inferred from cues, with a low confidence
(a credit to another outlet and no byline -> aggregator-rewrite), or left "unknown" with the reason.

The sourcing profile (`citations` rows) joins the registry outlets, agencies and platforms the text
names (analysis.citations) with the people and organisations it quotes (analysis.actors).
Reliability indicators go beside the type in `documents`, each with its explanation.
"""
from __future__ import annotations

import html as html_lib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from pathlib import Path

from . import actors as actors_module
from .blocks import BOILERPLATE
from .citations import UNLISTED_VIA, CountryCounts, Mention, find_mentions, label_verdict, names_an_outlet, names_own_edition, outlet_citation_rows
from .citations import letters_only as _letters_only
from .context import Contribution, DocContext
from .lexicon_csv import fold
from .metadata import PERMISSION_CREDIT_EVIDENCE, TITLE_SECTION_WORDS, TITLE_SEPARATOR, TITLE_SEPARATORS
from .registry import LEGAL_FORM_WORDS, MARKS, alias_key, Outlet, Registry, initials, load_registry as _load_registry, main_label, normalise_host, owner_key, registry_table  # noqa: F401
from .syllables import cmu_syllables

ATTRIBUTION = (
    "Outlet types and codes: State Media Monitor typology via ASD State Media Profiles (MIT), snapshot 2024-02-07. "
    "Credibility: CRED-1 by Alexander Loth (CC BY 4.0), from OpenSources.co and Iffy.news, snapshot 2026-08-04. "
    "Other rows hand-curated, each with the source and date of its label (analysis/data/ATTRIBUTION.md)."
)

FURNITURE_HEAD_LINES = 12
FURNITURE_TAIL_LINES = 25
_NAME_WORDS = r"(?:[Tt]he\s+)?[A-Z][\w.&’'\-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w.&’'\-]*){0,5}"
_NAME = rf"(?P<name>{_NAME_WORDS})"
# A copyright holder may also be the site's domain in lower case ("© vse-diety.com, 2008"): a host name, whole.
_HOST_NAME = r"[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.[a-z]{2,6}(?![\w\-]|\.[a-z])"
_HOLDER = rf"(?P<name>{_HOST_NAME}|{_NAME_WORDS})"
# A rights notice in English, German, Spanish, French, Italian or Portuguese (also RIGHTS_NOTICE_RE's wording).
_RIGHTS_NOTICE = (
    r"(?:(?:all|some)\s+rights\s+reserved|rights\s+reserved|alle\s+rechte\s+vorbehalten|"
    r"todos\s+los\s+derechos\s+reservados|tous\s+droits\s+r[ée]serv[ée]s|tutti\s+i\s+diritti\s+riservati|"
    r"todos\s+os\s+direitos\s+reservados)\b"
)
_JOURNALIST = actors_module.word_alternation(actors_module.JOURNALIST_TITLES)  # "is a reporter for", "Editor at"
_START = r"(?:^|[.!?|•]\s+)"  # a self-reference opens its line or sentence: page furniture speaks in the imperative
# A copyright mark in any case ("©", "(c)", "(C)", "Copyright", "COPYRIGHT"): the one every copyright pattern uses.
COPYRIGHT_MARK_RE = re.compile(r"(?i:©|\(c\)|copyright)")
# Cue words are case-insensitive ((?i:…)); the name itself must be capitalised.
SELF_REFERENCE_PATTERNS = (
    re.compile(rf"{_START}(?i:subscribe (?:now |today )?to )(?:(?i:the|our) )?{_NAME}"),
    re.compile(rf"(?i:notifications from ){_NAME}"),
    re.compile(rf"{_START}(?i:sign up (?:to|for) )(?:(?i:the|our) )?{_NAME}(?:['’]s)? (?i:newsletter|daily|alerts)"),
    re.compile(rf"{_START}(?i:(?:download|get) the ){_NAME} (?i:app)\b"),
    re.compile(rf"{_START}(?i:follow ){_NAME} (?i:on) (?:X|Twitter|Facebook|Telegram|Instagram|YouTube)\b"),
    re.compile(rf"^(?i:follow|work for) {_NAME}$"),
    re.compile(rf"(?i:is an? (?:[\w-]+ ){{0,2}}(?:{_JOURNALIST}) (?:for|at|with) ){_NAME}\.?$"),
    re.compile(rf"^(?i:(?:[\w-]+ ){{0,2}}(?:{_JOURNALIST}) (?:at|for) ){_NAME}\.?$"),
    re.compile(rf"(?i:thank you for (?:reading|supporting) ){_NAME}"),

    re.compile(rf"{_START}(?i:support ){_NAME}(?:['’]s)? (?i:journalism|reporting|work)\b"),
    re.compile(rf"{_START}{_NAME} is (?i:trusted by|reader[- ]funded|funded by|on the ground)"),
    re.compile(rf"{_START}{_NAME} is (?i:part of|published by|owned by|a division of) [A-Z][\w.]*(?: [A-Z][\w.]*)* (?:Inc|LLC|Ltd|plc|Group|Media|Company|Corporation|Network)\b"),
    # A site's own fund drive ("This is a Moon of Alabama fundraiser week."): reader-funded blogs appeal in their furniture.
    # A registry row only (FUND_DRIVE_PATTERN): "This is our Spring Fundraiser" names a season, not a site.
    re.compile(rf"{_START}(?i:this is (?:an? |the |our )?){_NAME}(?:['’]s)? (?i:(?:annual )?(?:fundraiser|fund drive|fundraising (?:week|drive|month)))\b"),
    re.compile(rf"{COPYRIGHT_MARK_RE.pattern}\s*(?:©\s*)?(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?,?\s+{_HOLDER}"),
    re.compile(rf"^{_HOLDER}\s*(?:©|\(c\))\s*(?:19|20)\d\d"),
    # The holder before the years ("© Phys.org 2003 - 2019 powered by Science X Network", "© vse-diety.com, 2008").
    re.compile(rf"{COPYRIGHT_MARK_RE.pattern}\s*{_HOLDER},?\s+(?:19|20)\d\d\b"),
    # No year, but a rights notice closing the holder's name, which tells a site's copyright line from a picture credit
    # ("Copyright © Lighthouse International Patent firm All rights reserved."); the name may hold lower-case words, but
    # no brackets ("The Author(s)") and no "by" ("Photo by Jane Roe").
    re.compile(rf"{COPYRIGHT_MARK_RE.pattern}\s*(?:©\s*)?(?P<name>{_HOST_NAME}|[A-Z](?:(?!\sby\s)[^\n.,;:|©()]){{1,60}}?)[.,]?\s+(?i:{_RIGHTS_NOTICE})"),
)
# Each pattern above matches only lines holding one of its cues, so a line without any cue skips the fourteen
# searches: one cue scan costs less than half of them, and few furniture lines pass it. Inside a match the word
# cues always follow a space or the line start, so they are looked for at word starts only (elsewhere the word
# boundary or the first-letter check fails at once); the cues that may follow a letter are looked for anywhere.
SELF_REFERENCE_WORD_CUES = (
    "subscribe", "sign up", "download", "get the", "follow", "work for", *sorted(actors_module.JOURNALIST_TITLES),
    "you for", "support", "trusted by", "reader", "funded by", "on the ground", "part of", "published by", "owned by",
    "a division of", "fundraiser", "fund drive", "fundraising",
)
SELF_REFERENCE_ANYWHERE_CUES = ("notifications from", "copyright", "©", "(c)")
SELF_REFERENCE_CUE_RE = re.compile(
    rf"\b(?=[{''.join(sorted({cue[0] for cue in SELF_REFERENCE_WORD_CUES}))}])(?:{'|'.join(map(re.escape, SELF_REFERENCE_WORD_CUES))})"
    rf"|{'|'.join(map(re.escape, SELF_REFERENCE_ANYWHERE_CUES))}",
    re.I,
)
# A site offering its own updates ("Completing this poll grants you access to Freedom Outpost updates"): a sign-up
# form the segmentation may leave in the body, so it is looked for in the whole text (when that holds " updates" or
# " alerts" at all), not only in the furniture lines.
UPDATES_OFFER_RE = re.compile(rf"(?i:access to|receive|get) (?:(?i:the|our) )?{_NAME} (?i:updates|alerts)\b")
UPDATES_OFFER_OPENERS = ("access to ", "receive ", "get ")  # what UPDATES_OFFER_RE's matches open with, lower-cased
SELF_REFERENCE_CUES_LOWER = tuple(cue.lower() for cue in SELF_REFERENCE_WORD_CUES + SELF_REFERENCE_ANYWHERE_CUES)
MENU_LINE_WORDS = 6  # a furniture line this short is a menu entry or label ("DH Views", "Jobs at the TU"), not a sentence
# How often a page must name a registry outlet besides its copyright line for that line's company to stand for it: a
# site's masthead, menus and footer repeat its name, while a sister site of the same owner is listed once or twice (a
# link, its logo's text: "Vox" on an SB Nation page, "NBC News" on ProFootballTalk).
MIN_TIMES_NAMED = 3
COPYRIGHT_STRENGTH = 0.6  # a copyright line often names the owning company, not the outlet
FUND_DRIVE_PATTERN = len(SELF_REFERENCE_PATTERNS) - 5  # the pattern before the copyright ones
COPYRIGHT_PATTERNS = frozenset(range(len(SELF_REFERENCE_PATTERNS) - 4, len(SELF_REFERENCE_PATTERNS)))  # the last four
# What a self-reference's name may close with besides the site's own name, dropped from the name it gives: a product
# word ("Politico Newsletters", "CNN App") or a company's legal form (registry.LEGAL_FORM_WORDS, in any case: "Ltd.",
# "PLC"); not after "&" or "and", where it is part of the name ("Dow Jones & Company"), nor after a lone "The".
_LEGAL_FORMS = actors_module.word_alternation(LEGAL_FORM_WORDS)
GENERIC_TAIL_RE = re.compile(
    rf"(?:(?<![&\s])(?<!\band)(?<!^[Tt]he)\s+(?:Newsletters?|Magazine|App|Alerts|Podcast|Daily Briefing|Channel|(?i:{_LEGAL_FORMS})\.?))+$"
)
# Title separators (analysis.metadata.TITLE_SEPARATORS) but the hyphen, which a site name may hold ("Review-Journal").
_NOT_A_NAME_SEPARATOR = "[^" + TITLE_SEPARATORS.replace("-", "")
TITLE_SUFFIX_RE = re.compile(rf"^(?P<head>.{{12,}}?)\s+{TITLE_SEPARATOR}\s+(?P<name>[A-Z0-9]{_NOT_A_NAME_SEPARATOR}]{{1,40}}?)\s*$")
# A brand written in lower case closing a title ("… for Publishers | my6sense", "… - iMore"): one word holding a figure
# or a capital after its first letter, which no headline's closing word in lower case does ("- updated", "| opinion").
TITLE_BRAND_SUFFIX_RE = re.compile(rf"^(?P<head>.{{12,}}?)\s+{TITLE_SEPARATOR}\s+(?P<name>[a-z]+(?:[0-9A-Z][a-z0-9]*)+)\s*$")
# A section label some sites put after their name in the title ("Headline | Bangkok Post: news", "… - CNN - World"):
# only a label made wholly of metadata.TITLE_SECTION_WORDS is dropped, so a headline fragment is never read as a section.
# A site name opening a page-title line ("The Space Review: Seeking a bigger role …"): capitalised words, a colon,
# a headline of three words or more. Most such prefixes are topics ("Hungary: Orbán meets Putin", "Fact Check: …"),
# so one names the publisher only when it is a registry outlet or the page's furniture repeats it as a site name (its
# domain), and only in a title that names no site at its end (any " - site" tail, "- oregonlive.com" too).
TITLE_PREFIX_RE = re.compile(r"^(?P<name>[A-Z][\w.&’'\-]*(?: [A-Z][\w.&’'\-]*){0,4}):\s+(?P<head>\S+(?:\s+\S+){2,}.*)$")
HTML_TITLE_RE = re.compile(r"<title[^>]*>([^<]{1,300})</title>", re.I)
ANY_TITLE_SUFFIX_RE = re.compile(rf"\s{TITLE_SEPARATOR}\s+{_NOT_A_NAME_SEPARATOR}\s]{_NOT_A_NAME_SEPARATOR}]{{0,40}}$")
TITLE_SECTION_RE = re.compile(rf"^(?P<rest>.+?)(?::\s+|\s+{TITLE_SEPARATOR}\s+)(?P<section>[^\W\d_]+(?: [^\W\d_]+){{0,2}})\s*$")
# A footer line opening with the site's name and the years of its copyright, the mark left out or lost in the
# extraction ("Como Educar Seus Filhos · 2013–2019", "… · 20132019"): a span of years, not one (a season, an edition).
# Used with .match at a line start.
FOOTER_YEARS_RE = re.compile(rf"{_NAME}\s*[·|•]\s*(?:©\s*)?(?P<first>(?:19|20)\d\d)\s*[-–—]?\s*(?P<last>(?:19|20)\d\d)\b")
# A host name written as one in page furniture: an e-mail address's domain ("E-Mail: stats@catchitkansas.com"), a host
# after "http(s)://" or opening with "www.", or one before a path ("catchitkansas.com/a?a=474349633"); a word with a full
# stop inside ("e.g.", "logo.png") is none of these.
_HOST = r"[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.[a-z]{2,6}"
FURNITURE_HOST_RE = re.compile(
    rf"[\w.+\-]@(?P<mail>{_HOST})(?![\w\-])|(?:https?://|(?<![\w.@/\-])(?=www\.))(?P<host>{_HOST})(?![\w\-])|(?<![\w.@/\-])(?P<path>{_HOST})(?=/)",
    re.I,
)
# A credit before a domain on its line ("Source: www.x.com/…", "Originally published at …", "Photo courtesy of …"):
# another outlet's domain, not the page's own.
HOST_CREDIT_CUE_RE = re.compile(r"\b(?:source|sources|via|credit|credits|courtesy|originally|republished|reprinted|appeared)\b", re.I)
MIN_HOST_LINES = 2  # furniture lines that must name a domain for it to be the site's own: its contact lines, links, footer
# Words a site's name joins in its domain besides capitalised ones ("Moon of Alabama" -> moonofalabama.org).
JOINED_NAME_SMALL_WORDS = frozenset({"of", "the", "and", "on", "in", "for"})
CREDIT_LINE_RE = re.compile(
    r"(?:^|[.!?]\s+)(?P<cue>source attribution|image source(?: from)?|originally (?:published|appeared) (?:by|in|on|at)|"
    r"republished from|this (?:article|story) (?:first )?appeared (?:in|on|at)|source)\s*[:\-–—]\s*(?P<name>[^\n.;]{2,80})",
    re.I,
)
CREDIT_LINE_WORDS = ("source", "originally", "republished", "appeared")  # every CREDIT_LINE_RE cue holds one
CONTENT_CREDIT_RE = re.compile(
    r"(?i:source attribution|image source(?: from)?|originally (?:published|appeared)(?: (?:by|in|on|at))?|republished (?:from|with permission)|"
    r"first published(?: (?:by|in|on|at))?|provided by|this (?:article|story) (?:first )?appeared (?:in|on|at))\s*[:\-–—]?\s*(?:[\w.\-’'/]+\s*){0,4}$"
)
# A syndication credit: "Via SyndiGate.info" (a syndication service that distributes other outlets' articles), with the
# original publisher's copyright on the same line or the next ("Copyright @ 2019 The New Arab.", "© The New Arab").
SYNDICATION_LINE_RE = re.compile(r"^[ \t]*(?i:via|distributed by|syndicated by)[ \t]+(?P<rest>[^\n]{2,160})$", re.M)
SYNDICATOR_RE = re.compile(r"^(?P<name>[\w\-]+(?:\.[\w\-]+)+|[A-Z][\w.&’'\-]*(?: [A-Z][\w.&’'\-]*){0,3})\.?$")
# "@" only after "Copyright" (a typo for ©): alone it opens a social-media handle.
ORIGINAL_COPYRIGHT_RE = re.compile(
    rf"^(?:(?i:copyright)\s*(?:©|@|\((?i:c)\))?|{COPYRIGHT_MARK_RE.pattern})\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?,?\s+)?" + _NAME
)
WIRE_DATELINE_RE = re.compile(r"^[A-Z][A-Za-z .,'’\-]{1,60}\((?P<name>Reuters|AP|AFP|dpa|Bloomberg|TASS|Xinhua|Interfax|UPI|EFE|ANSA)\)\s*[-–—]")
# Any outlet credited in a dateline at the start of the body, the house style of some sites ("WASHINGTON, D.C., February
# 12, 2018 (LifeSiteNews) –", "(CNN) —"): an optional place and date, the name in brackets, a dash. The name must be a
# registry row's, so a bracketed aside ("(PDF) –") names nothing, and a sentence of six words or more must follow on the line
# (a menu's "United States (English) -" is a language switch).
# An en or em dash may touch the sentence ("(LifeSiteNews) —His Excellency"); a hyphen may not ("(ISIS)-linked").
DATELINE_CREDIT_RE = re.compile(r"^(?:[A-Z][\w .,'’/\-]{1,80}?\s)?\((?P<name>[A-Z][\w.&’'\-]*(?: [A-Z][\w.&’'\-]*){0,4})\)\s*(?:[-–—]\s+|[–—](?=\w))(?=(?:\S+\s+){5}\S)")
# A line of running prose: six words or more closed by a sentence's end. More than OPENING_PROSE_LINES of them above a
# dateline credit make it a quoted report's lede (a standfirst under the headline is one or two sentences).
OPENING_PROSE_RE = re.compile(r"^(?:\S+\s+){5,}.*[.!?…][”\"’')\]]?$")
OPENING_PROSE_LINES = 2
# A credit line naming the site a text was posted on ("Posted on LifeSiteNews"): the whole line, at the head or foot of
# the text. Mid-text, or closed by a colon, the same words introduce something quoted from that site, not this page.
POSTED_ON_RE = re.compile(r"^(?i:posted (?:on|at|to)) (?P<name>[A-Z][\w.&’'\-]*(?: [A-Z][\w.&’'\-]*){0,4})\.?$")
HOST_NAME_RE = re.compile(r"[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,6}")
POSTED_ON_LINES = 3  # how many of the first and of the last lines of a text a credit line may be
GOVERNMENT_DOMAIN_RE = re.compile(r"(?:^|\.)(?:gov|gob|gouv|gv|govt|government|mil)(?:\.[a-z]{2})?$|\.gov\.[a-z]{2,3}$|^kormany\.hu$|^kremlin\.ru$")

ANONYMOUS_PATTERNS: tuple[tuple[str, re.Pattern], ...] = tuple(
    (label, re.compile(pattern, re.I))
    for label, pattern in (
        ("reports indicate", r"\b(?:reports?|media reports?|news reports?) (?:indicate|indicated|suggest|suggested|say|said|claim|claimed|show|showed)\b"),
        ("according to reports", r"\baccording to (?:media |news |some |unconfirmed )?reports\b"),
        ("sources say", r"\b(?:sources?|insiders?) (?:say|said|says|told|tell|claim|claimed|close to|familiar with|with knowledge)\b"),
        ("according to sources", r"\baccording to (?:a |an |two |three |several |multiple |unnamed |anonymous )?(?:sources?|insiders?)\b"),
        ("people familiar with", r"\b(?:people|persons|officials?|someone) (?:familiar with|with (?:direct )?knowledge of|briefed on)\b"),
        ("on condition of anonymity", r"\b(?:on (?:the )?condition of anonymity|speaking anonymously|declined to be (?:named|identified)|asked not to be (?:named|identified))\b"),
        ("unnamed official", r"\b(?:unnamed|anonymous|unidentified) (?:sources?|officials?|diplomats?|insiders?|persons?|people)\b"),
        ("it is reported", r"\bit (?:is|was|has been) (?:reported|claimed|said|believed|understood|rumou?red)\b"),
        ("reportedly", r"\b(?:reportedly|allegedly|purportedly)\b"),
        ("some say", r"\b(?:some|many|critics|observers|experts|analysts|officials) (?:say|said|believe|believed|argue|argued|claim|claimed)\b"),
    )
)
NOT_NAMED_SOURCES = frozenset(
    {"source", "sources", "officials", "official", "reports", "report", "critics", "experts", "analysts", "observers",
     "insiders", "diplomats", "some", "many", "others", "people"}
    | {"hungarian", "russian", "american", "british", "ukrainian", "german", "french", "chinese", "turkish", "european",
       "western", "estonian", "polish", "swiss", "italian", "spanish"}
)
# The letters an anonymous-sourcing phrase can start with (tests/test_outlets.py checks them against the patterns).
ANONYMOUS_FIRST_LETTERS = "acdeimnoprsu"


def _one_pass_re(patterns: tuple[tuple[str, re.Pattern], ...], first_letters: str) -> re.Pattern:
    """One case-insensitive regex for all `patterns` (each starting with \\b), alternative i named "a<i>".

    One pass over the text instead of one per pattern. The shared word boundary is tested once, then a
    look-ahead on the possible first letters, so most positions fail before any alternative is tried:
    about five times faster on news text than the plain alternation, with the same matches."""
    alternatives = []
    for i, (_, pattern) in enumerate(patterns):
        if not pattern.pattern.startswith(r"\b"):
            raise ValueError(f"anonymous-sourcing pattern {pattern.pattern!r} must start with \\b")
        alternatives.append(f"(?P<a{i}>{pattern.pattern[2:]})")
    return re.compile(rf"\b(?=[{first_letters}])(?:{'|'.join(alternatives)})", re.I)


ANONYMOUS_RE = _one_pass_re(ANONYMOUS_PATTERNS, ANONYMOUS_FIRST_LETTERS)
ANONYMOUS_LABELS = {f"a{i}": label for i, (label, _) in enumerate(ANONYMOUS_PATTERNS)}
# The lower-cased first words of every phrase ANONYMOUS_RE can match (tests/test_outlets.py spells out every
# phrase of every pattern to check them), and the marks that join words into one token ("Russia’s").
ANONYMOUS_FIRST_WORDS = frozenset(
    "reports report media news according sources source insiders insider people persons officials official someone on"
    " speaking declined asked unnamed anonymous unidentified it reportedly allegedly purportedly some many critics"
    " observers experts analysts".split()
)
APOSTROPHES = ("'", "’")
# re.IGNORECASE equates these with ASCII letters (İ and ı with i, ſ with s, the Kelvin sign with k) although
# str.lower() does not turn them into those letters; found by trying every code point against every letter.
CASE_FOLDING_SPECIALS = ("\u0130", "\u0131", "\u017f", "\u212a")
MIN_QUOTE_WORDS = 3  # shorter quotations are scare quotes or terms ("worrying"), not statements
SPEECH_VERBS = frozenset(actors_module.NEUTRAL_VERBS) | frozenset(getattr(actors_module, "CHARACTERISING_VERBS", {})) | {"according"}
WORD_CHARS_RE = re.compile(r"\w+")
PRONOUN_OR_ROLE_RE = re.compile(r"\b(?:he|she|they|the (?:[\w-]+ ){0,3}(?:leader|president|minister|diplomat|politician|official|spokesman|spokeswoman|ambassador|envoy|chancellor|secretary))\b", re.I)


def load_registry(path=None) -> Registry:
    """The outlet registry (analysis/data/outlets.csv, or the given file)."""
    return _load_registry(path)


@dataclass
class Identification:
    """The publisher as identified, with every piece of evidence considered."""

    outlet: Outlet | None = None
    name: str = ""
    domain: str = ""
    confidence: float = 0.0
    evidence: list[str] = field(default_factory=list)
    credited: list[str] = field(default_factory=list)
    syndications: list[Syndication] = field(default_factory=list)


def _furniture_ranges(context: DocContext) -> list[tuple[int, int]]:
    """Lines where a page names itself: boilerplate blocks, and the first and last lines of the text."""
    lines = context.tokens.line_spans
    picked = set(lines[:FURNITURE_HEAD_LINES] + lines[-FURNITURE_TAIL_LINES:])
    # Lines are in text order and do not overlap, so those lying inside a block are one run, found by
    # bisection (a page of furniture has hundreds of lines and of blocks: trying every line for every block
    # cost ~0.9 ms a page).
    line_starts, line_ends = list(map(itemgetter(0), lines)), list(map(itemgetter(1), lines))
    for block in context.segmentation.blocks:
        if block.kind == BOILERPLATE:
            picked.update(lines[bisect_left(line_starts, block.start):bisect_right(line_ends, block.end)])
    return sorted(picked)


def _lowered(text: str) -> str | None:
    """text.lower() when a case-insensitive pattern made of ASCII letters and other caseless characters can
    match only where its lower-cased text occurs in it, at the same offsets; None when `text` holds a
    character for which that fails (CASE_FOLDING_SPECIALS), so the caller scans with its regex alone."""
    if any(special in text for special in CASE_FOLDING_SPECIALS):
        return None
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def _occurrences(lowered: str, needles: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of each needle in `lowered`, sorted."""
    found = []
    for needle in needles:
        at = lowered.find(needle)
        while at >= 0:
            found.append((at, at + len(needle)))
            at = lowered.find(needle, at + 1)
    return sorted(found)


def _tidy(text: str) -> str:
    """One-line text for evidence strings (no-break spaces and newlines become plain spaces)."""
    return re.sub(r"\s+", " ", text).strip()


# Words a self-reference's name may close with that _lookup drops, one by one, to find a registry name ("RT World
# News" -> RT): generic site and section words, and the legal forms (registry.LEGAL_FORM_WORDS, also with a full stop).
GENERIC_TAIL_WORDS = frozenset(
    "news world online digital media network group newsletter newsletters magazine app alerts podcast channel website site "
    "live politics business sport sports tech technology science health entertainment opinion international now".split()
) | LEGAL_FORM_WORDS | {word + "." for word in LEGAL_FORM_WORDS}
NOT_A_NAME = frozenset(
    "email e-mail mailing newsletter newsletters our copyright experience updates breaking free premium digital print home "
    "access all this your us me notifications manage more daily weekly top latest she he it they we that".split()
)


# A copyright line's rights notice, which may follow the name without a full stop between them
# ("© 2019 POLYGRAPH.info All Rights Reserved."): the usual wording in English, German, Spanish, French,
# Italian and Portuguese (and "Rights Reserved" alone).
RIGHTS_NOTICE_RE = re.compile(rf"[\s,.;:–—-]+{_RIGHTS_NOTICE}", re.I)


def _clean_self_name(name: str, after: str = "") -> str:
    """'CNBC LLC. All Rights Reserved. A' -> 'CNBC LLC'; 'POLYGRAPH.info All Rights Reserved.' -> 'POLYGRAPH.info';
    'Inexhibit’s' -> 'Inexhibit'. `after` is the line's text after the name: a notice whose lower-case words the
    name left out ("Danube Ledger Alle Rechte" + " vorbehalten") is cut too."""
    notice = RIGHTS_NOTICE_RE.search(name + after)
    if notice and notice.start() < len(name):
        name = name[:notice.start()]
    name = re.split(r"\.\s|,\s|\s[|•(]", name.strip())[0]
    return re.sub(r"['’]s$", "", name.strip(" .,:;-–—\"“”'"))


def _self_name(raw: str, after: str = "", registry: Registry | None = None, countries: CountryCounts | None = None) -> str | None:
    """The name a page gives itself (or an original publisher) in a furniture line, cleaned (_clean_self_name), or
    None when it is no name ("Our Newsletter", "Email updates": NOT_A_NAME opens it) and, given the `registry`,
    not the name of one of its outlets either ("Daily Mail", "All Africa" open with such words)."""
    name = _clean_self_name(raw, after)
    if not name:
        return None
    if name.split()[0].lower() in NOT_A_NAME and (registry is None or _lookup(registry, name, countries) is None):
        return None
    return name


def _lookup(registry: Registry, name: str, countries: CountryCounts) -> Outlet | None:
    """The registry row a name refers to, also after dropping generic trailing words ('RT World News' -> 'RT').

    A name that is the recorded owner of the row found that way ('Vox Media' for Vox; 'Forbes Media' for Forbes, owned
    by Forbes Media LLC: compared by registry.owner_key) names the company, which may publish other sites, so it is not
    taken for the outlet (_lookup_or_owned says which)."""
    return _lookup_or_owned(registry, name, countries)[0]


def _lookup_or_owned(registry: Registry, name: str, countries: CountryCounts) -> tuple[Outlet | None, tuple[str, Outlet] | None]:
    """(_lookup's row, None), or, when `name` is the owner of the row its shortened form names ("Nikkei Inc." of Nikkei),
    (None, (that shortened name, the row))."""
    name = re.sub(r"['’]s$", "", name.strip(" .,:;-–—\"“”'"))
    outlet = (registry.lookup_name(name, countries) or registry.lookup_joined(name.split())) if name else None
    words = name.split()
    while outlet is None and len(words) > 1 and words[-1].lower().strip(",") in GENERIC_TAIL_WORDS:
        words = words[:-1]
        shortened = " ".join(words).strip(" ,&")
        outlet = registry.lookup_name(shortened, countries)
        if outlet is not None and _owned_by(outlet, name):
            return None, (shortened, outlet)
    return outlet, None


EDITION_NAMES_PATH = Path(__file__).resolve().parent / "data" / "edition_names.txt"
# Short forms of country names that editions go by ("HuffPost UK", "Vice US"), which CLDR's territory names are not.
EDITION_SHORT_FORMS = frozenset({"uk", "us", "usa"})
# The preposition a language edition's name may put before the language ("CNN en Español", "Euronews em português").
EDITION_PREPOSITIONS = frozenset({"en", "em", "in", "auf", "na"})
GENERIC_TLDS = frozenset({"com", "net", "org"})  # top-level domains of no one country, where international brands live
EDITION_NAME_WORDS = 3  # the longest country or language name an edition adds ("Caribisch Nederland", "en Español")


@lru_cache(maxsize=1)
def edition_names() -> frozenset[str]:
    """Folded names an outlet's national or language edition adds to its name: the English country names
    (analysis/data/countries.txt), the countries' own-language names and the languages' names (edition_names.txt,
    from the Unicode CLDR: see edition_names.md), and EDITION_SHORT_FORMS."""
    with EDITION_NAMES_PATH.open(encoding="utf-8") as handle:
        own = {fold(line.strip()) for line in handle if line.strip() and not line.startswith("#")}
    return frozenset(own) | actors_module.country_names() | EDITION_SHORT_FORMS


def _edition(registry: Registry, name: str, host: str, countries: CountryCounts) -> tuple[Outlet, str] | None:
    """(row, edition) when `name` is a registry outlet's name followed by a country's or a language's name ("Business
    Insider Deutschland", "HuffPost en Español") and the page's domain `host` confirms it; else None.

    The domain confirms it when it has the main label of one of the row's domains under a generic top-level domain
    (businessinsider.de beside businessinsider.com): an international brand's home is a .com, and a paper at home under
    its country's domain (independent.co.uk, guardian.co.uk) has unrelated namesakes abroad ("The Independent" of
    Uganda at independent.co.ug). For the same reason a name of one English word beside "The" ("The Star", "The Sun",
    cmu_syllables' words) is no edition's. Without the domain, a name so built may be another publisher's (a licensee's
    magazine, a namesake abroad), and is not read."""
    words = name.split()
    label = main_label(host) if host else ""
    if len(words) < 2 or not label:
        return None
    for i in range(max(1, len(words) - EDITION_NAME_WORDS), len(words)):
        tail = words[i:]
        place = tail[1:] if len(tail) > 1 and tail[0].casefold() in EDITION_PREPOSITIONS else tail
        if fold(" ".join(place)) not in edition_names():
            continue
        base = words[:i]
        own = base[1:] if base[0].casefold() == "the" else base
        if len(own) == 1 and fold(own[0]) in cmu_syllables():
            continue  # a newspaper's one-word title, borne by papers in many countries
        outlet = registry.lookup_name(" ".join(base), countries)
        if outlet is not None and any(main_label(domain) == label and domain.rsplit(".", 1)[-1] in GENERIC_TLDS
                                      for domain in outlet.domains):
            return outlet, " ".join(tail)
    return None


def _owned_by(outlet: Outlet, company: str) -> bool:
    """Whether `company` is the registry's owner of `outlet`, compared by registry.owner_key ("Nikkei Inc." of Nikkei)."""
    return bool(outlet.owner) and owner_key(outlet.owner) == owner_key(company)


def _title_site_name(line: str) -> str | None:
    """The site name closing a title line, if any: "Headline | VentureBeat" -> "VentureBeat", also a brand written
    in lower case ("Headline | my6sense")."""
    match = TITLE_SUFFIX_RE.match(line) or TITLE_BRAND_SUFFIX_RE.match(line)
    if match and len(match.group("head").split()) >= 3:
        return match.group("name").strip()
    return None


def _is_section_label(text: str) -> bool:
    """Whether a title part is only section words ("news", "Breaking News", "UK News")."""
    words = text.split()
    return bool(words) and all(word.lower() in TITLE_SECTION_WORDS for word in words)


def _title_suffix(context: DocContext) -> tuple[str, str, bool] | None:
    """The site name closing a page-title line ("Headline | VentureBeat", "Headline — RT World News"):
    (name, line, whether a section label was dropped: then only a registry outlet counts).

    A section label after the name ("Headline | Bangkok Post: news", "Headline - CNN - World") or between
    headline and name ("Headline - Breaking News - The Jerusalem Post") is dropped; the name must still follow
    a title separator, so the section rule alone never makes a name."""
    text = context.document.text
    for start, end in context.tokens.line_spans[:3]:
        line = text[start:end]
        section = TITLE_SECTION_RE.match(line.rstrip())
        if section and _is_section_label(section.group("section")):
            name = _title_site_name(section.group("rest"))
            if name and not _is_section_label(name):
                return name, line, True
        name = _title_site_name(line)
        if name and " - " in name:
            # "Headline - Breaking News - The Jerusalem Post": the section label may also come before the name.
            label, last = name.rsplit(" - ", 1)
            if _is_section_label(label) and not _is_section_label(last):
                return last.strip(), line, True
        if name:
            return name, line, False
    return None


def _html_title(html: str) -> str:
    """The text of an HTML page's <title> element, unescaped, on one line ("" when it has none)."""
    match = HTML_TITLE_RE.search(html) if html else None
    return _tidy(html_lib.unescape(match.group(1))) if match else ""


def _title_lines(context: DocContext) -> Iterator[str]:
    """The text's first three lines, then the HTML page's <title> (read only when asked for)."""
    text = context.document.text
    for start, end in context.tokens.line_spans[:3]:
        yield text[start:end].strip()
    yield _html_title(context.document.html)


def _title_prefix(context: DocContext) -> tuple[str, str] | None:
    """(name, line) for the words before the colon of the first page-title line that has them ("The Space Review: …"):
    the text's first lines, then, for an HTML page, its <title>, which its text may leave out (the headline shown is an
    <h1> without the site's name)."""
    for line in _title_lines(context):
        match = TITLE_PREFIX_RE.match(line)
        if match:
            return (match.group("name"), line) if not ANY_TITLE_SUFFIX_RE.search(line) else None
    return None


def _site_domain_in_furniture(context: DocContext, name: str, furniture: list[tuple[int, int]]) -> bool:
    """Whether the page's furniture holds a domain or e-mail address named after `name`
    ("jeff@thespacereview.com", "www.spacereview.org" for The Space Review); `furniture` is _furniture_ranges(context)."""
    letters = _letters_only(name)
    stems = {letters, re.sub(r"^the", "", letters)} - {""}
    domain = re.compile(rf"(?<![\w\-])(?:{'|'.join(map(re.escape, sorted(stems)))})\.[a-z]{{2,}}\b", re.I)
    text = context.document.text
    return any(domain.search(text, start, end) for start, end in furniture)


def _cue_lines(text: str, lowered: str | None, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The `lines` (start, end) in which SELF_REFERENCE_CUE_RE finds a cue (`lowered` is _lowered(text)).

    Its match is a cue written in any case, so a line without any cue in the lower-cased text cannot
    match: a few substring searches leave the regex (tried at every word) only the few lines that hold a
    cue word, which it then confirms. The searches run over the lines alone, joined by line breaks (no cue
    holds one, so each cue found lies inside one line): searching the whole text for the 33 cues cost ~0.13 ms
    a document, the furniture lines alone ~0.10 ms (synthesised news, ~33 furniture lines a page)."""
    if lowered is None:
        return [(start, end) for start, end in lines if SELF_REFERENCE_CUE_RE.search(text[start:end])]
    line_texts = [lowered[start:end] for start, end in lines]
    cue_starts = [start for start, _ in _occurrences("\n".join(line_texts), SELF_REFERENCE_CUES_LOWER)]
    picked = []
    offset = 0  # where the line starts in the joined text
    for (start, end), line_text in zip(lines, line_texts):
        at = bisect_left(cue_starts, offset)
        offset += len(line_text) + 1
        if at < len(cue_starts) and cue_starts[at] < offset and SELF_REFERENCE_CUE_RE.search(text[start:end]):
            picked.append((start, end))
    return picked


def _self_references(context: DocContext, registry: Registry, countries: CountryCounts, mentions: list[Mention],
                     others: tuple[int, ...], suffix: tuple[str, str, bool] | None, lowered: str | None) -> list[tuple[Outlet | None, str, str, float]]:
    """(outlet or None, name as written, the line, strength) for each place where the page names itself.

    Strength: a site name closing the title line 0.85, furniture phrases 0.8, copyright lines 0.6
    (they often name the owning company, not the outlet). An unregistered title-line name counts only
    when the page repeats it elsewhere, so a headline with a dash is not taken for a site name; one read
    before a dropped section label ("Headline - Prayuth: news") counts only when it is a registry outlet. A line holding
    one of the offsets `others` is another outlet's (a syndicated text's original copyright): no self-reference.
    `suffix` is _title_suffix(context), read once per document; `lowered` is _lowered(text)."""
    text = context.document.text
    found: list[tuple] = []  # (outlet, name, line, strength), and what was matched when the line alone does not say
    holders: list[tuple[int, int, int, str]] = []  # unregistered copyright holders: (index in found, line start, line end, name)
    furniture = _furniture_ranges(context)
    suffix_found = None  # a title-line name awaiting another self-reference's word that it is the site's
    if suffix:
        name, line, sectioned = suffix
        # "CNNPolitics" -> "CNN Politics", so the generic section word can be dropped for the look-up.
        spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name)
        outlet = _lookup(registry, name, countries) or _lookup(registry, spaced, countries)
        recurs = not sectioned and text.count(name) >= 2  # as re.findall counts: occurrences that do not overlap
        # "Headline | Deccan Herald" with "DH Views", "DH Wheels" in the menus: a site's name is repeated by its initials too.
        abbreviated = "" if recurs or sectioned or outlet is not None else _initials_repeated(name, text, furniture)
        if outlet is None and _is_section_label(name.split()[-1]) and not _site_domain_in_furniture(context, name, furniture):
            # "Headline - Auto News": a name closed by a section word may be a section's, which the page repeats as
            # much as a site's name ("- Next Auto News"); only the site's domain in the furniture, or another
            # self-reference naming it ("Live Science is part of Future US Inc", checked below), tells the site.
            suffix_found = (outlet, name, _tidy(line)[:120], 0.85) if recurs else None
        elif outlet is not None or ((recurs or abbreviated) and name.split()[0].lower() not in NOT_A_NAME):
            found.append((outlet, name, _tidy(line)[:120], 0.85) + ((abbreviated,) if abbreviated else ()))
    prefix = None if suffix else _title_prefix(context)
    if prefix:
        name, line = prefix
        outlet = registry.lookup_name(name, countries)
        if outlet is not None and outlet.kind != "outlet":
            outlet = None  # "Reuters: …", "Kremlin: …": an agency or body a headline quotes, not the site
        if outlet is not None or (name.split()[0].lower() not in NOT_A_NAME and _site_domain_in_furniture(context, name, furniture)):
            found.append((outlet, name, _tidy(line)[:120], 0.8))
    for start, end in _cue_lines(text, lowered, furniture):
        if any(start <= other < end for other in others):
            continue
        line = text[start:end]
        for number, pattern in enumerate(SELF_REFERENCE_PATTERNS):
            match = pattern.search(line)
            if not match:
                continue
            raw = _self_name(match.group("name"), line[match.end("name"):], registry, countries)
            if raw is None:
                continue
            outlet, owned = _lookup_or_owned(registry, raw, countries)
            name = GENERIC_TAIL_RE.sub("", raw) or raw
            if owned is not None and alias_key(owned[0]) == alias_key(name):
                # "Nikkei Inc.": the company that owns Nikkei, as written; not Nikkei, nor a site of that name. Cut to
                # another name ("Forbes Media Company" -> "Forbes Media", not Forbes), it names the company.
                name = raw
            elif outlet is None:
                # A registry name written as one token ("hungarianconservative") is found by the mention scan;
                # it must be the whole name, so "CBS Interactive" is not taken for CBS News.
                inside = [m for m in mentions if m.outlet and start + match.start("name") <= m.start < start + match.end("name")
                          and _letters_only(m.surface) == _letters_only(name)]
                outlet = inside[0].outlet if inside else (_own_domain_on_line(mentions, start, end, raw) or _joined_label_outlet(registry, name))
            if outlet is None and number == FUND_DRIVE_PATTERN:
                continue
            strength = COPYRIGHT_STRENGTH if number in COPYRIGHT_PATTERNS else 0.8
            if outlet is None and number in COPYRIGHT_PATTERNS:
                holders.append((len(found), start, end, raw))
            found.append((outlet, name, _tidy(line)[:120], strength))
            break
    for start, end, name in _footer_years(context, furniture):
        outlet = _lookup(registry, name, countries) or _joined_label_outlet(registry, name)
        if outlet is None:
            holders.append((len(found), start, end, name))
        found.append((outlet, name, _tidy(text[start:end])[:120], COPYRIGHT_STRENGTH))
    found += _updates_offers(context, registry, countries, lowered)
    if suffix_found is not None and any(_letters_only(s[1]) == _letters_only(suffix_found[1]) for s in found):
        found.insert(0, suffix_found)
    if holders and all(s[0] is None and s[3] == COPYRIGHT_STRENGTH for s in found):
        # Only unregistered copyright holders name the page: one may be the company behind a registry outlet.
        spans = [(start, end) for _, start, end, _ in holders]
        for index, _, _, holder in holders:
            resolved = _holder_outlet(text, registry, holder, spans)
            if resolved is not None:
                found[index] = (resolved[0],) + found[index][1:4] + (resolved[1],)
    return found


def _joined_label_outlet(registry: Registry, name: str) -> Outlet | None:
    """The one registry row whose domain's main label is a page's name for itself written without spaces, small words
    and all ("Moon of Alabama" -> moonofalabama.org), as registry.lookup_joined finds it for capitalised words only."""
    words = name.split()
    if sum(word[:1].isupper() for word in words) < 2 or not all(
            word.isalpha() and (word[:1].isupper() or word in JOINED_NAME_SMALL_WORDS) for word in words):
        return None
    found = registry.by_label.get("".join(words).casefold())
    return registry.outlets[found[0]] if found and len(found) == 1 else None


def _footer_years(context: DocContext, furniture: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(line start, line end, name) for each furniture line among the text's last lines that opens with a name and a
    span of years (FOOTER_YEARS_RE), when the text writes that name elsewhere too (in any case): a site's footer
    credit, which its pages repeat, not a heading that happens to carry years."""
    text = context.document.text
    tail = set(context.tokens.line_spans[-FURNITURE_TAIL_LINES:])
    found = []
    for start, end in furniture:
        if (start, end) not in tail:
            continue
        match = FOOTER_YEARS_RE.match(text, start, end)
        if match is None or not match.group("first") < match.group("last"):
            continue
        name = _clean_self_name(match.group("name"))
        if (name and name.split()[0].lower() not in NOT_A_NAME and not _is_section_label(name)
                and len(re.findall(re.escape(name), text, re.I)) >= 2):
            found.append((start, end, name))
    return found


def _furniture_host(context: DocContext, registry: Registry) -> tuple[str, Outlet | None, list[str]] | None:
    """(domain, its registry row or None, the lines naming it) for the domain the page's boilerplate names on the most
    lines, MIN_HOST_LINES or more and more than any other, both in an e-mail address and as a link: a site's contact
    lines and footer name its own domain ("E-Mail: stats@catchitkansas.com", "catchitkansas.com/a?a=474349633").
    Links alone may be a service's (a link shortener's "po.st/…" on every share line, "www.djreprints.com" in a
    reprints notice), an address alone a webmail provider's. Platforms and agencies are left out (share buttons,
    picture credits), as are credit blocks and credit lines, which name another outlet's domain."""
    text = context.document.text
    lines: dict[str, set[int]] = {}  # main label -> furniture lines naming it
    hosts: dict[str, list[str]] = {}  # main label -> its host names as written, in text order
    linked: set[str] = set()  # main labels written at least once as a link
    mailed: set[str] = set()  # main labels written at least once in an e-mail address
    for block in context.segmentation.blocks:
        if block.kind != BOILERPLATE or block.category == "credit_attribution":
            continue
        for match in FURNITURE_HOST_RE.finditer(text, block.start, block.end):
            host = normalise_host(match.group("mail") or match.group("host") or match.group("path"))
            label = main_label(host)
            line_start = text.rfind("\n", 0, match.start()) + 1
            if not label or HOST_CREDIT_CUE_RE.search(text, line_start, match.start()):
                continue
            looked = registry.lookup_domain(host)
            if looked and looked[0].kind in ("platform", "agency"):
                continue
            lines.setdefault(label, set()).add(line_start)
            hosts.setdefault(label, []).append(host)
            (mailed if match.group("mail") else linked).add(label)
    ranked = sorted(((len(starts), label) for label, starts in lines.items()), reverse=True)
    if not ranked or ranked[0][0] < MIN_HOST_LINES or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    if ranked[0][1] not in linked or ranked[0][1] not in mailed:
        return None
    label = ranked[0][1]
    host = min(hosts[label], key=lambda h: (len(h), hosts[label].index(h)))  # "catchitkansas.com" before "stats.catchitkansas.com"
    looked = registry.lookup_domain(host)
    shown = [_tidy(text[start:text.find("\n", start) if "\n" in text[start:] else len(text)])[:80] for start in sorted(lines[label])[:3]]
    return host, looked[0] if looked else None, shown


def _initials_repeated(name: str, text: str, furniture: list[tuple[int, int]]) -> str:
    """What the page's menus repeat of a site name's initials, as whole words on short furniture lines (`furniture`,
    _furniture_ranges) at least twice ("DH" for Deccan Herald in "DH Views", "DH Wheels"), said for the evidence; ""
    when they do not. A sentence does not count: a headline's closing words abbreviated in its text ("- European
    Union", "The EU said") are a topic, not the site."""
    letters = initials(name)
    if not letters:
        return ""
    starts = [start for start, _ in furniture]
    times = 0
    for match in re.finditer(rf"(?<!\w){letters}(?!\w)", text):
        at = bisect_right(starts, match.start()) - 1
        if at >= 0 and match.end() <= furniture[at][1]:
            times += len(text[furniture[at][0]:furniture[at][1]].split()) <= MENU_LINE_WORDS
    return f"the page's menus repeat its initials '{letters}' {times} times" if times >= 2 else ""


def _times_named(text: str, outlet: Outlet, skip: list[tuple[int, int]]) -> int:
    """How often `text` names `outlet` (its name or an alias as written, or a domain) outside the `skip` spans."""
    names = sorted({alias.lstrip(MARKS) for alias in (outlet.name, *outlet.aliases, *outlet.text_aliases)} - {""}, key=len, reverse=True)
    found = [m.start() for m in re.finditer(rf"(?<!\w)(?:{'|'.join(map(re.escape, names))})(?!\w)", text)]
    if outlet.domains:
        found += [m.start() for m in re.finditer(rf"(?<![\w.-])(?:{'|'.join(map(re.escape, outlet.domains))})(?![\w-])", text, re.I)]
    return sum(1 for at in set(found) if not any(start <= at < end for start, end in skip))


def _holder_outlet(text: str, registry: Registry, holder: str, skip: list[tuple[int, int]]) -> tuple[Outlet, str] | None:
    """The registry outlet an unregistered copyright holder stands for, with what was matched: a row whose owner field
    is that company ("Forbes Media LLC"), or whose name's initials open the holder's name ("NYP Holdings" for New
    York Post), and which the page names MIN_TIMES_NAMED times or more outside its copyright lines (`skip`); None unless
    exactly one row qualifies (a company owning several outlets names none of them by itself)."""
    first = holder.split()[0].strip(",.")
    candidates = [(outlet, f"the registry's owner of {outlet.name} is '{outlet.owner}'") for outlet in registry.owned_by(holder)]
    if first.isalpha() and first.isupper() and 2 <= len(first) <= 5:
        candidates += [(outlet, f"'{first}' is the initials of {outlet.name}") for outlet in registry.with_initials(first)
                       if all(outlet is not other for other, _ in candidates)]
    named = []
    for outlet, how in candidates:
        times = _times_named(text, outlet, skip) if outlet.kind in ("outlet", "agency") else 0
        if times >= MIN_TIMES_NAMED:
            named.append((outlet, f"copyright holder '{holder}' not in the registry; {how}, and the page names {outlet.name} {times} times outside its copyright line"))
    return named[0] if len(named) == 1 else None


def _updates_offers(context: DocContext, registry: Registry, countries: CountryCounts, lowered: str | None) -> list[tuple[Outlet | None, str, str, float]]:
    """Self-references in offers of the site's updates (UPDATES_OFFER_RE), anywhere in the text: a registry row
    only (a name the registry lacks might be another body's: "receive Pentagon alerts"). `lowered` is _lowered(text)."""
    text = context.document.text
    if lowered is not None and " updates" not in lowered and " alerts" not in lowered:
        return []  # a substring search spares the regex most texts
    found = []
    for match in _updates_offer_matches(text, lowered):
        name = _self_name(match.group("name"), "", registry, countries)
        outlet = _lookup(registry, name, countries) if name is not None else None
        if outlet is not None:
            line_start, line_end = text.rfind("\n", 0, match.start()) + 1, text.find("\n", match.end())
            found.append((outlet, outlet.name, _tidy(text[line_start:line_end if line_end >= 0 else len(text)])[:120], 0.8))
    return found


def _updates_offer_matches(text: str, lowered: str | None) -> Iterator[re.Match]:
    """What UPDATES_OFFER_RE.finditer(text) finds, with the regex tried only where `lowered` (_lowered(text)) holds
    one of its opening words (UPDATES_OFFER_OPENERS: a case-insensitive match opens with its lower-cased words at
    the same offset), in order, each past the last match; None: the whole text is scanned. The scan tries the
    regex at every character."""
    if lowered is None:
        yield from UPDATES_OFFER_RE.finditer(text)
        return
    after = 0
    for start, _ in _occurrences(lowered, UPDATES_OFFER_OPENERS):
        if start >= after and (match := UPDATES_OFFER_RE.match(text, start)) is not None:
            after = match.end()
            yield match


@dataclass(frozen=True)
class Syndication:
    """A syndication credit: the original publisher of the text and the service that distributed it to this page."""

    outlet: Outlet | None  # the original publisher's registry row, if any
    original: str  # its name as written
    syndicator: str
    line: str  # the credit as written, for the evidence
    copyright_start: int  # where the original's copyright line starts (not the page's own)
    original_start: int
    syndicator_start: int
    service: Outlet | None = None  # the syndicator's registry row, if any

    def explanation(self) -> str:
        registry = f"registry row {self.outlet.outlet_id}" if self.outlet else "not in the registry"
        return (f"the text was first published by {self.original} ({registry}) and distributed to this page by "
                f"{self.syndicator}, a syndication service (an aggregator of other outlets' articles)")


def _syndications(context: DocContext, registry: Registry, countries: CountryCounts) -> list[Syndication]:
    """Syndication credits ("Via SyndiGate.info" then "Copyright @ 2019 The New Arab."): the text is the original
    publisher's, which the syndicator (an aggregator of other outlets' articles) distributed to this page.

    An agency or platform named as the original is left to the wire and platform rules, and a name inside the
    syndicator's own ("via Getty Images" / "© Getty") is a picture credit."""
    text = context.document.text
    found: list[Syndication] = []
    for match in SYNDICATION_LINE_RE.finditer(text):
        rest = match.group("rest").strip()
        cut = COPYRIGHT_MARK_RE.search(rest)
        syndicator = SYNDICATOR_RE.match((rest[:cut.start()] if cut else rest).strip())
        if not syndicator:
            continue
        service = _lookup(registry, syndicator.group("name"), countries)
        if service is not None and service.kind in ("agency", "platform"):
            continue  # "via Reuters": wire copy, which the wire rules read; "via Twitter": an embedded post
        if cut:  # "Via SyndiGate.info © The New Arab"
            copyright_start, copyright_line = match.start("rest") + cut.start(), rest[cut.start():]
        else:  # "Via SyndiGate.info", then "Copyright @ 2019 The New Arab." on the next non-empty line
            following = [line for line in text[match.end():match.end() + 400].split("\n")[1:4] if line.strip()]
            if not following or not COPYRIGHT_MARK_RE.match(following[0].lstrip()):
                continue
            copyright_line = following[0].strip()
            copyright_start = text.find(copyright_line, match.end())
        original = ORIGINAL_COPYRIGHT_RE.match(copyright_line)
        if not original:
            continue
        name = _self_name(original.group("name"), copyright_line[original.end("name"):], registry, countries)
        if name is None:
            continue
        letters, syndicator_letters = _letters_only(name), _letters_only(syndicator.group("name"))
        if letters in syndicator_letters or syndicator_letters in letters:
            continue
        outlet = _lookup(registry, name, countries)
        if outlet is not None and outlet.kind in ("agency", "platform"):
            continue
        line = _tidy(text[match.start():copyright_start + len(copyright_line)])[:120]
        found.append(Syndication(outlet, outlet.name if outlet else name, service.name if service else syndicator.group("name"),
                                 line, copyright_start, copyright_start + original.start("name"), match.start("rest"), service))
    return found


def _names_the_page(context: DocContext, syndication: Syndication, registry: Registry, countries: CountryCounts,
                    suffix: tuple[str, str, bool] | None) -> bool:
    """Whether a syndication credit's "original" is the page's own site, named by its URL or title line (`suffix`,
    _title_suffix(context)): its own copyright after an unrelated "via" line, not another outlet's."""
    document = context.document
    host = normalise_host(document.url) if document.url else ""
    looked = registry.lookup_domain(host) if host else None
    if syndication.outlet is not None and looked and looked[0] is syndication.outlet:
        return True
    names = [suffix[0]] if suffix else []
    names += [main_label(host)] if host and main_label(host) else []  # "edition.cnn.com" -> "cnn"
    letters = _letters_only(syndication.original)
    return any(_letters_only(name) == letters or (syndication.outlet is not None and _lookup(registry, name, countries) is syndication.outlet)
               for name in names)


def _own_domain_on_line(mentions: list[Mention], start: int, end: int, name: str) -> Outlet | None:
    """The registry row of a domain written on the same line as the name a page gives itself, when the domain is
    that name ("© 2000 - 2019 Al Bawaba (www.albawaba.com)"): the page's own, not an outlet it credits."""
    letters = re.sub(r"^the", "", _letters_only(name))
    for mention in mentions:
        if mention.outlet is not None and mention.via == "domain" and start <= mention.start < end:
            stem = main_label(mention.domain or mention.surface)
            if letters and re.sub(r"^the", "", _letters_only(stem)) == letters:
                return mention.outlet
    return None


def _credit_lines(text: str, lowered: str | None) -> Iterator[re.Match]:
    """CREDIT_LINE_RE.finditer(text); none without a search when `lowered` (_lowered(text)) holds none of
    CREDIT_LINE_WORDS, as most pages do (the regex is tried at every character)."""
    if lowered is not None and not any(word in lowered for word in CREDIT_LINE_WORDS):
        return iter(())
    return CREDIT_LINE_RE.finditer(text)


def _credits(context: DocContext, registry: Registry, countries: CountryCounts, mentions: list[Mention],
             lowered: str | None) -> list[tuple[Outlet | None, str, str]]:
    """Content credits to another outlet ("Source attribution: X", "image source from:x"), not picture-agency credits.
    `lowered` is _lowered(text)."""
    text = context.document.text
    credits: list[tuple[Outlet | None, str, str]] = []
    seen: set[str] = set()
    for mention in mentions:
        if mention.role == "credit" and mention.outlet is not None and mention.outlet.kind not in ("agency", "platform"):
            line_start = text.rfind("\n", 0, mention.start) + 1
            if not CONTENT_CREDIT_RE.search(text[line_start:mention.start]):
                continue  # "© 2019 NBC Universal", "Photo: …": a copyright or picture credit, not borrowed text
            if mention.outlet.outlet_id not in seen:
                seen.add(mention.outlet.outlet_id)
                line_start = text.rfind("\n", 0, mention.start) + 1
                credits.append((mention.outlet, mention.surface, _tidy(text[line_start:mention.end + 40])[-120:]))
    for match in _credit_lines(text, lowered):
        name = re.split(r"\s+(?:and|with|via|/)\s+", match.group("name").strip())[0]
        if any(s <= m.start < match.end() for m in mentions if m.outlet for s in (match.start("name"),)):
            continue  # already counted through the registry mention inside it
        if match.group("cue").lower() == "source" and not re.match(r"[A-Z]", name):
            continue
        outlet = _lookup(registry, name, countries)
        cue = match.group("cue").lower()
        if outlet is None and " " in name.strip() and (cue == "source" or cue.startswith("image")):
            continue  # "Source: Neil Godwin / Shutterstock" credits a photographer, not an outlet
        key = outlet.outlet_id if outlet else name.lower()
        if key not in seen and (outlet is None or outlet.kind not in ("agency", "platform")):
            seen.add(key)
            credits.append((outlet, name, _tidy(match.group(0))[:120]))
    return credits


def identify(context: DocContext, mentions: list[Mention], countries: CountryCounts) -> Identification:
    """The publisher of the document from its URL, outlet column, self-references and byline, with evidence."""
    document = context.document
    registry: Registry | None = context.resources.registry
    ident = Identification()
    if registry is None:
        ident.evidence.append("no outlet registry loaded")
        return ident
    candidates: list[tuple[float, Outlet | None, str, str, str]] = []  # (confidence, outlet, name, domain, evidence)
    edition = None  # the registry row whose national or language edition the page names itself, its domain confirming it
    if document.url:
        host = normalise_host(document.url)
        how = document.evidence_for("url") or "url"
        strong = how == "given by a column" or how.startswith("the page's HTML metadata")
        looked = registry.lookup_domain(host) if host else None
        edition = _edition(registry, document.outlet_hint.strip(), host, countries) if not looked and document.outlet_hint else None
        if looked and looked[0].kind == "platform" and not strong:
            ident.evidence.append(f"url {document.url} ({how}) points to the platform {looked[0].name}: an embedded post, not taken as the publisher")
        elif looked:
            candidates.append((0.95 if strong else 0.85, looked[0], looked[0].name, host, f"url {document.url} ({how}) -> domain {looked[1]} -> {looked[0].label_summary()}"))
        elif edition:
            outlet, place = edition
            candidates.append((0.9 if strong else 0.8, outlet, outlet.name, host,
                               f"url {document.url} ({how}) -> domain {host}, not in the registry but of the main label "
                               f"'{main_label(host)}' as the row's domains, on a page naming itself '{document.outlet_hint.strip()}': "
                               f"the {place} edition of {outlet.label_summary()}"))
        elif host:
            candidates.append((0.9 if strong else 0.8, None, host, host, f"url {document.url} ({how}) -> domain {host}, not in the registry"))
    if document.outlet_hint:
        hint = document.outlet_hint.strip()
        outlet = None
        if "." in hint and " " not in hint:
            looked = registry.lookup_domain(hint)
            outlet = looked[0] if looked else None
        outlet = outlet or _lookup(registry, hint, countries)
        if outlet:
            candidates.append((0.9, outlet, outlet.name, "", f"outlet column '{hint}' -> {outlet.label_summary()}"))
        elif edition:
            candidates.append((0.9, edition[0], edition[0].name, "", f"outlet column '{hint}' -> the {edition[1]} edition of {edition[0].label_summary()} (the url's domain confirms it)"))
        else:
            candidates.append((0.85, None, hint, normalise_host(hint) if "." in hint else "", f"outlet column '{hint}', not in the registry"))
    suffix = _title_suffix(context)
    syndications = [syndication for syndication in _syndications(context, registry, countries)
                    if not _names_the_page(context, syndication, registry, countries, suffix)]
    others = tuple(syndication.copyright_start for syndication in syndications)
    lowered = _lowered(document.text)  # for the substring searches that spare regex scans
    selfs = sorted(_self_references(context, registry, countries, mentions, others, suffix, lowered), key=lambda s: -s[3])  # stable: text order within a strength
    named = [s for s in selfs if s[0] is not None]
    if named:
        outlet = named[0][0]
        agreeing = [s for s in named if s[0] is outlet]
        confidence = min(0.9, named[0][3] + 0.1) if len(agreeing) >= 2 else named[0][3]
        lines = "; ".join(f"'{s[2]}'" + (f" ({s[4]})" if len(s) > 4 else "") for s in agreeing[:3])
        candidates.append((confidence, outlet, outlet.name, "", f"self-reference in the page {lines} -> {outlet.label_summary()}"))
    elif selfs:
        name, line, strength = selfs[0][1:4]
        how = f" ({selfs[0][4]})" if len(selfs[0]) > 4 else ""
        domain = normalise_host(name) if HOST_NAME_RE.fullmatch(name) else ""  # "© Phys.org 2019": the name is the site's domain
        candidates.append((min(0.6, strength), None, name, domain, f"self-reference in the page '{line}'{how} names '{name}', not in the registry"))
    byline_outlet = _byline_outlet(context, registry, countries)
    if byline_outlet:
        candidates.append(byline_outlet)
    site = _furniture_host(context, registry) if not candidates else None  # the weakest evidence: only when alone
    if site is not None:
        host, outlet, shown = site
        quoted = "; ".join(f"'{line}'" for line in shown)
        candidates.append((0.5, outlet, outlet.name if outlet else host, host,
                           f"the page's furniture names the domain {host} on more lines than any other ({quoted})"
                           + (f" -> {outlet.label_summary()}" if outlet else ", not in the registry")))
    ident.credited = [name if outlet is None else outlet.name for outlet, name, _ in _credits(context, registry, countries, mentions, lowered)]
    for syndication in syndications:
        if syndication.original not in ident.credited:
            ident.credited.append(syndication.original)
    if not candidates:
        ident.evidence.append("no URL, outlet column, self-reference in the page or agency byline names the publisher")
        return ident
    best = candidates[0]
    registered = [c for c in candidates if c[1] is not None]
    if best[1] is None and registered:
        best = registered[0]  # a registry match beats an unregistered name from stronger evidence only if they agree…
        if candidates[0][3] and candidates[0][3] not in best[1].domains:
            best = candidates[0]  # …otherwise the stronger evidence wins
    ident.confidence, ident.outlet, ident.name, ident.domain = best[0], best[1], best[2], best[3]
    if ident.outlet is None:
        # An unregistered publisher reads better by the name it gives itself than by its domain.
        named_by_page = [c for c in candidates if c[1] is None and c[2] != c[3] and c[2]]
        if named_by_page and ident.name == ident.domain:
            ident.name = named_by_page[0][2]
    for confidence, outlet, name, _, evidence in candidates:
        # Only two registry rows can be seen to disagree; an unregistered name may be the same publisher.
        disagrees = outlet is not None and ident.outlet is not None and outlet is not ident.outlet
        ident.evidence.append(f"{'disagrees: ' if disagrees else ''}{evidence}")
    ident.syndications = syndications
    for syndication in syndications:
        ident.evidence.append(f"syndication credit '{syndication.line}': {syndication.explanation()}")
    if any(c[1] is not None and c[1] is not ident.outlet for c in candidates):
        ident.confidence *= 0.8  # the page points at more than one publisher
    elif sum(1 for c in candidates if c[1] is not None and c[1] is ident.outlet) >= 2:
        ident.confidence = min(0.99, ident.confidence + 0.05)
    return ident


def _byline_outlet(context: DocContext, registry: Registry, countries: CountryCounts) -> tuple[float, Outlet | None, str, str, str] | None:
    """An agency or outlet named as the author ("By Reuters", "AFP") or in a wire dateline ("MOSCOW (Reuters) -")."""
    author = context.document.author
    # A writer named by a republishing credit ("Article posted with permission from Pamela Geller") wrote for another
    # site first: their own site (pamelageller.com) is not this page's publisher.
    if author and not context.document.evidence_for("author").startswith(PERMISSION_CREDIT_EVIDENCE):
        outlet = _lookup(registry, author, countries)
        if outlet is not None and outlet.kind in ("agency", "outlet"):
            return (0.6, outlet, outlet.name, "", f"byline '{author}' names {outlet.label_summary()}")
    text = context.document.text
    lines = context.tokens.line_spans
    for start, end in _opening_lines(context, lines[:FURNITURE_HEAD_LINES + 5]):
        match = WIRE_DATELINE_RE.match(text[start:end])
        if match:
            outlet = _lookup(registry, match.group("name"), countries)
            if outlet:
                return (0.5, outlet, outlet.name, "", f"wire dateline '{text[start:end][:60]}' credits {outlet.label_summary()} (the page may republish wire copy)")
        match = DATELINE_CREDIT_RE.match(text[start:end])
        outlet = _credited_outlet(registry, match.group("name"), countries) if match else None
        if outlet is not None and outlet.kind == "outlet":  # an agency's dateline is wire copy any page may carry: the rule above
            return (0.6, outlet, outlet.name, "", f"dateline credit '{_tidy(text[start:start + match.end()])[:100]}' at the start of the body "
                                                   f"names '{match.group('name')}' -> {outlet.label_summary()}")
    ends = lines[:POSTED_ON_LINES] + lines[max(POSTED_ON_LINES, len(lines) - POSTED_ON_LINES):]
    for start, end in ends:
        match = POSTED_ON_RE.match(text[start:end])
        outlet = _credited_outlet(registry, match.group("name"), countries) if match else None
        if outlet is not None:
            where = "first" if (start, end) in lines[:POSTED_ON_LINES] else "last"
            return (0.6, outlet, outlet.name, "", f"credit line '{text[start:end]}' among the text's {where} lines names "
                                                   f"'{match.group('name')}' -> {outlet.label_summary()}")
    return None


def _opening_lines(context: DocContext, lines: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The body lines among `lines` (the text's first lines) that may open the article, where a dateline credit names
    the page's publisher: those above the author's own running text. A standfirst of OPENING_PROSE_LINES sentences may
    stand between the headline and the dateline; below more prose, or below a line ending with a colon, a dateline
    is the lede of a report the page quotes ("BOSTON (Reuters) - …" inside a blog post), not the page's own.
    Boilerplate lines (a related story's teaser) open nothing."""
    text = context.document.text
    title = context.document.title.strip()
    prose = 0
    for start, end in lines:
        if context.segmentation.in_boilerplate(start, start + 1):
            continue
        line = text[start:end].strip()
        yield start, end
        if line.endswith(":"):
            return  # what follows is quoted
        prose += line != title and bool(OPENING_PROSE_RE.match(line))
        if prose > OPENING_PROSE_LINES:
            return


def _credited_outlet(registry: Registry, name: str, countries: CountryCounts) -> Outlet | None:
    """The registry outlet or agency a credit names, also when written as one word of joined capitalised words
    ("LifeSiteNews" for lifesitenews.com)."""
    outlet = _lookup(registry, name, countries)
    if outlet is None and " " not in name:
        outlet = registry.lookup_joined(re.findall(r"[A-Z][a-z]+", name)) if re.fullmatch(r"(?:[A-Z][a-z]+){2,}", name) else None
    if outlet is None and re.fullmatch(r"[A-Z][A-Za-z]{3,}", name):
        # "LAS VEGAS (INTELLIHUB) —": one word that is the main label of one registry domain (intellihub.com); the
        # credit's place before a bracket at the body's start says it is a name, which a sentence's word would not.
        found = registry.by_label.get(name.casefold())
        outlet = registry.outlets[found[0]] if found and len(found) == 1 else None
    return outlet if outlet is not None and outlet.kind in ("outlet", "agency") else None


def outlet_type_for(context: DocContext, ident: Identification) -> tuple[str, float, str]:
    """(outlet type, confidence, reason): the registry label when there is one, else a cue-based guess, else unknown."""
    outlet = ident.outlet
    if outlet is not None and outlet.outlet_type:
        confidence = round(ident.confidence * outlet.label_confidence, 4)
        return outlet.outlet_type, confidence, f"type from the registry label ({outlet.type_source}, {outlet.type_date}) x identification {ident.confidence:.2f}"
    domain = ident.domain or (outlet.domains[0] if outlet and outlet.domains else "")
    if domain and GOVERNMENT_DOMAIN_RE.search(domain):
        return "government-official", 0.6, f"domain {domain} is a government domain (naming convention), no registry label"
    has_byline = bool(context.document.author)
    if ident.credited and (outlet is None or not outlet.outlet_type):
        confidence = 0.3 if has_byline else 0.4
        byline = "a byline" if has_byline else "no byline"
        return "aggregator-rewrite", confidence, f"inferred from cues: content credited to {', '.join(ident.credited)} and {byline}; no registry label for the publisher"
    if outlet is not None:
        return "unknown", 0.0, f"the registry row {outlet.outlet_id} carries no outlet type" + (
            f" (only a CRED-1 rating: {outlet.credibility_category})" if outlet.credibility_category else "")
    if ident.name:
        return "unknown", 0.0, f"publisher '{ident.name}' is not in the registry and the page gives no type cues"
    return "unknown", 0.0, "publisher not identified and no rewrite or government cues"


def _body_ranges(context: DocContext) -> list[tuple[int, int]]:
    body = [(b.start, b.end) for b in context.segmentation.blocks if b.kind == "body"]
    return body or [(0, len(context.document.text))]


def anonymous_sourcing(context: DocContext) -> list[tuple[str, int, str]]:
    """(phrase label, offset, text as written) for each anonymous-sourcing phrase in the body."""
    text = context.document.text
    found = []
    for match in _anonymous_matches(context, _body_ranges(context)):
        found.append((ANONYMOUS_LABELS[match.lastgroup], match.start(), match.group(0)))
    return sorted(found, key=lambda f: (f[1], f[0]))


def _anonymous_matches(context: DocContext, ranges: list[tuple[int, int]]) -> list[re.Match]:
    """What ANONYMOUS_RE.finditer(text, start, end) finds in each of `ranges`, with the regex tried only where a phrase can start.

    A phrase starts at a word boundary with one of ANONYMOUS_FIRST_WORDS, followed by a space or a word
    boundary. So it starts at a word of the tokenization that is written as such a word, or in a word
    holding an apostrophe (the tokenization joins "Russia’s"), or at the word a range's end cuts.
    Matching at those places in order, each past the last match, finds what the scan finds; the scan
    tries the regex at every word, about fifteen times as many places. A text holding a character that
    re.IGNORECASE equates with an ASCII letter though str.lower() does not is scanned whole."""
    text = context.document.text
    if any(special in text for special in CASE_FOLDING_SPECIALS):
        return [match for start, end in ranges for match in ANONYMOUS_RE.finditer(text, start, end)]
    tokens = context.tokens
    starts, ends = tokens.word_starts, tokens.word_ends
    candidates = set(compress(starts, map(ANONYMOUS_FIRST_WORDS.__contains__, tokens.lower_words)))
    for apostrophe in APOSTROPHES:
        at = text.find(apostrophe)
        while at >= 0:
            candidates.add(at + 1)  # a word part after the apostrophe
            word = bisect_right(starts, at) - 1
            if word >= 0:
                candidates.add(starts[word])  # the word holding it, if any
            at = text.find(apostrophe, at + 1)
    for _, end in ranges:
        cut = bisect_left(starts, end) - 1
        if cut >= 0 and ends[cut] > end:
            candidates.add(starts[cut])
    ordered = sorted(candidates)
    matches = []
    for start, end in ranges:
        after = start
        for position in ordered[bisect_left(ordered, start):bisect_left(ordered, end)]:
            if position >= after:
                match = ANONYMOUS_RE.match(text, position, end)
                if match:
                    matches.append(match)
                    after = match.end()
    return matches


def _is_word_character(character: str) -> bool:
    """What the regex class \\w matches in a str pattern: str.isalnum() characters and the underscore."""
    return character.isalnum() or character == "_"


def _first_word_end(text: str, words: tuple[str, ...]) -> int:
    """The end of the earliest-ending occurrence of any of `words` as a whole word in `text`, or -1.

    Whole word as the regex (?<!\\w)word(?!\\w) sees it; substring searches for a handful of names cost
    less than compiling that regex for each document's names."""
    best = -1
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not _is_word_character(text[at - 1])) and (end == len(text) or not _is_word_character(text[end])):
                if best < 0 or end < best:
                    best = end
                break
            at = text.find(word, at + 1)
    return best


def _has_speech_verb(text: str) -> bool:
    """True when one of the words of `text` (\\w+ runs), lower-cased, is in SPEECH_VERBS."""
    return not SPEECH_VERBS.isdisjoint(w.lower() for w in WORD_CHARS_RE.findall(text))


def quote_attribution(context: DocContext, speaker_names: list[str]) -> tuple[int, int, list[str]]:
    """(statement quotations, those with a named speaker, examples of unattributed ones).

    A quotation of MIN_QUOTE_WORDS words or more in the body counts as a statement. It has a named
    speaker when its sentence (or paragraph) names one of `speaker_names` (full name or surname),
    or uses "he said"/"the Russian leader elaborated" after such a name was given."""
    text = context.document.text
    names = tuple(sorted({n.split()[-1] for n in speaker_names if n} | set(speaker_names)))
    # A quotation opens with a mark, which is no word character, so a name the text gives before the
    # quotation ends where a whole-word search of the text finds it: the first such end answers every quotation.
    first_name_end = _first_word_end(text, names) if names else -1
    body = _body_ranges(context)
    body_starts = [start for start, _ in body]
    total = named = 0
    unnamed: list[str] = []
    for quote in context.quotes:
        if quote.depth:
            continue
        inner = text[quote.inner[0]:quote.inner[1]]
        if len(inner.split()) < MIN_QUOTE_WORDS:
            continue
        block = bisect_right(body_starts, quote.start) - 1  # blocks do not overlap: only this one can hold the quotation
        if block < 0 or quote.start >= body[block][1]:
            continue
        total += 1
        line_start = text.rfind("\n", 0, quote.start) + 1
        line_end = text.find("\n", quote.end)
        line_end = len(text) if line_end < 0 else line_end
        outside = text[line_start:quote.start] + " " + text[quote.end:line_end]
        if names and _first_word_end(outside, names) >= 0:
            named += 1
        elif 0 <= first_name_end <= quote.start and _has_speech_verb(outside) and PRONOUN_OR_ROLE_RE.search(outside):
            named += 1  # "he said", "the Russian leader said" after a name given earlier
        else:
            unnamed.append(inner[:60])
    return total, named, unnamed


def _citation_row(**fields) -> dict:
    """A citations row this module adds (an actor, a syndication credit): the columns every such row carries, with
    their empty values, then `fields` (which may add columns)."""
    row = {"doc_id": "", "name": "", "kind": "", "outlet_type": "", "state_media_code": "", "mentions": 0, "quoted": 0,
           "label_in_text": "", "label_conflict": False, "paraphrased": 0, "attribution_verbs": "", "roles": "",
           "first_start": -1, "evidence": ""}
    row.update(fields)
    return row


def _add_role(row: dict, role: str) -> None:
    """Add `role` to a citations row's roles once; a row with another role is no longer a mere "mention"."""
    roles = row["roles"].split(", ")
    if role not in roles:
        row["roles"] = ", ".join([r for r in roles if r != "mention"] + [role])


def _add_syndication_rows(doc_id: str, syndications: list[Syndication], outlet_rows: list[dict]) -> None:
    """Citation rows for each syndication credit's original publisher (role "credit") and syndicator (role
    "syndicator", typed aggregator-rewrite by that cue), merged into the row of an outlet already cited."""
    by_name = {row["name"]: row for row in outlet_rows}
    for syndication in syndications:
        outlet, service = syndication.outlet, syndication.service
        for name, start, role, outlet_type, why in (
            (syndication.original, syndication.original_start, "credit",
             (outlet.outlet_type or "unknown") if outlet else "unknown",
             outlet.label_summary() if outlet else "not in the registry"),
            (syndication.syndicator, syndication.syndicator_start, "syndicator",
             (service.outlet_type or "aggregator-rewrite") if service else "aggregator-rewrite",
             (service.label_summary() + ("" if service.outlet_type else "; type inferred from the syndication credit"))
             if service else "type inferred from the syndication credit; not in the registry"),
        ):
            row = by_name.get(name)
            if row is not None:
                _add_role(row, role)
                continue
            row_outlet = outlet if role == "credit" else service
            by_name[name] = _citation_row(
                doc_id=doc_id, name=name, kind="outlet", outlet_type=outlet_type,
                state_media_code=row_outlet.state_media_code if row_outlet else "",
                mentions=1, label_check="", label_phrase="", roles=role, surface_forms=name, first_start=start,
                credibility_score=row_outlet.credibility_score if row_outlet else None,
                credibility_category=row_outlet.credibility_category if row_outlet else "",
                outlet_id=row_outlet.outlet_id if row_outlet else "",
                evidence=f"{why}; syndication credit '{syndication.line}'",
            )
            outlet_rows.append(by_name[name])


def _body_name(name: str, text: str, near: int) -> str:
    """The name an organisation's citation row carries: a one-word name the text around its statement (at `near`)
    writes only as the head of a longer name gets that name ("According to the Centre for Disease Control" -> "Centre
    for Disease Control"). (analysis.actors already drops places in an address: "Walton County, Georgia, stated".)"""
    if " " in name:
        return name
    if name.lower() not in actors_module.ORG_WORDS:
        return name  # only a body's generic word is the head of a longer name ("Centre", "Ministry")
    window = text[max(0, near - actors_module.NAME_WINDOW):near + actors_module.NAME_WINDOW]
    if name in window and not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])(?! (?:for|of|on) )", window):
        whole = re.search(rf"(?<![\w-]){re.escape(name)} (?:for|of|on) (?:the )?[A-Z][\w’'-]*(?: (?:and |& )?[A-Z][\w’'-]*)*", window)
        if whole:
            return whole.group(0)
    return name


def _summed_verbs(first: str, second: str) -> str:
    """Two attribution-verb lists ("say 1, report 1") as one, counts of the same verb added ("say 1" + "say 1" -> "say 2")."""
    counts: dict[str, int] = {}
    for part in filter(None, (first + ", " + second).split(", ")):
        verb, _, count = part.rpartition(" ")
        if verb and count.isdigit():
            counts[verb] = counts.get(verb, 0) + int(count)
        else:
            counts.setdefault(part, 0)  # a verb written without a count
    return ", ".join(f"{verb} {count}" if count else verb for verb, count in counts.items())


def _short_form_row(name: str, outlet_rows: list[dict]) -> dict | None:
    """The one outlet row of the document whose name, or a form the text wrote it in, ends with the one-word `name`
    ("the Herald" after "The Miami Herald reported"): the text's short form of that outlet, not another body."""
    if " " in name or not name[:1].isupper():
        return None
    found = [row for row in outlet_rows if row.get("kind") in ("outlet", "agency")
             and any(form.split()[-1] == name for form in (row["name"], *str(row.get("surface_forms") or "").split(", ")) if " " in form)]
    return found[0] if len(found) == 1 else None


def _actor_rows(doc_id: str, found: list, outlet_rows: list[dict], registry: Registry | None, countries: CountryCounts, author: str, text: str = "") -> list[dict]:
    """Citation rows for quoted/paraphrased people and organisations; registry outlets among them merge into their outlet row."""
    by_name = {row["name"]: row for row in outlet_rows}
    writers = {name.strip().casefold() for name in author.split(";") if name.strip()}  # "A; B": every co-author
    rows: list[dict] = []
    # Outlet rows an actor was merged into -> [the mention scan's count of quoting paragraphs, over all the outlet's
    # forms; the actors' quoting statements, summed over the forms merged so far].
    merged: dict[int, list[int]] = {}
    for actor in found:
        if actor.name.casefold() in writers:
            continue  # the byline's writers ("A; B"), not sources
        if actor.name.casefold() in NOT_NAMED_SOURCES:
            continue  # "sources say", "the Hungarian …": anonymous or a nationality, not a named source
        near = max(getattr(actor, "first_start", 0), 0)
        # analysis.actors already drops accounts and places from speakers ("LinkedIn Account", "North Korea")
        name = actor.name if actor.kind == "person" else _body_name(actor.name, text, near)
        # A country ("Iran said") is no outlet, though a newspaper may bear its name (the daily Iran of IRNA).
        country = registry is not None and fold(actor.name) in registry.country_names
        outlet = registry.lookup_name(actor.name, countries) if registry is not None and not country else None
        if outlet is None and registry is not None and actor.kind != "person" and not country:
            outlet = registry.lookup_joined(actor.name.split())  # "Free Beacon said": the outlet row found as freebeacon.com
        verbs = ", ".join(f"{v} {c}" for v, c in getattr(actor, "verb_counts", ())) or ", ".join(actor.verbs)
        short = _short_form_row(actor.name, outlet_rows) if outlet is None and actor.kind != "person" else None
        if short is None and outlet is None and actor.kind != "person" and (unlisted := by_name.get(actor.name)) is not None \
                and not unlisted["outlet_id"]:
            short = unlisted  # a publication the registry lacks, already a row by its name ("National Catholic Reporter")
        if (outlet is not None and outlet.name in by_name) or short is not None:
            row = short if short is not None else by_name[outlet.name]
            if id(row) in merged:  # a second form of the same outlet ("the Financial Times reported", "the FT added")
                merged[id(row)][1] += actor.quoted
                row["paraphrased"] += actor.paraphrased
                row["attribution_verbs"] = _summed_verbs(row["attribution_verbs"], verbs)
            else:
                merged[id(row)] = [row["quoted"], actor.quoted]
                row["paraphrased"] = actor.paraphrased
                row["attribution_verbs"] = verbs
            # Each form's statements are its own, so they add up, as paraphrased does; the mention scan may count
            # quoting paragraphs an attribution verb of actors' misses, so the larger count stands.
            row["quoted"] = max(merged[id(row)])
            if actor.quoted or actor.paraphrased:
                _add_role(row, "source")
            continue
        if actor.kind == "person":
            outlet = None  # a person's name that is also an outlet's ("Hill" for The Hill, "Sun") does not make them that outlet
        rows.append(_citation_row(
            doc_id=doc_id,
            name=name,
            kind=("outlet" if actor.kind == "organization" and names_an_outlet(name, text) else actor.kind)
            if actor.kind in ("person", "organization", "outlet", "agency", "platform") else "person",
            outlet_type=outlet.outlet_type if outlet else "",
            state_media_code=outlet.state_media_code if outlet else "",
            mentions=actor.mentions,
            quoted=actor.quoted,
            paraphrased=actor.paraphrased,
            attribution_verbs=verbs,
            roles="quoted" if actor.quoted else ("paraphrased" if actor.paraphrased else "mention"),
            first_start=getattr(actor, "first_start", -1),
            evidence="attribution found by analysis.actors" + (f"; {outlet.label_summary()}" if outlet else ""),
        ))
    return rows


def _furniture_mentions(context: DocContext, mentions: list[Mention]) -> list[bool]:
    """For each mention, whether it lies in a boilerplate block and credits nothing: a sidebar of other stories, a
    menu, an advertisement or a share button names outlets the article does not cite ("Reuters" in a related headline).
    A credit is furniture by nature and keeps its row: a credit role ("Photo: Reuters"), a block the segmentation
    calls a credit ("The Associated Press contributed to this report") or a content-credit cue before the name on
    its line ("This report was originally published by Tyler Durden at Zero Hedge")."""
    text = context.document.text
    furniture = [b for b in context.segmentation.blocks if b.kind == BOILERPLATE]
    starts = [b.start for b in furniture]  # blocks are in text order and do not overlap
    flags = []
    for mention in mentions:
        at = bisect_right(starts, mention.start) - 1
        block = furniture[at] if at >= 0 and mention.start < furniture[at].end else None
        if block is None or mention.role == "credit" or block.category == "credit_attribution":
            flags.append(False)
            continue
        line_start = text.rfind("\n", 0, mention.start) + 1
        flags.append(CONTENT_CREDIT_RE.search(text, line_start, mention.start) is None)
    return flags


def analyze(context: DocContext) -> Contribution:
    """The documents columns (publisher, type, evidence, credibility, reliability indicators) and citations rows."""
    document = context.document
    registry: Registry | None = context.resources.registry
    countries = CountryCounts(document.text)
    mentions = find_mentions(document.text, context.tokens, registry, countries)
    ident = identify(context, mentions, countries)
    outlet_type, confidence, type_reason = outlet_type_for(context, ident)
    outlet = ident.outlet

    # The publisher naming itself is not a source it cites; nor is an outlet named by the page's furniture.
    furniture = _furniture_mentions(context, mentions)
    publisher = _letters_only(ident.name) if outlet is None and ident.name else ""  # once a page, not per mention
    own = re.sub(r"^the", "", publisher)
    domain_label = main_label(ident.domain) if publisher and ident.domain else ""
    cited = [m for m, in_furniture in zip(mentions, furniture) if not in_furniture and not (outlet is not None and m.outlet is outlet)
             and not (own and m.via == UNLISTED_VIA and re.sub(r"^the", "", _letters_only(m.name)) == own)  # the page's own, unregistered
             and not (outlet is None and names_own_edition(m, publisher, domain_label))]  # the page's own, by its edition's name
    quote_spans = [(q.start, q.end) for q in context.quotes]
    outlet_rows = outlet_citation_rows(document.doc_id, cited, document.text, quote_spans)
    for row in outlet_rows:
        row.setdefault("paraphrased", 0)
        row.setdefault("attribution_verbs", "")
    found_actors = context.actors
    _add_syndication_rows(document.doc_id, ident.syndications, outlet_rows)
    people_rows = _actor_rows(document.doc_id, found_actors, outlet_rows, registry, countries, document.author, document.text)
    # An official body merely named ("the Hungarian government") is not a source the document cites.
    outlet_rows = [r for r in outlet_rows if not (r["kind"] == "organization" and r["roles"] == "mention")]
    citation_rows = sorted(outlet_rows + people_rows, key=lambda r: (r["first_start"] if r["first_start"] >= 0 else 10**9, r["name"]))

    sources = [r["name"] for r in people_rows if r["quoted"] or r["paraphrased"]]
    sources += [r["name"] for r in outlet_rows if set(r["roles"].split(", ")) & {"source", "venue"} and r["kind"] != "platform"]
    speakers = [a.name for a in found_actors if a.quoted or a.paraphrased]
    quotations, named_quotes, unnamed = quote_attribution(context, speakers)
    anonymous = anonymous_sourcing(context)
    author_is_outlet = bool(document.author and registry is not None and registry.lookup_name(document.author, countries))

    notes = [
        f"named author: {document.author} ({document.evidence_for('author') or 'given'})" if document.author and not author_is_outlet
        else (f"byline names an organisation, not a person: {document.author}" if document.author else f"no named author ({document.evidence_for('author') or 'no byline'})"),
        f"date: {document.published} ({document.evidence_for('published') or 'given'})" if document.published else f"no date ({document.evidence_for('published') or 'none found'})",
        f"{len(sources)} distinct named sources: {', '.join(sources)}" if sources else "no named sources",
        (f"{named_quotes} of {quotations} quotations have a named speaker" + (f"; unattributed: {' | '.join(unnamed[:3])}" if unnamed else ""))
        if quotations else "no quotations",
        f"{len(anonymous)} anonymous-sourcing phrases: {', '.join(a[2] for a in anonymous)}" if anonymous else "no anonymous-sourcing phrases",
    ]
    evidence = ident.evidence + [type_reason]
    if ident.credited:
        evidence.append(f"content credited to: {', '.join(ident.credited)}")
    columns = {
        "outlet": ident.name if outlet is None else outlet.name,
        "outlet_type": outlet_type,
        "outlet_type_confidence": round(confidence, 4),
        "outlet_evidence": " | ".join(evidence),
        "state_media_code": outlet.state_media_code if outlet else "",
        "outlet_id": outlet.outlet_id if outlet else "",
        "outlet_domain": ident.domain or (outlet.domains[0] if outlet and outlet.domains else ""),
        "outlet_country": outlet.country if outlet else "",
        "outlet_owner": outlet.owner if outlet else "",
        "credibility_score": outlet.credibility_score if outlet and outlet.credibility_category else None,
        "credibility_category": outlet.credibility_category if outlet else "",
        "credibility_source": (f"{outlet.credibility_source}, {outlet.credibility_date}, domain {outlet.credibility_domain}" if outlet and outlet.credibility_category else ""),
        "credited_sources": "; ".join(ident.credited),
        "reliability_named_author": bool(document.author) and not author_is_outlet,
        "reliability_date": bool(document.published),
        "reliability_named_sources": len(sources),
        "reliability_sources": "; ".join(sources),
        "reliability_quotations": quotations,
        "reliability_named_quote_share": round(named_quotes / quotations, 4) if quotations else None,
        "reliability_anonymous_phrases": len(anonymous),
        "reliability_anonymous_which": "; ".join(dict.fromkeys(a[2].lower() for a in anonymous)),
        "reliability_notes": " | ".join(notes),
    }
    return Contribution(columns=columns, rows={"citations": citation_rows} if citation_rows else {})


__all__ = ["ATTRIBUTION", "analyze", "identify", "load_registry", "registry_table", "label_verdict", "outlet_type_for"]
