"""The visible text of an HTML page (analysis/htmltext.py)."""
from __future__ import annotations

import lxml.html

from analysis.htmltext import drop_hidden_elements, has_shown_text, visible_text

# A name in a paragraph with its hover card (the person's latest stories), as news sites print them.
HOVER_CARD = (
    '<p>Rep. <span class="people"><a href="/people/aoc">Alexandria Ocasio-Cortez</a>'
    '<span class="card"><span><img src="aoc.jpg" alt=""><a class="name" href="/people/aoc">Alexandria Ocasio-Cortez</a>'
    '<a href="/1">Sanders doubles down on Bolivia coup, few follow suit</a> '
    '<a href="/2">Overnight Energy: House Dems unveil renewable energy tax plan</a> '
    '<a class="more" href="/people/aoc">MORE</a></span></span></span> (D-N.Y.) linked the incident to the comments.</p>'
)


def test_a_hover_card_after_a_link_in_a_paragraph_is_not_visible_text():
    text = visible_text(f"<html><body>{HOVER_CARD}<p>Omar asked for compassion.</p></body></html>")
    assert text.split("\n") == [
        "Rep. Alexandria Ocasio-Cortez (D-N.Y.) linked the incident to the comments.", "Omar asked for compassion.",
    ]


def test_links_in_running_prose_and_link_lists_outside_paragraphs_stay():
    prose = (
        '<p>The <a href="/a">council</a> and the <a href="/b">mayor</a> met <a href="/c">unions</a> on Tuesday,'
        ' <a href="/d">officials</a><span> said in <a href="/e">a</a> <a href="/f">joint</a> <a href="/g">statement</a></span>.</p>'
    )
    menu = '<div><a href="/">Home</a><span><a href="/n">News</a> <a href="/s">Sport</a> <a href="/w">Weather</a></span></div>'
    text = visible_text(f"<html><body>{prose}{menu}</body></html>")
    assert "The council and the mayor met unions on Tuesday, officials said in a joint statement." in text
    assert "News Sport Weather" in text


# A page's hidden schema.org copy of its article, as news sites print it for search engines.
MICRODATA = (
    '<div style="display:none;" itemscope itemtype="http://schema.org/NewsArticle">'
    '<span itemprop="headline">Council expands bus network</span>'
    '<div itemprop="image" itemscope><span itemprop="url">https://static.example.com/image/bus.jpg</span></div>'
    '<div itemprop="articleBody"><p>Six new routes will serve the eastern districts.</p></div></div>'
)


def test_elements_the_page_hides_are_not_visible_text():
    html = (
        "<html><body><h1>Council expands bus network</h1><p>Six new routes will serve the eastern districts.</p>"
        f'{MICRODATA}<p hidden>Thank you, the article was sent.</p>'
        '<div style="color: red; VISIBILITY: hidden">Close dialog</div><p>The first routes open in spring.</p></body></html>'
    )
    text = visible_text(html)
    assert text.split("\n") == [
        "Council expands bus network", "Six new routes will serve the eastern districts.", "The first routes open in spring.",
    ]


def test_a_page_hidden_whole_until_a_script_shows_it_is_still_read():
    assert visible_text('<html><body style="display:none"><p>Six new routes.</p></body></html>') == "Six new routes."
    assert visible_text('<html><body><div style="display: none"><p>Six new routes.</p></div></body></html>') == "Six new routes."


def test_hidden_elements_are_dropped_from_the_tree_an_extractor_reads():
    root = lxml.html.fromstring(f"<html><body><p>Six new routes.</p>{MICRODATA}</body></html>")
    assert drop_hidden_elements(root) and has_shown_text(root)
    shown = lxml.html.tostring(root, encoding="unicode")
    assert "Six new routes." in shown and "itemprop" not in shown and "static.example.com" not in shown
    plain = lxml.html.fromstring("<html><body><p>Six new routes.</p></body></html>")
    assert not drop_hidden_elements(plain)
    whole = lxml.html.fromstring('<html><body><div style="display:none"><p>Six new routes.</p></div></body></html>')
    assert drop_hidden_elements(whole) and not has_shown_text(whole)


def test_one_test_tells_a_page_that_hid_all_its_text(monkeypatch):
    """visible_text and main_text read a page whole on one condition (has_shown_text after the hidden elements are
    dropped): no-break spaces are no shown text, and a page that hides nothing is parsed once."""
    html = '<html><body><p>&nbsp;</p><div style="display:none"><p>Six new routes.</p></div></body></html>'
    root = lxml.html.fromstring(html)
    assert drop_hidden_elements(root) and not has_shown_text(root)
    assert visible_text(html) == "Six new routes."
    parses = []
    parse = lxml.html.fromstring
    monkeypatch.setattr(lxml.html, "fromstring", lambda text: parses.append(text) or parse(text))
    assert visible_text("<html><body><p> </p></body></html>") == "" and len(parses) == 1
