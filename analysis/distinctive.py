"""Distinctive terms: weighted log-odds ratios with an informative Dirichlet prior ("Fightin' Words").

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for Identifying
the Content of Political Conflict", Political Analysis 16(4), section 3.5. For a document i against the
other documents j of its event, with word counts y, totals n and a prior alpha_w = alpha_0 * (the word's
share of the whole corpus), alpha_0 = the mean length of the event's documents (the prior weighs as much as
one average document, so it shrinks rare words without drowning short news articles):

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var_w   = 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

The TOP_TERMS terms with the highest positive z are kept per document; `significant` marks z >= MIN_Z
(95 %, two-sided). Short articles rarely reach it: read z as a ranking with its uncertainty. Words are the
body's content words (stop words removed, accents folded), the same as event grouping reads.
"""
from __future__ import annotations

import numpy as np
from scipy import sparse

MIN_Z = 1.96
TOP_TERMS = 20


def fightin_words(counts: sparse.csr_matrix, vocabulary: list[str], members: list[int], prior_counts: np.ndarray) -> dict[int, list[tuple[str, float, int, int]]]:
    """For each member row of `counts`: [(term, z, count in doc, count in the others)], best first.

    `counts` holds word counts per document (rows) over `vocabulary`; `prior_counts` the corpus-wide counts.
    Events of one document have no "others" and get no terms.
    """
    if len(members) < 2:
        return {m: [] for m in members}
    total_prior = float(prior_counts.sum())
    event_counts = np.asarray(counts[members].sum(axis=0)).ravel()
    event_total = float(event_counts.sum())
    strength = max(event_total / len(members), 1.0)
    alpha = (prior_counts + 0.01) / (total_prior + 0.01 * len(prior_counts)) * strength
    alpha0 = float(alpha.sum())
    result: dict[int, list[tuple[str, float, int, int]]] = {}
    for member in members:
        row = counts[member]
        columns = row.indices
        if len(columns) == 0:
            result[member] = []
            continue
        y_i = row.data.astype(float)
        n_i = float(y_i.sum())
        y_j = event_counts[columns] - y_i
        n_j = event_total - n_i
        a = alpha[columns]
        delta = np.log((y_i + a) / (n_i + alpha0 - y_i - a)) - np.log((y_j + a) / (n_j + alpha0 - y_j - a))
        z = delta / np.sqrt(1.0 / (y_i + a) + 1.0 / (y_j + a))
        picked = [(vocabulary[c], round(float(score), 4), int(yi), int(yj)) for c, score, yi, yj in zip(columns, z, y_i, y_j) if score > 0]
        picked.sort(key=lambda t: (-t[1], t[0]))
        result[member] = picked[:TOP_TERMS]
    return result
