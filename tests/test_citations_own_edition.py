"""The page's own publisher, named by its brand on a national edition's page, is no outlet the page cites."""
from __future__ import annotations

from functools import lru_cache

from analysis.corpus import Document
from analysis.pipeline import analyze_document
from analysis.resources import load_resources

TEXT = ("How to retire early\n\nSaving early is the key to retiring early, planners say.\n"
        "Visit Business Insider's homepage for more stories.\n"
        "\"You should calculate your net worth,\" he told Business Insider.\n"
        "The plan worked, according to Reuters.\n\n"
        "Copyright © 2019 Business Insider Deutschland. All rights reserved.\n")


@lru_cache(maxsize=1)
def resources():
    return load_resources()


def _cited(url: str) -> tuple[str, list[str]]:
    output = analyze_document(Document(doc_id="t", source="t.txt", text=TEXT, url=url), resources())
    assert not output.error, output.error
    return output.row["outlet"], [row["name"] for row in output.rows.get("citations", [])]


def test_the_brand_of_a_national_edition_is_the_page_naming_itself():
    outlet, cited = _cited("https://www.businessinsider.de/how-to-retire-early")
    assert outlet == "Business Insider Deutschland"
    assert cited == ["Reuters"]


def test_the_brand_on_another_site_is_still_cited():
    _, cited = _cited("https://www.example-finance.de/how-to-retire-early")
    assert "Business Insider" in cited
