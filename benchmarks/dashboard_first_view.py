"""How fast the dashboard's first view appears on a folder of 10,000 scored documents.

    python benchmarks/dashboard_first_view.py [--docs 10000] [--format csv|parquet] [--tables DIR] [--reuse]

Builds a folder of scored tables for --docs documents (from --tables, a folder written by
`python -m analysis score`, replicated with fresh doc and event ids until it holds --docs documents;
by default the seeds are scored first; --reuse opens the folder an earlier run built, as is), starts
`streamlit run dashboard.py -- FOLDER` headless on a free localhost port, opens it in Debian's
Chromium (Playwright, executable_path; no browser download) and prints:
- server start: from launching streamlit until it answers its health check;
- first view: from the browser opening the page until the Overview shows its document count and its
  table. The target is 5 s.
- the CPU seconds behind that first view, which other work on the machine hardly inflates (unlike
  the wall-clock time): the server process's and Chromium's processes' (psutil);
- the same for a second browser session on the same server (tables and figures cached by corpus key).
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analysis import export  # noqa: E402
from ui.launch import CHROMIUM_ARGS, DashboardStartError, start_dashboard, stop_dashboard  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
WAIT_MS = 180_000


def replicate(tables: dict[str, pd.DataFrame], target: int) -> dict[str, pd.DataFrame]:
    """The tables repeated with suffixed doc and event ids until `documents` has `target` rows."""
    base = len(tables["documents"])
    copies = -(-target // max(1, base))
    out: dict[str, pd.DataFrame] = {}
    for name, frame in tables.items():
        if name == "errors":
            out[name] = frame
            continue
        pieces = []
        for k in range(copies):
            piece = frame.copy()
            for column in ("doc_id", "doc_a", "doc_b", "event_id"):
                if column in piece:
                    piece[column] = piece[column].map(lambda v, k=k: f"{v}-{k}" if isinstance(v, str) and v else v)
            pieces.append(piece)
        out[name] = pd.concat(pieces, ignore_index=True) if pieces else frame
    keep = set(out["documents"]["doc_id"].head(target))
    for name, frame in out.items():
        if "doc_id" in frame and name != "errors":
            out[name] = frame[frame["doc_id"].isin(keep)].reset_index(drop=True)
    return out


def folder_path(workdir: Path, docs: int, fmt: str) -> Path:
    """Where the folder of `docs` scored documents in format `fmt` is built."""
    return workdir / f"scored-{docs}-{fmt}"


def build_folder(source: Path | None, docs: int, fmt: str, workdir: Path) -> Path:
    if source is None:
        source = workdir / "seed-tables"
        shutil.rmtree(source, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "analysis", "score", str(REPO / "seeds"), "--out", str(source), "--no-progress"], cwd=REPO, check=True, capture_output=True)
    results = export.read_results(source)
    tables = replicate(results.tables, docs)
    folder = folder_path(workdir, docs, fmt)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, frame in tables.items():
        (folder / f"{name}.{fmt}").write_bytes(export.table_bytes(frame, fmt))
    return folder


def cpu_seconds(processes: list[psutil.Process]) -> dict[int, float]:
    """{pid: user plus system CPU seconds used so far} for those of `processes` still running."""
    used = {}
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        used[process.pid] = times.user + times.system
    return used


def cpu_since(before: dict[int, float], now: dict[int, float]) -> float:
    """CPU seconds used between two cpu_seconds() snapshots; a process started meanwhile counts in full."""
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in now.items())


def browser_processes(server: psutil.Process) -> list[psutil.Process]:
    """This script's child processes outside the server's tree: Playwright's driver and Chromium's processes."""
    server_tree = {server.pid} | {child.pid for child in server.children(recursive=True)}
    return [child for child in psutil.Process().children(recursive=True) if child.pid not in server_tree]


@dataclass
class View:
    """One opening of the Overview in a new browser session."""

    seconds: float  # page open -> document count and table shown
    server_cpu: float  # CPU seconds the server process used meanwhile
    browser_cpu: float  # CPU seconds Chromium's processes (and Playwright's driver) used meanwhile
    exceptions: int  # Streamlit exception boxes on the page


def open_overview(browser, url: str, server: psutil.Process, documents: int, screenshot: Path) -> View:
    """Open `url` in a new page and wait until the Overview shows `documents` as its count and its table."""
    server_cpu, browser_cpu = cpu_seconds([server]), cpu_seconds(browser_processes(server))
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    opened = time.perf_counter()
    page.goto(url)
    try:
        page.get_by_role("heading", name="Overview").first.wait_for(timeout=WAIT_MS)
        count = re.compile(rf"^\s*{documents}|{documents:,}\s*$")
        page.locator('[data-testid="stMetricValue"]').filter(has_text=count).first.wait_for(timeout=WAIT_MS)
        page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=WAIT_MS)
    finally:
        page.screenshot(path=str(screenshot))
    seconds = time.perf_counter() - opened
    server_cpu = cpu_since(server_cpu, cpu_seconds([server]))
    browser_cpu = cpu_since(browser_cpu, cpu_seconds(browser_processes(server)))
    view = View(seconds, server_cpu, browser_cpu, page.locator('[data-testid="stException"]').count())
    page.close()
    return view


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--format", choices=("csv", "parquet"), default="csv")
    parser.add_argument("--tables", type=Path, help="a folder of scored tables to replicate (default: the seeds, scored now)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "analysis-bench")
    parser.add_argument("--reuse", action="store_true", help="open the folder an earlier run built in --workdir, if there is one, instead of building it again")
    args = parser.parse_args()

    folder = folder_path(args.workdir, args.docs, args.format)
    if not (args.reuse and export.is_results_dir(folder)):
        folder = build_folder(args.tables, args.docs, args.format, args.workdir)
    documents = len(export.read_results(folder).documents)
    launched = time.perf_counter()
    try:
        server, url = start_dashboard(["--", str(folder)], timeout=120)
    except DashboardStartError as exc:
        sys.exit(str(exc))
    try:
        healthy = time.perf_counter()
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            process = psutil.Process(server.pid)
            first = open_overview(browser, url, process, documents, args.workdir / "first_view.png")
            shown = time.perf_counter()
            # A second session on the same server: what every later analyst sees, the corpus's tables and
            # figures already cached by its key.
            second = open_overview(browser, url, process, documents, args.workdir / "second_view.png")
            browser.close()
    finally:
        stop_dashboard(server, timeout=30)
    print(f"dashboard on {documents:,} scored documents ({args.format} tables in {folder}); load average {psutil.getloadavg()[0]:.1f}")
    print(f"  server start (launch -> health check): {healthy - launched:6.1f} s")
    print(f"  first view (page open -> Overview count and table): {first.seconds:6.1f} s   (target 5 s)")
    print(f"    CPU behind it: server {first.server_cpu:.2f} s, browser {first.browser_cpu:.2f} s")
    print(f"  launch -> first view: {shown - launched:6.1f} s; errors shown on the page: {first.exceptions}")
    print(f"  second session's view: {second.seconds:6.1f} s (CPU: server {second.server_cpu:.2f} s, browser {second.browser_cpu:.2f} s); "
          f"errors shown: {second.exceptions}")


if __name__ == "__main__":
    main()
