"""Loaded wording: lexicon hits and learned-detector hits, each with its voice, plus per-document counts.

Two sources, kept apart:
- `lexicon` hits come from the user-extendable lexicon (analysis/lexicon.py, analysis/data/loaded_lexicon.csv)
  and carry a term, category, narrative and neutral alternative.
- `model` hits come from a linear token tagger trained on the PTC corpus (Loaded_Language ∪
  Name_Calling,Labeling; scripts/train_loaded_model.py) and shipped as plain JSON weights. They cover
  loaded wording outside the lexicon: a model hit the lexicon fully explains is dropped, one reaching
  past a lexicon term is kept whole (so it may overlap that lexicon hit). A hit does not grow over weaker
  words into another sentence (tagged_runs), nor end on a neutral reporting verb ("said", "indicated"); a
  one-word hit needs a third more score than the threshold (SINGLE_WORD_RATIO). Nor does it grow over the
  punctuation that ends or opens a phrase (PHRASE_MARKS: a comma, colon, dash, slash, opening quote or bracket), nor
  cross a colon or a quotation mark at a word's edge (RUN_STOPS: the quoted words are another voice), and
  a hit that is only a proper name, a dateline or speaker's label, or an office (trim_runs) is dropped. In a
  document the lexicon finds little in, every hit needs up to three times the score (density_prior).
  Model hits are reported in the body only: one touching boilerplate is dropped.

Document columns: `loaded_hits`, `loaded_authorial`, `loaded_quoted`, `loaded_attributed` and
`loaded_per_1k_words` count LEXICON hits outside boilerplate only (authorial hits per 1,000 body words
for the density), so they mean the same whatever the model does. Model hits (all in the body)
are counted separately in `model_hits`, `model_authorial` and `model_per_1k_words` (authorial model
hits per 1,000 body words). `loaded_cat_<category>` and `loaded_narr_<narrative>` count lexicon hits
outside boilerplate by category and narrative (every category and narrative always has a column).
"""
from __future__ import annotations

import bisect
import itertools
import json
import math
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

import numpy as np

from .context import Contribution, DocContext
from .lexicon import (
    CATEGORIES,
    NARRATIVES,
    NORMALIZED_WORDS,
    Lexicon,
    LexiconError,
    find_hits,
    in_web_address,
    lexicon_table,
    normalize_word,
    validate_lexicon_bytes,
)
from .lexicon import load_lexicon as _load_lexicon_file
from .actors import DEMONYMS, NATIONALITIES, NEUTRAL_VERBS, OFFICE_NOUNS, OFFICE_QUALIFIERS
from .stopwords import ENGLISH_STOP_WORDS
from .tokens import HYPHEN_CHARS
from .voice import AUTHORIAL, ATTRIBUTED, QUOTED

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
# A hit of one word needs a document-scaled score of threshold * SINGLE_WORD_RATIO (about 0.083 for the shipped 0.0625; the ratio was chosen when it was 0.075),
# longer hits the threshold. Lone words are where the tagger errs most: of its 5-fold out-of-fold hits on PTC's
# development split, one-word hits have char precision 0.24 (those scaled below 0.1: 0.17), longer ones
# 0.38; and outside PTC's register they are the common words PTC's propaganda articles often mark but science
# and health prose uses plainly ("severe", "smoker", "chicken", "trigger", "gaunt"). Out of fold, lexicon +
# model char F1 0.3462 -> 0.3464, span F1 0.3461 -> 0.3502 (ratios 5/3 and 2: char F1 0.3451 and 0.3442).
SINGLE_WORD_RATIO = 4 / 3

# A document the lexicon finds little in reads plainly, and there the tagger's hits are mostly plain words in their
# literal sense: the words PTC's propaganda articles use figuratively ("dirty" tricks, political "machine", "kick"
# out, "game") or its praise turned on a target, in sports, product, science and lifestyle copy ("dirty air",
# "silent machine", "kick in at 65", "amazing game"). So a model hit's bar (threshold, or threshold *
# SINGLE_WORD_RATIO) is multiplied by SPARSE_RATIO in a document with no lexicon hit in its body, falling linearly to
# x1 at SPARSE_DENSITY lexicon hits per 1,000 body words (density_prior). With the lexicon of the sixth round, the
# lexicon found a median 9.1 hits per 1,000 words on PTC's development split (a quarter of the articles under 3.9) and
# 1.0 on the extraction benchmark's news pages (three quarters under 3.0); the knee was set at 6, two thirds of PTC's
# median. The seventh round's lexicon left out plain intensifiers and descriptive words (PTC median 9.0 -> 7.1 with
# the pipeline's own counts), so the knee moved with it to two thirds of the new median, 4.7. On the development half
# of the news pages (benchmarks/loaded_news.py) a reader judged 18 of main's 172 model hits loaded (14 more
# borderline); with the new lexicon, this prior and the model retrained on both, 94 hits stay, 15 of those 18 among
# them. In benchmarks/loaded_ptc.py lexicon + model char F1 0.3461 -> 0.3509, span F1 0.3511 -> 0.3529 (README).
SPARSE_DENSITY = 4.7
SPARSE_RATIO = 3.0

# What a model span's `score` is, for the tables' readers: the threshold compares the scaled score, so a hit
# in a document that reads loaded throughout can show a probability below the threshold.
MODEL_SCORE_NOTE = (
    "A model hit's score is the classifier's probability (0-1) for its strongest word. The hit is kept when that "
    "probability, scaled by how loaded the whole document reads (its mean word probability over the training "
    f"base rate, bounded to x{1 / MAX_SCALE:g}-x{MAX_SCALE:g}), reaches the model's threshold "
    f"(analysis/data/loaded_model.json; a hit of one word needs x{SINGLE_WORD_RATIO:.3g} the threshold); so in a "
    "document that reads loaded throughout, a hit can show a probability below the threshold."
)
MODEL_PATH = Path(__file__).resolve().parent / "data" / "loaded_model.json"


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The shipped lexicon, or a user CSV (raises LexiconError, a ValueError, listing problems by line)."""
    return _load_lexicon_file(path)


def column_slug(name: str) -> str:
    """A category or narrative as a column-name suffix: 'delegitimising label' -> 'delegitimising_label'."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


# The documents columns counting lexicon hits by category and by narrative, named once (not per document).
CATEGORY_COLUMNS = tuple((category, "loaded_cat_" + column_slug(category)) for category in CATEGORIES)
NARRATIVE_COLUMNS = tuple((narrative, "loaded_narr_" + column_slug(narrative)) for narrative in NARRATIVES)


# ---------------------------------------------------------------- learned detector


