"""Reading the editable CSV lexicons (referents, frame cues) with line-numbered errors.

Analysts edit these files by hand, so every problem is reported with the file and line it is on.
"""
from __future__ import annotations

import csv
import io
import itertools
import re
import unicodedata
from functools import lru_cache
from typing import Callable, NamedTuple
from pathlib import Path

from .tokens import WORD_RE as TEXT_WORD_RE

class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message lists every problem with its line number. The one error type
    of every lexicon (the loaded-wording lexicon's too: analysis.lexicon imports it from here)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("invalid lexicon:\n" + "\n".join(problems))


def fail(message: str) -> LexiconError:
    """A LexiconError for one problem."""
    return LexiconError([message])


WORD_RE = re.compile(r"\w+(?:['’]\w+)*")


# Folding is pure and called on words and short names, which recur in every document: remembered per process.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case and strip accents, so "Orbán" and "Orban", "Tête" and "tete" match."""
    if text.isascii():  # most words: ASCII has no accents or compatibility forms to take apart
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """A word folded for matching, possessive "'s" dropped ("NATO's" -> "nato")."""
    folded = fold(word).replace("’", "'")
    return folded[:-2] if folded.endswith("'s") and len(folded) > 2 else folded


def phrase_words(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the folded word sequence it matches ("tête-à-tête" -> tete a tete)."""
    return tuple(fold_word(w) for w in WORD_RE.findall(phrase))


def single_words(cell: str, fold_one: Callable[[str], str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The words of a `near` or `not_near` cell ("rat*|pest|FBI"), the syntax the frame cues and the loaded-wording
    lexicon share: words separated by "|" (or by "/", the lexicon's alternatives), a trailing * matching any ending.
    Returns (exact words, prefixes of the words written with *), each folded by `fold_one`, as its lexicon folds the
    text's words. Raises ValueError naming a wording that is not one word."""
    exact: set[str] = set()
    prefixes: set[str] = set()
    for item in filter(None, (part.strip() for part in re.split(r"[|/]", cell))):
        words = WORD_RE.findall(item.rstrip("*"))
        if len(words) != 1:
            raise ValueError(f"'{item}' is not one word")
        (prefixes if item.endswith("*") else exact).add(fold_one(words[0]))
    return frozenset(exact), tuple(sorted(prefixes))


class WrittenWord(NamedTuple):
    """A word of an expanded wording: folded, whether it ends in * (matches any word it starts), and whether the
    lexicon writes it capitalised (then it matches only a capitalised word: the teams "Devils", not "devils")."""

    word: str
    prefix: bool
    capitalised: bool


def expand_wordings(cell: str, fold_one: Callable[[str], str]) -> list[tuple[WrittenWord, ...]]:
    """Every concrete wording a cell stands for, in the syntax the loaded-wording lexicon (patterns, not_in) and the
    frame cues (not_in) share: wordings separated by "|", words by spaces, "a/b" alternatives for one word, a
    trailing * matching any ending, a word written capitalised matching only a capitalised word. A written word
    splits as the text's words do ("state-run" is two), each folded by `fold_one`, as its lexicon folds the text's
    words. An empty cell has no wordings; raises ValueError on an empty wording in a cell that has some."""
    if not cell.strip():
        return []
    wordings: list[tuple[WrittenWord, ...]] = []
    for variant in cell.split("|"):
        slots = [slot.split("/") for slot in variant.split()]
        if not slots:
            raise ValueError(f"empty wording in '{cell}'")
        for combo in itertools.product(*slots):
            words: list[WrittenWord] = []
            for piece in combo:
                found = TEXT_WORD_RE.findall(piece.rstrip("*").replace("’", "'"))
                if not found:
                    raise ValueError(f"wording '{variant.strip()}' has an empty word")
                last = len(found) - 1
                words.extend(WrittenWord(fold_one(word), k == last and piece.endswith("*"), word[:1].isupper())
                             for k, word in enumerate(found))
            wordings.append(tuple(words))
    return wordings


def read_rows(path: str | Path, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs of a CSV lexicon; blank lines and lines starting with '#' are skipped.

    Raises LexiconError naming the file and line when the header lacks a required column or names
    an unknown one.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"{path}: cannot read the lexicon ({exc})") from exc
    lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise fail(f"{path}: the lexicon is empty (expected a header line with {', '.join(required)})")
    header_line, header_text = lines[0]
    header = [h.strip().lower() for h in next(csv.reader([header_text]))]
    missing = [c for c in required if c not in header]
    if missing:
        raise fail(f"{path}, line {header_line}: the header lacks column(s) {', '.join(missing)} (found: {', '.join(header)})")
    unknown = [c for c in header if c not in required and c not in optional]
    if unknown:
        raise fail(f"{path}, line {header_line}: unknown column(s) {', '.join(unknown)}; allowed: {', '.join(required + optional)}")
    rows: list[tuple[int, dict[str, str]]] = []
    for number, line in lines[1:]:
        cells = next(csv.reader(io.StringIO(line)))
        if len(cells) > len(header):
            raise fail(f"{path}, line {number}: {len(cells)} cells but the header has {len(header)} columns (quote cells that contain commas)")
        row = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
        rows.append((number, row))
    return rows
