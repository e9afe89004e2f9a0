"""Quoted and paraphrased actors with their attribution verbs. (Skeleton until issue 6 lands.)"""
from __future__ import annotations

from dataclasses import dataclass

from .context import DocContext


@dataclass(frozen=True)
class Actor:
    """A person (or organisation) the document quotes or paraphrases."""

    name: str
    kind: str = "person"
    mentions: int = 0
    quoted: int = 0
    paraphrased: int = 0
    verbs: tuple[str, ...] = ()


def find_actors(context: DocContext) -> list[Actor]:
    """Actors quoted or paraphrased in the document's body, sorted by name."""
    return []
