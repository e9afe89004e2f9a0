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
    ("By Staff Reporter | March 10, 2023", ""),  # a staff credit names no person
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
    title, evidence = metadata.find_title(text)
    assert title == "Ways to Play and Pay for Games" and "'WSJ'" in evidence  # the headline stands again without it
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
    "Intro.\n\nBy Chief Photographer",  # job words of byline_roles.json
    "Intro.\n\nby Reuters Television",  # organisation words of byline_roles.json
    "Intro.\n\nby Laura Winter on the Moon race and what it costs",  # more than the name after it
    "Intro.\n\nby Laura\n\nMore.",  # one word: no full name
    "Related stories\n\nBy Emily Stewart\n\nBy Hannah Brown\n\nBy Aaron Rupar",  # other stories' bylines
])
def test_no_byline_line_of_its_own_from_prose_or_lists(article):
    assert metadata.find_author(_long_page(article), "Moon landers compete for NASA money")[0] == ""


# --- bylines after a date or a label, co-authors, role labels and job titles ---

@pytest.mark.parametrize("line,name", [
    ("Analysis by Chris Cillizza, CNN Editor-at-large", "Chris Cillizza"),
    ("February 1, 2019 | BY: Ilana Muhlstein, MS, RDN", "Ilana Muhlstein"),
    ("October 9, 2018 | by Olivia Larsen", "Olivia Larsen"),
    ("By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER", "Lisa Mascaro; Mary Clare Jalonick; Eric Tucker"),
    ("By Tariq Malik, Mike Wall 2019-11-18T22:05:36Z Spaceflight", "Tariq Malik; Mike Wall"),
    ("By Jane Doe and John Roe", "Jane Doe; John Roe"),
    ("By Jane Doe, Mike Wall and Ann Lee, Reuters", "Jane Doe; Mike Wall; Ann Lee"),
    ("By Sean Martin Sean Martin", "Sean Martin"),  # a byline link and its text, run together
])
def test_bylines_with_labels_dates_and_co_authors(line, name):
    text = f"Leaders Meet In Moscow For Talks\n\n{line}\n\nThe leaders met on Monday and talked for hours.\n"
    assert metadata.find_author(text)[0] == name


@pytest.mark.parametrize("line,name", [
    ("By Jane Doe, Los Angeles", "Jane Doe"),  # a place is no co-author
    ("By Jane Doe, Los Angeles Nov. 3, 2019", "Jane Doe"),
    ("By Jane Doe, Associated Press", "Jane Doe"),
    ("By Jane Doe, Reuters and AP", "Jane Doe"),
    ("By Jane Doe, John Roe", "Jane Doe"),  # a comma list neither closed by "and" nor dated: only the first is sure
    ("By Sherif Saed, Wednesday, 20 November 2019 08:05 GMT", "Sherif Saed"),
    ("March 3, 2023 | by now the talks had collapsed", ""),
    ("Our view of the talks | by Jane Doe", ""),  # a byline after a separator counts only after a date
])
def test_no_co_author_or_byline_invented(line, name):
    text = f"Leaders Meet In Moscow For Talks\n\n{line}\n\nThe leaders met on Monday and talked for hours.\n"
    assert metadata.find_author(text)[0] == name


@pytest.mark.parametrize("raw,clean", [
    ("Текст Венера Ерофеева", "Венера Ерофеева"),
    ("Text: Jane Doe; Photo: John Roe", "Jane Doe"),
    ("Greg Beacham; Ap Sports Writer", "Greg Beacham"),
    ("Chris Cillizza, CNN Editor-at-large", "Chris Cillizza"),
    ("Meg Kinnard; Errin Haines; Associated Press", "Meg Kinnard; Errin Haines"),  # an agency beside persons: no co-author
    ("Victor Tangermann; Futurism", "Victor Tangermann"),  # the outlet that first ran it: no co-author
    ("Reuters", "Reuters"),  # an agency alone still says who wrote it
    ("DANICA KIRKA; JILL LAWLESS Associated Press", "DANICA KIRKA; JILL LAWLESS"),  # the agency after the last name
    ("Amy Kuperinsky; NJ Advance Media", "Amy Kuperinsky"),
    ("Jeff Foust Monday; November", "Jeff Foust"),  # the start of a date run into the name
    ("Doe, Jane", "Doe, Jane"),  # surname first stays whole
    ("Staff Reporter", ""),  # only a role: no person
    ("Staff Reports", ""),  # a staff credit
    ("Editorial Board", ""),
    ("Wire Reports", ""),
    ("European Space Agency", ""),  # an organisation that is no registry outlet or agency
    ("Associated Press", "Associated Press"),  # a registry agency alone stays (analysis.outlets reads it)
    ("Tom Gillespie News reporter", "Tom Gillespie"),  # a name and a job title run together
    ("Фото: Иван Петров", ""),  # only a photographer: no author
    ("Jane Doe; jane doe", "Jane Doe"),
    ("Textor Smith", "Textor Smith"),
])
def test_clean_author(raw, clean):
    assert metadata.clean_author(raw) == clean


# --- dates in figures, masthead dates, staff and organisation credits, short titles (review5) ---

def _masthead_page(byline: str, under: str = "") -> str:
    title = "Cannabis Use Disorder Is Rising In Legal States"
    menu = "\n".join(["Sign In Subscribe", "Search"] + [f"Section {i}" for i in range(16)])
    return (f"{title}\n\nWed, Nov 20, 2019\n{menu}\n\n{title}\n\n{byline}\n{under}\nShare\n\n"
            "Rates of cannabis use disorder have risen in states where the drug has been legalized, a study found.\n")


def test_byline_date_in_figures_outranks_the_masthead_date():
    text = _masthead_page("By Kashmira Gander On 11/13/19 at 4:00 PM EST")
    title = metadata.find_title(text)[0]
    assert metadata.find_author(text, title)[0] == "Kashmira Gander"
    iso, evidence = metadata.find_published(text, title)
    assert iso == "2019-11-13" and "masthead" in evidence


def test_masthead_date_kept_when_no_byline_date():
    text = _masthead_page("By Kashmira Gander")
    assert metadata.find_published(text, metadata.find_title(text)[0])[0] == "2019-11-20"


def test_date_in_figures_below_a_staff_credit_and_no_author():
    text = _masthead_page("By Staff Reports -", "11/20/19 6:38 AM")
    title = metadata.find_title(text)[0]
    assert metadata.find_published(text, title)[0] == "2019-11-20"
    author, evidence = metadata.find_author(text, title)
    assert author == "" and "no person" in evidence


@pytest.mark.parametrize("line,iso", [
    ("By Jane Doe on 11/3/2019", "2019-11-03"),
    ("By Jane Doe 13/11/19", ""),  # day first: the order is not guessed
    ("By 11/3/19 the talks had failed", ""),  # no byline, a sentence
])
def test_dates_in_figures_only_on_a_byline(line, iso):
    text = f"Leaders Meet In Moscow For Talks\n\n{line}\n\nThe leaders met on Monday and talked for hours.\n"
    assert metadata.find_published(text)[0] == iso


def test_staff_credit_dateline_gives_no_name_line_beside_it():
    text = "Iranian Aggression Intensifies\n\nBy Staff Reporter | March 4, 2023\n\nLast July, the commander warned of costs.\n"
    assert metadata.find_author(text)[0] == ""
    assert metadata.find_author("Leaders Meet\n\nBy JERUSALEM POST STAFF\nNOVEMBER 20, 2019 10:43\n\nThe leaders met.\n")[0] == ""


def test_date_in_figures_in_a_sentence_is_no_date():
    text = "Leaders Meet In Moscow For Talks\n\nThe deadline of 11/3/19 passed.\n\nThe leaders met on Monday.\n"
    assert metadata.find_published(text)[0] == ""


def test_date_line_just_above_the_repeated_headline_and_an_organisation_credit():
    title = "Hibernating astronauts would need smaller spacecraft"
    text = _navigation_then("November 18, 2019\n\n" + title, "by European Space Agency")
    text = title + "\n\n" + text
    assert metadata.find_published(text, title)[0] == "2019-11-18"
    assert metadata.find_author(text, title)[0] == ""


