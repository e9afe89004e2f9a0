"""Boilerplate detection. (Skeleton: every line is body until issue 3 lands.)"""
from __future__ import annotations

from .blocks import BODY, Block, Segmentation
from .context import Contribution, DocContext
from .document import Document
from .tokens import Tokens


def load_model() -> None:
    return None


def segment(document: Document, tokens: Tokens, resources: object) -> Segmentation:
    """Cut a document into blocks, one per line."""
    return Segmentation(document.text, tuple(Block(s, e, BODY) for s, e in tokens.line_spans))


def analyze(context: DocContext) -> Contribution:
    seg = context.segmentation
    return Contribution(
        columns={"boilerplate_share": round(seg.boilerplate_share, 4)},
        rows={"blocks": [
            {"doc_id": context.document.doc_id, "start": b.start, "end": b.end, "kind": b.kind, "category": b.category, "text": seg.text[b.start:b.end]}
            for b in seg.blocks
        ]},
    )
