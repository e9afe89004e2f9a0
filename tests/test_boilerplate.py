"""Boilerplate detection: seed expectations (issue 3, section 5), general rules, HTML via trafilatura, the contract."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from analysis import boilerplate
from analysis.blocks import BODY, BOILERPLATE
from analysis.boilerplate_features import CUE_MAX_WORDS, FEATURE_NAMES, READER_VOICE_RE, STAGE2_NAMES, find_cue, line_stats
from analysis.boilerplate_train import f1_over_pages, label_lines, line_spans, page_scores
from analysis.context import DocContext
from analysis.corpus import load_bytes
from analysis.quotes import find_quotes, is_quoted
from analysis.resources import Resources
from analysis.tokens import tokenize

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NEWS_MIN_WORDS = 8
READER_WORD_RE = READER_VOICE_RE  # the reader addressed or the outlet speaking: the module's one definition


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources(boilerplate_model=boilerplate.load_model())


def load(name: str, data: bytes):
    items = list(load_bytes(name, name, data))
    assert items and hasattr(items[0], "text"), items
    return items[0]


@pytest.fixture(scope="module")
def seeds(resources):
    """{prefix: (document, segmentation)} for the five bundled seeds."""
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        document = load(path.name, path.read_bytes())
        out[path.name[:3]] = (document, boilerplate.segment(document, tokenize(document.text), resources))
    return out


def blocks_with(seg, needle: str):
    found = [b for b in seg.blocks if needle in seg.text[b.start:b.end]]
    assert found, f"no block contains {needle!r}"
    return found


def assert_boilerplate(seg, needle: str, category: str | None = None) -> None:
    for block in blocks_with(seg, needle):
        assert block.kind == BOILERPLATE, (needle, block)
        assert block.category, block
        assert block.why, block
        if category:
            assert block.category == category, (needle, block)


# --- Seeds: what issue 3 section 5 lists must be boilerplate -------------------------------------------------

def test_seed_001_subscription_bylines_and_caption(seeds):
    _, seg = seeds["001"]
    for needle in ("Subscribe to the New American", "Get exclusive digital access", "Discover a refreshing blend",
                   "From politics and finance", "[Subscribe](#)", "What's Included?", "24 Issues Per Year", "Cancel anytime."):
        assert_boilerplate(seg, needle, "subscription")
    bylines = blocks_with(seg, "Written by [Angeline Tan](#) on October 23, 2023")
    assert len(bylines) == 3
    assert all(b.kind == BOILERPLATE and b.category == "byline_dateline" for b in bylines)
    assert_boilerplate(seg, "AP Images", "photo_credit")


def test_seed_004_notification_donation_comments(seeds):
    _, seg = seeds["004"]
    assert_boilerplate(seg, "Stay up to date with notifications", "newsletter_notification")
    assert_boilerplate(seg, "Notifications can be managed", "newsletter_notification")
    for needle in ("Your support helps us", "From reproductive rights", "Your donation allows us", "paywalls", "Your support makes all"):
        assert_boilerplate(seg, needle, "donation")
    for needle in ("Join our commenting forum", "Join thought-provoking conversations", "Thank you for registering", "Please refresh the page"):
        assert_boilerplate(seg, needle, "comments")


def test_seed_002_photo_credit_fragment_and_tag(seeds):
    _, seg = seeds["002"]
    assert_boilerplate(seg, "© Sean Gallup / Getty Images", "photo_credit")
    fragment = [b for b in seg.blocks if seg.text[b.start:b.end].endswith("will likely extend far beyond")]
    assert len(fragment) == 1 and fragment[0].kind == BOILERPLATE and fragment[0].category == "duplicate"
    complete = blocks_with(seg, "far beyond the meeting room")
    assert all(b.kind == BODY for b in complete)
    last = seg.blocks[-1]
    assert seg.text[last.start:last.end] == "Nato" and last.kind == BOILERPLATE and last.category == "tags"


def test_seed_003_image_source(seeds):
    _, seg = seeds["003"]
    assert_boilerplate(seg, "image source from:hungarianconservative", "photo_credit")


def test_seed_000_trailing_attribution_is_split_off(seeds):
    _, seg = seeds["000"]
    text = seg.text
    last_line_start = text.rindex("\n") + 1
    on_last_line = [b for b in seg.blocks if b.start >= last_line_start]
    assert len(on_last_line) == 2
    body, credit = on_last_line
    assert body.kind == BODY and text[body.start:body.end].startswith("In the same interview")
    assert text[body.end - 1] == "."
    assert credit.kind == BOILERPLATE and credit.category == "credit_attribution"
    assert text[credit.start:credit.end] == "Source attribution: Kill Weltwoche and related interview coverage."


def _news_sentences(document):
    """Sentences that read as reporting: long enough, closed by punctuation, no cue, in a paragraph that does not
    address the reader or speak as "we" outside quotation marks. A general definition, not a list of seed strings."""
    tokens = tokenize(document.text)
    quotes = find_quotes(document.text)
    pitch_lines = [
        (ls, le) for ls, le in tokens.line_spans
        if any(not is_quoted(quotes, ls + m.start(), ls + m.end()) for m in READER_WORD_RE.finditer(document.text[ls:le]))
    ]
    for start, end in tokens.sentence_spans:
        if any(ls <= start < le for ls, le in pitch_lines):
            continue
        sentence = document.text[start:end]
        words = [m for m in re.finditer(r"\w+", sentence)]
        if len(words) < NEWS_MIN_WORDS or not re.search(r"[.!?][\"'”’)]*$", sentence):
            continue
        if find_cue(sentence).strength == "strong":
            continue
        if re.match(r"\W*(get|discover|delve|join|subscribe|sign|support|donate)\b", sentence, re.I):
            continue  # a call to action
        voiced = [m for m in READER_WORD_RE.finditer(sentence) if not is_quoted(quotes, start + m.start(), start + m.end())]
        if voiced:
            continue
        yield start, end, sentence


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_news_sentence_of_a_seed_is_boilerplate(seeds, prefix):
    document, seg = seeds[prefix]
    sentences = list(_news_sentences(document))
    assert len(sentences) >= 8
    lost = [s for start, end, s in sentences if seg.in_boilerplate(start, end)]
    assert not lost, lost


def test_seed_shares_are_plausible(seeds):
    shares = {prefix: seg.boilerplate_share for prefix, (_, seg) in seeds.items()}
    assert shares["003"] < 0.05 and shares["000"] < 0.05
    assert 0.1 < shares["001"] < 0.4
    assert 0.2 < shares["004"] < 0.6
    assert shares["004"] > shares["002"] > shares["003"]


def test_seed_headlines_stay_body(seeds):
    for prefix in ("001", "002", "004"):
        document, seg = seeds[prefix]
        assert document.title
        first = blocks_with(seg, document.title)[0]
        assert first.kind == BODY and "headline" in first.why


# --- General rules on made-up pages ------------------------------------------------------------------------

MORE = [
    "Residents of the eastern districts have waited more than a decade for a direct connection to the centre.",
    "A survey published last year found that most households there own no car and rely on two crowded lines.",
    "The council will review the routes after the first year and may add evening services if demand is high.",
    "Bus drivers' representatives welcomed the decision but warned that the operator is already short of staff.",
]
ARTICLE = [
    "The city council voted on Tuesday to expand the bus network, adding six routes that will serve the eastern districts.",
    "Officials said the plan would cost about 40 million euros over five years and would be paid for by the regional budget.",
    "Opposition members argued that the money should have gone to road repairs, which they described as long overdue.",
    "The first new routes are expected to open in the spring, according to the transport department's timetable.",
]


def segment_text(text: str, resources: Resources):
    document = load("page.txt", text.encode("utf-8"))
    return document, boilerplate.segment(document, tokenize(document.text), resources)


def test_subscribe_to_a_view_in_running_prose_is_body(resources):
    """'subscribe to' in the sense of agreeing is prose; the imperative to the reader is a pitch."""
    page = "\n".join([
        "Congressman defends 2006 meeting", *ARTICLE[:2],
        "He said he didn't subscribe to Farrakhan's anti-Semitic statements and condemned them, adding that the meeting was a mistake.",
        *ARTICLE[2:], "Subscribe to our newsletter",
    ])
    document, seg = segment_text(page, resources)
    kinds = {seg.text[b.start:b.end]: (b.kind, b.category) for b in seg.blocks}
    assert next(k for t, k in kinds.items() if "didn't subscribe to" in t)[0] == BODY
    assert kinds["Subscribe to our newsletter"] == (BOILERPLATE, "subscription")


def test_made_up_page_furniture_is_found_and_named(resources):
    page = "\n".join([
        "Home", "News", "Sport", "Skip to main content",
        "Council expands bus network", "By Anna Keller", "March 3, 2024",
        *ARTICLE[:2], "Advertisement", *ARTICLE[2:],
        "Share on Facebook", "Sign up for our newsletter to get the latest news in your inbox",
        "Read more: Tram line delayed again", "We use cookies to improve your browsing experience. Accept cookies",
        "© 2024 Example Media. All rights reserved.",
    ])
    document, seg = segment_text(page, resources)
    categories = {seg.text[b.start:b.end]: b.category for b in seg.blocks if b.kind == BOILERPLATE}
    assert categories["Skip to main content"] == "navigation"
    assert categories["By Anna Keller"] == "byline_dateline"
    assert categories["March 3, 2024"] == "byline_dateline"
    assert categories["Advertisement"] == "advertising"
    assert categories["Share on Facebook"] == "share_social"
    assert categories["Sign up for our newsletter to get the latest news in your inbox"] == "newsletter_notification"
    assert categories["Read more: Tram line delayed again"] == "related_links"
    assert categories["We use cookies to improve your browsing experience. Accept cookies"] == "legal_cookie"
    assert categories["© 2024 Example Media. All rights reserved."] == "legal_cookie"
    for paragraph in ARTICLE:
        assert all(b.kind == BODY for b in blocks_with(seg, paragraph))
    assert 0.2 < seg.boilerplate_share < 0.7


def test_news_sentences_that_merely_mention_cue_words_stay_body(resources):
    tricky = [
        "By Monday, the troops had withdrawn from the border towns, officials in the capital said.",
        "WeWork declined to comment.",
        "Sources told reporters that the company had cut its advertising budget by half this year.",
        "The charity said donations had fallen by a fifth since the crisis began, forcing it to close two shelters.",
    ]
    document, seg = segment_text("\n".join(ARTICLE[:2] + tricky + ARTICLE[2:]), resources)
    for sentence in tricky:
        assert all(b.kind == BODY for b in blocks_with(seg, sentence)), sentence


def test_repeated_line_is_marked_once(resources):
    page = "\n".join([ARTICLE[0], "Story continues after the break in print edition", ARTICLE[1], ARTICLE[2],
                      "Story continues after the break in print edition", ARTICLE[3]])
    _, seg = segment_text(page, resources)
    repeats = blocks_with(seg, "Story continues after the break")
    assert repeats[1].kind == BOILERPLATE and "repeats line" in repeats[1].why


# --- Widgets inside the article: polls, labels printed several times, lists of other stories ----------------

RESCUE = [
    "Police officers in the northern suburb said on Tuesday that they had arrested a 51-year-old man after a "
    "three-day search involving more than 200 volunteers, dogs and a helicopter.",
    "In a recorded interview with detectives, the man admitted that he had taken the boy from a playground near "
    "his home and driven him to a rented room in a motel outside the city.",
    "It was shortly after midnight when a tip from a motel clerk led officers to the room, where they found the "
    "boy unharmed and asleep, according to a statement from the police department.",
]
RESCUE_AFTER = [
    "Meanwhile, friends, neighbours and volunteers had searched parks and woods across the city, handing out "
    "leaflets with the boy's photograph at train stations and shopping centres.",
    "The video released by the police shows the moment armed officers forced the door of the room, and the man "
    "was taken into custody without a struggle.",
    "A judge ordered on Friday that the man be held without bail until his trial, which is expected to begin in the spring.",
    "The boy's mother thanked the volunteers and the police officers who, she said, never gave up looking for her son.",
]
PAGE_TOP = ["Home", "News", "Sport", "Skip to main content", "Boy found safe after three-day search", "By Anna Keller", "March 3, 2024"]
PAGE_FOOT = ["Share on Facebook", "© 2024 Example Media. All rights reserved."]
POLL_QUESTION = "Should the city put more police officers on patrol at night?"


def widget_page(widget: list[str]) -> str:
    return "\n".join([*PAGE_TOP, *RESCUE, *widget, *RESCUE_AFTER, *PAGE_FOOT])


def assert_report_is_body(seg) -> None:
    for paragraph in RESCUE + RESCUE_AFTER:
        assert all(b.kind == BODY for b in blocks_with(seg, paragraph)), paragraph


def test_sign_up_poll_printed_three_times_is_boilerplate(resources):
    """A poll widget (its question rendered three times, answers, an e-mail form) is furniture, not report."""
    poll = [
        "take our poll - story continues below", POLL_QUESTION, POLL_QUESTION, POLL_QUESTION,
        "* Yes, we need more officers.", "No, keep it as it is.", "Email *",
        "Name This field is for validation purposes and should be left unchanged.",
        "Completing this poll grants you access to Example News updates free of charge.",
        "You may opt out at anytime.", "You also agree to this site's Privacy Policy and Terms of Use.",
    ]
    _, seg = segment_text(widget_page(poll), resources)
    for needle in poll[1:-1]:
        for block in blocks_with(seg, needle):
            assert block.kind == BOILERPLATE and block.category == "comments" and "poll" in block.why, (needle, block)
    assert_report_is_body(seg)


def test_poll_between_its_label_and_its_vote_button_is_boilerplate(resources):
    poll = ["Poll", POLL_QUESTION, "Yes", "No", "Not sure", "Vote", "View results"]
    _, seg = segment_text(widget_page(poll), resources)
    for needle in poll[1:5]:
        assert all(b.kind == BOILERPLATE and b.category == "comments" for b in blocks_with(seg, needle)), needle
    assert_report_is_body(seg)


def test_question_printed_three_times_in_a_row_is_a_widget(resources):
    _, seg = segment_text(widget_page([POLL_QUESTION] * 3), resources)
    copies = blocks_with(seg, POLL_QUESTION)
    assert len(copies) == 3 and all(b.kind == BOILERPLATE for b in copies), copies
    assert "printed 3 times in a row" in copies[0].why and "repeats line" in copies[1].why
    assert_report_is_body(seg)


def test_refrain_repeated_between_paragraphs_stays_body(resources):
    """The author's own repeated answer is not a widget: its copies are apart, each after its own question."""
    refrain = "Absolutely not!"
    page = "\n".join([
        *PAGE_TOP, RESCUE[0], "Did the search stop at night?", refrain, RESCUE[1], "Did the volunteers give up?",
        refrain, RESCUE[2], "Was the boy ever left alone?", refrain, *RESCUE_AFTER, *PAGE_FOOT,
    ])
    _, seg = segment_text(page, resources)
    assert len(blocks_with(seg, refrain)) == 3
    assert all(b.kind == BODY for b in blocks_with(seg, refrain))
    assert_report_is_body(seg)


