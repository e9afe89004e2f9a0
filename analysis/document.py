"""The Document: one article as loaded, with the metadata found for it."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One article.

    `text` is the decoded text with newlines normalised to "\\n"; every offset in every table points
    into it. For HTML input, `text` is the page's visible text and `html` keeps the page itself.
    `evidence` says, per metadata field, where its value came from (or why it is empty).
    """

    doc_id: str
    source: str
    text: str
    title: str = ""
    author: str = ""
    published: str = ""
    url: str = ""
    outlet_hint: str = ""
    html: str = ""
    evidence: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def evidence_for(self, field_name: str) -> str:
        """The recorded evidence for one metadata field, or ""."""
        return dict(self.evidence).get(field_name, "")


def content_hash(text: str) -> str:
    """A stable 16-hex-digit id for a text: the start of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def normalise_newlines(text: str) -> str:
    """Turn CRLF, CR and the Unicode line/paragraph separators into "\\n"."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
