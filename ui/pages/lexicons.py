"""Lexicons: browse and filter the loaded-wording, referent and frame lexicons; upload a custom lexicon for this session."""
import importlib
import importlib.util
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis import frames as frames_module
from analysis import loaded, naming
from analysis.outlets import ATTRIBUTION as REGISTRY_ATTRIBUTION
from ui import corpus_state
from ui.components.tables import md_escape, not_available, show_table

TABLE_MODULES = ("loaded", "lexicon", "framing", "naming", "frames", "outlets", "registry")
OPTIONAL_DATA = ("referents_table", "frames_table")
ATTRIBUTION = Path(loaded.__file__).resolve().parent / "data" / "ATTRIBUTION.md"

st.title("Lexicons")
resources, lexicon_key = corpus_state.session_resources()


def _table_function(name: str):
    """The analysis function `name` (e.g. referents_table), wherever the engine defines it; None until it exists."""
    for module_name in TABLE_MODULES:
        try:
            module = importlib.import_module(f"analysis.{module_name}")
        except ImportError:
            continue
        if callable(getattr(module, name, None)):
            return getattr(module, name)
    return None


def lexicon_frames() -> dict[str, pd.DataFrame | None]:
    """Each lexicon as a table, through the analysis modules' own table functions (None until they exist)."""
    sources = {
        "Loaded wording": ("lexicon_table", resources.lexicon),
        "Referents (naming)": ("referents_table", resources.referents),
        "Frames": ("frames_table", resources.frame_cues),
        "Outlet registry": ("registry_table", resources.registry),
    }
    frames: dict[str, pd.DataFrame | None] = {}
    for name, (function, data) in sources.items():
        make = _table_function(function)
        try:
            # The referent and frame table functions read the shipped files when given None.
            frames[name] = make(data) if make is not None and (data is not None or function in OPTIONAL_DATA) else None
        except Exception:  # a lexicon that cannot be shown must not hide the others
            frames[name] = None
    return frames


def show_filtered(name: str, frame: pd.DataFrame) -> None:
    """A table with a free-text filter and, when it has a category-like column, a category filter."""
    key = name.split()[0].lower()
    query = st.text_input("Filter (any column contains)", key=f"lexicon_filter_{key}")
    shown = frame
    category_column = next((c for c in ("category", "referent", "frame", "dimension", "outlet_type") if c in frame.columns), None)
    if category_column:
        choices = sorted(frame[category_column].dropna().astype(str).unique())
        picked = st.multiselect(f"{category_column.capitalize()}", choices, key=f"lexicon_category_{key}")
        if picked:
            shown = shown[shown[category_column].astype(str).isin(picked)]
    if query:
        mask = shown.astype(str).apply(lambda column: column.str.contains(query, case=False, regex=False)).any(axis=1)
        shown = shown[mask]
    st.caption(f"{len(shown)} of {len(frame)} entries")
    show_table(shown, hide_index=True, width="stretch")


frames = lexicon_frames()
tabs = st.tabs(list(frames))
for tab, (name, frame) in zip(tabs, frames.items()):
    with tab:
        if name == "Outlet registry":
            st.caption("Sources of the labels. " + md_escape(REGISTRY_ATTRIBUTION))
        if frame is None or frame.empty:
            not_available(f"The {name.lower()} table")
        else:
            show_filtered(name, frame)
        if name == "Outlet registry" and ATTRIBUTION.is_file():
            with st.expander("Sources and licences of the registry"):
                st.markdown(ATTRIBUTION.read_text(encoding="utf-8"))

# Each editable lexicon: heading, shipped file (a starting point) and the widget-key prefix.
CUSTOM = {
    "lexicon": ("Use your own loaded-wording lexicon", getattr(importlib.import_module("analysis.lexicon"), "SHIPPED_PATH", None), "lexicon"),
    "referents": ("Use your own referent lexicon (naming table)", naming.REFERENTS_PATH, "referents"),
    "frames": ("Use your own frame cue lexicon", frames_module.FRAMES_PATH, "frames"),
}


def custom_upload(kind: str) -> None:
    """Status, reset, shipped download, upload, validation and apply for one editable lexicon."""
    heading, shipped, prefix = CUSTOM[kind]
    state_key = corpus_state.CUSTOM_KINDS[kind][0]
    st.subheader(heading)
    current = st.session_state.get(state_key)
    if current:
        st.success(f"This session uses the custom file **{md_escape(current[0])}** (resources {lexicon_key}); every page shows results with it.")
        if st.button("Go back to the shipped file", key=f"{prefix}_reset"):
            st.session_state[state_key] = None
            st.rerun()
    else:
        st.caption("The shipped file is in use. Upload a CSV in the same format as the shipped one to analyse this session's corpus with it.")
    if shipped is not None and Path(shipped).is_file():
        # "shipped-": the Export page's tables (frames.csv among them) must not share a file name with these.
        st.download_button("Download the shipped lexicon as a starting point", Path(shipped).read_bytes(), file_name=f"shipped-{Path(shipped).name}",
                           mime="text/csv", key=f"{prefix}_download", on_click="ignore")
    upload = st.file_uploader(f"Custom {kind} file", type=["csv"], key=f"{prefix}_upload")
    if upload is None:
        return
    data = upload.getvalue()
    try:
        entries = corpus_state.validate_custom(kind, upload.name, data)
    except Exception as exc:  # LexiconError carries the line numbers; anything else is still the file's fault
        message = str(exc).strip() or type(exc).__name__
        st.error("This lexicon cannot be used:\n\n" + "\n".join(f"- {md_escape(line)}" for line in message.splitlines()), icon="🚫")
        return
    if st.button(f"Apply {upload.name} to this session", type="primary", key=f"{prefix}_apply"):
        st.session_state[state_key] = (upload.name, data)
        st.rerun()
    st.info(f"The file is valid ({entries} entries). Apply it to re-analyse the corpus with it.")


corpus = corpus_state.current()
if corpus is not None and corpus.from_tables:
    st.warning("This corpus was opened from tables written by the CLI: custom lexicons apply to corpora analysed here, not to these tables.")
for kind in CUSTOM:
    custom_upload(kind)
