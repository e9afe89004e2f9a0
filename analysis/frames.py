"""Frame profile: the share of body sentences touching each Media Frames Corpus dimension.

An approximation of Card et al. (2015): a sentence touches a frame when it contains one of the frame's
cue words or phrases from the editable lexicon analysis/data/frames.csv, in its frame's sense where the
lexicon says which words of the sentence tell it (near, not_near) or which fixed wordings are another sense
(not_in: "heart attack", the game "Red Dead Redemption"). Shares are indicative.
"""
from __future__ import annotations

import bisect
import itertools
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress
from pathlib import Path
from typing import Callable, NamedTuple, Sequence

import pandas as pd

from .context import DocContext
from .lexicon_csv import LexiconError, expand_wordings, fail, fold_word, phrase_words, read_rows, single_words
from .tokens import HYPHENS, WordMemo

FRAMES_PATH = Path(__file__).with_name("data") / "frames.csv"
# A main frame is named only where one frame leads clearly: it touches at least MIN_PRIMARY_SENTENCES body
# sentences and MIN_PRIMARY_SHARE of them, and more sentences than any other frame. One cue word in a long
# article ("investment" in a piece on Jupiter's moons, "threat*" in a medical case report) is no framing. Frames
# touching as many sentences are ranked by their cue matches, then by the sentence that first touches them: a
# news story states its frame first (headline, lede), so of two frames even on sentences and matches the one
# the body reaches first leads ("Is Football Violence a Crime?" before its court and lawsuit sentences). Frames
# first touched in the same sentence name none rather than the first in codebook order.
MIN_PRIMARY_SENTENCES = 2
MIN_PRIMARY_SHARE = 0.10
# Bound of the per-process cache of one-word cue hits (FrameCues.word_hits).
WORD_CACHE_SIZE = 1 << 18
# The 14 dimensions of the Media Frames Corpus codebook, in its order, with readable names.
FRAMES: dict[str, str] = {
    "economic": "Economic",
    "capacity_resources": "Capacity and resources",
    "morality": "Morality",
    "fairness_equality": "Fairness and equality",
    "legality": "Legality, constitutionality and jurisprudence",
    "policy_prescription": "Policy prescription and evaluation",
    "crime_punishment": "Crime and punishment",
    "security_defense": "Security and defence",
    "health_safety": "Health and safety",
    "quality_of_life": "Quality of life",
    "cultural_identity": "Cultural identity",
    "public_opinion": "Public opinion",
    "political": "Political",
    "external_regulation": "External regulation and reputation",
}


class ContextWords(NamedTuple):
    """Folded words of a `near` or `not_near` cell: exact words and the prefixes of those written with *."""

    exact: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()

    def any_in(self, words: frozenset[str]) -> bool:
        """True when one of these words is among `words` (a sentence's folded words)."""
        return not self.exact.isdisjoint(words) or (bool(self.prefixes) and any(w.startswith(self.prefixes) for w in words))


class NotIn(NamedTuple):
    """A fixed wording in which a cue is another sense ("heart attack*", "Red Dead"): its folded words, which of
    them end in * (match any word they start), and the offsets of those the lexicon writes capitalised, which
    match only a capitalised word (the game "Red Dead", not "red, dead leaves")."""

    words: tuple[str, ...]
    prefix: tuple[bool, ...]
    capitals: tuple[int, ...]

    def word_matches(self, j: int, folded: str) -> bool:
        return folded.startswith(self.words[j]) if self.prefix[j] else folded == self.words[j]


class CueSense(NamedTuple):
    """When a cue counts in a sentence: with one of `near` there (when given), none of `not_near`, and not
    inside one of its `not_in` wordings.

    `hyphened` holds the words of a cue written with a hyphen ("cover-up"): the text writing them so is the
    noun, which needs no `near` word; written apart ("cover up") they are also the everyday verb."""

    near: ContextWords
    not_near: ContextWords
    hyphened: tuple[str, ...] = ()
    not_in: tuple[NotIn, ...] = ()

    def excluded(self, words: frozenset[str]) -> bool:
        return self.not_near.any_in(words)

    def needs_near(self, words: frozenset[str]) -> bool:
        """True when the cue needs a `near` word and the sentence holds none."""
        return bool(self.near.exact or self.near.prefixes) and not self.near.any_in(words)


