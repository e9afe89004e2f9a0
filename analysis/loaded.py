"""Loaded wording: lexicon hits and learned-detector hits, each with its voice, plus per-document counts.

Two sources, kept apart:
- `lexicon` hits come from the user-extendable lexicon (analysis/lexicon.py, analysis/data/loaded_lexicon.csv)
  and carry a term, category, narrative and neutral alternative.
- `model` hits come from a linear token tagger trained on the PTC corpus (Loaded_Language ∪
  Name_Calling,Labeling; scripts/train_loaded_model.py) and shipped as plain JSON weights. They cover
  loaded wording outside the lexicon: a model hit the lexicon fully explains is dropped, one reaching
  past a lexicon term is kept whole (so it may overlap that lexicon hit).

Document columns: `loaded_hits`, `loaded_authorial`, `loaded_quoted`, `loaded_attributed` and
`loaded_per_1k_words` count LEXICON hits outside boilerplate only (authorial hits per 1,000 body words
for the density), so they mean the same whatever the model does. Model hits outside boilerplate
are counted separately in `model_hits`, `model_authorial` and `model_per_1k_words` (authorial model
hits per 1,000 body words). `loaded_cat_<category>` and `loaded_narr_<narrative>` count lexicon hits
outside boilerplate by category and narrative (every category and narrative always has a column).
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from .context import Contribution, DocContext
from .lexicon import (
    CATEGORIES,
    NARRATIVES,
    Lexicon,
    LexiconError,
    find_hits,
    lexicon_table,
    normalize_word,
    validate_lexicon_bytes,
)
from .lexicon import load_lexicon as _load_lexicon_file
from .voice import AUTHORIAL, ATTRIBUTED, QUOTED, classify_voice

__all__ = [
    "LexiconError",
    "LoadedModel",
    "analyze",
    "lexicon_table",
    "load_lexicon",
    "load_model",
    "validate_lexicon_bytes",
]

MAX_SCALE = 2.5
MODEL_PATH = Path(__file__).resolve().parent / "data" / "loaded_model.json"


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The shipped lexicon, or a user CSV (raises LexiconError, a ValueError, listing problems by line)."""
    return _load_lexicon_file(path)


def column_slug(name: str) -> str:
    """A category or narrative as a column-name suffix: 'delegitimising label' -> 'delegitimising_label'."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


# ---------------------------------------------------------------- learned detector


@dataclass(frozen=True, eq=False)  # holds dicts: compared and hashed by identity
class LoadedModel:
    """A linear token tagger: score(token) = sigmoid(bias + sum of weights of its features).

    Tokens scoring at least `threshold` seed a hit, which then grows over neighbours scoring at least
    `threshold * extend_ratio`. Scores are first scaled by (document mean score / `base_rate`), so a
    document full of charged wording lowers the bar and a dry report raises it.
    """

    weights: dict[str, float]
    bias: float
    threshold: float
    base_rate: float = 0.0
    extend_ratio: float = 0.4
    easy_words: frozenset[str] = frozenset()
    meta: dict = field(default_factory=dict)

    @cached_property
    def scorer(self) -> "TokenScorer":
        """This model's fast scorer (built on first use, once per model; holds per-word caches)."""
        return TokenScorer(self)

    def __getstate__(self) -> dict:
        # Worker processes get the model without the scorer (~15 MB of index plus per-word records); they build their own.
        return {k: v for k, v in self.__dict__.items() if k != "scorer"}


def load_model(path: str | Path | None = None) -> LoadedModel | None:
    """The shipped model (plain JSON), or None when no model file exists."""
    target = Path(path) if path else MODEL_PATH
    if not target.exists():
        return None
    data = json.loads(target.read_text(encoding="utf-8"))
    weights = data["weights"]
    if not all(type(v) is float for v in weights.values()):  # the shipped file's are; copying 300,000 costs 0.05 s
        weights = {k: float(v) for k, v in weights.items()}
    return LoadedModel(
        weights=weights,
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
        base_rate=float(data.get("base_rate", 0.0)),
        extend_ratio=float(data.get("extend_ratio", 1.0)),
        easy_words=load_easy_words(),
        meta={k: v for k, v in data.items() if k not in ("weights", "bias", "threshold")},
    )


