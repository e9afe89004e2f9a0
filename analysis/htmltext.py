"""The visible text of an HTML page, one block per line, for offsets and display."""
from __future__ import annotations

import lxml.html
from lxml import etree

INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas")
BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header"
    " hr li main nav ol p pre section table td th tr ul caption summary details option".split()
)


def visible_text(html: str) -> str:
    """Text a reader would see, with block elements on their own lines and inline runs joined."""
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for hidden in root.xpath("|".join(f"//{tag}" for tag in INVISIBLE) + "|//comment()"):
        if hidden.getparent() is not None:
            hidden.drop_tree()
    pieces: list[str] = []
    _walk(root, pieces)
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(element: etree._Element, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag.lower() in BLOCK_TAGS
    if block:
        pieces.append("\n")
    if element.text and tag:
        pieces.append(element.text)
    for child in element:
        _walk(child, pieces)
        if child.tail:
            pieces.append(child.tail)
    if block:
        pieces.append("\n")
