"""Block features for boilerplate detection: cue phrases, jusText-style shape, position, repetition.

Shared by the runtime classifier (analysis/boilerplate.py) and its trainer (analysis/boilerplate_train.py),
so the model is always fed exactly the features it was trained on.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple
from functools import lru_cache
from pathlib import Path

import numpy as np

from .stopwords import ENGLISH_STOP_WORDS
from .tokens import CJK_CLOSERS, CJK_SENTENCE_MARKS, WORD_RE, WordMemo

CUES_PATH = Path(__file__).resolve().parent / "data" / "boilerplate_cues.json"
# Each cue's necessary literals and anchoring, derived from re's parse tree by analysis/boilerplate_cue_literals.py.
CUE_LITERALS_PATH = Path(__file__).resolve().parent / "data" / "boilerplate_cue_literals.json"
STOPWORDS = ENGLISH_STOP_WORDS
# The voices of a pitch, each written once and shared by every test of it (the classifier's reader and pitch
# features, boilerplate.py's rules), so they cannot drift apart. Word-bounded groups with shared prefixes: about
# half the time of a plain list. A contraction matches through its stem, the apostrophe being a word boundary
# (you're, you’ll, you'd, we've, we’re).
# The reader addressed: you, your, yours, yourself, yourselves.
SECOND_PERSON = r"you(?:r(?:s|self|selves)?)?"
# The outlet speaking of itself: we, our, ours, ourselves, and "us" only in lower case ("US" is the country).
FIRST_PERSON_PLURAL = r"(?i:we|our(?:s|selves)?)|us"
SECOND_PERSON_RE = re.compile(rf"\b(?i:{SECOND_PERSON})\b")
OUTLET_VOICE_RE = re.compile(rf"\b(?:{FIRST_PERSON_PLURAL})\b")
# A line "addresses the reader" (either voice) or opens with a call to action: the voice of a pitch, not of a report.
READER_VOICE_RE = re.compile(rf"\b(?:(?i:{SECOND_PERSON})|{FIRST_PERSON_PLURAL})\b")


def _call_to_action_re(path: Path = CUES_PATH) -> re.Pattern:
    """A line opening with an imperative to the reader, in any language of the cue file's calls_to_action openings."""
    openings = json.loads(path.read_text(encoding="utf-8"))["calls_to_action"]["openings"]
    return re.compile(r"^\W*(" + "|".join(word for words in openings.values() for word in words) + r")\b", re.I)


CALL_TO_ACTION_RE = _call_to_action_re()
LINK_RE = re.compile(r"\]\(|https?://|www\.|\S+@\S+\.\w+|\.(com|org|net|co\.uk)\b", re.I)
SEPARATOR_RE = re.compile(r"[|»«•·›]")
# A line ends like a sentence: a final mark, then perhaps closing quotes and brackets. Chinese and Japanese close
# sentences with their own marks (。！？) and quotes (」』）).
TERMINAL_MARKS = ".!?…:;" + CJK_SENTENCE_MARKS
TERMINAL_CLOSERS = "\"'”’)]" + CJK_CLOSERS
TERMINAL_RE = re.compile(f"[{re.escape(TERMINAL_MARKS)}][{re.escape(TERMINAL_CLOSERS)}]*$")
BULLET_RE = re.compile(r"^(?:[-*•▪►]|\d+[.)])\s")
NORMALISE_RE = re.compile(r"[\W\d_]+")

# A line is "good" in the jusText sense when it reads like running prose.
CUE_MAX_WORDS = 60
GOOD_MIN_WORDS = 12
GOOD_MIN_STOPWORDS = 0.28


@dataclass(frozen=True)
class Cue:
    """The first furniture category whose cues match a text, with the matched phrase ('' when none)."""

    category: str
    strength: str  # "strong" | "weak" | ""
    phrase: str


