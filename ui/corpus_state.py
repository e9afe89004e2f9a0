"""The corpus a session is looking at: where it came from, its Results and its texts.

Heavy work (loading resources, analysing documents, reading a folder of tables) is cached across
sessions, keyed by content: the documents' doc_ids (content hashes) and the lexicon's hash.

The engine (analysis.pipeline, corpus loading, framing: scikit-learn, SciPy, lxml) is imported inside
the functions that need it, so opening a folder of scored tables never pays for it.
"""
from __future__ import annotations

import hashlib
import sys
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from analysis import export
from analysis.results import Results

if TYPE_CHECKING:
    from analysis import Document, LoadError, Resources
    from analysis.corpus import LoadOptions

REPO = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO / "seeds"
SHIPPED_LEXICON = "shipped"
SESSION_KEY = "corpus"
LEXICON_KEY = "custom_lexicon"
REFERENTS_KEY = "custom_referents"
FRAMES_KEY = "custom_frames"
# Each editable lexicon: its session-state key and the load_resources() argument it replaces.
CUSTOM_KINDS = {"lexicon": (LEXICON_KEY, "lexicon_path"), "referents": (REFERENTS_KEY, "referents_path"), "frames": (FRAMES_KEY, "frames_path")}
OVERRIDES_KEY = "event_overrides"
MAX_CACHED_CORPORA = 8

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class Corpus:
    """What every page renders: the Results, each document's text by doc_id, and where they came from.

    `texts` is a dict for analysed corpora and a BlockTexts (rebuilt on first use) for folders of tables.
    """

    label: str
    results: Results
    texts: Mapping[str, str] = field(default_factory=dict)
    key: str = ""
    from_tables: bool = False


MAX_FILE_MB_OPTION = "--max-file-mb"


def _dashboard_arguments(argv: list[str] | None) -> list[str]:
    """What follows `--` in `streamlit run dashboard.py -- ...`; nothing when the script runs some other way (tests)."""
    argv = sys.argv if argv is None else argv
    if not argv or Path(argv[0]).name != "dashboard.py":
        return []
    return [arg for arg in argv[1:] if arg.strip()]


def command_line_paths(argv: list[str] | None = None) -> list[str]:
    """Paths given as `streamlit run dashboard.py -- [--max-file-mb MB] PATH...`."""
    arguments = _dashboard_arguments(argv)
    paths, skip = [], False
    for arg in arguments:
        if skip:
            skip = False
        elif arg == MAX_FILE_MB_OPTION:
            skip = True
        elif not arg.startswith(MAX_FILE_MB_OPTION + "="):
            paths.append(arg)
    return paths


def load_options(argv: list[str] | None = None) -> LoadOptions:
    """The loader's options: the CLI's defaults, with `--max-file-mb MB` after `--` raising the per-file limit.

    Raises ValueError for a limit that is not a positive number."""
    from analysis.corpus import MB, LoadOptions

    arguments = _dashboard_arguments(argv)
    value = None
    for index, arg in enumerate(arguments):
        if arg == MAX_FILE_MB_OPTION:
            value = arguments[index + 1] if index + 1 < len(arguments) else ""
        elif arg.startswith(MAX_FILE_MB_OPTION + "="):
            value = arg.split("=", 1)[1]
    if value is None:
        return LoadOptions()
    try:
        megabytes = float(value)
    except ValueError:
        megabytes = -1.0
    if not megabytes > 0:
        raise ValueError(f"{MAX_FILE_MB_OPTION} needs a positive number of megabytes, not '{value}'")
    return LoadOptions(max_file_bytes=int(megabytes * MB))


def lexicon_key(lexicon: tuple[str, bytes] | None) -> str:
    """A short content hash of a custom lexicon, or 'shipped'."""
    if lexicon is None:
        return SHIPPED_LEXICON
    return hashlib.sha256(lexicon[1]).hexdigest()[:16]


