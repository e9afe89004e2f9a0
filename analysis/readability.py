"""readability analysis. (Skeleton until its issue lands: contributes nothing, so its columns stay empty.)"""
from __future__ import annotations

from .context import Contribution, DocContext


def analyze(context: DocContext) -> Contribution:
    return Contribution()
