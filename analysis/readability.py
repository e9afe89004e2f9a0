"""Readability of the body text: textstat's five metrics, equal to textstat's values, offline and fast.

textstat (0.7.13, language en_US, no rounding) computes each metric with its own passes over the
text and fetches its dictionary through NLTK at run time. This module reproduces its tokenisation
and formulas exactly, in one pass over the words with a per-word cache:

- words: punctuation removed (apostrophes kept only before t, s, d, ve, ll, re), split on whitespace;
- sentences: regex fragments ``\\b[^.!?]+[.!?]*``, those of two words or fewer not counted, at least 1;
- syllables: CMU dictionary, else Pyphen (analysis/syllables.py);
- difficult words: not in the Dale–Chall easy list (and, for Gunning fog, 3+ syllables).

The formulas keep textstat's operation order, so the floats are bit-for-bit textstat's.
The `documents` columns are rounded to 4 decimals for stable, readable exports.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .context import Contribution, DocContext
from .stopwords import ENGLISH_STOP_WORDS
from .syllables import WORD_CACHE_SIZE, easy_words, word_syllables
from .tokens import WordMemo

# textstat.backend.utils.constants: an apostrophe not opening a contraction ending is dropped.
NON_CONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
PUNCTUATION = re.compile(r"[^\w\s\']+")  # runs at once: the same text as textstat's one-by-one removal
SENTENCE_FRAGMENT = re.compile(r"\b[^.!?]+[.!?]*")
# textstat's count_words(fragment) > 2 as one regex search, in C: three whitespace-separated tokens that each
# hold a word character, with any tokens of punctuation only between them. Removing punctuation never splits a
# token, and a token survives it exactly when it holds a word character, so such tokens are the words
# textstat counts (\s and \w are str.split's whitespace and str.isalnum plus "_").
_WORD_TOKEN = r"[^\w\s]*\w\S*"
MORE_THAN_TWO_WORDS = re.compile(rf"{_WORD_TOKEN}(?:\s+(?:[^\w\s]+\s+)*{_WORD_TOKEN}){{2}}")
GUNNING_FOG_SYLLABLES = 3  # textstat's "syllable_threshold" for English
DECIMALS = 4


@dataclass(frozen=True)
class Readability:
    """Counts and the five metrics of one text, unrounded (equal to textstat's)."""

    words: int
    sentences: int
    syllables: int
    polysyllables: int
    difficult_words: int  # not easy, 3+ syllables (Gunning fog)
    not_easy_words: int  # not in the easy list (Dale–Chall)
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog_index: float
    dale_chall: float


def clean_words(text: str) -> list[str]:
    """textstat's list_words(text): punctuation removed (contraction apostrophes kept), whitespace split."""
    return PUNCTUATION.sub("", NON_CONTRACTION_APOSTROPHE.sub("", text)).split()


def count_sentences(text: str) -> int:
    """textstat's count_sentences: regex fragments, minus those of two words or fewer; at least 1."""
    if not text:
        return 0
    fragments = SENTENCE_FRAGMENT.findall(text)
    return max(1, len(list(filter(MORE_THAN_TWO_WORDS.search, fragments))))


def word_profile(word: str) -> tuple[int, int, int, int]:
    """What one cleaned word adds to the counts: (syllables, polysyllable, not easy, difficult), the last three 0 or 1.

    textstat counts a word's syllables after lower-casing it, but its difficulty test lower-cases
    before removing punctuation; the two differ only for rare letters such as "İ", and both are kept.
    """
    lower = word.lower()
    syllables = word_syllables(lower)
    if lower in easy_words():
        return syllables, int(syllables >= 3), 0, 0
    if lower.isalnum():  # nothing for textstat's second clean-up to remove
        difficulty = syllables
    else:
        difficulty = sum(word_syllables(part) for part in clean_words(lower))
    return syllables, int(syllables >= 3), 1, int(difficulty >= GUNNING_FOG_SYLLABLES)


# word_profile's four counts packed into one int, PROFILE_BITS bits each and syllables (the largest) on top,
# so a text's counts are one C-level sum over its words (sum(map(...))) instead of a Python loop over its
# distinct words: ~0.1 ms less per document. The three lower fields each count at most one per word, and no
# text has 2**40 words, so no field carries into the next.
PROFILE_BITS = 40
PROFILE_MASK = (1 << PROFILE_BITS) - 1


def pack_profile(syllables: int, polysyllable: int, not_easy: int, difficult: int) -> int:
    """word_profile's counts as one int (see PROFILE_BITS); sums of packed ints unpack to the sums of the counts."""
    return (syllables << 3 * PROFILE_BITS) | (polysyllable << 2 * PROFILE_BITS) | (not_easy << PROFILE_BITS) | difficult


def unpack_profile(packed: int) -> tuple[int, int, int, int]:
    """(syllables, polysyllables, not easy, difficult) of a packed profile or of a sum of them."""
    return (packed >> 3 * PROFILE_BITS, (packed >> 2 * PROFILE_BITS) & PROFILE_MASK,
            (packed >> PROFILE_BITS) & PROFILE_MASK, packed & PROFILE_MASK)


def packed_word_profile(word: str) -> int:
    """pack_profile(*word_profile(word))."""
    return pack_profile(*word_profile(word))


_PACKED_PROFILES: WordMemo[int] = WordMemo(packed_word_profile, WORD_CACHE_SIZE)


def measure(text: str) -> Readability:
    """All counts and metrics of `text` in one pass over its words."""
    words = clean_words(text)
    sentences = count_sentences(text)
    syllables, polysyllables, not_easy, difficult = unpack_profile(sum(map(_PACKED_PROFILES.__getitem__, words)))
    n_words = len(words)
    words_per_sentence = n_words / sentences if sentences else 0.0
    syllables_per_word = syllables / n_words if n_words else 0.0
    return Readability(
        words=n_words,
        sentences=sentences,
        syllables=syllables,
        polysyllables=polysyllables,
        difficult_words=difficult,
        not_easy_words=not_easy,
        flesch_reading_ease=_flesch_reading_ease(words_per_sentence, syllables_per_word),
        flesch_kincaid_grade=_flesch_kincaid_grade(words_per_sentence, syllables_per_word),
        gunning_fog=_gunning_fog(difficult, n_words, words_per_sentence),
        smog_index=_smog_index(polysyllables, sentences),
        dale_chall=_dale_chall(not_easy, n_words, words_per_sentence),
    )


def _flesch_reading_ease(words_per_sentence: float, syllables_per_word: float) -> float:
    if words_per_sentence == 0 or syllables_per_word == 0:
        return 0.0
    return 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word


def _flesch_kincaid_grade(words_per_sentence: float, syllables_per_word: float) -> float:
    if words_per_sentence == 0 or syllables_per_word == 0:
        return 0.0
    return (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59


def _gunning_fog(difficult: int, n_words: int, words_per_sentence: float) -> float:
    if not n_words:
        return 0.0
    per_difficult_words = 100 * difficult / n_words
    return 0.4 * (words_per_sentence + per_difficult_words)


def _smog_index(polysyllables: int, sentences: int) -> float:
    if not sentences:
        return 0.0
    return (1.043 * (30 * (polysyllables / sentences)) ** 0.5) + 3.1291


def _dale_chall(not_easy: int, n_words: int, words_per_sentence: float) -> float:
    if not n_words:
        return 0.0
    per_difficult_words = 100 * not_easy / n_words
    score = (0.1579 * per_difficult_words) + (0.0496 * words_per_sentence)
    if per_difficult_words > 5:
        score += 3.6365
    return score


def columns(result: Readability) -> dict[str, object]:
    """The `documents` columns for one measured text; metrics stay empty when it has no words."""
    scored = result.words > 0
    metric = (lambda value: round(value, DECIMALS) if scored else None)
    return {
        "flesch_reading_ease": metric(result.flesch_reading_ease),
        "flesch_kincaid_grade": metric(result.flesch_kincaid_grade),
        "gunning_fog": metric(result.gunning_fog),
        "smog_index": metric(result.smog_index),
        "dale_chall": metric(result.dale_chall),
        "body_sentences": result.sentences,
        "readability_words": result.words,
        "syllables_per_word": round(result.syllables / result.words, DECIMALS) if scored else None,
        "words_per_sentence": round(result.words / result.sentences, DECIMALS) if scored else None,
    }


# The formulas are fitted to English: on other languages they still give numbers (Russian news scored a Flesch
# reading ease above 100), so such documents are flagged, not blanked. English news runs at 30-57 % of its
# words in the stop word list; other languages written in Latin letters share few of those words.
NON_LATIN_SHARE = 0.3  # of the words with letters: more are in another script -> not English
STOP_WORD_SHARE = 0.2  # fewer English function words than this -> not English (or not prose); English news: >= 0.3
MIN_WORDS_FOR_GUESS = 30  # shorter bodies say too little about their language


def _word_script(word: str) -> str:
    """The script of a word's first letter beyond ASCII as Unicode names it (CYRILLIC, GREEK …); LATIN for
    ASCII letters; "" for a word without letters."""
    for char in word:
        if char.isalpha():
            return "LATIN" if char.isascii() else unicodedata.name(char, "?").split(" ", 1)[0]
    return ""


_WORD_SCRIPTS: WordMemo[str] = WordMemo(_word_script, WORD_CACHE_SIZE)


def language_note(lower_words: Sequence[str]) -> str:
    """Why the English readability formulas may not fit these (lower-cased) words, or "" when they read as English.

    From the shared tokens: the share of words in a script other than Latin, then the share of English
    function words (analysis/stopwords.py).
    """
    non_ascii = [word for word in lower_words if not word.isascii()]
    scripts = Counter(map(_WORD_SCRIPTS.__getitem__, non_ascii))
    scripts.pop("", None)
    # Words that are not plain ASCII numbers; map() over str methods keeps the per-word work in C.
    lettered = len(lower_words) - (sum(map(str.isdigit, lower_words)) - sum(map(str.isdigit, non_ascii)))
    other = {script: count for script, count in scripts.items() if script != "LATIN"}
    if lettered and sum(other.values()) / lettered > NON_LATIN_SHARE:
        script = max(sorted(other), key=other.__getitem__)
        share = sum(other.values()) / lettered
        name = script if len(script) <= 3 else script.capitalize()  # "CJK", "Cyrillic"
        return (f"not English: {share:.0%} of the words are in {name} script; the readability formulas are "
                "made for English and their values here do not mean what they mean for English")
    if lettered >= MIN_WORDS_FOR_GUESS:
        share = sum(map(ENGLISH_STOP_WORDS.__contains__, lower_words)) / lettered
        if share < STOP_WORD_SHARE:
            return (f"not English, or not running prose: only {share:.0%} of the words are English function words "
                    "(English news: 30-57 %); the readability formulas are made for English prose, read them with care")
    return ""


def analyze(context: DocContext) -> Contribution:
    """Readability columns of the document's body text (boilerplate excluded), and a note when it is not English."""
    lower = context.tokens.lower_words
    body_words = [lower[i] for i in context.body_word_indexes]
    return Contribution(columns={**columns(measure(context.segmentation.body_text)), "readability_note": language_note(body_words)})
