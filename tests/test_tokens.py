"""The shared tokenization and the quotation finder's basics."""
from __future__ import annotations

from analysis.tokens import tokenize


def test_words_sentences_and_lines_keep_offsets():
    text = "Mr. Smith met the U.S. envoy. They talked!\n\nNew line here"
    tokens = tokenize(text)
    assert tokens.words[:3] == ("Mr", "Smith", "met")
    assert all(text[s:e] == w for (s, e), w in zip(tokens.word_spans, tokens.words))
    sentences = [text[s:e] for s, e in tokens.sentence_spans]
    assert sentences == ["Mr. Smith met the U.S. envoy.", "They talked!", "New line here"]
    assert [text[s:e] for s, e in tokens.line_spans] == ["Mr. Smith met the U.S. envoy. They talked!", "New line here"]


def test_apostrophes_stay_inside_words():
    assert tokenize("Russia’s and don't").words == ("Russia’s", "and", "don't")
