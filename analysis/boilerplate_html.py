"""Main text of an HTML page by trafilatura, mapped onto the lines of the page's visible text."""
from __future__ import annotations

import difflib
import re

from .htmltext import drop_hidden_elements, has_shown_text

TOKEN_RE = re.compile(r"\w+")
SHINGLE = 4
MAX_ALIGN_TOKENS = 60_000  # beyond this, alignment gets slow: fall back to shingles


def main_text(html: str) -> str:
    """trafilatura's main-text extraction of a page ("" when it finds none or fails).

    It reads the page without the elements the page hides (htmltext.drop_hidden_elements), as the visible text is
    read: a hidden schema.org copy of the article would otherwise come back as more main text. The page is parsed
    once, by trafilatura's own loader, so a page that hides nothing is read exactly as trafilatura reads it.
    """
    import trafilatura

    try:
        tree = trafilatura.load_html(html)
        if tree is None:
            return ""
        if drop_hidden_elements(tree) and not has_shown_text(tree):
            tree = trafilatura.load_html(html)  # everything hidden (shown by a script): read it all, as visible_text does
        text = trafilatura.extract(tree, include_comments=False, include_tables=True, deduplicate=False, with_metadata=False)
    except Exception:  # a malformed page must not stop the document: it then has no main text
        return ""
    return text or ""


def covered(text: str, spans: list[tuple[int, int]], reference: str) -> list[float]:
    """Per span, the share of its words that align, in order, with the words of `reference`.

    An in-order alignment (difflib) rather than a bag of shingles, so a teaser repeating a body sentence
    elsewhere on the page is not taken for the body as well.
    """
    ref_tokens = TOKEN_RE.findall(reference)
    tokens: list[str] = []
    owners: list[int] = []
    for index, (start, end) in enumerate(spans):
        for token in TOKEN_RE.findall(text[start:end]):
            tokens.append(token)
            owners.append(index)
    if len(tokens) > MAX_ALIGN_TOKENS or len(ref_tokens) > MAX_ALIGN_TOKENS:
        return _covered_by_shingles(text, spans, ref_tokens)
    hits = [0] * len(spans)
    totals = [0] * len(spans)
    for owner in owners:
        totals[owner] += 1
    matcher = difflib.SequenceMatcher(None, ref_tokens, tokens, autojunk=False)
    for _, start, size in matcher.get_matching_blocks():
        for j in range(start, start + size):
            hits[owners[j]] += 1
    return [hit / total if total else 0.0 for hit, total in zip(hits, totals)]


def _covered_by_shingles(text: str, spans: list[tuple[int, int]], ref_tokens: list[str]) -> list[float]:
    """Fallback for very long pages: the share of each span's 4-word shingles found anywhere in the reference."""
    ref_shingles = {tuple(ref_tokens[i:i + SHINGLE]) for i in range(max(0, len(ref_tokens) - SHINGLE + 1))}
    shares = []
    for start, end in spans:
        tokens = TOKEN_RE.findall(text[start:end])
        grams = [tuple(tokens[i:i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))]
        shares.append(sum(1 for g in grams if g in ref_shingles) / len(grams) if tokens else 0.0)
    return shares
