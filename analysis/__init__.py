"""The analysis engine: load a corpus, score every document, compare framings. Importable without Streamlit."""
from .corpus import LoadError, LoadOptions, load_corpus
from .document import Document
from .pipeline import analyze
from .resources import Resources, load_resources
from .results import TABLE_COLUMNS, Results

__all__ = ["Document", "LoadError", "LoadOptions", "Resources", "Results", "TABLE_COLUMNS", "analyze", "load_corpus", "load_resources"]
