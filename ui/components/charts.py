"""Plotly figures drawn from Results tables. Each returns None when its data is not there (yet).

Charts only regroup what the tables hold (counts of spans, columns of documents); they score nothing.
Labels shown in charts are passed through html.escape, because plotly renders a few HTML tags.
"""
from __future__ import annotations

import html

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from analysis import Results

from .highlight import BOILERPLATE_CATEGORIES, BOILERPLATE_PALETTE, category_colors, category_name
from .outlet_card import TYPE_COLORS
from .tables import has_values, prefixed, table

# Columns that start with boilerplate_ but are not a per-category share.
BOILERPLATE_NOT_CATEGORY = {"boilerplate_share", "boilerplate_words", "boilerplate_chars", "boilerplate_blocks"}
VOICE_ORDER = ["authorial", "attributed", "quoted"]
# Above this many documents, the readability scatter becomes a density heatmap (documents per cell).
AGGREGATE_ABOVE = 500
# Rates per 1,000 words of shorter bodies swing on a single hit.
MIN_RATE_WORDS = 100
# The timeline colours this many events by name; the rest share one colour.
TIMELINE_EVENTS = 10
# Up to this many dated documents the timeline draws one marker per document, on its outlet's row.
TIMELINE_POINTS = 40


def _safe(labels: dict[str, str], width: int = 40) -> dict[str, str]:
    """Labels escaped for plotly and cut to `width` characters so axes stay readable."""
    return {k: html.escape(v if len(v) <= width else v[: width - 1] + "…") for k, v in labels.items()}


def _bar_height(rows: int) -> int:
    return max(300, 120 + 38 * rows)


def _count_axis(figure: go.Figure, largest: int) -> None:
    """A y axis of whole counts from zero: one tick per unit for small counts (plotly would put 0.5 steps)."""
    figure.update_yaxes(tickformat="d", rangemode="tozero", dtick=1 if largest <= 10 else None)


def _layout(figure: go.Figure, title: str, height: int = 380) -> go.Figure:
    figure.update_layout(title=title, height=height, margin=dict(l=10, r=10, t=50, b=10), legend_title_text="")
    return figure


def loaded_density(results: Results, labels: dict[str, str]) -> go.Figure | None:
    """Lexicon hits per 1,000 body words per document, one panel per voice, stacked by category.

    The same count as the documents' loaded_* columns: lexicon spans outside boilerplate (model hits have
    their own model_* columns), over body_words. Documents under MIN_RATE_WORDS body words are left out
    (and the title says how many): one hit in a 20-word snippet would set the scale for every article.
    """
    spans, documents = results.spans, results.documents
    if spans.empty or not has_values(documents, "body_words"):
        return None
    body = spans
    if "in_boilerplate" in body.columns:
        body = body[~body["in_boilerplate"].astype(str).str.lower().isin(["true", "1"])]
    if "source" in body.columns:
        body = body[body["source"].astype(str) == "lexicon"]
    words = documents.set_index(documents["doc_id"].astype(str))["body_words"]
    too_short = set(words.index[words.fillna(0) < MIN_RATE_WORDS])
    body = body[~body["doc_id"].astype(str).isin(too_short)]
    if body.empty:
        return None
    body = body.assign(category=body["category"].map(category_name), doc_id=body["doc_id"].astype(str))
    counts = body.groupby(["doc_id", "voice", "category"], dropna=False).size().reset_index(name="hits")
    counts["per_1k_body_words"] = [round(1000 * h / w, 2) if w and w > 0 else 0.0 for h, w in zip(counts["hits"], counts["doc_id"].map(words).fillna(0))]
    counts["document"] = counts["doc_id"].map(_safe(labels)).fillna(counts["doc_id"])
    counts["voice"] = counts["voice"].fillna("(none)").astype(str)
    colors = category_colors(counts["category"])
    order = [v for v in VOICE_ORDER if v in set(counts["voice"])] + sorted(set(counts["voice"]) - set(VOICE_ORDER))
    shown = {d: label for d, label in _safe(labels).items() if d not in too_short}
    figure = px.bar(counts, y="document", x="per_1k_body_words", color="category", facet_col="voice", orientation="h",
                    category_orders={"voice": order, "document": list(shown.values()), "category": sorted(colors)},
                    color_discrete_map=colors, hover_data=["hits"])
    figure.update_yaxes(title_text="")
    figure.update_xaxes(title_text="per 1,000 body words")
    figure.for_each_annotation(lambda a: a.update(text=a.text.split("=")[-1]))
    left_out = len(too_short & set(labels))
    note = f" ({left_out} document{'s' if left_out != 1 else ''} under {MIN_RATE_WORDS} body words left out)" if left_out else ""
    return _layout(figure, f"Lexicon loaded wording per 1,000 body words, by voice and category{note}", _bar_height(len(shown)))


