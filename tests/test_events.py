"""Event grouping: the seeds' three events, edge-case corpora, dates, overrides and the overrides file."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis import events, framing
from analysis.tokens import WORD_RE
from conftest import SEEDS, seed_row


def _event(results, prefix: str) -> str:
    return seed_row(results, prefix)["event_id"]


def test_seed_events_through_the_pipeline(seed_results):
    assert _event(seed_results, "001") == _event(seed_results, "002")
    assert _event(seed_results, "000") == _event(seed_results, "004")
    assert _event(seed_results, "003") not in {_event(seed_results, "001"), _event(seed_results, "000")}
    assert _event(seed_results, "001") != _event(seed_results, "000")
    # Readable ids numbered by each event's first document in input order.
    assert sorted(set(seed_results.documents["event_id"])) == ["E1", "E2", "E3"]
    assert _event(seed_results, "000") == "E1"


def _group(texts: list[str], published: list[str]) -> list[int]:
    terms = [events.event_terms(WORD_RE.findall(text)) for text in texts]
    labels, _ = events.group_events([b for b, _ in terms], [lead for _, lead in terms], published)
    return labels


def _strip_furniture(text: str) -> str:
    """A crude stand-in for boilerplate removal: keep lines of 8+ words without subscription/donation wording."""
    keep = [line for line in text.splitlines() if len(line.split()) >= 8 and not any(
        w in line.lower() for w in ("subscri", "donation", "support", "notification", "comment", "refresh", "written by"))]
    return "\n".join(keep)


@pytest.mark.parametrize("prepare", [lambda t: t, _strip_furniture], ids=["whole-text", "furniture-stripped"])
def test_seed_events_hold_with_or_without_boilerplate(prepare):
    files = sorted(SEEDS.glob("*.txt"))
    texts = [prepare(p.read_text(encoding="utf-8")) for p in files]
    dates = ["", "2023-10-23", "", "", "2022-02-01"]  # as the metadata step finds them
    labels = dict(zip((p.name[:3] for p in files), _group(texts, dates)))
    assert labels["001"] == labels["002"]
    assert labels["000"] == labels["004"]
    assert len({labels["000"], labels["001"], labels["003"]}) == 3


def test_seed_grouping_does_not_depend_on_input_order():
    files = sorted(SEEDS.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    dates = ["", "2023-10-23", "", "", "2022-02-01"]
    forward = _group(texts, dates)
    backward = _group(texts[::-1], dates[::-1])[::-1]
    partition = lambda labels: sorted(sorted(i for i, l in enumerate(labels) if l == x) for x in set(labels))  # noqa: E731
    assert partition(forward) == partition(backward)


STORIES = {
    "flood": "Heavy rain flooded the river valley town overnight; rescue crews evacuated residents from flooded homes while the dam spillway overflowed and farmers lost harvests.",
    "chip": "The semiconductor maker unveiled a faster processor chip at its developer conference, promising laptops with longer battery life and new graphics cores.",
    "football": "The striker scored twice in the cup final as the home club won the trophy, ending a decade without silverware before a sold-out stadium crowd.",
    "vaccine": "Health regulators approved a new malaria vaccine after trials in children showed strong protection, and clinics plan a rollout before the rainy season.",
}


def _rows_and_features(texts: dict[str, str], published: dict[str, str] | None = None) -> tuple[list[dict], dict[str, dict]]:
    rows, features = [], {}
    for doc_id, text in texts.items():
        rows.append({"doc_id": doc_id, "source": f"/in/{doc_id}.txt", "published": (published or {}).get(doc_id, "")})
        body, lead = events.event_terms(WORD_RE.findall(text))
        features[doc_id] = {"event_body": body, "event_lead": lead, "naming": [], "actors": [], "frames": {}}
    return rows, features


def test_one_document_corpus():
    rows, features = _rows_and_features({"only": STORIES["flood"]})
    out = framing.analyze_corpus(rows, features, None, None)
    assert out.event_ids == {"only": "E1"}
    assert out.rows["comparisons"] == []
    assert out.rows["distinctive_terms"] == []


def test_empty_corpus():
    out = framing.analyze_corpus([], {}, None, None)
    assert out.event_ids == {}


def test_documents_with_no_shared_event():
    rows, features = _rows_and_features(STORIES)
    out = framing.analyze_corpus(rows, features, None, None)
    assert list(out.event_ids.values()) == ["E1", "E2", "E3", "E4"]
    assert out.rows["comparisons"] == []
    assert out.rows["distinctive_terms"] == []


def _flood_variant(k: int) -> str:
    places = ["north bank", "old mill", "school", "bridge", "station", "market", "church", "harbour", "farm", "clinic"]
    return (
        f"Report {k}: heavy rain flooded the river valley town of Elmsworth overnight near the {places[k % 10]}. "
        f"Rescue crews evacuated {40 + k} residents from flooded homes as the Elmsworth dam spillway overflowed. "
        f"Farmers said the flood destroyed harvests, and the mayor asked for emergency help for the valley."
    )


def test_a_hundred_documents_of_one_event():
    texts = {f"doc{k:03d}": _flood_variant(k) for k in range(100)}
    rows, features = _rows_and_features(texts)
    out = framing.analyze_corpus(rows, features, None, None)
    assert set(out.event_ids.values()) == {"E1"}
    comparisons = out.rows["comparisons"]
    assert len(comparisons) == 100 * 99 // 2  # every pair, each once
    assert len({(r["doc_a"], r["doc_b"]) for r in comparisons}) == len(comparisons)
    assert all(0.4 <= r["similarity"] <= 1.0 for r in comparisons)
    assert {r["doc_id"] for r in out.rows["distinctive_terms"]} <= set(texts)


def test_a_large_event_gets_nearest_neighbour_pairs_only(monkeypatch):
    monkeypatch.setattr(framing, "MAX_ALL_PAIRS", 20)
    texts = {f"doc{k:03d}": _flood_variant(k) for k in range(40)}
    rows, features = _rows_and_features(texts)
    comparisons = framing.analyze_corpus(rows, features, None, None).rows["comparisons"]
    assert 40 * framing.NEIGHBOURS // 2 <= len(comparisons) < 40 * 39 // 2
    assert all(r["doc_a"] < r["doc_b"] for r in comparisons)


def test_mixed_corpus_groups_each_story():
    texts = {**{f"flood{k}": _flood_variant(k) for k in range(3)}, "chip": STORIES["chip"], "goal": STORIES["football"]}
    rows, features = _rows_and_features(texts)
    ids = framing.analyze_corpus(rows, features, None, None).event_ids
    assert ids["flood0"] == ids["flood1"] == ids["flood2"] == "E1"
    assert len({ids["flood0"], ids["chip"], ids["goal"]}) == 3


def test_publication_dates_far_apart_split_an_event():
    texts = {"a": _flood_variant(1), "b": _flood_variant(2)}
    rows, features = _rows_and_features(texts, {"a": "2020-05-01", "b": "2021-05-01"})
    ids = framing.analyze_corpus(rows, features, None, None).event_ids
    assert ids["a"] != ids["b"]
    rows, features = _rows_and_features(texts, {"a": "2020-05-01", "b": "2020-05-03"})
    ids = framing.analyze_corpus(rows, features, None, None).event_ids
    assert ids["a"] == ids["b"]


def test_large_corpora_are_clustered_in_blocks(monkeypatch):
    monkeypatch.setattr(events, "MAX_EXACT", 5)
    texts = {**{f"flood{k}": _flood_variant(k) for k in range(8)}, **{k: v for k, v in STORIES.items() if k != "flood"}}
    rows, features = _rows_and_features(texts)
    ids = framing.analyze_corpus(rows, features, None, None).event_ids
    assert len({ids[f"flood{k}"] for k in range(8)}) == 1
    assert len(set(ids.values())) == 4


def test_user_overrides_move_documents_and_leave_the_other_ids_alone():
    texts = {**{f"flood{k}": _flood_variant(k) for k in range(3)}, "chip": STORIES["chip"], "chip2": STORIES["chip"] + " More."}
    rows, features = _rows_and_features(texts)
    automatic = framing.analyze_corpus(rows, features, None, None).event_ids
    assert automatic == {"flood0": "E1", "flood1": "E1", "flood2": "E1", "chip": "E2", "chip2": "E2"}
    # Naming an automatic event's id moves the document there; a new id starts an event; nothing else is renumbered.
    out = framing.analyze_corpus(rows, features, None, {"chip2": "E1", "flood2.txt": "floods-later"})
    assert out.event_ids == {"flood0": "E1", "flood1": "E1", "flood2": "floods-later", "chip": "E2", "chip2": "E1"}
    # naming, comparisons and distinctive terms follow the overridden groups
    assert {(r["doc_a"], r["doc_b"]) for r in out.rows["comparisons"]} == {("flood0", "flood1"), ("flood0", "chip2"), ("flood1", "chip2")}


def test_read_event_overrides(tmp_path: Path):
    good = tmp_path / "events.csv"
    good.write_text("source,event_id,note\n001_a.txt,E9,same summit\n\n002_b.txt,E9,\n", encoding="utf-8")
    assert events.read_event_overrides(good) == {"001_a.txt": "E9", "002_b.txt": "E9"}
    by_id = tmp_path / "by_id.csv"
    by_id.write_text("\ufeffdoc_id,event_id\nabc,moscow-2022\n", encoding="utf-8")
    assert framing.read_event_overrides(by_id) == {"abc": "moscow-2022"}


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "empty"),
        ("file,event\nx,E1\n", "line 1"),
        ("doc_id,event_id\nabc,\n", "line 2"),
        ("doc_id,event_id\nabc,E1\nabc,E2\n", "line 3"),
    ],
)
def test_read_event_overrides_errors(tmp_path: Path, content: str, message: str):
    path = tmp_path / "events.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        events.read_event_overrides(path)


def test_missing_overrides_file(tmp_path: Path):
    with pytest.raises(ValueError, match="cannot read"):
        events.read_event_overrides(tmp_path / "nope.csv")


def test_background_frequencies_are_shipped():
    background = events.load_background()
    assert background.documents > 100
    assert background.df["said"] > background.df.get("orban", 0)


def test_documents_without_words_get_their_own_events():
    rows, features = _rows_and_features({"blank1": "", "blank2": "123 456", "flood": STORIES["flood"]})
    out = framing.analyze_corpus(rows, features, None, None)
    assert out.event_ids == {"blank1": "E1", "blank2": "E2", "flood": "E3"}
    rows, features = _rows_and_features({"blank1": "", "blank2": ""})
    assert framing.analyze_corpus(rows, features, None, None).event_ids == {"blank1": "E1", "blank2": "E2"}


def test_unknown_and_odd_dates_are_ignored():
    texts = {"a": _flood_variant(1), "b": _flood_variant(2), "c": _flood_variant(3)}
    rows, features = _rows_and_features(texts, {"a": "2020-05-01T10:00:00", "b": "not a date", "c": None})
    ids = framing.analyze_corpus(rows, features, None, None).event_ids
    assert len(set(ids.values())) == 1


# --- compact per-document state: word counts and TF-IDF rows on demand -----------------------------

def _reference_tfidf(bodies: list[str], leads: list[str], background: events.Background):
    """The whole-corpus computation the corpus step used before it kept word counts (CountVectorizer on texts)."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
    from sklearn.preprocessing import normalize

    texts = [f"{body} {lead}" for body, lead in zip(bodies, leads)]
    vectorizer = CountVectorizer(token_pattern=events.TOKEN_PATTERN, lowercase=False)
    counts = vectorizer.fit_transform(texts)
    vocabulary = vectorizer.get_feature_names_out()
    corpus_df = np.asarray((counts > 0).sum(axis=0)).ravel()
    background_df = np.array([background.df.get(term, 0) for term in vocabulary])
    idf = np.log((1 + len(texts) + background.documents) / (1 + corpus_df + background_df)) + 1.0
    weighted = TfidfTransformer(use_idf=False, norm=None).fit_transform(counts).multiply(idf).tocsr()
    return counts, normalize(weighted, norm="l2")


