"""The outlet card: who published a document, what kind of outlet it is, and the evidence for it.

Built as escaped HTML (every value from the data goes through html.escape).
"""
from __future__ import annotations

import pandas as pd

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
}
CARD_STYLE = """<style>
.sfd-card{font-family:sans-serif;font-size:0.85rem;border:1px solid #ddd;border-radius:6px;padding:8px 10px;background:#fafafa}
.sfd-card .name{font-size:1.05rem;font-weight:700}
.sfd-card .badge{display:inline-block;color:#fff;border-radius:10px;padding:1px 8px;margin:2px 4px 2px 0;font-size:0.75rem}
.sfd-card .code{display:inline-block;border:1px solid #888;border-radius:10px;padding:0 7px;font-size:0.75rem}
.sfd-card dl{margin:6px 0 0 0}
.sfd-card dt{color:#666;font-size:0.72rem;text-transform:uppercase;margin-top:4px}
.sfd-card dd{margin:0 0 0 0}
</style>"""


def _indicators(row: pd.Series) -> list[tuple[str, str]]:
    """Reliability indicators present on the row: credibility_* and reliability_* columns, by name."""
    found = []
    for column in sorted(row.index):
        if column.startswith(("credibility_", "reliability_")) and text(row.get(column)):
            found.append((column.split("_", 1)[1].replace("_", " "), text(row.get(column))))
    return found


def outlet_card_html(row: pd.Series) -> str:
    """One document's outlet card from its `documents` row (missing columns show as 'not known yet')."""
    outlet = text(row.get("outlet"), "outlet not identified")
    outlet_type = text(row.get("outlet_type"), "unknown")
    color = TYPE_COLORS.get(outlet_type, "#777777")
    confidence = row.get("outlet_type_confidence")
    confidence_text = f" · confidence {float(confidence):.2f}" if isinstance(confidence, (int, float)) and not pd.isna(confidence) else ""
    code = text(row.get("state_media_code"))
    parts = [CARD_STYLE, '<div class="sfd-card">', f'<div class="name">{escape(outlet)}</div>',
             f'<span class="badge" style="background:{color}">{escape(outlet_type)}{escape(confidence_text)}</span>']
    if code:
        parts.append(f'<span class="code" title="State Media Monitor code">SMM: {escape(code)}</span>')
    parts.append("<dl>")
    evidence = text(row.get("outlet_evidence"), "no evidence recorded yet")
    parts.append(f"<dt>Evidence</dt><dd>{escape(evidence)}</dd>")
    indicators = _indicators(row)
    if indicators:
        parts.append("<dt>Reliability indicators</dt><dd>" + "<br>".join(f"{escape(k)}: {escape(v)}" for k, v in indicators) + "</dd>")
    else:
        parts.append("<dt>Reliability indicators</dt><dd>none available</dd>")
    byline = " · ".join(v for v in (text(row.get("author")), text(row.get("published"))) if v)
    if byline:
        parts.append(f"<dt>Byline</dt><dd>{escape(byline)}</dd>")
    parts.append(f'<dt>Source</dt><dd>{escape(text(row.get("source")))}</dd>')
    parts.append("</dl></div>")
    return "".join(parts)