TEASERS = [
    'Police release video of dramatic rescue of missing boy: "We found him!"',
    "Woman charged after 12 stolen bikes found in garage: Police",
    "Officials urge airline to replace faulty part on older jets",
]


def test_headlines_under_a_trending_heading_inside_the_article_are_related_links(resources):
    """The model keeps teasers between paragraphs (they look like subheadings); the heading above says what they are."""
    _, seg = segment_text(widget_page(["Trending News", *TEASERS]), resources)
    for teaser in TEASERS:
        for block in blocks_with(seg, teaser):
            assert block.kind == BOILERPLATE and block.category == "related_links", (teaser, block)
    assert_report_is_body(seg)


def test_list_ends_where_the_report_resumes_and_its_subheadings_stay_body(resources):
    subheading = "Questions for the motel"
    page = "\n".join([*PAGE_TOP, *RESCUE, "Trending News", *TEASERS[:2], RESCUE_AFTER[0], subheading, *RESCUE_AFTER[1:], *PAGE_FOOT])
    _, seg = segment_text(page, resources)
    assert all(b.kind == BOILERPLATE for teaser in TEASERS[:2] for b in blocks_with(seg, teaser))
    assert all(b.kind == BODY for b in blocks_with(seg, subheading)), seg.blocks
    assert_report_is_body(seg)


# --- Short texts: a pasted article is not a page, position in the page says nothing ------------------------

ONE_LINER = "Fire destroys a warehouse in Leipzig, no one injured, police say."
THREE_PARAGRAPHS = [
    "The city council voted on Tuesday to expand the bus network.",
    "Officials said the plan would cost about 40 million euros over five years and would be paid for by the regional budget.",
    "The first new routes are expected to open in the spring.",
]


def test_one_line_article_is_body(resources):
    _, seg = segment_text(ONE_LINER, resources)
    assert [b.kind for b in seg.blocks] == [BODY]
    assert "no article" in seg.blocks[0].why
    assert seg.boilerplate_share == 0.0


def test_one_line_lead_dense_with_names_is_body(resources):
    # Titles and names leave few stopwords; a short text is still an article, not a list of links.
    lead = ("Hungarian Prime Minister Viktor Orbán met Russian President Vladimir Putin in Beijing on Tuesday, "
            "drawing criticism from NATO allies.")
    _, seg = segment_text(lead, resources)
    assert [b.kind for b in seg.blocks] == [BODY]
    _, seg = segment_text(lead + "\n\nRead more: Orbán and Putin in Beijing", resources)
    assert all(b.kind == BODY for b in blocks_with(seg, lead))
    assert all(b.kind == BOILERPLATE for b in blocks_with(seg, "Read more"))


def test_short_wire_story_keeps_dateline_lead_and_short_sentences(resources):
    text = ("Orbán meets Putin in Beijing\n\nBy Jane Smith, Reuters\n\nBUDAPEST (Reuters) - Hungarian Prime Minister "
            "Viktor Orbán met Vladimir Putin on Tuesday.\n\nNATO said it was concerned.\n\nShare this article")
    _, seg = segment_text(text, resources)
    for sentence in ("BUDAPEST (Reuters) - Hungarian", "NATO said it was concerned."):
        assert all(b.kind == BODY for b in blocks_with(seg, sentence)), sentence
    assert_boilerplate(seg, "By Jane Smith, Reuters", "byline_dateline")
    assert_boilerplate(seg, "Share this article", "share_social")


@pytest.mark.parametrize("cue_line", [None, "Share this article"])
def test_three_paragraph_article_keeps_lead_and_last_line(resources, cue_line):
    lines = THREE_PARAGRAPHS + ([cue_line] if cue_line else [])
    _, seg = segment_text("\n\n".join(lines), resources)
    for paragraph in THREE_PARAGRAPHS:
        assert all(b.kind == BODY for b in blocks_with(seg, paragraph)), paragraph
    if cue_line:
        assert_boilerplate(seg, cue_line, "share_social")
    else:
        assert seg.boilerplate_share == 0.0


def test_short_text_of_furniture_only_stays_boilerplate(resources):
    furniture = [
        "Home", "News", "Sport", "Share this article", "Subscribe now for unlimited access.",
        "We use cookies to improve your browsing experience.", "© 2024 Example Media. All rights reserved.",
    ]
    _, seg = segment_text("\n".join(furniture), resources)
    assert all(b.kind == BOILERPLATE and b.category for b in seg.blocks), seg.blocks
    assert seg.boilerplate_share == 1.0


def test_blocks_cover_every_line_in_order_without_overlap(seeds):
    for document, seg in seeds.values():
        covered = sum(b.end - b.start for b in seg.blocks)
        line_chars = sum(e - s for s, e in tokenize(document.text).line_spans)
        assert covered <= line_chars and covered >= line_chars - 2 * len(seg.blocks)
        for a, b in zip(seg.blocks, seg.blocks[1:]):
            assert a.end <= b.start
        for block in seg.blocks:
            assert block.kind in (BODY, BOILERPLATE)
            assert (block.kind == BOILERPLATE) == bool(block.category)
            assert block.category == "" or block.category in boilerplate.CATEGORIES


def test_segmentation_is_deterministic(seeds, resources):
    document, seg = seeds["004"]
    again = boilerplate.segment(document, tokenize(document.text), resources)
    assert again.blocks == seg.blocks


def test_empty_document(resources):
    from analysis.document import Document

    empty = Document("x", "x.txt", "")
    seg = boilerplate.segment(empty, tokenize(""), resources)
    assert seg.blocks == () and seg.boilerplate_share == 0.0


# --- HTML ------------------------------------------------------------------------------------------------

HTML_PAGE = """<!doctype html><html><head><title>Council expands bus network</title></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>Council expands bus network</h1>
{paragraphs}
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Tram line delayed again as contractor walks out</a></li>
<li><a href="/b">Mayor opens new library in the old town hall</a></li></ul></aside></main>
<footer><p>We use cookies to improve your browsing experience.</p><p>© 2024 Example Media. All rights reserved.</p></footer>
</body></html>"""


def test_html_uses_trafilatura_main_text(resources):
    html = HTML_PAGE.format(paragraphs="\n".join(f"<p>{p}</p>" for p in ARTICLE + MORE))
    document = load("page.html", html.encode("utf-8"))
    assert document.html
    seg = boilerplate.segment(document, tokenize(document.text), resources)
    for paragraph in ARTICLE:
        assert all(b.kind == BODY for b in blocks_with(seg, paragraph))
    for furniture in ("Tram line delayed again", "We use cookies", "All rights reserved"):
        assert all(b.kind == BOILERPLATE for b in blocks_with(seg, furniture))
    assert blocks_with(seg, "We use cookies")[0].category == "legal_cookie"
    assert 0.05 < seg.boilerplate_share < 0.6
    context = DocContext(document, tokenize(document.text), seg, resources)
    assert boilerplate.analyze(context).columns["boilerplate_method"] == "trafilatura"


def segment_page_with_main_text(monkeypatch, resources, visible: list[str], main: list[str]):
    """A page whose visible lines are `visible` (the first is the headline), with trafilatura said to find `main`."""
    import html as html_module

    page = "<html><head><title>{0}</title></head><body><h1>{0}</h1>{1}</body></html>".format(
        html_module.escape(visible[0]), "".join(f"<p>{html_module.escape(line)}</p>" for line in visible[1:]),
    )
    monkeypatch.setattr(boilerplate, "main_text", lambda _html: "\n".join(main))
    document = load("page.html", page.encode("utf-8"))
    return document, boilerplate.segment(document, tokenize(document.text), resources)


HEADLINE = "Council expands bus network to the eastern districts"
LEAD = ("Six new bus routes will serve the eastern districts of the city after the council approved the expansion of the"
        " network on Tuesday, despite objections from the opposition.")


def test_html_lead_left_out_by_trafilatura_is_body(monkeypatch, resources):
    """Running prose on the report's subject just before trafilatura's first paragraph is the lead, not furniture."""
    visible = [HEADLINE, "20 Nov, 2019 05:47", "Get short URL", LEAD, *ARTICLE]
    _, seg = segment_page_with_main_text(monkeypatch, resources, visible, [HEADLINE, *ARTICLE])
    lead = blocks_with(seg, "Six new bus routes")
    assert [b.kind for b in lead] == [BODY], lead
    assert "running prose before the main text" in lead[0].why


def test_html_prose_on_another_subject_before_the_main_text_stays_boilerplate(monkeypatch, resources):
    other = "Scientists say a galaxy hurtling towards the Milky Way could collide with it in about four billion years from now."
    visible = [HEADLINE, "Get short URL", other, *ARTICLE]
    _, seg = segment_page_with_main_text(monkeypatch, resources, visible, [HEADLINE, *ARTICLE])
    assert [b.kind for b in blocks_with(seg, "galaxy hurtling")] == [BOILERPLATE]


def test_html_highlight_copying_a_report_sentence_is_not_kept_as_lead(monkeypatch, resources):
    """A highlights box above the text repeats a sentence of the report: the report's own copy is the body."""
    visible = [HEADLINE, "Highlights", ARTICLE[2], *ARTICLE]
    _, seg = segment_page_with_main_text(monkeypatch, resources, visible, [HEADLINE, *ARTICLE])
    copies = blocks_with(seg, ARTICLE[2])
    assert [b.kind for b in copies] == [BOILERPLATE, BODY], copies


def test_html_caption_beside_a_photo_credit_is_not_kept_as_lead(monkeypatch, resources):
    caption = "The mayor, centre, and council members ride one of the new buses through the eastern districts on Tuesday."
    visible = [HEADLINE, "Get short URL", caption, "Photograph: John Smith/Getty Images", *ARTICLE]
    _, seg = segment_page_with_main_text(monkeypatch, resources, visible, [HEADLINE, *ARTICLE])
    assert [b.kind for b in blocks_with(seg, "ride one of the new buses")] == [BOILERPLATE]


def test_headlines_ending_in_a_capitals_tag_are_related_links(monkeypatch, resources):
    """Tabloid 'Don't miss' teasers end in a bracketed tag: links to other stories, though trafilatura keeps them."""
    teasers = [
        "China furious at Macron for Hong Kong protest jibe [INSIGHT]|",
        "Lakers vs Nets: NBA make final decision on game amid China turmoil [VIDEO]",
        "BLACK DEATH PLAGUE fears: Holidaymakers die after eating marmot [INSIGHT]",
    ]
    prose = "The agency said the report was wrong [UPDATED]."
    visible = [HEADLINE, *ARTICLE[:2], "DON'T MISS", *teasers, prose, *ARTICLE[2:]]
    _, seg = segment_page_with_main_text(monkeypatch, resources, visible, visible)
    for teaser in teasers:
        assert_boilerplate(seg, teaser.rstrip("|"), "related_links")
    assert all(b.kind == BODY for b in blocks_with(seg, "the report was wrong"))


