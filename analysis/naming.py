"""Naming: which term each document uses for a recurring referent (the war, Kyiv's government, ...).

The referents and their surface forms come from the editable lexicon analysis/data/referents.csv.
A referent with anchor rows (kind=anchor) counts only in documents whose body names one of its anchors:
"war" or "aggression" name the war in Ukraine only in a document that mentions Ukraine, Kyiv, Donbas, ...
Every match carries its voice, decided as for loaded wording (analysis/voice.py): "quoted" (inside
quotation marks), "attributed" (the document reports someone else's wording: "what Moscow called ...",
"so-called", "according to ...") or "authorial" (the document's own words).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .context import DocContext
from .lexicon_csv import LexiconError, fail, phrase_words, read_rows

REFERENTS_PATH = Path(__file__).with_name("data") / "referents.csv"
BLOCKED = "-"
TERM, ANCHOR = "term", "anchor"
REFERENT_ID_RE = re.compile(r"^[a-z0-9_]+$")
# Gaps allowed between the words of a multi-word term: spaces, hyphens, slashes (not sentence punctuation).
PHRASE_GAP_RE = re.compile(r"^[\s\-‐‑–/]*$")


@dataclass(frozen=True)
class Referents:
    """The referent lexicon: folded word sequence -> (referent, term as written), and each anchored
    referent's anchors (folded word sequences, one of which the body must hold for the referent to count)."""

    phrases: dict[tuple[str, ...], tuple[str, str]]
    rows: tuple[dict[str, str], ...]
    max_words: int
    anchors: dict[str, frozenset[tuple[str, ...]]] = field(default_factory=dict)
    # the first words of the phrases: most body words start none, and need no look-up of every length
    first_words: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "first_words", frozenset(key[0] for key in self.phrases if key))

    @property
    def referents(self) -> list[str]:
        return sorted({referent for referent, _ in self.phrases.values() if referent != BLOCKED})


@dataclass(frozen=True)
class NameUse:
    """One occurrence of a referent's term in the body text."""

    referent: str
    term: str
    start: int
    end: int
    voice: str


def load_referents(path: str | Path | None = None) -> Referents:
    """Read and check the referent lexicon (CSV: referent, term[, note, kind]). Raises LexiconError with line numbers."""
    path = Path(path) if path else REFERENTS_PATH
    phrases: dict[tuple[str, ...], tuple[str, str]] = {}
    first_line: dict[tuple[str, ...], int] = {}
    anchors: dict[str, set[tuple[str, ...]]] = {}
    rows: list[dict[str, str]] = []
    problems: list[str] = []
    for number, row in read_rows(path, ("referent", "term"), ("note", "source", "kind")):
        referent, term = row["referent"], row["term"]
        kind = (row.get("kind") or TERM).lower()
        if kind not in (TERM, ANCHOR):
            problems.append(f"{path}, line {number}: kind {row.get('kind')!r} must be {TERM!r} (the default) or {ANCHOR!r}")
            continue
        if not referent or not term:
            problems.append(f"{path}, line {number}: both referent and term are needed (got referent={referent!r}, term={term!r})")
            continue
        if referent != BLOCKED and not REFERENT_ID_RE.match(referent):
            problems.append(f"{path}, line {number}: referent {referent!r} must be lower_snake_case (letters, digits, _) or '-'")
            continue
        words = phrase_words(term)
        if not words:
            problems.append(f"{path}, line {number}: term {term!r} has no words to match")
            continue
        if kind == ANCHOR:
            if referent == BLOCKED:
                problems.append(f"{path}, line {number}: the blocked referent '-' takes no anchors")
                continue
            anchors.setdefault(referent, set()).add(words)
            rows.append({"line": number, **row})
            continue
        if words in phrases:
            problems.append(f"{path}, line {number}: term {term!r} is already listed on line {first_line[words]}")
            continue
        phrases[words] = (referent, term)
        first_line[words] = number
        rows.append({"line": number, **row})
    if problems:
        raise LexiconError(problems)
    if not phrases:
        raise fail(f"{path}: no referent terms (expected lines of referent,term)")
    return Referents(phrases, tuple(rows), max(len(w) for w in phrases), {r: frozenset(a) for r, a in anchors.items()})


def referents_table(referents: Referents | None = None) -> pd.DataFrame:
    """The referent lexicon as a table for the dashboard (line, referent, term, note)."""
    referents = referents or load_referents()
    frame = pd.DataFrame.from_records(list(referents.rows))
    for column in ("line", "referent", "term", "note"):
        if column not in frame:
            frame[column] = ""
    return frame[["line", "referent", "term", "note"] + [c for c in frame.columns if c not in ("line", "referent", "term", "note")]]