def boilerplate_share(results: Results, labels: dict[str, str]) -> go.Figure | None:
    """Boilerplate share per document, stacked by category (boilerplate_<category> columns) when available."""
    documents = results.documents
    categories = [c for c in prefixed(documents, "boilerplate_") if c not in BOILERPLATE_NOT_CATEGORY
                  and pd.api.types.is_numeric_dtype(documents[c]) and documents[c].fillna(0).gt(0).any()]
    names = documents["doc_id"].astype(str).map(_safe(labels))
    if categories:
        frame = documents[categories].fillna(0).copy()
        frame["document"] = names
        long = frame.melt(id_vars="document", var_name="category", value_name="share")
        long["category"] = long["category"].str.removeprefix("boilerplate_")
        figure = px.bar(long, y="document", x="share", color="category", orientation="h", color_discrete_map=category_colors(long["category"], BOILERPLATE_CATEGORIES, BOILERPLATE_PALETTE),
                        category_orders={"category": [c for c in BOILERPLATE_CATEGORIES if c in set(long["category"])]})
    elif has_values(documents, "boilerplate_share"):
        figure = px.bar(pd.DataFrame({"document": names, "share": documents["boilerplate_share"].fillna(0)}), y="document", x="share", orientation="h")
    else:
        return None
    top = float(documents["boilerplate_share"].fillna(0).max()) if has_values(documents, "boilerplate_share") else 1.0
    figure.update_xaxes(tickformat=".0%", title_text="share of the page", range=[0, min(1.0, max(0.1, top * 1.15))], nticks=6, tickangle=0)
    figure.update_yaxes(title_text="", autorange="reversed")
    # The legend goes under the axis, across, two names a row: beside the bars, a half-page column left
    # no room for fourteen names (the legend scrolled).
    legend_rows = -(-len(categories) // 2) if categories else 0
    _layout(figure, "Boilerplate share, by category", _bar_height(len(names)) + 22 * legend_rows)
    figure.update_layout(legend=dict(orientation="h", yref="container", y=0, yanchor="bottom", xref="container", xanchor="left", x=0,
                                     entrywidth=190, entrywidthmode="pixels"),
                         margin=dict(b=70 + 22 * legend_rows))
    return figure


def readability_vs_loaded(results: Results, labels: dict[str, str]) -> go.Figure | None:
    """Flesch reading ease against authorial loaded wording per 1,000 body words, one dot per document.

    Left out, and counted in the title: documents with a readability_note (not English, or not running
    prose: a Russian page scores above 100 and is not matched against the English lexicon, so its dot would
    sit at an easy, neutral place it did not earn), and bodies under MIN_RATE_WORDS words (too few for a rate).
    Above AGGREGATE_ABOVE documents, a density heatmap (documents per cell) instead: thousands of dots
    neither read nor draw well. None when no document has both values.
    """
    documents = results.documents
    if not (has_values(documents, "flesch_reading_ease") and has_values(documents, "loaded_per_1k_words")):
        return None
    documents = documents.dropna(subset=["flesch_reading_ease", "loaded_per_1k_words"])
    # Read back from a CSV where no document has a note, the column is all NaN (float): notna() keeps it a mask.
    notes = documents["readability_note"] if "readability_note" in documents else pd.Series(None, index=documents.index, dtype=object)
    noted = notes.notna() & (notes.astype(str) != "")
    words = pd.to_numeric(documents["body_words"], errors="coerce").fillna(0) if "body_words" in documents else pd.Series(MIN_RATE_WORDS, index=documents.index)
    short = ~noted & (words < MIN_RATE_WORDS)
    documents = documents[~noted & ~short]
    left_out = [f"{int(noted.sum())} not read as English prose" if noted.any() else "",
                f"{int(short.sum())} under {MIN_RATE_WORDS} body words" if short.any() else ""]
    note = f"; left out: {', '.join(filter(None, left_out))}" if any(left_out) else ""
    if documents.empty:
        return None
    if len(documents) > AGGREGATE_ABOVE:
        frame = documents[["flesch_reading_ease", "loaded_per_1k_words"]]
        figure = px.density_heatmap(frame, x="flesch_reading_ease", y="loaded_per_1k_words", nbinsx=40, nbinsy=30,
                                    color_continuous_scale="Blues")
        figure.update_layout(coloraxis_colorbar_title_text="documents")
        figure.update_xaxes(title_text="Flesch reading ease (higher = easier)")
        figure.update_yaxes(title_text="authorial loaded hits / 1,000 body words")
        return _layout(figure, f"Readability against loaded wording ({len(frame):,} documents; colour: documents per cell{note})")
    frame = documents[["doc_id", "flesch_reading_ease", "loaded_per_1k_words"]].copy()
    frame["document"] = frame["doc_id"].astype(str).map(_safe(labels))
    frame["outlet type"] = documents["outlet_type"].fillna("unknown").astype(str) if "outlet_type" in documents else "unknown"
    figure = px.scatter(frame, x="flesch_reading_ease", y="loaded_per_1k_words", color="outlet type", hover_name="document",
                        color_discrete_map=TYPE_COLORS)
    figure.update_traces(marker=dict(size=12))
    figure.update_xaxes(title_text="Flesch reading ease (higher = easier)")
    figure.update_yaxes(title_text="authorial loaded hits / 1,000 body words")
    return _layout(figure, f"Readability against loaded wording{f' ({note[2:]})' if note else ''}")


def outlet_types(results: Results) -> go.Figure | None:
    """How many documents come from each outlet type."""
    documents = results.documents
    if not has_values(documents, "outlet_type"):
        return None
    counts = documents["outlet_type"].fillna("unknown").replace("", "unknown").astype(str).value_counts().sort_index().reset_index()
    counts.columns = ["outlet type", "documents"]
    figure = px.bar(counts, x="outlet type", y="documents", color="outlet type", color_discrete_map=TYPE_COLORS)
    figure.update_layout(showlegend=False)
    _count_axis(figure, int(counts["documents"].max()))
    return _layout(figure, "Documents by outlet type", 320)


def _main_events(events: pd.Series) -> pd.Series:
    """Events with the TIMELINE_EVENTS largest ones kept by name and the rest as '(other events)'.

    One colour (one plotly trace) per event stays readable, and fast to draw, only for a handful of events.
    """
    counts = events.value_counts()
    if len(counts) <= TIMELINE_EVENTS:
        return events
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    main = {name for name, _ in ranked[:TIMELINE_EVENTS]}
    return events.where(events.isin(main), "(other events)")


# Events the timeline does not name get quiet colours, so the named ones stand out.
UNNAMED_EVENT_COLORS = {"(other events)": "#bbbbbb", "(no event)": "#dddddd"}


def _event_colors(events: pd.Series) -> dict[str, str]:
    """Plotly's default colours for the named events, in order of first appearance, and grey for the rest."""
    named = [e for e in dict.fromkeys(events) if e not in UNNAMED_EVENT_COLORS]
    palette = px.colors.qualitative.Plotly
    colors = {event: palette[i % len(palette)] for i, event in enumerate(named)}
    return colors | {e: c for e, c in UNNAMED_EVENT_COLORS.items() if e in set(events)}


def _timeline_counts(frame: pd.DataFrame, title: str) -> go.Figure:
    """Documents per day (per month over more than a year) as stacked bars by event: a timeline for many documents."""
    published = frame["published"]
    if not pd.api.types.is_datetime64_any_dtype(published):
        published = pd.to_datetime(published, utc=True)
    if getattr(published.dt, "tz", None) is not None:
        published = published.dt.tz_localize(None)
    monthly = (published.max() - published.min()).days > 366
    period = published.dt.to_period("M").dt.start_time if monthly else published.dt.normalize()
    counts = frame.assign(period=period).groupby(["period", "event"]).size().reset_index(name="documents")
    figure = px.bar(counts, x="period", y="documents", color="event", color_discrete_map=_event_colors(counts["event"]))
    figure.update_xaxes(title_text="")
    figure.update_yaxes(title_text=f"documents per {'month' if monthly else 'day'}")
    _count_axis(figure, int(counts.groupby("period")["documents"].sum().max()))
    figure.update_layout(barmode="stack")
    return _layout(figure, title, 320)


def timeline(results: Results, labels: dict[str, str]) -> go.Figure | None:
    """Documents on a time axis by publication date, coloured by event (the largest TIMELINE_EVENTS, then the rest).

    Above TIMELINE_POINTS dated documents, counts per day or month instead of one row per document, which
    would no longer have room for its label. The title says how many documents have no date.
    """
    documents = results.documents
    if not has_values(documents, "published"):
        return None
    frame = pd.DataFrame({
        "published": pd.to_datetime(documents["published"].astype(str), errors="coerce", format="mixed"),
        "event": _main_events(documents["event_id"].fillna("").astype(str).replace("", "(no event)")) if "event_id" in documents else "(no event)",
    }).dropna(subset=["published"])
    if frame.empty:
        return None
    undated = len(documents) - len(frame)
    title = "Timeline by publication date" + (f" ({len(frame):,} of {len(documents):,} documents have a date)" if undated else "")
    if len(frame) > TIMELINE_POINTS:
        return _timeline_counts(frame, title)
    # Few enough to label: each marker on its outlet's row (or the document's, when the outlet is unknown).
    dated = documents.loc[frame.index]
    frame["document"] = dated["doc_id"].astype(str).map(_safe(labels))
    outlets = dated["outlet"].fillna("").astype(str).map(html.escape) if "outlet" in dated else pd.Series("", index=frame.index)
    frame["row"] = outlets.where(outlets != "", frame["document"])
    figure = px.scatter(frame.sort_values("published"), x="published", y="row", color="event", hover_name="document",
                        color_discrete_map=_event_colors(frame["event"]))
    figure.update_traces(marker=dict(size=12, symbol="diamond"), cliponaxis=True)
    figure.update_yaxes(title_text="")
    return _layout(figure, title, max(320, 120 + 26 * frame["row"].nunique()))


def frame_profile(results: Results, doc_ids: list[str], labels: dict[str, str]) -> go.Figure | None:
    """The frame profile of the chosen documents in one grouped bar chart.

    Reads frame_<dimension> columns of `documents`, or else a `frames` table (doc_id, frame/dimension, score/share).
    """
    documents = results.documents
    chosen = documents[documents["doc_id"].astype(str).isin(doc_ids)]
    columns = [c for c in prefixed(chosen, "frame_") if pd.api.types.is_numeric_dtype(chosen[c])]
    if columns:
        frame = chosen[["doc_id"] + columns].melt(id_vars="doc_id", var_name="frame", value_name="score")
        frame["frame"] = frame["frame"].str.removeprefix("frame_")
    else:
        frames = table(results, "frames", "frame_profile")
        if frames is None or frames.empty or "doc_id" not in frames.columns:
            return None
        name_column = next((c for c in ("frame", "dimension", "name") if c in frames.columns), None)
        value_column = next((c for c in ("share", "score", "weight", "hits", "count") if c in frames.columns and pd.api.types.is_numeric_dtype(frames[c])), None)
        if name_column is None or value_column is None:
            return None
        frame = frames[frames["doc_id"].astype(str).isin(doc_ids)][["doc_id", name_column, value_column]]
        frame = frame.groupby(["doc_id", name_column], as_index=False)[value_column].sum().rename(columns={name_column: "frame", value_column: "score"})
    if frame.empty:
        return None
    frame["document"] = frame["doc_id"].astype(str).map(_safe(labels))
    frame["frame"] = frame["frame"].astype(str).str.replace("_", " ")
    figure = px.bar(frame, x="frame", y="score", color="document", barmode="group")
    figure.update_xaxes(title_text="", tickangle=-30)
    return _layout(figure, "Frame profile", 420)