def test_one_headline_under_an_also_on_heading_is_a_related_link(monkeypatch, resources):
    """A single headline-length line under "Also on rt.com" is a link; the report resumes after it."""
    teaser = "Journalists & politicians from Morales' party threatened with sedition arrests as Bolivia purges socialist elements"
    visible = [HEADLINE, *ARTICLE[:2], "Also on rt.com", teaser, *ARTICLE[2:]]
    _, seg = segment_page_with_main_text(monkeypatch, resources, visible, visible)
    assert_boilerplate(seg, "Journalists & politicians", "related_links")
    assert all(b.kind == BODY for b in blocks_with(seg, ARTICLE[2]))


def test_headline_labelled_related_between_paragraphs_is_a_related_link(monkeypatch, resources):
    """A teaser with no list heading above it, which trafilatura keeps: "Related: ..." opens the line itself."""
    teaser = "Related: Tram line delayed again as contractor walks out"
    visible = [HEADLINE, *ARTICLE[:2], teaser, *ARTICLE[2:]]
    _, seg = segment_page_with_main_text(monkeypatch, resources, visible, visible)
    assert_boilerplate(seg, teaser, "related_links")
    for paragraph in ARTICLE:
        assert all(b.kind == BODY for b in blocks_with(seg, paragraph)), paragraph


def test_teaser_card_printed_twice_between_paragraphs_is_a_related_link(resources):
    """An LA Times-style card (kicker, headline) printed twice in a plain dump (image link, title link)."""
    teaser = "Tribune Publishing renames itself Tronc as its dispute with Gannett continues"
    page = "\n".join([*PAGE_TOP, *RESCUE, "Business", teaser, "Business", teaser, *RESCUE_AFTER, *PAGE_FOOT])
    _, seg = segment_text(page, resources)
    assert_boilerplate(seg, teaser, "related_links")
    assert all(b.kind == BOILERPLATE for b in seg.blocks if seg.text[b.start:b.end] == "Business")
    assert_report_is_body(seg)


def test_subheading_above_a_paragraph_is_not_a_teaser_card(resources):
    """A short label over a headline-length line is a card only when the pair is printed again."""
    subheading = "Questions for the motel"
    question = "Why did nobody at the motel notice a boy being carried into a rented room at night"
    page = "\n".join([*PAGE_TOP, *RESCUE, subheading, question, *RESCUE_AFTER, *PAGE_FOOT])
    _, seg = segment_text(page, resources)
    assert all(b.kind == BODY for b in blocks_with(seg, question)), seg.blocks
    assert_report_is_body(seg)


def segment_html_with_main_text(monkeypatch, resources, headline: str, body_html: list[str], main: list[str]):
    """A page of raw HTML paragraphs (`body_html`) under `headline`, with trafilatura said to find `main`."""
    page = f"<html><head><title>{headline}</title></head><body><h1>{headline}</h1>{''.join(body_html)}</body></html>"
    monkeypatch.setattr(boilerplate, "main_text", lambda _html: "\n".join(main))
    document = load("page.html", page.encode("utf-8"))
    return document, boilerplate.segment(document, tokenize(document.text), resources)


def test_html_capitals_headline_that_is_a_whole_link_is_a_related_link(monkeypatch, resources):
    """Fox News sets links to other stories in capitals between the paragraphs; a subheading in capitals is no link."""
    teaser = "SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'"
    app = "CLICK HERE TO GET THE FOX NEWS APP"
    subheading = "THE OPPORTUNITIES AND RISKS OF THE NEW BUS ROUTES"
    paragraphs = [f"<p>{p}</p>" for p in ARTICLE + MORE]
    escaped = teaser.replace("'", "&apos;")  # as the page writes it
    body_html = [
        *paragraphs[:2],
        f'<p><strong><a href="https://www.example.com/entertainment/sean-spicer">{escaped}</a></strong></p>',
        paragraphs[2], f"<p><strong>{subheading}</strong></p>", paragraphs[3],
        f'<p><strong><a href="https://www.example.com/apps">{app}</a></strong></p>', *paragraphs[4:],
    ]
    main = [HEADLINE, *ARTICLE[:2], teaser, ARTICLE[2], subheading, ARTICLE[3], app, *MORE]
    _, seg = segment_html_with_main_text(monkeypatch, resources, HEADLINE, body_html, main)
    assert_boilerplate(seg, teaser, "related_links")
    assert_boilerplate(seg, app, "advertising")
    assert [b.kind for b in blocks_with(seg, subheading)] == [BODY]
    for paragraph in ARTICLE + MORE:
        assert all(b.kind == BODY for b in blocks_with(seg, paragraph)), paragraph


CONTINUED = [
    "The transport department said the new routes would be served by electric buses bought with the expansion budget.",
    "Drivers' unions welcomed the expansion of the network but warned that the council had yet to hire enough drivers.",
    "Residents of the eastern districts, who have waited years for a direct bus to the centre, said it was overdue.",
]


def test_html_paragraphs_after_an_ad_where_trafilatura_stops_are_body(monkeypatch, resources):
    """trafilatura may end its main text at an ad slot inside the article: the report's paragraphs after it stay body
    (a WIRED piece citing NBC News and Bloomberg after its ad lost those paragraphs, and their citations)."""
    visible = [HEADLINE, *ARTICLE[:3], "Advertisement", *CONTINUED, "Subscribe", *ARTICLE[3:], "More Great Stories",
               "Tram line delayed again as contractor walks out", "Jane Doe is a staff writer covering transport and the city."]
    _, seg = segment_page_with_main_text(monkeypatch, resources, visible, [HEADLINE, *ARTICLE[:3]])
    for paragraph in CONTINUED + ARTICLE[3:]:
        kept = blocks_with(seg, paragraph)
        assert [b.kind for b in kept] == [BODY], (paragraph, kept)
    assert "after the main text" in blocks_with(seg, CONTINUED[0])[0].why
    for furniture in ("Advertisement", "Tram line delayed", "Jane Doe is a staff writer"):
        assert all(b.kind == BOILERPLATE for b in blocks_with(seg, furniture)), furniture


def test_html_prose_on_another_subject_after_the_main_text_stays_boilerplate(monkeypatch, resources):
    other = "Scientists say a galaxy hurtling towards the Milky Way could collide with it in about four billion years from now."
    visible = [HEADLINE, *ARTICLE, "Advertisement", other]
    _, seg = segment_page_with_main_text(monkeypatch, resources, visible, [HEADLINE, *ARTICLE])
    assert [b.kind for b in blocks_with(seg, "galaxy hurtling")] == [BOILERPLATE]


def test_html_email_dialog_after_the_main_text_is_not_kept(monkeypatch, resources):
    """An e-mail-this-article dialog repeats the lead after a "Close" button: not a slot inside the article's flow."""
    preview = "Six new bus routes will serve the eastern districts of the city after the council approved the plan."
    visible = [HEADLINE, *ARTICLE, "Close", preview, "From", "To", "Message"]
    _, seg = segment_page_with_main_text(monkeypatch, resources, visible, [HEADLINE, *ARTICLE])
    assert [b.kind for b in blocks_with(seg, preview)] == [BOILERPLATE]


def test_poll_question_printed_twice_is_no_teaser_card(resources):
    _, seg = segment_text(widget_page(["Take our poll", POLL_QUESTION, POLL_QUESTION, "Yes", "No", "Vote"]), resources)
    assert all("teaser card" not in b.why for b in blocks_with(seg, POLL_QUESTION)), seg.blocks


def test_share_with_a_friend_is_a_share_call_to_action(monkeypatch, resources):
    assert find_cue("Like this story? Share it with a friend!").category == "share_social"
    visible = [HEADLINE, *ARTICLE, "Like this story? Share it with a friend!"]
    _, seg = segment_page_with_main_text(monkeypatch, resources, visible, visible)
    assert_boilerplate(seg, "Share it with a friend", "share_social")
    assert find_cue("She urged people to share it with their friends and neighbours.").strength != "strong"


def test_trafilatura_imports_with_its_html_cleaner():
    import lxml_html_clean  # noqa: F401  (jusText, pulled in by trafilatura, needs it with lxml 6)
    import trafilatura

    assert trafilatura.extract("<html><body><article><p>" + " ".join(ARTICLE) + "</p></article></body></html>")


# --- The contract: documents columns and blocks rows ---------------------------------------------------------

def test_analyze_columns_and_block_rows(seeds, resources):
    document, seg = seeds["001"]
    contribution = boilerplate.analyze(DocContext(document, tokenize(document.text), seg, resources))
    columns = contribution.columns
    assert columns["boilerplate_share"] == round(seg.boilerplate_share, 4)
    for category in boilerplate.CATEGORIES:
        assert f"boilerplate_{category}" in columns
    assert columns["boilerplate_subscription"] > 0.05
    assert abs(sum(columns[f"boilerplate_{c}"] for c in boilerplate.CATEGORIES) - columns["boilerplate_share"]) < 0.002
    rows = contribution.rows["blocks"]
    assert len(rows) == len(seg.blocks)
    for row in rows:
        assert set(row) >= {"doc_id", "start", "end", "kind", "category", "text", "why"}
        assert row["text"] == document.text[row["start"]:row["end"]]
        assert row["doc_id"] == document.doc_id


def test_model_is_plain_data_matching_the_features():
    model = boilerplate.load_model()
    json.dumps(model)
    assert model["features"] == list(FEATURE_NAMES)
    assert len(model["stage1"]["coef"]) == len(FEATURE_NAMES)
    assert len(model["stage2"]["coef"]) == len(STAGE2_NAMES)


# --- The benchmark's metric and labelling ------------------------------------------------------------------

def test_shingle_metric():
    body = "one two three four five six seven"
    assert page_scores(body, body) == (1.0, 0.0, 0.0)
    tp, fp, fn = page_scores(body, body + " eight nine ten eleven")
    assert tp > 0 and fp > 0 and fn == 0
    assert f1_over_pages([(body, body)])["f1"] == 1.0
    assert f1_over_pages([(body, "nothing alike at all here")])["f1"] == 0.0


def test_line_labels_follow_the_marked_body():
    text = "Menu\nHome\n" + "\n".join(ARTICLE) + "\nShare this"
    labels = [label for label, _ in label_lines(text, line_spans(text), "\n\n".join(ARTICLE))]
    assert labels == [0, 0, 1, 1, 1, 1, 0]


def test_cut_off_fragment_and_readers_comments(resources):
    page = "\n".join([
        ARTICLE[0], ARTICLE[1], "Opposition members argued that the money should have gone",
        ARTICLE[2], ARTICLE[3], *MORE,
        "Join the conversation",
        "Maria on March 3, 2024 at 9:12 am said:",
        "I have waited for this bus for years and I am glad the council finally listened to the residents here.",
        "Reply",
    ])
    _, seg = segment_text(page, resources)
    fragment = blocks_with(seg, "should have gone")[0]
    assert fragment.kind == BOILERPLATE and fragment.category == "duplicate" and "fragment" in fragment.why
    for needle in ("Maria on March 3", "I have waited for this bus", "Reply"):
        assert all(b.kind == BOILERPLATE and b.category == "comments" for b in blocks_with(seg, needle)), needle
    for paragraph in ARTICLE + MORE:
        assert all(b.kind == BODY for b in blocks_with(seg, paragraph))


def _find_cue_without_prefilter(text: str):
    """find_cue as plain regex scans, the reference the literal prefilter must agree with."""
    from analysis.boilerplate_features import NO_CUE, Cue, clean_for_cues, load_cues

    cleaned = clean_for_cues(text)
    weak = NO_CUE
    for category, strong, weak_pattern in load_cues():
        match = strong.search(cleaned) if strong else None
        if match:
            return Cue(category, "strong", match.group(0)[:60])
        if weak is NO_CUE and weak_pattern:
            match = weak_pattern.search(cleaned)
            if match:
                weak = Cue(category, "weak", match.group(0)[:60])
    return weak


def test_cue_prefilter_agrees_with_plain_regexes():
    lines = [
        "Subscribe now", "ſubscribe now", "SUBSCRİBE", "Sign İn", "ſhare this", "İmage: Reuters", "© 2024 Example Ltd",
        "Photo by Jane Doe/Getty Images", "12/05/2023", "He said the talks “went well” on Tuesday.", "Share on Facebook",
        "Read more: the war in Ukraine", "Cookies policy", "The minister, 54, declined to comment.", "",
        # Cues of several categories on one line: the first in priority order must win, whichever literal comes first.
        "Read more: Subscribe to our newsletter", "Photo: Reuters | Share this story | Sign up for our newsletter",
        "Share on Facebook - Comments (12) - Advertisement", "Tags: politics, support our journalism, donate",
        # Accented letters (re.I equates them with their own capitals only): the prefilter runs on these lines.
        "Photo: José Müller/Reuters", "Viganò said: “Subscribe”", "Ślęża Share on Facebook", "Orbán’s newsletter: sign up",
        "Read more: Malmö 12 KM", "Kelvin sign: sign up (ok)", "Σubscribe ΣHARE", "Ｓubscribe now", "(ÀP)", "Äd:",
    ]
    for path in sorted(SEEDS.glob("*.txt")):
        lines += path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        expected = _find_cue_without_prefilter(line)
        assert find_cue(line) == expected, line
        # line_stats finds the cue from its words' cached literals: the same cue on every line short enough to carry one.
        stats = line_stats(line)
        if stats.words <= CUE_MAX_WORDS:
            assert stats.cue == expected, line


