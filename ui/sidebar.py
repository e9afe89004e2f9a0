"""The sidebar's corpus choice: bundled seeds, command-line paths or uploads; analysed with visible progress."""
from __future__ import annotations

import os

import streamlit as st

from analysis import export

from . import corpus_state
from .components.tables import md_escape
from .corpus_state import Corpus

SEEDS, PATHS, UPLOAD = "seeds", "paths", "upload"
SOURCE_LABELS = {SEEDS: "Bundled seed articles", PATHS: "Files from the command line", UPLOAD: "Upload files or a zip"}
SIGNATURE_KEY = "corpus_signature"


def _display_path(path: str) -> str:
    """A path relative to the working directory when it lies under it (shorter sources in the tables)."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def _progress_analyse(label: str, documents, errors) -> Corpus:
    """Analyse with a status box and a progress bar, unless the corpus is already in the cache."""
    resources, lexicon = corpus_state.session_resources()
    if corpus_state.is_analysed(documents, errors, lexicon):
        return corpus_state.analysed_corpus(label, documents, errors, resources, lexicon)
    total = len(documents)
    with st.status(f"Analysing {total} document{'s' if total != 1 else ''}…", expanded=True) as status:
        bar = st.progress(0.0, text=f"0 of {total} documents")

        def progress(done: int, all_: int) -> None:
            bar.progress(done / all_ if all_ else 1.0, text=f"{done} of {all_} documents")

        corpus = corpus_state.analysed_corpus(label, documents, errors, resources, lexicon, progress=progress)
        status.update(label=f"Analysed {total} document{'s' if total != 1 else ''}", state="complete", expanded=False)
    return corpus


def _build(source: str, paths: list[str], uploads: list) -> Corpus | None:
    if source == SEEDS:
        documents, errors = corpus_state.load_paths([_display_path(str(corpus_state.SEEDS_DIR))])
        return _progress_analyse("bundled seed articles", documents, errors)
    if source == PATHS:
        if len(paths) == 1 and export.is_results_dir(paths[0]):
            return corpus_state.tables_corpus(paths[0])
        documents, errors = corpus_state.load_paths(paths)
        return _progress_analyse(", ".join(paths), documents, errors)
    if not uploads:
        return None
    from analysis.corpus import LoadError  # the loader (lxml, charset detection) only when files are uploaded

    files = [(f.name, f.getvalue()) for f in uploads]
    tables = [(name, data) for name, data in files if name.lower().endswith(".zip") and export.is_results_zip(data)]
    if tables and len(files) == 1:
        return corpus_state.zip_tables_corpus(*tables[0])
    # A zip of tables next to other files: its tables are not articles, so it is set aside with a note.
    documents, errors = corpus_state.load_uploads([item for item in files if item not in tables])
    errors += [LoadError(f"upload:{name}", "a zip of tables written by the CLI opens on its own: upload it alone") for name, _ in tables]
    return _progress_analyse(f"{len(uploads)} uploaded file{'s' if len(uploads) != 1 else ''}", documents, errors)


def choose_corpus() -> None:
    """Draw the corpus choice in the sidebar and set the session's current corpus (None when there is none)."""
    paths = corpus_state.command_line_paths()
    sources = ([PATHS] if paths else []) + [SEEDS, UPLOAD]
    uploads: list = []
    with st.sidebar:
        st.subheader("Corpus")
        source = st.radio("Documents", sources, format_func=SOURCE_LABELS.get, key="corpus_source")
        if source == PATHS:
            st.caption("From the command line: " + md_escape(", ".join(paths)))
        if source == UPLOAD:
            from analysis.corpus import SUPPORTED_SUFFIXES

            uploads = st.file_uploader(
                "Articles: text, HTML, CSV/TSV/JSON/JSONL/Parquet tables, or a zip of them (a zip of tables from the CLI opens as is)",
                type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES], accept_multiple_files=True, key="uploads",
            ) or []
        custom = corpus_state.custom_files()
        if custom:
            names = ", ".join(name for name, _ in custom.values())
            st.caption(f"Custom lexicon in use: {md_escape(names)} (change it on the Lexicons page)")
    signature = (source, tuple(paths), tuple((f.file_id, f.name) for f in uploads), corpus_state.resources_key(custom))
    corpus = corpus_state.base()
    if st.session_state.get(SIGNATURE_KEY) != signature or (corpus is None and source != UPLOAD):
        st.session_state[SIGNATURE_KEY] = None  # a failure below leaves no stale corpus behind
        corpus_state.set_current(None)
        corpus = _build(source, paths, uploads)
        corpus_state.set_current(corpus)
        st.session_state[SIGNATURE_KEY] = signature
    with st.sidebar:
        if corpus is None:
            st.info("Upload one or more files to analyse them.")
        else:
            documents, errors = len(corpus.results.documents), len(corpus.results.errors)
            st.caption(f"**{documents}** document{'s' if documents != 1 else ''} from {md_escape(corpus.label)}"
                       + (f" · **{errors}** input{'s' if errors != 1 else ''} could not be read (see Overview)" if errors else ""))
            overrides = corpus_state.event_overrides(corpus)
            if overrides:
                st.caption(f"Events regrouped by hand for {len(overrides)} document{'s' if len(overrides) != 1 else ''} (change it on the Compare page)")
