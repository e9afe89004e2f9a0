"""Loaded wording: lexicon format and validation, voice on the seeds, boilerplate exclusion, the model."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import loaded
from analysis.blocks import BODY, BOILERPLATE, Block, Segmentation
from analysis.context import DocContext
from analysis.document import Document
from analysis.lexicon import CATEGORIES, NARRATIVES, SHIPPED_PATH, LexiconError, expand_patterns
from analysis.resources import Resources
from analysis.tokens import tokenize
from analysis.voice import classify_voice

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
HEADER = "term,patterns,category,narrative,neutral_alternative,note\n"


@pytest.fixture(scope="module")
def lexicon():
    return loaded.load_lexicon()


@pytest.fixture(scope="module")
def resources(lexicon):
    return Resources(lexicon=lexicon, loaded_model=loaded.load_model())


def _context(text: str, resources: Resources, boilerplate: list[tuple[int, int]] = ()) -> DocContext:
    blocks, cursor = [], 0
    for start, end in sorted(boilerplate):
        if start > cursor:
            blocks.append(Block(cursor, start, BODY))
        blocks.append(Block(start, end, BOILERPLATE, "subscription"))
        cursor = end
    if cursor < len(text):
        blocks.append(Block(cursor, len(text), BODY))
    return DocContext(Document("d", "d.txt", text), tokenize(text), Segmentation(text, tuple(blocks)), resources)


def _seed(prefix: str) -> str:
    path = next(SEEDS.glob(prefix + "_*.txt"))
    return path.read_text(encoding="utf-8").replace("\r\n", "\n")


def _lexicon_spans(contribution) -> list[dict]:
    return [r for r in contribution.rows["spans"] if r["source"] == "lexicon"]


def _voice_of(rows: list[dict], text: str) -> str:
    found = [r["voice"] for r in rows if r["text"] == text]
    assert found, f"no hit for {text!r}: {[r['text'] for r in rows]}"
    return found[0]


# ---------------------------------------------------------------- the shipped lexicon


def test_shipped_lexicon_is_large_and_fully_documented(lexicon):
    assert len(lexicon) >= 150
    table = loaded.lexicon_table(lexicon)
    assert isinstance(table, pd.DataFrame) and len(table) == len(lexicon)
    for column in ("term", "patterns", "category", "narrative", "neutral_alternative", "note"):
        assert (table[column].str.strip() != "").all(), column
    assert set(table["category"]) <= set(CATEGORIES)
    assert set(table["narrative"]) == set(NARRATIVES)


def test_pattern_syntax_expands_alternatives_hyphens_and_prefixes():
    wordings = expand_patterns("Kyiv/Kiev regime|state-run|smear*")
    assert (("exact", "kyiv"), ("exact", "regime")) in wordings
    assert (("exact", "kiev"), ("exact", "regime")) in wordings
    assert (("exact", "state"), ("exact", "run")) in wordings
    assert (("prefix", "smear"),) in wordings


def test_matching_variants_inflections_and_no_sentence_crossing(resources):
    text = "The Kiev regime and the regime in Kyiv. A U.S.-backed coup was smeared. It was a coup. In Kyiv nothing."
    rows = _lexicon_spans(loaded.analyze(_context(text, resources)))
    texts = [r["text"] for r in rows]
    assert "Kiev regime" in texts and "regime in Kyiv" in texts and "U.S.-backed coup" in texts and "smeared" in texts
    assert not any("coup. In Kyiv" in t for t in texts)
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)


# ---------------------------------------------------------------- validation of user files


def test_user_lexicon_errors_carry_line_numbers(tmp_path):
    path = tmp_path / "lex.csv"
    path.write_text(
        HEADER
        + "good term,good term,euphemism,kremlin-aligned,neutral,ok\n"
        + "no category,no category,,kremlin-aligned,neutral,x\n"
        + "bad narrative,bad narrative,euphemism,martian,neutral,x\n"
        + "dup,good term,euphemism,kremlin-aligned,neutral,x\n"
        + "empty,a//b|,euphemism,kremlin-aligned,neutral,x\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError) as caught:
        loaded.load_lexicon(path)
    message = str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert "line 3: missing category" in message
    assert "line 4: unknown narrative 'martian'" in message
    assert "line 5: wording 'good term' already listed on line 2" in message
    assert "line 6: bad patterns" in message
    assert "line 2" not in message.replace("on line 2", "")


def test_missing_header_column_and_bytes_upload():
    with pytest.raises(LexiconError, match="line 1: header lacks column"):
        loaded.validate_lexicon_bytes(b"term,patterns\nx,y\n")
    with pytest.raises(LexiconError, match="not UTF-8"):
        loaded.validate_lexicon_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(LexiconError, match="bad.json looks like JSON; a lexicon is a CSV file"):
        loaded.validate_lexicon_bytes(b"{not json", "bad.json")
    custom = loaded.validate_lexicon_bytes((HEADER + "blorp,blorp*,dysphemism,domestic-partisan,thing,\n").encode())
    assert len(custom) == 1 and custom.entries[0].term == "blorp"


def test_custom_lexicon_is_used_by_analyze():
    custom = loaded.validate_lexicon_bytes((HEADER + "blorp,blorp*,dysphemism,domestic-partisan,thing,\n").encode())
    rows = loaded.analyze(_context("They blorped it.", Resources(lexicon=custom))).rows["spans"]
    assert [(r["text"], r["term"], r["category"], r["source"]) for r in rows] == [("blorped", "blorp", "dysphemism", "lexicon")]


# ---------------------------------------------------------------- voice on the seeds


def test_seed_000_special_military_operation_is_attributed(resources):
    rows = _lexicon_spans(loaded.analyze(_context(_seed("000"), resources)))
    assert _voice_of(rows, "special military operation") == "attributed"


def test_seed_001_voices(resources):
    rows = _lexicon_spans(loaded.analyze(_context(_seed("001"), resources)))
    assert _voice_of(rows, "state-controlled") == "authorial"
    assert _voice_of(rows, "Kyiv regime") == "authorial"
    assert _voice_of(rows, "unprovoked Russian aggression") == "quoted"


def test_seed_003_and_004_quoted(resources):
    assert _voice_of(_lexicon_spans(loaded.analyze(_context(_seed("003"), resources))), "torpedoed") == "quoted"
    assert _voice_of(_lexicon_spans(loaded.analyze(_context(_seed("004"), resources))), "treasonous") == "quoted"


def test_seed_001_subscription_pitch_in_boilerplate_is_excluded_from_counts(resources):
    text = _seed("001")
    pitch_start = text.index("Subscribe to the New American")
    plain = loaded.analyze(_context(text, resources))
    marked = loaded.analyze(_context(text, resources, [(pitch_start, len(text))]))
    hit = [r for r in _lexicon_spans(marked) if r["text"] == "patriotic Americans"]
    assert len(hit) == 1 and hit[0]["in_boilerplate"] is True
    assert marked.columns["loaded_hits"] == plain.columns["loaded_hits"] - 1
    assert marked.columns["loaded_authorial"] == plain.columns["loaded_authorial"] - 1
    assert marked.columns["loaded_boilerplate_hits"] == 1


@pytest.mark.parametrize(
    "sentence, voice",
    [
        ("Russia launched what Moscow called a special military operation.", "attributed"),
        ("The so-called special military operation began.", "attributed"),
        ("Moscow has added that the 2014 Western-backed coup was to blame.", "attributed"),
        ("Russia regards its conflict as part of a wider proxy war.", "attributed"),
        ("According to Lavrov, the Kyiv regime is failing.", "attributed"),
        ("The Kyiv regime is failing, according to Lavrov.", "attributed"),
        ("Critics have labelled it a proxy war.", "attributed"),
        ("Aid for the Kyiv regime, arguing that it helps.", "authorial"),
        ("Putin accused the West of deliberately sabotaging the talks.", "attributed"),
        ("The West was sabotaging the talks.", "authorial"),
        ("He denounced the ‘proxy war’ loudly.", "quoted"),
        ("The «proxy war» continues.", "quoted"),
    ],
)
def test_voice_rules(sentence, voice, lexicon):
    from analysis.lexicon import find_hits, normalize_word
    from analysis.quotes import find_quotes

    tokens = tokenize(sentence)
    hits = find_hits(lexicon, sentence, tokens.word_spans, [normalize_word(w) for w in tokens.words])
    assert hits, sentence
    hit = max(hits, key=lambda h: h.end - h.start)
    assert classify_voice(sentence, hit.start, hit.end, find_quotes(sentence), tokens.sentence_spans) == voice


# ---------------------------------------------------------------- columns, model, determinism


def test_document_columns_and_span_contract(resources):
    text = _seed("001")
    contribution = loaded.analyze(_context(text, resources))
    columns = contribution.columns
    for name in ("loaded_hits", "loaded_authorial", "loaded_quoted", "loaded_attributed", "loaded_per_1k_words",
                 "model_hits", "model_per_1k_words", "loaded_cat_delegitimising_label", "loaded_narr_kremlin_aligned"):
        assert name in columns
    assert columns["loaded_hits"] == columns["loaded_authorial"] + columns["loaded_quoted"] + columns["loaded_attributed"]
    body_words = len(tokenize(text).word_spans)
    assert columns["loaded_per_1k_words"] == round(1000 * columns["loaded_authorial"] / body_words, 4)
    assert sum(v for k, v in columns.items() if k.startswith("loaded_cat_")) == columns["loaded_hits"]
    assert sum(v for k, v in columns.items() if k.startswith("loaded_narr_")) == columns["loaded_hits"]
    expected = ["doc_id", "start", "end", "text", "term", "category", "narrative", "neutral_alternative",
                "voice", "in_boilerplate", "source", "score"]
    for row in contribution.rows["spans"]:
        assert list(row) == expected
        assert row["voice"] in ("authorial", "quoted", "attributed") and row["source"] in ("lexicon", "model")
        assert text[row["start"]:row["end"]] == row["text"]


def test_model_is_plain_json_and_finds_loaded_words_outside_lexicon(resources):
    model = resources.loaded_model
    assert model is not None and len(model.weights) > 1000 and 0 < model.threshold < 1
    text = ("The senator delivered an unhinged, venomous screed full of vicious lies, "
            "a grotesque spectacle of hysterical fearmongering against decent hard-working citizens.")
    rows = loaded.analyze(_context(text, resources)).rows["spans"]
    model_rows = [r for r in rows if r["source"] == "model"]
    assert model_rows, rows
    assert all(0 < r["score"] <= 1 and r["term"] == "" for r in model_rows)
    lexicon_ranges = [(r["start"], r["end"]) for r in rows if r["source"] == "lexicon"]
    # A model hit the lexicon fully explains is not reported twice.
    assert not any(ls <= r["start"] and r["end"] <= le for r in model_rows for ls, le in lexicon_ranges)


def test_analyze_is_deterministic_and_works_without_resources(resources):
    text = _seed("001")
    assert loaded.analyze(_context(text, resources)).rows == loaded.analyze(_context(text, resources)).rows
    empty = loaded.analyze(_context(text, Resources()))
    assert empty.rows["spans"] == [] and empty.columns["loaded_hits"] == 0


def test_benchmark_scores_what_analyze_reports(resources, lexicon):
    """benchmarks/loaded_ptc.py scores train_loaded_model.analyze_spans: it must equal analyze()'s spans."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import train_loaded_model as training

    for text in (_seed("001"), _seed("003"),
                 "Critics blasted the brutal Kyiv regime and its corrupt, treasonous cronies as \"thugs\"."):
        rows = loaded.analyze(_context(text, resources)).rows["spans"]
        article = training.prepare(training.Article("x", text, []), lexicon)
        assert sorted(training.analyze_spans(resources.loaded_model, article)) == sorted((r["start"], r["end"]) for r in rows)