def test_html_publisher_in_the_author_meta_is_no_author():
    page = _html('<title>Chasing Instagram Analytics | WIRED</title><meta name="author" content="Condé Nast">'
                 '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
                 ' "headline": "Chasing Instagram Analytics", "author": [{"@type": "Person", "name": "Louise Matsakis"}], "publisher": {"@type": "Organization", "name": "WIRED"}}</script>')
    values, evidence = metadata.read_html_metadata(page)
    assert values["author"] == "Louise Matsakis" and "Condé Nast" in evidence["author"]


@pytest.mark.parametrize("company", ["Free Speech Systems", "Time USA"])
def test_html_registry_owner_without_its_legal_form_in_the_author_meta_is_no_author(company):
    # outlets.csv writes these owners "Free Speech Systems LLC (Alex Jones)" (Infowars), "Time USA LLC (Marc Benioff)"
    # (Time); the author meta names the company without its legal form and the note.
    page = _html(f'<title>Plant opens</title><meta name="author" content="{company}; Jane Roe">')
    assert metadata.read_html_metadata(page)[0]["author"] == "Jane Roe"


def test_html_json_ld_organisation_with_a_legal_form_in_the_author_meta_is_no_author():
    page = _html('<title>Plant opens</title><meta name="author" content="Acme Widgets; Jane Roe">'
                 '<script type="application/ld+json">{"@type": "Organization", "name": "Acme Widgets, Inc."}</script>')
    assert metadata.read_html_metadata(page)[0]["author"] == "Jane Roe"


def test_html_json_ld_organisation_in_the_author_meta_is_no_author():
    page = _html('<title>Plant opens</title><meta name="author" content="Acme Widgets; Jane Roe">'
                 '<script type="application/ld+json">{"@type": "Organization", "name": "Acme Widgets"}</script>')
    assert metadata.read_html_metadata(page)[0]["author"] == "Jane Roe"


@pytest.mark.parametrize("text,title", [
    ("Julian Assange\n\nThe persecution of Julian Assange must end.\nOr it will end in tragedy.\n", "Julian Assange"),
    ("Julian Assange\nThe persecution of Julian Assange must end.\n", ""),  # no blank line below it
    ("Breitbart News\n\nBreitbart News reported on Monday that the minister resigned.\n", ""),  # a site name
    ("Top Stories\n\nThe minister resigned on Monday, as top stories say.\n", ""),  # a section label
    ("Julian Assange\n\nThe minister resigned on Monday after a long debate.\n", ""),  # its words not in the body
    ("Julian Assange\n\nAssange\n", ""),  # no sentence below it
])
def test_short_first_line_is_the_title(text, title):
    assert metadata.find_title(text)[0] == title


def _navigation_then(headline_line: str, below: str) -> str:
    menu = "\n".join(f"Section {i}" for i in range(30))
    return f"{menu}\n\n{headline_line}\n\n{below}\n\nThe review starts here and runs on for a while.\n"


def test_headline_found_again_with_its_dash_folded():
    title = "Star Wars Jedi: Fallen Order review - shoots for the moon - VG247"
    text = title + "\n\n" + _navigation_then("Star Wars Jedi: Fallen Order review – shoots for the moon", "By Sherif Saed, Wednesday, 20 November 2019 08:05 GMT")
    assert metadata.find_author(text, title)[0] == "Sherif Saed"
    assert metadata.find_published(text, title)[0] == "2019-11-20"


def test_headline_found_again_without_the_titles_section_trail():
    title = "Third case of plague in China as panic begins | Science | News | Express.co.uk"
    text = title + "\n\n" + _navigation_then("Third case of plague in China as panic begins", "By Sean Martin\nPUBLISHED: 00:01, Tue, Nov 19, 2019 | UPDATED: 10:43, Tue, Nov 19, 2019")
    assert metadata.find_published(text, title)[0] == "2019-11-19"
    assert metadata.find_author(text, title)[0] == "Sean Martin"


def test_headline_found_again_with_a_word_changed():
    title = "Why you can't trust the White House on Donald Trump's health - CNNPolitics"
    text = title + "\n\n" + _navigation_then("Why you just can't trust the White House on Donald Trump's health",
                                             "Analysis by Chris Cillizza, CNN Editor-at-large\n\nUpdated 1909 GMT (0309 HKT) November 18, 2019")
    assert metadata.find_author(text, title)[0] == "Chris Cillizza"
    assert metadata.find_published(text, title)[0] == "2019-11-18"
    other = text.replace("Why you just can't trust the White House on Donald Trump's health", "Why the White House keeps its doctors close")
    assert metadata.find_author(other, title)[0] == ""  # another headline anchors nothing


# --- HTML pages: the page's own og:/JSON-LD statements before trafilatura's guesses ---

