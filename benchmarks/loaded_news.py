"""Loaded wording on ordinary news pages: every model hit on one half of the extraction benchmark's plain-text pages.

PTC's articles are propaganda; the extraction benchmark's pages are everyday news, sports, product, science and
lifestyle copy with no loaded-wording annotation. This prints, for one half of those pages, the counts of lexicon and
model spans and every model hit (outside boilerplate, as analyze() reports it) with its context, for a reader to judge
whether it is loaded wording. The halves: the pages sorted by sha, even ranks (0, 2, 4, ...) the development half
(read and tuned on), odd ranks the check half (run once, to see whether a rule generalises).

Usage: python benchmarks/loaded_news.py [--half development|check] [--data DIR] [--context 80]
DIR defaults to <repo>/../shared/benchmarks/extraction.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analysis.corpus import load_bytes  # noqa: E402
from analysis.document import Document  # noqa: E402
from analysis.pipeline import analyze_document  # noqa: E402
from analysis.resources import load_resources  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "extraction"


def half_of(paths: list[Path], half: str) -> list[Path]:
    """The development (even ranks by name) or check (odd ranks) half of the pages."""
    ordered = sorted(paths, key=lambda p: p.name)
    return ordered[0::2] if half == "development" else ordered[1::2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("development", "check"), default="development")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--context", type=int, default=80, help="characters shown either side of a hit")
    args = parser.parse_args()
    resources = load_resources()
    pages = half_of(list((args.data / "plaintext").glob("*.txt")), args.half)
    lexicon = model = 0
    lines = []
    for path in pages:
        for document in load_bytes(str(path), path.name, path.read_bytes()):
            if not isinstance(document, Document):
                continue
            output = analyze_document(document, resources)
            for row in output.rows.get("spans", []):
                if row["source"] == "lexicon":
                    lexicon += not row["in_boilerplate"]
                    continue
                model += 1
                text = document.text
                before = text[max(0, row["start"] - args.context):row["start"]]
                after = text[row["end"]:row["end"] + args.context]
                context = f"{before}[[{row['text']}]]{after}".replace("\n", " / ")
                lines.append(f"{path.stem[:8]} {row['start']:>6} {row['score']:.3f} {row['voice'][:4]} | {context}")
    print(f"{args.half} half: {len(pages)} pages, {lexicon} lexicon spans in the body, {model} model spans")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
