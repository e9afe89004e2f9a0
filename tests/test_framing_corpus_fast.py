"""The corpus step's fast paths give exactly what the plain per-item computations give."""
from __future__ import annotations

import random

import numpy as np
from scipy import sparse

from analysis import events, framing
from analysis.distinctive import TOP_TERMS, fightin_words
from analysis.frames import FRAMES


def _frames(rng: random.Random) -> dict[str, float]:
    # Shares on a coarse grid, so that many pairs tie on their largest gap (and some on no gap at all).
    return {f: rng.choice([0.0, 0.1, 0.25, 0.3333, 0.5, 0.6667]) for f in FRAMES if rng.random() < 0.7}


def _document(rng: random.Random, k: int) -> dict:
    names = ["Ann Lee", "Bo Chen", "Cy Diaz", "Ann Lee"]
    return {
        "row": {"doc_id": f"d{k}", "loaded_per_1k_words": rng.choice([None, "", 3.25, 10.1234, float(k)]),
                "flesch_reading_ease": rng.choice([None, 55.5, 61.06, 48.4344])},
        "summary": {
            "terms": {r: rng.choice(["war", "invasion"]) for r in ("war_in_ukraine", "kyiv_government") if rng.random() < 0.6},
            "speakers": {f"key{j}": names[j] for j in range(4) if rng.random() < 0.5},
            "frames": _frames(rng),
        },
    }


def test_event_comparisons_equal_comparison_row_for_every_pair():
    rng = random.Random(7)
    records = [_document(rng, k) for k in range(30)]
    records[1]["summary"]["frames"] = dict(records[0]["summary"]["frames"])  # a pair with no frame gap
    first, second = [int(a) for a in np.triu_indices(30, 1)[0]], [int(b) for b in np.triu_indices(30, 1)[1]]
    similarity = [round(rng.random(), 4) for _ in first]
    fast = framing._event_comparisons("E1", records, first, second, similarity)
    plain = [framing.comparison_row("E1", records[k]["row"], records[m]["row"], {}, {}, value, records[k]["summary"], records[m]["summary"])
             for k, m, value in zip(first, second, similarity)]
    assert fast == plain
    assert any(row["frame_largest_gap"] == "" for row in plain) and any(row["actors_shared"] for row in plain)


def test_frame_gaps_with_a_missing_share_fall_back_to_the_plain_rule():
    a = framing._Compared({"doc_id": "a"}, {"terms": {}, "speakers": {}, "frames": {"economic": float("nan"), "morality": 0.5}})
    b = framing._Compared({"doc_id": "b"}, {"terms": {}, "speakers": {}, "frames": {"economic": 0.2}})
    assert framing._frame_gaps([a, b], [0], [1]) == [framing._frame_gap(a.frames, b.frames)]


def _plain_fightin_words(counts, vocabulary, members, prior_counts):
    """The ranking of distinctive.fightin_words written out over every word of each document."""
    total_prior = float(prior_counts.sum())
    event_counts = np.asarray(counts[members].sum(axis=0)).ravel()
    event_total = float(event_counts.sum())
    strength = max(event_total / len(members), 1.0)
    alpha = (prior_counts + 0.01) / (total_prior + 0.01 * len(prior_counts)) * strength
    alpha0 = float(alpha.sum())
    result = {}
    for member in members:
        row = counts[member]
        y_i = row.data.astype(float)
        n_i = float(y_i.sum())
        y_j = event_counts[row.indices] - y_i
        a = alpha[row.indices]
        delta = np.log((y_i + a) / (n_i + alpha0 - y_i - a)) - np.log((y_j + a) / (event_total - n_i + alpha0 - y_j - a))
        z = delta / np.sqrt(1.0 / (y_i + a) + 1.0 / (y_j + a))
        picked = [(vocabulary[c], round(float(s), 4), int(yi), int(yj)) for c, s, yi, yj in zip(row.indices, z, y_i, y_j) if s > 0]
        picked.sort(key=lambda t: (-t[1], t[0]))
        result[member] = picked[:TOP_TERMS]
    return result