def load_easy_words() -> frozenset[str]:
    """The Dale-Chall list of ~3,000 familiar English words (as textstat ships it; read offline)."""
    path = Path(__file__).resolve().parent / "data" / "dale_chall_easy_words.txt"
    if not path.exists():  # the copy kept for readability; fall back to textstat's own file
        import textstat

        path = Path(textstat.__file__).resolve().parent / "resources" / "en" / "easy_words.txt"
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").split() if w.strip())


_SUFFIXES = ("ations", "ation", "ingly", "ously", "ments", "ness", "ment", "ings", "ing", "edly", "ized", "ised",
             "ize", "ise", "ers", "ies", "ied", "ed", "er", "ly", "es", "s", "y", "e")


def _stem(word: str) -> str:
    """A crude stem so inflections share a feature (smeared/smearing -> smear)."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if word.isupper() and len(word) > 1:
        return "X"
    if word[:1].isupper():
        return "Xx"
    return "x"


def own_features(word: str, shape: str, stem: str, easy_words: frozenset[str]) -> list[str]:
    """The features of a normalize_word()ed word alone, whatever its neighbours (the first ones
    token_features lists for each token; `stem` is _stem(word), `shape` is _shape of its raw form)."""
    own = ["w:" + word, "s3:" + word[-3:], "s4:" + word[-4:], "sh:" + shape, "st:" + stem]
    if easy_words:
        own.append("e:1" if word in easy_words else ("e:0" if len(word) > 3 else "e:s"))
    if len(word) > 4:  # prefixes generalise to unseen derivations (anti-, ultra-, over-, war-)
        own.extend(("p3:" + word[:3], "p4:" + word[:4]))
    return own


def token_features(
    words: list[str],
    raw_words: tuple[str, ...],
    quoted: list[bool],
    lexicon_tags: list[str],
    easy_words: frozenset[str] = frozenset(),
    extra: list[list[str]] | None = None,
) -> list[list[str]]:
    """The feature names of every token. `words` are normalize_word()ed; `lexicon_tags` hold the
    category of a lexicon hit covering the token (or ""); `easy_words` is the Dale-Chall list of
    familiar words (charged words are mostly unfamiliar ones). Shared by training and inference."""
    n = len(words)
    padded = ["<s2>", "<s1>", *words, "</s1>", "</s2>"]
    stems: dict[str, str] = {}
    intrinsic: dict[tuple[str, str], list[str]] = {}  # features of the word alone, built once per distinct word

    def stem(word: str) -> str:
        if word not in stems:
            stems[word] = _stem(word)
        return stems[word]

    features: list[list[str]] = []
    for i in range(n):
        w = words[i]
        p1, p2, n1, n2 = padded[i + 1], padded[i], padded[i + 3], padded[i + 4]
        key = (w, _shape(raw_words[i]))
        own = intrinsic.get(key)
        if own is None:
            own = intrinsic[key] = own_features(w, key[1], stem(w), easy_words)
        f = [
            *own, "p1:" + p1, "n1:" + n1, "p2:" + p2, "n2:" + n2,
            "pb:" + p1 + "|" + w, "nb:" + w + "|" + n1, "pst:" + stem(p1) + "|" + own[4][3:],
        ]
        if quoted[i]:
            # A word's weight differs inside quotations (scare quotes, quoted insults).
            f.extend(("q", "qw:" + w))
        if extra is not None:
            f.extend(extra[i])
        if lexicon_tags[i]:
            f.append("lex:" + lexicon_tags[i])
            f.append("lex")
        elif (i > 0 and lexicon_tags[i - 1]) or (i + 1 < n and lexicon_tags[i + 1]):
            f.append("lexnb")
        features.append(f)
    return features


def sentence_features(text: str, tokens, lexicon_tags: list[str]) -> list[list[str]]:
    """Per token, features of its sentence: lexicon hits in it (loaded wording clusters), an exclamation
    mark, and whether it is the document's first line (headlines are often charged)."""
    import bisect

    word_starts = [s for s, _ in tokens.word_spans]
    n = len(word_starts)
    features: list[list[str]] = [[] for _ in range(n)]
    # A word belongs to the last sentence starting at or before it, so sentence k holds the words from
    # edges[k + 1] to edges[k + 2]; the words before the first sentence form a group with no sentence text.
    # (Working per sentence rather than per word: most words get no feature at all.)
    edges = [0, *(bisect.bisect_left(word_starts, s) for s, _ in tokens.sentence_spans), n]
    for span, first, last in zip([None, *tokens.sentence_spans], edges, edges[1:]):
        tagged = sum(1 for tag in lexicon_tags[first:last] if tag)
        if tagged:
            for i in range(first, last):
                others = tagged - (1 if lexicon_tags[i] else 0)
                if others:
                    features[i].append("slex:1" if others == 1 else "slex:2+")
        if span is not None and "!" in text[span[0]:span[1]]:
            for i in range(first, last):
                features[i].append("excl")
    first_line_end = tokens.line_spans[0][1] if tokens.line_spans else 0
    for i in range(bisect.bisect_left(word_starts, first_line_end)):
        features[i].append("line0")
    return features


