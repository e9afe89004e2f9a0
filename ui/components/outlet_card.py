"""The outlet card: who published a document, what kind of outlet it is, and the evidence for it.

Built as escaped HTML (every value from the data goes through html.escape).
"""
from __future__ import annotations

import pandas as pd

from analysis.outlets import ATTRIBUTION

from .highlight import escape
from .tables import text

TYPE_COLORS = {
    "state-controlled": "#b2182b",
    "state-captured": "#d6604d",
    "independent public-service": "#2166ac",
    "commercial mainstream": "#4393c3",
    "partisan-advocacy": "#e08214",
    "aggregator-rewrite": "#8073ac",
    "wire-agency": "#1b7837",
    "government-official": "#762a83",
    "unknown": "#999999",
}
CARD_STYLE = """<style>
.sfd-card{font-family:sans-serif;font-size:0.85rem;border:1px solid #ddd;border-radius:6px;padding:8px 10px;background:#fafafa}
.sfd-card .name{font-size:1.05rem;font-weight:700}
.sfd-card .badge{display:inline-block;color:#fff;border-radius:10px;padding:1px 8px;margin:2px 4px 2px 0;font-size:0.75rem}
.sfd-card .code{display:inline-block;border:1px solid #888;border-radius:10px;padding:0 7px;font-size:0.75rem}
.sfd-card .title{font-family:Georgia,serif;font-size:0.95rem;font-weight:600;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;line-height:1.3;max-height:2.6em;min-height:2.6em;margin-bottom:6px}
.sfd-card .label{color:#666;font-size:0.7rem;text-transform:uppercase;margin-top:5px}
.sfd-card .numbers{display:flex;flex-wrap:wrap;gap:2px 12px;margin-top:6px;border-top:1px solid #e5e5e5;padding-top:5px}
.sfd-card .numbers div{flex:1 0 5.5em}
.sfd-card .numbers b{font-size:1.05rem}
</style>"""


SMM_SOURCE = "State Media Monitor via ASD (MIT)"
CRED_SOURCE = "CRED-1 (CC BY 4.0)"
CURATED_SOURCE = "hand-curated registry row"


def label_sources(row: pd.Series) -> list[str]:
    """The registries the row's outlet labels come from (short names; empty when no registry label was used).

    Read from the state-media code, credibility_source and the outlet evidence, which names each label's source.
    """
    evidence = text(row.get("outlet_evidence"))
    sources = []
    if text(row.get("state_media_code")) or "State Media Monitor" in evidence:
        sources.append(SMM_SOURCE)
    if text(row.get("credibility_source")) or "CRED-1" in evidence:
        sources.append(CRED_SOURCE)
    if "curated:" in evidence:
        sources.append(CURATED_SOURCE)
    return sources


def _indicators(row: pd.Series) -> list[tuple[str, str]]:
    """Reliability indicators present on the row: credibility_* and reliability_* columns, by name."""
    found = []
    for column in sorted(row.index):
        if column.startswith(("credibility_", "reliability_")) and text(row.get(column)):
            found.append((column.split("_", 1)[1].replace("_", " "), text(row.get(column))))
    return found


def _number(row: pd.Series, column: str, template: str) -> str:
    value = row.get(column)
    if value is None or isinstance(value, str) or pd.isna(value):
        return "–"
    return template.format(float(value))


def _reading_ease_label(row: pd.Series) -> str:
    """The Reading ease label, marked ⚠ with the readability note as its tooltip when the body is not English."""
    note = text(row.get("readability_note"))
    if not note:
        return '<span class="label">Reading ease</span>'
    return f'<span class="label" title="{escape(note)}" style="cursor:help">Reading ease ⚠</span>'


def outlet_card_html(row: pd.Series, height: int | None = None, title: bool = False) -> str:
    """One document's outlet card from its `documents` row (missing columns show as 'not known yet').

    `height` fixes the card's height (scrolling inside) so cards side by side line up; `title` adds the headline.
    """
    outlet = text(row.get("outlet"), "outlet not identified")
    outlet_type = text(row.get("outlet_type"), "unknown")
    color = TYPE_COLORS.get(outlet_type, "#777777")
    confidence = row.get("outlet_type_confidence")
    confidence_text = f" · confidence {float(confidence):.2f}" if isinstance(confidence, (int, float)) and not pd.isna(confidence) else ""
    code = text(row.get("state_media_code"))
    box = f' style="height:{int(height)}px;overflow-y:auto"' if height else ""
    parts = [CARD_STYLE, f'<div class="sfd-card"{box}>']
    if title:
        headline = text(row.get("title")) or text(row.get("source")).split("/")[-1]
        parts.append(f'<div class="title" title="{escape(headline)}">{escape(headline)}</div>')
    parts += [f'<div class="name">{escape(outlet)}</div>',
             f'<span class="badge" style="background:{color}">{escape(outlet_type)}{escape(confidence_text)}</span>']
    if code:
        parts.append(f'<span class="code" title="State Media Monitor code">SMM: {escape(code)}</span>')
    parts.append('<div class="numbers">'
                 f'<div><span class="label" title="authorial loaded-wording hits per 1,000 body words">Loaded /1k</span><br><b>{_number(row, "loaded_per_1k_words", "{:.1f}")}</b></div>'
                 f'<div><span class="label">Boilerplate</span><br><b>{_number(row, "boilerplate_share", "{:.0%}")}</b></div>'
                 f'<div>{_reading_ease_label(row)}<br><b>{_number(row, "flesch_reading_ease", "{:.1f}")}</b></div></div>')
    evidence = text(row.get("outlet_evidence"), "no evidence recorded yet")
    parts.append(f'<div class="label">Evidence</div><div>{escape(evidence)}</div>')
    indicators = _indicators(row)
    if indicators:
        parts.append('<div class="label">Reliability indicators</div><div>' + "<br>".join(f"{escape(k)}: {escape(v)}" for k, v in indicators) + "</div>")
    else:
        parts.append('<div class="label">Reliability indicators</div><div>none available</div>')
    sources = label_sources(row)
    if sources:
        parts.append(f'<div class="label">Label source</div><div><span title="{escape(ATTRIBUTION)}" style="border-bottom:1px dotted #888;cursor:help">{escape("; ".join(sources))}</span></div>')
    byline = " · ".join(v for v in (text(row.get("author")), text(row.get("published"))) if v)
    if byline:
        parts.append(f'<div class="label">Byline</div><div>{escape(byline)}</div>')
    parts.append(f'<div class="label">Source</div><div style="word-break:break-all">{escape(text(row.get("source")))}</div>')
    parts.append("</div>")
    return "".join(parts)