NO_CUE = Cue("", "", "")
NO_LITERALS: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_cues(path: str = str(CUES_PATH)) -> tuple[tuple[str, re.Pattern | None, re.Pattern | None], ...]:
    """Cue patterns per category in priority order, each kind joined into one regex: ((category, strong, weak), ...)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))

    def joined(patterns: list[str]) -> re.Pattern | None:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None

    return tuple((name, joined(spec["strong"]), joined(spec["weak"])) for name, spec in data["categories"].items())


CUE_BULLET_RE = re.compile(r"^\s*(?:[-*•▪►]+|\d+[.)])\s+")


def clean_for_cues(text: str) -> str:
    """A line as cue patterns expect it: list bullets and markdown emphasis dropped, spaces collapsed."""
    text = CUE_BULLET_RE.sub("", text)
    return " ".join(text.replace("**", "").replace("__", "").split())


def _caseless(literal: str) -> bool:
    """True when every character of `literal` is ASCII or has no case (a cased non-ASCII letter may fold oddly under re.I)."""
    return all(ch.isascii() or ch.lower() == ch == ch.upper() for ch in literal)


@dataclass(frozen=True)
class CuePlan:
    """Every cue's prefilter, plus one scan that finds which necessary literals a line holds.

    A (category, kind) is known by its rank: its place in the order find_cue tries them (every strong kind
    first, each in category priority). The first one with a matching cue wins, so find_cue wants the lowest
    rank among the cues that match.
    """

    # literal -> the cues that need it, compiled one by one, each with its (category, kind)'s rank and whether it
    # is anchored at the line start (then tried there only); in rank order.
    cues_of: dict[str, tuple[tuple[int, re.Pattern, bool], ...]]
    # Per (category, kind), in rank order: one regex of its anchored cues with no usable literal (tried at the
    # line start), and one of its other cues with no usable literal (searched), with the rank.
    anchored: tuple[tuple[int, re.Pattern], ...]
    rest: tuple[tuple[int, re.Pattern], ...]
    # A literal can occur in a line only where one of the line's words holds its piece: the literal itself, or for
    # a literal with spaces its longest space-free part. The pieces as a trie-shaped regex in a lookahead finds,
    # at each position of a word, the longest piece starting there; the pieces inside it come with it.
    piece_scan: re.Pattern | None
    literals_of_piece: dict[str, frozenset[str]]  # piece -> the literals of every piece inside it (itself included)
    spaced: frozenset[str]  # the literals with a space
    # The anchored cues of no literal, of every category, as one regex: one attempt tells whether any can match.
    anchored_gate: re.Pattern | None
    # (category, kind) by rank, and the joined pattern of load_cues for each.
    order: tuple[tuple[str, str], ...]
    joined: dict[tuple[str, str], re.Pattern | None]

    def literals_in(self, lowered: str) -> frozenset[str]:
        """The necessary literals that occur in a lower-cased line whose words are separated by single spaces."""
        # Word by word through a per-word cache: a news vocabulary recurs, so most words cost one lookup.
        return self.confirmed(frozenset().union(*map(_word_literals, lowered.split(" "))), lowered)

    def confirmed(self, found: frozenset[str], lowered: str) -> frozenset[str]:
        """Of the literals_in_word of every word of a line, those that occur in the lower-cased line."""
        # A literal with a space was only seen in part: look for the whole of it (rare, and a C-level search).
        if found.isdisjoint(self.spaced):
            return found
        return frozenset([literal for literal in found if literal not in self.spaced or literal in lowered])

    def literals_in_word(self, word: str) -> frozenset[str]:
        """The literals without spaces inside `word`, and the literals with spaces whose piece is inside it."""
        found = self.piece_scan.findall(word) if self.piece_scan is not None else ()
        return frozenset().union(*map(self.literals_of_piece.__getitem__, found)) if found else NO_LITERALS


def _trie_regex(literals: list[str]) -> str:
    """A regex matching exactly `literals`, shaped as a trie so each position costs one branch per first letter;
    longer literals are tried first (a greedy optional tail), so a match is the longest literal at its position."""
    by_first: dict[str, list[str]] = {}
    for literal in literals:
        by_first.setdefault(literal[0], []).append(literal[1:])
    alternatives = []
    for first in sorted(by_first):
        tails = by_first[first]
        longer = [tail for tail in tails if tail]
        pattern = re.escape(first)
        if longer:
            inner = _trie_regex(longer)
            pattern += f"(?:{inner})?" if "" in tails else f"(?:{inner})"
        alternatives.append(pattern)
    return "|".join(alternatives)


MIN_ANCHORED_LITERAL = 4


def _joined(patterns: list[str]) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None


@lru_cache(maxsize=1)
def load_prefilters(path: str = str(CUES_PATH)) -> CuePlan:
    """The cue prefilters: a joined cue pattern (load_cues) can only match a line where one of its cues does, and
    a cue with necessary literals (all caseless) only where the lower-cased line holds one of them."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    # A cue the literal file does not know (edited since) has no literal and no anchor: it is tried on every line.
    cue_facts = json.loads(CUE_LITERALS_PATH.read_text(encoding="utf-8"))["cues"]
    cues = load_cues(path)
    order = tuple((name, "strong") for name, _, _ in cues) + tuple((name, "weak") for name, _, _ in cues)
    joined = {(name, "strong"): strong for name, strong, _ in cues} | {(name, "weak"): weak for name, _, weak in cues}
    cues_of: dict[str, list[tuple[int, re.Pattern, bool]]] = {}
    anchored_of: list[tuple[int, re.Pattern]] = []
    rest_of: list[tuple[int, re.Pattern]] = []
    all_anchored: list[str] = []
    for rank, (name, kind) in enumerate(order):
        anchored: list[str] = []
        rest: list[str] = []
        for pattern in data["categories"][name][kind]:
            facts = cue_facts.get(pattern, {})
            found = frozenset(facts.get("literals") or ())
            at_start = bool(facts.get("anchored"))
            # An anchored cue fails at once on most lines; a literal pays only when it is rare enough to skip the try.
            # A literal with accented letters (Portuguese "inscreva-se", Spanish "suscríbete") is as safe as an ASCII
            # one where the literal file says each of its letters folds exactly (boilerplate_cue_literals.folds_exactly).
            usable = found and (facts.get("folds_exactly") or all(_caseless(literal) for literal in found))
            if usable and (not at_start or min(map(len, found)) >= MIN_ANCHORED_LITERAL):
                compiled = re.compile(pattern, re.I)
                for literal in sorted(found):
                    cues_of.setdefault(literal, []).append((rank, compiled, at_start))
            elif at_start:
                anchored.append(pattern)
            else:
                rest.append(pattern)
        all_anchored += anchored
        if anchored:
            anchored_of.append((rank, _joined(anchored)))
        if rest:
            rest_of.append((rank, _joined(rest)))
    literals = sorted(cues_of)
    piece_of = [(max(literal.split(" "), key=len), literal) for literal in literals]
    pieces = {piece for piece, _ in piece_of if piece}
    return CuePlan(
        {literal: tuple(cues_of[literal]) for literal in literals},
        tuple(anchored_of),
        tuple(rest_of),
        re.compile(f"(?=({_trie_regex(sorted(pieces))}))") if pieces else None,
        {piece: frozenset(literal for inner, literal in piece_of if inner in piece) for piece in pieces},
        frozenset(literal for literal in literals if " " in literal),
        _joined(all_anchored),
        order,
        joined,
    )