def body_word_indexes(context: DocContext) -> list[int]:
    """Indexes of the words that lie in body blocks (found once per document, DocContext.body_word_indexes)."""
    return list(context.body_word_indexes)


def find_names(context: DocContext, referents: Referents, indexes: list[int] | None = None) -> list[NameUse]:
    """Every referent term in the body, longest match first, without overlaps, in text order; a referent
    with anchors only when the body holds one of them."""
    tokens = context.tokens
    text = context.document.text
    indexes = body_word_indexes(context) if indexes is None else indexes
    folded_words = context.folded_words
    folded = [folded_words[i] for i in indexes]
    uses: list[NameUse] = []
    first_words = referents.first_words
    resume = 0  # words before this are part of a match already made
    # Only words that start some term are tried (most start none).
    for k in [k for k, word in enumerate(folded) if word in first_words]:
        if k < resume:
            continue
        match = None
        for length in range(min(referents.max_words, len(indexes) - k), 0, -1):
            key = tuple(folded[k:k + length])
            if key in referents.phrases and _contiguous(text, tokens, indexes[k:k + length]):
                match = (length, referents.phrases[key])
                break
        if match is None:
            continue
        length, (referent, term) = match
        start = tokens.word_spans[indexes[k]][0]
        end = tokens.word_spans[indexes[k + length - 1]][1]
        if referent != BLOCKED:
            uses.append(NameUse(referent, term, start, end, voice_of(context, start, end)))
        resume = k + length
    if referents.anchors and uses:
        anchored = anchored_referents(referents, folded)
        uses = [use for use in uses if use.referent not in referents.anchors or use.referent in anchored]
    return uses


def anchored_referents(referents: Referents, folded: list[str]) -> set[str]:
    """The anchored referents one of whose anchors occurs in the folded body words."""
    found: set[str] = set()
    present = set(folded)
    for referent, anchors in referents.anchors.items():
        for anchor in anchors:
            if anchor[0] in present and (len(anchor) == 1 or _holds(folded, anchor)):
                found.add(referent)
                break
    return found


def _holds(folded: list[str], phrase: tuple[str, ...]) -> bool:
    """True when the word sequence `phrase` occurs in `folded`."""
    n = len(phrase)
    # The first word's places are found by list.index in C: a Python test of every body word cost ~0.1 ms a document.
    k = -1
    while True:
        try:
            k = folded.index(phrase[0], k + 1)
        except ValueError:
            return False
        if tuple(folded[k:k + n]) == phrase:
            return True


def _contiguous(text: str, tokens, word_indexes: list[int]) -> bool:
    """True when consecutive words are separated only by spaces, hyphens or slashes."""
    for a, b in zip(word_indexes, word_indexes[1:]):
        if b != a + 1 or not PHRASE_GAP_RE.match(text[tokens.word_spans[a][1]:tokens.word_spans[b][0]]):
            return False
    return True


def voice_of(context: DocContext, start: int, end: int) -> str:
    """'quoted', 'attributed' or 'authorial': the same voice rule as loaded wording (analysis/voice.py), by the
    document's one VoiceFinder (classify_voice would find the page's pull-quotes and layout blocks again per name)."""
    return context.voice_finder.voice(start, end)


def naming_rows(doc_id: str, uses: list[NameUse]) -> list[dict]:
    """One row per (referent, term, voice) with its count and first offsets, sorted for stable output."""
    counts: Counter[tuple[str, str, str]] = Counter()
    first: dict[tuple[str, str, str], tuple[int, int]] = {}
    for use in uses:
        key = (use.referent, use.term, use.voice)
        counts[key] += 1
        first.setdefault(key, (use.start, use.end))
    return [
        {"referent": r, "doc_id": doc_id, "term": t, "count": counts[(r, t, v)], "voice": v,
         "first_start": first[(r, t, v)][0], "first_end": first[(r, t, v)][1]}
        for r, t, v in sorted(counts)
    ]


def preferred_terms(rows: list[dict]) -> dict[str, str]:
    """Referent -> the document's own preferred term: its most frequent authorial term (else the most
    frequent in any voice); ties go to the term used first."""
    best: dict[str, tuple] = {}
    for row in rows:
        rank = (0 if row["voice"] == "authorial" else 1, -int(row["count"]), row.get("first_start", 0) or 0, row["term"])
        if row["referent"] not in best or rank < best[row["referent"]]:
            best[row["referent"]] = rank
    return {referent: rank[3] for referent, rank in sorted(best.items())}