def test_shipped_model_was_trained_on_the_shipped_lexicon():
    """Lexicon hits are features of the tagger: a changed lexicon needs `python scripts/train_loaded_model.py`."""
    import hashlib
    import json

    from analysis.lexicon import SHIPPED_PATH

    shipped = json.loads(loaded.MODEL_PATH.read_text(encoding="utf-8"))
    assert shipped["lexicon_sha256"] == hashlib.sha256(SHIPPED_PATH.read_bytes()).hexdigest()


def test_threshold_choice_prefers_the_highest_threshold_of_equal_f1(monkeypatch):
    """Of thresholds within F1_TOLERANCE of the best out-of-fold char-F1, training takes the highest (surer hits)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import train_loaded_model as training

    f1_by_threshold = {0.0625: 0.3461, 0.075: 0.3452, 0.0875: 0.3430}
    monkeypatch.setattr(training, "THRESHOLDS", tuple(f1_by_threshold))
    monkeypatch.setattr(training, "EXTEND_RATIOS", (0.3,))
    monkeypatch.setattr(training, "analyze_spans", lambda model, article, scores: model.threshold)
    monkeypatch.setattr(training, "char_prf", lambda pairs: (0.0, 0.0, f1_by_threshold[pairs[0][0]]))
    model = loaded.LoadedModel(weights={}, bias=0.0, threshold=0.5)
    article = training.Article("x", "text", [])
    assert training.best_threshold([article], {"x": []}, {"x": model}) == (0.075, 0.3, 0.3452)
    monkeypatch.setattr(training, "F1_TOLERANCE", 0.0)
    assert training.best_threshold([article], {"x": []}, {"x": model}) == (0.0625, 0.3, 0.3461)


def _scorer_inputs(text: str, lexicon, easy_words: frozenset[str]):
    """token_features' arguments for a text, as analyze() builds them."""
    from analysis.lexicon import find_hits, normalize_word
    from analysis.quotes import find_quotes

    tokens = tokenize(text)
    words = [normalize_word(w) for w in tokens.words]
    tags = loaded.lexicon_tags(find_hits(lexicon, text, tokens.word_spans, words), len(words))
    quoted = loaded.quoted_flags(tokens.word_spans, find_quotes(text))
    return words, tokens.words, quoted, tags, easy_words, loaded.sentence_features(text, tokens, tags)


def _fast_scores(scorer, text: str, inputs) -> list[float]:
    """scorer.scores for a text, with the sentence features as columns (as analyze() passes them)."""
    _, raw_words, quoted, tags, _, _ = inputs
    return scorer.scores(raw_words, quoted, tags, loaded.sentence_feature_columns(text, tokenize(text), tags))


SCORER_TEXTS = (
    "Outrage! The brutal Kyiv regime and its corrupt, treasonous cronies were called \"thugs\" by Moscow.\n"
    "Critics blasted the so-called special military operation as a grotesque, hysterical smear campaign.",
    "RUSSIA'S 2024 budget: NATO's Warmongers say the U.S.-backed junta is 'doomed'.",
    "a",
    "Wow! Kyiv regime! The Kyiv regime, the neo-Nazi junta and the Kiev regime \u2019terror\u2019 smear. Calm now.",
)


def test_fast_scorer_gives_token_scores_bit_for_bit(resources, lexicon):
    """analyze() scores tokens with model.scorer; it must give exactly token_scores(token_features(...))."""
    import random

    model = resources.loaded_model
    texts = (*SCORER_TEXTS, _seed("000"), _seed("001"), _seed("003"))
    # A second model with a random weight for every feature these texts have, so that every feature kind
    # counts and a change in the order of the additions would show in the last bits of some score.
    rng = random.Random(0)
    names = sorted({name for text in texts for f in loaded.token_features(*_scorer_inputs(text, lexicon, model.easy_words))
                    for name in f})
    shuffled = loaded.LoadedModel(weights={n: rng.uniform(-2, 2) * 10 ** rng.randint(-3, 0) for n in names},
                                  bias=-1.5, threshold=0.1, easy_words=model.easy_words)
    # and one whose weights push some z past the clamp at +-30
    extreme = loaded.LoadedModel(weights={n: rng.uniform(-40, 40) for n in names}, bias=0.5, threshold=0.1,
                                 easy_words=model.easy_words)
    for candidate in (model, shuffled, extreme):
        for text in texts:
            inputs = _scorer_inputs(text, lexicon, model.easy_words)
            expected = loaded.token_scores(candidate, loaded.token_features(*inputs))
            assert _fast_scores(candidate.scorer, text, inputs) == expected
            # and again, now from the scorer's per-word table
            assert _fast_scores(candidate.scorer, text, inputs) == expected
    assert model.scorer.scores((), [], [], {}) == []


def test_feature_index_regroups_every_weight():
    import numpy as np

    weights = {"w:war": 1.0, "p1:the": 2.0, "pb:the|war": 3.0, "nb:the|war": 4.0, "nb:war|the": 4.5,
               "pst:brutal|regim": 5.0, "lex": 6.0, "lex:euphemism": 7.0}
    index = loaded.feature_index(weights)
    assert index.single == {"w": {"war": 1.0}, "p1": {"the": 2.0}, "lex": {"": 6.0, "euphemism": 7.0}}
    ids = index.vocabulary
    assert set(ids) == {"the", "war", "brutal", "regim"} and sorted(ids.values()) == [0, 1, 2, 3]
    unknown = len(ids)
    left = np.array([ids["the"], ids["war"], ids["the"], unknown, ids["the"]])
    right = np.array([ids["war"], ids["the"], unknown, ids["war"], ids["the"]])
    # columns: pb, nb
    assert index.neighbours.lookup(left, right).tolist() == [[3.0, 4.0], [0.0, 4.5], [0.0, 0.0], [0.0, 0.0], [0.0, 0.0]]
    assert index.stems.lookup(np.array([ids["brutal"], ids["regim"]]), np.array([ids["regim"], ids["brutal"]])).tolist() == [[5.0], [0.0]]
    empty = loaded.feature_index({"w:war": 1.0})
    assert empty.neighbours.lookup(np.array([0]), np.array([0])).tolist() == [[0.0, 0.0]]


