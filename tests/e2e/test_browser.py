"""End to end in a real browser: seeds load, Compare renders, a CSV downloads with the CLI's bytes, hostile text stays inert."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = (
    "<img src=x onerror=\"window.__pwned='title';alert('title')\"> Hostile page\n"
    "This article tries to run code in the analyst's browser.\n"
    "<script>window.__pwned = 'script'; alert('script ran')</script>\n"
    "<img src=\"x\" onerror=\"window.__pwned = 'img'; alert('img ran')\">\n"
    "<iframe srcdoc=\"<script>parent.__pwned = 'iframe'; parent.alert('iframe ran')</script>\"></iframe>\n"
    "<a href=\"javascript:alert('link ran')\">a link</a> and <b onmouseover=\"alert('hover')\">bold</b> and =HYPERLINK(\"http://x\")\n"
)


def wait_idle(page, timeout: float = 90_000) -> None:
    """Wait until Streamlit has finished the current script run (no 'running' status widget)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.toLowerCase().includes('running')",
        timeout=timeout,
    )
    page.wait_for_timeout(300)


def screenshot(page, path: Path, height: int = 2600) -> None:
    """A tall screenshot: Streamlit scrolls inside its own container, so grow the window instead of full_page."""
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": height})
    page.wait_for_timeout(1500)  # let charts re-layout to the new size
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


def open_page(page, name: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_text(name, exact=True).click()
    page.get_by_role("heading", name=name).first.wait_for()
    wait_idle(page)


def test_seeds_load_and_compare(page, dashboard_url: str, artifacts: Path) -> None:
    page.goto(dashboard_url)
    page.get_by_role("heading", name="Overview").first.wait_for()
    page.get_by_text("documents from bundled seed articles").wait_for(timeout=120_000)
    wait_idle(page)
    assert "5" in page.locator('[data-testid="stSidebar"]').inner_text()
    assert page.locator('[data-testid="stException"]').count() == 0
    page.locator(".js-plotly-plot").first.wait_for()
    screenshot(page, artifacts / "overview.png")

    open_page(page, "Compare")
    page.get_by_role("heading", name="Distinctive terms").wait_for()
    page.locator(".sfd-card").nth(1).wait_for()
    wait_idle(page)
    assert page.locator(".sfd-card").count() >= 2, "one outlet card per compared document"
    assert page.locator(".sfd-doc").count() >= 2, "one highlighted text per compared document"
    assert "event=" in page.url or "docs=" in page.url, "the selection is kept in the URL"
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, artifacts / "compare.png")

    page.get_by_text("2–4 documents I pick").click()
    page.locator(".sfd-card").nth(3).wait_for()
    wait_idle(page)
    assert "docs=" in page.url
    screenshot(page, artifacts / "compare-top.png", height=1250)

    shared = page.url  # a shared link reopens the same selection in a new session
    other = page.context.new_page()
    other.goto(shared)
    other.get_by_role("heading", name="Distinctive terms").wait_for()
    other.locator(".sfd-card").nth(1).wait_for()
    wait_idle(other)
    assert other.locator(".sfd-card").count() == page.locator(".sfd-card").count()
    other.close()

    for name in ("Document", "Lexicons", "Export"):
        open_page(page, name)
    favicon = page.evaluate("() => document.querySelector(\"link[rel*='icon']\").href")
    assert favicon.startswith(("data:", dashboard_url.rstrip("/"))), favicon
    assert page.outside_requests == [], "the dashboard must not reach the internet"


