"""Peak memory of streaming batch scoring at 10,000 and 100,000 documents, phase by phase.

    python benchmarks/memory.py [--sizes 10000,100000] [--chunk-size 1000] [--engine process] [--data DIR] [--outlets N]

Synthesises the articles from ../shared/benchmarks/ptc (benchmarks/synth.py; .txt files, kept in
--workdir between runs; with --outlets N each ends with a "Source:" URL on one of N outlet hosts, so
the outlet-repetition pre-pass of analysis/boilerplate_repeats.py runs too), then runs, as a fresh process, what
    python -m analysis score DIR --out OUT --chunk-size N --engine E --format parquet
runs (analysis.cli.main, with analysis/batch.py's phase lines logged), samples the RSS of the main
process and of its workers every 0.25 s, and prints wall time, documents per second and the peak RSS of
the whole process tree (workers included), then, per phase, the peaks of the main process and of the workers:

    scoring        workers analyse chunk after chunk; the main process keeps the corpus state (grows per document)
    events         the corpus step groups events (workers gone)
    corpus tables  naming, distinctive terms and comparisons, written event by event
    assembly       part files concatenated into the tables

With two sizes or more it also prints how the main process's peak grows per 1,000 documents between the
last two, and the peak those rates project at --project documents (default 100,000): a straight line
through two points, so rough; from 2,000 documents it overstates (2,000 is a single clustering block
while larger corpora reuse blocks of the same size, and the vocabulary grows more slowly than the corpus).
The target is 100,000 documents within 2 GB. The 100,000 run takes hours on a laptop: run it once, alone.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import REPO, python  # noqa: E402
from synth import DEFAULT_DATA, write_corpus  # noqa: E402

PHASES = ("scoring", "events", "corpus tables", "assembly")
MB = 2**20
# Runs the CLI with analysis.batch's phase lines on stderr, each stamped with the time it was logged.
CLI_WITH_PHASES = (
    "import logging, sys; "
    "logging.basicConfig(level=logging.WARNING, format='%(created).3f %(name)s %(message)s'); "
    "logging.getLogger('analysis.batch').setLevel(logging.INFO); "
    "from analysis.cli import main; sys.exit(main(sys.argv[1:]))"
)


@dataclass
class Sample:
    time: float
    main: int
    workers: int


@dataclass
class Run:
    documents: int
    seconds: float
    returncode: int
    stdout: str
    stderr: str
    samples: list[Sample] = field(default_factory=list)
    phase_starts: list[tuple[float, str]] = field(default_factory=list)

    def peak_tree_mb(self) -> float:
        return max((s.main + s.workers for s in self.samples), default=0) / MB

    def phase_peaks(self) -> dict[str, tuple[float, float, float]]:
        """{phase: peak RSS MB of (the main process, the workers, both at once)} over the samples in each phase."""
        peaks: dict[str, tuple[float, float, float]] = {}
        for sample in self.samples:
            phase = self.phase_at(sample.time)
            main, workers, together = peaks.get(phase, (0.0, 0.0, 0.0))
            peaks[phase] = (max(main, sample.main / MB), max(workers, sample.workers / MB), max(together, (sample.main + sample.workers) / MB))
        return peaks

    def phase_at(self, moment: float) -> str:
        current = "start-up"
        for start, name in self.phase_starts:
            if start <= moment:
                current = name
        return current


def rss(process: psutil.Process) -> tuple[int, int]:
    """(RSS of the process, summed RSS of all its descendants) in bytes; vanished processes count 0."""
    try:
        main = process.memory_info().rss
        family = process.children(recursive=True)
    except psutil.Error:
        return 0, 0
    workers = 0
    for member in family:
        try:
            workers += member.memory_info().rss
        except psutil.Error:
            pass
    return main, workers


def run_phased(arguments: list[str], documents: int, interval: float = 0.25) -> Run:
    """Run the CLI with these arguments to the end, sampling memory; wall time includes start-up."""
    command = python("-c", CLI_WITH_PHASES, *arguments)
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=REPO, stdout=out, stderr=err, text=True)
        watched = psutil.Process(child.pid)
        samples = []
        while child.poll() is None:
            main, workers = rss(watched)
            if main:
                samples.append(Sample(time.time(), main, workers))
            time.sleep(interval)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        run = Run(documents, seconds, child.returncode, out.read(), err.read(), samples)
    for line in run.stderr.splitlines():
        stamp, _, rest = line.partition(" analysis.batch phase ")
        if rest:
            run.phase_starts.append((float(stamp), rest.split(":")[0]))
    return run


def print_run(run: Run) -> None:
    print(f"{run.documents:>10}{run.seconds:>10.0f}{run.documents / run.seconds:>9.1f}{run.peak_tree_mb():>13.0f}", flush=True)
    print("  " + (run.stdout.strip().splitlines() or ["(no output)"])[0])
    peaks = run.phase_peaks()
    for phase in PHASES:
        if phase in peaks:
            main, workers, together = peaks[phase]
            print(f"    {phase:<14} peak RSS: main process {main:>6.0f} MB, workers {workers:>6.0f} MB, together {together:>6.0f} MB")
    print(flush=True)


def print_projection(small: Run, large: Run, target: int) -> None:
    """Per phase, the main process's growth per 1,000 documents between two runs, and its projection."""
    low, high = small.phase_peaks(), large.phase_peaks()
    extra = large.documents - small.documents
    print(f"growth of the main process between {small.documents:,} and {large.documents:,} documents, projected to {target:,}:")
    worst = 0.0
    for phase in PHASES:
        if phase not in low or phase not in high:
            continue
        per_thousand = (high[phase][0] - low[phase][0]) / extra * 1000
        main = high[phase][0] + per_thousand * (target - large.documents) / 1000
        # Workers hold one task each whatever the corpus size: their peak is carried over as measured.
        together = main + high[phase][1]
        worst = max(worst, together)
        print(f"    {phase:<14} {per_thousand:>6.1f} MB per 1,000 documents -> main {main:>6.0f} MB + workers {high[phase][1]:>5.0f} MB = {together:>6.0f} MB")
    print(f"  projected peak RSS at {target:,} documents: {worst:,.0f} MB (target 2,048 MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--chunk-size", type=int, default=1000)
    parser.add_argument("--engine", default="process", choices=("local", "process", "dask"))
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared benchmarks folder (holding ptc/)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "analysis-bench")
    parser.add_argument("--project", type=int, default=100_000, help="corpus size the growth rates are projected to")
    parser.add_argument("--outlets", type=int, default=0, help="articles from N outlets, each with a source URL (default 0: no URLs)")
    args = parser.parse_args()

    print(f"streaming batch scoring: --chunk-size {args.chunk_size} --engine {args.engine} --format parquet; fresh process"
          + (f"; articles from {args.outlets} outlets (source URLs)" if args.outlets > 0 else ""))
    print(f"{'documents':>10}{'seconds':>10}{'docs/s':>9}{'peak RSS MB':>13}   (whole process tree)")
    runs = []
    for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
        name = f"news-{size}" if args.outlets <= 0 else f"news-{size}-outlets-{args.outlets}"
        corpus = write_corpus(args.workdir / name, size, args.data, args.outlets)
        out = args.workdir / f"tables-{size}"
        shutil.rmtree(out, ignore_errors=True)
        run = run_phased([
            "score", str(corpus), "--out", str(out), "--chunk-size", str(args.chunk_size),
            "--engine", args.engine, "--format", "parquet", "--no-progress",
        ], size)
        if run.returncode not in (0, 1):
            sys.exit(f"scoring {size} documents failed ({run.returncode}):\n{run.stderr[-2000:]}")
        print_run(run)
        runs.append(run)
    if len(runs) >= 2 and runs[-1].documents > runs[-2].documents:
        print_projection(runs[-2], runs[-1], args.project)


if __name__ == "__main__":
    main()