def test_feature_index_holds_every_shipped_weight(resources):
    weights = resources.loaded_model.weights
    index = loaded.feature_index(weights)
    # bare names ("q", "lex", "excl") come back with an empty value
    regrouped = {f"{kind}:{value}" if value else kind: w for kind, by_value in index.single.items() for value, w in by_value.items()}
    names = {i: name for name, i in index.vocabulary.items()}
    for pairs, kinds in ((index.neighbours, ("pb", "nb")), (index.stems, ("pst",))):
        assert (pairs.keys[1:] > pairs.keys[:-1]).all()  # sorted, each pair once
        for key, row in zip(pairs.keys.tolist(), pairs.weights.tolist()):
            for kind, w in zip(kinds, row):
                name = f"{kind}:{names[key >> 32]}|{names[key & 0xFFFFFFFF]}"
                if name in weights or w != 0.0:
                    regrouped[name] = w
    assert regrouped == weights


def test_model_pickles_without_its_scorer_caches(resources):
    import pickle

    model = resources.loaded_model
    model.scorer.scores(("War",), [False], [""], {})  # builds the scorer and its caches
    copy = pickle.loads(pickle.dumps(model))
    assert "scorer" not in copy.__dict__ and copy.weights == model.weights and copy.threshold == model.threshold
    assert copy.scorer.scores(("War",), [False], [""], {}) == model.scorer.scores(("War",), [False], [""], {})


def test_lexicon_candidate_memo_does_not_change_hits(lexicon):
    from analysis.lexicon import find_hits, normalize_word, parse_lexicon

    text = "The Kyiv regime smeared the so-called West; the Kiev regime and the Kyiv regime again."
    tokens = tokenize(text)
    words = [normalize_word(w) for w in tokens.words]
    fresh = parse_lexicon(SHIPPED_PATH.read_text(encoding="utf-8"))
    first = find_hits(fresh, text, tokens.word_spans, words)
    assert "kyiv" in fresh.candidates_of and fresh.candidates_of["again"] is None
    assert find_hits(fresh, text, tokens.word_spans, words) == first == find_hits(lexicon, text, tokens.word_spans, words)
    assert [text[h.start:h.end] for h in first][:2] == ["Kyiv regime", "smeared"]


def test_bounded_caches_do_not_change_scores_or_hits(resources, lexicon, monkeypatch):
    from analysis import lexicon as lexicon_module
    from analysis.lexicon import find_hits, parse_lexicon

    text = SCORER_TEXTS[0]
    inputs = _scorer_inputs(text, lexicon, resources.loaded_model.easy_words)
    expected = loaded.token_scores(resources.loaded_model, loaded.token_features(*inputs))
    fresh_lexicon = parse_lexicon(SHIPPED_PATH.read_text(encoding="utf-8"))
    tokens = tokenize(text)
    hits = find_hits(lexicon, text, tokens.word_spans, inputs[0])
    monkeypatch.setattr(loaded, "MAX_CACHED_WORDS", 8)
    monkeypatch.setattr(lexicon_module, "MAX_MEMO_WORDS", 3)
    model = loaded.load_model()
    scorer = model.scorer
    assert _fast_scores(scorer, text, inputs) == expected
    # the table starts afresh when a document's words might not fit: it then holds that document's words
    assert scorer.table.size == 4 + len(set(tokens.words)) and set(scorer.table.rows) == {*loaded.PADDING, *tokens.words}
    other = _scorer_inputs("Zebra", lexicon, model.easy_words)
    assert _fast_scores(scorer, "Zebra", other) == loaded.token_scores(model, loaded.token_features(*other))
    assert scorer.table.size == 5 and set(scorer.table.rows) == {*loaded.PADDING, "Zebra"}
    assert _fast_scores(scorer, text, inputs) == expected
    assert find_hits(fresh_lexicon, text, tokens.word_spans, inputs[0]) == hits and len(fresh_lexicon.candidates_of) <= 3
    assert [lexicon_module._NORMALIZED[w] for w in tokens.words] == inputs[0] and len(lexicon_module._NORMALIZED) <= 3


def test_lexicon_records_by_table_row_equal_the_lexicon_memo(lexicon, monkeypatch):
    """TokenScorer.lexicon_records gives find_hits the records the lexicon's own memo gives, across new words,
    a second lexicon and a table that starts afresh; the hits are the same."""
    from analysis.lexicon import find_hits, parse_lexicon

    other = parse_lexicon(HEADER + "Zorblat,zorblat*,dysphemism,domestic-partisan,something,note\n")
    texts = ["The Kyiv regime smeared the so-called West.", "Zorblats and the Kiev regime, the Zorblat!", "Calm the war."]
    monkeypatch.setattr(loaded, "MAX_CACHED_WORDS", 20)  # the second text starts the table afresh
    scorer = loaded.load_model().scorer
    first_generation = scorer.table.generation
    for text in texts:
        for lex in (lexicon, other, lexicon):
            tokens = tokenize(text)
            records = scorer.lexicon_records(lex, scorer.rows_of(tokens.words))
            assert records == [lex.candidates_of[w] for w in tokens.words]
            assert find_hits(lex, text, tokens.word_spans, tokens.words, records) == find_hits(lex, text, tokens.word_spans, tokens.words)
            assert all(scorer.table.words[row] == word for word, row in scorer.table.rows.items())
    assert scorer.table.generation == first_generation + 1
    assert set(scorer._lexicon_rows) == {lexicon, other}  # both kept: alternating lexicons rebuild nothing
    assert [h.entry.term for h in find_hits(other, texts[1], tokenize(texts[1]).word_spans, tokenize(texts[1]).words)] == ["Zorblat", "Zorblat"]


def test_word_table_grows_and_keeps_its_rows(resources):
    model = loaded.load_model()
    scorer = model.scorer
    words = tuple(f"word{i}" for i in range(3000))  # more than the table's first capacity
    scores = scorer.scores(words, [False] * len(words), [""] * len(words), {})
    assert scorer.table.size == 4 + len(words) and len(scorer.table.values) >= scorer.table.size
    assert scorer.scores(words, [False] * len(words), [""] * len(words), {}) == scores
    features = loaded.token_features([w.lower() for w in words], words, [False] * len(words), [""] * len(words),
                                     model.easy_words, [[] for _ in words])
    assert scores == loaded.token_scores(model, features)


def test_word_table_gives_repeated_new_words_one_row(resources):
    model = loaded.load_model()
    scorer = model.scorer
    scorer.scores(("the", "war"), [False, False], ["", ""], {})
    words = ("Zorblat", "the", "zorblat", "Zorblat", "war", "Quixel", "the")  # new words, repeated, among known ones
    scores = scorer.scores(words, [False] * len(words), [""] * len(words), {})
    assert scorer.table.rows.new == [] and scorer.table.size == 4 + 5
    assert [scorer.table.rows[w] for w in ("the", "war", "Zorblat", "zorblat", "Quixel")] == [4, 5, 6, 7, 8]
    features = loaded.token_features([w.lower() for w in words], words, [False] * len(words), [""] * len(words),
                                     model.easy_words, [[] for _ in words])
    assert scores == loaded.token_scores(model, features)


def test_sentence_features_per_token():
    text = "Big news today\nWhat a mess! Truly awful.\nCalm end."
    tokens = tokenize(text)
    tags = ["", "", "", "delegitimising label", "", "dysphemism", "", "", "", ""]
    assert list(zip(tokens.words, loaded.sentence_features(text, tokens, tags))) == [
        ("Big", ["line0"]), ("news", ["line0"]), ("today", ["line0"]),
        # two lexicon hits in this sentence: each sees one other, the word between them sees two
        ("What", ["slex:1", "excl"]), ("a", ["slex:2+", "excl"]), ("mess", ["slex:1", "excl"]),
        ("Truly", []), ("awful", []), ("Calm", []), ("end", []),
    ]
    assert loaded.sentence_features("", tokenize(""), []) == []


# ---------------------------------------------------------------- fast paths equal their plain definitions

VOICE_TEXTS = (
    "Russia launched what Moscow called a special military operation. The so-called operation began.\n"
    "Critics have labelled it a proxy war, according to Lavrov. The Kyiv regime is failing, he said.\n"
    "He denounced the ‘proxy war’ loudly. «Proxy war», they argued, is a smear. Putin accused the West of sabotage.",
    # cue words the cues match without ignoring case in ASCII only, words cut by apostrophes, sentence edges
    "ſo-called regime. The claım was that the regime fell. İn the words of Lavrov, the junta fell. "
    "Rock'n'said, a junta. O'what they called a junta. Dubbed: junta! KYIV REGIME, ACCORDING TO TASS.",
    # reported speech without "that" and trailing attributions
    "Lavrov said the Kyiv regime shelled Donetsk. The regime fell, the minister said on Monday. He said nothing "
    "about the junta. The junta, said Lavrov, fell. Cruz told Arroyo he was slandered. The regime fell, I said. "
    "It was a sham, Lavrov told reporters on Monday. Cruz recounted how the junta lied, adding the regime fell.",
    "No sentence end here the regime fell and so called it",
    # prefix cues starting words before their cue word, inside tokens with apostrophes, or at a sentence start
    "In his view the regime fell. They insisted that it was a junta. Observers, quoted as saying the junta lied, left. "
    "He'd described it as a junta. What's called a regime? Blamed by them for junta rule. In their words: junta. "
    "Moscow’said: junta. IN THE WORDS OF TASS, junta. Regarded by many as a junta.",
)