def test_export_csv_matches_cli(page, dashboard_url: str, artifacts: Path, monkeypatch) -> None:
    page.goto(dashboard_url)
    page.get_by_text("documents from bundled seed articles").wait_for(timeout=120_000)
    wait_idle(page)
    open_page(page, "Export")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="documents.csv").click()
    download = download_info.value
    target = artifacts / "documents.csv"
    download.save_as(str(target))
    data = target.read_bytes()
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert len(rows) == 5
    assert {"doc_id", "outlet", "boilerplate_share", "loaded_per_1k_words"} <= set(rows[0])
    assert all(row["source"].startswith("seeds/") for row in rows)

    # The same bytes as the CLI's writer for the same corpus (the server runs from the repository root).
    from analysis import analyze, export, load_corpus, load_resources

    monkeypatch.chdir(ROOT)
    documents, errors = load_corpus(["seeds"])
    assert data == export.table_csv_bytes(analyze(documents, load_resources(), errors=errors).documents)


def test_hostile_document_is_inert(page, dashboard_url: str, artifacts: Path, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    page.goto(dashboard_url)
    wait_idle(page)
    page.locator('[data-testid="stSidebar"]').get_by_text("Upload files or a zip").click()
    wait_idle(page)
    page.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(str(hostile))
    page.get_by_text("1 document from 1 uploaded file").wait_for(timeout=60_000)
    wait_idle(page)

    open_page(page, "Document")
    text = page.locator(".sfd-doc").first
    text.wait_for()
    shown = text.inner_text()
    assert "<script>window.__pwned = 'script'" in shown, "the script tag is shown as text"
    assert "<iframe srcdoc=" in shown and "onerror=" in shown
    assert page.locator(".sfd-doc img, .sfd-doc script, .sfd-doc iframe, .sfd-doc a").count() == 0
    # Hover and wait a moment, so an event handler or a late iframe would have had its chance.
    text.hover()
    page.wait_for_timeout(800)
    screenshot(page, artifacts / "hostile-document.png")

    open_page(page, "Overview")
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.__pwned") is None, "no injected script ran"
    assert page.dialogs == [], f"no dialog may open: {page.dialogs}"
    assert page.locator('[data-testid="stException"]').count() == 0


def test_folder_of_scored_tables_opens_with_its_texts(browser, artifacts: Path, tmp_path: Path) -> None:
    """`streamlit run dashboard.py -- FOLDER` on tables written by the CLI: the Overview draws its count, table and
    charts, and the Document page shows a text rebuilt from the blocks table (read only when that page asks)."""
    from analysis import analyze, export, load_corpus, load_resources
    from ui.launch import start_dashboard, stop_dashboard

    documents, errors = load_corpus([str(ROOT / "seeds")])
    export.write_results(analyze(documents, load_resources(), errors=errors), tmp_path / "scored")
    with (artifacts / "streamlit-tables.log").open("wb") as log:
        server, url = start_dashboard(["--", str(tmp_path / "scored")], log=log)
        try:
            context = browser.new_context(viewport={"width": 1600, "height": 1000})
            page = context.new_page()
            page.set_default_timeout(60_000)
            page.goto(url)
            page.get_by_role("heading", name="Overview").first.wait_for()
            page.locator('[data-testid="stMetricValue"]').filter(has_text="5").first.wait_for()
            page.locator('[data-testid="stDataFrame"]').first.wait_for()
            page.locator(".js-plotly-plot").first.wait_for()
            wait_idle(page)
            assert "tables in" in page.locator('[data-testid="stSidebar"]').inner_text()
            assert page.locator('[data-testid="stException"]').count() == 0
            open_page(page, "Document")
            page.locator(".sfd-doc").first.wait_for()
            assert len(page.locator(".sfd-doc").first.inner_text()) > 200, "the text is rebuilt from its blocks"
            assert page.locator('[data-testid="stException"]').count() == 0
            screenshot(page, artifacts / "tables-document.png")
            context.close()
        finally:
            stop_dashboard(server)


def test_missing_chromium_fails_under_ci_and_skips_elsewhere(monkeypatch) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("e2e_conftest", Path(__file__).with_name("conftest.py"))
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    monkeypatch.setattr(conftest, "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.setattr(conftest.shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        conftest._chromium()
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception):
        conftest._chromium()
