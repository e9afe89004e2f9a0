"""What each per-document analysis reads (DocContext) and what it gives back (Contribution)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .blocks import BOILERPLATE, Segmentation
from .document import Document
from .lexicon import reads_as_english
from .lexicon_csv import fold_word
from .quotes import Quote, Turn, find_quotes, find_speaker_turns
from .tokens import Tokens, WordMemo

if TYPE_CHECKING:
    from .resources import Resources

_FOLDED_WORDS: WordMemo[str] = WordMemo(fold_word)


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
    def turns(self) -> tuple[Turn, ...]:
        """The speaker turns of interview transcripts in the document text (find_speaker_turns), found once and shared:
        segmentation's, where its transcript rule looked for them."""
        if self.segmentation.turns is not None and self.segmentation.text == self.document.text:
            return self.segmentation.turns
        return tuple(find_speaker_turns(self.document.text))

    @cached_property
    def voice_finder(self):
        """The voice of any phrase of the document (analysis.voice.VoiceFinder, = classify_voice), set up once and
        shared by loaded wording and naming: its pull-quotes and layout blocks are found once a document, not once a phrase."""
        from .voice import VoiceFinder

        return VoiceFinder(self.document.text, self.quotes, self.turns, self.tokens)

    @cached_property
    def folded_words(self) -> tuple[str, ...]:
        """Every word folded for lexicon matching (lexicon_csv.fold_word), folded once and shared by naming and frames."""
        return tuple(map(_FOLDED_WORDS.__getitem__, self.tokens.words))

    @cached_property
    def body_word_indexes(self) -> tuple[int, ...]:
        """Indexes of the words that lie in body blocks (overlapping no boilerplate block)."""
        spans = self.tokens.word_spans
        boilerplate = [block for block in self.segmentation.blocks if block.kind == BOILERPLATE]
        if not boilerplate or not spans:
            return tuple(range(len(spans)))  # a page with no furniture: every word is body
        # Blocks are a cut of the text (in order, not overlapping) and words are in order, so the words touching
        # each boilerplate block are one run of indexes, found by bisection; the rest are kept a run at a time.
        starts, ends = self.tokens.word_starts, self.tokens.word_ends
        indexes: list[int] = []
        cursor = 0
        for block in boilerplate:
            first = bisect.bisect_right(ends, block.start)  # the first word ending after the block starts
            last = bisect.bisect_left(starts, block.end)  # the words starting before the block ends
            if first < last:
                indexes.extend(range(cursor, first))
                cursor = max(cursor, last)
        indexes.extend(range(cursor, len(spans)))
        return tuple(indexes)

    @cached_property
    def body_words(self) -> int:
        """How many words lie in body blocks."""
        return len(self.body_word_indexes)

    @cached_property
    def body_reads_as_english(self) -> bool:
        """Whether the body reads as English (lexicon.reads_as_english): the lexicons and frame cues are English
        words, false friends on a page in another language (Portuguese "eu", "I"). Judged once, shared."""
        body, lower = self.body_word_indexes, self.tokens.lower_words
        return reads_as_english(list(map(lower.__getitem__, body)) if body else lower)

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