WORD_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_literals(word: str) -> frozenset[str]:
    """CuePlan.literals_in_word of the cue plan, cached per word."""
    return load_prefilters().literals_in_word(word)


# The characters that re.I equates with an ASCII character while str.lower() does not turn them into it: a
# lower-cased line would hide a cue's literal from the prefilter. Found by trying every character against every
# ASCII character (tests/test_boilerplate.py); every other character re.I equates with an ASCII one (the Kelvin
# sign "K") lower-cases to it, and a cue literal holds no cased non-ASCII character (_caseless).
ODD_FOLDS = "İıſ"
ODD_FOLD_RE = re.compile(f"[{ODD_FOLDS}]")


def _prefilter_safe(cleaned: str) -> bool:
    """False when `cleaned` holds one of ODD_FOLDS: then the literal prefilter cannot be trusted, and the line goes
    through the regexes. (Accented names such as "Orbán" are safe: re.I equates "á" with "Á" only.)"""
    return cleaned.isascii() or ODD_FOLD_RE.search(cleaned) is None


def _first_cue_rank(plan: CuePlan, cleaned: str, present: frozenset[str], anchored_possible: bool) -> int | None:
    """The lowest rank of a (category, kind) one of whose cues matches the line, None when none does (exact:
    a cue is tried wherever the prefilter cannot rule it out)."""
    best: int | None = None
    for literal in present:  # a line holds few literals, the cues many
        for rank, pattern, at_start in plan.cues_of[literal]:
            if best is not None and rank >= best:
                break  # in rank order: the rest of this literal's cues cannot win
            if (pattern.match(cleaned) if at_start else pattern.search(cleaned)) is not None:
                best = rank
                break
    for rank, pattern in plan.anchored if anchored_possible else ():
        if best is not None and rank >= best:
            break
        if pattern.match(cleaned) is not None:
            best = rank
            break
    for rank, pattern in plan.rest:
        if best is not None and rank >= best:
            break
        if pattern.search(cleaned) is not None:
            best = rank
            break
    return best