def _html(head: str, body: str = "<p>Body text of the article.</p>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_html_site_name_from_og_site_name_not_the_json_ld_article_publisher():
    page = _html('<title>Trade deal may grow | Deccan Herald</title><meta property="og:site_name" content="Deccan Herald">'
                 '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Trade deal may grow",'
                 ' "author": "Reuters", "publisher": {"@type": "Organization", "name": "DH News Service"}}</script>')
    values, evidence = metadata.read_html_metadata(page)
    assert values["outlet_hint"] == "Deccan Herald" and "og:site_name" in evidence["outlet_hint"]
    assert values["title"] == "Trade deal may grow"


def test_html_site_name_never_a_twitter_handle():
    page = _html('<title>Popular food blogs — www.wday.ru</title><meta name="twitter:site" content="@Wday_">'
                 '<meta property="og:url" content="https://www.wday.ru/dom-eda/blogs/">')
    values, evidence = metadata.read_html_metadata(page)
    assert values.get("outlet_hint") == "www.wday.ru" and "<title>" in evidence["outlet_hint"]
    assert values["url"] == "https://www.wday.ru/dom-eda/blogs/"


def test_html_tagline_site_name_is_no_outlet_when_the_page_has_a_url():
    # og:site_name and the <title>'s trail hold the site's tagline; the domain names the site better.
    page = _html('<title>4 Things to Do in October - Expert how-to for English Riders</title>'
                 '<meta property="og:site_name" content="Expert how-to for English Riders">'
                 '<meta property="og:url" content="https://horsemag.example.com/news/4-things">')
    values, _ = metadata.read_html_metadata(page)
    assert "outlet_hint" not in values and values["url"] == "https://horsemag.example.com/news/4-things"


def test_html_tagline_site_name_gives_way_to_the_json_ld_publisher():
    page = _html('<meta property="og:site_name" content="News from the heart of Texas">'
                 '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Rain ends",'
                 ' "publisher": {"@type": "Organization", "name": "Lone Star Herald"}}</script>')
    assert metadata.read_html_metadata(page)[0]["outlet_hint"] == "Lone Star Herald"


def test_html_site_name_with_prepositions_is_still_a_name():
    for name in ("Institute for the Study of War", "Voice of America", "Le Monde diplomatique"):
        page = _html(f'<meta property="og:site_name" content="{name}"><meta property="og:url" content="https://x.example.org/a">')
        assert metadata.read_html_metadata(page)[0]["outlet_hint"] == name


def test_html_og_tags_pushed_into_the_body_are_still_read():
    # A stray element in <head> makes the parser close it: the og: tags after it land in <body>.
    page = ('<html><head><title>The 10 best early deals – BGR</title><div class="ad"></div>'
            '<meta property="og:url" content="https://bgr.com/2019/11/19/deals/"><meta property="og:site_name" content="BGR">'
            '</head><body><p>Body text of the article.</p></body></html>')
    values, evidence = metadata.read_html_metadata(page)
    assert values["url"] == "https://bgr.com/2019/11/19/deals/" and "og:url" in evidence["url"]
    assert values["outlet_hint"] == "BGR"


def test_html_logo_heading_is_no_headline():
    page = _html('<title>악녀의 덫에 걸린 이유리 - Entermedia</title>',
                 '<h1><a href="/"><img src="/logo.gif" alt="Entermedia"></a></h1><h1>엔터 미디어</h1><p>본문입니다.</p>')
    values, evidence = metadata.read_html_metadata(page)
    assert values["title"] == "악녀의 덫에 걸린 이유리"
    assert values["outlet_hint"] == "Entermedia"  # the <title>'s site name, borne out by the logo's alt text
    unconfirmed = page.replace('alt="Entermedia"', 'alt="Home"')
    assert "outlet_hint" not in metadata.read_html_metadata(unconfirmed)[0]


def test_html_author_cleaned_of_labels_and_job_titles():
    page = _html('<title>Lakers hold off OKC</title><meta name="author" content="Greg Beacham; AP Sports Writer">')
    assert metadata.read_html_metadata(page)[0]["author"] == "Greg Beacham"
    page = _html('<title>Кулинарные блоги</title><meta name="author" content="Текст Венера Ерофеева">')
    assert metadata.read_html_metadata(page)[0]["author"] == "Венера Ерофеева"


def test_html_site_name_a_name_before_a_slug_and_never_a_url_or_a_headline():
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Eastern Michigan routs Northern Illinois", "publisher": {"name": "The Detroit News"}}</script>'
    page = _html('<meta property="og:site_name" content="detroitnews">' + ld)
    assert metadata.read_html_metadata(page)[0]["outlet_hint"] == "The Detroit News"
    page = _html('<meta property="og:site_name" content="https://www.newsnation.in">' + ld.replace("The Detroit News", "News Nation"))
    assert metadata.read_html_metadata(page)[0]["outlet_hint"] == "News Nation"
    headline = "The man whose duvet nearly killed him: How this medical mystery was solved"
    page = _html(f'<meta name="application-name" content="{headline}"><meta property="og:site_name" content="MSN">'
                 f'<meta property="og:title" content="{headline}">')
    values = metadata.read_html_metadata(page)[0]
    assert (values["outlet_hint"], values["title"]) == ("MSN", headline)


def test_html_title_without_its_site_name_and_entities():
    page = _html('<meta property="og:site_name" content="Sportsnet.ca"><meta property="og:title" content="Nadal keeps Spain alive - Sportsnet.ca">')
    values, evidence = metadata.read_html_metadata(page)
    assert values["title"] == "Nadal keeps Spain alive" and "without the site name" in evidence["title"]
    page = _html('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Review &#8211; shoots for the moon"}</script>')
    assert metadata.read_html_metadata(page)[0]["title"] == "Review – shoots for the moon"


@pytest.mark.parametrize("separator", ["-", "|", "–", "—", "·", "•"])
def test_every_title_reader_parts_headline_and_site_at_the_same_separators(separator):
    from analysis import outlets

    title = f"Orban meets Putin in Beijing again {separator} Danube Ledger"
    assert metadata.TITLE_CUT_RE.split(title) == ["Orban meets Putin in Beijing again", "Danube Ledger"]
    assert metadata.TITLE_SITE_RE.match(title).group("site") == "Danube Ledger"
    assert outlets.TITLE_SUFFIX_RE.match(title).group("name") == "Danube Ledger"
    assert outlets.ANY_TITLE_SUFFIX_RE.search(title)
    assert outlets.TITLE_SECTION_RE.match(f"Orban meets Putin {separator} World").group("section") == "World"


def test_the_headline_counts_below_the_first_lines_whether_printed_once_or_again():
    """Below the first lines (already read), the headline starts the article: a page's visible text may open with
    navigation and print it once, or open with the <title> line and print it again. Within the first lines it
    anchors nothing, as written or reworded."""
    title = "Why you can't trust the White House on Donald Trump's health"
    menu = "\n".join(f"Section {i}" for i in range(20))
    once = f"{menu}\n{title}\nBy Chris Cillizza\n"
    assert metadata._headline_again(once, title) == once.index("Why you")
    assert metadata.find_author(once, title)[0] == "Chris Cillizza"
    again = f"{title}\n{menu}\n{title.replace('you can', 'you just can')}\nBy Chris Cillizza\n"
    assert metadata._headline_again(again, title) == again.index("Why you just")
    short_menu = "\n".join(f"Section {i}" for i in range(5))
    for head in (f"{title}\n{short_menu}\n{title}\nBy Chris Cillizza\n", f"{short_menu}\n{title.replace('you can', 'you just can')}\nBy Chris Cillizza\n"):
        assert metadata._headline_again(head + "\n".join(f"Paragraph {i} of the story." for i in range(30)), title) == -1


def test_html_title_site_name_confirmed_by_the_main_label_of_a_subdomain_url():
    page = _html('<title>Orban meets Putin in Beijing again - CNN</title>'
                 '<meta property="og:url" content="https://edition.cnn.com/2019/11/19/orban-putin">')
    assert metadata.read_html_metadata(page)[0].get("outlet_hint") == "CNN"


@pytest.mark.parametrize("line, name", [
    ("By Sean Martin Sean Martin", "Sean Martin"),
    ("By SEAN MARTIN Sean Martin", "Sean Martin"),  # the link's text in capitals: still the same name
    ("By Martin Martin", "Martin Martin"),  # a name whose first name is its surname is no doubled name
])
def test_a_byline_name_printed_twice_is_taken_once(line, name):
    assert metadata._byline(line) == name


# --- round 4 (review4): site names after titles, bylines with handles, roles or dates, fact-checks, far datelines ---

def _menu(n: int = 20) -> str:
    return "\n".join(f"Section {i}" for i in range(n))


@pytest.mark.parametrize("title_line,headline,site", [
    # the headline stands again, without the site name, as the article's own headline below
    ("New York State Attorney General reportedly investigating WeWork – TechCrunch",
     "New York State Attorney General reportedly investigating WeWork", "TechCrunch"),
    ("Impeachment sham completely debunked: White House | Deccan Herald",
     "Impeachment sham completely debunked: White House", "Deccan Herald"),
    ("Three Cases of Plague Diagnosed in China | Smart News | Smithsonian", "Three Cases of Plague Diagnosed in China", "Smithsonian"),
])
def test_title_without_the_site_name_when_the_headline_stands_again(title_line, headline, site):
    text = f"{title_line}\n\n{_menu()}\n\n{headline}\n\nThe story starts here and runs on for a while.\n"
    title, evidence = metadata.find_title(text)
    assert title == headline and f"'{site}'" in evidence
    assert metadata.find_title(text.replace(f"\n{headline}\n", "\nAnother story entirely\n"))[0] == title_line


@pytest.mark.parametrize("title_line,headline", [
    ("The Guardian view on Hong Kong: a city on the brink | Editorial | Opinion | The Guardian",
     "The Guardian view on Hong Kong: a city on the brink"),  # section labels, then a registry outlet
    ("Impeachment hearings: Key moments from Kurt Volker's testimony - CBS News", "Impeachment hearings: Key moments from Kurt Volker's testimony"),
    ("Son of former German president stabbed in Berlin - Breaking News - The Jerusalem Post", "Son of former German president stabbed in Berlin"),
    ("Dear Abby: Husband springs for business class flight - oregonlive.com", "Dear Abby: Husband springs for business class flight"),
])
def test_title_without_a_registry_outlet_or_domain_after_it(title_line, headline):
    text = f"{title_line}\n\n{_menu()}\n\nThe story starts here and runs on for a while.\n"
    assert metadata.find_title(text)[0] == headline


def test_title_without_the_pages_own_domain_label():
    text = "The Weird Plumes of Europa Are Spewing Water | Space\n\nhttps://www.space.com/europa-plumes\n\nBody text here.\n"
    assert metadata.find_title(text, "https://www.space.com/europa-plumes") == (
        "The Weird Plumes of Europa Are Spewing Water",
        "first headline-like line, without the site name 'Space' after it (the page's domain space.com)")
    assert metadata.find_title(text)[0].endswith("| Space")  # no URL, no registry outlet, no headline again: kept


@pytest.mark.parametrize("title_line", [
    "Star Wars Jedi: Fallen Order review - shoots for the moon - VG247",  # a part continuing the headline stays
    "Brexit talks | What Happens Next For Britain",  # a capitalised tail that no outlet, domain or repeat confirms
    "Trump attacks the media - and the media answers",
    "Harry Potter - The Cursed Child - Review",
])
def test_title_keeps_what_may_be_the_headline(title_line):
    text = f"{title_line}\n\n{_menu()}\n\nThe story starts here and runs on for a while.\n"
    assert metadata.find_title(text)[0] == title_line


def test_html_title_without_a_registry_outlet_after_it():
    page = _html('<title>Key moments from the hearing</title><meta property="og:title" content="Key moments from the hearing - CBS News">')
    values, evidence = metadata.read_html_metadata(page)
    assert values["title"] == "Key moments from the hearing" and "'CBS News' (a registry outlet)" in evidence["title"]


@pytest.mark.parametrize("line,name", [
    ("By Mike Wall 2019-11-18T20:51:19Z Science & Astronomy", "Mike Wall"),  # the date straight after the name
    ("By Joseph Tsidulko November 19, 2019, 07:47 PM EST", "Joseph Tsidulko"),
    ("Catherine Shu @catherineshu / 2 days", "Catherine Shu"),  # the writer's own handle after the name
    ("Jane Doe (@jdoe)", "Jane Doe"),
    ("Bruce Y. Lee Senior Contributor", "Bruce Y. Lee"),  # a writer's job title after the name
    ("Jane Doe, Staff Writer", "Jane Doe"),
])
def test_bylines_without_by_or_with_a_date_after_the_name(line, name):
    text = f"Leaders Meet In Moscow For Talks\n\n{line}\n\nThe leaders met on Monday and talked for hours.\n"
    assert metadata.find_author(text)[0] == name


@pytest.mark.parametrize("line", [
    "Follow Jane Doe @janedoe",  # the handle is not the name's
    "Jane Doe @CNN",
    "Sean Hannity Host",  # not a writer's job
    "Breaking News Staff Writer",  # no person's name
    "Bruce Y. Senior Contributor",  # no surname
    "By now 2019-11-18 the talks had collapsed",
])
def test_no_byline_from_handles_roles_or_dates_that_are_not_the_writers(line):
    text = f"Leaders Meet In Moscow For Talks\n\n{line}\n\nThe leaders met on Monday and talked for hours.\n"
    assert metadata.find_author(text)[0] == ""


def test_fact_check_claimant_is_not_the_pages_author():
    claim = ('{"@type": "ClaimReview", "claimReviewed": "U.S. forces block the camp", "author": {"@type": "Organization",'
             ' "name": "POLYGRAPH.info"}, "itemReviewed": {"@type": "CreativeWork", "author": {"@type": "Person",'
             ' "name": "The Russian and Syrian defense ministries"}}}')
    body = ('<div class="statement-author"><h4 class="author">The Russian and Syrian defense ministries</h4></div>'
            '<p>Body text of the fact check, which runs on for a while.</p>')
    page = _html(f'<title>Russia and Syria: refugees</title><script type="application/ld+json">{claim}</script>', body)
    values, _ = metadata.read_html_metadata(page)
    assert values.get("author", "") == ""
    other = page.replace("The Russian and Syrian defense ministries</h4>", "Jane Doe</h4>")
    assert metadata.read_html_metadata(other)[0].get("author") == "Jane Doe"  # the page's own author still counts


def test_date_line_below_the_headline_past_author_links():
    """NY Post: byline, author links and a comment form, then "date | time | Updated …", then the article."""
    links = "\n\n".join(["View author archive", "Get author RSS feed", "email the author", "follow on twitter",
                          "Most Popular Today", "1 A story 2 Another story", "Name (required)", "Email (required)",
                          "Comment (required)", "Submit", "Share", "Copy"])
    headline = "Taliban say they freed US, Australian hostages"
    text = (f"{headline}\n\n{_menu()}\n\n{headline}\n\nBy Lia Eustachewich and Yaron Steinbuch\n\n{links}\n\n"
            "November 19, 2019 | 4:20am | Updated November 19, 2019 | 9:32pm\n\nThe Taliban said on Tuesday that it had freed them.\n")
    published, evidence = metadata.find_published(text, headline)
    assert published == "2019-11-19" and "before the article's first paragraph" in evidence
    body = ("The Taliban said on Tuesday that it had freed two hostages in exchange for three of its commanders, a deal "
            "struck after months of talks in Doha.")
    later = text.replace("Submit\n", f"Submit\n\n{body}\n")
    assert metadata.find_published(later, headline)[0] == ""  # a date after the first paragraph is not the page's


def test_dateline_beside_a_byline_on_a_line_of_its_own():
    """The Real Deal: no headline found again, the byline stands alone with its dateline just above."""
    text = _long_page("Major layoffs to begin today\n\nT R D NATIONAL /\nNov. November 18, 2019 12:02 PM\nBy David Jeans")
    assert metadata.find_author(text, "Moon landers compete for NASA money")[0] == "David Jeans"
    published, evidence = metadata.find_published(text, "Moon landers compete for NASA money")
    assert published == "2019-11-18" and "beside the byline" in evidence
    below = _long_page("Major layoffs to begin today\n\nBy David Jeans\n19 Nov 2019 05:44 GMT")
    assert metadata.find_published(below)[0] == "2019-11-19"


def test_page_title_line_stays_the_headline_once_its_site_name_is_cut():
    """boilerplate keeps the document's headline as body: the page-title line "Headline - CBS News" still counts."""
    from analysis import boilerplate
    from analysis.blocks import BODY
    from analysis.corpus import load_bytes
    from analysis.tokens import tokenize

    text = ("Outrage as ministers slam the sham hearing on Ukraine - CBS News\n\nSubscribe\nSign in\n\n"
            "The hearing opened on Tuesday morning with testimony from two officials who had listened to the call, "
            "and it ran on late into the evening as members of the committee questioned them in turn.\n")
    document = next(iter(load_bytes("page.txt", "page.txt", text.encode("utf-8"))))
    assert document.title == "Outrage as ministers slam the sham hearing on Ukraine"
    segmentation = boilerplate.segment_with(document, tokenize(document.text), boilerplate.load_model())
    first = segmentation.blocks[0]
    assert segmentation.text[first.start:first.end].startswith("Outrage") and first.kind == BODY and "headline" in first.why


@pytest.mark.parametrize(("line", "iso"), [
    ("WASHINGTON, D.C., February 12, 2018 (LifeSiteNews) – Those familiar with him say it is a classic move.", "2018-02-12"),
    ("MOSCOW, Nov. 3, 2019 — Russia said on Sunday that the talks would go on for a week or more.", "2019-11-03"),
    ("NEW YORK, March 5, 2020, 10:31 a.m. - The market fell for a third day as investors sold shares.", "2020-03-05"),
    ("BEIJING, CHINA, 12 March 2019 — The ministry said the new rules would apply from next year.", "2019-03-12"),
    # Not a dateline: no date, an agency dateline without one, a date opening a sentence, a place in lower case.
    ("PARIS, a city of ten thousand lights – it is where the summit will be held next year.", ""),
    ("WASHINGTON (Reuters) - The United States said on Monday that it would send more troops.", ""),
    ("On February 12, 2018 – the day of the vote – the party said it had won the election.", ""),
    ("Paris, February 12, 2018 - the city voted to close the bridges for the summer months.", ""),
])
def test_wire_dateline_opening_the_first_paragraph(line, iso):
    text = "Pope's critics speak out\n\nNews\n" + line + "\nMore of the report follows in a second paragraph.\n"
    assert metadata.find_published(text)[0] == iso


# Fifth round (meta8): one "nothing but a date" test, one loop over the byline patterns, one person-name test, one
# title cut; datelines of more than 14 words; dates in figures whose numbers show their order.

def test_every_dateline_reader_counts_an_abbreviated_weekday_as_a_date_word():
    """The one test of "nothing but a date here" (_only_dateline_words) serves every dateline reader: a weekday
    abbreviation beside the date ("Tue", "Mon") is a date word in a date line and in a wire-style opening dateline."""
    assert metadata._only_a_date("Tue, Nov 19, 2019")
    assert metadata._only_a_date("Updated: Mon 18 Nov 2019 (GMT)")
    text = "Talks in Moscow end\n\nMOSCOW, Tue., Nov. 3, 2019 – Russia said on Tuesday the talks had ended without a deal.\n"
    assert metadata.find_published(text) == ("2019-11-03", "dateline opening a paragraph: " + text.split("\n")[2][:120])
    assert not metadata._only_a_date("Tue, Nov 19, 2019 Sat on the bench")


def test_byline_patterns_are_read_by_one_loop_in_their_order():
    line = "By Kashmira Gander On 11/13/19 at 4:00 PM EST"
    matches = list(metadata._byline_matches(line))
    patterns = [pattern for pattern in metadata.BYLINE_PATTERNS if pattern.match(line)]
    assert [match.re for match in matches] == patterns and len(patterns) == 2
    assert matches[-1]["name"] == "Kashmira Gander"
    assert not list(metadata._byline_matches("Bystanders said the fire spread fast."))


def test_a_co_author_is_a_persons_name_as_everywhere_else():
    """_person_name decides co-authors too: "The Guardian" after a comma is the outlet, no co-author."""
    text = "By Jane Doe, The Guardian and John Roe\n\nThe government said on Monday that it would raise taxes, officials said.\n"
    assert metadata.find_author(text)[0] == "Jane Doe"
    assert metadata.find_author(text.replace("The Guardian", "Mary Major"))[0] == "Jane Doe; Mary Major; John Roe"
    assert not metadata._person_name("Jane Editor-at-large") and not metadata._person_name("MS RDN")


def test_headline_found_again_when_the_title_trail_follows_a_breadcrumb_mark():
    """_headline_again cuts a title's trail where split_title_site does (TITLE_CUT_RE), "»" and "::" too."""
    for mark in ("»", "::"):
        title = f"Orban meets Putin in Beijing again {mark} Europe"
        text = title + "\n\n" + _navigation_then("Orban meets Putin in Beijing again", "By Jane Doe | Nov 3, 2019")
        author, evidence = metadata.find_author(text, title)
        assert author == "Jane Doe" and "below the headline" in evidence
    # A long part after a mark continues the headline: the words before it are not looked for alone.
    title = "Die elektronische Patientenakte (ePA) – der lange Marsch ins Digitale Gesundheitswesen"
    text = title + "\n\n" + _navigation_then("Die elektronische Patientenakte (ePA)", "By Jane Doe | Nov 3, 2019")
    assert metadata.find_author(text, title)[0] == ""


def test_a_long_dateline_of_only_dates_and_times_is_read():
    """"Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 18.56 GMT" is 15 words, all of them dates, times
    and dateline words: a dateline, not a sentence. A sentence as long with a date in it stays unread."""
    line = "Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 18.56 GMT"
    title = "The view on Hong Kong: a city on the brink | Editorial | Opinion"
    text = title + "\n\n" + _navigation_then("The view on Hong Kong: a city on the brink", f"Editorial\n\n{line}")
    iso, evidence = metadata.find_published(text, title)
    assert iso == "2019-11-18" and "below the headline" in evidence
    assert metadata._dateline("Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM CST on Nov 18, 2019") == "2019-11-18"
    assert metadata._dateline("Mon 18 Nov 2019 the council met and the mayor said the vote would be held again soon") == ""


@pytest.mark.parametrize("text,iso", [
    ("27/09/2018", "2018-09-27"),  # 27 can only be the day
    ("11.14.2019 09:00 AM", "2019-11-14"),  # 14 can only be the day: month first
    ("20-11-2019", "2019-11-20"),
    ("25. September 2018", "2018-09-25"),  # the day's ordinal dot
    ("05/10/2018", ""),  # May 10 or 5 October: the order is unknown
    ("11/13/19", ""),  # a two-figure year: read only beside a byline (_byline_numeric_date)
    ("13/13/2019", ""),
    ("27/09-2018", ""),  # two different marks
    ("version 1.13.2019.4", ""),
])
def test_dates_in_figures_read_only_when_their_numbers_show_the_order(text, iso):
    assert metadata.parse_date(text) == iso


def test_a_date_in_figures_with_its_day_over_12_dates_the_page():
    text = "Leaders Meet In Moscow For Talks\n\n21/06/2014 Tony Carter\n\nThe leaders met.\n"
    assert metadata.find_published(text)[0] == "2014-06-21"
    assert metadata.find_published(text.replace("21/06/2014", "06/07/2014"))[0] == ""


# Sixth round (meta9): bylines inside a dateline, headlines the page rewords, the lone byline's name test.

@pytest.mark.parametrize("article", ["Intro.\n\nby MS RDN", "Intro.\n\nby Jane D."])
def test_a_byline_line_of_its_own_names_a_person_as_person_name_tells(article):
    """_lone_byline asks _person_name: degree letters alone ("MS RDN") or a one-letter surname are no full name."""
    assert metadata.find_author(_long_page(article), "Moon landers compete for NASA money")[0] == ""
    assert metadata.find_author(_long_page("Intro.\n\nby Laura Winter"), "Moon landers compete for NASA money")[0] == "Laura Winter"


@pytest.mark.parametrize("line,name", [
    ("5:45 AM PST 11/19/2019 by Patrick Shanley", "Patrick Shanley"),  # the byline after the dateline, no separator
    ("Nov 19, 2019 by Jane Doe", "Jane Doe"),
    ("By Umair Irfan Updated Nov 13, 2019, 10:28am EST", "Umair Irfan"),  # "Updated" is the dateline's, not the name's
    ("Von Moritz Bachmann publiziert am 25. September 2018", "Moritz Bachmann"),  # German "von": "by"
    ("Von Moritz Bachmann | 25.09.2018", "Moritz Bachmann"),
])
def test_a_byline_inside_a_dateline_names_the_author(line, name):
    text = f"Leaders Meet In Moscow For Talks\n\n{line}\n\nThe leaders met on Monday and talked for hours.\n"
    assert metadata.find_author(text)[0] == name
    assert metadata.find_published(text)[0]  # the same line dates the page


@pytest.mark.parametrize("line", [
    "Von Berlin aus am 25. September 2018",  # a German sentence: no person's name after "Von"
    "Von der Leyen sagte am 25. September 2018",  # a surname's particle
    "Von Moritz Bachmann",  # no date after the name: "Von" may open a headline or a surname
    "Von Trapp Family Singers am 25. September 2018 in Wien",  # words after the date that no dateline holds
    "Nov 19, 2019 by the time the leaders met",  # a sentence after the date
])
def test_von_or_by_after_a_date_is_no_byline_without_a_name_and_a_dateline(line):
    text = f"Leaders Meet In Moscow For Talks\n\n{line}\n\nThe leaders met on Monday and talked for hours.\n"
    assert metadata.find_author(text)[0] == ""


def _reworded_page(headline_line: str, below: str) -> str:
    """A page that opens with its <title> line and navigation, then prints the article's headline reworded."""
    title = "Delhi air pollution: The law that's helping fuel the city's poor air quality - Vox"
    return (f"{title}\n\n{_menu(30)}\n\n{headline_line}\n\nA policy to conserve water led to more smoke.\n\n{below}\n\n"
            "Another cloud of choking smoke and dust is set to descend upon the 20 million residents of Delhi this week.\n")


def test_a_headline_the_page_rewords_anchors_its_byline_and_date():
    """Vox: the <title> says "Delhi air pollution: The law that's helping fuel the city's poor air quality", the page's
    headline "The law that's helping fuel Delhi's deadly air pollution" (6 of its 7 content words the title's)."""
    text = _reworded_page("The law that’s helping fuel Delhi’s deadly air pollution", "By Umair Irfan Updated Nov 13, 2019, 10:28am EST")
    title = metadata.find_title(text)[0]
    author, evidence = metadata.find_author(text, title)
    assert (author, metadata.find_published(text, title)[0]) == ("Umair Irfan", "2019-11-13") and "below the headline" in evidence
    # CNBC: a longer headline, ordered otherwise, with the date below it.
    title = "Emirates inks order for 30 Boeing 787 jets, talks expansion plans"
    text = (f"{title}\n\n{_menu(30)}\n\nEmirates inks $9 billion order for 30 Boeing 787 jets, will restart plans to expand "
            "airline by early 2020s\n\nPublished Wed, Nov 20 2019 4:29 AM EST Updated an hour ago\n\nThe airline said so.\n")
    assert metadata.find_published(text, title)[0] == "2019-11-20"


@pytest.mark.parametrize("headline_line", [
    "The law that's helping fuel Delhi's deadly air pollution, officials said.",  # a sentence, no headline
    "Delhi air: the law and its quality",  # four content words shared: too few to be sure
    "Why India's capital chokes every November",  # another story's headline
])
def test_a_line_that_is_not_surely_the_headline_reworded_anchors_nothing(headline_line):
    text = _reworded_page(headline_line, "By Umair Irfan Updated Nov 13, 2019, 10:28am EST")
    title = metadata.find_title(text)[0]
    assert metadata.find_published(text, title)[0] == ""


def test_a_reworded_headline_needs_a_byline_or_dateline_below_it():
    """CBS: "Recap of Kurt Volker & Tim Morrison testimony", a link among the navigation, shares five content words with
    the title but has no byline or dateline below: the article's headline further down is the one read."""
    title = "Impeachment hearings: Key moments from Kurt Volker's and Tim Morrison's testimony"
    links = "Recap of Kurt Volker & Tim Morrison testimony\nWhite House aides testify about the Ukraine call\nShows\nCBS Evening News"
    text = (f"{title}\n\n{_menu(30)}\n\n{links}\n\n{_menu(6)}\n\nKey moments from Kurt Volker's and Tim Morrison's impeachment "
            "hearing testimony\n\nBy Stefan Becket, Kathryn Watson\n\nNovember 20, 2019 / 1:07 AM / CBS News\n\nKurt Volker testified.\n")
    assert metadata._headline_again(text, title) == text.index("Key moments from Kurt Volker's and Tim Morrison's impeachment")
    alone = text.replace("Key moments from Kurt Volker's and Tim Morrison's impeachment hearing testimony\n\n", "")
    alone = alone.replace("By Stefan Becket, Kathryn Watson\n\nNovember 20, 2019 / 1:07 AM / CBS News\n\n", "")
    assert metadata._headline_again(alone, title) == -1


@pytest.mark.parametrize("line, iso", [
    ("segunda-feira, 22 de janeiro de 2018 às 0:13", "2018-01-22"),  # Portuguese
    ("Publié le 22 janvier 2018 à 10h05", "2018-01-22"),  # French
    ("1er février 2019", "2019-02-01"),
    ("3 de mayo del 2018", "2018-05-03"),  # Spanish
    ("25. März 2018", "2018-03-25"),  # German
    ("12 ottobre 2017", "2017-10-12"),  # Italian
])
def test_other_languages_month_names_give_a_date_day_first(line, iso):
    assert metadata.parse_date(line) == iso
    assert metadata.find_published(f"Some headline of the page here\n\n{line}\n\nThe report begins here and goes on.\n")[0] == iso


def test_a_german_byline_with_a_german_month_names_author_and_date():
    text = "Die Schlagzeile des Tages hier\n\nVon Moritz Bachmann publiziert am 25. März 2018\n\nDer Bericht beginnt.\n"
    assert metadata.find_author(text)[0] == "Moritz Bachmann"
    assert metadata.find_published(text)[0] == "2018-03-25"


@pytest.mark.parametrize("line", [
    "By Mai Nguyen",  # "mai" is a French and German month: an English byline's name stays a name
    "By Juli Weiner",
])
def test_other_languages_month_names_leave_english_bylines_alone(line):
    assert metadata.find_author(f"Headline of the story goes here\n{line}\n")[0] == line[3:]


@pytest.mark.parametrize("text", ["mars 2018", "22 mai", "Mai 22, 2018", "the 22 mayo players of 2018"])
def test_other_languages_months_need_day_month_year_in_that_order(text):
    assert metadata.parse_date(text) == ""


@pytest.mark.parametrize("lines, iso", [
    (["By Eric Song, IGN Staff", "Updated: 18 Nov 2019 9:38 pm", "Posted: 17 Nov 2019 8:11 pm"], "2019-11-17"),
    (["By Umair Irfan", "Updated Nov 13, 2019, 10:28am EST | Published Nov 12, 2019, 9:00am EST"], "2019-11-12"),
    (["Last modified on 19 Nov 2019", "First published on 18 Nov 2019"], "2019-11-18"),
])
def test_the_publication_date_beside_an_update_date_is_the_date(lines, iso):
    text = "The headline of this story is here\n" + "\n".join(lines) + "\nThe report starts in this sentence and goes on.\n"
    assert metadata.find_published(text)[0] == iso


@pytest.mark.parametrize("lines, iso", [
    (["By Umair Irfan Updated Nov 13, 2019, 10:28am EST"], "2019-11-13"),  # no publication date on the page
    (["Updated: 18 Nov 2019 9:38 pm", "Nov 17, 2019"], "2019-11-18"),  # a date not marked as the publication's
    (["Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM CST on Nov 19, 2019"], "2019-11-18"),
])
def test_an_update_date_stays_without_a_marked_publication_date(lines, iso):
    text = "The headline of this story is here\n" + "\n".join(lines) + "\nThe report starts in this sentence and goes on.\n"
    assert metadata.find_published(text)[0] == iso


GLUED = ("Police identify suspect in death of 2 Ohio police officers by SARAH WYNN, WSYX/WTTE Saturday, February 10th 2018 "
         "COLUMBUS, Ohio (WSYX/WTTE) - The Westerville Division of Police has identified the suspect.\n"
         "According to police, a call came into the dispatch center Saturday as a hang-up.\n")


def test_an_opening_line_running_headline_byline_date_and_report_together_gives_all_three():
    text = "America's Immigration Voice.\n\n" + GLUED
    title = metadata.find_title(text)[0]
    assert title == "Police identify suspect in death of 2 Ohio police officers"
    assert metadata.find_author(text, title)[0] == "Sarah Wynn"
    assert metadata.find_published(text, title)[0] == "2018-02-10"


@pytest.mark.parametrize("line", [
    "See, earlier Trump Victorious As GOP Transformed Into A National Conservative Party by James Kirkpatrick, May 3, 2016",
    "Police said the man was killed by John Smith on Saturday, February 10, 2018 and fled the scene with a bag.",
    "The report was written by the committee, February 10, 2018 and it found that nothing had been done.",
])
def test_a_reference_or_sentence_naming_a_writer_and_date_is_no_glued_opening(line):
    text = f"Tagline of the site.\n\n{line}\nThe next sentence of the report follows here.\n"
    title = metadata.find_title(text)[0]
    assert metadata.find_author(text, title)[0] == ""
    assert metadata.find_published(text, title)[0] == ""


@pytest.mark.parametrize("text", [
    # a tagline, then the body written one sentence to a line, opening with a question
    "America's Immigration Voice.\n\nEver thought that history has gone to the dogs?\nHere’s proof, from Australia.\n"
    "The institute last week released a major report on history teaching.\n",
    # a sentence cut short inside the body
    "Tagline of the site.\n\nYears ago many people came to the country and applied for asylum.\n"
    "Those applications were reviewed by the immigration courts of the land.\n"
    "However, the Department declined to enforce those deportation orders, called Final Orders\n"
    "During the ten years that followed, nothing was done about these cases at all by anyone.\n",
])
def test_a_sentence_of_the_body_is_no_title(text):
    assert metadata.find_title(text) == ("", "no headline line: the text opens with body paragraphs")


@pytest.mark.parametrize("text, title", [
    ("Is coffee good for you?\n\nA new study says it is.\nResearchers followed many people for years.\n", "Is coffee good for you?"),
    ("National Data | December Jobs—TRUMP EFFECT!\nAmerican Worker Displacement ALL DECLINE!\n| Articles\n\nForget the book.\n",
     "National Data | December Jobs—TRUMP EFFECT!"),
])
def test_a_headline_set_apart_from_the_body_stays_the_title(text, title):
    assert metadata.find_title(text)[0] == title


@pytest.mark.parametrize("credit, name", [
    ("This report was originally published by Tyler Durden at Zero Hedge", "Tyler Durden"),
    ("This article was first published by Paul Joseph Watson at Infowars.com.", "Paul Joseph Watson"),
])
def test_a_republished_piece_s_credit_line_names_its_writer(credit, name):
    body = "The report begins with this sentence about the matter.\nIt goes on for a while longer here.\n"
    assert metadata.find_author(f"Headline of the piece goes here\n\n{credit}\n\n{body}")[0] == name
    assert metadata.find_author(f"Headline of the piece goes here\n\n{body}\n{credit}\n")[0] == name


@pytest.mark.parametrize("credit", [
    "Article posted with permission from Constitution.com",  # a site allowed the copy
    "Article posted with permission from Jihad Watch",  # a brand of everyday words passes the person test
    "Article posted with permission from Gateway Pundit",  # thegatewaypundit.com: a registry site's name
    "This article was originally published by Futurism",  # an outlet, no person
    "This report was originally published by the Associated Press at AP News",
])
def test_credits_that_name_no_writer_give_no_author(credit):
    body = "The report begins with this sentence about the matter.\nIt goes on for a while longer here.\n"
    assert metadata.find_author(f"Headline of the piece goes here\n\n{body}\n{credit}\n")[0] == ""


# Round 6, third wave (meta11): furniture words inside headlines, more byline and date shapes, brand credits.

BODY = ("The committee heard evidence for three hours on Tuesday and adjourned without a vote on the measure, "
        "its chairman said afterwards.\n")


@pytest.mark.parametrize("headline", [
    'Congressman: "Credible Evidence" Of Terrorist Infiltration Related To Las Vegas Shooting',
    "Google colluded with Clinton campaign with ‘silent donations’",
    "NASA captures farthest ever image from Earth",
    "Millions download the new tax app before the deadline",
])
def test_headline_holding_a_furniture_word_is_a_headline(headline):
    assert metadata.find_title(f"{headline}\n\n{BODY}")[0] == headline


@pytest.mark.parametrize("line", ["Related Stories", "Photo: Getty Images for the museum", "Comments (12)",
                                  "Download our app for the latest stories", "Sign up for our daily newsletter today",
                                  "Stay up to date with notifications from The Daily Planet"])
def test_furniture_line_is_no_headline(line):
    assert not metadata._looks_like_headline(line)


def test_short_question_title_above_its_permalink():
    text = ("Spygate Coverup?\n\nhttps://www.example.com/blog/spygate-coverup/\n"
            "Rep. Jane Doe accuses the leadership of dragging their heels in the Spygate investigation.\n"
            "There is a kind of coverup at work here.\n")
    assert metadata.find_title(text)[0] == "Spygate Coverup?"


def test_first_line_closed_by_a_full_stop_when_the_headline_stands_again():
    headline = "Google Stadia Red Dead Redemption 2 doesn’t run at a stable 60fps"
    text = (f"{headline.replace('’', chr(39))}.\n\n{_menu()}\n\n{headline}\n\nby Lewis White\n\n@lewis_d_white\n\n"
            f"Nov 19, 2019 at 9:08 GMT 1 day ago\n\n{BODY}")
    title, evidence = metadata.find_title(text)
    assert title == headline.replace("’", "'") and "full stop" in evidence
    assert metadata.find_published(text, title)[0] == "2019-11-19"
    # a sentence that is the text's first line and stands nowhere again stays no headline
    assert metadata.find_title(f"The committee adjourned without a vote.\n\n{BODY}")[0] == ""


def test_name_with_agency_and_beat_after_a_comma_below_the_headline():
    headline = "LeBron sets triple-double mark, Lakers hold off OKC 112-107"
    text = (f"{headline} - San Antonio Express-News\n\n{_menu()}\n\n{headline}\n\nGreg Beacham, Ap Sports Writer\n\n"
            f"Updated 1:33 am CST, Wednesday, November 20, 2019\n\n{BODY}")
    assert metadata.find_author(text, headline)[0] == "Greg Beacham"
    assert metadata._name_with_role("Jane Doe, Sports Writer") == "Jane Doe"
    assert metadata._name_with_role("Jane Doe Sports Writer") == ""  # no comma: "Sports" may be the name's


def test_split_date_over_two_lines():
    headline = "With shattered dreams, deportees return home from US"
    text = (f"{headline} - India Post\n\n{_menu()}\n\n{headline}\n\nNovember 20\n15:23 2019\n"
            f"Print This Article Share it With Friends\n\n{BODY}")
    assert metadata.find_published(text, headline)[0] == "2019-11-20"


def test_other_languages_month_first_with_a_comma():
    assert metadata.parse_date("Posted on Maret 30, 2015 by Admin") == "2015-03-30"
    assert metadata.parse_date("12 maart 2019") == "2019-03-12"
    assert metadata.parse_date("3 Mac 2019") == "2019-03-03"
    assert metadata.parse_date("Mac 3, 2019") == ""  # short names are read day first only


def test_name_line_just_above_the_dateline_below_the_headline():
    headline = "Wild Rose’s Mary Steenburgen Wrote the Best Movie Song of the Year"
    dek = "Oscar-winning actress Mary Steenburgen went under the knife for a routine surgery in 2009."
    text = (f"{headline} | IndieWire\n\n{_menu()}\n\n{headline}\n\n{dek}\n\nDavid Ehrlich\n\nNov 13, 2019 4:26 pm\n\n"
            f"@davidehrlich\n\n{BODY}")
    assert metadata.find_author(text, headline)[0] == "David Ehrlich"
    # a caption list under the headline: the name beside the dateline is no byline's
    captions = (f"{headline}\n\n{_menu()}\n\n{headline}\n\nAidan Gantenbein 100 backstroke\n\nMiguel Bernal North Diving\n\n"
                f"Ben Patton Trinity\n\nPosted: Fri 6:45 PM, Feb 16, 2018 |\n\n{BODY}")
    assert metadata.find_author(captions, headline)[0] == ""


def test_name_then_date_line():
    headline = "Uma palinha das brincadeiras musicais do grupo Serelepe"
    text = (f"{headline}\n\n{_menu()}\n\n{headline}\n\nCarlos Nadalim 27/09/2018 Comente! Alfabetização, Brinquedos e "
            f"Brincadeiras, Música\n\n{BODY}")
    assert metadata.find_author(text, headline)[0] == "Carlos Nadalim"
    assert metadata.find_published(text, headline)[0] == "2018-09-27"


def test_name_then_month_name_date_line():
    # review8: "Brent Co November 20, 2019 12:32" under the repeated headline gave the date, not the name: the month's
    # name was read as the name's third word, and a lower-case month pattern never matched "November" after a name.
    headline = "Lexus wants you to go topless with 2020 LC500 Convertible"
    text = (f"{headline} - Auto News\n\n{_menu()}\n\n{headline}\n\nThe LC 500 looks good even with the roof chopped off\n\n"
            f"Brent Co November 20, 2019 12:32\n\n{BODY}")
    assert metadata.find_author(text, headline)[0] == "Brent Co"
    assert metadata.find_published(text, headline)[0] == "2019-11-20"
    assert metadata.find_author(text.replace("Brent Co November", "Jane Doe Nov."), headline)[0] == "Jane Doe"
    # a company's legal form closing the name: no person, whatever the date says ("Co" is a surname only after a
    # given name, without a full stop)
    for company in ("Acme Co", "Acme Co.", "Brent Co.", "Acme Corp", "Acme Holdings Ltd"):
        assert metadata.find_author(text.replace("Brent Co", company), headline)[0] == "", company
        assert metadata.find_published(text.replace("Brent Co", company), headline)[0] == "2019-11-20", company


def test_title_drops_a_trailing_section_label():
    # review8: "National Data | May Jobs: We Unveil The New VDAWDI | Articles" kept the "| Articles" label
    title = "National Data | May Jobs: We Unveil The New VDAWDI | Articles"
    text = f"{title}\n\nA rough patch—or a double-dip recession?\n\n{BODY}"
    assert metadata.find_title(text)[0] == "National Data | May Jobs: We Unveil The New VDAWDI"
    assert metadata.without_section_trail("Trump wins the vote again - Latest News") == ("Trump wins the vote again", "Latest News")
    assert metadata.without_section_trail("Headline of the day | Opinion | Blog") == ("Headline of the day", "Opinion | Blog")
    # a lower-case part continues the headline; a site's name is no section label; a short title keeps its label
    for kept in ("Brexit: MPs vote on the deal – live", "Headline of the day | Articles | Acme Gazette", "Politics | News",
                 "Car prices rise - Auto News"):
        assert metadata.without_section_trail(kept) == (kept, ""), kept
    # a site's name of section words stays the site's name when the page bears it out ("| Live Science")
    science = "Ancient skull shows how early humans chewed"
    title, evidence = metadata.find_title(f"{science} | Live Science\n\n{_menu()}\n\n{science}\n\n{BODY}")
    assert title == science and "site name 'Live Science'" in evidence
    page = _html("<title>Why the jobs report matters | Articles</title>")
    assert metadata.read_html_metadata(page)[0]["title"] == "Why the jobs report matters"


def test_about_the_author_and_one_line_biography():
    text = (f"Apple's 16-Inch MacBook Pro Has a Familiar Keyboard\n\n{BODY}\nShare This Story\n\nAbout the author\n\n"
            "Adam Clark Estes\nAdam Clark Estes\n\nSenior editor at Gizmodo.\n")
    assert metadata.find_author(text)[0] == "Adam Clark Estes"
    bio = ("Stop Appeasing the Democrats\n\nBruce Thornton is a Shillman Journalism Fellow at the David Horowitz Freedom "
           f"Center.\n{BODY}")
    assert metadata.find_author(bio)[0] == "Bruce Thornton"
    # a sentence about a person opening the report, holding no writer's job word, names no author
    report = f"Stop Appeasing the Democrats\n\nDonald Trump is the president of the United States.\n{BODY}"
    assert metadata.find_author(report)[0] == ""


def test_brand_credit_opening_with_the_is_no_author():
    assert metadata.clean_author("The Water Coolest") == ""
    assert metadata.clean_author("Jane Doe") == "Jane Doe"


def test_closing_time_stamp_dates_a_post():
    body = BODY * 20  # the stamp below the first lines
    text = f"Spygate Coverup\n\n{body}1:33 pm on June 6, 2018\nThe Best of Jane Doe\n"
    assert metadata.find_published(text)[0] == "2018-06-06"
    # no time first: a date closing the text may be a source's or an event's
    assert metadata.find_published(f"Spygate Coverup\n\n{body}June 6, 2018\nThe Best of Jane Doe\n")[0] == ""


def test_a_month_the_month_file_writes_two_ways_is_read_both_ways():
    """"setiembre" (Peru, Uruguay) beside "septiembre": month_names.json lists both, and the schedule rule reads them too."""
    assert metadata.parse_date("15 de setiembre de 2018") == "2018-09-15"
    assert metadata.parse_date("15 de septiembre de 2018") == "2018-09-15"
    from analysis.boilerplate import SCHEDULE_MONTHS
    assert {"setiembre", "septiembre", "maret"} <= set(SCHEDULE_MONTHS)


def test_gated_patterns_match_as_before():
    """_social_post and the "by" gate of DATED_BY_RE (speed) find what the bare patterns find."""
    import re
    import sys

    from analysis.metadata import DATED_BY_RE, SOCIAL_POST_RE, _social_post

    lines = [
        "", "@", "a @b", "@ b", "pic.twitter.com/x", "PIC.TWITTER.COM", "Twitter.com/user", "twitter com", "twiTTer.Com/",
        "twıtter.com/", "Feb 1, 2019 | BY: Ilana", "Feb 1, 2019 by Jane", "Standby", "March 3 · By Jo", "BY", "bY x",
        "By Jane Doe\n  by John Roe \n\tBy  Al Li\nbyline\nBy X\nStand by me\n By a very long name " + "x" * 70 + "\nby Zed",
        "Nov 19, 2019\r\nBy Laura Winter\r\n", "By\nJane Doe",
    ]
    for line in lines:
        assert _social_post(line) == (SOCIAL_POST_RE.search(line) is not None), line
        dated = DATED_BY_RE.match(line) if "by" in line.lower() else None
        assert (dated and dated.span()) == ((m := DATED_BY_RE.match(line)) and m.span()), line
    # re.I equates no other character with the letters the gates look for than their capitals, which lower() folds.
    for letter in "bytercom":
        pattern = re.compile(letter, re.I)
        assert all(chr(code).lower() == letter for code in range(sys.maxunicode + 1) if pattern.fullmatch(chr(code)))


def test_month_first_date_pattern_matches_as_without_its_look_ahead():
    """DATE_PATTERNS[1] starts with a look-ahead (speed) that every match of it meets: the same matches without it."""
    import re

    from analysis.metadata import _MONTH_AHEAD, DATE_PATTERNS

    pattern = DATE_PATTERNS[1]
    old = re.compile(pattern.pattern.removeprefix(_MONTH_AHEAD), re.I)
    texts = [
        "", "March 3, 2023", "By Jane | Nov. 19, 2019 4:26 pm", "xxJanuary 5, 2019", "SEPT 30 2015", "sept.\t1st, 1999",
        "Published Dec 12th,  2020 and May 1, 2021", "May\n3, 2019", "Maybe 3, 2019", "Mar. 2019", "Auguſt 5, 2019",
        "on 4 July 2019", "Nov 31, 2019", "Jun 10 20190", "The 2019 season: April 20, 2019.", "JUNE 7,2019",
    ]
    for text in texts:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in old.finditer(text)], text


