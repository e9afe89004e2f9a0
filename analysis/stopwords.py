"""English stop words, read from analysis/data/english_stop_words.txt.

The list is scikit-learn's ENGLISH_STOP_WORDS (BSD-3-Clause; from the Glasgow Information Retrieval
Group's list), copied into the package so that per-document work does not import scikit-learn: that
import alone costs about 0.65 s of every process start. tests/test_stopwords.py checks the copy
still equals the installed scikit-learn's.
"""
from __future__ import annotations

from pathlib import Path

STOP_WORDS_PATH = Path(__file__).resolve().parent / "data" / "english_stop_words.txt"

ENGLISH_STOP_WORDS: frozenset[str] = frozenset(
    line.strip() for line in STOP_WORDS_PATH.read_text(encoding="utf-8").splitlines() if line.strip()
)