def _reference_find_hits(lexicon, text, word_spans, words):
    """find_hits as first written: every word tried, left to right."""
    from analysis.lexicon import Hit, _candidates, _match_at

    hits, i = [], 0
    while i < len(words):
        match = _match_at(tuple(_candidates(lexicon, words[i])), text, word_spans, words, i)
        if match is None:
            i += 1
            continue
        last, index = match
        hits.append(Hit(word_spans[i][0], word_spans[last][1], i, last, lexicon.entries[index]))
        i = last + 1
    return hits


def test_voice_finder_gives_classify_voice_for_every_span(lexicon):
    from analysis.quotes import find_quotes, find_speaker_turns
    from analysis.voice import VoiceFinder

    seen = set()
    for text in (*VOICE_TEXTS, *SCORER_TEXTS, _seed("000"), _seed("001")):
        tokens = tokenize(text)
        quotes = find_quotes(text)
        finder = VoiceFinder(text, quotes, tuple(find_speaker_turns(text)), tokens)
        spans = [(s, e) for k, (s, _) in enumerate(tokens.word_spans) for _, e in tokens.word_spans[k:k + 4]]
        if len(text) < 400:  # and spans not on word edges (cut words)
            spans += [(s, e) for s in range(0, len(text), 3) for e in range(s + 1, min(len(text), s + 40) + 1, 2)]
        voices = [finder.voice(s, e) for s, e in spans]
        assert voices == [classify_voice(text, s, e, quotes, tokens.sentence_spans) for s, e in spans]
        seen.update(voices)
    assert seen == {"authorial", "quoted", "attributed"}


def test_find_hits_equals_trying_every_word(lexicon):
    from analysis.lexicon import find_hits, normalize_word

    found = 0
    for text in (*VOICE_TEXTS, *SCORER_TEXTS, _seed("000"), _seed("001"), _seed("003"), _seed("004")):
        tokens = tokenize(text)
        words = [normalize_word(w) for w in tokens.words]
        hits = find_hits(lexicon, text, tokens.word_spans, words)
        assert hits == _reference_find_hits(lexicon, text, tokens.word_spans, words)
        found += len(hits)
    assert found > 20


def test_hits_and_model_runs_are_the_same_for_words_as_written_or_normalized(resources, lexicon):
    """analyze() passes the tokens as written; find_hits and model_hit_runs normalize what they compare (but the
    capitals that make a name or an office)."""
    from analysis.lexicon import find_hits, normalize_word, parse_lexicon

    model = resources.loaded_model
    fresh = parse_lexicon(SHIPPED_PATH.read_text(encoding="utf-8"))  # its memo meets the written forms first
    texts = (*VOICE_TEXTS, *SCORER_TEXTS, "THE KYIV REGIME. Kyiv\u2019s Regime. U.S.-Backed JUNTA; SMEARED it.",
             _seed("000"), _seed("001"))
    found = runs_found = 0
    for text in texts:
        tokens = tokenize(text)
        words = [normalize_word(w) for w in tokens.words]
        hits = find_hits(fresh, text, tokens.word_spans, tokens.words)
        assert hits == find_hits(fresh, text, tokens.word_spans, words) == _reference_find_hits(lexicon, text, tokens.word_spans, words)
        scores = [0.9 if i % 4 in (1, 2) else 0.0 for i in range(len(words))]  # two-word runs, over any words
        covered = loaded.covered_flags(hits, len(words))
        sentences = loaded.sentence_starts(tokens)
        runs = loaded.model_hit_runs(model, scores, tokens.words, covered, sentences)
        # Only the rules that read capitals (offices, names, datelines) tell the two apart: they drop runs.
        lowered = loaded.model_hit_runs(model, scores, words, covered, sentences)
        assert set(runs) <= set(lowered)
        assert all(loaded.names_an_office(tokens.words, a, b) or loaded.names_a_name(tokens.words, a, b, sentences)
                   for a, b in set(lowered) - set(runs))
        found += len(hits)
        runs_found += len(runs)
    assert found > 20 and runs_found > 20


def test_quoted_flags_equal_a_sweep_over_merged_quotations():
    from analysis.quotes import find_quotes

    def sweep(word_spans, quotes):
        ranges = []
        for start, end in sorted(q.inner for q in quotes):
            if ranges and start <= ranges[-1][1]:
                ranges[-1][1] = max(ranges[-1][1], end)
            else:
                ranges.append([start, end])
        flags, j = [], 0
        for start, end in word_spans:
            while j < len(ranges) and ranges[j][1] < end:
                j += 1
            flags.append(j < len(ranges) and ranges[j][0] <= start)
        return flags

    for text in (*VOICE_TEXTS, *SCORER_TEXTS, 'He said "a \'nested\' quote" and "an open one\nNext', _seed("001"), _seed("003")):
        tokens = tokenize(text)
        flags = loaded.quoted_flags(tokens.word_spans, find_quotes(text))
        assert flags == sweep(tokens.word_spans, find_quotes(text))
    assert any(flags) and not all(flags)


def test_stem_equals_trying_every_suffix_in_order(resources):
    def reference(word):
        for suffix in loaded._SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)]
        return word

    words = [name[2:] for name in resources.loaded_model.weights if name.startswith("w:")]
    words += ["", "a", "es", "ations", "xations", "ingly", "flies", "ye", "<s1>"]
    assert [loaded._stem(w) for w in words] == [reference(w) for w in words]


def test_words_sharing_only_three_first_letters_share_no_feature(resources):
    # A three-letter prefix joined unrelated words: "hat" gave "hatches" the weight PTC's "hatred" earned, "div"
    # gave "diversity" that of "divisive". Four-letter prefixes stay (they join derivations: "demoni-").
    easy = resources.loaded_model.easy_words
    for loaded_word, plain_word in (("humiliating", "humorous"), ("hatred", "hatches"), ("divisive", "diversity")):
        own = set(loaded.own_features(loaded_word, "x", loaded._stem(loaded_word), easy))
        plain = set(loaded.own_features(plain_word, "x", loaded._stem(plain_word), easy))
        assert not {f for f in own & plain if not f.startswith(("sh:", "e:"))}, (loaded_word, plain_word)
    assert "p4:demo" in loaded.own_features("demonise", "x", "demon", easy)
    # The shipped model was trained on these features: it holds no weight the scorer would never look up.
    assert not [name for name in resources.loaded_model.weights if name.startswith("p3:")]


def test_scaled_scores_use_the_left_to_right_sum():
    import random

    model = loaded.load_model()
    generator = random.Random(3)
    for n in (1, 2, 7, 300, 2000):
        scores = [generator.random() * 2.5 * model.base_rate for _ in range(n)]  # a factor within the bounds
        factor = min(loaded.MAX_SCALE, max(1.0 / loaded.MAX_SCALE, (sum(scores) / n) / model.base_rate))
        assert 1 / loaded.MAX_SCALE < factor < loaded.MAX_SCALE
        assert loaded.scaled_scores(model, scores).tolist() == [s * factor for s in scores]


def test_tagged_runs_equal_a_token_by_token_scan():
    import random

    def reference(scores, threshold, extend_ratio, sentences):
        flags = [s >= threshold for s in scores]
        for i in range(1, len(flags) - 1):
            if not flags[i] and flags[i - 1] and flags[i + 1] and not sentences[i] and not sentences[i + 1]:
                flags[i] = True
        runs, first = [], None
        for i, flag in enumerate(flags + [False]):
            if first is not None and (not flag or (i < len(scores) and sentences[i])):
                runs.append((first, i - 1))
                first = None
            if flag and first is None:
                first = i
        low, grown = threshold * extend_ratio, []
        for first, last in runs:
            while first > 0 and scores[first - 1] >= low and (not grown or first - 1 > grown[-1][1]) and not sentences[first]:
                first -= 1
            while last + 1 < len(scores) and scores[last + 1] >= low and not sentences[last + 1]:
                last += 1
            if grown and (first <= grown[-1][1] or (first == grown[-1][1] + 1 and not sentences[first])):
                grown[-1] = (grown[-1][0], max(grown[-1][1], last))
            else:
                grown.append((first, last))
        return grown

    rng = random.Random(1)
    for _ in range(5000):
        scores = [rng.choice([0.0, 0.2, 0.5, 0.9, rng.random()]) for _ in range(rng.randint(0, 12))]
        threshold, extend_ratio = rng.choice([0.3, 0.5, 0.6]), rng.choice([0.3, 0.5, 1.0])
        assert loaded.tagged_runs(scores, threshold, extend_ratio) == reference(scores, threshold, extend_ratio, [False] * len(scores))
        sentences = [False] + [rng.random() < 0.3 for _ in scores[1:]]
        assert loaded.tagged_runs(scores, threshold, extend_ratio, sentences) == reference(scores, threshold, extend_ratio, sentences)
    assert loaded.tagged_runs([0.9, 0.1, 0.9, 0.4, 0.0, 0.9], 0.5, 0.8) == [(0, 3), (5, 5)]  # 0.4 >= 0.5 * 0.8


