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
from functools import lru_cache
from pathlib import Path
from re import _constants as sre_constants
from re import _parser as sre_parser

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

CUES_PATH = Path(__file__).resolve().parent / "data" / "boilerplate_cues.json"
WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
STOPWORDS = frozenset(ENGLISH_STOP_WORDS)
# A line "addresses the reader" (you/your, we/our) or opens with a call to action: the voice of a pitch, not of a report.
# "us" only in lower case: "US" is the country.
READER_VOICE_RE = re.compile(r"(?i:\b(you|your|yours|you're|you’re|we|our|ours|we're|we’re)\b)|\bus\b")
CALL_TO_ACTION_RE = re.compile(
    r"^\W*(subscribe|sign|join|get|discover|delve|explore|enjoy|try|start|click|follow|download|become|unlock|donate|support|"
    r"register|log|read|watch|listen|share|tap|find|see|stay|don'?t miss|learn|shop|save|claim|upgrade|give|help)\b",
    re.I,
)
# The outlet speaking of itself ("we", "our") or a call to action: the voice that carries a pitch paragraph.
OUTLET_VOICE_RE = re.compile(r"(?i:\b(we|our|ours|we're|we’re|we've|we’ve)\b)|\bus\b")
LINK_RE = re.compile(r"\]\(|https?://|www\.|\S+@\S+\.\w+|\.(com|org|net|co\.uk)\b", re.I)
SEPARATOR_RE = re.compile(r"[|»«•·›]")
TERMINAL_RE = re.compile(r"[.!?…:;][\"'”’)\]]*$")
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


