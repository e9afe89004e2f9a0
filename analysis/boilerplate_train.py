"""Training and evaluation helpers for the boilerplate classifier (used by scripts/ and benchmarks/, not at run time).

Data: the extraction benchmark (plaintext/<sha>.txt page dumps, html/<sha>.html.gz pages, truth.json article bodies).
A line of a dump is labelled body when most of its 4-word shingles (or, for short lines, its words in order)
occur in the marked article body. The metric is the benchmark's own: 4-token shingles with multiplicity,
per-page precision and recall averaged over pages, F1 of the two averages.
"""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .boilerplate_features import FEATURE_NAMES, document_features, line_stats

TOKEN_RE = re.compile(r"\w+")
SHINGLE = 4


@dataclass(frozen=True)
class Page:
    """One benchmark page: its plain-text dump, its HTML (may be empty) and the marked article body."""

    sha: str
    text: str
    html: str
    body: str


def load_pages(data_dir: Path, with_html: bool = False) -> list[Page]:
    """The extraction benchmark's pages, sorted by sha."""
    truth = json.loads((data_dir / "truth.json").read_text(encoding="utf-8"))
    pages = []
    for sha in sorted(truth):
        text_path = data_dir / "plaintext" / f"{sha}.txt"
        if not text_path.exists():
            continue
        html = ""
        if with_html:
            html_path = data_dir / "html" / f"{sha}.html.gz"
            html = gzip.decompress(html_path.read_bytes()).decode("utf-8", errors="replace") if html_path.exists() else ""
        text = text_path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
        pages.append(Page(sha, text, html, truth[sha].get("articleBody", "") or ""))
    return pages


def shingles(text: str, n: int = SHINGLE) -> Counter:
    tokens = TOKEN_RE.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_scores(true: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) shingle counts for one page, normalised to sum 1 as the benchmark does."""
    t, p = shingles(true), shingles(pred)
    tp = sum(min(t[k], p[k]) for k in t.keys() & p.keys())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def f1_over_pages(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """Benchmark F1 over (true body, predicted body) pairs: precision and recall averaged over pages."""
    precisions, recalls = [], []
    for true, pred in pairs:
        tp, fp, fn = page_scores(true, pred)
        if tp + fp > 0:
            precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn))
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def line_spans(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of a text as trimmed (start, end) offsets."""
    spans, offset = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        offset += len(line) + 1
    return spans


def label_lines(text: str, spans: list[tuple[int, int]], body: str) -> list[tuple[int, float]]:
    """(label, weight) per line: label 1 when the line is part of the marked body; weight = its word count."""
    body_tokens = TOKEN_RE.findall(body)
    body_shingles = set(tuple(body_tokens[i:i + SHINGLE]) for i in range(max(0, len(body_tokens) - SHINGLE + 1)))
    short_grams = set()
    for n in (1, 2, 3):
        short_grams.update(tuple(body_tokens[i:i + n]) for i in range(max(0, len(body_tokens) - n + 1)))
    labels = []
    for start, end in spans:
        tokens = TOKEN_RE.findall(text[start:end])
        if len(tokens) >= SHINGLE:
            grams = [tuple(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)]
            share = sum(1 for g in grams if g in body_shingles) / len(grams)
            label = int(share >= 0.5)
        else:
            label = int(bool(tokens) and tuple(tokens) in short_grams and len(tokens) >= 2)
        labels.append((label, float(max(1, len(tokens)))))
    return labels


def page_matrix(page: Page) -> tuple[list[tuple[int, int]], list[list[float]], list[int], list[float]]:
    """Line spans, feature rows, labels and weights of one page's plain-text dump."""
    spans = line_spans(page.text)
    stats = [line_stats(page.text[s:e]) for s, e in spans]
    rows = document_features(stats)
    labelled = label_lines(page.text, spans, page.body)
    return spans, rows, [l for l, _ in labelled], [w for _, w in labelled]




def _fit_logistic(rows: list[list[float]], labels: list[int], weights: list[float], c: float = 1.0) -> dict:
    """A standardised, weighted logistic regression as plain data."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x = np.asarray(rows, dtype=float)
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    w = np.asarray(weights, dtype=float)
    # Newton-Cholesky suits few features and many rows; weights scaled to mean 1 keep C meaningful.
    model = LogisticRegression(C=c, solver="newton-cholesky", max_iter=200).fit((x - scaler.mean_) / scale, labels, sample_weight=w / w.mean())
    return {
        "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
    }


def fit_model(matrices: list[tuple], inner_folds: int = 5, threshold: float = 0.5) -> dict:
    """Train both passes on page matrices (from page_matrix). The second pass learns from out-of-fold first-pass scores."""
    from .boilerplate_features import STAGE2_NAMES, logistic, stage2_rows

    def stack(indexes):
        rows = [r for i in indexes for r in matrices[i][1]]
        labels = [l for i in indexes for l in matrices[i][2]]
        weights = [w for i in indexes for w in matrices[i][3]]
        return rows, labels, weights

    everything = list(range(len(matrices)))
    stage1 = _fit_logistic(*stack(everything))
    stage2_x, stage2_y, stage2_w = [], [], []
    for fold in range(inner_folds):
        held = [i for i in everything if i % inner_folds == fold]
        inner = _fit_logistic(*stack([i for i in everything if i % inner_folds != fold]))
        for i in held:
            probs = logistic(inner, matrices[i][1])
            stage2_x.extend(stage2_rows(matrices[i][1], probs))
            stage2_y.extend(matrices[i][2])
            stage2_w.extend(matrices[i][3])
    stage2 = _fit_logistic(stage2_x, stage2_y, stage2_w)
    return {
        "about": "Boilerplate line classifier: two standardised logistic regressions (stage1 on block features, stage2 adding "
                 "neighbours' stage1 scores). Trained by scripts/train_boilerplate.py on the extraction benchmark's "
                 "plain-text dumps against the marked article bodies; weights = words per line.",
        "features": list(FEATURE_NAMES),
        "stage2_features": list(STAGE2_NAMES),
        "threshold": threshold,
        "pages": len(matrices),
        "stage1": stage1,
        "stage2": stage2,
    }
