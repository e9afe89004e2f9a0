"""Where the time goes: milliseconds per document for each stage of the per-document pipeline.

    python benchmarks/stages.py [--docs 300] [--data DIR]

Runs loading (corpus.load_bytes: decoding and metadata), tokenize, segmentation and each analysis of
analysis.pipeline.DOCUMENT_ANALYSES in order on synthesised news articles (benchmarks/synth.py) in this
one process, and prints each stage's share, so a slow analysis shows at once. Start-up (imports, resources) is printed apart. Times are this process's
CPU time (time.process_time), so other work on the machine does not inflate them.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from synth import DEFAULT_DATA, synthesise  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()

    started = time.process_time()
    from analysis import boilerplate
    from analysis.context import DocContext
    from analysis.corpus import load_bytes
    from analysis.pipeline import DOCUMENT_ANALYSES
    from analysis.resources import load_resources
    from analysis.tokens import tokenize

    imported = time.process_time()
    resources = load_resources()
    loaded = time.process_time()
    print(f"start-up (CPU): imports {imported - started:.2f} s, resources {loaded - imported:.2f} s")

    totals: dict[str, float] = defaultdict(float)
    failures: dict[str, int] = defaultdict(int)
    documents = []
    for name, text in synthesise(args.docs, args.data):
        t = time.process_time()
        documents += load_bytes(name, name, text.encode("utf-8"))  # decoding and metadata (title, byline, date)
        totals["corpus.load_bytes"] += time.process_time() - t
    for document in documents:
        t0 = time.process_time()
        tokens = tokenize(document.text)
        t1 = time.process_time()
        segmentation = boilerplate.segment(document, tokens, resources)
        t2 = time.process_time()
        totals["tokenize"] += t1 - t0
        totals["boilerplate.segment"] += t2 - t1
        context = DocContext(document, tokens, segmentation, resources)
        for analysis in DOCUMENT_ANALYSES:
            name = f"{analysis.__module__.split('.')[-1]}.{analysis.__name__}"
            t = time.process_time()
            try:
                analysis(context)
            except Exception:  # the pipeline turns these into error rows; here they are only counted
                failures[name] += 1
            totals[name] += time.process_time() - t
    whole = sum(totals.values())
    print(f"{len(documents)} documents, {1000 * whole / len(documents):.1f} ms of CPU per document in all")
    for stage, seconds in sorted(totals.items(), key=lambda item: -item[1]):
        print(f"  {stage:<32}{1000 * seconds / len(documents):8.2f} ms/doc {100 * seconds / whole:6.1f} %" + (f"  ({failures[stage]} failed)" if failures[stage] else ""))


if __name__ == "__main__":
    main()
