"""Real-browser fixtures: a `streamlit run dashboard.py` on a free localhost port, and Debian's Chromium.

The browser is /usr/bin/chromium driven by Playwright through `executable_path`; Playwright's own
browser builds are never installed. Without chromium the tests skip, except under CI=true, where
they fail: CI must prove the browser suite ran.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ui.launch import CHROMIUM_ARGS, DashboardStartError, start_dashboard, stop_dashboard

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
SERVER_START_SECONDS = 90


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "e2e: real-browser end-to-end tests (Chromium + streamlit run)")


def _chromium() -> Path:
    """The chromium binary, or skip (fail under CI) when it is missing."""
    found = CHROMIUM if CHROMIUM.is_file() else Path(shutil.which("chromium") or "/nonexistent")
    if not found.is_file():
        message = f"Debian's chromium is not installed at {CHROMIUM}; run scripts/test.sh (it installs it)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def dashboard_url(artifacts: Path) -> Iterator[str]:
    """A real `streamlit run dashboard.py` on the bundled seeds; its log goes to test-artifacts/streamlit.log."""
    _chromium()
    log = (artifacts / "streamlit.log").open("wb")
    try:
        server, url = start_dashboard(log=log, timeout=SERVER_START_SECONDS)
    except DashboardStartError as exc:
        log.close()
        pytest.fail(f"{exc}; see {artifacts / 'streamlit.log'}")
    try:
        yield url
    finally:
        stop_dashboard(server)
        log.close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium under Playwright, shared by the session's tests."""
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(executable), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, dashboard_url: str):
    """A fresh browser page (own session) that records any dialog a script might open."""
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.dialogs = []

    def on_dialog(dialog) -> None:
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    # Offline: every request must stay on the dashboard's own server (or be an inline data:/blob: URL).
    page.outside_requests = []
    local = dashboard_url.rstrip("/")
    context.on("request", lambda request: None if request.url.startswith((local, "data:", "blob:")) else page.outside_requests.append(request.url))
    page.set_default_timeout(60_000)
    yield page
    context.close()