@dataclass(frozen=True, eq=False)  # holds dicts: compared and hashed by identity
class LoadedModel:
    """A linear token tagger: score(token) = sigmoid(bias + sum of weights of its features).

    Tokens scoring at least `threshold` seed a hit, which then grows over neighbours scoring at least
    `threshold * extend_ratio`, all within one sentence (tagged_runs). Scores are first scaled by (document mean score / `base_rate`), so a
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
        # Worker processes get the model without the scorer (~10 MB of index plus per-word records); they build their own.
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


# The suffixes by their last letter, each list in _SUFFIXES' order: only those can end a word (spares most tests).
_SUFFIXES_BY_LAST = {last: tuple(s for s in _SUFFIXES if s[-1] == last) for last in {s[-1] for s in _SUFFIXES}}


def _stem(word: str) -> str:
    """A crude stem so inflections share a feature (smeared/smearing -> smear): the word less the first of
    _SUFFIXES it ends with that leaves at least three letters."""
    for suffix in _SUFFIXES_BY_LAST.get(word[-1:], ()):
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
    # A four-letter prefix generalises to unseen derivations (anti-, ultr-, over-). No three-letter one: those
    # join unrelated words ("hum": humiliate / humidity, "hat": hatred / hatches, "div": divisive / diversity),
    # so one loaded word lifted every plain word that shares its first letters (5-fold out-of-fold lexicon +
    # model char F1 on PTC's development split 0.3452 -> 0.3478 without them; without p4 too: 0.3450).
    if len(word) > 4:
        own.append("p4:" + word[:4])
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


# The longest first line that reads as a headline for the "line0" feature: the longest in PTC's development split
# (its 283 first lines, all headlines, hold 2-31 words), so training sees the feature on every first line.
MAX_HEADLINE_WORDS = 31
# The features sentence_feature_columns gives, in the order a token lists them (sentence_features).
SENTENCE_FEATURES = ("slex:1", "slex:2+", "excl", "line0")


def sentence_feature_columns(text: str, tokens, lexicon_tags: list[str]) -> dict[str, np.ndarray]:
    """Features of each token's sentence as one boolean column per name (SENTENCE_FEATURES, in order):
    "slex:1" / "slex:2+" when one / several other tokens of its sentence are lexicon hits (loaded wording
    clusters), "excl" when its sentence holds an exclamation mark, "line0" when it is on the document's
    first line and that line is headline-short (MAX_HEADLINE_WORDS; headlines are often charged). Work is per
    sentence with a hit or a "!", not per token."""
    word_starts = tokens.word_starts
    n = len(word_starts)
    columns = {name: np.zeros(n, dtype=bool) for name in SENTENCE_FEATURES}
    spans = tokens.sentence_spans
    tagged = list(itertools.compress(range(n), lexicon_tags))
    if tagged or "!" in text:
        # A word belongs to the last sentence starting at or before it, so sentence k holds the words from
        # edges[k + 1] to edges[k + 2]; the words before the first sentence form group 0, with no sentence text.
        edges = [0, *(bisect.bisect_left(word_starts, s) for s, _ in spans), n]
        slex1, slex2 = columns["slex:1"], columns["slex:2+"]
        for group, count in Counter(bisect.bisect_right(edges, i) - 1 for i in tagged).items():
            # Every word of the group sees `count` lexicon hits, a hit itself sees the other count - 1.
            (slex1 if count == 1 else slex2)[edges[group]:edges[group + 1]] = True
            for i in tagged:
                if edges[group] <= i < edges[group + 1]:
                    slex1[i], slex2[i] = count == 2, count > 2
        sentence_starts = [s for s, _ in spans]
        excl = columns["excl"]
        mark = text.find("!")
        while mark >= 0:
            k = bisect.bisect_right(sentence_starts, mark) - 1  # the sentence that may hold this "!"
            if k >= 0 and mark < spans[k][1]:
                excl[edges[k + 1]:edges[k + 2]] = True
                mark = text.find("!", spans[k][1])
            else:
                mark = text.find("!", mark + 1)
    first_line_end = tokens.line_spans[0][1] if tokens.line_spans else 0
    first_line_words = bisect.bisect_left(word_starts, first_line_end)
    # The tagger learnt "line0" on headlines (PTC's first lines); a longer first line is a paragraph (a page
    # saved without line breaks), where the weight would lift every word of it.
    if first_line_words <= MAX_HEADLINE_WORDS:
        columns["line0"][:first_line_words] = True
    return columns


def sentence_features(text: str, tokens, lexicon_tags: list[str]) -> list[list[str]]:
    """Per token, the names of its sentence_feature_columns, in SENTENCE_FEATURES order (for token_features)."""
    features: list[list[str]] = [[] for _ in range(len(tokens.word_spans))]
    for name, column in sentence_feature_columns(text, tokens, lexicon_tags).items():
        for i in np.flatnonzero(column).tolist():
            features[i].append(name)
    return features


def token_scores(model: LoadedModel, features: list[list[str]]) -> list[float]:
    """Probability that each token is part of loaded wording."""
    weights, bias = model.weights, model.bias
    scores: list[float] = []
    for f in features:
        z = bias + sum(weights.get(name, 0.0) for name in f)
        scores.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
    return scores


_PAIR_KINDS = ("pb", "nb", "pst")
PADDING = ("<s2>", "<s1>", "</s1>", "</s2>")  # around the tokens, as token_features names them
# The columns of WordTable.values: a word's own weight and its weights as seen from its neighbours.
OWN, AS_P1, AS_N1, AS_P2, AS_N2, AS_QUOTED = range(6)
# The scorer's per-word table starts afresh beyond this many words (some 40 MB), so that a long-running
# process scoring ever new names and numbers stays bounded; the scores do not depend on the table.
MAX_CACHED_WORDS = 200_000
MAX_LEXICONS_KEPT = 4  # lexicons whose per-row records a scorer keeps (TokenScorer.lexicon_records)
_NO_WEIGHTS: dict = {}


class PairWeights:
    """The weights of word-pair features, to look a whole document's pairs up at once.

    A pair (left, right) of words or stems is the integer key left id << 32 | right id, the ids being
    those of a FeatureIndex vocabulary. `keys` are sorted and `weights[k]` holds the weights of the pair
    `keys[k]`, one column per feature kind (0.0 where the kind has no weight for the pair), so a
    document's pairs are found by one binary search.
    """

    def __init__(self, kinds: list[tuple[np.ndarray, list[float]]]):
        """`kinds`: per feature kind (a column each, in order), its pairs' keys and their weights (each key once)."""
        every = np.sort(np.concatenate([keys for keys, _ in kinds]))
        self.keys = every[np.concatenate(([True], every[1:] != every[:-1]))] if len(every) else every
        self.weights = np.zeros((len(self.keys), len(kinds)))
        for column, (keys, weights) in enumerate(kinds):
            self.weights[np.searchsorted(self.keys, keys), column] = weights

    def lookup(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """The weights of each pair (left[i], right[i]) of vocabulary ids, a row per pair (0.0 without one)."""
        found = np.zeros((len(left), self.weights.shape[1]))
        if not len(self.keys):
            return found
        wanted = (left << 32) | right
        # Searching the pairs in sorted order takes half the time (each search starts from the last).
        order = np.argsort(wanted)
        at = np.minimum(np.searchsorted(self.keys, wanted[order]), len(self.keys) - 1)
        hit = self.keys[at] == wanted[order]
        found[order[hit]] = self.weights[at[hit]]
        return found


@dataclass(frozen=True)
class FeatureIndex:
    """A model's weights regrouped by feature kind (the name up to its first ":"), to look up by word."""

    single: dict[str, dict[str, float]]  # kind -> value -> weight: "p1" -> "the" -> weight of "p1:the"
    # Every word or stem a word-pair feature names -> its id; a string not in it gets len(vocabulary),
    # which no key holds.
    vocabulary: dict[str, int]
    # The weights of "pb:<left>|<right>" and "nb:<left>|<right>" (columns 0 and 1), both features of two
    # neighbouring words, so that a document's neighbours are looked up once; and those of "pst:<left>|<right>".
    neighbours: PairWeights
    stems: PairWeights


def feature_index(weights: dict[str, float]) -> FeatureIndex:
    """The weights regrouped by kind, the word-pair kinds by the ids of their two elements (words and
    stems hold no ":" or "|", so every name splits one way). One pass over the weights, ~0.1 s."""
    single: dict[str, dict[str, float]] = {}
    pairs: dict[str, tuple[list[str], list[str], list[float]]] = {kind: ([], [], []) for kind in _PAIR_KINDS}
    for name, weight in weights.items():
        kind, _, value = name.partition(":")
        pair = pairs.get(kind)
        if pair is None:
            by_value = single.get(kind)
            if by_value is None:
                by_value = single[kind] = {}
            by_value[value] = weight
        else:
            left, _, right = value.partition("|")
            pair[0].append(left)
            pair[1].append(right)
            pair[2].append(weight)
    strings = dict.fromkeys(s for lefts, rights, _ in pairs.values() for s in itertools.chain(lefts, rights))
    vocabulary = dict(zip(strings, range(len(strings))))

    def keyed(kind: str) -> tuple[np.ndarray, list[float]]:
        lefts, rights, kind_weights = pairs[kind]
        ids = [np.fromiter(map(vocabulary.__getitem__, side), dtype=np.int64, count=len(side)) for side in (lefts, rights)]
        return (ids[0] << 32) | ids[1], kind_weights

    return FeatureIndex(single, vocabulary, PairWeights([keyed("pb"), keyed("nb")]), PairWeights([keyed("pst")]))


class _Rows(dict):
    """word as written -> its WordTable row. A word met for the first time gets the next free row and waits
    in `new` until the scorer fills its weights in (WordTable.fill): a document's rows are then found in one
    pass over its tokens, without first collecting its new words (a set of every token cost ~0.1 ms a document)."""

    def __init__(self):
        super().__init__()
        self.new: list[str] = []
        self.next_row = 0

    def __missing__(self, word: str) -> int:
        row = self[word] = self.next_row
        self.next_row += 1
        self.new.append(word)
        return row


class WordTable:
    """The per-word weights of every word (as written) a scorer has met, one row per word, so that a
    document's tokens are scored by gathering rows (numpy) instead of word by word in Python.

    `values[row]` holds the word's weights in the columns OWN (the sum of its own features' weights, added
    in own_features' order from 0, as sum() adds them), AS_P1, AS_N1, AS_P2, AS_N2 ("p1:<word>", ... : its
    weights as a neighbour) and AS_QUOTED ("qw:<word>"); `ids[row]` holds the pair-vocabulary ids
    (PairWeights) of its normalize_word()ed form and of that form's stem. `rows` maps a word to its row,
    giving a new word the next row (its weights are then filled in with `fill`); rows 0-3 are PADDING.
    `words[row]` is the row's word. The arrays grow by doubling. `generation` counts the resets (rows
    handed out before a reset mean nothing after it).
    """

    def __init__(self, padding_values: list[tuple], padding_ids: list[tuple]):
        self.padding = (padding_values, padding_ids)
        self.values = np.zeros((1024, 6))
        self.ids = np.zeros((1024, 2), dtype=np.int64)
        self.rows = _Rows()
        self.words: list[str] = []
        self.generation = 0
        self.reset()

    def reset(self) -> None:
        """Forget every word but the padding."""
        self.rows.clear()
        self.rows.new.clear()
        self.rows.update(zip(PADDING, range(len(PADDING))))
        self.words[:] = PADDING
        self.generation += 1
        self.rows.next_row = self.size = len(PADDING)
        values, ids = self.padding
        self.values[:self.size] = values
        self.ids[:self.size] = ids

    def fill(self, values: list[tuple], ids: list[tuple]) -> None:
        """Fill in the rows of the words waiting in rows.new (values and ids in that order), then clear it."""
        end = self.size + len(values)
        assert end == self.rows.next_row and len(values) == len(self.rows.new)
        if end > len(self.values):
            capacity = max(end, 2 * len(self.values))
            self.values = np.resize(self.values, (capacity, 6))
            self.ids = np.resize(self.ids, (capacity, 2))
        if values:
            self.values[self.size:end] = values
            self.ids[self.size:end] = ids
        self.words.extend(self.rows.new)
        self.rows.new.clear()
        self.size = end


class GatheredRows(NamedTuple):
    """A document's WordTable rows copied out (the padding included), and the lexicon's records of its tokens:
    what scoring reads, so that no other thread's new words or table reset can change it meanwhile."""

    values: np.ndarray
    ids: np.ndarray
    lexicon_records: list | None


class TokenScorer:
    """token_scores(model, token_features(...)) without building a feature string per token.

    A token's score is the sum of its features' weights. Most features depend on one word at a fixed
    offset, so their weights are looked up once per distinct word and kept in a WordTable; a document
    is then scored with a handful of array operations: gather its words' rows, add the weights of each
    offset, look its word pairs up (PairWeights), then add the optional features (quotation, sentence,
    lexicon) to the tokens that have them. The weights are added in exactly the order token_features lists
    the features (float additions done elementwise in the same order give the same floats), so every
    score is the same float bit for bit (tests/test_loaded.py checks this).
    """

    def __init__(self, model: LoadedModel):
        self.model = model
        index = self.index = feature_index(model.weights)
        single = index.single
        self.get = model.weights.get
        # The kinds of own_features, in its order, and of a word seen from its neighbours (WordTable columns).
        self._own_kinds = tuple(single.get(kind, _NO_WEIGHTS) for kind in ("w", "s3", "s4", "sh", "st", "e", "p4"))
        self._neighbour_kinds = tuple(single.get(kind, _NO_WEIGHTS) for kind in ("p1", "n1", "p2", "n2", "qw"))
        self.vocabulary = index.vocabulary
        # The padding is never anyone's own word: only its weights as a neighbour count.
        padding = [self._record(pad, pad, own=False) for pad in PADDING]
        self.table = WordTable([values for values, _ in padding], [ids for _, ids in padding])
        # lexicon -> (table generation, lexicon.candidates_of[word] of each table row's word): see lexicon_records.
        self._lexicon_rows: dict[Lexicon, tuple[int, list]] = {}
        # The table is shared by every thread using this model (Streamlit sessions, a Dask worker's threads):
        # giving new words rows, filling them in and copying a document's rows out must not interleave.
        self.lock = threading.Lock()

    def _record(self, raw: str, word: str, own: bool = True) -> tuple[tuple, tuple]:
        """A word's WordTable row (values, ids), from the feature index; `word` is normalize_word(raw)."""
        stem = _stem(word)
        total = 0  # the own features' weights, added in own_features' order as sum() adds them
        if own:
            w, s3, s4, sh, st, e, p4 = self._own_kinds
            total += w.get(word, 0.0)
            total += s3.get(word[-3:], 0.0)
            total += s4.get(word[-4:], 0.0)
            total += sh.get(_shape(raw), 0.0)
            total += st.get(stem, 0.0)
            easy_words = self.model.easy_words
            if easy_words:
                total += e.get("1" if word in easy_words else ("0" if len(word) > 3 else "s"), 0.0)
            if len(word) > 4:
                total += p4.get(word[:4], 0.0)
        p1, n1, p2, n2, qw = self._neighbour_kinds
        unknown = len(self.vocabulary)
        return ((total, p1.get(word, 0.0), n1.get(word, 0.0), p2.get(word, 0.0), n2.get(word, 0.0), qw.get(word, 0.0)),
                (self.vocabulary.get(word, unknown), self.vocabulary.get(stem, unknown)))

    def rows_of(self, raw_words: tuple[str, ...]) -> np.ndarray:
        """The WordTable rows of the tokens with the padding around them (first adding the new words)."""
        table = self.table
        if table.size + len(raw_words) > MAX_CACHED_WORDS:  # a document adds at most its own words
            table.reset()
        rows = np.empty(len(raw_words) + 4, dtype=np.intp)
        rows[:2] = (0, 1)  # "<s2>", "<s1>"
        # New words get the next rows here (in order of first appearance), and their weights just below.
        rows[2:-2] = np.fromiter(map(table.rows.__getitem__, raw_words), dtype=np.intp, count=len(raw_words))
        rows[-2:] = (2, 3)  # "</s1>", "</s2>"
        if table.rows.new:
            records = [self._record(raw, normalize_word(raw)) for raw in table.rows.new]
            table.fill([values for values, _ in records], [ids for _, ids in records])
        return rows

    def gather(self, raw_words: tuple[str, ...], lexicon: Lexicon | None = None) -> GatheredRows:
        """The tokens' rows (rows_of) copied out of the table, with their lexicon records when a lexicon is
        given, all under the scorer's lock (thread-safe); raw_words must hold at least one word."""
        with self.lock:
            rows = self.rows_of(raw_words)
            records = self.lexicon_records(lexicon, rows) if lexicon is not None else None
            # take() gathers whole rows several times faster than fancy indexing (same values).
            return GatheredRows(self.table.values.take(rows, axis=0), self.table.ids.take(rows, axis=0), records)

    def lexicon_records(self, lexicon: Lexicon, rows: np.ndarray) -> list:
        """lexicon.candidates_of[word] for each token, given the rows rows_of just gave for the tokens.

        The records are kept by table row (for a few lexicons: sessions with and without a custom lexicon may
        share the model), so that a document's words are looked up in one dict, the table's, not also in the
        lexicon's: each look-up in a large dict mostly misses the CPU cache between documents, and the second
        pass cost ~0.15 ms a document; a list indexed by row costs a fraction of it."""
        table = self.table
        generation, records = self._lexicon_rows.get(lexicon, (None, []))
        if generation != table.generation:
            if len(self._lexicon_rows) >= MAX_LEXICONS_KEPT:
                self._lexicon_rows.clear()
            records = []
            self._lexicon_rows[lexicon] = (table.generation, records)
        if len(records) < table.size:
            records.extend(map(lexicon.candidates_of.__getitem__, table.words[len(records):table.size]))
        return list(map(records.__getitem__, rows[2:-2].tolist()))

    def scores(
        self,
        raw_words: tuple[str, ...],
        quoted,
        lexicon_tags: list[str],
        extra: dict[str, np.ndarray],
    ) -> list[float]:
        """Probability that each token is part of loaded wording, given token_features' arguments (with the
        model's easy words): the tokens as written, their quotation flags (a sequence of bools) and lexicon
        tags, and the optional per-token features as one boolean column per name (sentence_feature_columns),
        added in the columns' order, which must be the order token_features' `extra` lists them in."""
        if not raw_words:
            return []
        return self.row_scores(self.gather(raw_words), quoted, lexicon_tags, extra).tolist()

    def row_scores(self, gathered: GatheredRows, quoted, lexicon_tags: list[str], extra: dict[str, np.ndarray]) -> np.ndarray:
        """scores() as a float64 array, for the tokens whose rows `gathered` holds (gather of at least one token)."""
        values, ids = gathered.values, gathered.ids
        n = len(values) - 4
        # Row i + 2 is token i's; p2, p1, n1, n2 are rows i, i + 1, i + 3, i + 4 (padding at the edges).
        # Added in token_features' order: own, p1, n1, p2, n2, pb, nb, pst.
        total = values[2:n + 2, OWN].copy()
        total += values[1:n + 1, AS_P1]
        total += values[3:n + 3, AS_N1]
        total += values[0:n, AS_P2]
        total += values[4:n + 4, AS_N2]
        words, stems = ids[:, 0], ids[:, 1]
        # neighbours[j] holds the weights of the words of rows j + 1 and j + 2 as a pair (from "<s1>" to "</s1>").
        neighbours = self.index.neighbours.lookup(words[1:n + 2], words[2:n + 3])
        total += neighbours[:n, 0]  # "pb:<p1>|<word>"
        total += neighbours[1:, 1]  # "nb:<word>|<n1>"
        total += self.index.stems.lookup(stems[1:n + 1], stems[2:n + 2])[:, 0]  # "pst:<stem of p1>|<stem>"
        # Then, for the tokens that have them, the optional features in the same order: q, qw, sentence, lexicon.
        get = self.get
        quoted = np.asarray(quoted, dtype=bool)
        if quoted.any():
            total[quoted] += get("q", 0.0)
            total[quoted] += values[2:n + 2, AS_QUOTED][quoted]
        for name, column in extra.items():
            if column.any():
                total[column] += get(name, 0.0)
        tagged = list(itertools.compress(range(n), lexicon_tags))
        if tagged:
            at = np.array(tagged)
            total[at] += np.array([get("lex:" + lexicon_tags[i], 0.0) for i in tagged])
            total[at] += get("lex", 0.0)
            near = np.zeros(n + 2, dtype=bool)  # near[i + 1]: token i is next to a hit ("lexnb" when not one itself)
            near[at] = True
            near[at + 2] = True
            near = near[1:n + 1]
            near[at] = False
            total[near] += get("lexnb", 0.0)
        # z = bias + total, clamped to [-30, 30] as in token_scores; math.exp, as token_scores uses
        # (numpy's exp may differ from it in the last bit).
        z = np.clip(self.model.bias + total, -30.0, 30.0)
        return 1.0 / (1.0 + np.fromiter(map(math.exp, (-z).tolist()), dtype=np.float64, count=n))


def sentence_starts(tokens) -> np.ndarray:
    """Per word of `tokens` (a text's Tokens): True when one of the tokenizer's sentences starts at it, after
    a sentence end or a line break (abbreviations such as "Mr." or "U.S." end none); never the first word."""
    starts = np.zeros(len(tokens.word_starts) + 1, dtype=bool)  # one more: a sentence with no word lands there
    if tokens.sentence_spans:
        starts[np.searchsorted(np.asarray(tokens.word_starts, dtype=np.int64), [s for s, _ in tokens.sentence_spans])] = True
    starts[0] = False
    return starts[:-1]


# Punctuation between two words that ends a phrase or opens one, one bit per kind (phrase_marks gives them per word).
# In PTC's development split a gold span runs on over a plain space in 68 % of the gaps where one ends or that it
# runs over, but over a comma or semicolon in 34 %, an opening quotation mark 34 %, an opening bracket 28 %, a dash
# 14 % and a colon never (0 of 43).
COMMA, COLON, DASH, OPENING, SLASH, QUOTE, CLOSING = 1, 2, 4, 8, 16, 32, 64  # QUOTE: the opening mark is a quotation mark
# Each kind: (bit, the characters it is one of, what must stand around that character), the pattern being
# f"[{characters}]{context}". Each matches one character, and no character matches two kinds (a straight quote
# opens before a word and closes before none), so phrase_marks finds them all in one pass (PHRASE_MARKS_RE).
PHRASE_MARKS = (
    (COMMA, ",;", ""),
    (COLON, ":", ""),
    # A long dash, a doubled hyphen, or a hyphen with a space on one side (a single hyphen between two words
    # joins a compound: hyphen_joins).
    (DASH, f"‒–—―{HYPHEN_CHARS}", rf"(?:(?<=[‒–—―])|(?<=\s[{HYPHEN_CHARS}])|(?=[{HYPHEN_CHARS}\s]))"),
    # An opening bracket, and an opening quotation mark: a straight quote opens when a word follows it and a space,
    # a bracket or a dash (or nothing) comes before it.
    (OPENING, r"(\[{", ""),
    (OPENING | QUOTE, "“‘«„\"'", rf"(?:(?<=[“‘«„])|(?<![^\s(\[{{‒–—―{HYPHEN_CHARS}][\"'])(?=\w))"),
    (SLASH, "/", ""),
    # A closing quotation mark: after a word or its punctuation, with no word after it ("vilified” educators"). A
    # single one after an "s" is taken for a plural's apostrophe ("the teachers’ union") and marks nothing.
    (CLOSING, "”»\"’'", r"(?<=\S[”»\"’'])(?<![sS][’'])(?!\w)"),
)
# Every kind at once: any of their characters, then the first kind whose characters hold it (a lookbehind) and
# whose context holds, closed by an empty group whose number (the match's lastindex) names the kind. It starts
# with one character class, so the regex engine skips ahead in C (seven passes, one per kind, cost ~0.1 ms a
# document more; a pattern opening with alternatives is tried at every character: 10x slower).
PHRASE_MARKS_RE = re.compile(
    "[" + "".join(characters for _, characters, _ in PHRASE_MARKS) + "](?:"
    + "|".join(f"(?<=[{characters}]){context}()" for _, characters, context in PHRASE_MARKS) + ")"
)
_LASTINDEX = attrgetter("lastindex")
_MARK_BITS = np.array([0, *(bit for bit, _, _ in PHRASE_MARKS)], dtype=np.uint8)  # group number -> bit
# Growing a hit over weaker words (tagged_runs) stops at every mark going forwards: what follows a comma, colon,
# dash, slash or opening quote starts a new phrase ("Russian capital, roughly", "infamous \"Gang of Eight").
# Going backwards it stops at all but a comma: the word before a comma is often one more item of the same list
# ("hard, toilsome"), while the words before an opening quote or bracket are the author's lead-in to them
# ("Could ‘Explode", "raid Mujahideen (Taliban"). On the tagger's 5-fold out-of-fold hits on PTC's development
# split, the parts so grown past a comma held gold in 17 % of their characters forwards, 41 % backwards (all hits:
# 37 %), those grown backwards before an opening quote or bracket 12 %. Words on both sides that reach the threshold
# themselves still make one hit ("partisan, conservative judges"), except across a colon, which ends a phrase as a
# sentence end does, or a quotation mark (RUN_STOPS).
STOPS_GROWTH_BACKWARDS = COLON | DASH | OPENING | SLASH
# No run crosses a colon, nor a quotation mark that opens before a word or closes after one: high words either side
# are two hits, as across a sentence start. The quoted words and the author's around them are two voices, and a hit
# holding both gets one of them ("vilified” educators", "verdict was “horrifying"). In PTC's development split a gold
# span runs over 29 % of the closing marks where one ends or that it runs over (62 of 216), 31 % of the opening ones
# (94 of 302), against 68 % of the gaps with no mark; a quoted label inside its marks stays whole ("dubbed “Creepy
# Lawyer”"). On the tagger's 5-fold out-of-fold hits (shipped threshold), these stops and a bridge only where no mark
# is (tagged_runs) took span F1 0.3582 -> 0.3602 for char F1 0.3556 -> 0.3543 (lexicon + model). The low words a
# bridge would have crossed a mark to join held gold in 31 % of cases (15 of 48), those with no mark 30 %.
RUN_STOPS = COLON | QUOTE | CLOSING


def phrase_marks(text: str, word_starts, word_ends) -> np.ndarray:
    """Per word (given by its start and end offsets, in order): the PHRASE_MARKS bits of the punctuation between
    the word before it and it (0 for the first word)."""
    starts = np.asarray(word_starts, dtype=np.int64)
    ends = np.asarray(word_ends, dtype=np.int64)
    marks = np.zeros(len(starts), dtype=np.uint8)
    found = list(PHRASE_MARKS_RE.finditer(text))
    at = np.fromiter(map(re.Match.start, found), dtype=np.int64, count=len(found))
    kinds = np.fromiter(map(_LASTINDEX, found), dtype=np.intp, count=len(found))
    after = np.searchsorted(starts, at)  # the first word starting after each mark
    inside = (after > 0) & (after < len(starts))
    after, at, kinds = after[inside], at[inside], kinds[inside]
    between = ends[after - 1] <= at  # a mark between two words, not before the first or after the last
    np.bitwise_or.at(marks, after[between], _MARK_BITS[kinds[between]])
    return marks


def tagged_runs(scores, threshold: float, extend_ratio: float = 1.0, sentences=None, marks=None) -> list[tuple[int, int]]:
    """Runs [first, last] of tokens at or above threshold (a single low token between two high ones joins
    them), each grown over neighbours at or above threshold * extend_ratio; runs do not overlap. `scores`
    is a list or an array. Given `sentences` (sentence_starts), no run crosses a sentence's start: high words
    either side of it are two runs, a low word bridges two high ones only within one sentence, and growing
    stops there (of the gaps between two words where a PTC gold span ends or that it runs over, it runs over
    66 % of those with no mark, but 4 % of sentence ends and 3 % of line breaks; development split). Given
    `marks` (phrase_marks), growing and a low word's bridge stop at punctuation as PHRASE_MARKS' notes say, and a
    colon or a quotation mark at a word's edge (RUN_STOPS) is a sentence start."""
    n = len(scores)
    stops = np.zeros(n + 1, dtype=bool)  # one more: no sentence starts after the last token
    if sentences is not None:
        stops[:n] = sentences
    forward_stops = backward_stops = stops
    if marks is not None:
        stops[:n] |= (marks & RUN_STOPS) != 0
        forward_stops = stops.copy()
        forward_stops[:n] |= marks != 0
        backward_stops = stops.copy()
        backward_stops[:n] |= (marks & STOPS_GROWTH_BACKWARDS) != 0
    padded = np.zeros(n + 2, dtype=bool)  # the flags with a low token either side
    flags = padded[1:-1]
    np.greater_equal(np.asarray(scores, dtype=np.float64), threshold, out=flags)
    # A low token joins its high neighbours when neither it nor the next starts a sentence, nor has a mark before
    # it (forward_stops: a bridge grows the left word forwards, as growing does). (Filling all gaps at once is the
    # same as one by one, left to right: a filled gap is followed by a high token.)
    flags[1:-1] |= flags[:-2] & flags[2:] & ~forward_stops[1:n - 1] & ~forward_stops[2:n]
    # A run starts at a high token after a low one or at a sentence start, and ends before a low token or one
    # starting a sentence.
    firsts = np.flatnonzero(flags & (~padded[:-2] | stops[:n])).tolist()
    lasts = np.flatnonzero(flags & (~padded[2:] | stops[1:])).tolist()
    low = threshold * extend_ratio
    grown: list[tuple[int, int]] = []
    for first, last in zip(firsts, lasts):
        while first > 0 and scores[first - 1] >= low and (not grown or first - 1 > grown[-1][1]) and not backward_stops[first]:
            first -= 1
        while last + 1 < n and scores[last + 1] >= low and not forward_stops[last + 1]:
            last += 1
        # A run that reaches the last one joins it (growing never crosses a sentence start, so they share one).
        if grown and (first <= grown[-1][1] or (first == grown[-1][1] + 1 and not stops[first])):
            grown[-1] = (grown[-1][0], max(grown[-1][1], last))
        else:
            grown.append((first, last))
    return grown


def scaled_scores(model: LoadedModel, scores) -> np.ndarray:
    """Token scores (a list or array) scaled by (document mean score / training base rate), as an array."""
    values = np.asarray(scores, dtype=np.float64)
    if model.base_rate <= 0 or not len(values):
        return values.copy()
    # The floats added left to right, as sum() of the list adds them: np.cumsum (add.accumulate) adds one at a
    # time, where np.sum adds pairwise (the last bit may differ); it spares making a float object per token.
    factor = (float(np.cumsum(values)[-1]) / len(values)) / model.base_rate
    # Bounded so a short, dense snippet does not flag every word (PTC articles range ~0.4-3).
    factor = min(MAX_SCALE, max(1.0 / MAX_SCALE, factor))
    return values * factor


def density_prior(lexicon_hits: int, words: int) -> float:
    """How much higher a model hit's bar is in a document that reads plainly: SPARSE_RATIO when the lexicon finds
    nothing in its `words` (body words), falling linearly to 1 at SPARSE_DENSITY lexicon hits per 1,000 words."""
    density = 1000.0 * lexicon_hits / words if words else 0.0
    return 1.0 + (SPARSE_RATIO - 1.0) * max(0.0, 1.0 - density / SPARSE_DENSITY)


def model_word_runs(model: LoadedModel, scores, words, sentences, joins=None, marks=None, prior: float = 1.0) -> list[tuple[int, int]]:
    """The model's own hits (before the lexicon is consulted) as word-index runs [first, last]: the runs of the
    scores scaled to the document (tagged_runs; `sentences` are the document's sentence_starts, None: one
    sentence; `marks` its phrase_marks, None: none) with their edges trimmed (trim_runs; `joins`: hyphen_joins,
    None: no compounds), less the one-word hits (see below) whose scaled score stays below
    threshold * SINGLE_WORD_RATIO, and less the hits whose strongest scaled score stays below their bar times
    `prior` (density_prior: a document the lexicon finds little in needs surer hits). `words` are the tokens as written."""
    scaled = scaled_scores(model, scores)
    runs = trim_runs(tagged_runs(scaled, model.threshold, model.extend_ratio, sentences, marks), words, joins, sentences, marks)
    single_bar = model.threshold * SINGLE_WORD_RATIO
    # A run is one word when one of its words reached the tagging level (threshold x extend ratio), the others being
    # the rest of its compound: growing "abiding" over "law-" makes no two-word hit of it.
    tagging_level = model.threshold * model.extend_ratio
    kept = []
    for first, last in runs:
        strongest = scaled[first:last + 1].max()
        if last > first and int(np.count_nonzero(scaled[first:last + 1] >= tagging_level)) >= 2:
            bar = model.threshold
        else:
            bar = single_bar
        if strongest >= bar * prior:
            kept.append((first, last))
    return kept


# A single hyphen between two words joins them into one compound ("anti-Iran", "high-profile", "so-called"); a
# double one ("apple--they") or a spaced one is a dash. A dot between two single letters joins an abbreviation ("U.S.").
# (Written to start with one character class: a pattern opening with a lookbehind is tried at every character.)
HYPHEN_JOIN_RE = re.compile(rf"[{HYPHEN_CHARS}.](?:(?<=\w[{HYPHEN_CHARS}])(?=\w)|(?<=\b\w\.)(?=\w\b))")


def hyphen_joins(text: str, word_ends) -> np.ndarray:
    """Per word (given by its end offsets, in order): joined to the next word into one written word, by a single
    hyphen or an abbreviation's dot (HYPHEN_JOIN_RE)."""
    ends = np.asarray(word_ends, dtype=np.int64)
    joins = np.zeros(len(ends), dtype=bool)
    hyphens = np.fromiter((m.start() for m in HYPHEN_JOIN_RE.finditer(text)), dtype=np.int64)
    at = np.searchsorted(ends, hyphens)  # the first word ending at or after each hyphen
    inside = at < len(ends)
    at, hyphens = at[inside], hyphens[inside]
    joins[at[ends[at] == hyphens]] = True
    return joins


# Function words are not loaded on their own: trimmed from the edges of model hits. Neither are the neutral
# verbs that report speech ("said", "told", "indicated": analysis/actors.py): they attribute the words, and only
# 4 of PTC's 2,399 gold spans (development split) start or end with one.
EDGE_WORDS = frozenset(
    "a an the of to and or but in on at for with by from as that this these those its their his her our "
    "my your is are was were be been it he she they we i who which than so".split()
) | frozenset(NEUTRAL_VERBS)


# Prepositions that want an object and "all" end no loaded phrase ("a debacle without", "stickers all over"), nor
# do the prefixes "anti" and "non" cut from their word ("hypocritical anti"). The particles of phrasal verbs
# ("freaked out", "dumbing down", "whip up") belong to their verb and stay. Trimming these from the end of the
# tagger's 5-fold out-of-fold hits on PTC's development split (shipped threshold) changed char precision
# 0.3372 -> 0.3381 for recall 0.3606 -> 0.3603.
END_WORDS = frozenset(
    "without over into onto about against through across under upon within among around after before between "
    "toward towards via per all anti non".split()
)


def is_edge_word(word: str) -> bool:
    """True for a function word or neutral reporting verb (EDGE_WORDS), given as written or normalize_word()ed."""
    return NORMALIZED_WORDS[word] in EDGE_WORDS


# Office titles and neutral designations of people in public life (analysis/actors.py's OFFICE_NOUNS), and the words
# that qualify them. A model hit naming only an office ("prime minister of Hungary", "Russian president", "foreign
# ministers", "secretary general") is no loaded wording. On PTC's
# development split 34 of the 1,516 phrases names_an_office accepts touch a gold Loaded_Language or Name_Calling
# span, and 1.8 % of their words lie in one (39 of 2,200) against 3.5 % of all words; of the tagger's 5-fold
# out-of-fold hits, 5 name only an office and 1 of them lies in gold (char precision 0.20, other hits 0.36).
# The qualifiers are actors' OFFICE_QUALIFIERS (the words of an office's title), nationalities, and the adjectives
# "acting" and "senior", which qualify an office in a phrase ("a senior official") but which actors' titles leave
# out (an adjective before a title is cut off with what comes before it there).
OFFICE_PHRASE_QUALIFIERS = OFFICE_QUALIFIERS | {"acting", "senior"} | NATIONALITIES | DEMONYMS


def _without_possessive(word: str) -> str:
    """A normalize_word()ed word less a possessive ending ("minister's" -> "minister")."""
    return word[:-2] if word.endswith("'s") else word


def names_an_office(words, first: int, last: int) -> bool:
    """True when words[first..last] (as written) only name an office: a capitalised possessive or nothing,
    then office words (OFFICE_NOUNS, singular or plural, at least one) and their qualifiers (OFFICE_PHRASE_QUALIFIERS,
    nationalities), then nothing or "of" [the] and capitalised words (the place or body: "of Hungary", "of the
    United States", "of Foreign Affairs")."""
    k = first
    if words[k][:1].isupper() and _without_possessive(NORMALIZED_WORDS[words[k]]) != NORMALIZED_WORDS[words[k]]:
        k += 1  # "Hungary's prime minister"
    office = False
    while k <= last:
        word = _without_possessive(NORMALIZED_WORDS[words[k]])
        if word in OFFICE_NOUNS or (word.endswith("s") and word[:-1] in OFFICE_NOUNS):
            office = True
        elif word not in OFFICE_PHRASE_QUALIFIERS:
            break
        k += 1
    if not office or k > last:
        return office
    if NORMALIZED_WORDS[words[k]] != "of":
        return False
    k += 1
    if k < last and NORMALIZED_WORDS[words[k]] == "the":
        k += 1
    return k <= last and all(words[m][:1].isupper() for m in range(k, last + 1))


def _is_capitalised(word: str) -> bool:
    """A word written with a capital first letter but not in capitals throughout ("Machine", "McCarrick", "I")."""
    return word[:1].isupper() and not _is_in_capitals(word)


def _is_in_capitals(word: str) -> bool:
    """A word of two or more letters, all capitals ("KARACHI", "FBI")."""
    return word.isupper() and sum(c.isalpha() for c in word) > 1


def _lowercase_beside(words, first: int, last: int, sentences) -> bool:
    """True when the nearest word before words[first..last] or after it, within its sentence, that is not a common
    word (analysis/stopwords.py) nor a number, starts with a lower-case letter: the run sits in sentence-case prose."""
    k = first
    while k > 0 and not (sentences is not None and sentences[k]):
        k -= 1
        if words[k][:1].isalpha() and NORMALIZED_WORDS[words[k]] not in ENGLISH_STOP_WORDS:
            if words[k][:1].islower():
                return True
            break
    for k in range(last + 1, len(words)):
        if sentences is not None and sentences[k]:
            break
        if words[k][:1].isalpha() and NORMALIZED_WORDS[words[k]] not in ENGLISH_STOP_WORDS:
            return words[k][:1].islower()
    return False


def _opened_by_a_quote(words, first: int, marks) -> bool:
    """True when an opening quotation mark stands before words[first] or before the function words that lead to it
    ("known as “The [[Great Left Hope]]”"); `marks`: phrase_marks."""
    k = first
    while not marks[k] and k > 0 and is_edge_word(words[k - 1]):
        k -= 1
    return bool(marks[k] & QUOTE)


def names_a_name(words, first: int, last: int, sentences=None, marks=None) -> bool:
    """True when words[first..last] (as written) are a proper name: capitalised words only (not in capitals
    throughout), not one word capitalised for starting its sentence (`sentences`: sentence_starts, None: one
    sentence), beside lower-case prose (_lowercase_beside) so that the capitals are not a headline's title case
    ("[[Big Machine]] has denied", "William (“nighty-night baby!”) [[Tobin]], after", but "Homeschooling Protects
    Children from [[Violence]] and Marxism" stays). Capitalised words opened by a quotation mark (`marks`:
    phrase_marks; _opened_by_a_quote) are a coined label quoted as such and stay ("dubbed “[[Creepy Lawyer]]”",
    "described as "[[Kapos]]""). Of the tagger's 5-fold out-of-fold hits on PTC's development split (shipped threshold), 22 were
    names so, with 2 % of their characters in gold (the other hits: 38 %)."""
    if marks is not None and _opened_by_a_quote(words, first, marks):
        return False
    if not all(_is_capitalised(words[k]) for k in range(first, last + 1)):
        return False
    if first == last and (first == 0 or (sentences is not None and sentences[first])):
        return False
    return _lowercase_beside(words, first, last, sentences)


def labels_a_line(words, first: int, last: int, sentences=None, marks=None) -> bool:
    """True when words[first..last] (as written) are a dateline or a speaker's label: words in capitals only,
    followed by a colon, comma or dash (`marks`: phrase_marks), with no lower-case word before them in their
    sentence ("[[ROME]], February 2", "[[SOLOMON]]: And the ...", "... Fazlur Rehman [[KARACHI]]: Firebrand").
    Capitals after a lower-case word are emphasis ("is a TOTAL HOAX,") and stay. Of the tagger's 5-fold out-of-fold
    hits on PTC's development split (shipped threshold), 6 were labels so ("[[VATICAN CITY]] —", "[[BREAKING NEWS]]:"),
    none in gold."""
    if marks is None or last + 1 >= len(words) or not marks[last + 1] & (COLON | COMMA | DASH):
        return False
    if not all(_is_in_capitals(words[k]) for k in range(first, last + 1)):
        return False
    return first == 0 or bool(sentences is not None and sentences[first]) or not words[first - 1][:1].islower()


def whole_compounds(runs: list[tuple[int, int]], joins) -> list[tuple[int, int]]:
    """Runs grown over the rest of the hyphenated compounds at their edges (`joins`: hyphen_joins): an edge inside
    a compound cuts a word in two ("hypocritical anti|-Iran", "same-|sex marriage"). Runs that then meet are one.
    On the tagger's 5-fold out-of-fold hits on PTC's development split (shipped threshold) char-F1 0.3478 -> 0.3485."""
    grown: list[tuple[int, int]] = []
    for first, last in runs:
        while first > 0 and joins[first - 1]:
            first -= 1
        while last + 1 < len(joins) and joins[last]:
            last += 1
        if grown and first <= grown[-1][1]:
            grown[-1] = (grown[-1][0], max(grown[-1][1], last))
        else:
            grown.append((first, last))
    return grown


def trim_runs(runs: list[tuple[int, int]], words, joins=None, sentences=None, marks=None) -> list[tuple[int, int]]:
    """Runs grown to whole hyphenated compounds (`joins`: hyphen_joins, None: none), without function words or
    neutral reporting verbs (EDGE_WORDS) at either edge nor a preposition, particle or prefix (END_WORDS) at
    their end; runs of function or other common words only (analysis/stopwords.py) and runs naming only an
    office (names_an_office), a proper name (names_a_name; `sentences`: sentence_starts, None: one sentence) or a
    dateline or speaker's label (labels_a_line; `marks`: phrase_marks, None: none) are dropped. `words` are the
    tokens as written (these rules read their capitals)."""
    if joins is not None:
        runs = whole_compounds(runs, joins)
    trimmed: list[tuple[int, int]] = []
    for first, last in runs:
        # Edge words go, but not out of a compound ("went all-in").
        while first <= last and is_edge_word(words[first]) and not (joins is not None and joins[first]):
            first += 1
        while last >= first and (is_edge_word(words[last]) or NORMALIZED_WORDS[words[last]] in END_WORDS) \
                and not (joins is not None and last > 0 and joins[last - 1]):
            last -= 1
        # A run of common words only ("you", "get", "has never") holds no loaded word, whatever its score.
        if first > last or all(NORMALIZED_WORDS[words[k]] in ENGLISH_STOP_WORDS for k in range(first, last + 1)):
            continue
        if not (names_an_office(words, first, last) or names_a_name(words, first, last, sentences, marks)
                or labels_a_line(words, first, last, sentences, marks)):
            trimmed.append((first, last))
    return trimmed


def uncovered_runs(runs: list[tuple[int, int]], covered: list[bool], words) -> list[tuple[int, int]]:
    """The runs holding at least one content word (not a function word) that no lexicon hit covers
    (`words` as written or normalize_word()ed).

    A run the lexicon fully explains is dropped (reported once, as a lexicon hit); a run reaching past a
    lexicon term is kept whole, as the phrase the model found ("brutal Kyiv regime" around the term
    "Kyiv regime"). Cutting the term out of such runs instead cost 0.007-0.015 char-F1 on PTC in
    cross-validation (the words and spaces at the cuts belong to the annotated phrase)."""
    return [(first, last) for first, last in runs
            if any(not covered[k] and not is_edge_word(words[k]) for k in range(first, last + 1))]


def quoted_mask(word_starts: tuple[int, ...], word_ends: tuple[int, ...], quotes) -> np.ndarray:
    """Per word (given by its start and end offsets, in order): inside some quotation, counting the
    interiors of overlapping or nested quotations as one."""
    ranges: list[list[int]] = []
    for start, end in sorted(q.inner for q in quotes):
        if ranges and start <= ranges[-1][1]:
            ranges[-1][1] = max(ranges[-1][1], end)
        else:
            ranges.append([start, end])
    mask = np.zeros(len(word_starts), dtype=bool)
    for start, end in ranges:
        # Words are in order and do not overlap, so the words inside [start, end] are one run: from the
        # first starting at or after `start` to the last ending at or before `end`.
        mask[bisect.bisect_left(word_starts, start):bisect.bisect_right(word_ends, end)] = True
    return mask


def quoted_flags(word_spans: tuple[tuple[int, int], ...], quotes) -> list[bool]:
    """Per word: inside some quotation (quoted_mask as a list)."""
    return quoted_mask([s for s, _ in word_spans], [e for _, e in word_spans], quotes).tolist()


def model_hit_runs(model: LoadedModel, scores, words, covered: list[bool], sentences, joins=None, marks=None,
                   prior: float = 1.0) -> list[tuple[int, int]]:
    """The model's hits as word-index runs [first, last], exactly as analyze() reports them: runs of the
    document-scaled scores, grown within their sentences (`sentences`: sentence_starts) and not over the punctuation
    that ends a phrase (`marks`: phrase_marks), with function words and neutral reporting verbs trimmed from their
    edges and hyphenated compounds kept whole (`joins`: hyphen_joins), names, datelines and offices dropped, one-word
    hits only when scored well above the threshold and every hit scored `prior` times its bar (model_word_runs;
    density_prior), less the runs that lexicon hits (`covered`) already explain. `words` are the tokens as written
    (trim_runs reads their capitals)."""
    return uncovered_runs(model_word_runs(model, scores, words, sentences, joins, marks, prior), covered, words)


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
    # The tokens as written: find_hits and model_hit_runs normalize the few words they compare (lower-casing
    # every word first cost ~0.05 ms a document).
    words = tokens.words
    # The scorer's table rows, when there is a model, also give the lexicon's per-word records (one dict pass).
    gathered = model.scorer.gather(words, lexicon) if model is not None and words else None
    hits: list = []
    # Only an English body is matched against the (English) lexicon: see reads_as_english.
    if lexicon is not None and context.body_reads_as_english:
        records = gathered.lexicon_records if gathered is not None else None
        hits = find_hits(lexicon, text, tokens.word_spans, words, records)
    voice_of = context.voice_finder.voice  # = classify_voice for this document

    rows: list[dict] = []
    for hit in hits:
        # The words of ".../spygate-coverup/" name a page; they stay a lexicon feature of the tagger, which
        # learnt them so, but are nobody's wording.
        if in_web_address(text, hit.start):
            continue
        rows.append(
            _span_row(doc_id, text, hit.start, hit.end, voice_of(hit.start, hit.end),
                      context.segmentation.in_boilerplate(hit.start, hit.end), "lexicon", 1.0, hit.entry)
        )
    if gathered is not None:
        tags = lexicon_tags(hits, len(words))
        # = token_scores(model, token_features(..., model.easy_words, ...)), bit for bit, without feature strings
        scores = model.scorer.row_scores(
            gathered, quoted_mask(tokens.word_starts, tokens.word_ends, context.quotes), tags,
            sentence_feature_columns(text, tokens, tags),
        )
        joins = hyphen_joins(text, tokens.word_ends)
        marks = phrase_marks(text, tokens.word_starts, tokens.word_ends)
        # The lexicon's hits in the body, as `loaded_hits` counts them, set the document's prior (density_prior).
        body_hits = sum(1 for row in rows if not row["in_boilerplate"])
        prior = density_prior(body_hits, context.body_words)
        runs = model_hit_runs(model, scores, words, covered_flags(hits, len(words)), sentence_starts(tokens), joins,
                              marks, prior)
        for first, last in runs:
            start, end = tokens.word_spans[first][0], tokens.word_spans[last][1]
            # The tagger learnt article prose (PTC): on menus, related-story headlines and pitches its hits are
            # not the document's own wording ("RSS feed"), and no count reads them, so they are not reported.
            if context.segmentation.in_boilerplate(start, end) or in_web_address(text, start):
                continue
            score = round(float(scores[first:last + 1].max()), 4)
            rows.append(_span_row(doc_id, text, start, end, voice_of(start, end), False, "model", score))
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
    by_category = Counter(r["category"] for r in lexicon_rows)
    for category, column in CATEGORY_COLUMNS:
        columns[column] = by_category[category]
    by_narrative = Counter(r["narrative"] for r in lexicon_rows)
    for narrative, column in NARRATIVE_COLUMNS:
        columns[column] = by_narrative[narrative]
    return columns
