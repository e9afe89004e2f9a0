"""Shared fixtures: the repository root and the bundled seeds."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _restore_main_module():
    """Streamlit's AppTest runs the script as a new __main__ and leaves it there; worker processes that
    Dask or multiprocessing spawn later re-import __main__, and would run the dashboard script."""
    main_module = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main_module


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_results():
    """The whole pipeline on the five seeds, computed once for every test that reads it."""
    from analysis import analyze, load_corpus, load_resources

    documents, errors = load_corpus([SEEDS])
    return analyze(documents, load_resources(), errors=errors)


def seed_row(results, prefix: str):
    """The documents row of the seed whose file name starts with `prefix` (e.g. "001")."""
    documents = results.documents
    match = documents[documents["source"].map(lambda s: Path(s).name.startswith(prefix))]
    assert len(match) == 1, f"no single seed {prefix}"
    return match.iloc[0]