def test_sentence_features_equal_a_sentence_by_sentence_scan(lexicon):
    import bisect

    from analysis.lexicon import find_hits, normalize_word

    def reference(text, tokens, tags):
        word_starts = [s for s, _ in tokens.word_spans]
        n = len(word_starts)
        features = [[] for _ in range(n)]
        edges = [0, *(bisect.bisect_left(word_starts, s) for s, _ in tokens.sentence_spans), n]
        for span, first, last in zip([None, *tokens.sentence_spans], edges, edges[1:]):
            tagged = sum(1 for tag in tags[first:last] if tag)
            if tagged:
                for i in range(first, last):
                    others = tagged - (1 if tags[i] else 0)
                    if others:
                        features[i].append("slex:1" if others == 1 else "slex:2+")
            if span is not None and "!" in text[span[0]:span[1]]:
                for i in range(first, last):
                    features[i].append("excl")
        first_line_end = tokens.line_spans[0][1] if tokens.line_spans else 0
        first_line = range(bisect.bisect_left(word_starts, first_line_end))
        for i in first_line if len(first_line) <= loaded.MAX_HEADLINE_WORDS else ():
            features[i].append("line0")
        return features

    named = set()
    for text in (*VOICE_TEXTS, *SCORER_TEXTS, "  !Lead! Kyiv regime, junta, junta!\n\nKyiv regime! x", _seed("000"), _seed("001"),
                 LONG_FIRST_LINE):
        tokens = tokenize(text)
        words = [normalize_word(w) for w in tokens.words]
        tags = loaded.lexicon_tags(find_hits(lexicon, text, tokens.word_spans, words), len(words))
        features = loaded.sentence_features(text, tokens, tags)
        assert features == reference(text, tokens, tags)
        named.update(name for f in features for name in f)
    assert named == set(loaded.SENTENCE_FEATURES)


def test_scorer_shared_by_threads_scores_as_alone(monkeypatch):
    """Threads sharing one model (Streamlit sessions, a Dask worker's threads) each get the scores the slow
    reference gives, while their new words fill the table and force it to start afresh again and again."""
    import sys
    import threading

    model = loaded.load_model()
    word_lists = [tuple(f"Word{t}x{i}" if i % 3 else "the" for i in range(40)) + ("regime", "so-called") for t in range(8)]

    def reference(words: tuple[str, ...]) -> list[float]:
        features = loaded.token_features([w.lower() for w in words], words, [False] * len(words), [""] * len(words),
                                         model.easy_words, [[] for _ in words])
        return loaded.token_scores(model, features)

    expected = [reference(words) for words in word_lists]
    monkeypatch.setattr(loaded, "MAX_CACHED_WORDS", 60)  # a reset at almost every document
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, to interleave the table's updates
    wrong: list[int] = []

    def score(t: int) -> None:
        for _ in range(60):
            if model.scorer.scores(word_lists[t], [False] * 42, [""] * 42, {}) != expected[t]:
                wrong.append(t)

    try:
        threads = [threading.Thread(target=score, args=(t,)) for t in range(len(word_lists))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert not wrong
    assert model.scorer.table.generation > 10


# ---------------------------------------------------------------- hits in another sense


def _hit_texts(lexicon, text: str) -> list[str]:
    from analysis.lexicon import find_hits

    tokens = tokenize(text)
    return [text[h.start:h.end] for h in find_hits(lexicon, text, tokens.word_spans, tokens.words)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # the verb "to lie" (not_in), kept as the noun
        ("The solution, then, lies not just in technology. Part of the difficulty lies in the fact.", []),
        ("He took a shortcut to whatever lies beyond.", []),
        ("They keep cramming lies down our throats.", ["lies"]),
        # idioms and the crime (not_in)
        ("Psychiatric testing was still all the rage among the houses.", []),
        ("He has a 2012 conviction for fraud and faces wire fraud charges.", []),
        ("Arrests included child neglect, drug offenses, fraud and larceny.", []),
        ("The man is a fraud.", ["fraud"]),
        # a label negated by a hyphenated prefix
        ("Anti-fascism campaigners marched; non-racist fans cheered.", []),
        # a capitalised name outside a headline; a chain of loaded capitals is no name
        ("Campaigners from Hope Not Hate had campaigned for the pair to stay out of the country.", []),
        ("He witnessed the abuse at Sacred Heart of Jesus church in the city of Santiago.", []),
        ("He said we should focus on the destructive Radical Islamic Terrorism that is spreading now.",
         ["destructive", "Radical", "Islamic Terrorism"]),
        ("Racist Trump supporters rallied in the city on Sunday.", ["Racist"]),
        # emphatic capitals before a name and words always capitalised are no name; a capitalised function
        # word is, and so is a capitalised word before the hit (PTC gold marks none of "the Obama Regime")
        ("He signed the Obama Regime Administrative Amnesty, which his critics opposed from the start.", []),
        ("We must resist the Tyrant King George and his ministers, they wrote in the declaration.", ["Tyrant"]),
        ('He tweeted that "The Russian Witch Hunt Hoax continues" again, as he has done for months.',
         ["Witch Hunt", "Hoax"]),
        ("She said that Global Islamist jihad is at war with the West and with its values.", ["Islamist"]),
        ("The leaders of the Party Of The Racist Right met in a hotel outside the capital yesterday.", []),
        # wrong senses excluded by their entries' not_in: a system of rules, the crime, literal depth and
        # extent, the historical party
        ("The EU extended its sanctions regimes against Moscow, and the tax regime stayed as it was.", []),
        ("The gang rape of a woman was reported; a gang of thugs attacked.", ["gang", "thugs"]),
        ("Troops were deeply dug into the mountainous terrain; he was deeply corrupt.", ["deeply", "corrupt"]),
        ("They released the completely unredacted version.", []),
        ("Vichy collaborated with the Nazis during the war. He called his opponents Nazis.", ["Nazis"]),
        ("The move drew a regulatory backlash.", []),
        ("Pope Francis Accused of Inaction in Notorious Sex Abuse Cases", ["Notorious"]),
        # "collaborator" alone is a co-worker, not the occupation-regime label
        ("He was a close friend and collaborator of the cardinal. Russian collaborators ran the town.",
         ["Russian collaborators"]),
    ],
)
def test_hits_in_another_sense_do_not_count(lexicon, text: str, kept: list[str]):
    assert _hit_texts(lexicon, text) == kept


def test_not_in_column_is_checked_by_line():
    from analysis.lexicon import parse_lexicon

    header = "term,patterns,category,narrative,neutral_alternative,note,not_in\n"
    good = parse_lexicon(header + "lies,lies,dysphemism,neutral-descriptive,false claims,x,lies in|what/whatever lies\n")
    assert len(good.exclusions[0]) == 3
    with pytest.raises(LexiconError, match="line 2: not_in wording 'all the rage' contains none"):
        parse_lexicon(header + "lies,lies,dysphemism,neutral-descriptive,false claims,x,all the rage\n")
    # files without the column still load
    assert len(parse_lexicon("term,patterns,category,narrative,neutral_alternative\nx,y,dysphemism,neutral-descriptive,z\n")) == 1


def test_non_english_body_gets_no_lexicon_hits(resources):
    italian = ("Netflix ospiterà il remake in computer grafica della serie animata cult degli anni ottanta, "
               "una delle serie più amate dai fan di tutto il mondo, che tornerà con nuovi episodi prodotti "
               "da Toei Animation e con una nuova sigla per il pubblico di oggi e di domani, come annunciato "
               "dalla piattaforma di streaming durante la presentazione ufficiale dei nuovi titoli.")
    assert _lexicon_spans(loaded.analyze(_context(italian, resources))) == []
    english = ("The cult film returned this year, and the remake will be streamed by the platform to fans who "
               "have waited for it since the eighties, with new episodes and a new theme song for the public "
               "of today and of tomorrow, as the company announced during the official presentation of the "
               "new titles on Monday in front of a crowd of reporters.")
    assert [r["text"] for r in _lexicon_spans(loaded.analyze(_context(english, resources)))] == ["cult"]


def test_model_runs_of_common_words_only_are_dropped():
    from analysis.loaded import trim_runs

    words = ["You", "has", "never", "the", "brutal", "regime", "will", "GET", "OUT"]
    # Edges lose their function words; a run holding no word outside the common-word list is no hit at all.
    assert trim_runs([(0, 0), (1, 2), (3, 5), (6, 8)], words) == [(4, 5)]


def test_sentence_starts_follow_the_tokenizers_sentences():
    text = "Orban met Mr. Putin in the U.S. capital, said Lavrov. Then\nhe left! Ok"
    tokens = tokenize(text)
    starts = loaded.sentence_starts(tokens)
    # Sentence ends and line breaks start a sentence; abbreviations and commas do not.
    assert [w for w, start in zip(tokens.words, starts) if start] == ["Then", "he", "Ok"]
    assert not loaded.sentence_starts(tokenize("")).size


