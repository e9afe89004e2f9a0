"""Framing comparison. (Skeleton until issue 6 lands.)"""
from __future__ import annotations

from .context import Contribution, CorpusOutput, DocContext


def load_referents(path=None):
    return None


def load_frame_cues(path=None):
    return None


def analyze_document(context: DocContext) -> Contribution:
    return Contribution()


def analyze_corpus(documents, features, resources, event_overrides=None) -> CorpusOutput:
    """Corpus-level steps on the gathered per-document outputs."""
    return CorpusOutput()