def test_odd_folds_are_every_character_that_re_and_lower_fold_apart():
    # The prefilter looks for a cue's literals in the lower-cased line: it may skip a line only if every character
    # that re.I equates with a literal's character lower-cases to it. Try every character against each of them.
    import re

    from analysis.boilerplate_features import ODD_FOLDS, load_prefilters

    everything = "".join(map(chr, range(0x80, 0x110000)))
    targets = set(map(chr, range(128))) | {ch for literal in load_prefilters().cues_of for ch in literal}
    odd = set()
    for target in targets:
        for ch in re.findall(re.escape(target), everything, re.I):
            if ch != target and ch.lower() != target.lower():
                odd.add(ch)
    assert odd == set(ODD_FOLDS)


# --- Repetition across documents of one outlet ---------------------------------------------------------------

THIRD = [
    "Firefighters were called to the warehouse shortly after midnight and brought the blaze under control by dawn.",
    "Police said nobody was injured, but the building and most of the stock stored inside it were destroyed.",
    "Investigators have not yet said what caused the fire, which sent smoke over the harbour for several hours.",
    "The owner said he hoped to reopen within a year and would keep paying his twelve employees in the meantime.",
]
# The outlet's own lines, which the line classifier alone keeps as body: a footer without a full stop and a promo
# in the outlet's voice. A recurring news sentence must stay body all the same.
FOOTER = "Riverside Gazette is an independent newspaper owned by its readers and published every weekday since 1921"
PROMO = "Our reporters cover every council meeting so that you know what is decided in your name."
RECURRING = "The council meets again next month to set the budget for the coming year."


def _outlet_csv() -> bytes:
    """Three articles of one outlet and two with no outlet, all carrying the same footer, promo and news sentence."""
    import csv
    import io

    rows = []
    for i, paragraphs in enumerate((ARTICLE, MORE, THIRD)):
        text = "\n\n".join(paragraphs[:2] + [PROMO] + paragraphs[2:] + [RECURRING, FOOTER])
        rows.append({"title": f"Story {i}", "outlet": "Riverside Gazette", "text": text})
    for i, paragraphs in enumerate((ARTICLE, THIRD)):
        text = "\n\n".join(paragraphs[:2] + [PROMO] + paragraphs[2:] + [RECURRING, FOOTER]) + f"\n\nFiled {i}"
        rows.append({"title": f"Loose {i}", "outlet": "", "text": text})
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["title", "outlet", "text"])
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


@pytest.fixture(scope="module")
def outlet_corpus():
    from analysis.pipeline import analyze
    from analysis.resources import load_resources

    documents = list(load_bytes("outlets.csv", "outlets.csv", _outlet_csv()))
    assert [d.outlet_hint for d in documents] == ["Riverside Gazette"] * 3 + ["", ""]
    full = load_resources()
    return documents, full, analyze(documents, full)


def _block_of(blocks, doc_id: str, text: str) -> dict:
    rows = blocks[(blocks.doc_id == doc_id) & (blocks.text == text)]
    assert len(rows) == 1, (doc_id, text)
    return rows.iloc[0].to_dict()


def test_lines_an_outlet_repeats_are_boilerplate_in_all_its_documents(outlet_corpus):
    documents, _, results = outlet_corpus
    for document in documents[:3]:
        for line in (FOOTER, PROMO):
            block = _block_of(results.blocks, document.doc_id, line)
            assert block["kind"] == BOILERPLATE and block["category"] == "duplicate", block
            assert block["why"].startswith("repeated in 3 documents of riverside gazette"), block
        assert _block_of(results.blocks, document.doc_id, RECURRING)["kind"] == BODY
        for paragraph in ARTICLE + MORE + THIRD:
            rows = results.blocks[(results.blocks.doc_id == document.doc_id) & (results.blocks.text == paragraph)]
            assert (rows.kind == BODY).all()


def test_documents_without_an_outlet_key_are_not_grouped(outlet_corpus, resources):
    documents, _, results = outlet_corpus
    for document in documents[3:]:
        alone = boilerplate.segment(document, tokenize(document.text), resources)  # no corpus, no index
        got = results.blocks[results.blocks.doc_id == document.doc_id]
        assert [(b.start, b.end, b.kind, b.category, b.why) for b in alone.blocks] == list(
            got[["start", "end", "kind", "category", "why"]].itertuples(index=False, name=None))
        for line in (FOOTER, PROMO):
            assert _block_of(results.blocks, document.doc_id, line)["kind"] == BODY


def test_outlet_repeats_index_rules():
    from analysis.boilerplate_repeats import line_hash, outlet_key, outlet_repeats
    from analysis.document import Document

    assert line_hash("Edition  of 12 May") == line_hash("EDITION of 34 may ") != line_hash("Edition of 123 May")
    assert line_hash("") is None and line_hash(" ".join(["word"] * 31)) is None
    assert outlet_key(Document("a", "a", "x", outlet_hint=" Riverside  GAZETTE ")) == "riverside gazette"
    assert outlet_key(Document("a", "a", "x", url="https://www.example.com/news/1")) == "example.com"
    assert outlet_key(Document("a", "a", "x", url="example.com/news/1")) == "example.com"
    assert outlet_key(Document("a", "a", "x")) == ""
    one = Document("a", "a", "Footer line\nStory one.", outlet_hint="X")
    copy = Document("b", "b", "Footer line\nStory one.", outlet_hint="X")  # the same text again counts once
    other = Document("c", "c", "Footer line\nStory two.", outlet_hint="X")
    assert not outlet_repeats([one, copy])
    index = outlet_repeats([one, copy, other])
    assert index.counts == {"x": {line_hash("Footer line"): 2}}
    assert not outlet_repeats([Document("a", "a", "Footer\nA."), Document("b", "b", "Footer\nB.")])
    # An updated version of a story (most of its sentences printed before) is not counted again.
    story = "\n".join(ARTICLE)
    first = Document("a", "a", f"Council votes\n{story}", outlet_hint="X")
    update = Document("b", "b", f"Council votes: update\n{story}\n{MORE[0]}", outlet_hint="X")
    assert not outlet_repeats([first, update])
    assert outlet_repeats([first, Document("c", "c", "Council votes\n" + "\n".join(MORE), outlet_hint="X")])


def test_outlet_repeats_equal_on_local_and_process_engines(outlet_corpus):
    from analysis import export
    from analysis.pipeline import analyze

    documents, full, local = outlet_corpus
    process = analyze(documents, full, engine="process", workers=2)
    assert set(process.tables) == set(local.tables)
    for name, table in local.tables.items():
        assert export.table_csv_bytes(process.tables[name]) == export.table_csv_bytes(table), name


def test_outlet_repeats_streaming_equals_in_memory(tmp_path):
    from analysis import batch, export
    from analysis.corpus import load_corpus
    from analysis.pipeline import analyze
    from analysis.resources import load_resources

    path = tmp_path / "outlets.csv"
    path.write_bytes(_outlet_csv())
    full = load_resources()
    documents, errors = load_corpus([str(path)])
    expected = analyze(documents, full, errors=errors)
    out = tmp_path / "out"
    batch.score_stream([str(path)], out, full, chunk_size=2, fmt="csv")
    for name in export.export_names(expected):
        assert (out / f"{name}.csv").read_bytes() == export.table_csv_bytes(expected.tables[name]), name
    blocks = expected.blocks
    assert (blocks[blocks.text == FOOTER].kind == BOILERPLATE).sum() == 3


def test_body_word_indexes_equal_in_boilerplate(seeds, resources):
    # DocContext finds the body words by bisection over block runs; it must agree with in_boilerplate word by word.
    from analysis.context import DocContext

    for document, seg in seeds.values():
        tokens = tokenize(document.text)
        context = DocContext(document, tokens, seg, resources)
        expected = [i for i, (s, e) in enumerate(tokens.word_spans) if not seg.in_boilerplate(s, e)]
        assert list(context.body_word_indexes) == expected
        assert context.body_words == len(expected) < len(tokens.word_spans)


def _line_stats_by_whole_line(text: str):
    """line_stats computed on the whole line at once, the reference the per-word tallies must agree with."""
    from analysis import boilerplate_features as bf

    words = bf.words_of(text)
    n = len(words)
    stripped = text.strip()
    unquoted = bf.QUOTED_RE.sub(" ", stripped)
    cleaned = bf.clean_for_cues(stripped)
    call_to_action = bf.CALL_TO_ACTION_RE.search(cleaned) is not None
    reader = bf.READER_VOICE_RE.search(unquoted) is not None
    return bf.LineStats(
        words=n,
        chars=len(stripped),
        stopword_ratio=sum(w.lower() in bf.STOPWORDS for w in words) / n if n else 0.0,
        terminal=bool(bf.TERMINAL_RE.search(stripped)),
        punct_per_word=sum(ch in ".,;:!?" for ch in text) / n if n else 0.0,
        capital_ratio=sum(w[0].isupper() for w in words) / n if n else 0.0,
        digit_ratio=sum(ch.isdigit() for ch in text) / max(1, len(stripped)),
        link=bf.LINK_RE.search(stripped) is not None,
        separator=bool(bf.SEPARATOR_RE.search(stripped)),
        reader=reader or call_to_action,
        pitch=(reader and bf.OUTLET_VOICE_RE.search(unquoted) is not None) or call_to_action,
        cue=_find_cue_without_prefilter(stripped) if n <= bf.CUE_MAX_WORDS else bf.NO_CUE,
        norm=bf.normalise_line(stripped),
        bullet=bool(bf.BULLET_RE.match(stripped)),
        question=stripped.endswith("?"),
        collapsed=" ".join(text.split()),
    )


def test_line_stats_from_word_tallies_agree_with_whole_line():
    from analysis.boilerplate_features import _line_stats

    lines = [
        "", "   ", "Read more:", "Related:”)", "Tell us what you think", "US and UK officials met", "we’re here for YOURS, ours.",
        "Our reporters: “we were there” (us)", "Yours truly,us", "Subscribe now", "- Subscribe now", "* **Share** this", "1. Read more: the war", "__Tags__: politics",
        "ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ 12", "Square 2² km, ٣ sites", "Visit WWW.Example.COM or mail desk@example.org.",
        "See [the report](https://example.com/x) “now”.", "He said: “We will win.”", "‘Quoted’ text — ends?)",
        "İstanbul, Kelvin K and ſhare", "Photo: AP Photo/John Doe", "Thank you for registering", "about   us\tpage",
        "U.S. officials said 3,000 people were affected in 2024...", "Copyright © 2024 Example Ltd. All rights reserved",
        " ".join(["word"] * 70) + " subscribe", "under_score snake_case __init__",
    ]
    for path in sorted(SEEDS.glob("*.txt")):
        lines += path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        assert _line_stats(line) == _line_stats_by_whole_line(line), line


def _features_row_by_row(stats):
    """document_features written one row at a time in plain Python: the reference the array version must equal."""
    import math
    from collections import Counter

    from analysis.boilerplate_features import best_run

    n = len(stats)
    counts = Counter(s.norm for s in stats if s.norm)
    good = [1.0 if s.good else 0.0 for s in stats]
    good_words = [s.words if s.good else 0 for s in stats]
    total_good_words = sum(good_words) or 1
    run_start, run_end = best_run([s.words if s.good else -max(2.0, s.words * 0.5) for s in stats])
    max_words = max(s.words for s in stats) or 1
    good_positions = [i for i, g in enumerate(good) if g]
    before = [sum(good_words[:i]) / total_good_words for i in range(n)]
    words = [s.words for s in stats]
    rows = []
    for i, s in enumerate(stats):
        low, high = max(0, i - 3), min(n, i + 4)
        distance = min((abs(i - j) for j in good_positions), default=n)
        prev = stats[i - 1] if i > 0 else None
        nxt = stats[i + 1] if i + 1 < n else None
        rows.append([
            math.log1p(s.words), math.log1p(s.chars), s.stopword_ratio, float(s.terminal), min(s.punct_per_word, 2.0),
            s.capital_ratio, min(s.digit_ratio * 5, 1.0), float(s.link), float(s.separator), float(s.reader),
            float(s.cue.strength == "strong"), float(s.cue.strength == "weak"), float(bool(s.norm) and counts[s.norm] > 1),
            float(s.words <= 4), good[i], i / n, s.words / max_words, float(run_start <= i < run_end), before[i],
            1.0 - before[i] - good_words[i] / total_good_words, good[i - 1] if i > 0 else 0.0, good[i + 1] if i + 1 < n else 0.0,
            sum(good[low:high]) / (high - low), math.log1p(sum(words[low:high]) / (high - low)), math.log1p(distance),
            float(i <= 2), float(prev.terminal) if prev else 0.0, float(nxt.terminal) if nxt else 0.0,
            math.log1p(prev.words) if prev else 0.0, math.log1p(nxt.words) if nxt else 0.0,
            float(s.bullet), float(s.question), float(s.pitch),
        ])
    return rows


