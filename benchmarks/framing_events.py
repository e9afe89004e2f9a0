"""Framing benchmark: how firmly the seeds' events hold, how PTC news articles group, and framing speed.

Prints (1) the seed partition found by the pipeline and the range of similarity thresholds that give the
expected three events (001+002, 000+004, 003) on the pipeline's body text; (2) the events formed over the
PTC development articles (283 articles on many stories: a sanity check that unrelated news stays apart -
there are no event labels, so this is not an accuracy figure); (3) the framing step's time per document.

Usage: python benchmarks/framing_events.py [--data DIR]   (DIR defaults to <repo>/../shared/benchmarks)
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analysis import events, framing  # noqa: E402
from analysis.blocks import Block, Segmentation  # noqa: E402
from analysis.context import DocContext  # noqa: E402
from analysis.corpus import LoadOptions, load_corpus  # noqa: E402
from analysis.document import Document  # noqa: E402
from analysis.pipeline import run_documents  # noqa: E402
from analysis.resources import Resources, load_resources  # noqa: E402
from analysis.tokens import tokenize  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "benchmarks"
EXPECTED = {"000": 0, "001": 1, "002": 1, "003": 2, "004": 0}


def seed_threshold_range() -> None:
    documents, _ = load_corpus([REPO / "seeds"], LoadOptions())
    outputs = run_documents(documents, load_resources())
    names = [Path(o.source).name[:3] for o in outputs]
    bodies = [o.features["event_body"] for o in outputs]
    leads = [o.features["event_lead"] for o in outputs]
    published = [o.row.get("published", "") for o in outputs]
    vectors = events.tfidf_vectors(bodies, leads, events.load_background())
    similarity = (vectors @ vectors.T).toarray()
    print("Seed cosine similarities (rows/columns: " + ", ".join(names) + ")")
    print(np.array2string(similarity, precision=3, suppress_small=True))
    original = events.SIMILARITY_THRESHOLD
    good = []
    for threshold in np.arange(0.10, 0.80, 0.005):
        events.SIMILARITY_THRESHOLD = float(threshold)
        labels = events.cluster_vectors(vectors, published)
        if all((labels[i] == labels[j]) == (EXPECTED[names[i]] == EXPECTED[names[j]]) for i in range(5) for j in range(5)):
            good.append(float(threshold))
    events.SIMILARITY_THRESHOLD = original
    labels = events.cluster_vectors(vectors, published)
    print("Seed events at threshold %.2f: %s" % (original, ", ".join(f"{n}->E{l + 1}" for n, l in zip(names, labels))))
    if good:
        print(f"Thresholds giving the expected three events: {min(good):.3f} to {max(good):.3f} (shipped: {original:.2f})")
    else:
        print("No threshold gives the expected three events on this body text")


def ptc_grouping(data: Path) -> None:
    files = sorted((data / "ptc" / "articles").glob("*.txt"))
    if not files:
        print(f"no PTC articles under {data / 'ptc' / 'articles'}")
        return
    resources = Resources(referents=framing.load_referents(), frame_cues=framing.load_frame_cues())
    rows, features = [], {}
    started = time.perf_counter()
    words = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        tokens = tokenize(text)
        words += len(tokens.word_spans)
        context = DocContext(Document(path.stem, str(path), text, title=text.split("\n", 1)[0]), tokens, Segmentation(text, (Block(0, len(text), "body"),)), resources)
        features[path.stem] = framing.analyze_document(context).features
        rows.append({"doc_id": path.stem, "source": str(path), "published": ""})
    per_doc = time.perf_counter() - started
    started = time.perf_counter()
    corpus = framing.analyze_corpus(rows, features, resources, None)
    corpus_time = time.perf_counter() - started
    sizes = Counter(corpus.event_ids.values())
    histogram = Counter(sizes.values())
    print(f"PTC development articles: {len(files)} -> {len(sizes)} events; sizes: " + ", ".join(f"{size} doc(s) x{count}" for size, count in sorted(histogram.items())))
    print(f"Framing per document: {per_doc / len(files) * 1000:.1f} ms ({words / per_doc:,.0f} words/s); corpus step for {len(files)} documents: {corpus_time:.2f} s "
          f"({len(corpus.rows['comparisons'])} comparisons, {len(corpus.rows['distinctive_terms'])} distinctive-term rows)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    seed_threshold_range()
    ptc_grouping(args.data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
