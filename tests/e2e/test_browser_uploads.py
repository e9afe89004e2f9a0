"""Uploads in a real browser: an edited events file regroups Compare, a custom lexicon re-marks the text (and a bad
one is refused by line), and a zip of CLI tables opens without analysis.

Same server and Chromium fixtures as test_browser.py (tests/e2e/conftest.py); every upload goes through the
file chooser input of Streamlit's uploader with a file written to tmp_path.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from .test_browser import open_page, screenshot, wait_idle

pytestmark = pytest.mark.e2e

LEXICON_HEADER = "term,patterns,category,narrative,neutral_alternative,note\n"
# A wording of seed 000 ("his visit to the Russian capital") that no shipped entry marks and no longer model hit covers.
PROBE_ROW = "e2e probe,Russian capital,emotive intensifier,neutral-descriptive,Moscow,browser test\n"


def open_seeds(page, url: str) -> None:
    """A fresh session on the bundled seeds, analysed and idle."""
    page.goto(url)
    page.get_by_text("documents from bundled seed articles").wait_for(timeout=120_000)
    wait_idle(page)


def uploader(scope, label: str):
    """The file chooser input of the Streamlit uploader whose label contains `label`."""
    return scope.locator('[data-testid="stFileUploader"]').filter(has_text=label).locator('input[type="file"]')


def open_event_choice(page):
    """Open Compare's Event select box (its arrow button: a click on the focused input would not reopen it); its options."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Event")
    # Scrolled to the middle of the window first: at its bottom edge the list opens out of sight.
    box.evaluate("element => element.scrollIntoView({block: 'center'})")
    box.get_by_role("button", name="Open").click()
    options = page.get_by_role("option")
    options.first.wait_for()
    return options


def event_options(page) -> list[str]:
    """The options of Compare's Event select box (opened, read, closed again)."""
    options = open_event_choice(page)
    texts = [t.strip() for t in options.all_inner_texts()]
    page.keyboard.press("Escape")
    options.first.wait_for(state="hidden")
    return texts


def no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0


def test_regroup_events_by_downloaded_and_edited_file(page, dashboard_url: str, artifacts: Path, tmp_path: Path) -> None:
    open_seeds(page, dashboard_url)
    open_page(page, "Compare")
    page.locator(".sfd-card").nth(1).wait_for()
    before = event_options(page)
    assert any(o.startswith("E2 (2 documents)") for o in before) and not any(o.startswith("E9 ") for o in before)

    page.get_by_text("Regroup events", exact=True).click()
    editor = page.locator('[data-testid="stExpander"]').filter(has_text="Regroup events")
    with page.expect_download() as download_info:
        editor.get_by_role("button", name="Download the events as CSV (for --events FILE)").click()
    rows = list(csv.DictReader(io.StringIO(Path(download_info.value.path()).read_text(encoding="utf-8"))))
    assert [row["event_id"] for row in rows] == ["E1", "E2", "E2", "E3", "E1"], "the file lists the automatic events"

    # Move seeds 001 (E2) and 003 (E3) into a new event E9, as an analyst would in a spreadsheet.
    moved = {rows[1]["doc_id"], rows[3]["doc_id"]}
    for row in rows:
        if row["doc_id"] in moved:
            row["event_id"] = "E9"
    edited = tmp_path / "regrouped.csv"
    with edited.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    uploader(editor, "Upload an events file").set_input_files(str(edited))
    apply = page.get_by_role("button", name=re.compile(r"^Apply regrouped.csv \(5 documents\)"))
    apply.wait_for()
    wait_idle(page)
    apply.click()
    page.locator('[data-testid="stSidebar"]').get_by_text("Events regrouped by hand for 5 documents").wait_for()
    page.get_by_text("Regroup events (5 documents set by hand)").wait_for()
    wait_idle(page)
    no_exception(page)

    after = event_options(page)
    assert any(o.startswith("E9 (2 documents)") for o in after) and any(o.startswith("E2 (1 document)") for o in after)
    assert not any(o.startswith("E3 ") for o in after)
    open_event_choice(page).filter(has_text="E9 (2 documents)").click()
    page.wait_for_function("() => location.search.includes('event=E9')")
    wait_idle(page)
    cards = page.locator(".sfd-card").all_inner_texts()
    assert len(cards) == 2, "one card per member of the new event"
    assert any("The New American" in card for card in cards), "seed 001 (The New American) moved into E9"
    no_exception(page)
    screenshot(page, artifacts / "compare-regrouped.png", height=1250)


