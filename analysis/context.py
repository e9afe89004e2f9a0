"""What each per-document analysis reads (DocContext) and what it gives back (Contribution)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .blocks import Segmentation
from .document import Document
from .lexicon_csv import fold_word
from .quotes import Quote, find_quotes
from .tokens import Tokens

if TYPE_CHECKING:
    from .resources import Resources


@dataclass
class DocContext:
    """One document with its single tokenization and its segmentation into body and boilerplate."""

    document: Document
    tokens: Tokens
    segmentation: Segmentation
    resources: "Resources"

    @cached_property
    def quotes(self) -> list[Quote]:
        """The quotations in the document text, found once and shared."""
        return find_quotes(self.document.text)

    @cached_property
    def folded_words(self) -> tuple[str, ...]:
        """Every word folded for lexicon matching (lexicon_csv.fold_word), folded once and shared by naming and frames."""
        return tuple(map(fold_word, self.tokens.words))

    @cached_property
    def body_words(self) -> int:
        return self.segmentation.body_word_count(self.tokens.word_spans)

    @cached_property
    def actors(self) -> list:
        """The quoted and paraphrased actors (analysis.actors.find_actors), found once and shared by outlets and framing."""
        from .actors import find_actors

        return find_actors(self)


@dataclass
class Contribution:
    """One analysis's output for one document.

    `columns` extend the document's row in `documents`; `rows` add rows to other tables
    (spans, blocks, citations, naming, or extra tables); `features` carry data that corpus-level
    steps need (term counts, quoted actors) and are not exported.
    """

    columns: dict[str, object] = field(default_factory=dict)
    rows: dict[str, list[dict]] = field(default_factory=dict)
    features: dict[str, object] = field(default_factory=dict)


@dataclass
class CorpusOutput:
    """What the corpus-level steps give back: an event per document and rows for corpus tables."""

    event_ids: dict[str, str] = field(default_factory=dict)
    rows: dict[str, list[dict]] = field(default_factory=dict)