def test_model_runs_grow_only_within_their_sentence():
    # "... was a disgrace. Then officials": the weak word after the sentence end is not the phrase's.
    scores = [0.9, 0.9, 0.2, 0.0]
    assert loaded.tagged_runs(scores, 0.5, 0.2) == [(0, 2)]
    assert loaded.tagged_runs(scores, 0.5, 0.2, [False, False, True, False]) == [(0, 1)]
    assert loaded.tagged_runs([0.2, 0.9, 0.9], 0.5, 0.2, [False, True, False]) == [(1, 2)]
    # High words either side of a sentence start are two phrases, and a low word bridges only within a sentence.
    assert loaded.tagged_runs([0.9, 0.9], 0.5, 0.2, [False, True]) == [(0, 0), (1, 1)]
    assert loaded.tagged_runs([0.9, 0.1, 0.9], 0.5, 1.0, [False, True, False]) == [(0, 0), (2, 2)]
    assert loaded.tagged_runs([0.9, 0.1, 0.9], 0.5, 1.0, [False, False, True]) == [(0, 0), (2, 2)]
    assert loaded.tagged_runs([0.9, 0.1, 0.9], 0.5, 1.0) == [(0, 2)]


# A page saved without line breaks in its first paragraph: its first line is prose, not a headline.
LONG_FIRST_LINE = (
    "The man had developed a severe allergic reaction in his lungs after he replaced his old pillows with new "
    "feather bedding, and his doctors needed several months of tests before they found the cause of his "
    "breathlessness and cough.\nHe has since recovered."
)


def test_line0_marks_only_a_headline_short_first_line(resources):
    def line0_words(text: str) -> list[str]:
        tokens = tokenize(text)
        column = loaded.sentence_feature_columns(text, tokens, [""] * len(tokens.words))["line0"]
        return [w for w, on in zip(tokens.words, column) if on]

    # PTC's first lines, on which the tagger learnt "line0", are headlines of at most 31 words.
    headline = " ".join(["word"] * loaded.MAX_HEADLINE_WORDS)
    assert line0_words(headline + "\nBody.") == ["word"] * loaded.MAX_HEADLINE_WORDS
    assert line0_words(headline + " more\nBody.") == []
    assert line0_words(LONG_FIRST_LINE) == []
    # The headline weight no longer lifts the plain words of a first paragraph ("old", "breathlessness").
    rows = [r["text"] for r in loaded.analyze(_context(LONG_FIRST_LINE, resources)).rows["spans"] if r["source"] == "model"]
    assert not {"old", "breathlessness"} & set(rows), rows


def test_one_word_model_hits_need_a_higher_score():
    model = loaded.LoadedModel(weights={}, bias=0.0, threshold=0.3, extend_ratio=0.5)  # base rate 0: no scaling
    words = ["a", "grim", "day", "and", "a", "vile", "smear", "then", "an", "awful", "end"]
    scores = [0.0, 0.35, 0.0, 0.0, 0.0, 0.35, 0.35, 0.0, 0.0, 0.3 * loaded.SINGLE_WORD_RATIO, 0.0]
    # "grim" alone reaches the threshold but not the one-word bar; "vile smear" is two words; "awful" reaches the bar.
    assert loaded.model_word_runs(model, scores, words, None) == [(5, 6), (9, 9)]
    assert loaded.model_hit_runs(model, scores, words, [False] * len(words), None) == [(5, 6), (9, 9)]
    # A run trimmed down to one word is one word ("a grim" -> "grim").
    scores[0] = 0.35
    assert loaded.model_word_runs(model, scores, words, None) == [(5, 6), (9, 9)]


def test_plain_words_of_health_prose_are_no_model_hits(resources):
    # Words PTC's annotators often mark in propaganda ("smoker", "chicken") are plain in a health report, where
    # lone they scored just over the threshold (the report reads dry: its scores are scaled down to x0.4).
    text = ("How a man's bedding gave him a lung disease\n"
            "A 43-year-old man went to his doctor with a cough that had lasted for several months. "
            "The man didn't have any obvious reasons to be so breathless. He wasn't a smoker. His workplace didn't "
            "expose him to any dust. His doctors ran a series of tests on his blood and his lungs over the next weeks. "
            "The tests showed antibodies to proteins found in bird feathers. If the feathers were on a human in a giant "
            "chicken costume, well that doesn't occur often. The doctors asked him about his home, his garden and his "
            "hobbies. He told them that he had bought a new duvet and new pillows a few months before the cough began. "
            "He replaced them with other bedding, and his breathing improved within a few weeks.")
    rows = {r["text"]: r["score"] for r in loaded.analyze(_context(text, resources)).rows["spans"] if r["source"] == "model"}
    assert "chicken" not in rows, rows
    # The model retrained on this round's lexicon scores "smoker" 0.254 against a bar of 0.25 here (0.1 scaled by
    # x0.4): a weight, not a rule. Nothing else in the report may be a hit.
    assert set(rows) <= {"smoker"}, rows


def test_density_prior_raises_the_bar_where_the_lexicon_finds_little():
    # x SPARSE_RATIO with no lexicon hit, falling linearly to x1 at SPARSE_DENSITY hits per 1,000 words.
    assert loaded.density_prior(0, 500) == pytest.approx(loaded.SPARSE_RATIO)
    assert loaded.density_prior(0, 0) == pytest.approx(loaded.SPARSE_RATIO)
    # in 20,000 words, 10 x SPARSE_DENSITY hits are half the density that ends the rise, 20 x all of it
    assert loaded.density_prior(round(10 * loaded.SPARSE_DENSITY), 20000) == pytest.approx((1 + loaded.SPARSE_RATIO) / 2)
    assert loaded.density_prior(round(20 * loaded.SPARSE_DENSITY), 20000) == pytest.approx(1.0)
    assert loaded.density_prior(20, 1000) == 1.0
    model = loaded.LoadedModel(weights={}, bias=0.0, threshold=0.3, extend_ratio=0.5)  # base rate 0: no scaling
    words = ["a", "vile", "smear", "and", "an", "awful", "end"]
    scores = [0.0, 0.5, 0.5, 0.0, 0.0, 0.7, 0.0]
    assert loaded.model_word_runs(model, scores, words, None) == [(1, 2), (5, 5)]
    # Bars: two words 0.3 x prior, one word 0.4 x prior. At x2 both go (0.5 < 0.6, 0.7 < 0.8); at x1.5 both stay;
    # at x1.7 the two words go (0.5 < 0.51) and "awful" stays (0.7 >= 0.68).
    assert loaded.model_word_runs(model, scores, words, None, prior=2.0) == []
    assert loaded.model_hit_runs(model, scores, words, [False] * len(words), None, prior=1.5) == [(1, 2), (5, 5)]
    assert loaded.model_hit_runs(model, scores, words, [False] * len(words), None, prior=1.7) == [(5, 5)]


def test_literal_words_of_a_product_review_are_no_model_hits(resources, monkeypatch):
    # A laptop review: no lexicon hit, so the tagger's hits on "machine" and "pitch" (words PTC's propaganda articles
    # use figuratively: a political "machine") need three times the bar.
    text = ("MacBook Pro 16-inch review\n"
            "Apple's 16-inch MacBook Pro is a solid machine, one that is faster than every other MacBook Pro ever made. "
            "Using a utility that turns off the boost feature on the processor essentially guarantees a silent machine "
            "with next to no fan noise. The fans now have a lower pitch and a different warble. Oddly, Apple has a few "
            "omissions with the pro machine. The FaceTime camera is still capped at 720p. Considering a Mac is intended "
            "to be a portable machine, the lack of the latest Wi-Fi tech is frustrating.\n"
            "The base model ships with a six-core processor, 16 GB of memory and a 512 GB drive. The display measures "
            "16 inches across and has a resolution of 3072 by 1920 pixels. Battery life in our video test was about "
            "eleven hours. The laptop weighs 2 kilograms and comes in silver and space gray. Prices start at $2,399 in "
            "the United States.")
    def model_hits() -> list[str]:
        return [r["text"] for r in loaded.analyze(_context(text, resources)).rows["spans"] if r["source"] == "model"]

    rows = model_hits()
    monkeypatch.setattr(loaded, "density_prior", lambda hits, words: 1.0)
    without_prior = model_hits()
    # without the prior the tagger flags the fan's "pitch" and most "machine"s; with it, at most three "machine"s stay
    # (their scores are weights, not rules: which ones depends on the shipped model's threshold)
    assert len(rows) < len(without_prior), (rows, without_prior)
    assert not any("pitch" in row or "pro machine" in row for row in rows), rows
    assert len(rows) <= 3 and all("machine" in row for row in rows), rows


def test_loaded_statement_keeps_its_model_hits(resources):
    # Dense loaded wording: the lexicon finds plenty, the prior is x1 and the model's hits stay.
    text = ("Impeachment sham completely debunked: White House\n"
            "\"Today's second hearing is over, and the Democrats' central allegation in this impeachment sham has again "
            "been completely debunked,\" the press secretary said. \"With the Democrats' poll-tested narratives in "
            "shambles, the American public should not be forced to endure this charade for one more second. Chairman "
            "Schiff and the Democrats are simply blinded by their hatred for Donald Trump and rabid desire to overturn "
            "the outcome of a free and fair election.\"")
    rows = [r["text"] for r in loaded.analyze(_context(text, resources)).rows["spans"] if r["source"] == "model"]
    assert "forced to endure this charade" in rows and any(r.startswith("rabid desire") for r in rows), rows