def test_joined_pairs_joins_each_line_its_rule_joins_to_the_next():
    """One loop serves the split-date and bare-"By" joins: a joined pair replaces both lines, the last line stays."""
    join = lambda line, following: f"{line}+{following}" if line == "a" else None  # noqa: E731
    assert metadata._joined_pairs(["a", "b", "a", "a", "c", "a"], join) == ["a+b", "a+a", "c", "a"]
    assert metadata._joined_split_dates(["November 20", "15:23 2019", "Body"]) == ["November 20, 2019 15:23", "Body"]
    assert metadata._joined_bylines(["Headline", "By", "Sarah E. Needleman"]) == ["Headline", "By Sarah E. Needleman"]


# Round 7 (review8): dates beside staff credits and in hidden markup, republishing credits naming a person.

@pytest.mark.parametrize("credit, name", [
    ("Article posted with permission from Pamela Geller", "Pamela Geller"),  # her own site is in the registry: pamelageller.com
    ("Article posted with permission from Robert Spencer", "Robert Spencer"),
    ("Reprinted with permission from Ron Paul.", "Ron Paul"),
])
def test_a_republishing_credit_naming_a_person_names_the_writer(credit, name):
    body = "The report begins with this sentence about the matter.\nIt goes on for a while longer here.\n"
    found, evidence = metadata.find_author(f"Headline of the piece goes here\n\n{body}\n{credit}\n")
    assert found == name and "republishing credit" in evidence