def custom_files() -> dict[str, tuple[str, bytes]]:
    """The custom lexicons uploaded in this session, {kind: (file name, bytes)} (kinds as in CUSTOM_KINDS)."""
    return {kind: st.session_state[key] for kind, (key, _) in CUSTOM_KINDS.items() if st.session_state.get(key)}


def resources_key(custom: dict[str, tuple[str, bytes]]) -> str:
    """'shipped' when nothing custom is in use, else a short hash of every custom file (by kind)."""
    if not custom:
        return SHIPPED_LEXICON
    if set(custom) == {"lexicon"}:
        return lexicon_key(custom["lexicon"])
    digest = hashlib.sha256()
    for kind in sorted(custom):
        digest.update(f"{kind}\0{hashlib.sha256(custom[kind][1]).hexdigest()}\n".encode())
    return digest.hexdigest()[:16]


@st.cache_resource(show_spinner="Loading lexicons and models…", max_entries=4)
def _resources(key: str, _custom: tuple[tuple[str, str, bytes], ...]) -> Resources:
    # `key` is the custom files' hash; the underscore keeps Streamlit from hashing the bytes again.
    from analysis.resources import load_resources

    if not _custom:
        return load_resources()
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for kind, name, data in _custom:
            path = Path(folder) / kind / Path(name).name
            path.parent.mkdir()
            path.write_bytes(data)
            paths[CUSTOM_KINDS[kind][1]] = path
        return load_resources(**paths)


def session_resources() -> tuple[Resources, str]:
    """The resources for this session (with its custom lexicons, if any were uploaded) and their key."""
    custom = custom_files()
    key = resources_key(custom)
    return _resources(key, tuple((kind, name, data) for kind, (name, data) in sorted(custom.items()))), key


def validate_custom(kind: str, name: str, data: bytes) -> int:
    """Check an uploaded lexicon of `kind` as the engine reads it; returns its number of entries.

    Raises LexiconError (line numbers included, the file called by its upload name).
    """
    from analysis import framing, loaded
    from analysis.lexicon import LexiconError

    if kind == "lexicon":
        return len(loaded.validate_lexicon_bytes(data, name).entries)
    read = {"referents": framing.load_referents, "frames": framing.load_frame_cues}[kind]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(data)
        try:
            return len(read(path).rows)
        except LexiconError as exc:
            raise LexiconError([problem.replace(str(path), Path(name).name) for problem in exc.problems]) from None


def corpus_key(documents: Iterable[Document], errors: Iterable[LoadError], lexicon: str) -> str:
    """A hash of what the analysis depends on: each document's id and source, the load errors, the lexicon."""
    digest = hashlib.sha256(lexicon.encode())
    for document in documents:
        digest.update(f"d\0{document.doc_id}\0{document.source}\n".encode())
    for error in errors:
        digest.update(f"e\0{error.source}\0{error.error}\n".encode())
    return digest.hexdigest()[:24]


def analyze(documents: list[Document], resources: Resources, errors: list[LoadError], progress: ProgressCallback | None = None) -> Results:
    """analysis.analyze, with the engine imported on first use (about a second that a folder of tables never needs)."""
    from analysis.pipeline import analyze as run

    return run(documents, resources, errors=errors, progress=progress)


@st.cache_resource
def _analysis_store() -> OrderedDict:
    """Analysed corpora shared by every session, most recent last (a small LRU keyed by corpus_key)."""
    return OrderedDict()


def analysed_corpus(
    label: str,
    documents: list[Document],
    errors: list[LoadError],
    resources: Resources,
    lexicon: str,
    progress: ProgressCallback | None = None,
) -> Corpus:
    """Analyse documents once per (content, lexicon); later calls return the stored Corpus."""
    key = corpus_key(documents, errors, lexicon)
    store = _analysis_store()
    if key in store:
        store.move_to_end(key)
        return replace(store[key], label=label)
    results = analyze(documents, resources, errors=errors, progress=progress)
    corpus = Corpus(label, results, {d.doc_id: d.text for d in documents}, key)
    store[key] = corpus
    while len(store) > MAX_CACHED_CORPORA:
        store.popitem(last=False)
    return corpus