def test_fightin_words_keeps_the_ranking_over_every_word():
    rng = np.random.default_rng(3)
    vocabulary = [f"w{k:03d}" for k in range(300)]
    # Small counts: many words share a z score, so ties at the TOP_TERMS-th place are common.
    dense = rng.integers(0, 3, size=(6, 300)) * (rng.random((6, 300)) < 0.4)
    counts = sparse.csr_matrix(dense)
    prior = np.asarray(counts.sum(axis=0)).ravel().astype(float) + 1.0
    members = [0, 2, 3, 5, 1]
    assert fightin_words(counts, vocabulary, members, prior) == _plain_fightin_words(counts, vocabulary, members, prior)
    assert all(len(terms) == TOP_TERMS for terms in fightin_words(counts, vocabulary, members, prior).values())


def test_term_counts_equal_the_analyzer_counts():
    texts = [("ukraine's kyiv kyiv war war_crimes 3d x2 élan élan l'état kyiv", "kyiv's lead"),
             ("war kyiv ukraine's ukraine", ""), ("", "")]
    counts = events.TermCounts()
    expected_ids: dict[str, int] = {}
    expected_rows = []
    for body, lead in texts:
        counts.add(body, lead)
        for text in (body, lead):
            counter: dict[int, int] = {}
            for word in events._analyzer()(text):
                index = expected_ids.setdefault(word, len(expected_ids))
                counter[index] = counter.get(index, 0) + 1
            expected_rows.append(sorted(counter.items()))
    assert counts.ids == expected_ids
    got = []
    for document in range(len(texts)):
        for flat in (counts._body, counts._lead):
            _, ids, numbers = flat.gather([document])
            got.append(list(zip(ids.tolist(), numbers.tolist())))
    assert got == expected_rows


def test_round4_rounds_exactly_as_python():
    rng = np.random.default_rng(11)
    halves = (np.arange(-20000, 20000) + 0.5) / 1e4  # near every tie between two 4-decimal values
    values = np.concatenate([
        rng.normal(0, 50, 20000), rng.random(20000), halves, np.nextafter(halves, np.inf), np.nextafter(halves, -np.inf),
        np.array([0.0, -0.0, -0.00001, 1e-300, 123456.78905, 1e12 + 0.5, 1e300, np.inf, -np.inf, np.nan]),
    ])
    got = framing.round4(values).tolist()
    expected = [round(v, 4) for v in values.tolist()]
    assert [repr(v) for v in got] == [repr(v) for v in expected]  # repr: bit for bit, -0.0 and nan included
    assert framing.round4(np.array([[0.12345, 2.0], [-3.00005, 1.5]])).shape == (2, 2)


def test_comparisons_do_not_depend_on_how_events_are_batched(monkeypatch):
    from test_events import STORIES, _flood_variant, _rows_and_features

    texts = {**{f"flood{k}": _flood_variant(k) for k in range(5)}, **STORIES, "chip2": STORIES["chip"] + " Shares rose."}
    rows, features = _rows_and_features(texts)
    whole = framing.analyze_corpus(rows, features, None, None).rows["comparisons"]
    monkeypatch.setattr(framing, "VECTOR_BATCH", 2)
    assert framing.analyze_corpus(rows, features, None, None).rows["comparisons"] == whole
    assert len({row["event_id"] for row in whole}) >= 2


def test_block_similarity_equals_the_plain_product_bit_for_bit():
    from sklearn.preprocessing import normalize

    rng = np.random.default_rng(5)
    vectors = normalize(sparse.random(37, 400, density=0.2, format="csr", random_state=rng) * 3.7, norm="l2")
    plain = (vectors @ vectors.T).toarray()
    blocked = events._similarity(vectors)
    assert blocked.tobytes() == plain.tobytes()
    assert events._similarity(vectors[:5]).tobytes() == (vectors[:5] @ vectors[:5].T).toarray().tobytes()
