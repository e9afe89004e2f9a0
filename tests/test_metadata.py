"""Title, author, date and URL read from the text, checked on the seeds and on small cases."""
from __future__ import annotations

import pytest

from analysis import metadata
from analysis.corpus import load_corpus
from conftest import SEEDS


@pytest.fixture(scope="module")
def seeds():
    docs, errors = load_corpus([SEEDS])
    assert not errors
    return {doc.source.split("/")[-1][:3]: doc for doc in docs}


def test_seed_001(seeds):
    doc = seeds["001"]
    assert doc.title == "NATO Officials Have “Emergency Meeting” After Putin-Orbán Meeting in China"
    assert (doc.author, doc.published) == ("Angeline Tan", "2023-10-23")


def test_seed_004(seeds):
    doc = seeds["004"]
    assert doc.title == "Putin accuses the West of ignoring Russia’s security concerns over Ukraine"
    assert (doc.author, doc.published) == ("Sofia Barbarani", "2022-02-01")


def test_seed_002(seeds):
    doc = seeds["002"]
    assert doc.title == "NATO called an emergency meeting after the Orban-Putin meeting"
    assert doc.author == "Sededin Dedovic"


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_seeds_without_headline_say_so(seeds, prefix):
    doc = seeds[prefix]
    assert doc.title == ""
    assert "no headline" in doc.evidence_for("title")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("on October 23, 2023", "2023-10-23"),
        ("Tuesday 01 February 2022 13:18 EST", "2022-02-01"),
        ("Published 2021-12-05T10:00", "2021-12-05"),
        ("3rd of April 2022", "2022-04-03"),
        ("Sept. 9, 2019", "2019-09-09"),
        ("February 30, 2022", ""),
        ("October 19", ""),
    ],
)
def test_parse_date(text, expected):
    assert metadata.parse_date(text) == expected


def test_url_on_its_own_line_or_after_a_cue():
    assert metadata.find_url("Title here\nhttps://example.com/a/b\nBody.")[0] == "https://example.com/a/b"
    assert metadata.find_url("Body text.\nSource: https://www.rt.com/news/123/.")[0] == "https://www.rt.com/news/123/"
    assert metadata.find_url("Body with https://inline.example.com in it.")[0] == ""


def test_furniture_line_is_not_a_title():
    text = "Subscribe to our newsletter today\n\nReal Headline Here Today\n\nBody paragraph that is long enough to be a paragraph."
    assert metadata.find_title(text)[0] == "Real Headline Here Today"


def test_head_and_tail_lines_equal_the_whole_text_split():
    import random

    from analysis import metadata

    def plain(text: str) -> list[str]:
        return [line.strip() for line in text.split("\n") if line.strip()]

    rng = random.Random(3)
    for _ in range(5000):
        text = "\n".join(rng.choice(["", " ", "a", " b ", "\t", "line x", "\r", "", ""]) for _ in range(rng.randint(0, 120)))
        assert metadata._head_lines(text) == plain(text)[:metadata.HEAD_LINES]
        assert metadata._tail_lines(text) == plain(text)[-metadata.HEAD_LINES:]


# Sentences that open with "By" are no bylines (a cookie banner, running prose).
@pytest.mark.parametrize("line", [
    "By choosing I Accept, you consent to our use of cookies and other tracking technologies.",
    "By now, we have all heard of Jesus Campos.",
    "By contrast, Barack Obama and his acolytes were besotted by the prospect.",
    "By Monday, the talks had collapsed.",
    "By Christmas, we will all have forgotten what the minister said.",
])
def test_sentence_opening_with_by_is_not_a_byline(line):
    text = f"Leaders Meet In Moscow For Talks\n\n{line}\n\nThe leaders met on Monday and talked for hours.\n"
    assert metadata.find_author(text)[0] == ""


