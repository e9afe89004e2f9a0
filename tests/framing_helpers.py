"""Small builders shared by the framing, events and actors tests."""
from __future__ import annotations

from analysis.blocks import Block, Segmentation
from analysis.context import DocContext
from analysis.document import Document
from analysis.framing import load_frame_cues, load_referents
from analysis.resources import Resources
from analysis.tokens import tokenize

RESOURCES = Resources(referents=load_referents(), frame_cues=load_frame_cues())


def context_for(text: str, doc_id: str = "d1", boilerplate: tuple[tuple[int, int], ...] = (), published: str = "") -> DocContext:
    """A DocContext whose whole text is body, except the given (start, end) boilerplate ranges."""
    blocks: list[Block] = []
    cursor = 0
    for start, end in sorted(boilerplate):
        if start > cursor:
            blocks.append(Block(cursor, start, "body"))
        blocks.append(Block(start, end, "boilerplate", "test"))
        cursor = end
    if cursor < len(text):
        blocks.append(Block(cursor, len(text), "body"))
    document = Document(doc_id=doc_id, source=f"{doc_id}.txt", text=text, published=published)
    return DocContext(document, tokenize(text), Segmentation(text, tuple(blocks)), RESOURCES)