def token_scores(model: LoadedModel, features: list[list[str]]) -> list[float]:
    """Probability that each token is part of loaded wording."""
    weights, bias = model.weights, model.bias
    scores: list[float] = []
    for f in features:
        z = bias + sum(weights.get(name, 0.0) for name in f)
        scores.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
    return scores


class _WordWeights(NamedTuple):
    """One token's word: the summed weights of its own features, and the weights of its features as
    seen from its neighbours (and inside quotations)."""

    own: float  # sum of the weights of own_features(word, ...), in their order, from 0 as sum() adds
    as_p1: float  # "p1:<word>": the word just before a token
    as_n1: float  # "n1:<word>": the word just after
    as_p2: float  # "p2:<word>": two words before
    as_n2: float  # "n2:<word>": two words after
    quoted: float  # "qw:<word>": the word itself inside a quotation
    stem: str  # _stem(word)
    pb_next: dict[str, float]  # next word -> weight of "pb:<word>|<next>"
    nb_next: dict[str, float]  # next word -> weight of "nb:<word>|<next>"
    pst_next: dict[str, float]  # next word's stem -> weight of "pst:<stem>|<next stem>"


_PAIR_KINDS = ("pb", "nb", "pst")
# The scorer's per-word cache starts afresh beyond this many words (some 50 MB), so that a long-running
# process scoring ever new names and numbers stays bounded; the scores do not depend on the caches.
MAX_CACHED_WORDS = 200_000
_NO_WEIGHTS: dict = {}


@dataclass(frozen=True)
class FeatureIndex:
    """A model's weights regrouped by feature kind (the name up to its first ":"), to look up by word."""

    single: dict[str, dict[str, float]]  # kind -> value -> weight: "p1" -> "the" -> weight of "p1:the"
    pairs: dict[str, dict[str, dict[str, float]]]  # "pb", "nb", "pst" -> left -> right -> weight of "pb:left|right"


def feature_index(weights: dict[str, float]) -> FeatureIndex:
    """The weights regrouped by kind, the word-pair kinds by their first element (words and stems hold
    no ":" or "|", so every name splits one way). One pass over the weights, ~0.15 s."""
    single: dict[str, dict[str, float]] = {}
    pairs: dict[str, dict[str, dict[str, float]]] = {kind: {} for kind in _PAIR_KINDS}
    strings: dict[str, str] = {}  # one str object per distinct word: halves the index's memory (~12 MB)
    for name, weight in weights.items():
        kind, _, value = name.partition(":")
        by_left = pairs.get(kind)
        if by_left is None:
            by_value = single.get(kind)
            if by_value is None:
                by_value = single[kind] = {}
            by_value[strings.setdefault(value, value)] = weight
        else:
            left, _, right = value.partition("|")
            left, right = strings.setdefault(left, left), strings.setdefault(right, right)
            by_right = by_left.get(left)
            if by_right is None:
                by_right = by_left[left] = {}
            by_right[right] = weight
    return FeatureIndex(single, pairs)