def _stage2_row_by_row(rows, probs):
    from analysis.boilerplate_features import NEIGHBOUR_WINDOWS

    n = len(probs)
    out = []
    for i, (row, p) in enumerate(zip(rows, probs)):
        extra = []
        for lo, hi in NEIGHBOUR_WINDOWS:
            start, end = max(0, i + lo), min(n, i + hi + 1)
            extra.append(sum(probs[start:end]) / (end - start) if end > start else 0.0)
        out.append(list(row) + [p] + extra)
    return out


def test_feature_arrays_equal_row_by_row_features(resources):
    from analysis.boilerplate_features import document_features, line_stats, logistic, stage2_rows

    model = resources.boilerplate_model
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    texts += ["One line only.", "Menu\nHome\n\nNews", "\n".join(f"Line {i} of a list" for i in range(30))]
    for text in texts:
        stats = [line_stats(text[s:e]) for s, e in tokenize(text).line_spans]
        rows = document_features(stats)
        assert rows == _features_row_by_row(stats)
        probs = logistic(model["stage1"], rows)
        assert stage2_rows(rows, probs) == _stage2_row_by_row(rows, probs)


def test_cue_literal_file_is_current():
    """The prefilter's file of cue literals matches what re's parser says of the cues (rerun the module if not)."""
    from analysis.boilerplate_cue_literals import all_cue_facts
    from analysis.boilerplate_features import CUE_LITERALS_PATH

    assert json.loads(CUE_LITERALS_PATH.read_text(encoding="utf-8"))["cues"] == all_cue_facts()


def test_accented_cue_literals_prefilter_lines_and_still_match_in_capitals():
    """Cue literals with accented letters that fold exactly under re.I ("í", "ç") prefilter lines like ASCII ones,
    so no cue is searched on every line; the long s and the final sigma fold to other letters and are not trusted."""
    from analysis.boilerplate_cue_literals import folds_exactly
    from analysis.boilerplate_features import find_cue, load_prefilters

    assert folds_exactly("í") and folds_exactly("ç") and folds_exactly("ß")
    assert not folds_exactly("s") and not folds_exactly("σ")
    assert load_prefilters().rest == ()
    for line in ("Suscríbete a nuestro boletín", "SUSCRÍBETE A NUESTRO BOLETÍN", "Inscreva-se na newsletter", "INSCREVA-SE NA NEWSLETTER"):
        assert find_cue(line).category != "", line


def test_line_stats_do_not_depend_on_the_word_facts_memo(monkeypatch):
    """_line_stats reads each word's facts from a bounded per-process WordMemo: a fresh memo, one that starts
    afresh after every word and a warm one give the same stats."""
    from analysis import boilerplate_features as bf
    from analysis.tokens import WordMemo

    lines = ["Read more: the war", "US and UK officials met", "Subscribe now", "He said: “We will win.”", "Read more: the war"]
    warm = [bf._line_stats(line) for line in lines]
    monkeypatch.setattr(bf, "_WORD_FACTS", WordMemo(bf.word_facts, size=1))
    assert [bf._line_stats(line) for line in lines] == warm
    assert len(bf._WORD_FACTS) <= 1


# --- A dated list the article prints (tour dates, a season's calendar) is body ----------------------------------

LIST_MENU = ["Home", "News", "Music", "Sport", "Culture", "Video", "Subscribe", "Search"]
TOUR = [
    "June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre",
    "June 10 – Tampa, FL @ Credit Union Amphitheatre",
    "June 14 – Alpharetta, GA @ Bank Amphitheatre",
    "June 17 – Nashville, TN @ Bridgestone Arena",
    "July 2 – Uncasville, CT @ Mohegan Sun Arena",
]
TOUR_ARTICLE = [
    "The band will reunite with its former singer for a North American tour celebrating its 50th anniversary next year.",
    "The guitarists and the singer will tour together for the first time in nearly 25 years, starting in Florida in June.",
    "Tickets for the anniversary tour go on sale to the general public next Friday at 10 a.m. local time.",
]
LIST_FOOTER = ["About us", "Contact", "Privacy policy", "© 2019 Example Media. All rights reserved."]


def kinds_of(seg) -> dict[str, tuple[str, str]]:
    return {seg.text[b.start:b.end]: (b.kind, b.category) for b in seg.blocks}


def test_tour_dates_under_the_articles_own_heading_are_body(resources):
    """Dated lines under a heading on the headline's subject are the article's list, not a column of links."""
    page = "\n".join([
        *LIST_MENU, "Doobie Brothers Announce 50th Anniversary Tour", *TOUR_ARTICLE,
        "The Doobie Brothers Tour Dates", *TOUR, *LIST_FOOTER,
    ])
    document, seg = segment_text(page, resources)
    kinds = kinds_of(seg)
    assert kinds["The Doobie Brothers Tour Dates"][0] == BODY
    for line in TOUR:
        assert kinds[line][0] == BODY, (line, kinds[line])
    assert kinds["Privacy policy"][0] == BOILERPLATE


def test_a_season_calendar_that_is_the_whole_article_is_body(resources):
    """A calendar page (Portuguese month names, a label before each date, footnotes under it) keeps its list."""
    calendar = [
        "1a etapa: 10 de março – Interlagos", "2a etapa: 8 de abril – Curitiba", "3a etapa: 22 de abril – Velopark",
        "4a etapa: 06 de maio – Londrina", "5a etapa: 20 de maio – Santa Cruz do Sul",
    ]
    note = "* Calendário sujeito a alterações feitas pelo organizador"
    page = "\n".join([
        "Notícias", "Classificação", "Calendário", "Pilotos", "Fórum", "Calendário Stock Car 2018",
        "segunda-feira, 22 de janeiro de 2018", "Calendário da Stock Car 2018", *calendar, note, "Tags", *LIST_FOOTER,
    ])
    document, seg = segment_text(page, resources)
    kinds = kinds_of(seg)
    for line in [*calendar, note]:
        assert kinds[line][0] == BODY, (line, kinds[line])
    assert kinds["Pilotos"][0] == BOILERPLATE


def test_a_dated_list_under_another_heading_stays_furniture(resources):
    """A sidebar of events under a heading that is not the article's subject is not the report's list."""
    page = "\n".join([*LIST_MENU, "Council expands bus network", *ARTICLE, "Upcoming Events", *TOUR, *LIST_FOOTER])
    document, seg = segment_text(page, resources)
    kinds = kinds_of(seg)
    for line in TOUR:
        assert kinds[line][0] == BOILERPLATE, (line, kinds[line])


def test_schedule_line_shape():
    """A schedule line opens with a date then a separator and a name; a dateline with a time is not one."""
    match = boilerplate.SCHEDULE_LINE_RE.match
    assert match("June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre")
    assert match("1a etapa: 10 de março – Interlagos")
    assert match("Sat, Oct 3: Phoenix Raceway")
    assert not match("November 19, 2019 12:04AM ET")
    assert not match("Updated: Nov 19, 2019 - 10:04")
    assert not match("June 9 is when the tour starts")


def test_html_dated_list_kept_unless_its_lines_are_links(monkeypatch, resources):
    """On a page, a dated list trafilatura left out is the article's when its lines are text, not links to stories."""
    import html as html_module

    headline = "Doobie Brothers Announce 50th Anniversary Tour"

    def page_with(item: str) -> str:
        items = "".join(f"<li>{item.format(html_module.escape(line))}</li>" for line in TOUR)
        paragraphs = "".join(f"<p>{p}</p>" for p in TOUR_ARTICLE)
        return (f"<html><head><title>{headline}</title></head><body><h1>{headline}</h1>{paragraphs}"
                f"<h2>The Doobie Brothers Tour Dates</h2><ul>{items}</ul><p>Privacy policy</p></body></html>")

    monkeypatch.setattr(boilerplate, "main_text", lambda _html: "\n".join([headline, *TOUR_ARTICLE]))
    for item, kind in (("{}", BODY), ('<a href="/news/1">{}</a>', BOILERPLATE)):
        document = load("page.html", page_with(item).encode("utf-8"))
        seg = boilerplate.segment(document, tokenize(document.text), resources)
        kinds = kinds_of(seg)
        for line in TOUR:
            assert kinds[line][0] == kind, (item, line, kinds[line])


# --- Round six: edges of the lead, markup, shop boxes, lists of other stories with their summaries ------------

OUTBREAK_LEAD = (
    "In the week since we first noted the new outbreak of measles in the northern county, the number of cases has "
    "risen by half, and health officials now say they are preparing for the worst case."
)


def lines_judged(text: str, body: list[bool]) -> list:
    """The rules' working lines of `text` (one per line), judged body or not as given (the model's word)."""
    spans = list(tokenize(text).line_spans)
    assert len(spans) == len(body)
    return [boilerplate._Line(s, e, line_stats(text[s:e]), b, why="model") for (s, e), b in zip(spans, body)]


def test_lead_in_the_outlets_own_voice_is_body_and_a_pitch_in_it_is_not():
    """A blog's "we first noted" is narration beside the article; "we rely on readers like you" speaks to the reader."""
    pitch = "We rely on readers like you to keep this site running, and every gift counts more than ever this year."
    for first, kept in ((OUTBREAK_LEAD, True), (pitch, False)):
        text = "\n".join(["Home", first, *RESCUE, *RESCUE_AFTER])
        lines = lines_judged(text, [False, False] + [True] * (len(RESCUE) + len(RESCUE_AFTER)))
        boilerplate._keep_prose(text, lines)
        assert lines[1].body is kept and ("outlet's voice" in lines[1].why) is kept, lines[1]
        assert not lines[0].body


BIBLE_CLASS = """A popular public school Bible class faces legal challenge

Gym is Trenton Miller’s favorite class.
But the 7-year-old is also a huge fan of the weekly Bible course at Princeton Primary, his public elementary school.
He gets to play matching games about Bible stories and listen to classic tales.
Noah and the Ark is a favorite.

“That one was a little bit of a surprise,” Trenton said as he sat with his parents one day this month.
This spring, Bible classes such as Trenton’s are on the minds of many here in the county.
For decades, the county’s public schools have offered a weekly Bible class during the school day.

Bible classes on school time are a rarity in public education, but here they are a long-standing tradition.
The program is not mandatory, but almost every child in the district attends.
Now the program is facing a stiff legal challenge from two residents with school-age children.
"""


def test_short_first_sentence_of_the_lead_paragraph_is_body(resources):
    """A short sentence on the line above the lead's kept prose, in the same paragraph, opens the report."""
    _, seg = segment_text(BIBLE_CLASS, resources)
    first = blocks_with(seg, "Gym is Trenton Miller’s favorite class.")
    assert [b.kind for b in first] == [BODY] and "sentence of the paragraph" in first[0].why, first


def test_short_sentence_after_a_blank_line_is_not_pulled_into_the_lead(resources):
    """Across a blank line the short sentence is no part of the lead's paragraph: the model's word stands."""
    text = BIBLE_CLASS.replace("Gym is Trenton Miller’s favorite class.\n", "Gym is Trenton Miller’s favorite class.\n\n")
    _, seg = segment_text(text, resources)
    first = blocks_with(seg, "Gym is Trenton Miller’s favorite class.")
    assert all("sentence of the paragraph" not in b.why for b in first), first


MCE_JUNK = ('&amp;lt;span data-mce-type="bookmark" style="display: inline-block; width: 0px; overflow: hidden; '
            'line-height: 0;" class="mce_SELRES_start"&amp;gt;&amp;amp;#65279;&amp;lt;/span&amp;gt;')


def test_escaped_markup_line_is_boilerplate_and_prose_naming_a_tag_is_body(resources):
    """An editor's leftover tag, escaped in a plain-text export, is no text anyone reads; prose that names a tag is."""
    tag_prose = "The agency said the leaked page still carried a <span> tag left by its editor, which no reader could see."
    page = "\n".join([*PAGE_TOP, *RESCUE, MCE_JUNK, tag_prose, *RESCUE_AFTER, *PAGE_FOOT])
    _, seg = segment_text(page, resources)
    junk = blocks_with(seg, "data-mce-type")
    assert [b.kind for b in junk] == [BOILERPLATE] and "markup" in junk[0].why, junk
    assert all(b.kind == BODY for b in blocks_with(seg, tag_prose))
    assert_report_is_body(seg)


def test_copyright_line_with_a_circled_c_is_legal():
    for line in ("Copyright ⓒ Example.co.kr. 무단전재 및 재배포 금지", "Copyright © Example Media Group Ltd, Media Centre"):
        assert find_cue(line).category == "legal_cookie", line


SHOP_BOX = "Straight Talk on Armed... Best Price: $13.95 Buy New $13.95 (as of 03:40 EDT - Details)"
SHOP_LABEL = "Buy Gold at Discounted Prices"