@pytest.mark.parametrize("line,name", [
    ("By Jane Doe", "Jane Doe"),
    ("By Staff Reporter | March 10, 2023", "Staff Reporter"),
    ("By FEDERICA LUSIARDI - 2019-04-10", "Federica Lusiardi"),
    ("Written by [Angeline Tan](#) on October 23, 2023", "Angeline Tan"),
    ("By Ursula von der Leyen, staff writer", "Ursula von der Leyen"),
])
def test_bylines_still_found(line, name):
    text = f"Leaders Meet In Moscow For Talks\n\n{line}\n\nThe leaders met on Monday and talked for hours.\n"
    assert metadata.find_author(text)[0] == name


def test_date_inside_a_sentence_is_not_the_publication_date():
    text = ("ICE arrests 20 in Kansas City during 4-day operation\n\nImmigration officers arrested 20 people.\n\n"
            "She was arrested Feb. 26, 2018 in Johnson County Kansas.\n\nThe profession was made public on Jan. 3, 2019.\n")
    assert metadata.find_published(text) == ("", "no dateline found in the first lines")


def test_embedded_post_date_is_not_the_publication_date():
    text = "Shooting In Las Vegas\n\n#LasVegasShooting pic.twitter.com/U9tULY — Michael (@trendy) October 3, 2017\n\nPolice said.\n"
    assert metadata.find_published(text)[0] == ""


@pytest.mark.parametrize("line,iso", [
    ("By Staff Reporter | March 10, 2023", "2023-03-10"),
    ("Published 3:05 PM EST Nov 19, 2019", "2019-11-19"),
    ("Nov. 19, 2019 8:03 am ET", "2019-11-19"),
    ("Tuesday 01 February 2022 13:00 EST", "2022-02-01"),
    ("October 12, 2018 / 0 Comments / in Promotion / by jdadmin", "2018-10-12"),
])
def test_datelines_still_found(line, iso):
    assert metadata.find_published(f"Leaders Meet In Moscow For Talks\n\n{line}\n\nThe leaders met.\n")[0] == iso


def _page_with_navigation(article_head: str) -> str:
    navigation = "\n".join(f"Section {i}" for i in range(60))
    return ("Ways to Play and Pay for Games - WSJ\n\nPrint Edition\n" + navigation +
            "\nWays to Play and Pay for Games\n" + article_head + "\n\nGaming used to be so simple. We bought a game.\n")


def test_byline_split_over_two_lines_below_the_repeated_headline():
    text = _page_with_navigation("There are more devices than ever.\nBy\nSarah E. Needleman\n\nSarah E. Needleman\nThe Wall Street Journal\n\nNov. 19, 2019 8:03 am ET")
    title = metadata.find_title(text)[0]
    assert title == "Ways to Play and Pay for Games - WSJ"
    author, evidence = metadata.find_author(text, title)
    assert author == "Sarah E. Needleman" and "below the headline" in evidence
    assert metadata.find_published(text, title)[0] == "2019-11-19"


def test_no_repeated_headline_no_byline_taken_from_far_down():
    text = _page_with_navigation("By\nSarah E. Needleman").replace("\nWays to Play and Pay for Games\n", "\nOther story\n")
    assert metadata.find_author(text, "Ways to Play and Pay for Games - WSJ")[0] == ""


def test_shop_counter_is_no_title_and_a_bracketed_page_title_is():
    text = "[The Palace: Tale of Jang Noksu] More Reviews from Visitors! - Jeongdong Theater\n\n0 Shopping Cart\n\nFacebook\n"
    assert metadata.find_title(text)[0].startswith("[The Palace")
    assert metadata.find_title("Menu\n\n0 Shopping Cart\n\nFacebook\n")[0] == ""
    assert metadata.find_title("[Read the story](https://example.com/story)\n\nSome words here.\n")[0] == ""


