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
