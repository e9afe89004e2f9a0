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


def _reference_lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines trimmed of whitespace, the plain way."""
    spans, offset = [], 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
        offset += len(line) + 1
    return spans


def test_lines_are_trimmed_of_every_kind_of_whitespace():
    text = " \t first \u00a0\r\n\n\u2028\x1c second\tline \u3000\n \n\u00a0x"
    assert tokenize(text).line_spans == tuple(_reference_lines(text))
    assert [text[s:e] for s, e in tokenize(text).line_spans] == ["first", "second\tline", "x"]


def test_the_word_before_a_full_stop_is_found_past_the_search_window():
    # A dotted run longer than the window before the stop: it ends in a one-letter part, which is not an
    # abbreviation by itself, but the whole run is what decides, as before.
    run = "a." * 40 + "b"
    text = f"See {run}. Next one. Dr. Who came. A. B went home."
    sentences = [text[s:e] for s, e in tokenize(text).sentence_spans]
    assert sentences == [f"See {run}.", "Next one.", "Dr. Who came.", "A. B went home."]
    from analysis.tokens import WORD_BEFORE_STOP_WINDOW, _word_before_stop

    long_word = "x" * (3 * WORD_BEFORE_STOP_WINDOW)
    assert _word_before_stop(f"say {long_word}", 0, 4 + len(long_word)) == long_word
    assert _word_before_stop("say u.s", 0, 7) == "u.s"
    assert _word_before_stop("say --", 0, 6) == ""
