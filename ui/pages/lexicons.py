"""Lexicons: browse and filter the loaded-wording, referent and frame lexicons; upload a custom lexicon for this session."""
import importlib
import importlib.util
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis import loaded
from ui import corpus_state
from ui.components.tables import md_escape, not_available

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
    st.dataframe(shown, hide_index=True, width="stretch")


frames = lexicon_frames()
tabs = st.tabs(list(frames))
for tab, (name, frame) in zip(tabs, frames.items()):
    with tab:
        if frame is None or frame.empty:
            not_available(f"The {name.lower()} table")
        else:
            show_filtered(name, frame)
        if name == "Outlet registry" and ATTRIBUTION.is_file():
            with st.expander("Sources and licences of the registry"):
                st.markdown(ATTRIBUTION.read_text(encoding="utf-8"))

st.subheader("Use your own loaded-wording lexicon")
current = st.session_state.get(corpus_state.LEXICON_KEY)
if current:
    st.success(f"This session uses the custom lexicon **{md_escape(current[0])}** (hash {lexicon_key}); every page shows results with it.")
    if st.button("Go back to the shipped lexicon", key="lexicon_reset"):
        st.session_state[corpus_state.LEXICON_KEY] = None
        st.rerun()
else:
    st.caption("The shipped lexicon is in use. Upload a CSV in the same format as the shipped one to analyse this session's corpus with it.")
shipped = getattr(importlib.import_module("analysis.lexicon"), "SHIPPED_PATH", None) if importlib.util.find_spec("analysis.lexicon") else None
if shipped is not None and Path(shipped).is_file():
    st.download_button("Download the shipped lexicon as a starting point", Path(shipped).read_bytes(), file_name=Path(shipped).name,
                       mime="text/csv", key="lexicon_download", on_click="ignore")

validate = getattr(loaded, "validate_lexicon_bytes", None)
upload = st.file_uploader("Custom lexicon", type=["csv", "tsv", "json"], key="lexicon_upload")
if upload is not None:
    data = upload.getvalue()
    if validate is None:
        st.warning("Custom lexicons cannot be checked in this version yet, so they are not applied.")
    else:
        try:
            validate(data)
        except Exception as exc:  # LexiconError carries the line numbers; anything else is still the file's fault
            message = str(exc).strip() or type(exc).__name__
            st.error("This lexicon cannot be used:\n\n" + "\n".join(f"- {md_escape(line)}" for line in message.splitlines()), icon="🚫")
        else:
            if st.button(f"Apply {upload.name} to this session", type="primary", key="lexicon_apply"):
                st.session_state[corpus_state.LEXICON_KEY] = (upload.name, data)
                st.rerun()
            st.info("The lexicon is valid. Apply it to re-analyse the corpus with it.")
