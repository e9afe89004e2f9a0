"""The analysis engine: load a corpus, score every document, compare framings. Importable without Streamlit.

The names below are imported on first use (PEP 562 module __getattr__): `from analysis import Results`
or `from analysis import export` then loads only what it names, not the whole engine with scikit-learn
and SciPy (over a second of start-up), so the dashboard opens a folder of tables and the CLI answers
--help without paying for analyses they do not run.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .corpus import LoadError, LoadOptions, load_corpus
    from .document import Document
    from .pipeline import analyze
    from .resources import Resources, load_resources
    from .results import TABLE_COLUMNS, Results

# Each public name and the submodule that defines it.
_EXPORTS = {
    "Document": ".document",
    "LoadError": ".corpus",
    "LoadOptions": ".corpus",
    "Resources": ".resources",
    "Results": ".results",
    "TABLE_COLUMNS": ".results",
    "analyze": ".pipeline",
    "load_corpus": ".corpus",
    "load_resources": ".resources",
}
__all__ = ["Document", "LoadError", "LoadOptions", "Resources", "Results", "TABLE_COLUMNS", "analyze", "load_corpus", "load_resources"]


def __getattr__(name: str) -> Any:
    """A public name, imported from its submodule the first time it is asked for (then kept as a global)."""
    module = _EXPORTS.get(name)
    if module is None:
        # Submodules (analysis.export …) are not listed: the import system loads them after this error.
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