@dataclass(frozen=True)
class FrameCues:
    """Cue lexicon: exact folded word sequences and prefix cues (last word ends with *), each -> frames."""

    exact: dict[tuple[str, ...], frozenset[str]]
    prefixes: dict[tuple[tuple[str, ...], str], frozenset[str]]  # (leading words, last-word prefix) -> frames
    rows: tuple[dict, ...]
    max_words: int
    max_lead: int
    # (frame, cue as shown in `frames.cues`) -> the sentence words its sense needs or excludes (near, not_near)
    senses: dict[tuple[str, str], CueSense] = field(default_factory=dict)
    # lead words -> the lengths of the prefixes cued after them, so a word is only cut where a cue can match
    prefix_lengths: dict[tuple[str, ...], tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)
    # first words of exact cues and of prefix cues' leads: most words start none of them
    exact_first: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    lead_first: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    # first words of the cues of two or more words (exact phrases, prefixes after leading words)
    phrase_first: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    # first word of such cues -> (their exact second words, the prefixes their second word may start with):
    # a word such as "the" starts a phrase cue ("the public") yet is seldom followed by its second word
    phrase_seconds: dict[str, tuple[frozenset[str], tuple[str, ...]]] = field(default_factory=dict, compare=False, repr=False)
    # folded word -> its one-word (frame, cue) hits, remembered per process: one look-up per word instead
    # of a dozen cut-and-look-ups; bounded like the syllable cache, and never pickled.
    _word_hits: WordMemo[tuple[tuple[str, str], ...]] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        lengths: dict[tuple[str, ...], set[int]] = {}
        for lead, prefix in self.prefixes:
            if prefix:  # a word is cut after at least one character
                lengths.setdefault(lead, set()).add(len(prefix))
        object.__setattr__(self, "prefix_lengths", {lead: tuple(sorted(ms)) for lead, ms in lengths.items()})
        object.__setattr__(self, "exact_first", frozenset(key[0] for key in self.exact if key))
        object.__setattr__(self, "lead_first", frozenset(lead[0] for lead, _ in self.prefixes if lead))
        object.__setattr__(self, "phrase_first", frozenset(key[0] for key in self.exact if len(key) > 1) | self.lead_first)
        seconds: dict[str, set[str]] = {}
        second_prefixes: dict[str, set[str]] = {}
        for key in self.exact:
            if len(key) > 1:
                seconds.setdefault(key[0], set()).add(key[1])
        for lead, prefix in self.prefixes:
            if len(lead) > 1:
                seconds.setdefault(lead[0], set()).add(lead[1])
            elif lead:
                second_prefixes.setdefault(lead[0], set()).add(prefix)
        object.__setattr__(self, "phrase_seconds", {
            first: (frozenset(seconds.get(first, ())), tuple(sorted(second_prefixes.get(first, ())))) for first in self.phrase_first})
        object.__setattr__(self, "_word_hits", WordMemo(self._one_word_hits, WORD_CACHE_SIZE))

    def __getstate__(self) -> dict:
        return {name: value for name, value in self.__dict__.items() if name != "_word_hits"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, _word_hits=WordMemo(self._one_word_hits, WORD_CACHE_SIZE))

    def word_hits(self, word: str) -> tuple[tuple[str, str], ...]:
        """(frame, cue) pairs of the one-word cues (exact words and bare prefixes) matching a folded word."""
        return self._word_hits[word]

    def _one_word_hits(self, word: str) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(_frames_at([word], 0, self)))


def context_words(cell: str) -> ContextWords:
    """The words of a `near` or `not_near` cell ("police|prosecutor*|FBI"), folded as the cues are
    (lexicon_csv.single_words). Raises ValueError naming a wording that is not one word."""
    return ContextWords(*single_words(cell, fold_word))


def not_in_wordings(cell: str) -> tuple[NotIn, ...]:
    """The wordings of a `not_in` cell, in the loaded lexicon's not_in syntax ("heart/panic attack*|Red Dead"; see
    lexicon_csv.expand_wordings), folded as the cues are. Raises ValueError on an empty wording."""
    return tuple(NotIn(tuple(word.word for word in wording), tuple(word.prefix for word in wording),
                       tuple(k for k, word in enumerate(wording) if word.capitalised))
                 for wording in expand_wordings(cell, fold_word))


def _cue_starts(words: tuple[str, ...], is_prefix: bool, folded: list[str] | tuple[str, ...]) -> list[int]:
    """Where a cue (its folded words, the last a prefix when is_prefix) matches in a run of folded words."""
    n = len(words)
    return [k for k in range(len(folded) - n + 1)
            if tuple(folded[k:k + n - 1]) == words[:-1]
            and (folded[k + n - 1].startswith(words[-1]) if is_prefix else folded[k + n - 1] == words[-1])]


