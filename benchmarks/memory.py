"""Peak memory of streaming batch scoring at 10,000 and 100,000 documents.

    python benchmarks/memory.py [--sizes 10000,100000] [--chunk-size 1000] [--engine process] [--data DIR]

Synthesises the articles from ../shared/benchmarks/ptc (benchmarks/synth.py; .txt files, kept in
--workdir between runs), then runs, as a fresh process,
    python -m analysis score DIR --out OUT --chunk-size N --engine E --format parquet
and prints wall time, documents per second and the peak RSS of the whole process tree (workers
included). The target is 100,000 documents within 2 GB. The 100,000 run takes long on a laptop:
run it once, alone.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import python, run_measured  # noqa: E402
from synth import DEFAULT_DATA, write_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--chunk-size", type=int, default=1000)
    parser.add_argument("--engine", default="process", choices=("local", "process", "dask"))
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared benchmarks folder (holding ptc/)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "analysis-bench")
    args = parser.parse_args()

    print(f"streaming batch scoring: --chunk-size {args.chunk_size} --engine {args.engine} --format parquet; fresh process")
    print(f"{'documents':>10}{'seconds':>10}{'docs/s':>9}{'peak RSS MB':>13}")
    for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
        corpus = write_corpus(args.workdir / f"news-{size}", size, args.data)
        out = args.workdir / f"tables-{size}"
        shutil.rmtree(out, ignore_errors=True)
        command = python(
            "-m", "analysis", "score", str(corpus), "--out", str(out), "--chunk-size", str(args.chunk_size),
            "--engine", args.engine, "--format", "parquet", "--no-progress",
        )
        result = run_measured(command, interval=0.25)
        if result.returncode not in (0, 1):
            sys.exit(f"scoring {size} documents failed ({result.returncode}):\n{result.stderr[-2000:]}")
        print(f"{size:>10}{result.seconds:>10.0f}{size / result.seconds:>9.1f}{result.peak_rss_mb:>13.0f}", flush=True)
        print("  " + result.stdout.strip().splitlines()[0], flush=True)


if __name__ == "__main__":
    main()