def test_a_dateline_led_by_the_authors_name():
    text = "Stadia launch review\nChris Davies - Nov 19, 2019, 10:31 pm CST\n\nGoogle's cloud gaming service launched today.\n"
    assert metadata.find_author(text, "Stadia launch review")[0] == "Chris Davies"
    for lead in ("Breaking News", "World Politics", "Reuters"):  # a section, status or single word leads no byline
        assert metadata.find_author(text.replace("Chris Davies", lead), "Stadia launch review")[0] == ""


def test_byline_below_a_headline_repeated_after_a_long_menu():
    """A page saved as text: title line, twenty menu lines, the headline again, then 'Name - date'."""
    menu = "\n".join(["Tech", "Cars", "Gaming", "Science", "Reviews", "Columns", "", "Twitter", "Facebook", "RSS", "Search"] * 2)
    headline = "The new wagon is a weird electric sports car with a message"
    text = f"{headline} - SlashGear\n\n{menu}\n\n{headline}\n\nChris Davies - Nov 19, 2019, 10:31 pm CST\n0\n\nThe car maker showed it today.\n"
    author, evidence = metadata.find_author(text, f"{headline} - SlashGear")
    assert author == "Chris Davies" and "below the headline" in evidence
    assert metadata.find_published(text, f"{headline} - SlashGear")[0] == "2019-11-19"


def test_headline_found_again_once_for_author_and_date(monkeypatch):
    """A page whose first lines hold neither byline nor date: both are read below the repeated headline, which is
    looked for once (it searches the whole text), with the same results as the two finders alone."""
    from analysis.corpus import Document, load_bytes

    text = _page_with_navigation("By\nSarah E. Needleman\n\nNov. 19, 2019 8:03 am ET")
    title = metadata.find_title(text)[0]
    expected = metadata.find_author(text, title), metadata.find_published(text, title)
    calls = []
    original = metadata._below_headline
    monkeypatch.setattr(metadata, "_below_headline", lambda *args: calls.append(args) or original(*args))
    document = next(iter(load_bytes("page.txt", "page.txt", text.encode("utf-8"))))
    assert isinstance(document, Document)
    assert (document.author, document.published) == (expected[0][0], expected[1][0]) == ("Sarah E. Needleman", "2019-11-19")
    assert document.evidence_for("author") == expected[0][1] and document.evidence_for("published") == expected[1][1]
    assert len(calls) == 1


def _long_page(article: str) -> str:
    """A page whose first lines are a title and a menu (no byline there, no repeated headline), then `article`."""
    menu = "\n".join(f"Section {i}" for i in range(30))
    return f"Moon landers compete for NASA money\n\n{menu}\n\n{article}\n\nThe agency will pick two firms next year.\n"


def test_byline_on_a_line_of_its_own_deep_in_the_page():
    text = _long_page("NASA wants to land on the Moon again.\n\nby Laura Winter\n19 Nov 2019 05:44 GMT")
    author, evidence = metadata.find_author(text, "Moon landers compete for NASA money")
    assert author == "Laura Winter" and "line of its own" in evidence and "by Laura Winter" in evidence
    assert metadata.find_author(_long_page("Intro.\n\nBy Sean Martin Sean Martin"))[0] == "Sean Martin"  # name and link text


@pytest.mark.parametrize("article", [
    "Dozens of civilians were killed by Russian forces near the city on Monday, officials said.",
    "Dozens of civilians were killed\nby Russian Forces\nnear the city on Monday, officials said.",  # hard-wrapped prose
    "Intro.\n\nby Russian Forces",  # no person's name
    "Intro.\n\nBy The Numbers",
    "Intro.\n\nBy Staff Reporter",
    "Intro.\n\nby Laura Winter on the Moon race and what it costs",  # more than the name after it
    "Intro.\n\nby Laura\n\nMore.",  # one word: no full name
    "Related stories\n\nBy Emily Stewart\n\nBy Hannah Brown\n\nBy Aaron Rupar",  # other stories' bylines
])
def test_no_byline_line_of_its_own_from_prose_or_lists(article):
    assert metadata.find_author(_long_page(article), "Moon landers compete for NASA money")[0] == ""
