"""Train the boilerplate line classifier on the extraction benchmark and write analysis/data/boilerplate_model.json.

Usage: python scripts/train_boilerplate.py [--data DIR] [--out PATH]
DIR defaults to <repo>/../shared/benchmarks/extraction (plaintext/*.txt dumps against truth.json bodies).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analysis.boilerplate_train import fit_model, load_pages, page_matrix  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "extraction"
DEFAULT_OUT = REPO / "analysis" / "data" / "boilerplate_model.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    pages = load_pages(args.data)
    model = fit_model([page_matrix(page) for page in pages])
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"trained on {len(pages)} pages -> {args.out}")


if __name__ == "__main__":
    main()