def find_cue(text: str) -> Cue:
    """The strongest cue in `text`: any strong cue beats weak ones; ties go to category priority."""
    return _find_cue_cleaned(clean_for_cues(text))


def _find_cue_cleaned(cleaned: str, literals: frozenset[str] | None = None) -> Cue:
    """find_cue of a line already passed through clean_for_cues. `literals`: the literals_in_word of all its words,
    when the caller has them."""
    # Most lines hold no cue: one scan for the cues' necessary literals, and one attempt of all anchored cues at
    # the line start, rule out most categories; a joined pattern is searched only once a cue of it surely
    # matches, so the phrase reported is the one the joined pattern finds.
    plan = load_prefilters()
    if not _prefilter_safe(cleaned):
        # Every category goes through its joined pattern; plan.order puts every strong kind before any weak
        # one, each in category priority: the first match wins.
        for key in plan.order:
            joined = plan.joined[key]
            match = joined.search(cleaned) if joined is not None else None
            if match:
                return Cue(key[0], key[1], match.group(0)[:60])
        return NO_CUE
    lowered = cleaned.lower()
    present = plan.literals_in(lowered) if literals is None else plan.confirmed(literals, lowered)
    anchored_possible = plan.anchored_gate is not None and plan.anchored_gate.match(cleaned) is not None
    rank = _first_cue_rank(plan, cleaned, present, anchored_possible)
    if rank is None:
        return NO_CUE
    # A cue of this (category, kind) matches, so its joined pattern does: the phrase reported is the one it finds.
    key = plan.order[rank]
    match = plan.joined[key].search(cleaned)
    return Cue(key[0], key[1], match.group(0)[:60])


def words_of(text: str) -> list[str]:
    return WORD_RE.findall(text)


def normalise_line(text: str) -> str:
    """Lower-cased letters only, for repetition hashing (CCNet-style: digits and punctuation dropped)."""
    return NORMALISE_RE.sub(" ", text.lower()).strip()


QUOTED_RE = re.compile(r"“[^”]*”?|\"[^\"]*\"?|‘[^’]*’(?!\w)")


def pitch_voice(text: str) -> bool:
    """True when the text, outside quotations, is the outlet speaking of itself or a call to action."""
    unquoted = QUOTED_RE.sub(" ", text)
    return bool(OUTLET_VOICE_RE.search(unquoted) or CALL_TO_ACTION_RE.search(clean_for_cues(text)))


def reader_voice(text: str) -> bool:
    """True when the text, outside quotations, talks to the reader or opens with a call to action."""
    unquoted = QUOTED_RE.sub(" ", text)
    return bool(READER_VOICE_RE.search(unquoted) or CALL_TO_ACTION_RE.search(clean_for_cues(text)))


class LineStats(NamedTuple):
    """Shape of one block of text, the raw material of the features (a named tuple: one is made per line, and
    building a frozen dataclass of 15 fields cost ~2 us, ~0.1 ms a document)."""

    words: int
    chars: int
    stopword_ratio: float
    terminal: bool
    punct_per_word: float
    capital_ratio: float
    digit_ratio: float
    link: bool
    separator: bool
    reader: bool
    pitch: bool
    cue: Cue
    norm: str
    bullet: bool
    question: bool
    collapsed: str  # the line's words joined by single spaces: the cues read it, the duplicate and headline rules compare it

    @property
    def good(self) -> bool:
        return self.words >= GOOD_MIN_WORDS and self.stopword_ratio >= GOOD_MIN_STOPWORDS


# LINK_RE needs one of these in the lower-cased line (str.lower folds every character re.I equates with their letters).
LINK_HINTS = ("](", "http", "www.", "@", ".com", ".org", ".net", ".co.uk")


def line_stats(text: str) -> LineStats:
    """Measure one block of text."""
    # No cache of whole lines across documents: the per-word facts below make a line cheap, and a line cache
    # would mostly pay off on corpora that repeat sentences (such as the synthesised benchmark), not on real ones.
    return _line_stats(text)


