"""The loaded-wording lexicon: a user-extendable CSV of charged terms, parsed, validated and matched.

File format (UTF-8 CSV, one entry per row, header required; the shipped file is
analysis/data/loaded_lexicon.csv and analysis/data/loaded_lexicon.md says the same):

    term,patterns,category,narrative,neutral_alternative,note[,not_in[,not_near[,only_before_hit]]]

- term: the label shown for every hit (e.g. "Kyiv regime").
- patterns: the wordings that count as this term, separated by "|". Within a wording, words are
  separated by spaces; "a/b" offers alternatives for one word ("Kyiv/Kiev regime"); a trailing "*"
  matches any word starting with what precedes it ("smear*"). Matching ignores case; a hyphen and a
  space are the same ("state-controlled" also matches "state controlled"); curly and straight
  apostrophes are the same.
- category: one of CATEGORIES.
- narrative: the narrative the term usually serves, one of NARRATIVES.
- neutral_alternative: a neutral wording to compare with (required).
- note: source or rationale (optional for user files; every shipped entry has one).
- not_in (optional): wordings, in the patterns syntax, in which a hit of this entry does not count because
  the word is used in another sense ("lies in|whatever lies" for the verb "to lie"; "all the rage").
  Each must contain one of the entry's wordings. A word written capitalised there matches only a
  capitalised word ("Devils", the teams, leaves "the devils" counted); lower-case words match any case.
- not_near (optional): single words, in the patterns syntax ("finch*|species"), that show another sense
  when one stands within NEAR_WORDS words of the hit in the same sentence: the animal sense of "predators"
  near "finches", of "snakes" near "dinosaurs".
- only_before_hit (optional): "yes" for a degree word ("extremely", "utterly") that counts only directly before
  another hit, the loaded word it intensifies ("utterly disgraceful"); alone it is a plain intensifier
  ("completely different", "extremely rare").

Besides, a hit does not count when the word is negated by a hyphenated prefix ("anti-fascism",
"non-racist") or is part of a capitalised name, unless a capitalised neighbour is loaded too ("Radical
Islamic Terrorism"). The capitalised hit (not a sentence's first word) is part of a name when a capitalised
word stands before it, directly or through "of", "the"... ("the Las Vegas Massacre", "Prevention of
Cruelty"), when an acronym opens a name that goes on after it ("a VOA Extremism Watch Desk reporter"), or
when the run of capitals holds a capitalised function word ("Hope Not Hate", "Party of the Right"). In a
title-case headline every word is capitalised, so there only a word before the hit that English does not
know (absent from the CMU Pronouncing Dictionary: "the Aberfan Disaster") makes a name. A capitalised
label before a name is no name ("the Tyrant King George"; on the PTC corpus such hits are half loaded,
those after a capitalised word never), nor is a word the lexicon writes capitalised ("Islamist", "Nazi"),
which is always capitalised. A capitalised hit followed by a number is the title of a work or product
("Rage 2"), so is an all-caps hit opening a short line of capitals that ends in a number ("INSANITY MAX: 30"), so is one in a quoted title-case title with a lower-case small word (“What a Fool Believes”), and a name word after another in a byline line is a surname ("By DANICA KIRKA and JILL
LAWLESS"). Other proper names that hold a lexicon word ("Sacred Heart", the team
"Devils", "The Crusader") are excluded by their entry's not_in.

A file with problems raises LexiconError listing each one with its line number.
"""
from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .lexicon_csv import LexiconError, WrittenWord, expand_wordings, single_words
from .stopwords import ENGLISH_STOP_WORDS
from .tokens import HYPHEN_CHARS, HYPHENS, WORD_RE

SHIPPED_PATH = Path(__file__).resolve().parent / "data" / "loaded_lexicon.csv"
COLUMNS = ("term", "patterns", "category", "narrative", "neutral_alternative", "note", "not_in", "not_near", "only_before_hit")
REQUIRED = ("term", "patterns", "category", "narrative", "neutral_alternative")
CATEGORIES = (
    "delegitimising label",
    "euphemism",
    "dysphemism",
    "emotive intensifier",
    "conspiratorial framing",
    "identity appeal",
    "name-calling",
)
NARRATIVES = ("kremlin-aligned", "ukrainian-western-aligned", "domestic-partisan", "neutral-descriptive")
MAX_MEMO_WORDS = 200_000  # the per-word memos (Lexicon.candidates_of and the normalized words) start afresh beyond this many words
# Between two words of a multi-word wording only spaces and hyphens may stand (no sentence break).
GAP_RE = re.compile(rf"[ \t\u00a0\u2013{HYPHEN_CHARS}]*")


@dataclass(frozen=True)
class LexiconEntry:
    """One row of the lexicon."""

    term: str
    patterns: str
    category: str
    narrative: str
    neutral_alternative: str
    note: str
    line: int
    not_in: str = ""
    not_near: str = ""
    only_before_hit: str = ""

    @property
    def needs_head(self) -> bool:
        """True for a degree word that counts only directly before another hit (only_before_hit = yes)."""
        return self.only_before_hit.lower() == "yes"


