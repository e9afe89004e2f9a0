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
    _walk(root, pieces, in_paragraph=False)
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


# A hover card: inside a paragraph, glued to a link, an inline element made only of links (a person's latest
# stories under their name). A reader sees it only on hover; printed, it splits the sentence around that name.
HOVER_CARD_MIN_LINKS = 3


def _walk(element: etree._Element, pieces: list[str], in_paragraph: bool) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag.lower() in BLOCK_TAGS
    if in_paragraph and not block and _is_hover_card(element):
        return
    in_paragraph = in_paragraph or tag.lower() == "p"
    if block:
        pieces.append("\n")
    if element.text and tag:
        pieces.append(element.text)
    for child in element:
        _walk(child, pieces, in_paragraph)
        if child.tail:
            pieces.append(child.tail)
    if block:
        pieces.append("\n")


def _is_hover_card(element: etree._Element) -> bool:
    """An inline element right after a link (not even a space between), holding HOVER_CARD_MIN_LINKS links and no text of its own."""
    previous = element.getprevious()
    # Glued to the link, not even a space between: printed, the card runs into the name ("Ocasio-CortezAlexandria").
    if previous is None or not isinstance(previous.tag, str) or previous.tag.lower() != "a" or previous.tail:
        return False
    if isinstance(element.tag, str) and element.tag.lower() == "a":
        return False
    links = element.xpath(".//a")
    if len(links) < HOVER_CARD_MIN_LINKS:
        return False
    link_chars = sum(len("".join(link.text_content().split())) for link in links)
    return link_chars == len("".join(element.text_content().split()))