class WordFacts(NamedTuple):
    """What a line's statistics need from one of its whitespace-separated words (a "word" here: any run of
    non-space characters, punctuation included). Every tally below adds up over the words of a line, because
    none of what it counts (WORD_RE words, digits, marks, LINK_HINTS, letter runs, cue literals) spans a space."""

    words: int  # WORD_RE words
    stopwords: int
    capitalised: int  # WORD_RE words starting with a capital
    digits: int
    punctuation: int  # . , ; : ! ?
    link_hint: bool  # holds one of LINK_HINTS, lower-cased
    norm: str  # normalise_line of the word ("" when it has no letters)
    cue_literals: frozenset[str]  # CuePlan.literals_in_word of the word lower-cased
    # READER_VOICE_RE / OUTLET_VOICE_RE match in the word: neither pattern spans a space, and the space beside a
    # word is a \b boundary as the end of the word is, so a line without quotations has the voice of its words.
    reader_voice: bool
    outlet_voice: bool


def word_facts(word: str) -> WordFacts:
    """WordFacts of one whitespace-free word (_WORD_FACTS keeps them per process)."""
    lowered = word.lower()
    literals = load_prefilters().literals_in_word(lowered)
    reader, outlet = READER_VOICE_RE.search(word) is not None, OUTLET_VOICE_RE.search(word) is not None
    if word.isascii() and word.isalpha():
        # Most words of a text: one WORD_RE word, no digit, mark or LINK_HINTS but "http", all letters; the same
        # facts as below without the scans, which halves the cost of a word seen for the first time.
        return WordFacts(1, int(lowered in STOPWORDS), int(word[0].isupper()), 0, 0, "http" in lowered, lowered, literals, reader, outlet)
    words = WORD_RE.findall(word)
    return WordFacts(
        len(words),
        sum(map(STOPWORDS.__contains__, map(str.lower, words))),
        sum([w[0].isupper() for w in words]),  # words are never empty
        sum(map(str.isdigit, word)),
        sum(map(word.count, ".,;:!?")),
        any(map(lowered.__contains__, LINK_HINTS)),
        normalise_line(word),
        literals,
        reader,
        outlet,
    )


# A news vocabulary recurs, so most words cost one look-up. A WordMemo looked up with map() in C, not an
# lru_cache: its hits also relink the cache's recency list, which between documents mostly misses the CPU
# cache (~0.5 vs ~0.35 us a word, ~0.1 ms a document).
_WORD_FACTS: WordMemo[WordFacts] = WordMemo(word_facts, WORD_CACHE_SIZE)


def _line_stats(text: str) -> LineStats:
    parts = text.split()
    facts = list(map(_WORD_FACTS.__getitem__, parts))
    counts, stops, caps, digits, punct, hints, norms, literals, readers, outlets = zip(*facts) if facts else ((),) * len(WordFacts._fields)
    n = sum(counts)
    stripped = text.strip()
    # The voice tests and the cues share one quotation-free copy and one cleaned copy of the line.
    # QUOTED_RE needs an opening quotation mark: most lines have none and are their own quotation-free copy,
    # with the voice of their words.
    quoted = '"' in stripped or "“" in stripped or "‘" in stripped
    unquoted = QUOTED_RE.sub(" ", stripped) if quoted else stripped
    # Most lines have no bullet or emphasis to clean off: their words are those of the cleaned line.
    plain = not ("**" in stripped or "__" in stripped or CUE_BULLET_RE.match(stripped))
    collapsed = " ".join(parts)
    cleaned = collapsed if plain else clean_for_cues(stripped)
    call_to_action = CALL_TO_ACTION_RE.search(cleaned) is not None
    # Every word of the outlet's voice (we, our, us) is also a word of the reader's: no reader voice, no outlet voice.
    reader = READER_VOICE_RE.search(unquoted) is not None if quoted else any(readers)
    outlet = (OUTLET_VOICE_RE.search(unquoted) is not None if quoted else any(outlets)) if reader else False
    # Cues name furniture lines; a long paragraph is never one (its edge sentences are checked on their own).
    if n > CUE_MAX_WORDS:
        cue = NO_CUE
    else:
        cue = _find_cue_cleaned(cleaned, frozenset().union(*literals) if plain else None)
    unclosed = stripped.rstrip(TERMINAL_CLOSERS)  # TERMINAL_RE.search(stripped), without a scan of the line
    return LineStats(
        words=n,
        chars=len(stripped),
        stopword_ratio=sum(stops) / n if n else 0.0,
        terminal=unclosed != "" and unclosed[-1] in TERMINAL_MARKS,
        punct_per_word=sum(punct) / n if n else 0.0,
        capital_ratio=sum(caps) / n if n else 0.0,
        digit_ratio=sum(digits) / max(1, len(stripped)),
        link=any(hints) and LINK_RE.search(stripped) is not None,
        separator=bool(SEPARATOR_RE.search(stripped)),
        reader=reader or call_to_action,  # reader_voice(stripped)
        pitch=outlet or call_to_action,  # pitch_voice(stripped)
        cue=cue,
        norm=" ".join(filter(None, norms)),
        bullet=bool(BULLET_RE.match(stripped)),
        question=stripped.endswith("?"),
        collapsed=collapsed,
    )