@dataclass(frozen=True)
class Hit:
    """A lexicon match: word indexes [first, last] and character offsets [start, end)."""

    start: int
    end: int
    first: int
    last: int
    entry: LexiconEntry


# A compiled wording: a tuple of words, each ("exact", word) or ("prefix", stem).
Wording = tuple[tuple[str, str], ...]


@dataclass(frozen=True, eq=False)  # holds dicts: compared and hashed by identity
class Lexicon:
    """Entries plus an index from first word to the wordings that start with it."""

    entries: tuple[LexiconEntry, ...]
    source: str = "shipped"
    by_first: dict[str, tuple[tuple[Wording, int], ...]] = field(default_factory=dict, repr=False)
    by_prefix: dict[str, tuple[tuple[Wording, int], ...]] = field(default_factory=dict, repr=False)
    prefix_lengths: tuple[int, ...] = ()
    # per entry (by index): the not_in wordings that cancel its hits, each with the offsets of its words that
    # must be capitalised in the text (those the not_in writes capitalised: "Devils", the teams)
    exclusions: tuple[tuple[tuple["Wording", tuple[int, ...]], ...], ...] = ()
    # per entry (by index): its not_near words, (exact words, prefixes); a hit with one of them near is not counted
    contexts: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = ()
    # words (normalized) the patterns write capitalised ("Nazi", "Islamist"): a capital is no sign of a name there
    capitalised_words: frozenset[str] = frozenset()
    # word -> its candidate record (_CandidateMemo), filled as find_hits meets words: most words start no
    # wording, and finding that once per distinct word instead of once per token spares most of find_hits' work.
    candidates_of: "_CandidateMemo" = field(init=False, repr=False)
    # per entry (by index): its exclusions indexed by their first word (_ExclusionIndex), for _other_sense
    exclusion_index: tuple["_ExclusionIndex", ...] = field(init=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "candidates_of", _CandidateMemo(self))
        object.__setattr__(self, "exclusion_index", tuple(map(_index_exclusions, self.exclusions)))

    def __len__(self) -> int:
        return len(self.entries)


def normalize_word(word: str) -> str:
    """Lower-case a word and straighten its apostrophes, as lexicon matching sees it."""
    return word.lower().replace("\u2019", "'")


class _NormalizedWords(dict):
    """word as written -> normalize_word(word), filled on first sight: most words recur, and a look-up
    costs a fraction of lower-casing the word again. Kept per process (the answer depends on the word alone)."""

    def __missing__(self, word: str) -> str:
        if len(self) >= MAX_MEMO_WORDS:  # bounded for long-running processes; the words do not depend on it
            self.clear()
        normalized = self[word] = normalize_word(word)
        return normalized


_NORMALIZED = _NormalizedWords()
NORMALIZED_WORDS = _NORMALIZED  # for other modules: NORMALIZED_WORDS[word] == normalize_word(word)


def expand_patterns(patterns: str) -> list[Wording]:
    """Every concrete wording a `patterns` cell stands for (raises ValueError when one is empty)."""
    if not patterns.strip():
        raise ValueError(f"empty wording in '{patterns}'")
    return [_kinds(wording) for wording in expand_wordings(patterns, normalize_word)]


def expand_not_in(not_in: str) -> list[tuple[Wording, tuple[int, ...]]]:
    """Every concrete wording a `not_in` cell stands for, each with the offsets of the words it writes
    capitalised: those match only a word capitalised in the text ("Devils", the teams, not "devils")."""
    return [(_kinds(wording), tuple(k for k, word in enumerate(wording) if word.capitalised))
            for wording in expand_wordings(not_in, normalize_word)]


def _kinds(wording: tuple[WrittenWord, ...]) -> Wording:
    """A wording as the matcher reads it: ("exact" or "prefix", word) pairs."""
    return tuple(("prefix" if word.prefix else "exact", word.word) for word in wording)