def is_analysed(documents: list[Document], errors: list[LoadError], lexicon: str) -> bool:
    """True when this corpus is already in the store (so no progress display is needed)."""
    return corpus_key(documents, errors, lexicon) in _analysis_store()


@st.cache_resource(show_spinner="Reading the tables…", max_entries=4)
def _read_tables(path: str, signature: tuple) -> Corpus:
    # `signature` (file names, sizes, mtimes) makes a rewritten folder read afresh.
    results = export.read_results(path)
    key = hashlib.sha256(repr((path, signature)).encode()).hexdigest()[:24]
    return Corpus(f"tables in {path}", results, BlockTexts(lambda: results.blocks), key, from_tables=True)


@st.cache_resource(show_spinner="Reading the tables…", max_entries=4)
def _read_tables_zip(key: str, name: str, _data: bytes) -> Corpus:
    # `key` is the zip's content hash.
    results = export.read_results_zip(_data, name)
    return Corpus(f"tables in {name}", results, BlockTexts(lambda: results.blocks), f"zip-{key}", from_tables=True)


def zip_tables_corpus(name: str, data: bytes) -> Corpus:
    """A zip of tables written by the CLI (documents.csv at its root), opened without analysing anything."""
    return _read_tables_zip(hashlib.sha256(data).hexdigest()[:24], name, data)


def tables_corpus(path: str | Path) -> Corpus:
    """A folder of tables written by the CLI, opened without analysing anything (read once, shared by sessions)."""
    folder = Path(path)
    signature = tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()))
    return _read_tables(str(folder), signature)


def _rebuilt_text(starts: Iterable[int], ends: Iterable[int], texts: Iterable[str]) -> str:
    """One document's text from its blocks (start, end, text); gaps become newlines so offsets stay exact."""
    parts: list[str] = []
    position = 0
    for start, end, text in sorted(zip(starts, ends, texts)):
        if start < position:
            continue
        parts.append("\n" * (start - position))
        parts.append(text[: end - start].ljust(end - start))
        position = end
    return "".join(parts)


class BlockTexts(Mapping):
    """Each document's text rebuilt from its blocks on first use, {doc_id: text}.

    A folder of 10,000 scored documents opens without rebuilding every text, or even reading its blocks:
    only the pages that show a text (Compare, Document) ask for it, one document at a time. `blocks`
    is the blocks table or a function returning it (called on first use, so a lazily read table stays
    unread until then). Safe to share across sessions: a race only rebuilds the same text twice.
    """

    def __init__(self, blocks: pd.DataFrame | Callable[[], pd.DataFrame] | None) -> None:
        self._blocks = blocks
        self._rows: dict[str, object] | None = None
        self._columns: tuple = ((), (), ())
        self._texts: dict[str, str] = {}

    def _index(self) -> dict[str, object]:
        if self._rows is None:
            blocks = self._blocks() if callable(self._blocks) else self._blocks
            needed = {"doc_id", "start", "end", "text"}
            if blocks is None or blocks.empty or not needed <= set(blocks.columns):
                self._rows = {}
            else:
                # Plain arrays: taking a few rows from them is far cheaper than DataFrame.iloc per document.
                self._columns = (blocks["start"].astype(int).to_numpy(), blocks["end"].astype(int).to_numpy(),
                                 blocks["text"].fillna("").astype(str).to_numpy(dtype=object))
                self._rows = {str(doc_id): rows for doc_id, rows in blocks.groupby("doc_id", sort=False).indices.items()}
        return self._rows

    def __getitem__(self, doc_id: str) -> str:
        text = self._texts.get(doc_id)
        if text is None:
            rows = self._index()[doc_id]
            starts, ends, texts = self._columns
            text = self._texts[doc_id] = _rebuilt_text(starts[rows].tolist(), ends[rows].tolist(), texts[rows].tolist())
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(self._index())

    def __len__(self) -> int:
        return len(self._index())


