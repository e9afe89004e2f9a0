"""Whose voice carries a phrase: the author's, a quotation's, or someone the author reports.

- quoted: inside quotation marks of any style (scare quotes and nested quotes included).
- attributed: reported framing in the same sentence before the phrase: "what X called", "so-called",
  "labelled/described/branded as", "X regards ... as", "X has added/said/claimed that ...",
  "according to X" (anywhere in the sentence).
- authorial: everything else.
"""
from __future__ import annotations

import bisect
import re

from .quotes import Quote

AUTHORIAL, QUOTED, ATTRIBUTED = "authorial", "quoted", "attributed"
VOICES = (AUTHORIAL, QUOTED, ATTRIBUTED)

_SPEECH_VERBS = (
    r"(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|term(?:s|ed|ing)?|label(?:s|ed|led|ing|ling)?|brand(?:s|ed|ing)?|"
    r"describ(?:e|es|ed|ing)|characteri[sz](?:e|es|ed|ing)|refer(?:s|red|ring)? to|portray(?:s|ed|ing)?|"
    r"denounc(?:e|es|ed|ing)|decr(?:y|ies|ied|ying)|condemn(?:s|ed|ing)?)"
)
_REPORT_VERBS = (
    r"(?:sa(?:y|ys|id|ying)|claim(?:s|ed|ing)?|add(?:s|ed|ing)?|argu(?:e|es|ed|ing)|insist(?:s|ed|ing)?|"
    r"assert(?:s|ed|ing)?|allege[sd]?|alleging|contend(?:s|ed|ing)?|maintain(?:s|ed|ing)?|stat(?:ed|ing)|"
    r"declar(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|warn(?:s|ed|ing)?|suggest(?:s|ed|ing)?|tweet(?:s|ed|ing)?|"
    r"wr(?:ite|ites|ote|iting)|told|tell(?:s|ing)?|insinuat(?:e|es|ed|ing)|"
    r"stress(?:es|ed|ing)?|not(?:ed|ing)|explain(?:s|ed|ing)?|announc(?:e|es|ed|ing)|reiterat(?:e|es|ed|ing))"
)
# Cues that put what follows them (in the same sentence) in someone else's voice.
_PREFIX_CUES = re.compile(
    r"|".join(
        (
            rf"\bwhat\s+(?:[\w’'.-]+\s+){{0,5}}?(?:has\s+|have\s+|had\s+)?{_SPEECH_VERBS}\b",
            r"\bso[\s-]called\b",
            # "accused X of <hit>", "calling him out for <hit>", "condemned Y for <hit>"
            r"\b(?:accus(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+\w+\s+out|criticis\w*|criticiz\w*|condemn\w*|blam(?:e|es|ed|ing))"
            r"\s+(?:[\w’'.-]+\s+){0,6}?(?:of|for)\s+(?:[\w’'-]+\s+){0,2}$",
            r"\b(?:call(?:s|ed)?|dub(?:s|bed)?|term(?:s|ed)?|label(?:s|ed|led)?|brand(?:s|ed)?)\s+(?!for\b|on\b|upon\b|off\b|in\b)(?:[\w’'-]+\s+){0,3}$",
            rf"\b{_SPEECH_VERBS}\s+(?:\w+\s+){{0,6}}?as\b",
            r"\b(?:regard|view|see|consider|deem|perceive|treat)(?:s|ed|ing)?\s+(?:[\w’'.-]+\s+){0,8}?as\b",
            rf"\b{_REPORT_VERBS}\s+(?:\w+\s+){{0,3}}?that\b",
            rf"\b{_REPORT_VERBS}\s*[,:]",
            r"\baccording\s+to\b",
            r"\b(?:in\s+the\s+words\s+of|in\s+(?:his|her|their|its)\s+(?:words|view)|quoted\s+as\s+saying)\b",
        )
    ),
    re.IGNORECASE,
)
_ANYWHERE_CUES = re.compile(r"\baccording\s+to\b|,\s*(?:he|she|they|it)\s+(?:said|claimed|added|argued|wrote)\b", re.IGNORECASE)


def sentence_around(sentence_spans: tuple[tuple[int, int], ...], starts: list[int], start: int) -> tuple[int, int]:
    """The sentence span containing offset `start` (`starts` are the sentence starts, sorted)."""
    index = bisect.bisect_right(starts, start) - 1
    if index < 0:
        return (0, start)
    return sentence_spans[index]


def is_inside_quote(quotes: list[Quote], start: int, end: int) -> bool:
    """True when [start, end) lies inside a quotation, marks excluded (a quoted word counts)."""
    for quote in quotes:
        if quote.start > start:
            break
        inner_start, inner_end = quote.inner
        if inner_start <= start and end <= inner_end:
            return True
    return False


def is_attributed(text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """True when the sentence frames [start, end) as someone else's wording."""
    prefix = text[sentence[0]:start]
    if _PREFIX_CUES.search(prefix):
        return True
    return bool(_ANYWHERE_CUES.search(text[end:sentence[1]]))


def classify_voice(
    text: str,
    start: int,
    end: int,
    quotes: list[Quote],
    sentence_spans: tuple[tuple[int, int], ...],
    sentence_starts: list[int] | None = None,
) -> str:
    """'quoted', 'attributed' or 'authorial' for the phrase [start, end) of `text`."""
    if is_inside_quote(quotes, start, end):
        return QUOTED
    starts = sentence_starts if sentence_starts is not None else [s for s, _ in sentence_spans]
    sentence = sentence_around(sentence_spans, starts, start)
    if is_attributed(text, sentence, start, end):
        return ATTRIBUTED
    return AUTHORIAL
