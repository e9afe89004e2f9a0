"""The shared tokenization and the quotation finder's basics."""
from __future__ import annotations

import re

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


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append text[start:end] trimmed of whitespace to `spans`, unless nothing is left: the plain way."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _reference_lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines trimmed of whitespace, the plain way."""
    spans, offset = [], 0
    for line in text.split("\n"):
        _add_trimmed(text, offset, offset + len(line), spans)
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


def _reference_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans the plain way: the original regexes, the whole run before each full stop."""
    import re

    from analysis.tokens import ABBREVIATIONS

    spans, cursor = [], 0

    def add(start: int, end: int) -> None:
        _add_trimmed(text, start, end, spans)

    for match in re.finditer(r"[.!?]+[\"'”’)\]]*(?=\s)|\n+", text):
        if match.group() == ".":
            run = re.search(r"[\w.]*$", text[cursor:match.start()]).group()
            if run and (run.lower() in ABBREVIATIONS or len(run) == 1):
                continue
        add(cursor, match.end())
        cursor = match.end()
    add(cursor, len(text))
    return spans


def test_sentences_equal_the_plain_splitting():
    import random

    texts = [
        "Mr. Smith met the U.S. envoy. They talked!\n\nNew line here",
        "Sept. 3 came. SEPT. 4 too. Xsept. 5 ends. x_y. z. _. \u0130. ok. 3.5. A.B.C. done?! \"Yes.\" (No.) Jan.",
        "Say U.S.\n\nU.S. \u00e9. caf\u00e9. Corp.\tInc.\u00a0Ltd. end...  next!!  \u2028 e.g. i.e. vs. etc. no. No. N.",
        ".. . .\n. a.  .b. ’s. don’t. Mrs.’ Dr.) fin",
    ]
    rng = random.Random(7)
    alphabet = ["a", "b", "Mr", "u", "s", "e", "g", "_", "3", "\u00e9", ".", ".", "!", "?", " ", " ", "\n", "\"", "’", ")", "\u00a0"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    for text in texts:
        assert list(tokenize(text).sentence_spans) == _reference_sentences(text), text


def test_word_memo_computes_each_word_once_and_stays_bounded():
    from analysis.tokens import WordMemo

    calls: list[str] = []

    def upper(word: str) -> str:
        calls.append(word)
        return word.upper()

    memo = WordMemo(upper, size=3)
    assert list(map(memo.__getitem__, ["a", "b", "a", "c", "b"])) == ["A", "B", "A", "C", "B"]
    assert calls == ["a", "b", "c"]
    assert memo["d"] == "D" and len(memo) == 1  # full: started afresh, same answers
    assert memo["a"] == "A" and calls == ["a", "b", "c", "d", "a"]


def test_one_hyphen_set_for_compounds_gaps_and_hyphened_cues():
    """tokens.HYPHENS is the hyphen set of loaded's compounds, the loaded lexicon's wording gaps and the frame cues."""
    from analysis import frames, lexicon, loaded
    from analysis.tokens import HYPHENS

    assert HYPHENS == frozenset("-\u2010\u2011") and frames.HYPHENS is HYPHENS
    for hyphen in HYPHENS:
        assert [m.start() for m in loaded.HYPHEN_JOIN_RE.finditer(f"so{hyphen}called")] == [2]
        assert lexicon.GAP_RE.fullmatch(f" {hyphen}\u2013 ")
    assert not loaded.HYPHEN_JOIN_RE.search("so\u2013called") and not lexicon.GAP_RE.fullmatch("/")


def test_chinese_and_japanese_are_counted_in_characters_and_kana_runs():
    """Text written without spaces: each Han ideograph is a word, and so is each run of hiragana or of katakana."""
    assert tokenize("iPhoneを販売したとして、ライトハウス").words == ("iPhone", "を", "販", "売", "したとして", "ライトハウス")
    assert tokenize("中华人民共和国").words == tuple("中华人民共和国")


def test_words_of_spaced_scripts_are_unchanged():
    old = re.compile(r"\w+(?:['’]\w+)*")
    text = "Don’t stop: naïve café, Москва's 1,000 x_y 한국어 문장 Ελλάδα O'Brien"
    assert tokenize(text).words == tuple(old.findall(text))


def test_chinese_and_japanese_sentences_end_at_their_own_marks():
    """。！？ end a sentence with no space after them, with their closing quotes; the spaced scripts' rule is kept."""
    text = "日本は東京で会議を開いた。次の会議は来年です！本当？「はい。」終わり"
    assert [text[s:e] for s, e in tokenize(text).sentence_spans] == [
        "日本は東京で会議を開いた。", "次の会議は来年です！", "本当？", "「はい。」", "終わり"]
    assert len(tokenize("He paid 3.5 dollars. Mr. Smith left.").sentence_spans) == 2