def _in_wording(wording: NotIn, start: int, n: int, folded: list[str], written: Sequence[str] | None) -> bool:
    """True when the wording covers the cue's words start..start+n-1 in the sentence (capitals where it
    writes them, when the words as written are given)."""
    size = len(wording.words)
    for s in range(max(0, start + n - size), min(start, len(folded) - size) + 1):
        if all(wording.word_matches(j, folded[s + j]) for j in range(size)) \
                and (written is None or all(written[s + j][:1].isupper() for j in wording.capitals)):
            return True
    return False


def load_frame_cues(path: str | Path | None = None) -> FrameCues:
    """Read and check the frame cue lexicon (CSV: frame, cue[, note, near, not_near, not_in]). Raises
    LexiconError with line numbers."""
    path = Path(path) if path else FRAMES_PATH
    exact: dict[tuple[str, ...], set[str]] = {}
    prefixes: dict[tuple[tuple[str, ...], str], set[str]] = {}
    seen: dict[tuple[str, str], int] = {}
    senses: dict[tuple[str, str], CueSense] = {}
    rows: list[dict] = []
    problems: list[str] = []
    for number, row in read_rows(path, ("frame", "cue"), ("note", "source", "near", "not_near", "not_in")):
        frame, cue = row["frame"], row["cue"]
        if frame not in FRAMES:
            problems.append(f"{path}, line {number}: unknown frame {frame!r}; use one of {', '.join(FRAMES)}")
            continue
        if not cue:
            problems.append(f"{path}, line {number}: the cue is empty")
            continue
        if "*" in cue[:-1]:
            problems.append(f"{path}, line {number}: '*' may only end a cue (got {cue!r})")
            continue
        words = phrase_words(cue.rstrip("*"))
        if not words:
            problems.append(f"{path}, line {number}: cue {cue!r} has no words to match")
            continue
        key = (frame, cue.lower())
        if key in seen:
            problems.append(f"{path}, line {number}: cue {cue!r} is already listed for {frame} on line {seen[key]}")
            continue
        seen[key] = number
        if row.get("near") or row.get("not_near") or row.get("not_in"):
            try:
                hyphened = words if len(words) > 1 and "-" in cue else ()
                sense = CueSense(context_words(row.get("near", "")), context_words(row.get("not_near", "")), hyphened)
            except ValueError as exc:
                problems.append(f"{path}, line {number}: bad near/not_near: {exc}")
                continue
            try:
                not_in = not_in_wordings(row.get("not_in", ""))
            except ValueError as exc:
                problems.append(f"{path}, line {number}: bad not_in: {exc}")
                continue
            # a wording that cannot hold the cue would never cancel it: a typo the analyst should hear of
            stray = [" ".join(w.words) for w in not_in if not _cue_starts(words, cue.endswith("*"), w.words)]
            if stray:
                problems.append(f"{path}, line {number}: not_in wording(s) {', '.join(repr(w) for w in stray)} contain no {cue!r}")
                continue
            sense = sense._replace(not_in=not_in)
            # keyed as the cue is shown (and matched): "cover-up" is the words "cover up"
            shown = (frame, " ".join(words) + ("*" if cue.endswith("*") else ""))
            if shown in senses:
                problems.append(f"{path}, line {number}: cue {cue!r} has near/not_near and matches the same words as another {frame} cue")
                continue
            senses[shown] = sense
        if cue.endswith("*"):
            prefixes.setdefault((words[:-1], words[-1]), set()).add(frame)
        else:
            exact.setdefault(words, set()).add(frame)
        rows.append({"line": number, **row})
    if problems:
        raise LexiconError(problems)
    if not rows:
        raise fail(f"{path}: no frame cues (expected lines of frame,cue)")
    max_words = max([len(w) for w in exact] + [0])
    max_lead = max([len(lead) for lead, _ in prefixes] + [0])
    return FrameCues({k: frozenset(v) for k, v in exact.items()}, {k: frozenset(v) for k, v in prefixes.items()}, tuple(rows), max_words, max_lead,
                     senses)


def frames_table(cues: FrameCues | None = None) -> pd.DataFrame:
    """The frame cue lexicon as a table for the dashboard (line, frame, frame name, cue, note, near, not_near,
    not_in)."""
    cues = cues or load_frame_cues()
    frame = pd.DataFrame.from_records(list(cues.rows))
    for column in ("line", "frame", "cue", "note", "near", "not_near", "not_in"):
        if column not in frame:
            frame[column] = ""
    frame.insert(2, "frame_name", frame["frame"].map(FRAMES))
    return frame


