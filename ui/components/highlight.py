"""A document's text as safe HTML: loaded spans highlighted by category and voice, boilerplate dimmed and collapsible.

Security: every piece of document text (and every label taken from the data) is HTML-escaped
before any markup is put around it; class names and colours come from fixed tables here, never
from the data. The output is therefore inert whatever the document holds (<script>, onerror=…).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pandas as pd

VOICES = ("authorial", "quoted", "attributed")
# Colour-blind-friendly qualitative palette (Okabe–Ito plus extras); categories map onto it in a fixed order.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00", "#F0E442", "#999999",
           "#8C564B", "#17BECF", "#BCBD22", "#7F7F7F")
# The shipped lexicon's categories (analysis/data/loaded_lexicon.csv) and the boilerplate categories
# (analysis.boilerplate.CATEGORIES), in the order that gives each its colour; tests keep them in step.
LOADED_CATEGORIES = ("conspiratorial framing", "delegitimising label", "dysphemism", "emotive intensifier", "euphemism",
                     "identity appeal", "name-calling")
BOILERPLATE_CATEGORIES = ("subscription", "donation", "newsletter_notification", "comments", "byline_dateline", "photo_credit",
                          "share_social", "navigation", "related_links", "advertising", "legal_cookie", "tags",
                          "credit_attribution", "duplicate")
# Fourteen boilerplate categories need more colours than PALETTE: plotly's Dark24 start, distinct on white.
BOILERPLATE_PALETTE = ("#2E91E5", "#E15F99", "#1CA71C", "#FB0D0D", "#DA16FF", "#222A2A", "#B68100", "#750D86",
                       "#EB663B", "#511CFB", "#00A08B", "#FB00D1", "#FC0080", "#B2828D", "#6C7C32", "#778AAE")

STYLE = """<style>
.sfd-text{white-space:pre-wrap;font-family:Georgia,'Times New Roman',serif;font-size:0.95rem;line-height:1.55;color:#222}
.sfd-text mark{color:inherit;padding:0 1px;border-radius:2px}
.sfd-text mark.v-authorial{font-weight:600}
.sfd-text mark.v-quoted{background:transparent !important;border-bottom:2px dashed;font-style:italic}
.sfd-text mark.v-attributed{background:transparent !important;border-bottom:2px dotted}
.sfd-text mark.v-other{background:transparent !important;border-bottom:2px solid}
.sfd-text details.bp{margin:2px 0;padding:0 4px;border-left:3px solid #ccc;background:#f6f6f6}
.sfd-text details.bp summary{cursor:pointer;color:#777;font-family:sans-serif;font-size:0.75rem;white-space:normal}
.sfd-text .bpt{color:#9a9a9a}
.sfd-legend{font-family:sans-serif;font-size:0.8rem;line-height:1.9}
.sfd-legend span{margin-right:10px;padding:1px 4px;border-radius:2px}
</style>"""


@dataclass(frozen=True)
class Mark:
    """One highlighted span of the text, already clipped and non-overlapping."""

    start: int
    end: int
    category: str
    voice: str
    tooltip: str


UNCATEGORISED = "model hit (no category)"
UNCATEGORISED_COLOR = "#8c8c8c"


def category_name(value: object) -> str:
    """A span's category for display: empty (a learned-model hit has none) becomes UNCATEGORISED."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or not str(value).strip():
        return UNCATEGORISED
    return str(value)


def category_colors(categories: list[str] | pd.Series, known: tuple[str, ...] = LOADED_CATEGORIES,
                    palette: tuple[str, ...] = PALETTE) -> dict[str, str]:
    """A colour per category present: a known category always gets the colour of its place in `known`, so
    it looks the same on every page, chart and corpus; other names (a custom lexicon's) follow, sorted."""
    present = {category_name(c) for c in categories}
    names = list(known) + sorted(present - set(known) - {UNCATEGORISED})
    colors = {name: palette[i % len(palette)] for i, name in enumerate(names) if name in present}
    if UNCATEGORISED in present:
        colors[UNCATEGORISED] = UNCATEGORISED_COLOR
    return colors


def escape(value: object) -> str:
    """HTML-escape anything (quotes too, so it is safe inside attributes)."""
    return html.escape("" if value is None else str(value), quote=True)


def _cell(row: pd.Series, column: str) -> str:
    value = row.get(column, "")
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def marks_from_spans(spans: pd.DataFrame | None, length: int) -> list[Mark]:
    """Spans as non-overlapping Marks inside [0, length): earliest first, overlaps dropped. Of spans starting at
    one place a lexicon entry's wins (its term, narrative and neutral alternative explain it; a model hit gives a
    score), then the longer one."""
    if spans is None or spans.empty or not {"start", "end"} <= set(spans.columns):
        return []
    marks: list[Mark] = []
    rows = []
    for _, row in spans.iterrows():
        try:
            start, end = max(0, int(row["start"])), min(length, int(row["end"]))
        except (TypeError, ValueError):
            continue
        if end > start:
            rows.append((start, _cell(row, "source") == "model", -end, row))
    rows.sort(key=lambda item: item[:3])
    position = 0
    for start, _, negative_end, row in rows:
        if start < position:
            continue
        voice = _cell(row, "voice")
        tooltip_parts = [
            f"term: {_cell(row, 'term') or _cell(row, 'text')}",
            f"category: {category_name(_cell(row, 'category'))}",
            f"voice: {voice or '?'}",
        ]
        for column, name in (("narrative", "narrative"), ("neutral_alternative", "neutral alternative"), ("source", "found by"), ("score", "score")):
            if _cell(row, column):
                tooltip_parts.append(f"{name}: {_cell(row, column)}")
        marks.append(Mark(start, -negative_end, category_name(_cell(row, "category")), voice, "\n".join(tooltip_parts)))
        position = -negative_end
    return marks


def _regions(blocks: pd.DataFrame | None, text: str) -> list[tuple[int, int, str | None]]:
    """[start, end, boilerplate categories or None] covering the whole text; None marks body or gaps.

    Boilerplate blocks separated only by whitespace merge into one region (one collapsible box, not ten).
    """
    length = len(text)
    merged: list[list] = []
    if blocks is not None and not blocks.empty and {"start", "end", "kind"} <= set(blocks.columns):
        ordered = sorted(
            (int(r["start"]), int(r["end"]), _cell(r, "category") or "boilerplate")
            for _, r in blocks.iterrows()
            if str(r["kind"]) == "boilerplate"
        )
        for start, end, category in ordered:
            start, end = max(0, start), min(end, length)
            if end <= start:
                continue
            if merged and start >= merged[-1][1] and not text[merged[-1][1]:start].strip():
                merged[-1][1] = max(merged[-1][1], end)
                if category not in merged[-1][2]:
                    merged[-1][2].append(category)
            elif not merged or start >= merged[-1][1]:
                merged.append([start, end, [category]])
    regions: list[tuple[int, int, str | None]] = []
    position = 0
    for start, end, categories in merged:
        if start > position:
            regions.append((position, start, None))
        regions.append((start, end, ", ".join(categories)))
        position = end
    if position < length:
        regions.append((position, length, None))
    return regions


def _mark_html(text: str, mark: Mark, colors: dict[str, str]) -> str:
    color = colors.get(mark.category, "#999999")
    voice = mark.voice if mark.voice in VOICES else "other"
    if voice == "authorial":
        style = f"background:{color}55;border-bottom:2px solid {color}"
    else:
        style = f"border-color:{color}"
    return f'<mark class="ld v-{voice}" style="{style}" title="{escape(mark.tooltip)}">{escape(text)}</mark>'


def _region_html(text: str, start: int, end: int, marks: list[Mark], colors: dict[str, str]) -> str:
    """Escaped text of [start, end) with the marks that fall in it (a mark crossing the edge is cut)."""
    pieces: list[str] = []
    position = start
    for mark in marks:
        if mark.end <= start or mark.start >= end:
            continue
        mark_start, mark_end = max(mark.start, start), min(mark.end, end)
        if mark_start > position:
            pieces.append(escape(text[position:mark_start]))
        pieces.append(_mark_html(text[mark_start:mark_end], mark, colors))
        position = mark_end
    if position < end:
        pieces.append(escape(text[position:end]))
    return "".join(pieces)


def highlighted_html(
    text: str,
    blocks: pd.DataFrame | None = None,
    spans: pd.DataFrame | None = None,
    colors: dict[str, str] | None = None,
    collapse_boilerplate: bool = True,
) -> str:
    """The whole text as one HTML fragment (with its <style>): escaped, highlighted, boilerplate dimmed.

    blocks/spans are the document's rows of the `blocks` and `spans` tables (offsets into `text`).
    """
    colors = colors if colors is not None else category_colors(spans["category"] if spans is not None and "category" in spans else [])
    marks = marks_from_spans(spans, len(text))
    out: list[str] = [STYLE, '<div class="sfd-text sfd-doc">']
    regions = _regions(blocks, text)
    for index, (start, end, category) in enumerate(regions):
        inner = _region_html(text, start, end, marks, colors)
        if category is None:
            beside_box = any(0 <= i < len(regions) and regions[i][2] is not None for i in (index - 1, index + 1))
            if collapse_boilerplate and beside_box and not text[start:end].strip():
                continue  # blank lines around a collapsed box would only push it away from the text
            out.append(inner)
        elif collapse_boilerplate:
            words = len(text[start:end].split())
            out.append(f'<details class="bp"><summary>boilerplate · {escape(category)} · {words} words (click to show)</summary>'
                       f'<span class="bpt">{inner}</span></details>')
        else:
            out.append(f'<span class="bpt" title="boilerplate: {escape(category)}">{inner}</span>')
    out.append("</div>")
    # A collapsed box is a block of its own: drop the line break on either side so no blank line doubles it.
    return re.sub(r"(</details>)\n", r"\1", re.sub(r"\n(<details)", r"\1", "".join(out)))


def legend_html(colors: dict[str, str]) -> str:
    """A legend: one chip per category, and the three voice styles."""
    chips = [f'<span style="background:{color}55;border-bottom:2px solid {color}">{escape(name)}</span>' for name, color in colors.items()]
    voices = ('<mark class="ld v-authorial" style="background:#bbbbbb55;border-bottom:2px solid #888">authorial</mark> '
              '<mark class="ld v-quoted" style="border-color:#888">quoted</mark> '
              '<mark class="ld v-attributed" style="border-color:#888">attributed</mark> '
              '<span class="bpt">boilerplate (dimmed)</span>')
    categories = "".join(chips) if chips else "<i>no loaded wording found</i>"
    return f'{STYLE}<div class="sfd-legend"><b>Categories:</b> {categories}<br><b>Voice:</b> <span class="sfd-text">{voices}</span></div>'