class TokenScorer:
    """token_scores(model, token_features(...)) without building a feature string per token.

    A token's score is the sum of its features' weights. Most features depend on one word at a fixed
    offset, so their weights are looked up once per distinct word and kept (own features summed per raw
    word, with its neighbour weights). Looking names up in the 300,000-entry weight table is slow (its
    strings lie all over memory), so the weights are first regrouped by kind and word (feature_index,
    once per model), the pair features by their first word. The weights are added in exactly the order
    token_features lists the features, so every score is the same float bit for bit
    (tests/test_loaded.py checks this).
    """

    def __init__(self, model: LoadedModel):
        self.model = model
        self.index = feature_index(model.weights)
        self._words: dict[str, _WordWeights] = {}  # raw word -> its weights
        single, pairs = self.index.single, self.index.pairs
        self._by_kind = (*(single.get(kind, _NO_WEIGHTS) for kind in ("p1", "n1", "p2", "n2", "qw")),
                         pairs["pb"], pairs["nb"], pairs["pst"])
        # The padding around the tokens, as token_features names it (never anyone's own word).
        self._padding = {pad: self._weights_of(pad, pad, own=False) for pad in ("<s2>", "<s1>", "</s1>", "</s2>")}

    def _weights_of(self, raw: str, word: str, own: bool = True) -> _WordWeights:
        """The weights of a raw word (whose normalize_word() is `word`), from the feature index."""
        single, stem = self.index.single, _stem(word)
        total = 0  # the own features' weights, added as sum() adds them
        if own:
            for name in own_features(word, _shape(raw), stem, self.model.easy_words):
                kind, _, value = name.partition(":")
                total += single.get(kind, _NO_WEIGHTS).get(value, 0.0)
        p1, n1, p2, n2, qw, pb, nb, pst = self._by_kind
        return _WordWeights(
            total, p1.get(word, 0.0), n1.get(word, 0.0), p2.get(word, 0.0), n2.get(word, 0.0), qw.get(word, 0.0), stem,
            pb.get(word, _NO_WEIGHTS), nb.get(word, _NO_WEIGHTS), pst.get(stem, _NO_WEIGHTS),
        )

    def _remember(self, raw: str, word: str) -> _WordWeights:
        """_weights_of(raw, word), kept for the next time."""
        if len(self._words) >= MAX_CACHED_WORDS:
            self._words.clear()
        found = self._words[raw] = self._weights_of(raw, word)
        return found

    def scores(
        self,
        words: list[str],
        raw_words: tuple[str, ...],
        quoted: list[bool],
        lexicon_tags: list[str],
        extra: list[list[str]],
    ) -> list[float]:
        """Probability that each token is part of loaded wording: the arguments of token_features
        (with the model's easy words; `words[i]` is normalize_word(raw_words[i]))."""
        n = len(words)
        get, bias = self.model.weights.get, self.model.bias
        padding = self._padding
        found = self._words.get
        # weights[i + 2] is token i's; p2, p1, n1, n2 are at i, i + 1, i + 3, i + 4 (padding at the edges).
        weights = [
            padding["<s2>"], padding["<s1>"],
            *[found(raw) or self._remember(raw, w) for raw, w in zip(raw_words, words)],
            padding["</s1>"], padding["</s2>"],
        ]
        # Added left to right in token_features' order: own, p1, n1, p2, n2, pb, nb, pst.
        totals = [
            this.own + before.as_p1 + after.as_n1 + before2.as_p2 + after2.as_n2
            + before.pb_next.get(w, 0.0) + this.nb_next.get(n1, 0.0) + before.pst_next.get(this.stem, 0.0)
            for before2, before, this, after, after2, w, n1 in zip(
                weights, weights[1:], weights[2:], weights[3:], weights[4:], words, [*words[1:], "</s1>"],
            )
        ]
        # Then, for the tokens that have them, the optional features in the same order: q, qw, sentence, lexicon.
        q, lex, lexnb = get("q", 0.0), get("lex", 0.0), get("lexnb", 0.0)
        for i, (is_quoted, names, tag) in enumerate(zip(quoted, extra, lexicon_tags)):
            near_lexicon = not tag and ((i > 0 and lexicon_tags[i - 1]) or (i + 1 < n and lexicon_tags[i + 1]))
            if not (is_quoted or names or tag or near_lexicon):
                continue  # the usual case
            total = totals[i]
            if is_quoted:
                total += q
                total += weights[i + 2].quoted
            for name in names:
                total += get(name, 0.0)
            if tag:
                total += get("lex:" + tag, 0.0)
                total += lex
            elif near_lexicon:
                total += lexnb
            totals[i] = total
        exp = math.exp
        # z clamped to [-30, 30] as in token_scores; comparing first spares two calls in the usual case.
        return [
            1.0 / (1.0 + exp(-(z if -30.0 <= z <= 30.0 else max(-30.0, min(30.0, z)))))
            for z in [bias + total for total in totals]
        ]


