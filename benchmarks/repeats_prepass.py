"""CPU time and peak memory of the outlet-repetition pre-pass (analysis/boilerplate_repeats.outlet_repeats).

    python benchmarks/repeats_prepass.py [--sizes 10000,40000] [--outlets 50]

Synthesises N documents (deterministic seed): 30 lines of random words each, distinct, plus one footer
every document prints, each with a URL on one of --outlets hosts, as a stream (one document in memory at a
time, as analysis/batch.py's first pass reads them). Each size runs in a fresh process, which first times
the synthesis alone (subtracted from the pass's CPU time), then records its peak RSS, then runs the pass. It
prints CPU seconds, documents per second, the peak RSS growth of the pass and that growth per 1,000
documents; with two sizes or more also the slope between the last two (what a larger corpus adds).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Words of letters only: the line hash sets digits to 0, so "w17" and "w42" would be one word to it.
WORDS = ["".join("abcdefghijklmnopqrstuvwxyz"[i // 26**k % 26] for k in range(3)) for i in range(5000)]
LINES = 30
FOOTER = "Subscribe to our newsletter for more."


def documents(n: int, outlets: int, seed: int = 0) -> Iterator:
    """n synthetic documents with outlet URLs, made one at a time."""
    from analysis.document import Document

    rng = random.Random(seed)
    for i in range(n):
        lines = [" ".join(rng.choices(WORDS, k=rng.randrange(3, 25))) + "." for _ in range(LINES)]
        lines.append(FOOTER)
        yield Document(doc_id=str(i), source=str(i), text="\n".join(lines), url=f"https://outlet{i % outlets}.com/a/{i}")


def peak_rss_mb() -> float:
    """This process's peak RSS so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(n: int, outlets: int) -> dict:
    """Run the pass over n documents in this process: {seconds, base_mb, growth_mb, kept}."""
    from analysis.boilerplate_repeats import outlet_repeats

    started = time.process_time()
    for _ in documents(n, outlets):
        pass
    synthesis = time.process_time() - started
    base = peak_rss_mb()
    started = time.process_time()
    index = outlet_repeats(documents(n, outlets))
    seconds = time.process_time() - started - synthesis
    return {"seconds": seconds, "base_mb": base, "growth_mb": peak_rss_mb() - base, "kept": sum(len(v) for v in index.counts.values())}


def run(n: int, outlets: int) -> dict:
    """child(n, outlets) in a fresh Python process."""
    output = subprocess.run(
        [sys.executable, __file__, "--child", str(n), "--outlets", str(outlets)],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,40000", help="comma-separated corpus sizes")
    parser.add_argument("--outlets", type=int, default=50, help="how many outlet hosts the documents come from")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        sys.path.insert(0, str(REPO))
        print(json.dumps(child(args.child, args.outlets)))
        return
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(f"outlet_repeats pre-pass, {args.outlets} outlets, fresh process per size (CPU time, synthesis excluded)")
    results = []
    for n in sizes:
        r = run(n, args.outlets)
        results.append((n, r))
        print(
            f"{n:>9,} docs  {r['seconds']:7.2f} s CPU  {n / max(r['seconds'], 1e-9):8,.0f} docs/s  "
            f"{r['seconds'] / n * 1000:.3f} ms/doc  peak RSS +{r['growth_mb']:.1f} MB "
            f"({r['growth_mb'] / n * 1000:.2f} MB per 1,000 docs)  repeated hashes kept: {r['kept']}"
        )
    if len(results) >= 2:
        (n1, r1), (n2, r2) = results[-2], results[-1]
        slope = (r2["growth_mb"] - r1["growth_mb"]) / (n2 - n1) * 1000
        print(f"slope {n1:,} -> {n2:,}: {slope:.2f} MB per 1,000 documents")


if __name__ == "__main__":
    main()