def expand_not_near(not_near: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The words of a `not_near` cell: (exact words, prefixes of the words ending in "*"), normalized
    (lexicon_csv.single_words). Raises ValueError when a wording is not one word."""
    return single_words(not_near, normalize_word)


def _read_rows(text: str) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    """CSV rows with the line each starts on, and header problems."""
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip() for f in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in fields]
    if missing:
        return [], [f"line 1: header lacks column(s): {', '.join(missing)} (expected {','.join(COLUMNS)})"]
    reader.fieldnames = fields
    rows: list[tuple[int, dict[str, str]]] = []
    line = reader.line_num + 1
    for row in reader:
        rows.append((line, row))
        line = reader.line_num + 1
    return rows, []


def parse_lexicon(text: str, source: str = "user") -> Lexicon:
    """Parse and validate lexicon CSV text; raise LexiconError listing every problem by line."""
    rows, problems = _read_rows(text.lstrip("\ufeff"))
    entries: list[LexiconEntry] = []
    excluded: list[tuple[tuple[Wording, tuple[int, ...]], ...]] = []
    contexts: list[tuple[frozenset[str], tuple[str, ...]]] = []
    seen: dict[Wording, int] = {}
    compiled: list[tuple[Wording, int]] = []
    for line, row in rows:
        values = {c: (row.get(c) or "").strip() for c in COLUMNS}
        if not any(values.values()):
            continue  # blank line
        row_problems = [f"line {line}: missing {c}" for c in REQUIRED if not values[c]]
        if values["category"] and values["category"] not in CATEGORIES:
            row_problems.append(f"line {line}: unknown category '{values['category']}' (use one of: {', '.join(CATEGORIES)})")
        if values["only_before_hit"].lower() not in ("", "yes"):
            row_problems.append(f"line {line}: only_before_hit must be 'yes' or empty, not '{values['only_before_hit']}'")
        if values["narrative"] and values["narrative"] not in NARRATIVES:
            row_problems.append(f"line {line}: unknown narrative '{values['narrative']}' (use one of: {', '.join(NARRATIVES)})")
        wordings: list[Wording] = []
        if values["patterns"]:
            try:
                wordings = expand_patterns(values["patterns"])
            except ValueError as exc:
                row_problems.append(f"line {line}: bad patterns: {exc}")
        exclusions: list[tuple[Wording, tuple[int, ...]]] = []
        if values["not_in"] and wordings:
            try:
                exclusions = expand_not_in(values["not_in"])
            except ValueError as exc:
                row_problems.append(f"line {line}: bad not_in: {exc}")
            for exclusion, _ in exclusions:
                if not any(_contains(exclusion, wording) for wording in wordings):
                    shown = " ".join(w for _, w in exclusion)
                    row_problems.append(f"line {line}: not_in wording '{shown}' contains none of the entry's wordings")
        context: tuple[frozenset[str], tuple[str, ...]] = (frozenset(), ())
        if values["not_near"]:
            try:
                context = expand_not_near(values["not_near"])
            except ValueError as exc:
                row_problems.append(f"line {line}: bad not_near: {exc}")
        for wording in wordings:
            if wording in seen and seen[wording] != line:
                shown = " ".join(w for _, w in wording)
                row_problems.append(f"line {line}: wording '{shown}' already listed on line {seen[wording]}")
            seen.setdefault(wording, line)
        if row_problems:
            problems.extend(row_problems)
            continue
        entry_index = len(entries)
        entries.append(LexiconEntry(line=line, **values))
        compiled.extend((w, entry_index) for w in dict.fromkeys(wordings))
        excluded.append(tuple(dict.fromkeys(exclusions)))
        contexts.append(context)
    if not problems and not entries:
        problems.append("line 2: the lexicon has no entries")
    if problems:
        raise LexiconError(problems)
    return _build(tuple(entries), compiled, source, tuple(excluded), tuple(contexts))


def _contains(outer: Wording, inner: Wording) -> bool:
    """True when some run of `outer`'s words reads `inner` (a prefix word of `inner` accepts any word it starts)."""
    for offset in range(len(outer) - len(inner) + 1):
        if all(
            word == value if kind == "exact" else word.startswith(value)
            for (_, word), (kind, value) in zip(outer[offset:offset + len(inner)], inner)
        ):
            return True
    return False


def capitalised_pattern_words(patterns: str) -> set[str]:
    """The words (normalized) a patterns cell writes with an initial capital ("Nazi|neo-Nazi" -> nazi)."""
    return {normalize_word(w) for w in WORD_RE.findall(patterns.replace("*", "")) if w[:1].isupper()}


def _build(entries: tuple[LexiconEntry, ...], compiled: list[tuple[Wording, int]], source: str,
           exclusions: tuple[tuple[tuple[Wording, tuple[int, ...]], ...], ...] = (),
           contexts: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = ()) -> Lexicon:
    by_first: dict[str, list[tuple[Wording, int]]] = {}
    by_prefix: dict[str, list[tuple[Wording, int]]] = {}
    for wording, index in compiled:
        kind, word = wording[0]
        (by_prefix if kind == "prefix" else by_first).setdefault(word, []).append((wording, index))
    # Longest wordings first, so the longest match at a position wins.
    order = lambda items: tuple(sorted(items, key=lambda x: (-len(x[0]), x[1])))  # noqa: E731
    return Lexicon(
        entries=entries,
        source=source,
        by_first={k: order(v) for k, v in by_first.items()},
        by_prefix={k: order(v) for k, v in by_prefix.items()},
        prefix_lengths=tuple(sorted({len(k) for k in by_prefix})),
        exclusions=exclusions or tuple(() for _ in entries),
        contexts=contexts or tuple((frozenset(), ()) for _ in entries),
        capitalised_words=frozenset(w for e in entries for w in capitalised_pattern_words(e.patterns)),
    )


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The shipped lexicon, or the CSV at `path` (raises LexiconError when invalid)."""
    target = Path(path) if path else SHIPPED_PATH
    try:
        text = target.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError([f"line 1: the file is not UTF-8 text ({exc.reason})"]) from exc
    return parse_lexicon(text, source="shipped" if path is None else str(target))


def validate_lexicon_bytes(data: bytes, name: str = "upload") -> Lexicon:
    """Parse an uploaded lexicon file (raises LexiconError when invalid)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError([f"line 1: the file is not UTF-8 text ({exc.reason})"]) from exc
    if text.lstrip("\ufeff \t\r\n").startswith(("{", "[")):
        raise LexiconError([f"line 1: {name} looks like JSON; a lexicon is a CSV file whose header is {','.join(COLUMNS)} "
                            "(download the shipped one as a starting point)"])
    return parse_lexicon(text, source=name)


def lexicon_table(lexicon: Lexicon) -> pd.DataFrame:
    """The lexicon as a table for browsing: one row per entry, in file order."""
    return pd.DataFrame(
        [{c: getattr(e, c) for c in COLUMNS} | {"line": e.line} for e in lexicon.entries],
        columns=[*COLUMNS, "line"],
    )


def _wording_matches(wording: Wording, words: list[str], i: int) -> bool:
    """True when the words (as written or normalized) from index i on read `wording` (which must fit before the end)."""
    for k, (kind, value) in enumerate(wording):
        word = _NORMALIZED[words[i + k]]
        if not (word == value if kind == "exact" else word.startswith(value)):
            return False
    return True


# What a word may start: the wordings (with their entry indexes) that may start with it, and the exact second
# words of those, or None when some candidate has one word or a prefix second word.
CandidateRecord = tuple[tuple[tuple[Wording, int], ...], "frozenset[str] | None"]


class _CandidateMemo(dict):
    """word (as written or normalize_word()ed) -> its CandidateRecord, or None when it starts no wording;
    filled on first sight and kept with the lexicon (the answer depends on the word alone).

    Keyed on the word as written, so find_hits finds a document's candidates in one pass over its tokens,
    without lower-casing every word first or collecting its new words (together ~0.1 ms a document).
    A word such as "the" starts several wordings, yet is seldom followed by the second word of one: looking
    the next word up in the record's second words spares trying each wording."""

    def __init__(self, lexicon: "Lexicon"):
        super().__init__()
        self.lexicon = lexicon

    def __missing__(self, word: str) -> CandidateRecord | None:
        if len(self) >= MAX_MEMO_WORDS:  # bounded for long-running processes; the hits do not depend on it
            self.clear()
        candidates = tuple(_candidates(self.lexicon, normalize_word(word)))
        record = None
        if candidates:
            seconds = [wording[1] if len(wording) > 1 else ("prefix", "") for wording, _ in candidates]
            exact = None if any(kind == "prefix" for kind, _ in seconds) else frozenset(w for _, w in seconds)
            record = (candidates, exact)
        self[word] = record
        return record


def find_hits(lexicon: Lexicon, text: str, word_spans: tuple[tuple[int, int], ...], words, records: list | None = None) -> list[Hit]:
    """Non-overlapping lexicon matches, left to right, longest first. `words` are the tokens as written or
    normalize_word()ed (matching sees them normalized); `records`, when given, are lexicon.candidates_of[word]
    of each word, found some cheaper way (analysis.loaded.TokenScorer.lexicon_records)."""
    if records is None:
        records = list(map(lexicon.candidates_of.__getitem__, words))  # held here: the memo may start afresh
    normalized = _NORMALIZED.__getitem__
    hits: list[Hit] = []
    in_names: dict[int, int] = {}  # hit number -> the capitalised word that makes it part of a name
    free = 0  # the first word no earlier hit covers
    last_word = len(words) - 1
    # Only the words some wording may start with are tried (most words start none).
    for i in itertools.compress(range(len(words)), records):
        if i < free:
            continue
        candidates, second_words = records[i]
        if second_words is not None and (i == last_word or normalized(words[i + 1]) not in second_words):
            continue  # every candidate needs a second word, and the next word is none of them
        match = _match_at(candidates, text, word_spans, words, i)
        if match is not None:
            last, index = match
            free = last + 1
            if _other_sense(lexicon.exclusion_index[index], text, word_spans, words, i, last) \
                    or _near_other_sense(lexicon.contexts[index], text, word_spans, words, i, last) \
                    or _titled_by_number(text, word_spans, i, last) or _surname_in_byline(text, word_spans, i, last) \
                    or _in_quoted_title(text, word_spans, i, last):
                continue
            name_word = None if _written_capitalised(lexicon, words, i, last) else \
                _capitalised_name_neighbour(text, word_spans, i, last)
            if name_word is not None:
                in_names[len(hits)] = name_word
            hits.append(Hit(word_spans[i][0], word_spans[last][1], i, last, lexicon.entries[index]))
    if in_names:
        # A capitalised neighbour that is itself loaded makes a chain of labels, not a name
        # ("Radical Islamic Terrorism"); otherwise the hit is part of a name ("Hope Not Hate").
        covered = {k for hit in hits for k in range(hit.first, hit.last + 1)}
        hits = [hit for n, hit in enumerate(hits)
                if n not in in_names or in_names[n] in covered or _loaded_neighbour(text, word_spans, hit, covered)]
    if any(hit.entry.needs_head for hit in hits):
        hits = _with_heads(text, word_spans, hits)
    return hits


def _with_heads(text: str, word_spans, hits: list[Hit]) -> list[Hit]:
    """The hits without the degree words (only_before_hit) that stand before no other hit: "utterly" counts in
    "utterly disgraceful", not in "utterly different". Read right to left, so a chain of degree words counts
    when its last one stands before a loaded word ("absolutely totally disgusting")."""
    kept: list[Hit] = []
    head_at = -1  # the first word of the nearest kept hit to the right
    for hit in reversed(hits):
        if hit.entry.needs_head and not (head_at == hit.last + 1 and _joined_plain(text, word_spans, hit.last)):
            continue
        kept.append(hit)
        head_at = hit.first
    kept.reverse()
    return kept


def _joined_plain(text: str, word_spans, k: int) -> bool:
    """True when word k and the next are joined by spaces or a hyphen only ("utterly vile", "totally-fake")."""
    return GAP_RE.fullmatch(text, word_spans[k][1], word_spans[k + 1][0]) is not None


# A hyphenated prefix that turns a label into its opposite or its absence: "anti-fascism", "non-racist"
# (not "counter-": "counter-propaganda" still calls the other side's messages propaganda).
NEGATING_PREFIXES = frozenset({"anti", "non"})
# Small words that may stand inside a capitalised name ("Sacred Heart of Jesus"); not "and", which joins
# lists ("Communists and Islamists").
NAME_CONNECTORS = frozenset({"of", "the", "for", "de", "del", "la", "le", "von", "van"})
# Function words that, capitalised inside a run of capitalised words, show the run is a name or title
# ("Hope Not Hate", "Party Of The Right"): emphatic or headline-style capitals seldom reach them.
NAME_FUNCTION_WORDS = frozenset(
    "not no nor of the for and or in on at to a an with without by from against over under into is are be "
    "our my your their his her its we us all".split()
)
# A line with at least this share of capitalised words (of those of 4+ letters) is a title-case headline.
HEADLINE_SHARE = 0.6
SENTENCE_END_CHARS = ".!?:;\n"


class _ExclusionIndex(NamedTuple):
    """An entry's not_in wordings (each with its capitalised offsets) by their first word: those whose first word
    is exact under that word, the few whose first word is a prefix apart, and the most words one has. A hit is
    then tried only against the wordings its neighbours may start ("spew" has 156, "lies" 96)."""

    longest: int
    by_first: dict[str, tuple[tuple[Wording, tuple[int, ...]], ...]]
    prefixed: tuple[tuple[Wording, tuple[int, ...]], ...]


def _index_exclusions(exclusions: tuple[tuple[Wording, tuple[int, ...]], ...]) -> _ExclusionIndex:
    by_first: dict[str, list[tuple[Wording, tuple[int, ...]]]] = {}
    prefixed = []
    for exclusion, capitals in exclusions:
        kind, word = exclusion[0]
        if kind == "exact":
            by_first.setdefault(word, []).append((exclusion, capitals))
        else:
            prefixed.append((exclusion, capitals))
    return _ExclusionIndex(max(map(len, (e for e, _ in exclusions)), default=0),
                           {word: tuple(items) for word, items in by_first.items()}, tuple(prefixed))


def _other_sense(exclusions: _ExclusionIndex, text: str, word_spans, words, first: int, last: int) -> bool:
    """True when the match of words first..last is not the loaded sense: one of its entry's not_in wordings
    covers it (with capitals where the not_in writes them) or a hyphenated negating prefix precedes it."""
    for start in range(max(0, last - exclusions.longest + 1), first + 1):
        # only the wordings that may start at this word, and cover the hit's last word within the text
        for exclusion, capitals in itertools.chain(exclusions.by_first.get(_NORMALIZED[words[start]], ()), exclusions.prefixed):
            end = start + len(exclusion) - 1
            if last <= end < len(words) and _wording_matches(exclusion, words, start) and _joined(text, word_spans, words, start, end) \
                    and all(text[word_spans[start + k][0]].isupper() for k in capitals):
                return True
    if first > 0 and text[word_spans[first - 1][1]:word_spans[first][0]] in HYPHENS \
            and _NORMALIZED[words[first - 1]] in NEGATING_PREFIXES:
        return True
    return False


# How far (in words, within the hit's sentence) a not_near word shows another sense: a clause's reach
# ("A decade after the predators have gone, Galapagos Island finches": 7 words).
NEAR_WORDS = 10
NEAR_STOP_CHARS = frozenset(".!?;\n")


def _near_other_sense(context: tuple[frozenset[str], tuple[str, ...]], text: str, word_spans, words,
                      first: int, last: int) -> bool:
    """True when one of the entry's not_near words stands within NEAR_WORDS words of the hit, with no
    sentence end between (the animal sense: "predators" near "finches")."""
    exact, prefixes = context
    if not exact and not prefixes:
        return False
    for step, edge, stop in ((-1, first, max(0, first - NEAR_WORDS)), (1, last, min(len(words) - 1, last + NEAR_WORDS))):
        k = edge
        while k != stop:
            lo, hi = (k + step, k) if step < 0 else (k, k + step)
            if not NEAR_STOP_CHARS.isdisjoint(text[word_spans[lo][1]:word_spans[hi][0]]):
                break
            k += step
            word = _NORMALIZED[words[k]]
            if word in exact or (prefixes and word.startswith(prefixes)):
                return True
    return False


def _titled_by_number(text: str, word_spans, first: int, last: int) -> bool:
    """True when the capitalised (or all-caps) hit is followed, after one space, by a number: the title of
    a work or product ("Rage 2", "Chaos 3"), not the word's sense."""
    if not text[word_spans[first][0]].isupper() or last + 1 >= len(word_spans):
        return False
    following = _word_at(text, word_spans, last + 1)
    if following[:1].isdigit() and text[word_spans[last][1]:word_spans[last + 1][0]] in (" ", "\u00a0"):
        return True
    return _capitals_label_line(text, word_spans, first, last)


# A product or programme label set in capitals on a line of its own: the hit, at most this many more words in
# capitals, then a number ending the line ("INSANITY MAX: 30" in a shop menu).
MAX_LABEL_WORDS = 2
LABEL_LINE_RE = re.compile(r"[ \t\u00a0]*(?:[A-Z][A-Z0-9'’]*[ \u00a0]){0,%d}?[A-Z][A-Z0-9'’]*:?[ \u00a0]\d[\w.]*[ \t\u00a0]*(?:\n|$)"
                           % MAX_LABEL_WORDS)


def _capitals_label_line(text: str, word_spans, first: int, last: int) -> bool:
    """True when an all-caps hit opens a line that holds only words in capitals and ends in a number: a product
    or programme label ("INSANITY MAX: 30"), not running text. A headline in capitals goes on after its
    number ("TOTAL HOAX: 5 THINGS ..."), so it is not one."""
    start = word_spans[first][0]
    hit = text[start:word_spans[last][1]]
    if not hit.isupper() or text.rfind("\n", 0, start) + 1 != start:
        return False
    return LABEL_LINE_RE.match(text, start) is not None


# What only a web or e-mail address holds within one unspaced run of characters.
WEB_ADDRESS_RE = re.compile(r"://|\bwww\.|@\w+\.\w", re.IGNORECASE)


def in_web_address(text: str, position: int) -> bool:
    """True when the character at `position` belongs to a web or e-mail address: the words of
    ".../spygate-coverup/" name a page, they are not anybody's wording."""
    start = max(text.rfind(" ", 0, position), text.rfind("\n", 0, position), text.rfind("\t", 0, position)) + 1
    end = len(text)
    for space in (" ", "\n", "\t"):
        found = text.find(space, position)
        if found != -1 and found < end:
            end = found
    return WEB_ADDRESS_RE.search(text, start, end) is not None


# Small words a title-case title writes in lower case ("What a Fool Believes", "Gone with the Wind").
TITLE_SMALL_WORDS = frozenset("a an the of and or nor but for in on at to by with from as vs".split())
OPENING_QUOTES = "\"“‘'«"
CLOSING_QUOTES = "\"”’'»"
MAX_TITLE_WORDS = 8


def _in_quoted_title(text: str, word_spans, first: int, last: int) -> bool:
    """True when the capitalised hit lies in a quoted title-case title: a quotation that holds only capitalised
    words and, between two of them, a title's lower-case small word (“What a Fool Believes.”, a song). The
    small word tells a title from a quoted label ("“Crooked Hillary”"), which stays a hit. In a title-case
    headline a quotation is capitalised like every other word, so its case shows no title there."""
    if not all(_is_capitalised(_word_at(text, word_spans, k)) for k in range(first, last + 1)) \
            or _in_headline(text, word_spans[first][0]):
        return False
    lo, hi = first, last
    while lo > 0 and hi - lo < MAX_TITLE_WORDS and _same_line_plain_gaps(text, word_spans, lo - 1, lo) \
            and _title_word(_word_at(text, word_spans, lo - 1)):
        lo -= 1
    while hi + 1 < len(word_spans) and hi - lo < MAX_TITLE_WORDS and _same_line_plain_gaps(text, word_spans, hi, hi + 1) \
            and _title_word(_word_at(text, word_spans, hi + 1)):
        hi += 1
    opened = word_spans[lo][0] > 0 and text[word_spans[lo][0] - 1] in OPENING_QUOTES
    closed = text[word_spans[hi][1]:word_spans[hi][1] + 2].lstrip(".,?!")[:1] in tuple(CLOSING_QUOTES)
    words = [_word_at(text, word_spans, k) for k in range(lo, hi + 1)]
    small_inside = any(w in TITLE_SMALL_WORDS for w in words[1:-1])
    return opened and closed and small_inside and _is_capitalised(words[0]) and _is_capitalised(words[-1])


def _title_word(word: str) -> bool:
    """A capitalised word or a title's lower-case small word."""
    return _is_capitalised(word) or word in TITLE_SMALL_WORDS


# A byline line opens with "By" and names its authors ("By DANICA KIRKA and JILL LAWLESS").
BYLINE_RE = re.compile(r"[ \t]*by[ \t]", re.IGNORECASE)
BYLINE_REACH = 80  # characters of a byline line holding its names


def _surname_in_byline(text: str, word_spans, first: int, last: int) -> bool:
    """True when the hit, capitalised or in capitals, follows a name word (capitalised or in capitals) after one
    space in a byline line: a surname ("By DANICA KIRKA and JILL LAWLESS", "By Jill Lawless")."""
    if first == 0 or not text[word_spans[first][0]].isupper():
        return False
    start = word_spans[first][0]
    line_start = text.rfind("\n", 0, start) + 1
    if start - line_start > BYLINE_REACH or not BYLINE_RE.match(text, line_start):
        return False
    before = _word_at(text, word_spans, first - 1)
    return before[:1].isupper() and before.isalpha() and word_spans[first - 1][0] > line_start + 2 \
        and _same_line_plain_gaps(text, word_spans, first - 1, first)


def _written_capitalised(lexicon: Lexicon, words, first: int, last: int) -> bool:
    """True when the lexicon writes one of the hit's words capitalised ("Nazi"): its capital is expected."""
    return any(_NORMALIZED[words[k]] in lexicon.capitalised_words for k in range(first, last + 1))


def _word_at(text: str, word_spans, k: int) -> str:
    return text[word_spans[k][0]:word_spans[k][1]]


def _is_capitalised(word: str) -> bool:
    """"Hate", "Sacred" (not "hate", not an all-caps "FBI" or "ESCAPING")."""
    return word[:1].isupper() and not word.isupper()


def _starts_sentence(text: str, word_spans, k: int) -> bool:
    """True when word k opens a sentence or line (only quotation marks, brackets or spaces after the end before it)."""
    before = text[max(0, word_spans[k][0] - 12):word_spans[k][0]].rstrip(" \t\u00a0\"'“‘«(\u2018\u201c[")
    return not before or before[-1] in SENTENCE_END_CHARS


def _capitalised_name_neighbour(text: str, word_spans, first: int, last: int) -> int | None:
    """The capitalised word (not a sentence's first) or acronym that joins the hit's words, all capitalised,
    into a name, directly or through one connector ("the Las Vegas Massacre", "Hope Not Hate", "a VOA
    Extremism Watch Desk reporter"); None when there is none. A sentence's first word is capitalised anyway,
    so a hit there is kept ("Racist Trump supporters rallied")."""
    if not all(_is_capitalised(_word_at(text, word_spans, k)) for k in range(first, last + 1)):
        return None
    if _starts_sentence(text, word_spans, first):
        return None
    sides = ((first - 1, first - 2), (last + 1, last + 2))
    for side in sides:
        for n, k in enumerate(side):
            if not 0 <= k < len(word_spans):
                break
            lo, hi = (k, first) if k < first else (last, k)
            if not _same_line_plain_gaps(text, word_spans, lo, hi):
                break
            word = _word_at(text, word_spans, k)
            if n == 0 and k < first and _is_acronym(word) and _capitalised_after(text, word_spans, last) \
                    and not _in_headline(text, word_spans[first][0]):
                return k  # the hit inside a name that an acronym opens ("a VOA Extremism Watch Desk reporter")
            if _is_capitalised(word) and not _starts_sentence(text, word_spans, k):
                if _in_headline(text, word_spans[first][0]):
                    # every word of a headline is capitalised; a word before the hit that English does not
                    # know is still a name's ("The Aberfan Disaster"), one it knows may be a verb ("Cracks Racist Joke")
                    return k if k < first and not _is_possessive(word) and _unknown_to_english(word) else None
                # A capitalised word before the hit makes it the head of a name ("the Las Vegas Massacre",
                # "Prevention of Cruelty"); after it, the hit may be an emphatic label of what follows
                # ("the Tyrant King George"), a name only when a function word shows it ("Hope Not Hate").
                # A possessive ends the name before it: what follows is its own phrase ("Mueller's Witch Hunt").
                if (k < first and not _is_possessive(word)) or _run_has_function_word(text, word_spans, first, last):
                    return k
                return None
            if n > 0 or word.lower() not in NAME_CONNECTORS:
                break
    return None


def _loaded_neighbour(text: str, word_spans, hit: Hit, covered: set[int]) -> bool:
    """True when the word just before or after the hit, joined to it by a space, is covered by a hit too
    ("the Russian Witch Hunt Hoax": "Hoax" after "Witch Hunt")."""
    before, after = hit.first - 1, hit.last + 1
    return (before in covered and _same_line_plain_gaps(text, word_spans, before, hit.first)) or \
        (after in covered and _same_line_plain_gaps(text, word_spans, hit.last, after))


def _unknown_to_english(word: str) -> bool:
    """True when the CMU Pronouncing Dictionary (126k English words and common names) lacks the word:
    a rarer name ("Aberfan", "Fortnite")."""
    from .syllables import cmu_syllables  # loaded on first need (a few milliseconds, then cached)

    return normalize_word(word) not in cmu_syllables()


def _is_possessive(word: str) -> bool:
    """"Mueller's", "Trump’s"."""
    return normalize_word(word).endswith("'s")


def _is_acronym(word: str) -> bool:
    """"VOA", "NSPCC" (not "I", not "ESCAPING")."""
    return 2 <= len(word) <= 5 and word.isalpha() and word.isupper()


def _run_has_function_word(text: str, word_spans, first: int, last: int) -> bool:
    """True when the run of capitalised words holding words first..last (joined by single spaces) has a
    capitalised function word after its first word ("Hope Not Hate"; not "The Russian Witch Hunt Hoax")."""
    lo, hi = first, last
    while lo > 0 and _same_line_plain_gaps(text, word_spans, lo - 1, lo) and _is_capitalised(_word_at(text, word_spans, lo - 1)) \
            and not _starts_sentence(text, word_spans, lo):
        lo -= 1
    while hi + 1 < len(word_spans) and _same_line_plain_gaps(text, word_spans, hi, hi + 1) \
            and _is_capitalised(_word_at(text, word_spans, hi + 1)):
        hi += 1
    return any(_word_at(text, word_spans, k).lower() in NAME_FUNCTION_WORDS for k in range(lo + 1, hi + 1))


def _capitalised_after(text: str, word_spans, last: int) -> bool:
    """True when a capitalised word follows word `last` after a single space."""
    return last + 1 < len(word_spans) and _same_line_plain_gaps(text, word_spans, last, last + 1) \
        and _is_capitalised(_word_at(text, word_spans, last + 1))


def _same_line_plain_gaps(text: str, word_spans, lo: int, hi: int) -> bool:
    """True when words lo..hi are separated only by spaces (a name does not run across punctuation)."""
    return all(text[word_spans[k][1]:word_spans[k + 1][0]] in (" ", "\u00a0") for k in range(lo, hi))


def _in_headline(text: str, offset: int) -> bool:
    """True when the line holding `offset` is title case (most of its longer words capitalised)."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    longer = [w for w in WORD_RE.findall(text[line_start:line_end if line_end >= 0 else len(text)]) if len(w) >= 4]
    return bool(longer) and sum(map(_is_capitalised, longer)) >= HEADLINE_SHARE * len(longer)


def _candidates(lexicon: Lexicon, word: str) -> list[tuple[Wording, int]]:
    found = list(lexicon.by_first.get(word, ()))
    for length in lexicon.prefix_lengths:
        if length > len(word):
            break
        found.extend(lexicon.by_prefix.get(word[:length], ()))
    return found


def _match_at(candidates: tuple[tuple[Wording, int], ...], text: str, word_spans, words: list[str], i: int) -> tuple[int, int] | None:
    """(last word index, entry index) of the longest of the `candidates` wordings (those that may
    start with words[i]) starting at word i, or None. `words` are as written or normalize_word()ed."""
    best: tuple[int, int] | None = None
    for wording, index in candidates:
        last = i + len(wording) - 1
        if last >= len(words) or (best is not None and last <= best[0]):
            continue
        if _wording_matches(wording, words, i) and _joined(text, word_spans, words, i, last):
            best = (last, index)
    return best


def _joined(text: str, word_spans, words: list[str], first: int, last: int) -> bool:
    """True when words first..last follow each other with only spaces/hyphens between (or U.S.-style dots)."""
    for k in range(first, last):
        gap_start, gap_end = word_spans[k][1], word_spans[k + 1][0]
        gap = text[gap_start:gap_end]
        if GAP_RE.fullmatch(gap):
            continue
        if len(_NORMALIZED[words[k]]) == 1 and gap.startswith(".") and GAP_RE.fullmatch(gap[1:]):
            continue  # "U.S.-backed"
        return False
    return True


# The lexicon is English: on a page in another language its words are false friends (Italian "serie animata
# cult", German "Hate" in a name). English running text is about 40-50% stop words; pages in other languages
# that borrow a few English words stay far below this share.
MIN_ENGLISH_STOP_SHARE = 0.15
MIN_WORDS_FOR_LANGUAGE = 40  # shorter texts are too few words to judge, and are matched


def reads_as_english(lower_words) -> bool:
    """True unless `lower_words` (tokens lower-cased, as Tokens.lower_words holds them), enough of them to judge,
    hold too few English stop words.

    No stop word holds an apostrophe, so lower-casing is all the normalizing (normalize_word) they need; the
    document's lower-cased words are made once for every analysis, so no word is looked up in the word memo.
    Counts in C (map over the stop-word set): a Python loop stopping at the share cost more, since English
    text reaches it only a third of the way in."""
    if len(lower_words) < MIN_WORDS_FOR_LANGUAGE:
        return True
    stops = sum(map(ENGLISH_STOP_WORDS.__contains__, lower_words))
    return stops >= MIN_ENGLISH_STOP_SHARE * len(lower_words)