def test_shop_box_and_selling_label_are_advertising_and_a_paragraph_they_are_glued_to_stays_body(resources):
    glued = RESCUE_AFTER[0] + " The Kennedy Autopsy Jacob G Hornberger Best Price: $9.85 Buy New $9.95 (as of 03:35 EDT - Details)"
    page = "\n".join([*PAGE_TOP, *RESCUE, SHOP_BOX, SHOP_LABEL, glued, *RESCUE_AFTER[1:], *PAGE_FOOT])
    _, seg = segment_text(page, resources)
    assert_boilerplate(seg, SHOP_BOX, "advertising")
    assert_boilerplate(seg, SHOP_LABEL, "advertising")
    assert all(b.kind == BODY for b in blocks_with(seg, RESCUE_AFTER[0]))
    # Not a cue: the classifier's features of a paragraph with a box glued on do not change.
    assert find_cue(SHOP_BOX).category == "" and find_cue(glued).category == ""


CARDS = [
    "Mayor opens new library in the old town hall", "The building had stood empty for a decade.",
    "Tram line delayed again as contractor walks out", "Work on the line stopped on Monday",
    "Council approves budget for next year", "Spending on roads rises by a tenth.",
]


def test_latest_stories_cards_with_their_summaries_are_related_links(monkeypatch, resources):
    """Under a "Latest Stories" heading, each card's summary sentence between two headlines belongs to the list
    (trafilatura kept the whole box); a sentence after the list's last headline, over a paragraph, is the report's."""
    sentence = "The mayor said the money was well spent."
    visible = [HEADLINE, *ARTICLE, "Our Latest Stories", *CARDS[:5], sentence, *MORE]
    _, seg = segment_page_with_main_text(monkeypatch, resources, visible, visible)
    assert_boilerplate(seg, "Our Latest Stories", "related_links")
    for line in CARDS[:5]:
        assert_boilerplate(seg, line, "related_links")
    for line in [sentence, *ARTICLE, *MORE]:
        assert all(b.kind == BODY for b in blocks_with(seg, line)), line


def test_call_to_action_button_and_form_error_are_furniture(monkeypatch, resources):
    """A sign-up box trafilatura kept in the main text: its button and its error message are not report."""
    widget = ["Join our Free Weekly Prediction Challenge", "There was an error processing your subscription."]
    subheading = "Join the search"  # a subheading that opens with a verb but does not speak for the outlet
    visible = [HEADLINE, *ARTICLE, *widget, subheading, *MORE]
    _, seg = segment_page_with_main_text(monkeypatch, resources, visible, visible)
    assert_boilerplate(seg, widget[0], "advertising")
    assert_boilerplate(seg, widget[1], "subscription")
    for line in [subheading, *ARTICLE, *MORE]:
        assert all(b.kind == BODY for b in blocks_with(seg, line)), line


RECORD = ["Arrest Information:", "Name: John Allen Doe", "Location: Springfield, Ohio", "Age: 30 years",
          "Processing Date: 06-22-2017", "Booking Charge:", "PROHIBITED ACTS"]
CLOSING = "A reminder that the agency has an official policy of not reporting such details when they are not relevant."


def test_record_announced_by_the_reports_colon_is_body_and_so_is_the_paragraph_after_it():
    """The model drops "Label: value" lines; under the report's sentence ending in a colon they are its record."""
    colon = "Neither the police nor the agency has published a picture, but reporters found the arrest record:"
    text = "\n".join([*RESCUE, colon, *RECORD, CLOSING])
    lines = lines_judged(text, [True] * (len(RESCUE) + 1) + [False] * (len(RECORD) + 1))
    boilerplate._keep_announced_records(lines)
    boilerplate._keep_prose(text, lines)
    assert all(line.body for line in lines), [line.why for line in lines if not line.body]


def test_fields_under_a_sentence_without_a_colon_or_with_cues_stay_furniture():
    fields = ["Tags: police, Ohio", "Category: Crime", "Posted: 06-22-2017"]
    for last, after in ((RESCUE[-1], RECORD), (RESCUE[-1][:-1] + ":", fields)):
        text = "\n".join([*RESCUE[:-1], last, *after])
        lines = lines_judged(text, [True] * len(RESCUE) + [False] * len(after))
        boilerplate._keep_announced_records(lines)
        assert not any(line.body for line in lines[len(RESCUE):]), last


def test_note_on_the_author_under_an_about_heading_is_furniture_and_a_section_about_a_country_is_not(resources):
    bio = ("Father of two and a teacher for twenty years, Carlos Nadalim is also the coordinator of a primary school in "
           "Londrina and writes about reading at home.")
    section = "About Northern Ireland"
    page = "\n".join([*PAGE_TOP, *RESCUE, section, *RESCUE_AFTER, "About Carlos Nadalim", bio, *PAGE_FOOT])
    _, seg = segment_text(page, resources)
    assert_boilerplate(seg, "About Carlos Nadalim", "byline_dateline")
    assert_boilerplate(seg, bio[:40], "byline_dateline")
    assert all("author" not in b.why for b in blocks_with(seg, section))
    assert_report_is_body(seg)


def test_related_articles_heading_in_other_languages_is_a_related_links_cue():
    for heading in ("Artigos relacionados", "Artículos relacionados", "Articles connexes", "Articoli correlati", "Ähnliche Artikel"):
        assert find_cue(heading).category == "related_links", heading


def test_report_words_are_gathered_once_and_grow_with_kept_lines():
    """_ReportWords: the headline's and body lines' content words, read when first asked (the lead and continuation
    rules share them), grown by the lines those rules keep."""
    text = "Flooding closes bridges\nCouncil engineers inspected bridges.\nVolunteers cleared debris nearby."
    spans = [(0, 23), (24, 60), (61, len(text))]
    lines = [boilerplate._Line(s, e, line_stats(text[s:e]), body) for (s, e), body in zip(spans, (False, True, False))]
    report = boilerplate._ReportWords(text, lines, "Flooding closes bridges")
    lines[2].body = True
    report.add(lines[2])  # not gathered yet: the line is read with the other body lines when asked
    assert report.words() == {"flooding", "closes", "bridges", "council", "engineers", "inspected", "volunteers",
                              "cleared", "debris", "nearby"}
    lines[0].body = True
    report.add(lines[0], {"extra"})  # gathered: the kept line's words join, as given
    assert "extra" in report.words() and report.words() is report.words()


def test_link_texts_read_once(monkeypatch):
    calls = []
    monkeypatch.setattr(boilerplate, "_anchor_texts", lambda html: calls.append(html) or {"A LINK"})
    links = boilerplate._LinkTexts("<a href='x'>A LINK</a>")
    assert calls == []  # read only when a rule asks
    assert "A LINK" in links.texts and "A LINK" in links.texts
    assert len(calls) == 1


# --- Copies of the article, caption labels, text written without spaces -------------------------------------

def test_a_paragraph_printed_a_third_time_is_not_new_body(resources):
    """A machine copy of the article (microdata, a print version) repeats every paragraph: the copies are furniture."""
    _, seg = segment_text("\n".join([*PAGE_TOP, *RESCUE, *RESCUE, *RESCUE, *PAGE_FOOT]), resources)
    for paragraph in RESCUE:
        copies = blocks_with(seg, paragraph)
        assert [b.kind for b in copies] == [BODY, BOILERPLATE, BOILERPLATE], paragraph
        assert all(b.category == "duplicate" and "repeats line" in b.why for b in copies[1:])


def test_a_sentence_each_item_of_a_report_closes_with_stays_body(resources):
    """A template's refrain ("He remains in custody ...") closes each item among other lines: no copy of a run."""
    refrain = "He remains in custody pending presentation of criminal prosecution for re-entry after deportation."
    items = [
        ("A 41-year-old man was arrested on Jan. 6 in the northern suburb of the city.", "He has a prior conviction for burglary and theft."),
        ("A 37-year-old man was arrested on Jan. 7 in the city centre after a traffic stop.", "He was previously convicted twice of drug possession."),
        ("A 32-year-old man was arrested on Jan. 7 at his home in the western district.", "He has criminal convictions for drunk driving and assault."),
    ]
    page = [*PAGE_TOP, *RESCUE[:2]]
    for arrest, record in items:
        page += [arrest, record, refrain]
    _, seg = segment_text("\n".join([*page, *RESCUE_AFTER, *PAGE_FOOT]), resources)
    assert [b.kind for b in blocks_with(seg, refrain)] == [BODY] * 3


def test_html_a_plan_repeating_the_same_short_lines_each_day_stays_body(monkeypatch, resources):
    """Days of a meal plan repeat a run of short lines: a template the article prints, not a copy of the article."""
    day = ["Pre-Workout Supplement", "Drink 20 minutes before your workout", "Performance Energize", "Post-Workout Meal"]
    visible = [HEADLINE, LEAD, *ARTICLE[:2]]
    for number, meal in enumerate(["Chicken zoodles with edamame", "Beef chili with olives", "Tomato cucumber salad"], start=1):
        visible += [f"Day {number}", *day, meal]
    _, seg = segment_page_with_main_text(monkeypatch, resources, visible, visible)
    for line in day:
        assert [b.kind for b in blocks_with(seg, line)] == [BODY] * 3, line


HIDDEN_COPY = (
    '<div style="display:none;" itemscope itemtype="http://schema.org/NewsArticle">'
    '<div itemprop="image" itemscope><span itemprop="url">https://static.example.com/image/bus-routes.jpg</span></div>'
    '<span itemprop="keywords">Transport,Transport City</span>'
    '<div itemprop="articleBody">{paragraphs}</div></div>'
)


def test_html_hidden_microdata_copies_of_the_article_are_not_read(resources):
    paragraphs = "\n".join(f"<p>{p}</p>" for p in ARTICLE + MORE)
    hidden = HIDDEN_COPY.format(paragraphs=paragraphs)
    html = HTML_PAGE.format(paragraphs=paragraphs + hidden + hidden)
    document = load("page.html", html.encode("utf-8"))
    seg = boilerplate.segment(document, tokenize(document.text), resources)
    for paragraph in ARTICLE:
        assert [b.kind for b in blocks_with(seg, paragraph)] == [BODY], paragraph
    assert "static.example.com" not in document.text and "Transport City" not in document.text
    assert seg.body_text.count(ARTICLE[0]) == 1


def test_caption_labels_are_photo_furniture(resources):
    """A caption the page labels as such ("Image caption ...", a screen reader's label) is not report."""
    captions = [
        "Image copyright EPA",
        "Image caption The mayor said the new routes had been planned for more than three years.",
        "Media caption Who is the new transport commissioner?",
    ]
    _, seg = segment_text("\n".join([*PAGE_TOP, *RESCUE[:2], *captions, RESCUE[2], *RESCUE_AFTER, *PAGE_FOOT]), resources)
    for caption in captions:
        assert_boilerplate(seg, caption, "photo_credit")
    assert_report_is_body(seg)


JAPANESE_PAGE = [
    "商品の改造が商標法違反に！？ | 特許事務所", "MENU", "HOME", "サービスのご案内", "お客様の声", "ブログ",
    "商品の改造が商標法違反に！？",
    "先日、不正に改造したスマートフォンを販売したとして、商標法違反の疑いで男性が逮捕されたというニュースを耳にしました。",
    "報道によると、今回販売されたのは、機能制限を解除したスマートフォンで、非公式のアプリを利用することもできるとのことです。",
    "不正に改造したスマートフォンでも、もともとは、正規の販売店から購入したものです。",
    "ではなぜ、不正に改造したスマートフォンを販売すると、商標権侵害になるのでしょうか。",
    "商標には、同じ商標が付された商品は同じ提供元のものであるという、商品の出所を表示する機能があります。",
    "通常、権利者により正規のルートで販売された商品をそのまま転売する場合は、商標権侵害にはなりません。",
    "しかし、権利者の意思に基づくことなく、もとの商品に改造を加えて販売した場合は、商標権侵害と判断される場合があります。",
    "検索", "カテゴリー", "プライバシー・ポリシー", "サイトマップ",
]


def test_japanese_paragraphs_are_counted_in_words_and_read_as_body(resources):
    """Written without spaces, a Japanese paragraph is not one long word, and so not a one-word link."""
    paragraph = JAPANESE_PAGE[9]
    assert line_stats(paragraph).words >= 15 and line_stats(paragraph).terminal
    document, seg = segment_text("\n".join(JAPANESE_PAGE), resources)
    for paragraph in JAPANESE_PAGE[7:14]:
        assert all(b.kind == BODY for b in blocks_with(seg, paragraph)), paragraph
    for furniture in ("MENU", "サイトマップ", "プライバシー・ポリシー"):
        assert all(b.kind == BOILERPLATE for b in blocks_with(seg, furniture)), furniture
    context = DocContext(document, tokenize(document.text), seg, resources)
    assert context.body_words > 200

# --- Review 7: transcripts, closing sentences, story cards, tickers, caption copies, report sections, embeds --------

def _kinds(seg, needle: str) -> set[tuple[str, str]]:
    return {(b.kind, b.category) for b in blocks_with(seg, needle)}


TRANSCRIPT_TAIL = [
    "HANNITY: All right.",
    "Victoria, we get the last word from you, laws broken?",
    "TOENSING: Well, of course.",
    "HANNITY: You are so good at your job.",
    "You are so annoyingly good.",
    "TOENSING: Did the director go to the White House and tell him?",
    "HANNITY: We are running out of time.",
    "TOENSING: Thank you, Sean.",
]


