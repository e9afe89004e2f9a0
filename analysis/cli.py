"""Command line: python -m analysis score PATH... --out DIR.

Exit status of `score`:
  0  every input was read and analysed
  1  some inputs could not be read or analysed (see errors.csv); every other table was still written
  2  usage error (bad options)
  3  nothing could be analysed: no input yielded a document
"""
from __future__ import annotations

# The engine (pandas, scikit-learn, SciPy, lxml: over a second) is imported inside the commands that
# run it, so --help and usage errors answer at once and a command pays only for what it uses.
import argparse
import gc
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .corpus import LoadOptions
    from .resources import Resources
    from .results import Results

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_NOTHING = 0, 1, 2, 3
DEFAULT_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Copies of export.FORMATS and pipeline.ENGINES, so building the parser imports neither (tests/test_cli.py
# checks they agree).
FORMATS = ("csv", "parquet")
ENGINES = ("local", "process", "dask")
# Without --chunk-size every table is held in memory: about 1.4 GB of peak RSS for 18 MB of text (3,000
# articles, --engine process) and 3.2 GB for 59 MB (10,000). Inputs above this size therefore stream in
# chunks of AUTO_CHUNK_SIZE, which writes the same tables in bounded memory (tests/test_batch.py).
AUTO_STREAM_BYTES = 24 * 2**20
AUTO_CHUNK_SIZE = 1000  # batch.DEFAULT_CHUNK_SIZE, copied so that choosing it imports nothing


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Score news articles for outlet type, loaded wording, boilerplate and readability, and compare their framing.",
        epilog=__doc__.split("\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    score = commands.add_parser(
        "score",
        help="analyse files, folders or zips and write every table",
        description="Analyse PATHs (files, folders searched recursively, .zip archives; .txt .md .html .csv .tsv .json .jsonl .parquet) and write each table as DIR/<table>.csv or .parquet.",
        epilog=__doc__.split("\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    score.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or .zip archives to analyse")
    score.add_argument("--out", required=True, metavar="DIR", help="folder to write the tables into (created if missing)")
    score.add_argument("--format", choices=FORMATS, default="csv", help="table format (default: csv)")
    score.add_argument("--text-column", metavar="NAME", help="the text column of CSV/TSV/JSON/Parquet tables (default: found by name: text, body, content, article …)")
    score.add_argument("--events", metavar="FILE", help="CSV of event overrides: columns doc_id (or source) and event_id; the documents it names move to those events, the others keep the automatic ones")
    score.add_argument("--lexicon", metavar="FILE", help="a loaded-wording lexicon CSV to use instead of the shipped one")
    score.add_argument("--max-file-mb", type=float, default=20.0, metavar="MB", help="skip (with an error row) files larger than this (default: 20)")
    score.add_argument("--engine", choices=ENGINES, default="local", help="local (one process), process (every core) or dask (default: local)")
    score.add_argument("--workers", type=int, metavar="N", help="worker processes for --engine process (default: every core)")
    score.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address for --engine dask (default: a local cluster)")
    score.add_argument("--chunk-size", type=int, metavar="N", help=f"stream: analyse N documents at a time and write tables incrementally, so memory stays bounded on any corpus size (default: streams in chunks of {AUTO_CHUNK_SIZE} when the inputs hold more than {AUTO_STREAM_BYTES // 2**20} MB)")
    score.add_argument("--no-progress", action="store_true", help="do not draw a progress bar on stderr")

    compare = commands.add_parser(
        "compare",
        help="print how the documents of each event differ (from PATHs or a folder of scored tables)",
        description="Print, per event, the documents side by side: outlet, type, loaded density by voice, boilerplate share, readability, and the pairwise comparisons.",
    )
    compare.add_argument("paths", nargs="*", metavar="PATH", help="inputs, or one folder of tables written by `score` (default: the bundled seeds)")
    compare.add_argument("--text-column", metavar="NAME", help="the text column of tables")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    if args.command == "score":
        return _score(args)
    return _compare(args)


def _score(args: argparse.Namespace) -> int:
    from .corpus import LoadOptions, start_loading

    started = time.perf_counter()
    options = LoadOptions(max_file_bytes=int(args.max_file_mb * 1024 * 1024), text_column=args.text_column)
    survey = survey_inputs(args.paths, options.max_file_bytes)
    if args.chunk_size is None and survey.text_bytes > AUTO_STREAM_BYTES:
        args.chunk_size = AUTO_CHUNK_SIZE
        print(f"note: {survey.text_bytes / 2**20:,.0f} MB of input: streaming in chunks of {AUTO_CHUNK_SIZE:,} documents to bound memory (choose with --chunk-size N)", file=sys.stderr)
    # The documents load in child processes while this one imports the engine and loads the resources
    # (streaming reads them later): loading starts before pandas, SciPy and the analyses are imported.
    loading = start_loading(args.paths, options, args.workers) if args.chunk_size is None else None
    from tqdm import tqdm

    from .pipeline import score_to_dir, warm_up
    from .resources import load_resources

    try:
        resources = load_resources(lexicon_path=args.lexicon)
        overrides = _event_overrides(args.events)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.engine == "process":
        warm_up(resources)  # while the documents load, rather than after (the pool would do it then)
    if loading is None:
        return _score_stream(args, options, resources, overrides, started, survey.items)
    documents, errors = loading()
    # All this process holds now (modules, resources, documents) stays to its end: frozen, it is no longer walked
    # by every full garbage collection while the outputs come in (~0.1 ms of CPU a document; pool workers do the same).
    gc.freeze()
    bar = tqdm(total=len(documents), unit="doc", desc="analysing", file=sys.stderr, disable=args.no_progress or None)

    def progress(done: int, total: int) -> None:
        bar.update(done - bar.n)

    scored = score_to_dir(
        documents, resources, args.out, args.format, errors=errors, engine=args.engine, workers=args.workers,
        progress=progress, event_overrides=overrides, scheduler=args.scheduler,
    )
    bar.close()
    results = scored.results
    print(_summary(results, scored.written, args.out, time.perf_counter() - started, scored.rows))
    if results.documents.empty:
        return EXIT_NOTHING
    return EXIT_PARTIAL if not results.errors.empty else EXIT_OK


class InputSurvey(NamedTuple):
    """What the inputs hold, found from file sizes alone (no file is opened but a zip's directory)."""

    text_bytes: int  # file sizes, a zip's members uncompressed; files (and members) over the size limit count 0
    items: int | None  # documents plus error rows loading will yield; None when tables or zips make it unknown


def survey_inputs(paths: list[str], max_file_bytes: int) -> InputSurvey:
    """An InputSurvey of `paths`, walking folders as loading does (hidden files skipped)."""
    import zipfile

    from .corpus import TABLE_SUFFIXES, is_hidden

    def counted(size: int) -> int:
        return size if size <= max_file_bytes else 0

    total, items, known = 0, 0, True
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = [p for p in path.rglob("*") if p.is_file() and not is_hidden(p.relative_to(path))]
        else:
            files = [path] if path.is_file() else []
            items += not files  # a missing path is one error row
        for file in files:
            suffix = file.suffix.lower()
            known = known and suffix not in TABLE_SUFFIXES and suffix != ".zip"
            items += 1
            try:
                size = file.stat().st_size
                if suffix == ".zip" and counted(size):
                    with zipfile.ZipFile(file) as archive:
                        total += sum(counted(member.file_size) for member in archive.infolist())
                else:
                    total += counted(size)
            except (OSError, zipfile.BadZipFile):
                continue  # loading reports it as an error row
    return InputSurvey(total, items if known else None)


def _score_stream(args: argparse.Namespace, options: LoadOptions, resources: Resources, overrides: dict[str, str], started: float, expected: int | None) -> int:
    """--chunk-size: streaming batch scoring (analysis/batch.py), one chunk of documents in memory at a time.

    `expected`: the inputs (documents and error rows) the bar counts up to, when known beforehand."""
    from tqdm import tqdm

    from .batch import score_stream

    if args.chunk_size < 1:
        print("error: --chunk-size must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    bar = tqdm(total=expected, unit="doc", desc="analysing", file=sys.stderr, disable=args.no_progress or None)
    summary = score_stream(
        args.paths, args.out, resources, options, chunk_size=args.chunk_size, engine=args.engine, workers=args.workers,
        scheduler=args.scheduler, fmt=args.format, event_overrides=overrides, progress=lambda done, _: bar.update(done - bar.n),
    )
    bar.close()
    print(f"Analysed {summary.documents} document(s) in {time.perf_counter() - started:.1f} s ({summary.chunks} chunk(s)); {summary.errors} input(s) could not be read or analysed.")
    print(f"Wrote {len(summary.written)} tables to {args.out}: " + ", ".join(p.name for p in summary.written))
    if not summary.documents:
        return EXIT_NOTHING
    return EXIT_PARTIAL if summary.errors else EXIT_OK


def _event_overrides(path: str | None) -> dict[str, str]:
    if not path:
        return {}
    from .framing import read_event_overrides

    return read_event_overrides(path)


def _summary(results: Results, written: list[Path], out: str, seconds: float, rows: dict[str, int]) -> str:
    """The lines printed after `score`; `rows` counts each table's rows (so no table is read back to count them)."""
    documents = results.documents
    lines = [
        f"Analysed {len(documents)} document(s) in {seconds:.1f} s; {len(results.errors)} input(s) could not be read.",
        f"Wrote {len(written)} tables to {out}: " + ", ".join(p.name for p in written),
    ]
    if not documents.empty:
        events = documents["event_id"].replace("", None).dropna().nunique()
        lines.append(f"Events: {events}   loaded-wording spans: {rows.get('spans', 0)}   citations: {rows.get('citations', 0)}")
        if "outlet_type" in documents and documents["outlet_type"].notna().any():
            counts = documents["outlet_type"].fillna("unknown").value_counts()
            lines.append("Outlet types: " + ", ".join(f"{kind} {n}" for kind, n in counts.items()))
    for row in results.errors.head(10).itertuples():
        lines.append(f"  error: {row.source}: {row.error}")
    if len(results.errors) > 10:
        lines.append(f"  … and {len(results.errors) - 10} more in errors.{written[0].suffix[1:] if written else 'csv'}")
    return "\n".join(lines)


def _compare(args: argparse.Namespace) -> int:
    from . import export
    from .corpus import LoadOptions, load_corpus
    from .pipeline import analyze

    paths = args.paths or [str(DEFAULT_SEEDS)]
    if len(paths) == 1 and export.is_results_dir(paths[0]):
        results = export.read_results(paths[0])
    else:
        documents, errors = load_corpus(paths, LoadOptions(text_column=args.text_column))
        results = analyze(documents, errors=errors)
    print(format_comparison(results))
    return EXIT_OK if not results.documents.empty else EXIT_NOTHING


COMPARE_COLUMNS = ("outlet", "outlet_type", "loaded_authorial", "loaded_quoted", "loaded_attributed", "loaded_per_1k_words", "boilerplate_share", "flesch_reading_ease")


def format_comparison(results: Results) -> str:
    """A plain-text side-by-side view of each event's documents and their pairwise comparisons."""
    documents = results.documents
    if documents.empty:
        return "No documents."
    out: list[str] = []
    events = documents["event_id"].fillna("").astype(str)
    for event in sorted(events.unique()):
        members = documents[events == event]
        out.append(f"== Event {event or '(none)'}: {len(members)} document(s)")
        columns = [c for c in ("doc_id", "title", *COMPARE_COLUMNS) if c in members]
        out.append(members[columns].astype(object).where(members[columns].notna(), "").to_string(index=False, max_colwidth=40))
        pairs = results.comparisons
        if not pairs.empty and "event_id" in pairs:
            pairs = pairs[pairs["event_id"].astype(str) == event]
            if not pairs.empty:
                out.append(pairs.to_string(index=False, max_colwidth=40))
        out.append("")
    return "\n".join(out)
