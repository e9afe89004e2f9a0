"""Everything the analyses load once per process: lexicons, models, the outlet registry.

Built explicitly with load_resources() and passed to every analysis: no hidden global state,
so a session with a custom lexicon and one without can run side by side.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Resources:
    """Loaded data for the analyses. Each field's type is defined by the module that uses it."""

    boilerplate_model: Any = None
    lexicon: Any = None
    loaded_model: Any = None
    registry: Any = None
    referents: Any = None
    frame_cues: Any = None
    # Lines repeated across documents of one outlet in the corpus being scored (boilerplate_repeats.OutletRepeats),
    # set per corpus by pipeline.analyze / batch.score_stream; None: no index, nothing counts as repeated.
    outlet_repeats: Any = None


def load_resources(lexicon_path: str | Path | None = None, referents_path: str | Path | None = None, frames_path: str | Path | None = None) -> Resources:
    """Load the shipped data (or the given replacements for the editable lexicons)."""
    from . import boilerplate, framing, loaded, outlets

    return Resources(
        boilerplate_model=boilerplate.load_model(),
        lexicon=loaded.load_lexicon(lexicon_path),
        loaded_model=loaded.load_model(),
        registry=outlets.load_registry(),
        referents=framing.load_referents(referents_path),
        frame_cues=framing.load_frame_cues(frames_path),
    )
