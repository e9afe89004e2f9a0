"""Run a command and measure its wall time and the peak memory of its whole process tree.

Peak memory is sampled: the summed RSS of the process and all its descendants (worker processes
included), polled every `interval` seconds. Pages shared between forked workers are counted once
per process, so the figure is an upper bound on what the machine really spends.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Measurement:
    seconds: float
    peak_rss_bytes: int
    returncode: int
    stdout: str
    stderr: str

    @property
    def peak_rss_mb(self) -> float:
        return self.peak_rss_bytes / 2**20


def tree_rss(process: psutil.Process) -> int:
    """RSS of a process plus every descendant, in bytes (processes that vanish mid-read are skipped)."""
    total = 0
    try:
        family = [process] + process.children(recursive=True)
    except psutil.Error:
        return 0
    for member in family:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_measured(command: list[str], interval: float = 0.1, cwd: Path = REPO) -> Measurement:
    """Run `command` to the end; wall time includes interpreter start-up."""
    # Output goes to files, not pipes: a full pipe would stall the child while we only poll.
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, text=True)
        watched = psutil.Process(child.pid)
        peak = 0
        while child.poll() is None:
            peak = max(peak, tree_rss(watched))
            time.sleep(interval)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        return Measurement(seconds, peak, child.returncode, out.read(), err.read())


def python(*args: str) -> list[str]:
    """A command line running this interpreter."""
    return [sys.executable, *args]
