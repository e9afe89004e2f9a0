"""Blocks of a document (body or boilerplate) and the body view every later analysis reads."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

BODY = "body"
BOILERPLATE = "boilerplate"


@dataclass(frozen=True)
class Block:
    """A run of the document's text [start, end) judged body or boilerplate; `category` names the kind of boilerplate."""

    start: int
    end: int
    kind: str
    category: str = ""
    why: str = ""


@dataclass(frozen=True)
class Segmentation:
    """A document cut into blocks, in order, covering its non-blank text. `turns`: the speaker turns of interview
    transcripts in `text` (analysis.quotes.find_speaker_turns) when segmentation looked for them, else None."""

    text: str
    blocks: tuple[Block, ...]
    turns: tuple | None = field(default=None, compare=False, repr=False)

    @cached_property
    def body_blocks(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == BODY)

    @cached_property
    def body_text(self) -> str:
        """Body blocks joined with blank lines: the input of readability and framing."""
        return "\n\n".join(self.text[b.start:b.end] for b in self.body_blocks)

    @cached_property
    def _boilerplate_starts(self) -> list[int]:
        return [b.start for b in self.blocks if b.kind == BOILERPLATE]

    @cached_property
    def _boilerplate(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == BOILERPLATE]

    def in_boilerplate(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a boilerplate block."""
        # Blocks do not overlap, so only the last boilerplate block starting before `end` can touch the range.
        index = bisect.bisect_right(self._boilerplate_starts, end - 1) - 1
        return index >= 0 and self._boilerplate[index].end > start

    @cached_property
    def boilerplate_chars(self) -> int:
        return sum(b.end - b.start for b in self.blocks if b.kind == BOILERPLATE)

    @cached_property
    def total_chars(self) -> int:
        return sum(b.end - b.start for b in self.blocks)

    @property
    def boilerplate_share(self) -> float:
        """Boilerplate characters / all block characters (0 for an empty document)."""
        return self.boilerplate_chars / self.total_chars if self.total_chars else 0.0