def _frames_at(folded: list[str], k: int, cues: FrameCues, phrases_only: bool = False) -> set[tuple[str, str]]:
    """(frame, cue) pairs matching a phrase that starts at word k; with phrases_only, only the cues of two or
    more words (exact phrases, prefixes after leading words)."""
    hits: set[tuple[str, str]] = set()
    first = folded[k]
    if first in cues.exact_first:
        for length in range(2 if phrases_only else 1, min(cues.max_words, len(folded) - k) + 1):
            key = tuple(folded[k:k + length])
            for frame in cues.exact.get(key, ()):
                hits.add((frame, " ".join(key)))
    if not cues.prefixes:
        return hits
    # Leading words only when some prefix cue's lead starts with this word; the bare prefix (n = 0) always.
    most_lead = min(cues.max_lead, len(folded) - k - 1) if first in cues.lead_first else 0
    for n in range(1 if phrases_only else 0, most_lead + 1):
        lead = tuple(folded[k:k + n])
        word = folded[k + n]
        # Only the beginnings of the word as long as some cue's prefix after this lead can match.
        for m in cues.prefix_lengths.get(lead, ()):
            if m > len(word):
                break
            for frame in cues.prefixes.get((lead, word[:m]), ()):
                hits.add((frame, " ".join(lead + (word[:m] + "*",))))
    return hits


def _sentence_hits(folded: list[str], cues: FrameCues) -> set[tuple[str, str]]:
    """(frame, cue) pairs matching anywhere in one sentence's folded words: the union of _frames_at over
    every start, with each word's one-word hits from the cache and the longer cues tried only where they
    can start."""
    hits: set[tuple[str, str]] = set()
    # Most words match no cue and start no phrase: both are found for the whole sentence with map() in C,
    # and Python only visits the few words that do.
    for found in filter(None, map(cues._word_hits.__getitem__, folded)):
        hits.update(found)
    # A phrase cue is only tried where its first word is followed by one of its second words (or a word
    # starting with one of the prefixes that follow it): most "the" are not followed by "public".
    for k in compress(range(len(folded) - 1), map(cues.phrase_first.__contains__, folded)):
        seconds, second_prefixes = cues.phrase_seconds[folded[k]]
        following = folded[k + 1]
        if following in seconds or following.startswith(second_prefixes):
            hits |= _frames_at(folded, k, cues, phrases_only=True)
    return hits


def _in_sense(hits: set[tuple[str, str]], senses: dict[tuple[str, str], CueSense], folded: list[str],
              gaps: Callable[[], list[str]], written: Callable[[], Sequence[str]] | None = None) -> set[tuple[str, str]]:
    """The hits whose cue is used in its frame's sense in this sentence (folded words; the text between each
    word and the next, and the words as written, both asked for only where needed): a cue with `near` words
    counts only with one of them in the sentence (or, for a hyphened cue, where the text writes the hyphen),
    none with one of its `not_near` words there ("investigated the samples" is no crime), and only where some
    match of it lies outside its `not_in` wordings ("a heart attack" is no security)."""
    words = frozenset(folded)
    kept = set()
    for hit in hits:
        sense = senses.get(hit)
        if sense is not None:
            if sense.excluded(words):
                continue
            if sense.needs_near(words) and not (sense.hyphened and _hyphened_in(sense.hyphened, folded, gaps())):
                continue
            if sense.not_in and _only_in_wordings(hit[1], sense.not_in, folded, words, written):
                continue
        kept.add(hit)
    return kept


def _only_in_wordings(cue: str, not_in: tuple[NotIn, ...], folded: list[str], words: frozenset[str],
                      written: Callable[[], Sequence[str]] | None) -> bool:
    """True when every match of the cue (as shown: "attack*", "red dead") in the sentence lies inside one of
    its not_in wordings."""
    # only the wordings whose every exact word is in the sentence can hold a match: most have none there
    present = [w for w in not_in if all(p or word in words for word, p in zip(w.words, w.prefix))]
    if not present:
        return False
    cue_words = tuple(cue.rstrip("*").split())
    n = len(cue_words)
    as_written = written() if written is not None and any(w.capitals for w in present) else None
    return all(any(_in_wording(wording, k, n, folded, as_written) for wording in present)
               for k in _cue_starts(cue_words, cue.endswith("*"), folded))


def _hyphened_in(cue: tuple[str, ...], folded: list[str], gaps: list[str]) -> bool:
    """True when the sentence writes the cue's words joined by hyphens ("cover-up", not "cover up")."""
    n = len(cue)
    return any(tuple(folded[k:k + n]) == cue and all(gaps[k + j] in HYPHENS for j in range(n - 1))
               for k in range(len(folded) - n + 1))