def tagged_runs(scores: list[float], threshold: float, extend_ratio: float = 1.0) -> list[tuple[int, int]]:
    """Runs [first, last] of tokens at or above threshold (a single low token between two high ones
    joins them), each grown over neighbours at or above threshold * extend_ratio; runs do not overlap."""
    flags = [s >= threshold for s in scores]
    for i in range(1, len(flags) - 1):
        if not flags[i] and flags[i - 1] and flags[i + 1]:
            flags[i] = True
    runs: list[tuple[int, int]] = []
    first = None
    for i, flag in enumerate(flags + [False]):
        if flag and first is None:
            first = i
        elif not flag and first is not None:
            runs.append((first, i - 1))
            first = None
    low = threshold * extend_ratio
    grown: list[tuple[int, int]] = []
    for first, last in runs:
        while first > 0 and scores[first - 1] >= low and (not grown or first - 1 > grown[-1][1]):
            first -= 1
        while last + 1 < len(scores) and scores[last + 1] >= low:
            last += 1
        if grown and first <= grown[-1][1] + 1:
            grown[-1] = (grown[-1][0], max(grown[-1][1], last))
        else:
            grown.append((first, last))
    return grown


def scaled_scores(model: LoadedModel, scores: list[float]) -> list[float]:
    """Token scores scaled by (document mean score / training base rate)."""
    if model.base_rate <= 0 or not scores:
        return list(scores)
    factor = (sum(scores) / len(scores)) / model.base_rate
    # Bounded so a short, dense snippet does not flag every word (PTC articles range ~0.4-3).
    factor = min(MAX_SCALE, max(1.0 / MAX_SCALE, factor))
    return [s * factor for s in scores]


def model_runs(model: LoadedModel, scores: list[float]) -> list[tuple[int, int]]:
    """The model's hits as word-index runs [first, last], after scaling scores to the document."""
    return tagged_runs(scaled_scores(model, scores), model.threshold, model.extend_ratio)


# Function words are not loaded on their own: trimmed from the edges of model hits.
EDGE_WORDS = frozenset(
    "a an the of to and or but in on at for with by from as that this these those its their his her our "
    "my your is are was were be been it he she they we i who which than so".split()
)


def trim_runs(runs: list[tuple[int, int]], words: list[str]) -> list[tuple[int, int]]:
    """Runs without function words at either edge; runs of function words only are dropped."""
    trimmed: list[tuple[int, int]] = []
    for first, last in runs:
        while first <= last and words[first] in EDGE_WORDS:
            first += 1
        while last >= first and words[last] in EDGE_WORDS:
            last -= 1
        if first <= last:
            trimmed.append((first, last))
    return trimmed


def uncovered_runs(runs: list[tuple[int, int]], covered: list[bool], words: list[str]) -> list[tuple[int, int]]:
    """The runs holding at least one content word (not a function word) that no lexicon hit covers.

    A run the lexicon fully explains is dropped (reported once, as a lexicon hit); a run reaching past a
    lexicon term is kept whole, as the phrase the model found ("brutal Kyiv regime" around the term
    "Kyiv regime"). Cutting the term out of such runs instead cost 0.007-0.015 char-F1 on PTC in
    cross-validation (the words and spaces at the cuts belong to the annotated phrase)."""
    return [(first, last) for first, last in runs
            if any(not covered[k] and words[k] not in EDGE_WORDS for k in range(first, last + 1))]


def quoted_flags(word_spans: tuple[tuple[int, int], ...], quotes) -> list[bool]:
    """Per word: inside some quotation (one sweep over the merged quotation interiors)."""
    ranges: list[list[int]] = []
    for start, end in sorted(q.inner for q in quotes):
        if ranges and start <= ranges[-1][1]:
            ranges[-1][1] = max(ranges[-1][1], end)
        else:
            ranges.append([start, end])
    flags: list[bool] = []
    j = 0
    for start, end in word_spans:
        # Ranges are disjoint and sorted: only the first one ending at or after `end` can hold the word.
        while j < len(ranges) and ranges[j][1] < end:
            j += 1
        flags.append(j < len(ranges) and ranges[j][0] <= start)
    return flags


def model_hit_runs(model: LoadedModel, scores: list[float], words: list[str], covered: list[bool]) -> list[tuple[int, int]]:
    """The model's hits as word-index runs [first, last], exactly as analyze() reports them: runs of the
    document-scaled scores with function words trimmed from their edges, less the runs that lexicon
    hits (`covered`) already explain."""
    return uncovered_runs(trim_runs(model_runs(model, scores), words), covered, words)


def covered_flags(hits, n: int) -> list[bool]:
    """Per word: covered by some lexicon hit."""
    covered = [False] * n
    for hit in hits:
        for k in range(hit.first, hit.last + 1):
            covered[k] = True
    return covered


