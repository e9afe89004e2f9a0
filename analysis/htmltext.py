"""The visible text of an HTML page, one block per line, for offsets and display."""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas")
BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header"
    " hr li main nav ol p pre section table td th tr ul caption summary details option".split()
)


# An element the page hides itself, by its own inline style or the `hidden` attribute: a reader never sees it.
# Pages print machine copies there: schema.org microdata repeating the whole article with its image URLs
# (`<div style="display:none" itemscope>` ... `<div itemprop="articleBody">`), form fields, closed dialogs.
# Across the 149 pages of the extraction benchmark, such elements hold no text of the article that is not
# printed visibly as well. Styles set by class in a stylesheet are not read (that would need the CSS), nor is
# aria-hidden: pages set it on pull quotes and icons, which a reader does see.
HIDDEN_STYLE_RE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)
NEVER_HIDDEN = frozenset({"html", "body"})  # a page that hides itself until a script shows it is still read


# Some text of the page outside the elements that are never shown (the head is one of them): more than spaces, no-break
# spaces (&nbsp;, which XPath's normalize-space keeps) included, as visible_text prints no line of those. Not only the
# body's: lxml puts a page of bare text ("plain text") in no body.
SHOWN_TEXT_XPATH = (
    "boolean(//text()[normalize-space(translate(., '\u00a0', ' '))][not("
    + " or ".join(f"ancestor::{tag}" for tag in INVISIBLE) + ")])"
)


def visible_text(html: str) -> str:
    """Text a reader would see, with block elements on their own lines and inline runs joined."""
    root = _parse_without_invisible(html)
    if root is None:
        return ""
    if drop_hidden_elements(root) and not has_shown_text(root):
        # Everything hidden (a page that shows its content by script): read it rather than nothing, as main_text does.
        root = _parse_without_invisible(html)
    pieces: list[str] = []
    _walk(root, pieces, in_paragraph=False)
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def has_shown_text(root: etree._Element) -> bool:
    """Whether the page holds some text outside the elements that are never shown (INVISIBLE): after
    drop_hidden_elements, whether the page hid all its text (then it is read whole, by visible_text and by
    boilerplate_html.main_text alike)."""
    return bool(root.xpath(SHOWN_TEXT_XPATH))


def _parse_without_invisible(html: str) -> etree._Element | None:
    """The page's tree without the elements that are never shown (INVISIBLE) and comments; None when unparsable."""
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    for invisible in root.xpath("|".join(f"//{tag}" for tag in INVISIBLE) + "|//comment()"):
        if invisible.getparent() is not None:
            invisible.drop_tree()
    return root


def drop_hidden_elements(root: etree._Element) -> bool:
    """Drop the elements the page hides itself (_hidden_by_page) from the tree; whether there were any."""
    dropped = False
    for element in root.xpath("//*[@hidden or @style]"):
        if element.getparent() is not None and _hidden_by_page(element):
            element.drop_tree()
            dropped = True
    return dropped


def _hidden_by_page(element: etree._Element) -> bool:
    """Whether the element hides itself: the `hidden` attribute or an inline display:none / visibility:hidden."""
    if not isinstance(element.tag, str) or element.tag.lower() in NEVER_HIDDEN:
        return False
    return element.get("hidden") is not None or HIDDEN_STYLE_RE.search(element.get("style") or "") is not None


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