def test_turns_of_a_transcript_at_the_end_of_a_text_are_body(resources):
    """The model drops the short turns that end a long transcript as lines 'after the article'."""
    opening = [
        "HANNITY: Breaking news tonight, the reporters released documents that in fact prove the informant was right.",
        "TOENSING: I think that we are going to have to continue to follow the money, because the reporting is devastating.",
        "HANNITY: When you say follow the money, my suspicion would go to the money that came directly from abroad.",
        "TOENSING: You have pretty good instincts, and I think there are a lot of other areas they will be looking at.",
    ]
    page = "\n".join(["Uranium deal: evidence of bribery", *RESCUE, *opening, *TRANSCRIPT_TAIL])
    _, seg = segment_text(page, resources)
    for line in TRANSCRIPT_TAIL:
        assert _kinds(seg, line) == {(BODY, "")}, (line, blocks_with(seg, line))


# A report printed one sentence a line (as PTC's articles are): the model doubts the short last lines.
ONE_SENTENCE_LINES = [
    "French authorities blame attack on excitement",
    "Over-excitement is a serious problem in the world.",
    "While the 69-year-old man was coming out of the synagogue, heading for a bus stop, he was attacked by a man shouting.",
    "The police quickly intervened to save the victim who lodged a complaint.",
    "The attacker was arrested and placed in police custody and then transferred to the psychiatric infirmary.",
    "It's okay.",
    "In May, a refugee stabbed three people in The Hague while shouting, and the police blamed mental illness.",
    "On the loose, he cut a man's throat.",
    "He also stabbed two others.",
    "Police shot him in the leg, ruled out terrorism and blamed mental illness.",
    "In December of last year, a refugee went up to a restaurant in Amsterdam and began smashing the windows.",
    "The police stood by and watched until he was done.",
    "And then they arrested him.",
    "He admitted to having fought with militias in Syria.",
]
CLOSING_LINES = [
    "So the system decided that he needed a psychiatric evaluation",
    "Maybe it's not the attackers who are nuts.",
    "Maybe it's the authorities who are insane.",
]


def test_short_closing_sentences_at_the_end_of_a_text_are_body(resources):
    _, seg = segment_text("\n".join([*ONE_SENTENCE_LINES, *CLOSING_LINES]), resources)
    for line in CLOSING_LINES:
        assert _kinds(seg, line) == {(BODY, "")}, (line, blocks_with(seg, line))


def test_short_lines_after_the_article_before_more_text_are_not_kept_as_its_close(resources):
    """The run must end the text (or meet the page's furniture): teasers followed by more page text stay as they were."""
    tail = ["Maybe it is not the volunteers who are tired.", "Other news", "Weather", "Markets"]
    page = "\n".join(["Boy found safe after three-day search", *RESCUE, *RESCUE_AFTER, *tail])
    _, seg = segment_text(page, resources)
    assert all(b.kind == BOILERPLATE for b in blocks_with(seg, "Other news"))
    assert all("closing sentence" not in b.why for b in blocks_with(seg, "Maybe it is not the volunteers"))


DEAL_CARDS = [
    "Apple AirPods Pro already discounted, grab a pair for only $234.99",
    "Apple recently launched the new AirPods Pro for $250, but surprisingly it is already possible to grab a pair for less at Amazon, where the noise-cancelling earbuds have been marked down for the first time since their launch last month.",
    "Deal Alert: Newest iPad Pro up to $200 off",
    "Amazon is not waiting until Black Friday to offer deep iPad Pro discounts at their web store, and today you can get the latest 12.9-inch model with 256 GB of storage for a price that beats every other retailer we checked.",
    "Microsoft offers Build your own Surface Go Kids Bundle plus JBL he...",
    "Microsoft is now offering a deal on its Surface Go that is specially tailored to families with tech-savvy kids, and starting from $440 you can build a bundle with a keyboard, a pen and a pair of headphones for the children.",
    "Deal Alert: Save $50 on Powerbeats Pro wireless sport headphones",
    "The Powerbeats Pro with adjustable, secure-fit ear hooks are on sale for $199.95, down from $249.95, which makes it a saving of twenty percent on the headphones that most reviewers have called the best for running.",
    "Cool 14 and 15 inch Yoga C940 laptops with improved Alexa suppor...",
    "In September the company announced seven new convertible Windows laptops, and today the C940 range has become available for purchase in the United States, with prices starting at around one thousand dollars for the smaller model.",
]


def test_cards_of_other_stories_after_the_article_are_related_links(resources):
    """Headline and one-paragraph summary, again and again, away from the article and on other subjects."""
    gap = ["Tweet", "Share", "Advertisement", "Gaming", "Windows 10", "by Rahul", "Deals"]
    page = "\n".join([*PAGE_TOP, *RESCUE, *RESCUE_AFTER, *gap, *DEAL_CARDS, *PAGE_FOOT])
    _, seg = segment_text(page, resources)
    for line in DEAL_CARDS:
        assert all(b.kind == BOILERPLATE for b in blocks_with(seg, line)), (line, blocks_with(seg, line))
    assert_report_is_body(seg)


def test_subheadings_and_paragraphs_of_the_article_are_no_story_cards(resources):
    """A report's own sections (subheading, paragraph) lie inside the article: never taken for cards."""
    sections = [
        "The search", RESCUE[0], "The arrest", RESCUE[1], "The motel", RESCUE[2], "The trial", RESCUE_AFTER[2],
    ]
    page = "\n".join([*PAGE_TOP, *sections, RESCUE_AFTER[3], *PAGE_FOOT])
    _, seg = segment_text(page, resources)
    for paragraph in RESCUE + RESCUE_AFTER[2:]:
        assert all(b.kind == BODY for b in blocks_with(seg, paragraph)), paragraph


TICKER = [
    "USCIRF expresses concern over NRC, says 1.9 million residents may be stateless WASHINGTON: Expressing concern over the "
    "NRC exercise in Assam, an independent US government commission said on Tuesday that it was worried.",
    "Indian-origin man pleads guilty to fraud scheme in US NEW YORK: An Indian-origin man has pleaded guilty to theft and "
    "embezzlement in connection with a fraud scheme, prosecutors said.",
    "Newly-elected Lankan president accepts invitation to visit Pakistan COLOMBO: Newly-elected Sri Lankan President "
    "Gotabhaya Rajapaksa has accepted an invitation to visit Pakistan, officials said.",
]


def test_ticker_of_headlines_glued_to_their_ledes_is_related_links(resources):
    page = "\n".join([*PAGE_TOP, "Breaking News", *TICKER, *RESCUE, *RESCUE_AFTER, *PAGE_FOOT])
    _, seg = segment_text(page, resources)
    for line in TICKER:
        assert _kinds(seg, line) == {(BOILERPLATE, "related_links")}, (line, blocks_with(seg, line))
    assert_report_is_body(seg)


def test_dateline_opening_a_paragraph_is_no_ticker(resources):
    lede = "NEW DELHI: Their American dream shattered and huge savings wasted, nearly 150 Indians returned home on Wednesday."
    second = "NEW DELHI: Officials at the airport said the special aircraft carrying the deportees landed at 6am on Wednesday."
    page = "\n".join([*PAGE_TOP, lede, second, *RESCUE, *PAGE_FOOT])
    _, seg = segment_text(page, resources)
    assert all(b.kind == BODY for line in (lede, second) for b in blocks_with(seg, line))


CAPTION = ("Los Angeles Lakers' LeBron James dunks during the first half of the team's NBA basketball game against the "
           "Oklahoma City Thunder on Tuesday, Nov. 19, 2019, in Los Angeles.")


def test_caption_printed_twice_beside_its_photo_credit_is_photo_credit(resources):
    page = "\n".join([*PAGE_TOP, *RESCUE, CAPTION, CAPTION, "Photo: Ringo H.W. Chiu, AP", *RESCUE_AFTER, *PAGE_FOOT])
    _, seg = segment_text(page, resources)
    assert _kinds(seg, CAPTION) == {(BOILERPLATE, "photo_credit")}, blocks_with(seg, CAPTION)
    assert_report_is_body(seg)


def test_sentences_under_an_up_next_heading_right_after_the_report_are_body(resources):
    """A wire game story closes with "UP NEXT" and the teams' next games: sentences, not a list of headlines."""
    up_next = ["Thunder: Host the Lakers on Friday.", "Lakers: Visit the Thunder on Friday."]
    last = ["POINT GUARDS BEHAVE", "Chris Paul had four points and ten assists."]
    after = ["___", "More AP NBA: https://apnews.com/NBA", "School Score Database", "World Cup 2018 Video", "Most Popular"]
    page = "\n".join([*PAGE_TOP, *RESCUE, *RESCUE_AFTER, *last, "UP NEXT", *up_next, *after, *TEASERS, *PAGE_FOOT])
    _, seg = segment_text(page, resources)
    for line in up_next:
        assert _kinds(seg, line) == {(BODY, "")}, (line, blocks_with(seg, line))
    for teaser in TEASERS:
        assert all(b.kind == BOILERPLATE for b in blocks_with(seg, teaser)), teaser


def test_video_address_alone_on_a_line_is_furniture_and_a_source_address_is_not_touched(resources):
    page = "\n".join(["Boy found safe after three-day search", *RESCUE, "https://youtu.be/_DFeri21hlc", *RESCUE_AFTER])
    _, seg = segment_text(page, resources)
    assert _kinds(seg, "https://youtu.be/_DFeri21hlc") == {(BOILERPLATE, "related_links")}
    assert boilerplate.MEDIA_ADDRESS_RE.match("https://www.bbc.com/news/world-europe-50473792") is None
    for paragraph in RESCUE + RESCUE_AFTER:
        assert all(b.kind == BODY for b in blocks_with(seg, paragraph)), paragraph


@pytest.mark.parametrize("line, category", [
    ("Tempo de leitura: 2 minutos", "byline_dateline"),
    ("Reading time: 4 min", "byline_dateline"),
    ("5 minutos de leitura", "byline_dateline"),
    ("by India Post News Weekly 0 Comments", "byline_dateline"),
    ("Please log in using one of these methods to post your comment:", "comments"),
])
def test_review7_furniture_cues(line, category):
    cue = find_cue(line)
    assert (cue.category, cue.strength) == (category, "strong"), cue


@pytest.mark.parametrize("credit", [
    "Article posted with permission from Sons Of Liberty Media", "Article posted with permission from Constitution.com",
    "Reprinted from The Duran.",
])
def test_republishing_credit_under_the_article_is_credit_attribution_and_the_close_stays_body(resources, credit):
    """A rule, not a cue: as a cue it lowered the model's odds of the report's last sentences beside it."""
    _, seg = segment_text("\n".join([*ONE_SENTENCE_LINES, *CLOSING_LINES, credit]), resources)
    assert _kinds(seg, credit) == {(BOILERPLATE, "credit_attribution")}
    for line in CLOSING_LINES:
        assert _kinds(seg, line) == {(BODY, "")}, (line, blocks_with(seg, line))


def test_permission_in_a_sentence_of_the_report_is_no_credit():
    stats = line_stats("The story was published with permission of the family, who said the boy had died.")
    assert not boilerplate._is_credit_line(stats)


def test_a_shops_label_says_what_it_sells_for():
    """A short line opening with buy/shop/order is a shop's label only when it sells (re-read of this round's rule):
    headlines open with those words too."""
    for label in ("Buy Gold at Discounted Prices", "Shop the sale now", "Order online today"):
        assert boilerplate._is_shop_widget(line_stats(label)), label
    for headline in ("Order restored in capital", "Shop owners protest new tax", "Order of Lenin"):
        assert not boilerplate._is_shop_widget(line_stats(headline)), headline


def test_dateline_hint_pattern_matches_as_the_repeat_led_one():
    """DATELINE_HINT_RE is led by two character classes instead of "[A-Z]{2}" (speed): the same matches."""
    import re

    from analysis.boilerplate import DATELINE_HINT_RE

    old = re.compile(r"[A-Z]{2}[A-Z.'’)]*(?::\s|\s+[–—-]\s)")
    texts = [
        "", "A: b", "AB: c", "NEW DELHI: Their dream", "U.S.: x", "WASHINGTON (AP) — The", "KARACHI - Firebrand",
        "Imran Khan-led govt's days are numbered: warns Pak cleric KARACHI: Firebrand cleric",
        "ABC:\nDEF –\tghi\nXY.’) : no\nXY’): yes\nAAA  —  b", "lower: case\nMiXeD: Case\nÉTAT: accent", "AB:", "AB -x",
    ]
    for text in texts:
        assert [m.span() for m in DATELINE_HINT_RE.finditer(text)] == [m.span() for m in old.finditer(text)], text


# --- The reader's and the outlet's voice: one definition for the classifier and the rules ----------------------

VOICE_FORMS = {
    "you": "reader", "your": "reader", "yours": "reader", "yourself": "reader", "yourselves": "reader",
    "you're": "reader", "you’ll": "reader", "you'd": "reader", "you've": "reader",
    "we": "outlet", "our": "outlet", "ours": "outlet", "ourselves": "outlet", "we've": "outlet", "we’ll": "outlet",
    "us": "outlet", "US": "", "Youtube": "", "younger": "", "bus": "", "weary": "",
}