def test_model_hits_do_not_end_on_a_neutral_reporting_verb(resources):
    from analysis.loaded import trim_runs

    words = ["the", "brutal", "regime", "said", "Lavrov", "told", "slammed"]
    # "said" and "told" attribute the words; "slammed" characterises and stays.
    assert trim_runs([(0, 3), (3, 6)], words) == [(1, 2), (4, 6)]
    # As in the seed's "Viktor Orban, the corrupt prime minister of Hungary, indicated in a recent interview ...",
    # where the hit had grown over the weak "indicated".
    words = tokenize("the corrupt prime minister of Hungary, indicated in").words
    assert trim_runs([(0, 7)], words) == [(1, 5)]
    rows = [r for r in loaded.analyze(_context(_seed("000"), resources)).rows["spans"] if r["source"] == "model"]
    assert not any(r["text"].endswith("indicated") for r in rows)


def test_model_hits_naming_only_an_office_are_dropped():
    from analysis.loaded import trim_runs

    def kept(text: str) -> list[str]:
        words = tokenize(text).words
        return [" ".join(words[a:b + 1]) for a, b in trim_runs([(0, len(words) - 1)], words)]

    # Office titles and neutral designations, with their nationality, possessive place or "of" + capitalised place.
    for office in ("the prime minister of Hungary", "president of Russia", "Russian President", "foreign ministers",
                   "the secretary general", "Hungary’s prime minister", "President of the United States",
                   "Kremlin officials", "minister of Foreign Affairs", "CEO", "the CEO of DH"):
        assert kept(office) == [], office
    # A loaded word beside the title, a lower-case complement or a title word alone as a qualifier stays a hit.
    assert kept("the corrupt president of Ukraine") == ["corrupt president of Ukraine"]
    assert kept("RINO Senator") == ["RINO Senator"]
    assert kept("puppet president") == ["puppet president"]
    assert kept("leaders of the free world") == ["leaders of the free world"]
    assert kept("former glory") == ["former glory"]
    assert kept("Hungarian") == ["Hungarian"]


def test_the_seeds_office_title_is_no_model_hit(resources):
    # "Viktor Orban, the prime minister of Hungary, indicated ...": the tagger scores the title high (title contexts
    # learnt from a few PTC spans, lifted by the first line and a sentence with two lexicon hits), but a title names
    # an office, no loaded wording.
    rows = [r for r in loaded.analyze(_context(_seed("000"), resources)).rows["spans"] if r["source"] == "model"]
    assert not any("minister" in r["text"] for r in rows)


def test_model_hits_in_boilerplate_are_not_reported(resources):
    text = ("The minister spoke on Monday about the budget.\n"
            "Related: Terrifying map shows the brutal regime's disgusting lies and vile propaganda\n"
            "The talks went on until late in the evening.")
    start = text.index("Related")
    context = _context(text, resources, [(start, text.index("\n", start))])
    rows = loaded.analyze(context).rows["spans"]
    # A related story's headline is not the document's wording: the lexicon's hits there stay (flagged and
    # counted apart), the model's are not reported.
    assert [r["text"] for r in rows if r["in_boilerplate"]] == ["Terrifying", "brutal", "disgusting", "lies", "vile", "propaganda"]
    assert all(r["source"] == "lexicon" for r in rows if r["in_boilerplate"])
    assert not any(r["source"] == "model" and r["end"] > start for r in rows)



def test_model_hits_keep_hyphenated_compounds_whole():
    from analysis.loaded import hyphen_joins, trim_runs

    def kept(text: str, runs: list[tuple[int, int]]) -> list[str]:
        tokens = tokenize(text)
        joins = hyphen_joins(text, tokens.word_ends)
        return [text[tokens.word_spans[a][0]:tokens.word_spans[b][1]] for a, b in trim_runs(runs, tokens.words, joins)]

    # Review 6: "Haley's [[hypocritical anti]]-Iran rhetoric", "deep contempt for non-Muslims", "same-[[sex marriage".
    assert kept("Haley's hypocritical anti-Iran rhetoric", [(1, 2)]) == ["hypocritical anti-Iran"]
    assert kept("a deep contempt for non-Muslims.", [(1, 4)]) == ["deep contempt for non-Muslims"]
    assert kept("supported same-sex marriage openly", [(2, 3)]) == ["same-sex marriage"]
    # A compound ending on a function word keeps it ("all-in"); a double hyphen is a dash, not a compound.
    assert kept("they went all-in on it", [(1, 3)]) == ["went all-in"]
    assert kept("another bite at the apple--they", [(1, 4)]) == ["bite at the apple"]
    # Two runs meeting in one compound are one.
    assert kept("a brutal anti-Western campaign", [(1, 2), (3, 4)]) == ["brutal anti-Western campaign"]
    # An abbreviation's dots join it too ("pro-U.S.").
    assert kept("unelected, right-wing, pro-U.S. militias", [(0, 3)]) == ["unelected, right-wing, pro-U.S"]


def test_growing_a_word_over_its_compound_makes_no_two_word_hit():
    from analysis.loaded import hyphen_joins

    model = loaded.LoadedModel(weights={}, bias=0.0, threshold=0.3, extend_ratio=0.5)  # base rate 0: no scaling
    text = "the law-abiding citizens and a vile anti-Semite"
    tokens = tokenize(text)
    scores = [0.0, 0.0, 0.35, 0.0, 0.0, 0.0, 0.35, 0.35, 0.35]
    joins = hyphen_joins(text, tokens.word_ends)
    # "abiding" alone stays below the one-word bar, also grown to "law-abiding"; "vile anti-Semite" is a hit.
    assert loaded.model_word_runs(model, scores, tokens.words, None, joins) == [(6, 8)]
    # A compound whose two words both reached the tagging level is two words, as before.
    scores[1] = 0.35
    assert loaded.model_word_runs(model, scores, tokens.words, None, joins) == [(1, 2), (6, 8)]


def test_model_hits_do_not_end_on_a_preposition_or_particle():
    from analysis.loaded import trim_runs

    def kept(text: str) -> list[str]:
        words = tokenize(text).words
        return [" ".join(words[a:b + 1]) for a, b in trim_runs([(0, len(words) - 1)], words)]

    # Review 6: "a [[debacle without]] equal", "Made in [[Iran' stickers all over]] it", a prefix cut from its word.
    assert kept("a debacle without") == ["debacle"]
    assert kept("stickers all over") == ["stickers"]
    assert kept("hypocritical anti") == ["hypocritical"]
    # A phrasal verb keeps its particle ("freaked out").
    assert kept("they freaked out") == ["freaked out"]
    # Inside the run they stay ("a war against truth").
    assert kept("a war against truth") == ["war against truth"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # words inside a web or e-mail address name a page or a mailbox (review 7: a LewRockwell link)
        ("Read it at https://www.lewrockwell.com/lrc-blog/spygate-coverup/ today.", []),
        ("Source: www.example.com/the-kyiv-regime-falls and more.", []),
        ("Write to junta@example.org for a copy.", []),
        # the same words in prose, beside an address, still count
        ("The coverup grew. See https://example.com/a for the files.", ["coverup"]),
    ],
)
def test_words_in_web_addresses_are_no_span(resources, text: str, kept: list[str]):
    rows = loaded.analyze(_context(text, resources)).rows["spans"]
    assert [r["text"] for r in rows if r["source"] == "lexicon"] == kept
    assert not [r for r in rows if r["source"] == "model" and "/" in text[r["start"] - 1:r["end"] + 1]]


def _runs_text(text: str, runs: list[tuple[int, int]]) -> list[str]:
    tokens = tokenize(text)
    return [text[tokens.word_spans[a][0]:tokens.word_spans[b][1]] for a, b in runs]


def _phrase_run(text: str, phrase: str) -> tuple[int, int]:
    """The word-index run of the first occurrence of `phrase` in `text`."""
    tokens = tokenize(text)
    start = text.index(phrase)
    first = next(k for k, (s, _) in enumerate(tokens.word_spans) if s >= start)
    last = max(k for k, (_, e) in enumerate(tokens.word_spans) if e <= start + len(phrase))
    return first, last


def test_phrase_marks_give_the_punctuation_before_each_word():
    text = 'a, b; c: d — e -- f - g h-i (j) "k" l\'s m/n ‘o’ p–– q'
    tokens = tokenize(text)
    marks = dict(zip(tokens.words, loaded.phrase_marks(text, tokens.word_starts, tokens.word_ends).tolist()))
    assert marks == {
        "a": 0, "b": loaded.COMMA, "c": loaded.COMMA, "d": loaded.COLON, "e": loaded.DASH, "f": loaded.DASH,
        "g": loaded.DASH, "h": 0, "i": 0,  # a single hyphen joins a compound
        "j": loaded.OPENING, "k": loaded.OPENING | loaded.QUOTE, "l's": loaded.CLOSING, "m": 0, "n": loaded.SLASH,
        "o": loaded.OPENING | loaded.QUOTE,
        "p": loaded.CLOSING, "q": loaded.DASH,  # a closing bracket marks nothing
    }
    assert loaded.phrase_marks("", (), ()).size == 0


