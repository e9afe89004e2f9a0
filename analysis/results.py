"""The tables of the export contract, and Results, the one object UI, CLI and export read."""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field

import pandas as pd

# Contract columns (DESIGN.md, README's tables section). Analyses may add columns after these; these always exist, in this order.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        "doc_id", "source", "title", "author", "published", "outlet", "outlet_type",
        "outlet_type_confidence", "outlet_evidence", "state_media_code", "event_id", "words", "body_words",
        "boilerplate_share", "loaded_hits", "loaded_authorial", "loaded_quoted", "loaded_attributed",
        "loaded_per_1k_words", "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
        "dale_chall",
    ),
    "spans": (
        "doc_id", "start", "end", "text", "term", "category", "narrative", "neutral_alternative", "voice",
        "in_boilerplate", "source", "score",
    ),
    "blocks": ("doc_id", "start", "end", "kind", "category", "text"),
    "citations": (
        "doc_id", "name", "kind", "outlet_type", "state_media_code", "mentions", "quoted", "label_in_text",
        "label_conflict",
    ),
    "naming": ("event_id", "referent", "doc_id", "term", "count"),
    "distinctive_terms": ("event_id", "doc_id", "term", "z_score"),
    "comparisons": ("event_id", "doc_a", "doc_b", "similarity"),
    "errors": ("source", "error"),
    # Not in DESIGN.md's list, but every run writes them (the framing analysis' per-document tables), so they
    # are written with their header even when no document gave a row: a folder of tables always has all ten.
    "actors": ("doc_id", "name", "kind", "mentions", "quoted", "paraphrased", "verbs", "characterising_verbs", "first_start"),
    "frames": ("doc_id", "frame", "frame_name", "sentences", "body_sentences", "share", "cues"),
}
CONTRACT_TABLES = tuple(TABLE_COLUMNS)


def make_table(name: str, rows: list[dict]) -> pd.DataFrame:
    """A table from row dicts: contract columns first (present even when empty), extras after in first-seen order."""
    contract = list(TABLE_COLUMNS.get(name, ()))
    extras: list[str] = []
    seen = set(contract)
    for row in rows:
        for key in row:
            if key not in seen:
                seen.add(key)
                extras.append(key)
    frame = pd.DataFrame.from_records(rows, columns=contract + extras) if rows else pd.DataFrame(columns=contract + extras)
    return frame.reset_index(drop=True)


class LazyTables(MutableMapping):
    """Tables by name, each read by its loader the first time it is asked for, then kept.

    A folder of 10,000 scored documents holds tens of MB of blocks, naming and citations; the
    dashboard's Overview needs only documents, spans and errors, so the rest is never read unless a
    page asks for it. `name in tables`, len() and iteration over names read nothing. Safe to share
    across sessions (Streamlit threads): a lock makes each table be read once.
    """

    def __init__(self, loaders: dict[str, Callable[[], pd.DataFrame]]) -> None:
        # name -> a loaded frame, or the loader that will read it; insertion order is the tables' order.
        self._entries: dict[str, pd.DataFrame | Callable[[], pd.DataFrame]] = dict(loaders)
        self._lock = threading.Lock()

    def __getitem__(self, name: str) -> pd.DataFrame:
        entry = self._entries[name]
        if isinstance(entry, pd.DataFrame):
            return entry
        with self._lock:
            entry = self._entries[name]
            if not isinstance(entry, pd.DataFrame):
                entry = self._entries[name] = entry()
        return entry

    def __setitem__(self, name: str, frame: pd.DataFrame) -> None:
        self._entries[name] = frame

    def __delitem__(self, name: str) -> None:
        del self._entries[name]

    def __contains__(self, name: object) -> bool:
        # Mapping's default would call __getitem__, reading the table just to say it is there.
        return name in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._entries))

    def __len__(self) -> int:
        return len(self._entries)

    def loaded(self) -> list[str]:
        """The names of the tables read so far (or given as frames)."""
        return [name for name, entry in self._entries.items() if isinstance(entry, pd.DataFrame)]


@dataclass
class Results:
    """Every table of one analysed corpus, by name. Contract tables always exist; extra tables may too.

    `tables` is a dict, or a LazyTables when read from files (export.read_results): the same Mapping.
    """

    tables: MutableMapping[str, pd.DataFrame] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in CONTRACT_TABLES:
            # Not setdefault: on a LazyTables that would read the table just to see it is there.
            if name not in self.tables:
                self.tables[name] = make_table(name, [])

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    @property
    def documents(self) -> pd.DataFrame:
        return self.tables["documents"]

    @property
    def spans(self) -> pd.DataFrame:
        return self.tables["spans"]

    @property
    def blocks(self) -> pd.DataFrame:
        return self.tables["blocks"]

    @property
    def citations(self) -> pd.DataFrame:
        return self.tables["citations"]

    @property
    def naming(self) -> pd.DataFrame:
        return self.tables["naming"]

    @property
    def distinctive_terms(self) -> pd.DataFrame:
        return self.tables["distinctive_terms"]

    @property
    def comparisons(self) -> pd.DataFrame:
        return self.tables["comparisons"]

    @property
    def errors(self) -> pd.DataFrame:
        return self.tables["errors"]
