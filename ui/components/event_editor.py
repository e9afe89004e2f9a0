"""Regrouping events by hand: an editable table of document → event, and the same overrides as a CSV file.

The file is the one the CLI reads with `--events FILE` (columns doc_id, source, event_id). The engine
(analysis.framing.regroup_events, through corpus_state.current) redoes events, naming, distinctive terms
and comparisons; this module only collects the user's choice.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis import export

from .. import corpus_state
from ..corpus_state import Corpus
from .tables import doc_labels, md_escape, text

EDITOR_KEY = "events_editor"  # + the corpus key, so a new corpus (or a regrouping) starts a fresh editor
UPLOAD_KEY = "events_upload"


def assignments(corpus: Corpus) -> pd.DataFrame:
    """One row per document: its label, current event_id, doc_id and source (the editor's table)."""
    documents = corpus.results.documents
    labels = doc_labels(documents)
    events = documents["event_id"] if "event_id" in documents.columns else pd.Series("", index=documents.index)
    sources = documents["source"] if "source" in documents.columns else pd.Series("", index=documents.index)
    return pd.DataFrame({
        "document": [labels.get(str(d), str(d)) for d in documents["doc_id"]],
        "event_id": [text(e) for e in events],
        "doc_id": documents["doc_id"].astype(str).tolist(),
        "source": [text(s) for s in sources],
    })


def overrides_from_table(table: pd.DataFrame) -> dict[str, str]:
    """{doc_id: event_id} for every row with an event; rows left blank are grouped automatically."""
    return {str(doc_id): text(event) for doc_id, event in zip(table["doc_id"], table["event_id"]) if text(event)}


def overrides_csv(table: pd.DataFrame) -> bytes:
    """The assignments as an events file for `python -m analysis score --events FILE` (same writer as the exports)."""
    rows = table[table["event_id"].map(text) != ""]
    return export.table_csv_bytes(rows[["doc_id", "source", "event_id"]])


def read_overrides(name: str, data: bytes, corpus: Corpus) -> tuple[dict[str, str], list[str]]:
    """{doc_id: event_id} from an uploaded events file, keys matched as the CLI does (doc_id, source or file name),
    and the keys that name no document. Raises ValueError with the line of a problem."""
    from analysis.events import read_event_overrides  # scikit-learn: only when a file is uploaded

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(data)
        try:
            raw = read_event_overrides(path)
        except ValueError as exc:
            raise ValueError(str(exc).replace(str(path), Path(name).name)) from None
    documents = corpus.results.documents
    sources = documents["source"].map(text) if "source" in documents.columns else pd.Series("", index=documents.index)
    resolved: dict[str, str] = {}
    used: set[str] = set()
    for doc_id, source in zip(documents["doc_id"].astype(str), sources):
        for key in (doc_id, source, Path(source).name if source else ""):
            if key and key in raw:
                resolved[doc_id] = raw[key]
                used.add(key)
                break
    return resolved, sorted(set(raw) - used)


def _apply(corpus: Corpus, overrides: dict[str, str]) -> None:
    """Keep the overrides, unless they only repeat the automatic grouping (then there is nothing to redo)."""
    automatic = overrides_from_table(assignments(corpus))
    corpus_state.set_event_overrides(corpus, {} if overrides == automatic else overrides)


def event_editor() -> None:
    """The 'Regroup events' expander: edit, upload or download the document → event assignments."""
    base = corpus_state.base()
    view = corpus_state.current()
    if base is None or view is None or view.results.documents.empty:
        return
    overrides = corpus_state.event_overrides(base)
    title = f"Regroup events ({len(overrides)} document{'s' if len(overrides) != 1 else ''} set by hand)" if overrides else "Regroup events"
    # Open while a file waits to be applied (the upload reruns the page, which would fold a closed-by-default expander).
    with st.expander(title, expanded=st.session_state.get(UPLOAD_KEY) is not None):
        st.caption("Events are grouped automatically (TF-IDF similarity of the body text and publication dates). "
                   "Type another event id to move a document, or a new id to start a new event; leave it blank to let the grouping decide. "
                   "Naming, distinctive terms and comparisons are then recomputed for the new events, on every page and in the exports. "
                   "An uploaded file that names only some documents works as in the CLI: those documents move to the events it names "
                   "(an existing id joins that event) and every other document keeps its event and id.")
        table = assignments(view)
        with st.form("events_form", border=False):
            # Labels and file names shown formula-safe (the table's toolbar downloads what is shown); the
            # editable event ids stay as typed, since they are what Apply keeps.
            shown = table.assign(document=table["document"].map(export.neutralise_cell), source=table["source"].map(export.neutralise_cell))
            edited = st.data_editor(shown, key=f"{EDITOR_KEY}_{view.key}", hide_index=True, width="stretch", disabled=["document", "doc_id", "source"],
                                    column_config={"event_id": st.column_config.TextColumn("event_id", help="the event this document belongs to")})
            submitted = st.form_submit_button("Apply these events", type="primary", key="events_apply")
        if submitted:
            _apply(base, overrides_from_table(edited))
            st.rerun()
        left, right = st.columns(2)
        with left:
            st.download_button("Download the events as CSV (for --events FILE)", overrides_csv(table), file_name="events.csv",
                               mime="text/csv", key="events_download", on_click="ignore")
        with right:
            if overrides and st.button("Back to the automatic events", key="events_reset"):
                corpus_state.set_event_overrides(base, {})
                st.rerun()
        upload = st.file_uploader("Upload an events file (CSV: doc_id or source, event_id)", type=["csv"], key=UPLOAD_KEY)
        if upload is not None:
            try:
                uploaded, unknown = read_overrides(upload.name, upload.getvalue(), base)
            except ValueError as exc:
                st.error(f"This events file cannot be used: {md_escape(str(exc))}", icon="🚫")
                return
            if unknown:
                st.warning(f"{len(unknown)} row{'s name' if len(unknown) != 1 else ' names'} no document of this corpus: "
                           + md_escape(", ".join(unknown[:5])) + (" …" if len(unknown) > 5 else ""))
            if not uploaded:
                st.info("The file names no document of this corpus.")
            elif uploaded == overrides:
                st.success(f"{md_escape(upload.name)} is applied.")
            elif st.button(f"Apply {md_escape(upload.name)} ({len(uploaded)} document{'s' if len(uploaded) != 1 else ''})", key="events_upload_apply"):
                _apply(base, uploaded)
                st.rerun()
