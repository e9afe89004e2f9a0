"""Small helpers for reading Results tables that may still lack a column or a table."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis import Results
from analysis.export import neutralise_cell, safe_frame


def has_values(frame: pd.DataFrame | None, column: str) -> bool:
    """True when `frame` has `column` with at least one non-empty value."""
    if frame is None or column not in frame.columns or frame.empty:
        return False
    values = frame[column]
    if values.dtype == object or pd.api.types.is_string_dtype(values):
        return bool(values.fillna("").astype(str).str.strip().ne("").any())
    return bool(values.notna().any())


def present(frame: pd.DataFrame, columns: list[str] | tuple[str, ...]) -> list[str]:
    """The columns of `columns` that `frame` has with some value, in the given order."""
    return [c for c in columns if has_values(frame, c)]


def prefixed(frame: pd.DataFrame, prefix: str) -> list[str]:
    """Columns named <prefix><something> that hold values, sorted (e.g. boilerplate_<category>)."""
    return sorted(c for c in frame.columns if c.startswith(prefix) and has_values(frame, c))


def table(results: Results, *names: str) -> pd.DataFrame | None:
    """The first of the named tables that exists in results (extra tables may not exist yet), else None."""
    for name in names:
        if name in results.tables:
            return results.tables[name]
    return None


def for_docs(frame: pd.DataFrame | None, doc_ids: list[str], column: str = "doc_id") -> pd.DataFrame:
    """Rows of `frame` about the given documents, or an empty frame."""
    if frame is None or column not in frame.columns:
        return pd.DataFrame()
    return frame[frame[column].astype(str).isin(doc_ids)]


def text(value: object, empty: str = "") -> str:
    """A cell as display text: NaN/None become `empty`, floats that are whole lose their '.0'."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return empty
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    result = str(value).strip()
    return result if result else empty


def doc_labels(documents: pd.DataFrame) -> dict[str, str]:
    """A short, distinct label per doc_id: outlet (or file name) and the start of the title."""
    if documents.empty:
        return {}
    ids = documents["doc_id"].astype(str)

    def column(name: str) -> pd.Series:
        if name not in documents.columns:
            return pd.Series("", index=documents.index)
        return documents[name].astype(object).where(documents[name].notna(), "").astype(str).str.strip()

    files = column("source").str.split("!").str[-1].str.replace("\\", "/", regex=False).str.split("/").str[-1]
    who = column("outlet").where(column("outlet") != "", files).where(lambda s: s != "", ids)
    title = column("title")
    title = title.where(title.str.len() <= 48, title.str[:47] + "…")
    label = who.where(title == "", who + " · " + title)
    duplicated = label.duplicated(keep="first")
    label = label.where(~duplicated, label + " (" + ids.str[:6] + ")")
    return dict(zip(ids, label))


def event_headlines(documents: pd.DataFrame, width: int = 60) -> dict[str, str]:
    """{event_id: the title of its first document, cut to `width`}: a hint of what each event is about."""
    if documents.empty or "event_id" not in documents.columns or "title" not in documents.columns:
        return {}
    events = documents["event_id"].astype(object).where(documents["event_id"].notna(), "").astype(str)
    titles = documents["title"].astype(object).where(documents["title"].notna(), "").astype(str).str.strip()
    first = pd.DataFrame({"event": events, "title": titles})
    first = first[(first["event"] != "") & (first["title"] != "")].drop_duplicates("event")
    return {e: t if len(t) <= width else t[: width - 1] + "…" for e, t in zip(first["event"], first["title"])}


def short_labels(labels: dict[str, str], width: int = 30) -> dict[str, str]:
    """Labels cut to `width` characters for table headers, kept distinct (a doc_id prefix breaks ties)."""
    short: dict[str, str] = {}
    for doc_id, label in labels.items():
        cut = label if len(label) <= width else label[: width - 1] + "…"
        short[doc_id] = cut if cut not in short.values() else f"{cut} ({doc_id[:6]})"
    return short


MARKDOWN_SPECIALS = "\\`*_{}[]()#+-.!|<>$~:"


def md_escape(value: object) -> str:
    """Text safe to put inside st.markdown: every Markdown (and LaTeX/HTML) special character backslash-escaped."""
    return "".join("\\" + c if c in MARKDOWN_SPECIALS else c for c in str(value))


def shown_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` as a dashboard table shows it: formula-like text neutralised in cells, column names and index
    labels (the table toolbar's own CSV download exports what is shown, not the Export page's safe bytes),
    and missing values of text columns blank, as in an analysed corpus, rather than "None"."""
    safe = safe_frame(frame)
    for column in safe.columns:
        values = safe[column]
        if pd.api.types.is_string_dtype(values) and pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty"):
            safe[column] = values.fillna("")
    safe.columns = [neutralise_cell(name) for name in safe.columns]
    if not isinstance(safe.index, pd.RangeIndex):
        safe.index = safe.index.map(neutralise_cell)
    return safe


def show_table(frame: pd.DataFrame, **options):
    """st.dataframe of shown_frame(frame): every table of the dashboard goes through here."""
    return st.dataframe(shown_frame(frame), **options)


def not_available(what: str) -> None:
    """A quiet note for a section whose data this corpus does not have (yet)."""
    st.caption(f"ℹ️ {what}: not available for this corpus yet.")