@pytest.mark.parametrize("byline", ["By HNN Staff", "By Jane Roe"])
def test_a_long_byline_dateline_keeps_its_date_whoever_it_credits(byline):
    title = "Scientists use Hawaii telescope to spot water vapor on distant moon"
    text = (f"{title}\n\n{byline} | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM\n\n"
            "HONOLULU - Scientists using a telescope atop Mauna Kea have confirmed water vapor on a distant moon.\n")
    assert metadata.find_published(text, title)[0] == "2019-11-18"
    assert metadata.find_author(text, title)[0] == ("" if "Staff" in byline else "Jane Roe")


def test_a_sentence_beside_a_byline_s_date_is_still_no_dateline():
    line = "By Jane Roe | She said on November 18, 2019 that the telescope had found water vapor on the distant moon"
    assert metadata._dateline(line) == ""


def test_html_visible_time_element_beats_a_date_in_hidden_markup():
    page = ('<html><head data-info="az:{rid: 8, dt: 2019-11-14T19:49:29.7741801Z, bt: 2019-11-19T20:55:09Z}">'
            '<title>The man whose duvet nearly killed him</title></head><body><h1>The man whose duvet nearly killed him</h1>'
            '<div class="byline">Sandee LaMotte <time datetime="2019-11-19T11:45:59.000Z">1 day ago</time></div>'
            '<p>Body text of the article, long enough to read as a paragraph of the story.</p></body></html>')
    values, evidence = metadata.read_html_metadata(page)
    assert values["published"] == "2019-11-19" and "<time datetime>" in evidence["published"]


def test_html_meta_date_beats_a_time_element():
    page = _html('<meta property="article:published_time" content="2019-11-18T10:00:00Z"><title>Duvet lung</title>',
                 '<p>Story <time datetime="2019-11-19T11:45:59Z">1 day ago</time></p>')
    assert metadata.read_html_metadata(page)[0]["published"] == "2019-11-18"


def test_html_time_element_s_utc_date_does_not_beat_the_local_date_its_text_shows():
    page = ('<html><head><title>Florida man exists</title></head><body><h1>Florida man exists</h1>'
            '<script>var planning = {"planned_publish_date": "2019-11-18T11:00:47Z"};</script>'
            '<p><time datetime="2019-11-19T01:19:34.819Z">Posted Nov 18, 8:19 PM</time></p>'
            '<p>Body text of the article, long enough to read as a paragraph of the story.</p></body></html>')
    values, evidence = metadata.read_html_metadata(page)
    assert "<time datetime>" not in evidence.get("published", "")