def body_sentences(context: DocContext) -> list[tuple[int, int]]:
    """The (start, end) spans of the sentences overlapping no boilerplate block: those frame shares count."""
    segmentation = context.segmentation
    return [s for s in context.tokens.sentence_spans if not segmentation.in_boilerplate(*s)]


def frame_profile(context: DocContext, cues: FrameCues) -> tuple[int, dict[str, int], dict[str, Counter], dict[str, int]]:
    """Body sentence count, sentences touching each frame, the cues that matched per frame, and where each
    frame is first touched.

    `first` gives each touched frame the index of the first body sentence touching it: primary_frame breaks a
    tie on sentences and cue matches by it.
    Body sentences are those overlapping no boilerplate block; every word inside one is then a body word
    (DocContext.body_word_indexes), so a sentence's words are the run of words lying wholly inside it.
    """
    tokens = context.tokens
    sentences = body_sentences(context)
    folded_words = context.folded_words
    text = context.document.text
    starts, ends = tokens.word_starts, tokens.word_ends
    touched: dict[str, int] = {frame: 0 for frame in FRAMES}
    matched: dict[str, Counter] = {frame: Counter() for frame in FRAMES}
    first_touch: dict[str, int] = {}
    for index, (start, end) in enumerate(sentences):
        # Words are in text order, so a sentence's words are one run of indexes, found by bisection.
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_right(ends, end)
        if first >= last:
            continue
        hits = _sentence_hits(folded_words[first:last], cues)
        if cues.senses and not cues.senses.keys().isdisjoint(hits):
            # a cue whose sense its neighbours tell: the text between its sentence's words (for hyphens) and
            # the words as written (for capitals), made only when a cue needs them
            def gaps(first: int = first, last: int = last) -> list[str]:
                return [text[ends[k]:starts[k + 1]] for k in range(first, last - 1)]

            def written(first: int = first, last: int = last) -> Sequence[str]:
                return tokens.words[first:last]

            hits = _in_sense(hits, cues.senses, folded_words[first:last], gaps, written)
        for frame in {f for f, _ in hits}:
            touched[frame] += 1
            first_touch.setdefault(frame, index)
        for frame, cue in hits:
            matched[frame][cue] += 1
    return len(sentences), touched, matched, first_touch


def frame_outputs(doc_id: str, sentence_count: int, touched: dict[str, int], matched: dict[str, Counter],
                  first_touch: dict[str, int] | None = None) -> tuple[dict, list[dict]]:
    """documents columns (frame_<id> shares, frame_primary) and `frames` table rows."""
    columns: dict[str, object] = {}
    rows: list[dict] = []
    for frame, name in FRAMES.items():
        share = round(touched[frame] / sentence_count, 4) if sentence_count else 0.0
        columns[f"frame_{frame}"] = share
        top = ", ".join(cue for cue, _ in sorted(matched[frame].items(), key=lambda kv: (-kv[1], kv[0]))[:8])
        rows.append({"doc_id": doc_id, "frame": frame, "frame_name": name, "sentences": touched[frame],
                     "body_sentences": sentence_count, "share": share, "cues": top})
    columns["frame_primary"] = primary_frame(sentence_count, touched, {frame: sum(cues.values()) for frame, cues in matched.items()},
                                             first_touch)
    return columns, rows


def primary_frame(sentence_count: int, touched: dict[str, int], cue_hits: dict[str, int] | None = None,
                  first_touch: dict[str, int] | None = None) -> str:
    """The frame touching the most body sentences, or "" when none leads clearly (see MIN_PRIMARY_SHARE).

    Frames touching as many sentences are told apart by their cue matches (`cue_hits`, frame -> count), then
    by the body sentence first touching them (`first_touch`, frame -> sentence index: the earlier leads);
    a tie on all three names no frame.
    """
    if not sentence_count or not touched:
        return ""
    hits = cue_hits or {}
    first = first_touch or {}
    # larger is stronger: an earlier first sentence is a larger negative index; no index (unknown) ties
    strength = {frame: (count, hits.get(frame, 0), -first.get(frame, 0)) for frame, count in touched.items()}
    ranked = sorted(strength.values(), reverse=True)
    top = ranked[0]
    if top[0] < MIN_PRIMARY_SENTENCES or top[0] / sentence_count < MIN_PRIMARY_SHARE:
        return ""
    if len(ranked) > 1 and ranked[1] == top:
        return ""
    return next(frame for frame, value in strength.items() if value == top)