def texts_from_blocks(blocks: pd.DataFrame) -> dict[str, str]:
    """Rebuild each document's text from its blocks (they cover its non-blank text); gaps become newlines.

    Offsets stay exact, so spans and blocks read from tables line up with the rebuilt text.
    """
    return dict(BlockTexts(blocks))


def load_uploads(files: list[tuple[str, bytes]]) -> tuple[list[Document], list[LoadError]]:
    """Documents from uploaded (name, bytes) pairs, zips included; duplicate texts get -2, -3 … like the CLI."""
    from analysis.corpus import LoadError, load_bytes

    documents: list[Document] = []
    errors: list[LoadError] = []
    seen: dict[str, int] = {}
    options = load_options()
    for name, data in files:
        for item in load_bytes(f"upload:{name}", name, data, options):
            if isinstance(item, LoadError):
                errors.append(item)
                continue
            count = seen.get(item.doc_id, 0) + 1
            seen[item.doc_id] = count
            documents.append(item if count == 1 else replace(item, doc_id=f"{item.doc_id}-{count}"))
    return documents, errors


def load_paths(paths: list[str]) -> tuple[list[Document], list[LoadError]]:
    """Documents from local files or folders (the same loader as the CLI)."""
    from analysis.corpus import load_corpus

    return load_corpus(paths, load_options())


def set_current(corpus: Corpus | None) -> None:
    st.session_state[SESSION_KEY] = corpus


def base() -> Corpus | None:
    """The corpus chosen in the sidebar as analysed (or read), before any event overrides; None when there is none."""
    return st.session_state.get(SESSION_KEY)


def event_overrides(corpus: Corpus) -> dict[str, str]:
    """This session's event overrides {doc_id: event_id} for `corpus` (none when they were made for another corpus)."""
    stored = st.session_state.get(OVERRIDES_KEY)
    return dict(stored[1]) if stored and stored[0] == corpus.key else {}


def set_event_overrides(corpus: Corpus, overrides: dict[str, str]) -> None:
    """Keep overrides {doc_id: event_id} for `corpus` in the session; empty ones go back to the automatic events."""
    st.session_state[OVERRIDES_KEY] = (corpus.key, dict(sorted(overrides.items()))) if overrides else None


@st.cache_resource
def _regrouped_store() -> OrderedDict:
    """Regrouped corpora shared by every session (a small LRU keyed by corpus key and overrides)."""
    return OrderedDict()


def regrouped(corpus: Corpus, overrides: dict[str, str]) -> Corpus:
    """`corpus` with its events regrouped under `overrides` by the engine (analysis.framing.regroup_events), once per pair."""
    digest = hashlib.sha256(repr(sorted(overrides.items())).encode()).hexdigest()[:12]
    key = f"{corpus.key}-events-{digest}"
    store = _regrouped_store()
    if key not in store:
        from analysis import framing

        store[key] = replace(corpus, results=framing.regroup_events(corpus.results, overrides), key=key)
        while len(store) > MAX_CACHED_CORPORA:
            store.popitem(last=False)
    store.move_to_end(key)
    return replace(store[key], label=corpus.label)


def current() -> Corpus | None:
    """The corpus every page shows: the sidebar's choice with this session's event overrides applied; None when there is none."""
    corpus = base()
    if corpus is None:
        return None
    overrides = event_overrides(corpus)
    return regrouped(corpus, overrides) if overrides else corpus


def require() -> Corpus:
    """The current corpus; when there is none, a note on the page and the page stops there."""
    corpus = current()
    if corpus is None:
        st.info("No corpus is loaded yet: choose or upload documents in the sidebar.")
        st.stop()
    return corpus


@st.cache_data(max_entries=4, show_spinner="Preparing the files…")
def export_files(key: str, fmt: str, _results: Results) -> dict[str, bytes]:
    """Every table's bytes (and the zip under '*zip*') for one corpus and format, made once per corpus key."""
    files = {name: export.table_bytes(_results.tables[name], fmt) for name in export.export_names(_results)}
    files["*zip*"] = export.zip_bytes(_results, fmt)
    return files