def _seed_and_story_terms() -> list[tuple[str, str]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + list(STORIES.values())
    texts += [_flood_variant(k) for k in range(12)]
    return [events.event_terms(WORD_RE.findall(text)) for text in texts]


def test_term_counts_give_countvectorizers_counts_and_the_same_tfidf_bits():
    import numpy as np

    terms = _seed_and_story_terms() + [("", "headline only words"), ("words of a body", "words of a lead")]
    bodies, leads = [b for b, _ in terms], [lead for _, lead in terms]
    background = events.load_background()
    expected_counts, expected = _reference_tfidf(bodies, leads, background)
    counts = events.TermCounts()
    for body, lead in terms:
        counts.add(body, lead)
    got_counts = counts.combined(list(range(len(counts))))
    assert (got_counts != expected_counts).nnz == 0
    # kept up document by document (a word of both body and lead counts once), past the first 1,024 words
    assert len(counts.ids) > 1024
    assert np.array_equal(counts.document_frequencies(), np.asarray((expected_counts > 0).sum(axis=0)).ravel())
    got = events.tfidf_vectors(bodies, leads, background)
    for attribute in ("indptr", "indices", "data"):  # bit for bit: cosine sums depend on it
        assert np.array_equal(getattr(got, attribute), getattr(expected, attribute)), attribute
    rows = events.TfidfRows(counts, background)
    subset = [7, 2, 0, len(terms) - 1, 2]
    assert np.array_equal(rows[subset].toarray(), expected[subset].toarray())
    view = rows.select([3, 5, 8])
    assert view.shape[0] == 3 and np.array_equal(view[[2, 0]].toarray(), expected[[8, 3]].toarray())


def test_body_counts_over_the_body_vocabulary():
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer

    terms = _seed_and_story_terms() + [("", "headline only words")]
    counts = events.TermCounts()
    for body, lead in terms:
        counts.add(body, lead)
    vectorizer = CountVectorizer(token_pattern=events.TOKEN_PATTERN, lowercase=False)
    expected = vectorizer.fit_transform([b for b, _ in terms]).tocsr()
    vocabulary, column, prior = counts.body_terms()
    assert vocabulary == list(vectorizer.get_feature_names_out()) and "headline" not in vocabulary
    assert np.array_equal(prior, np.asarray(expected.sum(axis=0)).ravel().astype(float))
    members = [4, 1, 9]
    assert np.array_equal(counts.body(members, column, len(vocabulary)).toarray(), expected[members].toarray())


def test_block_clustering_reads_tfidf_rows_on_demand(monkeypatch):
    monkeypatch.setattr(events, "MAX_EXACT", 4)
    terms = _seed_and_story_terms()
    counts = events.TermCounts()
    for body, lead in terms:
        counts.add(body, lead)
    background = events.load_background()
    rows = events.TfidfRows(counts, background)
    published = ["2023-03-0%d" % (1 + i % 3) for i in range(len(terms))]
    whole = events.tfidf_vectors([b for b, _ in terms], [lead for _, lead in terms], background)
    assert events.cluster_vectors(rows, published) == events.cluster_vectors(whole, published)
    assert events.cluster_vectors(rows.select([5, 6, 7]), published[5:8]) == events.cluster_vectors(whole[[5, 6, 7]], published[5:8])


def test_term_counts_of_documents_without_words():
    counts = events.TermCounts()
    counts.add("", "")
    counts.add("", "")
    rows = events.TfidfRows(counts, events.load_background())
    assert rows[[0, 1]].shape == (2, 1) and rows[[0, 1]].nnz == 0
    assert counts.body_terms()[0] == []


def test_event_terms_equal_folding_and_filtering_each_word():
    from analysis.lexicon_csv import fold
    from analysis.stopwords import ENGLISH_STOP_WORDS

    def plain(words: list[str]) -> tuple[str, str]:
        folded = [fold(w) for w in words]
        keep = [w for w in folded if len(w) > 1 and w not in ENGLISH_STOP_WORDS and not w[0].isdigit()]
        lead = [w for w in folded[:events.LEAD_WORDS] if len(w) > 1 and w not in ENGLISH_STOP_WORDS and not w[0].isdigit()]
        return " ".join(keep), " ".join(lead)

    words = WORD_RE.findall("The Orbán–Putin talks: x 3rd ² İstanbul café NATO's ﬁnal ß de Kyiv said a " * 12)
    for n in (0, 1, 5, events.LEAD_WORDS - 1, events.LEAD_WORDS, len(words)):
        assert events.event_terms(words[:n]) == plain(words[:n])
    assert events.event_terms(["The", "Orbán", "3rd", "x"]) == ("orban", "orban")


def test_spilled_term_counts_equal_the_in_memory_ones(tmp_path):
    import numpy as np

    terms = _seed_and_story_terms() + [("", ""), ("", "headline only words"), ("words of a body", "")]
    memory, spilled = events.TermCounts(), events.TermCounts(tmp_path)
    for body, lead in terms:
        memory.add(body, lead)
        spilled.add(body, lead)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["body.rows", "lead.rows"]
    assert len(spilled._body.ids) == len(spilled._lead.ids) == 0, "the rows are in the files, not in memory"
    assert len(spilled) == len(memory) == len(terms) and spilled.ids == memory.ids
    n = len(terms)
    for documents in ([], [3], list(range(n)), [n - 1, 0, 4, 4, 5, 6, n - 3, 2]):
        for flat in ("_body", "_lead"):
            for got, want in zip(getattr(spilled, flat).gather(documents), getattr(memory, flat).gather(documents)):
                assert got.tolist() == want.tolist()
        assert (spilled.combined(documents) != memory.combined(documents)).nnz == 0
    vocabulary, column, prior = memory.body_terms()
    got_vocabulary, got_column, got_prior = spilled.body_terms()
    assert got_vocabulary == vocabulary and np.array_equal(got_column, column) and np.array_equal(got_prior, prior)
    assert (spilled.body([5, 1, 9], column, len(vocabulary)) != memory.body([5, 1, 9], column, len(vocabulary))).nnz == 0
    background = events.load_background()
    for attribute in ("indptr", "indices", "data"):  # bit for bit
        got = events.TfidfRows(spilled, background)[[7, 2, 0, n - 1, 2]]
        want = events.TfidfRows(memory, background)[[7, 2, 0, n - 1, 2]]
        assert np.array_equal(getattr(got, attribute), getattr(want, attribute)), attribute
    spilled.close()
    assert not list(tmp_path.iterdir())


def test_spilled_block_clustering_equals_the_in_memory_one(tmp_path, monkeypatch):
    monkeypatch.setattr(events, "MAX_EXACT", 4)
    terms = _seed_and_story_terms()
    memory, spilled = events.TermCounts(), events.TermCounts(tmp_path)
    for body, lead in terms:
        memory.add(body, lead)
        spilled.add(body, lead)
    background = events.load_background()
    published = ["2023-03-0%d" % (1 + i % 3) for i in range(len(terms))]
    assert events.cluster_vectors(events.TfidfRows(spilled, background), published) == events.cluster_vectors(events.TfidfRows(memory, background), published)
    spilled.close()
