"""Starting `streamlit run dashboard.py` as a local server and waiting until it answers.

Shared by the real-browser tests and the first-view benchmark, so both start the dashboard the same way.
"""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import IO

REPO = Path(__file__).resolve().parents[1]
# Debian's Chromium, offline: without the background-networking flags it keeps dialling Google's hosts.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class DashboardStartError(RuntimeError):
    """The dashboard server exited or did not answer its health check in time."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_dashboard(extra_args: list[str] | None = None, log: IO[bytes] | int = subprocess.DEVNULL, timeout: float = 90.0) -> tuple[subprocess.Popen, str]:
    """Launch the dashboard on a free localhost port; returns (server process, URL) once /_stcore/health answers.

    `extra_args` follow the streamlit options (e.g. ["--", "scored/"]). Raises DashboardStartError, with
    the server stopped, when it exits or stays silent for `timeout` seconds.
    """
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
               *(extra_args or [])]
    server = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while True:
        if server.poll() is not None:
            raise DashboardStartError(f"streamlit exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return server, url
        except OSError:
            pass
        if time.monotonic() > deadline:
            stop_dashboard(server)
            raise DashboardStartError(f"streamlit did not answer on {url} within {timeout:g} s")
        time.sleep(0.1)


def stop_dashboard(server: subprocess.Popen, timeout: float = 10.0) -> None:
    """Stop the server, killing it if it does not exit within `timeout` seconds."""
    server.terminate()
    try:
        server.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
