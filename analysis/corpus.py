"""Loading a corpus: files, folders (recursively), zip archives and tables, into Documents.

Nothing here raises on bad input: every input that cannot be read becomes a LoadError with a
reason a person understands, and every other input is still loaded. Inputs are only ever read.
"""
from __future__ import annotations

import io
import json
import multiprocessing
import os
import posixpath
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from . import metadata
from .decoding import DecodeError, Decoded, decode
from .document import Document, content_hash, normalise_newlines
from .htmltext import visible_text

if TYPE_CHECKING:
    import pandas as pd

# pandas (about 0.3 s to import) is imported by the functions that read tables only, so that start_loading's
# processes start before it and a corpus of text and HTML files never needs it.

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TABLE_SUFFIXES = (".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".parquet")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES + (".zip",)

TEXT_COLUMNS = ("text", "body", "content", "article", "article_text", "full_text", "fulltext", "story", "maintext", "main_text")
COLUMN_ALIASES = {
    "title": ("title", "headline", "heading"),
    "url": ("url", "link", "permalink", "canonical_url", "story_url"),
    "outlet_hint": ("outlet", "publisher", "media_name", "media", "site", "site_name", "sitename", "domain", "source_name", "publication"),
    "author": ("author", "authors", "byline", "writer"),
    "published": ("published", "date", "publish_date", "published_at", "publication_date", "pubdate", "datetime", "timestamp"),
}


@dataclass(frozen=True)
class LoadOptions:
    """Limits and choices for loading. Sizes are in bytes."""

    max_file_bytes: int = 20 * 1024 * 1024
    max_archive_bytes: int = 200 * 1024 * 1024
    max_archive_entries: int = 100_000
    text_column: str | None = None


@dataclass(frozen=True)
class LoadError:
    """One input that could not be read, and why."""

    source: str
    error: str


class InputError(ValueError):
    """A reason an input cannot be read, phrased for the analyst."""


def iter_inputs(paths: list[str | Path], options: LoadOptions = LoadOptions()) -> Iterator[Document | LoadError]:
    """Yield every Document and LoadError found under `paths`, in a stable order.

    doc_ids are content hashes; identical texts from different sources get -2, -3 … suffixes
    in the order met, so syndicated copies stay separate rows.
    """
    return _unique_ids(_iter_raw(paths, options))


def _unique_ids(items: Iterable[Document | LoadError]) -> Iterator[Document | LoadError]:
    """`items` with the -2, -3 … suffixes of iter_inputs on repeated doc_ids."""
    seen: dict[str, int] = {}
    for item in items:
        if isinstance(item, Document):
            count = seen.get(item.doc_id, 0) + 1
            seen[item.doc_id] = count
            if count > 1:
                item = replace(item, doc_id=f"{item.doc_id}-{count}")
        yield item


def load_corpus(paths: list[str | Path], options: LoadOptions = LoadOptions()) -> tuple[list[Document], list[LoadError]]:
    """Load everything under `paths`: (documents, errors)."""
    documents: list[Document] = []
    errors: list[LoadError] = []
    for item in iter_inputs(paths, options):
        (documents if isinstance(item, Document) else errors).append(item)
    return documents, errors


def start_loading(paths: list[str | Path], options: LoadOptions = LoadOptions(), processes: int | None = None) -> Callable[[], tuple[list[Document], list[LoadError]]]:
    """load_corpus(paths, options) begun in forked processes; call the result to wait for (documents, errors).

    The files are shared out in runs of consecutive files, several per process (`processes`, default:
    every core), so the processes finish together and the results join up in input order. The caller
    meanwhile does its own start-up (the CLI imports the engine and loads its resources, ~1 s, while the
    documents load, ~0.7 ms each, most of it reading their metadata): without this, one core idled while
    the other loaded. Where fork is not the way processes start (Windows, macOS), or a child fails, the
    corpus is loaded in this process when the result is called.
    """
    if sys.platform != "linux":
        return partial(load_corpus, paths, options)
    processes = processes if processes and processes > 0 else os.cpu_count() or 1
    runs = _consecutive_runs(list(_input_files(paths)), RUNS_PER_PROCESS * processes)
    pool = ProcessPoolExecutor(max_workers=min(processes, len(runs) or 1), mp_context=multiprocessing.get_context("fork"))
    futures = [pool.submit(_load_run, run, options) for run in runs]
    pool.shutdown(wait=False)  # the children exit once every run is sent back

    def result() -> tuple[list[Document], list[LoadError]]:
        try:
            items = [item for future in futures for item in future.result()]
        except BrokenProcessPool:
            return load_corpus(paths, options)
        documents: list[Document] = []
        errors: list[LoadError] = []
        for item in _unique_ids(items):
            (documents if isinstance(item, Document) else errors).append(item)
        return documents, errors

    return result


# Runs of files per loading process: a few, so that one run of slow files does not leave the others waiting.
RUNS_PER_PROCESS = 4


def _consecutive_runs(inputs: list[Path | LoadError], count: int) -> list[list[Path | LoadError]]:
    """`inputs` cut into at most `count` runs of consecutive items holding about equal numbers of bytes."""
    sizes = [_size(item) for item in inputs]
    share = max(1, sum(sizes)) / count
    runs: list[list[Path | LoadError]] = [[]]
    held = 0
    for item, size in zip(inputs, sizes):
        if held >= share * len(runs) and runs[-1] and len(runs) < count:
            runs.append([])
        runs[-1].append(item)
        held += size
    return [run for run in runs if run]


def _size(item: Path | LoadError) -> int:
    try:
        return item.stat().st_size if isinstance(item, Path) else 0
    except OSError:
        return 0


def _load_run(run: list[Path | LoadError], options: LoadOptions) -> list[Document | LoadError]:
    """What _iter_raw yields for these inputs (doc_ids not yet made unique)."""
    return list(_load_items(run, options))


def _input_files(paths: list[str | Path]) -> Iterator[Path | LoadError]:
    """The files under `paths` in loading order, or the LoadError of an input that is no file to load."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not is_hidden(p.relative_to(path)))
            for file in files:
                if file.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield file
                else:
                    yield LoadError(str(file), f"unsupported file type '{file.suffix or '(none)'}': expected one of {', '.join(SUPPORTED_SUFFIXES)}")
        elif path.is_file():
            yield path
        else:
            yield LoadError(str(path), "no such file or folder")


def _iter_raw(paths: list[str | Path], options: LoadOptions) -> Iterator[Document | LoadError]:
    yield from _load_items(_input_files(paths), options)


def _load_items(items: Iterable[Path | LoadError], options: LoadOptions) -> Iterator[Document | LoadError]:
    """The documents of each input file in turn; an input's LoadError passes as it is."""
    for item in items:
        if isinstance(item, LoadError):
            yield item
        else:
            yield from _load_file(item, options)


def is_hidden(relative: Path) -> bool:
    """True for paths loading skips: a part starting with "." (.git, .DS_Store) or a __MACOSX folder."""
    return any(part.startswith(".") or part == "__MACOSX" for part in relative.parts)


def _load_file(path: Path, options: LoadOptions) -> Iterator[Document | LoadError]:
    try:
        size = path.stat().st_size
        if size > options.max_file_bytes:
            raise InputError(_too_big(size, options.max_file_bytes))
        data = path.read_bytes()
    except InputError as exc:
        yield LoadError(str(path), str(exc))
        return
    except OSError as exc:
        yield LoadError(str(path), f"cannot read the file: {exc.strerror or exc}")
        return
    if path.suffix.lower() == ".zip":
        yield from _load_zip(str(path), data, options)
    else:
        yield from load_bytes(str(path), path.name, data, options)


def load_bytes(source: str, name: str, data: bytes, options: LoadOptions = LoadOptions()) -> Iterator[Document | LoadError]:
    """Documents from one file's bytes; `name` decides the format by its suffix. Used for uploads too."""
    suffix = posixpath.splitext(name.lower())[1]
    try:
        if len(data) > options.max_file_bytes:
            raise InputError(_too_big(len(data), options.max_file_bytes))
        if suffix == ".zip":
            yield from _load_zip(source, data, options)
        elif suffix == ".parquet":
            yield from _table_documents(source, _read_parquet(data), options)
        elif suffix in TABLE_SUFFIXES:
            yield from _load_text_table(source, suffix, data, options)
        elif suffix in HTML_SUFFIXES:
            decoded = _decode(data)
            yield _html_document(source, decoded.text, decoded.note)
        elif suffix in TEXT_SUFFIXES:
            decoded = _decode(data)
            yield _text_document(source, decoded.text, encoding_note=decoded.note)
        else:
            raise InputError(f"unsupported file type '{suffix or '(none)'}': expected one of {', '.join(SUPPORTED_SUFFIXES)}")
    except (InputError, DecodeError) as exc:
        yield LoadError(source, str(exc))


MB = 1024 * 1024


def _too_big(size: int, limit: int) -> str:
    return (f"file is {size / MB:.1f} MB, over the {limit / MB:g} MB limit (raise it with --max-file-mb MB: "
            "`python -m analysis score --max-file-mb MB …` or `streamlit run dashboard.py -- --max-file-mb MB …`)")


def _decode(data: bytes) -> Decoded:
    """The file's text and how its encoding was told (the note is empty for plain UTF-8)."""
    if not data.strip():
        raise InputError("empty file" if not data else "file holds only whitespace")
    decoded = decode(data)
    if not decoded.text.strip():
        raise InputError("file holds only whitespace")
    return decoded


def _load_zip(source: str, data: bytes, options: LoadOptions) -> Iterator[Document | LoadError]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield LoadError(source, f"not a readable zip archive: {exc}")
        return
    if len(entries) > options.max_archive_entries:
        yield LoadError(source, f"archive holds {len(entries)} files, over the {options.max_archive_entries} limit")
        return
    expanded = sum(info.file_size for info in entries)
    if expanded > options.max_archive_bytes:
        yield LoadError(source, f"archive expands to {expanded / MB:.0f} MB, over the {options.max_archive_bytes / MB:g} MB limit (possible zip bomb)")
        return
    for info in sorted(entries, key=lambda i: i.filename):
        entry_source = f"{source}!{info.filename}"
        name = info.filename.replace("\\", "/")
        if name.startswith("/") or (len(name) > 1 and name[1] == ":") or ".." in name.split("/"):
            yield LoadError(entry_source, "unsafe path in archive (absolute or '..'): entry skipped")
            continue
        if is_hidden(Path(name)):
            continue
        if posixpath.splitext(name.lower())[1] not in SUPPORTED_SUFFIXES:
            yield LoadError(entry_source, f"unsupported file type '{posixpath.splitext(name)[1] or '(none)'}' in archive")
            continue
        try:
            with archive.open(info) as handle:
                # Read one byte past the limit so a lying header cannot smuggle a larger entry in.
                content = handle.read(options.max_file_bytes + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
            yield LoadError(entry_source, f"cannot extract from archive: {exc}")
            continue
        if name.lower().endswith(".zip"):
            yield LoadError(entry_source, "nested zip archives are not opened")
            continue
        yield from load_bytes(entry_source, name, content, options)


def _text_document(source: str, text: str, encoding_note: str = "", **given: str) -> Document:
    found: dict[str, str] = {}
    evidence: dict[str, str] = {"encoding": encoding_note} if encoding_note else {}
    found["url"], evidence["url"] = (given["url"], "given by a column") if given.get("url") else metadata.find_url(text)
    # The URL first: its domain tells the site name a title line closes with.
    found["title"], evidence["title"] = (given["title"], "given by a column") if given.get("title") else metadata.find_title(text, found["url"])
    # Author and date are also read below the headline, where a page prints them again: one reader finds that place
    # once for both.
    bylines = metadata.BylineReader(text, found["title"])
    for field, read in (("author", bylines.author), ("published", bylines.published)):
        found[field], evidence[field] = (given[field], "given by a column") if given.get(field) else read()
    if given.get("outlet_hint"):
        evidence["outlet_hint"] = "given by a column"
    return Document(
        doc_id=content_hash(text),
        source=source,
        text=text,
        outlet_hint=given.get("outlet_hint", ""),
        evidence=tuple(sorted(evidence.items())),
        **found,
    )


def _html_document(source: str, html: str, encoding_note: str = "") -> Document:
    text = visible_text(html)
    if not text.strip():
        raise InputError("HTML page has no visible text")
    meta, meta_evidence = metadata.read_html_metadata(html)
    document = _text_document(source, text, encoding_note, **meta)
    evidence = dict(document.evidence)
    evidence.update(meta_evidence)
    return replace(document, html=html, evidence=tuple(sorted(evidence.items())))


def _read_parquet(data: bytes) -> pd.DataFrame:
    import pandas as pd

    try:
        return pd.read_parquet(io.BytesIO(data))
    except Exception as exc:  # pyarrow raises many types for a damaged file
        raise InputError(f"not a readable Parquet file: {exc}") from exc


def _load_text_table(source: str, suffix: str, data: bytes, options: LoadOptions) -> Iterator[Document | LoadError]:
    import pandas as pd

    decoded = _decode(data)
    text = decoded.text
    if suffix in (".csv", ".tsv"):
        try:
            frame = pd.read_csv(io.StringIO(text), sep="\t" if suffix == ".tsv" else ",", dtype=str, keep_default_na=False, on_bad_lines="error")
        except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
            raise InputError(f"malformed {suffix[1:].upper()}: {_first_line(exc)}") from exc
        yield from _table_documents(source, frame, options, decoded.note)
    elif suffix == ".json":
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"malformed JSON: {_json_problem(exc)}") from exc
        yield from _table_documents(source, _records_frame(parsed), options, decoded.note)
    else:
        records: list[dict] = []
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield LoadError(f"{source}#line={number}", f"malformed JSON line: {_json_problem(exc, in_line=True)}")
                continue
            if isinstance(record, dict):
                record["__row__"] = number
                records.append(record)
            else:
                yield LoadError(f"{source}#line={number}", "JSON line is not an object")
        if records:
            yield from _table_documents(source, pd.DataFrame(records), options, decoded.note)
        else:
            yield LoadError(source, "no JSON objects in the file")


def _json_problem(exc: json.JSONDecodeError, in_line: bool = False) -> str:
    """The parser's complaint and where it is, as one sentence ("Unterminated string starting at line 1, column 10").

    Its message alone ("Unterminated string starting at") reads as if cut off.
    """
    where = f"column {exc.colno}" if in_line else f"line {exc.lineno}, column {exc.colno}"
    message = exc.msg.rstrip(": ")
    return f"{message} {where}" if message.endswith(" at") else f"{message} at {where}"


def _first_line(exc: Exception) -> str:
    return str(exc).strip().split("\n")[0]


def _records_frame(parsed: object) -> pd.DataFrame:
    import pandas as pd

    if isinstance(parsed, dict):
        lists = [value for value in parsed.values() if isinstance(value, list) and value and all(isinstance(v, dict) for v in value)]
        parsed = lists[0] if len(lists) == 1 else [parsed]
    if not isinstance(parsed, list) or not all(isinstance(item, dict) for item in parsed):
        raise InputError("JSON must be an object, a list of objects, or an object holding one list of objects")
    return pd.DataFrame(parsed)


def _pick_column(columns: list[str], candidates: tuple[str, ...]) -> str | None:
    lowered = {str(c).strip().lower(): c for c in columns}
    return next((lowered[name] for name in candidates if name in lowered), None)


def _table_documents(source: str, frame: pd.DataFrame, options: LoadOptions, encoding_note: str = "") -> Iterator[Document | LoadError]:
    columns = [str(c) for c in frame.columns]
    if options.text_column:
        text_column = _pick_column(columns, (options.text_column.lower(),))
        if text_column is None:
            raise InputError(f"no column named '{options.text_column}' (columns: {', '.join(columns[:20])})")
    else:
        text_column = _pick_column(columns, TEXT_COLUMNS)
        if text_column is None:
            raise InputError(f"no text column: expected one named {', '.join(TEXT_COLUMNS[:6])} … or --text-column (columns: {', '.join(columns[:20])})")
    picked = {field: _pick_column(columns, aliases) for field, aliases in COLUMN_ALIASES.items()}
    for position, (_, row) in enumerate(frame.iterrows()):
        number = row.get("__row__", position + 2 if source.lower().endswith((".csv", ".tsv")) else position + 1)
        row_source = f"{source}#{'line' if '__row__' in row else 'row'}={number}"
        raw_text = row[text_column]
        if not isinstance(raw_text, str) or not raw_text.strip():
            yield LoadError(row_source, f"empty text in column '{text_column}'")
            continue
        given = {field: _cell(row[column]) for field, column in picked.items() if column is not None}
        if given.get("published"):
            given["published"] = metadata.parse_date(given["published"]) or _iso_prefix(given["published"])
        yield _text_document(row_source, normalise_newlines(raw_text), encoding_note, **given)


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value).strip()


def _iso_prefix(value: str) -> str:
    """ISO dates and timestamps ("2023-10-23T10:00Z") keep their date part; anything else is dropped."""
    return metadata.parse_date(value[:10]) if len(value) >= 10 else ""
