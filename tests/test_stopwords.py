from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as SKLEARN_STOP_WORDS

from analysis.stopwords import ENGLISH_STOP_WORDS


def test_shipped_stop_words_equal_scikit_learns():
    assert ENGLISH_STOP_WORDS == frozenset(SKLEARN_STOP_WORDS)


def test_stop_words_are_lower_case_words():
    assert "the" in ENGLISH_STOP_WORDS and "Russia" not in ENGLISH_STOP_WORDS
    assert all(word == word.strip().lower() for word in ENGLISH_STOP_WORDS)