FEATURE_NAMES: tuple[str, ...] = (
    "log_words", "log_chars", "stopword_ratio", "terminal", "punct_per_word", "capital_ratio", "digit_ratio",
    "link", "separator", "reader", "cue_strong", "cue_weak", "repeated", "short",
    "good", "relative_position", "relative_length", "in_best_run", "good_before", "good_after",
    "prev_good", "next_good", "window_good", "window_words", "log_distance_to_good", "near_title",
    "prev_terminal", "next_terminal", "prev_log_words", "next_log_words", "bullet", "question", "pitch",
)


def best_run(scores: list[float]) -> tuple[int, int]:
    """The contiguous run of lines with the largest score sum (Kadane): where the article most likely sits."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def document_features(stats: list[LineStats]) -> list[list[float]]:
    """One feature vector per block, in FEATURE_NAMES order, using the whole document for context."""
    return feature_matrix(stats).tolist()


def feature_matrix(stats: list[LineStats]) -> np.ndarray:
    """document_features as an (n, len(FEATURE_NAMES)) array, built column by column.

    Each column holds the same doubles the per-row formulas give: logarithms come from math.log1p, sums are
    of whole numbers (exact), and the rest is elementwise IEEE arithmetic, which numpy does as Python does.
    """
    n = len(stats)
    if not n:
        return np.zeros((0, len(FEATURE_NAMES)))
    words = np.array([s.words for s in stats], dtype=float)
    norms = [s.norm for s in stats]
    counts = Counter(norm for norm in norms if norm)
    is_good = [s.good for s in stats]
    good = np.array(is_good, dtype=float)
    good_words = words * good
    total_good_words = float(good_words.sum()) or 1.0  # a sum of whole numbers: exact in any order
    # Prose lines pull the run in, furniture pushes it away: each line scores its words, signed.
    run_scores = [s.words if g else -max(2.0, s.words * 0.5) for s, g in zip(stats, is_good)]
    run_start, run_end = best_run(run_scores)
    max_words = max(s.words for s in stats) or 1
    positions = np.arange(n)
    good_positions = np.flatnonzero(good)
    if len(good_positions):
        # The nearest good line is the one just before or at i, or the next one after.
        k = np.searchsorted(good_positions, positions)
        after = good_positions[np.minimum(k, len(good_positions) - 1)]
        before_or_at = good_positions[np.maximum(k - 1, 0)]
        distance = np.minimum(np.abs(positions - after), np.abs(positions - before_or_at)).tolist()
    else:
        distance = [n] * n
    # Good words before each line: a running sum of whole numbers (exact), over the document's good words.
    before = (np.cumsum(good_words) - good_words) / total_good_words
    # The window of three lines either side, clipped to the document: sums of whole numbers (exact) over its size.
    low, high = np.maximum(positions - 3, 0), np.minimum(positions + 4, n)
    size = high - low
    good_sums, word_sums = np.concatenate(([0.0], np.cumsum(good))), np.concatenate(([0.0], np.cumsum(words)))
    # The line's own measures, one array column each (bools become 0.0 / 1.0).
    own = np.array([
        (s.stopword_ratio, s.terminal, s.punct_per_word, s.capital_ratio, s.digit_ratio, s.link, s.separator, s.reader,
         s.cue.strength == "strong", s.cue.strength == "weak", s.bullet, s.question, s.pitch)
        for s in stats
    ], dtype=float)
    (stopword_ratio, terminal, punct_per_word, capital_ratio, digit_ratio, link, separator, reader,
     cue_strong, cue_weak, bullet, question, pitch) = own.T
    log_words = np.array([math.log1p(s.words) for s in stats])

    def shifted(column, step: int) -> np.ndarray:
        """column[i + step] for each line i, 0.0 past either end."""
        out = np.zeros(n)
        if step < 0:
            out[-step:] = column[:n + step]
        else:
            out[:n - step] = column[step:]
        return out

    columns = [
        log_words,
        [math.log1p(s.chars) for s in stats],
        stopword_ratio,
        terminal,
        np.minimum(punct_per_word, 2.0),
        capital_ratio,
        np.minimum(digit_ratio * 5, 1.0),
        link,
        separator,
        reader,
        cue_strong,
        cue_weak,
        [bool(norm) and counts[norm] > 1 for norm in norms],
        words <= 4,
        good,
        positions / n,
        words / max_words,
        (run_start <= positions) & (positions < run_end),
        before,
        1.0 - before - good_words / total_good_words,
        shifted(good, -1),
        shifted(good, 1),
        (good_sums[high] - good_sums[low]) / size,
        [math.log1p(mean) for mean in ((word_sums[high] - word_sums[low]) / size).tolist()],
        [math.log1p(d) for d in distance],
        positions <= 2,
        shifted(terminal, -1),
        shifted(terminal, 1),
        shifted(log_words, -1),
        shifted(log_words, 1),
        bullet,
        question,
        pitch,
    ]
    return np.array(columns, dtype=float).T


NEIGHBOUR_WINDOWS: tuple[tuple[int, int], ...] = ((-1, -1), (1, 1), (-3, -1), (1, 3), (-8, -1), (1, 8))
STAGE2_NAMES: tuple[str, ...] = (
    FEATURE_NAMES + ("stage1",) + tuple(f"stage1_mean_{lo}_{hi}" for lo, hi in NEIGHBOUR_WINDOWS)
)


def stage2_rows(rows: list[list[float]], probs: list[float]) -> list[list[float]]:
    """Second-pass features: the first pass's probability of each block and its mean over neighbouring windows."""
    return stage2_matrix(np.asarray(rows, dtype=float), probs).tolist()