def test_second_person_forms_are_one_pattern_for_features_and_rules():
    """The rules' second person is the classifier's: "yourself" addressed the reader for the rules (SECOND_PERSON_RE)
    but not for the reader feature (READER_VOICE_RE), which the model was trained on."""
    from analysis import boilerplate_features as bf

    assert boilerplate.SECOND_PERSON_RE is bf.SECOND_PERSON_RE
    for form, voice in VOICE_FORMS.items():
        sentence = f"Tell {form} the truth"
        assert (bf.SECOND_PERSON_RE.search(sentence) is not None) == (voice == "reader"), form
        assert (bf.OUTLET_VOICE_RE.search(sentence) is not None) == (voice == "outlet"), form
        assert (bf.READER_VOICE_RE.search(sentence) is not None) == (voice != ""), form
        assert line_stats(sentence).reader == (voice != ""), form


def test_a_weak_cue_on_a_line_telling_the_reader_to_treat_yourself_is_a_pitch():
    """A weak cue fires on a short line in the reader's voice: "yourself" is that voice, as "you" is."""
    stats = line_stats("Treat yourself to a premium membership this season")
    assert stats.reader
    assert boilerplate._cue_fires(stats)


def test_shipped_classifier_is_what_the_training_script_writes(tmp_path):
    """analysis/data/boilerplate_model.json is reproduced byte for byte by scripts/train_boilerplate.py: the model
    was trained on the features the code computes now (retrain after changing a feature, a voice pattern or a cue)."""
    import subprocess
    import sys

    repo = Path(__file__).resolve().parent.parent
    data = repo.parent / "shared" / "benchmarks" / "extraction"
    if not (data / "truth.json").exists():
        pytest.skip("extraction benchmark not available")
    out = tmp_path / "model.json"
    subprocess.run([sys.executable, str(repo / "scripts" / "train_boilerplate.py"), "--data", str(data), "--out", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == boilerplate.MODEL_PATH.read_bytes()


# --- Calls to action in Portuguese, Spanish, German, French and Italian ---------------------------------------

FOREIGN_FURNITURE = {
    "Siga-nos no Instagram": "share_social",
    "Siga @autoracingbr": "share_social",
    "Síguenos en Twitter": "share_social",
    "Folgen Sie uns auf Facebook": "share_social",
    "Suivez-nous sur Facebook": "share_social",
    "Inscreva-se no nosso canal": "subscription",
    "Assine já": "subscription",
    "Suscríbete": "subscription",
    "Abonnez-vous pour lire la suite": "subscription",
    "Conteúdo exclusivo para assinantes": "subscription",
    "Cet article est réservé aux abonnés": "subscription",
    "Receba a nossa newsletter": "newsletter_notification",
    "Melden Sie sich für unseren Newsletter an": "newsletter_notification",
    "Faites un don": "donation",
    "Apoie o nosso jornalismo": "donation",
    "Unterstützen Sie unseren Journalismus": "donation",
    "Deixe seu comentário": "comments",
    "Lascia un commento": "comments",
    "12 comentários": "comments",
    "Kommentare (4)": "comments",
    "Compartilhe": "share_social",
}


def test_calls_to_action_in_other_languages_are_furniture():
    """A Portuguese page's "Siga-nos", "Inscreva-se", "Assine" (and their Spanish, German, French and Italian
    equivalents) were called body: no cue knew them."""
    for line, category in FOREIGN_FURNITURE.items():
        stats = line_stats(line)
        assert stats.cue.category == category, (line, stats.cue)
        assert boilerplate._cue_fires(stats), line


def test_report_sentences_with_those_verbs_stay_clear_of_the_cues():
    """The same verbs in a report's sentence: a subjunctive ("que o Congresso assine"), a third person ("apoya"),
    the magazine Veja, a commentary's label ("Kommentar"), a heading that only names comments in a sentence."""
    sentences = [
        "O ministro pediu que o presidente assine o acordo até sexta-feira, segundo a assessoria.",
        "Veja publicou ontem uma reportagem sobre o caso.",
        "La empresa apoya el plan del gobierno, dijo su portavoz.",
        "Kommentar",
        "Die Kommentare der Leser waren deutlich, sagte die Chefredakteurin.",
        "Le ministre a dit qu'il soutient le projet de loi sur les abonnés du câble.",
        "Il governo ha detto che sostiene la riforma delle pensioni.",
    ]
    for sentence in sentences:
        stats = line_stats(sentence)
        assert not stats.cue.category, (sentence, stats.cue)
        assert not stats.reader, sentence


def test_imperatives_to_the_reader_in_other_languages_are_its_voice():
    """"Clique na imagem acima e veja ..." opens with a call to action as "Click the image above ..." does: the
    reader's voice for the classifier and the rules."""
    for line in ("Clique na imagem acima e veja o ranking dos pilotos", "Haz clic aquí para ver el vídeo",
                 "Klicken Sie hier für die Bildergalerie", "Cliquez ici pour voir la vidéo", "Clicca qui per il video"):
        assert line_stats(line).reader, line
    assert not line_stats("Clique of insiders ran the party for decades").reader


# An article written one sentence per line (PTC-style, plain-text exports): short sentences among the report's lines
# look like a link list to the model (review 8: a lede under the headline, a list of statements after a poll, closing
# questions, a letter's closing prayers).
OSL_TITLE = "Doubting A Late Accusation Against The Nominee Is Reasonable - Here's Why"
OSL_LEDE = ("If you wonder why so many voters distrust the capital, look no further than the past week for a fine example "
            "of what made a man promising to clean house so popular.")
OSL_OPENING = [
    "The establishment politicians act like children when they cannot have their way.",
    "They kick and scream and sulk until the cameras leave.",
    "The president nominated a judge with a long and careful record to the highest court in the land.",
    "He is a cautious judge and his vote will certainly tip the balance of the court for a generation.",
    "Perhaps that is why the last election loss was so devastating to the opposition.",
    "Personally, I trust very few politicians no matter the party that they claim to serve.",
]
OSL_POLL = [
    "take our poll - story continues below",
    *["Who should chair the committee next year?"] * 3,
    "* Alice Brown Bob Green Carol White",
    "Completing this poll grants you access to Example Outpost updates free of charge.",
    "You may opt out at anytime.",
    "You also agree to this site's Privacy Policy and Terms of Use.",
]
OSL_STATEMENTS = [
    "The most suspicious part of this whole affair is the timing.",
    "The witness recalled the meeting in 2006",
    "She has known about this for over ten years, so why come forward now?",
    "She is affiliated with the opposing party and its protest movement",
    "She hired a lawyer from the senator's old firm, Lisa Banks",
    "She can produce exactly zero witnesses",
]
OSL_LATER = [
    "Any one of these circumstances by itself is not enough to dismiss the accusation.",
    "However, taken together as a whole, it is far too suspicious to lend it much credibility.",
    "Everyone in the chamber knew the vote count before the hearing had even started.",
    "The opposition thinks it will win the next election and block the nomination for good.",
    "All they have to do is delay the vote until after the election in November.",
    "It is not difficult to see through this plan.",
]
OSL_QUESTIONS = ["Is the committee acting on this?", "And does the press have any interest in this?", "Or would that be unfair?"]
OSL_HEADLINES = [
    "Senate Passes Sweeping Tax Bill After Late Night Vote",
    "Governor signs budget, vetoes school funding plan",
    "Five Things To Know About The New Court Term",
]


def test_short_sentences_of_an_article_written_one_sentence_per_line_are_body(resources):
    """The lede under the headline (it may speak to the reader), a list of statements after a poll (closed or not:
    "She hired a lawyer ..., Lisa Banks"), the closing questions before a republishing credit."""
    page = "\n".join([
        OSL_TITLE, "", OSL_LEDE, *OSL_OPENING, *OSL_POLL, "Timing", *OSL_STATEMENTS, *OSL_LATER, *OSL_QUESTIONS,
        "Article posted with permission from Example Blog",
    ])
    _, seg = segment_text(page, resources)
    for line in [OSL_LEDE, *OSL_STATEMENTS, *OSL_QUESTIONS]:
        assert _kinds(seg, line) == {(BODY, "")}, (line, blocks_with(seg, line))
    for line in OSL_POLL[1:]:
        assert all(b.kind == BOILERPLATE for b in blocks_with(seg, line)), line
    assert _kinds(seg, "Article posted with permission") == {(BOILERPLATE, "credit_attribution")}


def test_headlines_among_one_sentence_lines_stay_related_links(resources):
    """Headlines (title case, or dropping their articles) between the report's lines, with or without a heading, and a
    title-case question before the page's footer are links, not the report's sentences."""
    question = "Is This The End Of The Filibuster As We Know It?"
    footer = "© 2024 Example Outpost. All rights reserved."
    for page in (
        "\n".join([OSL_TITLE, "", *OSL_OPENING, "More from Example Outpost", *OSL_HEADLINES, *OSL_LATER, question, footer]),
        "\n".join([OSL_TITLE, "", *OSL_OPENING, *OSL_HEADLINES, *OSL_LATER, footer]),
    ):
        _, seg = segment_text(page, resources)
        for line in OSL_HEADLINES + ([question] if question in page else []):
            assert all(b.kind == BOILERPLATE for b in blocks_with(seg, line)), (line, blocks_with(seg, line))
        for line in OSL_OPENING[1:] + OSL_LATER:
            assert all(b.kind == BODY for b in blocks_with(seg, line)), line


def test_closing_sentences_before_a_place_and_date_sign_off_are_body(resources):
    """A letter's last sentences, then its place and date and a translator's credit: the sign-off ends the report."""
    closing = ["Let us all pray for the Church and for her pastors!", "Mary, Mother of the Church, pray for us!"]
    page = "\n".join([OSL_TITLE, "", *OSL_OPENING, *OSL_LATER, *closing, "Rome, August 22, 2018", "Official translation by Jane Doe."])
    _, seg = segment_text(page, resources)
    for line in closing:
        assert _kinds(seg, line) == {(BODY, "")}, (line, blocks_with(seg, line))
    assert all(b.kind == BOILERPLATE for b in blocks_with(seg, "Official translation by Jane Doe."))


def test_sign_off_is_a_place_and_a_date():
    for line in ("Rome, August 22, 2018", "Washington, D.C., 5 June 2019", "Baar, Switzerland, August 23, 2018"):
        assert boilerplate.SIGN_OFF_RE.match(line), line
    for line in ("Read more, August 22, 2018", "Posted by John, August 22, 2018", "Rome, August 22"):
        assert not boilerplate.SIGN_OFF_RE.match(line), line


def test_a_crosshead_question_over_a_photo_credit_and_a_lone_statement_between_labels_are_body(resources):
    """Closed sentences with the report's lines at most PROSE_REACH lines away on both sides, past a photo's credit or
    a verdict label in capitals ("ADVANTAGE NATIVE-BORN ."), are the report's; a time stamp is not a sentence."""
    crosshead = "How far did the letter get?"
    statement = "The immigrant population of working age increased by 2.0%; the native population grew by 0.6%."
    page = "\n".join([
        OSL_TITLE, "", *OSL_OPENING, crosshead, "© Reuters The bishop was greeted by angry protesters", *OSL_LATER[:3],
        "ADVANTAGE NATIVE-BORN .", statement, "ADVANTAGE IMMIGRANTS", *OSL_LATER[3:],
    ])
    _, seg = segment_text(page, resources)
    for line in (crosshead, statement):
        assert _kinds(seg, line) == {(BODY, "")}, (line, blocks_with(seg, line))
    assert all(b.kind == BOILERPLATE for b in blocks_with(seg, "© Reuters"))
    assert not boilerplate._closed_sentence(line_stats("12:51 p.m."))


def test_the_document_context_reuses_the_transcript_turns_segmentation_found(monkeypatch, resources):
    """Segmentation's transcript rule finds the speaker turns of plain text once; DocContext.turns hands those on
    (the same turns find_speaker_turns gives) instead of searching the text again."""
    from analysis import context as context_module
    from analysis.quotes import find_speaker_turns

    text = ("Hannity interviewed two guests on Monday.\n\nHANNITY: Did he go to the White House?\n\n"
            "TOENSING: He did, and he told them so.\n\nHANNITY: You are so good at your job.\n\n"
            "TOENSING: Thank you, Sean.\n\nThe interview ran for ten minutes.\n")
    document = list(load_bytes("t.txt", "t.txt", text.encode("utf-8")))[0]
    tokens = tokenize(document.text)
    segmentation = boilerplate.segment(document, tokens, resources)
    assert segmentation.turns == tuple(find_speaker_turns(document.text)) and segmentation.turns
    monkeypatch.setattr(context_module, "find_speaker_turns", lambda text: pytest.fail("turns searched twice"))
    assert DocContext(document, tokens, segmentation, resources).turns == segmentation.turns
    # without a colon there is no label, so no turn: segmentation says so without a search
    plain = list(load_bytes("p.txt", "p.txt", b"A line of prose.\n\nAnother line of prose.\n"))[0]
    assert boilerplate.segment(plain, tokenize(plain.text), resources).turns == ()
