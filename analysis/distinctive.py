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
    event = counts[members]  # row k is members[k]'s, entries in the same order
    event_counts = np.asarray(event.sum(axis=0)).ravel()
    event_total = float(event_counts.sum())
    strength = max(event_total / len(members), 1.0)
    alpha = (prior_counts + 0.01) / (total_prior + 0.01 * len(prior_counts)) * strength
    alpha0 = float(alpha.sum())
    result: dict[int, list[tuple[str, float, int, int]]] = {}
    for k, member in enumerate(members):
        # The member's row read straight from the CSR arrays: indexing counts[member] costs more than the maths.
        start, end = event.indptr[k], event.indptr[k + 1]
        columns = event.indices[start:end]
        if len(columns) == 0:
            result[member] = []
            continue
        y_i = event.data[start:end].astype(float)
        n_i = float(y_i.sum())
        y_j = event_counts[columns] - y_i
        n_j = event_total - n_i
        a = alpha[columns]
        delta = np.log((y_i + a) / (n_i + alpha0 - y_i - a)) - np.log((y_j + a) / (n_j + alpha0 - y_j - a))
        z = delta / np.sqrt(1.0 / (y_i + a) + 1.0 / (y_j + a))
        kept = _top_candidates(z)
        picked = [(vocabulary[c], round(score, 4), int(yi), int(yj))
                  for c, score, yi, yj in zip(columns[kept].tolist(), z[kept].tolist(), y_i[kept].tolist(), y_j[kept].tolist())]
        picked.sort(key=lambda t: (-t[1], t[0]))
        result[member] = picked[:TOP_TERMS]
    return result


# Margin that surely holds every z whose value rounded to 4 decimals could tie with the TOP_TERMS-th largest.
RANK_MARGIN = 2e-4


def _top_candidates(z: np.ndarray) -> np.ndarray:
    """Positions of the positive z that can be among the TOP_TERMS best once rounded to 4 decimals.

    Rounding never reverses an order, so a z more than RANK_MARGIN below the TOP_TERMS-th largest is beaten,
    after rounding, by at least TOP_TERMS others whatever the ties: only the rest need rounding and sorting
    (a few dozen words instead of every word of the document).
    """
    positive = np.flatnonzero(z > 0)
    if len(positive) <= TOP_TERMS:
        return positive
    threshold = np.partition(z[positive], -TOP_TERMS)[-TOP_TERMS]
    return positive[z[positive] >= threshold - RANK_MARGIN]