def stage2_matrix(rows: np.ndarray, probs: list[float]) -> np.ndarray:
    """stage2_rows as an array. Each window's probabilities are added in document order, as sum() over the
    window's slice does; the zeros that pad the document's ends add nothing, so the doubles are the same."""
    n = len(probs)
    if not n:
        return np.zeros((0, len(STAGE2_NAMES)))
    reach = max(max(abs(lo), abs(hi)) for lo, hi in NEIGHBOUR_WINDOWS)
    first = np.array(probs, dtype=float)
    padded = np.concatenate((np.zeros(reach), first, np.zeros(reach)))
    positions = np.arange(n)
    extra = []
    for lo, hi in NEIGHBOUR_WINDOWS:
        total = np.zeros(n)
        for offset in range(lo, hi + 1):
            total += padded[reach + offset:reach + offset + n]
        # The window clipped to the document; an empty one (past an end) has mean 0.
        size = np.minimum(positions + hi + 1, n) - np.maximum(positions + lo, 0)
        extra.append(np.where(size > 0, total / np.maximum(size, 1), 0.0))
    return np.column_stack([rows, first] + extra)


def logistic(model: dict, rows: list[list[float]] | np.ndarray) -> list[float]:
    """Probabilities from a standardised logistic regression stored as plain data {mean, scale, coef, intercept}.

    Each term c * (x - m) / s is computed as in plain Python (elementwise IEEE arithmetic gives the same
    doubles) and summed left to right (a cumulative sum, not numpy's pairwise sum), so the result is
    bit-identical to the per-row Python loop it replaces, at a fraction of the cost.
    """
    if len(rows) == 0:
        return []
    terms = np.asarray(model["coef"]) * (np.asarray(rows, dtype=float) - np.asarray(model["mean"])) / np.asarray(model["scale"])
    totals = np.cumsum(terms, axis=1)[:, -1].tolist()
    intercept = model["intercept"]
    return [1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, intercept + total)))) for total in totals]


def body_probabilities(model: dict, rows: list[list[float]] | np.ndarray) -> list[float]:
    """Two-pass body probability per block: a first pass, then a pass that also sees its neighbours' first-pass scores."""
    rows = np.asarray(rows, dtype=float)
    first = logistic(model["stage1"], rows)
    return logistic(model["stage2"], stage2_matrix(rows, first))