@lru_cache(maxsize=1)
def load_cues(path: str = str(CUES_PATH)) -> tuple[tuple[str, re.Pattern | None, re.Pattern | None], ...]:
    """Cue patterns per category in priority order, each kind joined into one regex: ((category, strong, weak), ...)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))

    def joined(patterns: list[str]) -> re.Pattern | None:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None

    return tuple((name, joined(spec["strong"]), joined(spec["weak"])) for name, spec in data["categories"].items())


def clean_for_cues(text: str) -> str:
    """A line as cue patterns expect it: list bullets and markdown emphasis dropped, spaces collapsed."""
    text = re.sub(r"^\s*(?:[-*•▪►]+|\d+[.)])\s+", "", text)
    return " ".join(text.replace("**", "").replace("__", "").split())


def _necessary_literals(items) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of the parsed regex `items` contains (None: no such set known).

    Reads the parse tree of re's own parser: a run of literals, or a group whose every alternative has such
    a set, is part of every match; of the candidates the one with the longest shortest string is kept.
    """
    best: frozenset[str] | None = None

    def consider(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if candidate and all(candidate) and (best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        if op is sre_constants.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider(frozenset(["".join(run).lower()]))
            run = []
        if op is sre_constants.SUBPATTERN:
            consider(_necessary_literals(av[-1]))
        elif op is sre_constants.BRANCH:
            alternatives = [_necessary_literals(branch) for branch in av[1]]
            if all(alternatives):
                consider(frozenset().union(*alternatives))
    return best


def _caseless(literal: str) -> bool:
    """True when every character of `literal` is ASCII or has no case (a cased non-ASCII letter may fold oddly under re.I)."""
    return all(ch.isascii() or ch.lower() == ch == ch.upper() for ch in literal)


def _anchored(items) -> bool:
    """True when the parsed regex `items` can only match at the start of the text (a leading ^ or \\A)."""
    if not len(items):
        return False
    op, av = items[0]
    if op is sre_constants.AT:
        return av in (sre_constants.AT_BEGINNING, sre_constants.AT_BEGINNING_STRING)
    if op is sre_constants.SUBPATTERN:
        return not (av[1] & re.MULTILINE) and _anchored(av[-1])
    if op is sre_constants.BRANCH:
        return all(_anchored(branch) for branch in av[1])
    return False


Prefilter = tuple[frozenset[str], "re.Pattern | None", "re.Pattern | None"]


@lru_cache(maxsize=1)
def load_prefilters(path: str = str(CUES_PATH)) -> dict[tuple[str, str], Prefilter]:
    """(category, "strong"|"weak") -> (necessary literals of the unanchored cues that have some, one regex of the
    cues anchored at the line start (tried there only), one regex of the other cues).

    A joined cue pattern (load_cues) can only match a line holding one of the literals or matching one of the regexes.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    prefilters: dict[tuple[str, str], Prefilter] = {}
    for name, spec in data["categories"].items():
        for kind in ("strong", "weak"):
            literals: set[str] = set()
            anchored: list[str] = []
            rest: list[str] = []
            for pattern in spec[kind]:
                parsed = sre_parser.parse(pattern, re.I)
                found = _necessary_literals(parsed)
                if not (parsed.state.flags & re.MULTILINE) and _anchored(parsed):
                    anchored.append(pattern)
                elif found and all(_caseless(literal) for literal in found):
                    literals |= found
                else:
                    rest.append(pattern)
            prefilters[(name, kind)] = (
                frozenset(literals),
                re.compile("|".join(f"(?:{p})" for p in anchored), re.I) if anchored else None,
                re.compile("|".join(f"(?:{p})" for p in rest), re.I) if rest else None,
            )
    return prefilters


NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")


def _lower_for_prefilter(cleaned: str) -> str | None:
    """`cleaned` lower-cased for literal checks, or None when it holds a cased non-ASCII character.

    Under re.I a cased non-ASCII letter can equal an ASCII one ("ſ" and "s", "K" and "k") and str.lower()
    can differ from re's per-character folding ("İ"); such lines always go through the regexes.
    """
    if not cleaned.isascii():
        others = "".join(NON_ASCII_RE.findall(cleaned))
        if others.lower() != others or others.upper() != others:
            return None
    return cleaned.lower()


def _may_match(category: str, kind: str, cleaned: str, lowered: str | None) -> bool:
    """False only when the category's cues of this kind surely do not match the line."""
    if lowered is None:
        return True
    literals, anchored, rest = load_prefilters()[(category, kind)]
    return (
        any(map(lowered.__contains__, literals))
        or (anchored is not None and anchored.match(cleaned) is not None)
        or (rest is not None and rest.search(cleaned) is not None)
    )


def find_cue(text: str) -> Cue:
    """The strongest cue in `text`: any strong cue beats weak ones; ties go to category priority."""
    return _find_cue_cleaned(clean_for_cues(text))


def _find_cue_cleaned(cleaned: str) -> Cue:
    """find_cue of a line already passed through clean_for_cues."""
    # Most lines hold no cue: a substring check of each pattern's necessary words skips most regex scans.
    lowered = _lower_for_prefilter(cleaned)
    weak = NO_CUE
    for category, strong, weak_pattern in load_cues():
        match = strong.search(cleaned) if strong and _may_match(category, "strong", cleaned, lowered) else None
        if match:
            return Cue(category, "strong", match.group(0)[:60])
        if weak is NO_CUE and weak_pattern and _may_match(category, "weak", cleaned, lowered):
            match = weak_pattern.search(cleaned)
            if match:
                weak = Cue(category, "weak", match.group(0)[:60])
    return weak


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


@dataclass(frozen=True)
class LineStats:
    """Shape of one block of text, the raw material of the features."""

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

    @property
    def good(self) -> bool:
        return self.words >= GOOD_MIN_WORDS and self.stopword_ratio >= GOOD_MIN_STOPWORDS


def line_stats(text: str) -> LineStats:
    """Measure one block of text."""
    words = words_of(text)
    n = len(words)
    lower = [w.lower() for w in words]
    stop = sum(map(STOPWORDS.__contains__, lower))
    caps = sum(1 for w in words if w[:1].isupper())
    digits = sum(map(str.isdigit, text))
    punct = sum(map(".,;:!?".__contains__, text))
    stripped = text.strip()
    # The voice tests and the cues share one quotation-free copy and one cleaned copy of the line.
    unquoted = QUOTED_RE.sub(" ", stripped)
    cleaned = clean_for_cues(stripped)
    call_to_action = CALL_TO_ACTION_RE.search(cleaned) is not None
    return LineStats(
        words=n,
        chars=len(stripped),
        stopword_ratio=stop / n if n else 0.0,
        terminal=bool(TERMINAL_RE.search(stripped)),
        punct_per_word=punct / n if n else 0.0,
        capital_ratio=caps / n if n else 0.0,
        digit_ratio=digits / max(1, len(stripped)),
        link=bool(LINK_RE.search(stripped)),
        separator=bool(SEPARATOR_RE.search(stripped)),
        reader=READER_VOICE_RE.search(unquoted) is not None or call_to_action,  # reader_voice(stripped)
        pitch=OUTLET_VOICE_RE.search(unquoted) is not None or call_to_action,  # pitch_voice(stripped)
        # Cues name furniture lines; a long paragraph is never one (its edge sentences are checked on their own).
        cue=_find_cue_cleaned(cleaned) if n <= CUE_MAX_WORDS else NO_CUE,
        norm=normalise_line(stripped),
        bullet=bool(BULLET_RE.match(stripped)),
        question=stripped.endswith("?"),
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
    n = len(stats)
    if not n:
        return []
    counts = Counter(s.norm for s in stats if s.norm)
    good = [1.0 if s.good else 0.0 for s in stats]
    good_words = [s.words if s.good else 0 for s in stats]
    total_good_words = sum(good_words) or 1
    # Prose lines pull the run in, furniture pushes it away: each line scores its words, signed.
    run_scores = [s.words if s.good else -max(2.0, s.words * 0.5) for s in stats]
    run_start, run_end = best_run(run_scores)
    max_words = max(s.words for s in stats) or 1
    good_positions = [i for i, g in enumerate(good) if g]
    cumulative = 0
    before = []
    for w in good_words:
        before.append(cumulative / total_good_words)
        cumulative += w
    rows = []
    for i, s in enumerate(stats):
        window = range(max(0, i - 3), min(n, i + 4))
        if good_positions:
            distance = min(abs(i - j) for j in good_positions)
        else:
            distance = n
        prev = stats[i - 1] if i > 0 else None
        nxt = stats[i + 1] if i + 1 < n else None
        rows.append([
            math.log1p(s.words),
            math.log1p(s.chars),
            s.stopword_ratio,
            float(s.terminal),
            min(s.punct_per_word, 2.0),
            s.capital_ratio,
            min(s.digit_ratio * 5, 1.0),
            float(s.link),
            float(s.separator),
            float(s.reader),
            float(s.cue.strength == "strong"),
            float(s.cue.strength == "weak"),
            float(bool(s.norm) and counts[s.norm] > 1),
            float(s.words <= 4),
            good[i],
            i / n,
            s.words / max_words,
            float(run_start <= i < run_end),
            before[i],
            1.0 - before[i] - good_words[i] / total_good_words,
            good[i - 1] if i > 0 else 0.0,
            good[i + 1] if i + 1 < n else 0.0,
            sum(good[j] for j in window) / len(window),
            math.log1p(sum(stats[j].words for j in window) / len(window)),
            math.log1p(distance),
            float(i <= 2),
            float(prev.terminal) if prev else 0.0,
            float(nxt.terminal) if nxt else 0.0,
            math.log1p(prev.words) if prev else 0.0,
            math.log1p(nxt.words) if nxt else 0.0,
            float(s.bullet),
            float(s.question),
            float(s.pitch),
        ])
    return rows


NEIGHBOUR_WINDOWS: tuple[tuple[int, int], ...] = ((-1, -1), (1, 1), (-3, -1), (1, 3), (-8, -1), (1, 8))
STAGE2_NAMES: tuple[str, ...] = (
    FEATURE_NAMES + ("stage1",) + tuple(f"stage1_mean_{lo}_{hi}" for lo, hi in NEIGHBOUR_WINDOWS)
)


def stage2_rows(rows: list[list[float]], probs: list[float]) -> list[list[float]]:
    """Second-pass features: the first pass's probability of each block and its mean over neighbouring windows."""
    n = len(probs)
    out = []
    for i, (row, p) in enumerate(zip(rows, probs)):
        extra = []
        for lo, hi in NEIGHBOUR_WINDOWS:
            values = [probs[j] for j in range(i + lo, i + hi + 1) if 0 <= j < n]
            extra.append(sum(values) / len(values) if values else 0.0)
        out.append(list(row) + [p] + extra)
    return out


def logistic(model: dict, rows: list[list[float]]) -> list[float]:
    """Probabilities from a standardised logistic regression stored as plain data {mean, scale, coef, intercept}."""
    mean, scale, coef, intercept = model["mean"], model["scale"], model["coef"], model["intercept"]
    probs = []
    for row in rows:
        z = intercept + sum(c * (x - m) / s for c, x, m, s in zip(coef, row, mean, scale))
        probs.append(1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z)))))
    return probs


def body_probabilities(model: dict, rows: list[list[float]]) -> list[float]:
    """Two-pass body probability per block: a first pass, then a pass that also sees its neighbours' first-pass scores."""
    first = logistic(model["stage1"], rows)
    return logistic(model["stage2"], stage2_rows(rows, first))
