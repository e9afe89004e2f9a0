"""Lexicons: browse and filter the loaded-wording, referent and frame lexicons; upload a custom lexicon for this session."""
import pandas as pd
import streamlit as st

from analysis import framing, loaded
from ui import corpus_state
from ui.components.tables import not_available

st.title("Lexicons")
resources, lexicon_key = corpus_state.session_resources()


def lexicon_frames() -> dict[str, pd.DataFrame | None]:
    """Each lexicon as a table, through the analysis modules' own table functions (None until they exist)."""
    sources = {
        "Loaded wording": (loaded, "lexicon_table", resources.lexicon),
        "Referents (naming)": (framing, "referents_table", resources.referents),
        "Frames": (framing, "frames_table", resources.frame_cues),
    }
    frames: dict[str, pd.DataFrame | None] = {}
    for name, (module, function, data) in sources.items():
        make = getattr(module, function, None)
        frames[name] = make(data) if make is not None and data is not None else None
    return frames


def show_filtered(name: str, frame: pd.DataFrame) -> None:
    """A table with a free-text filter and, when it has a category-like column, a category filter."""
    key = name.split()[0].lower()
    query = st.text_input("Filter (any column contains)", key=f"lexicon_filter_{key}")
    shown = frame
    category_column = next((c for c in ("category", "referent", "frame", "dimension") if c in frame.columns), None)
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


tabs = st.tabs(list(lexicon_frames()))
for tab, (name, frame) in zip(tabs, lexicon_frames().items()):
    with tab:
        if frame is None or frame.empty:
            not_available(f"The {name.lower()} lexicon")
        else:
            show_filtered(name, frame)

st.subheader("Use your own loaded-wording lexicon")
current = st.session_state.get(corpus_state.LEXICON_KEY)
if current:
    st.success(f"This session uses the custom lexicon **{current[0].replace('*', '')}** (hash {lexicon_key}); every page shows results with it.")
    if st.button("Go back to the shipped lexicon", key="lexicon_reset"):
        st.session_state[corpus_state.LEXICON_KEY] = None
        st.rerun()
else:
    st.caption("The shipped lexicon is in use. Upload a file in the same format as the shipped one (download it from the table above) to analyse this session's corpus with it.")

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
            st.error(f"This lexicon cannot be used:\n\n{message}", icon="🚫")
        else:
            if st.button(f"Apply {upload.name} to this session", type="primary", key="lexicon_apply"):
                st.session_state[corpus_state.LEXICON_KEY] = (upload.name, data)
                st.rerun()
            st.info("The lexicon is valid. Apply it to re-analyse the corpus with it.")