def lexicon_tags(hits, n: int) -> list[str]:
    """Per word: the category of the lexicon hit covering it, or ""."""
    tags = [""] * n
    for hit in hits:
        for k in range(hit.first, hit.last + 1):
            tags[k] = hit.entry.category
    return tags


# ---------------------------------------------------------------- per-document analysis


def _span_row(doc_id: str, text: str, start: int, end: int, voice: str, in_boilerplate: bool, source: str, score: float, entry=None) -> dict:
    return {
        "doc_id": doc_id,
        "start": start,
        "end": end,
        "text": text[start:end],
        "term": entry.term if entry else "",
        "category": entry.category if entry else "",
        "narrative": entry.narrative if entry else "",
        "neutral_alternative": entry.neutral_alternative if entry else "",
        "voice": voice,
        "in_boilerplate": in_boilerplate,
        "source": source,
        "score": score,
    }


def analyze(context: DocContext) -> Contribution:
    """Spans of loaded wording with their voice, and the per-document counts described above."""
    text = context.document.text
    doc_id = context.document.doc_id
    tokens = context.tokens
    lexicon = context.resources.lexicon if context.resources is not None else None
    model = context.resources.loaded_model if context.resources is not None else None
    words = [normalize_word(w) for w in tokens.words]
    hits = find_hits(lexicon, text, tokens.word_spans, words) if lexicon is not None else []
    quotes = context.quotes
    sentence_starts = [s for s, _ in tokens.sentence_spans]

    def voice_of(start: int, end: int) -> str:
        return classify_voice(text, start, end, quotes, tokens.sentence_spans, sentence_starts)

    rows: list[dict] = []
    for hit in hits:
        rows.append(
            _span_row(doc_id, text, hit.start, hit.end, voice_of(hit.start, hit.end),
                      context.segmentation.in_boilerplate(hit.start, hit.end), "lexicon", 1.0, hit.entry)
        )
    if model is not None and words:
        tags = lexicon_tags(hits, len(words))
        # = token_scores(model, token_features(..., model.easy_words, ...)), bit for bit, without feature strings
        scores = model.scorer.scores(
            words, tokens.words, quoted_flags(tokens.word_spans, quotes), tags, sentence_features(text, tokens, tags),
        )
        for first, last in model_hit_runs(model, scores, words, covered_flags(hits, len(words))):
            start, end = tokens.word_spans[first][0], tokens.word_spans[last][1]
            score = round(max(scores[first:last + 1]), 4)
            rows.append(
                _span_row(doc_id, text, start, end, voice_of(start, end),
                          context.segmentation.in_boilerplate(start, end), "model", score)
            )
    rows.sort(key=lambda r: (r["start"], r["end"], r["source"]))
    return Contribution(columns=_columns(rows, context.body_words), rows={"spans": rows})


def _columns(rows: list[dict], body_words: int) -> dict:
    """Counts of lexicon and model hits outside boilerplate, by voice, category and narrative."""
    lexicon_rows = [r for r in rows if r["source"] == "lexicon" and not r["in_boilerplate"]]
    model_rows = [r for r in rows if r["source"] == "model" and not r["in_boilerplate"]]

    def count(items: list[dict], voice: str) -> int:
        return sum(1 for r in items if r["voice"] == voice)

    def per_1k(n: int) -> float:
        return round(1000.0 * n / body_words, 4) if body_words else 0.0

    columns: dict[str, object] = {
        "loaded_hits": len(lexicon_rows),
        "loaded_authorial": count(lexicon_rows, AUTHORIAL),
        "loaded_quoted": count(lexicon_rows, QUOTED),
        "loaded_attributed": count(lexicon_rows, ATTRIBUTED),
        "loaded_per_1k_words": per_1k(count(lexicon_rows, AUTHORIAL)),
        "loaded_boilerplate_hits": sum(1 for r in rows if r["source"] == "lexicon" and r["in_boilerplate"]),
        "model_hits": len(model_rows),
        "model_authorial": count(model_rows, AUTHORIAL),
        "model_per_1k_words": per_1k(count(model_rows, AUTHORIAL)),
    }
    for category in CATEGORIES:
        columns["loaded_cat_" + column_slug(category)] = sum(1 for r in lexicon_rows if r["category"] == category)
    for narrative in NARRATIVES:
        columns["loaded_narr_" + column_slug(narrative)] = sum(1 for r in lexicon_rows if r["narrative"] == narrative)
    return columns
