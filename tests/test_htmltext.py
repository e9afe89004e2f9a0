"""The visible text of an HTML page (analysis/htmltext.py)."""
from __future__ import annotations

from analysis.htmltext import visible_text

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