def test_custom_lexicon_upload_refuses_bad_lines_and_marks_its_terms(page, dashboard_url: str, artifacts: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(LEXICON_HEADER + PROBE_ROW + "bad one,bad wording,euphemism,pro-russian,x,\n", encoding="utf-8")
    mine = tmp_path / "mine.csv"
    mine.write_text(LEXICON_HEADER + PROBE_ROW, encoding="utf-8")
    probe = '.sfd-doc mark.ld[title*="term: e2e probe"]'

    open_seeds(page, dashboard_url)
    open_page(page, "Document")
    page.locator(".sfd-doc").first.wait_for()
    assert page.locator(probe).count() == 0, "the shipped lexicon does not mark the probe wording"

    open_page(page, "Lexicons")
    uploader(page, "Custom lexicon file").set_input_files(str(bad))
    page.get_by_text("This lexicon cannot be used").wait_for()
    page.get_by_text("line 3: unknown narrative 'pro-russian'").wait_for()
    assert page.get_by_role("button", name=re.compile("^Apply bad")).count() == 0, "a bad file cannot be applied"

    uploader(page, "Custom lexicon file").set_input_files(str(mine))
    page.get_by_text("The file is valid (1 entries)").wait_for()
    wait_idle(page)
    page.get_by_role("button", name="Apply mine.csv to this session").click()
    page.locator('[data-testid="stSidebar"]').get_by_text("Custom lexicon in use: mine.csv").wait_for(timeout=120_000)
    wait_idle(page)
    no_exception(page)

    open_page(page, "Document")
    page.locator(".sfd-doc").first.wait_for()
    page.locator(probe).first.wait_for()
    assert "Russian capital" in page.locator(probe).first.inner_text()
    assert page.locator('.sfd-doc mark.ld[title*="term: special military operation"]').count() == 0, "the shipped entries are replaced"
    no_exception(page)
    screenshot(page, artifacts / "custom-lexicon-document.png", height=1250)


def test_zip_of_cli_tables_opens_without_analysis(page, dashboard_url: str, artifacts: Path, tmp_path: Path) -> None:
    open_seeds(page, dashboard_url)
    open_page(page, "Export")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download every table (.zip of CSV)").click()
    tables = tmp_path / "tables-csv.zip"
    download_info.value.save_as(str(tables))

    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Upload files or a zip").click()
    sidebar.get_by_text("Upload one or more files to analyse them.").wait_for()
    wait_idle(page)
    # Record any analysis status box from here on: it must never appear for a zip of tables.
    page.evaluate("""() => {
        window.__analysing = false;
        new MutationObserver(() => {
            if (document.body.innerText.includes('Analysing ')) window.__analysing = true;
        }).observe(document.body, {childList: true, subtree: true, characterData: true});
    }""")
    uploader(sidebar, "Articles").set_input_files(str(tables))
    sidebar.get_by_text("documents from tables in tables-csv.zip").wait_for(timeout=60_000)
    wait_idle(page)
    caption = sidebar.inner_text()
    assert "5 documents from tables in tables-csv.zip" in caption
    assert page.evaluate("() => window.__analysing") is False, "no 'Analysing …' status was shown"
    assert page.locator('[data-testid="stStatusWidget"]').filter(has_text="Analysing").count() == 0
    no_exception(page)

    open_page(page, "Compare")
    page.locator(".sfd-card").nth(1).wait_for()
    assert page.locator(".sfd-doc").count() >= 2, "the texts are rebuilt from the tables"
    assert page.evaluate("() => window.__analysing") is False
    no_exception(page)
    screenshot(page, artifacts / "zip-tables-compare.png", height=1250)
