"""Main text of an HTML page by trafilatura, mapped onto the lines of the page's visible text."""
from __future__ import annotations

import re

TOKEN_RE = re.compile(r"\w+")
SHINGLE = 4


def main_text(html: str) -> str:
    """trafilatura's main-text extraction of a page ("" when it finds none or fails)."""
    import trafilatura

    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=True, deduplicate=False, with_metadata=False)
    except Exception:  # a malformed page must not stop the document: it then has no main text
        return ""
    return text or ""


def covered(text: str, spans: list[tuple[int, int]], reference: str) -> list[float]:
    """Per span, the share of its words' 4-shingles found in `reference` (short spans: whole-phrase match)."""
    ref_tokens = TOKEN_RE.findall(reference)
    ref_shingles = {tuple(ref_tokens[i:i + SHINGLE]) for i in range(max(0, len(ref_tokens) - SHINGLE + 1))}
    ref_lines = {" ".join(TOKEN_RE.findall(line)) for line in reference.split("\n")}
    ref_short = set()
    for n in (2, 3):
        ref_short.update(tuple(ref_tokens[i:i + n]) for i in range(max(0, len(ref_tokens) - n + 1)))
    shares = []
    for start, end in spans:
        tokens = TOKEN_RE.findall(text[start:end])
        if len(tokens) >= SHINGLE:
            grams = [tuple(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)]
            shares.append(sum(1 for g in grams if g in ref_shingles) / len(grams))
        elif tokens and (" ".join(tokens) in ref_lines or (len(tokens) >= 2 and tuple(tokens) in ref_short)):
            shares.append(1.0)
        else:
            shares.append(0.0)
    return shares