def test_phrase_marks_in_one_pass_equal_one_pass_per_kind():
    """PHRASE_MARKS_RE finds every kind at once; each kind's own pattern, searched on its own (the code before), gives
    the same bits: no character matches two kinds."""
    import random
    import re

    def per_kind(text: str, starts, ends) -> list[int]:
        marks = [0] * len(starts)
        for bit, characters, context in loaded.PHRASE_MARKS:
            for match in re.finditer(f"[{characters}]{context}", text):
                after = next((k for k, s in enumerate(starts) if s > match.start()), len(starts))
                if 0 < after < len(starts) and ends[after - 1] <= match.start():
                    marks[after] |= bit
        return marks

    rng = random.Random(5)
    pieces = list("ab sS\n\t.,;:-\u2010\u2011‒–—―([{)]}“‘«„\"'”»’/1") + ["word", "s'", "--", " - ", "U.S.", "don't"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        tokens = tokenize(text)
        assert loaded.phrase_marks(text, tokens.word_starts, tokens.word_ends).tolist() == \
            per_kind(text, tokens.word_starts, tokens.word_ends), text


def test_phrase_marks_give_a_closing_quotation_mark_but_not_an_apostrophe():
    def marks(text: str) -> dict[str, int]:
        tokens = tokenize(text)
        return dict(zip(tokens.words, loaded.phrase_marks(text, tokens.word_starts, tokens.word_ends).tolist()))

    assert marks("they vilified” educators")["educators"] == loaded.CLOSING
    assert marks("a “horrifying,” he said")["he"] == loaded.COMMA | loaded.CLOSING
    assert marks("the teachers’ union")["union"] == 0  # a plural's apostrophe
    assert marks("don’t go now")["go"] == 0
    assert marks("called it 'sick' twice")["twice"] == loaded.CLOSING


def _marked_hits(text: str, scored: dict[str, float]) -> list[str]:
    """The model's hits on `text` with the given score per word (others 0; threshold 0.3, no scaling)."""
    model = loaded.LoadedModel(weights={}, bias=0.0, threshold=0.3, extend_ratio=0.5)
    tokens = tokenize(text)
    runs = loaded.model_word_runs(model, [scored.get(w, 0.0) for w in tokens.words], tokens.words,
                                  loaded.sentence_starts(tokens), loaded.hyphen_joins(text, tokens.word_ends),
                                  loaded.phrase_marks(text, tokens.word_starts, tokens.word_ends))
    return _runs_text(text, runs)


def test_model_hits_do_not_cross_a_closing_quotation_mark():
    # Review 8: "vilified” educators" (the quoted word and the author's noun are two voices).
    assert _marked_hits("teachers were “vilified” educators said", {"vilified": 0.5, "educators": 0.5}) \
        == ["vilified", "educators"]
    assert _marked_hits("called it 'sick' people say", {"sick": 0.5, "people": 0.5}) == ["sick", "people"]


def test_model_hits_do_not_cross_an_opening_quotation_mark():
    # Review 8: "verdict was “horrifying" (a low word bridged the author's word to the quoted one).
    assert _marked_hits("the verdict was “horrifying” to them", {"verdict": 0.5, "was": 0.1, "horrifying": 0.5}) \
        == ["verdict", "horrifying"]
    assert _marked_hits("a brutal “regime” there", {"brutal": 0.5, "regime": 0.5}) == ["brutal", "regime"]


def test_quoted_labels_stay_whole():
    assert _marked_hits("he was dubbed “Creepy Lawyer” by them", {"Creepy": 0.5, "Lawyer": 0.5}) == ["Creepy Lawyer"]
    assert _marked_hits('an "inclusive community" that', {"inclusive": 0.5, "community": 0.2}) \
        == ["inclusive community"]


def test_a_low_word_bridges_high_ones_only_with_no_mark_between():
    # Review 8: "portable machine, the lack" (a low "the" bridged two phrases across a comma).
    assert _marked_hits("a portable machine, the lack of power", {"portable": 0.5, "machine": 0.5, "lack": 0.5}) \
        == ["portable machine", "lack"]
    assert _marked_hits("a portable machine the lack of power", {"portable": 0.5, "machine": 0.5, "lack": 0.5}) \
        == ["portable machine the lack"]
    assert loaded.tagged_runs([0.9, 0.1, 0.9], 0.5, 1.0, None, np.array([0, 0, loaded.DASH], dtype=np.uint8)) \
        == [(0, 0), (2, 2)]


def test_model_hits_do_not_grow_over_the_punctuation_of_a_phrase():
    # Review 7: "Russian capital, roughly", "Could ‘Explode", "York Times–– are desperately attempting",
    # 'infamous "Gang of Eight'; scores given per word, no scaling (base rate 0).
    model = loaded.LoadedModel(weights={}, bias=0.0, threshold=0.3, extend_ratio=0.5)

    def hits(text: str, scored: dict[str, float]) -> list[str]:
        tokens = tokenize(text)
        scores = [scored.get(w, 0.0) for w in tokens.words]
        runs = loaded.model_word_runs(model, scores, tokens.words, loaded.sentence_starts(tokens),
                                      loaded.hyphen_joins(text, tokens.word_ends),
                                      loaded.phrase_marks(text, tokens.word_starts, tokens.word_ends))
        return _runs_text(text, runs)

    # Growing forwards stops at a comma, an opening quote or bracket and a dash; backwards at all but a comma.
    assert hits("the Russian capital, roughly two hours away", {"Russian": 0.2, "capital": 0.5, "roughly": 0.2}) \
        == ["Russian capital"]
    assert hits("Epidemic Could ‘Explode’ in Madagascar", {"Could": 0.2, "Explode": 0.45}) == ["Explode"]
    assert hits('as the infamous "Gang of Eight" were', {"infamous": 0.45, "Gang": 0.2, "of": 0.2, "Eight": 0.2}) \
        == ["infamous"]
    assert hits("the New York Times–– are desperately attempting to obstruct",
                {"Times": 0.2, "are": 0.2, "desperately": 0.5, "attempting": 0.5}) == ["desperately attempting"]
    assert hits("they stormed (brutally) the town", {"stormed": 0.2, "brutally": 0.45}) == ["brutally"]
    assert hits("a hard, toilsome job", {"hard": 0.2, "toilsome": 0.5}) == ["hard, toilsome"]
    # Words either side that reach the threshold themselves still make one hit, but across a colon.
    assert hits("partisan, conservative judges", {"partisan": 0.5, "conservative": 0.5, "judges": 0.2}) \
        == ["partisan, conservative judges"]
    assert hits("the result: useful idiots", {"result": 0.5, "useful": 0.5, "idiots": 0.5}) == ["result", "useful idiots"]
    # Without marks, runs grow as before.
    tokens = tokenize("the Russian capital, roughly two")
    assert loaded.model_word_runs(model, [0.0, 0.2, 0.5, 0.2, 0.0], tokens.words, None) == [(1, 3)]


def test_model_hits_naming_only_a_name_or_a_dateline_are_dropped():
    # Reviews 6 and 7: "Big Machine" x4, "KARACHI", "SOLOMON" (a transcript's speaker), "Tobin", "ROME" (a dateline).
    from analysis.loaded import trim_runs

    def kept(text: str, phrase: str) -> list[str]:
        tokens = tokenize(text)
        runs = trim_runs([_phrase_run(text, phrase)], tokens.words, None, loaded.sentence_starts(tokens),
                         loaded.phrase_marks(text, tokens.word_starts, tokens.word_ends))
        return _runs_text(text, runs)

    for text, phrase in [
        ("Braun's company purchased Big Machine for $300M in a deal.", "Big Machine"),
        ("She was scorned. Big Machine has denied her claims.", "Big Machine"),
        ("McCarrick had arranged for Tobin to be made a cardinal", "Tobin"),
        ("to raid Mujahideen (Taliban) position", "Taliban"),  # brackets hold names
        ("NewsCatholic Church, Family\nROME, February 2, 2018 (LifeSiteNews) — His Excellency", "ROME"),
        ("SOLOMON: And the whistleblower said so.", "SOLOMON"),
        ("warns Pak cleric Fazlur Rehman KARACHI: Firebrand cleric Maulana", "KARACHI"),
        ("VATICAN CITY — Pope Francis on Monday asked", "VATICAN CITY"),
    ]:
        assert kept(text, phrase) == [], phrase
    for text, phrase in [
        ("Homeschooling Protects Children from Violence and Marxism", "Violence"),  # a title-case headline
        ("Bombshell report shows the deal", "Bombshell"),  # capitalised for starting its sentence
        ("a lawyer dubbed “Creepy Lawyer” for porn star Stormy Daniels", "Creepy Lawyer"),  # a coined label, quoted
        ("Gonzalez became known as “The Great Left Hope,” and a hero to radicals", "Great Left Hope"),
        ("the deal is a TOTAL HOAX, he wrote", "TOTAL HOAX"),  # capitals for emphasis
        ("they sued the greedy Big Machine for it", "greedy Big Machine"),
    ]:
        assert kept(text, phrase) == [phrase], phrase
