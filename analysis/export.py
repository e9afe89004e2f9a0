"""Writing Results as CSV or Parquet, byte for byte the same from the CLI and the dashboard.

Text cells a spreadsheet would run as a formula (leading =, +, -, @, tab or CR) get a leading
apostrophe; numeric columns stay numeric.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

from .results import CONTRACT_TABLES, LazyTables, Results

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
EXPORT_TABLES = CONTRACT_TABLES
FORMATS = ("csv", "parquet")
# A fixed timestamp keeps zip bytes identical from run to run.
ZIP_DATE = (2020, 1, 1, 0, 0, 0)


def _formula_like(value: str) -> bool:
    """True for text a spreadsheet would run, after any leading apostrophes: "=x", "'=x", "''-x" …"""
    return value.lstrip("'").startswith(FORMULA_PREFIXES)


def _formula_mask(values: pd.Series) -> pd.Series:
    """_formula_like over a text column, vectorised: Series.map here cost ~1 s per 1M cells."""
    mask = values.str.startswith(FORMULA_PREFIXES, na=False)
    quoted = values.str.startswith("'", na=False)
    if quoted.any():  # rare: only these need the apostrophes looked past
        mask |= quoted & values.str.lstrip("'").str.startswith(FORMULA_PREFIXES, na=False)
    return mask


def neutralise_cell(value: object) -> object:
    """Prefix an apostrophe to a string a spreadsheet would treat as a formula; other values pass through.

    Text that already starts with apostrophes before a formula character gets one more, so restored_frame
    can undo exactly one: reading a table back gives the text as analysed ("- 24 Issues", "'=x").
    """
    if isinstance(value, str) and _formula_like(value):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with formula-like text neutralised in its text (object/string) columns."""
    safe = frame.copy()
    for column in safe.columns:
        values = safe[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        if isinstance(values.dtype, pd.StringDtype):
            safe[column] = _neutralise_strings(values)
        else:  # object columns (mixed types): cell by cell
            safe[column] = values.map(neutralise_cell)
    return safe


def _neutralise_strings(values: pd.Series) -> pd.Series:
    """neutralise_cell over a string-dtype column, vectorised."""
    formula = _formula_mask(values)
    if not formula.any():
        return values
    neutralised = values.copy()
    neutralised[formula] = "'" + values[formula]
    return neutralised


def table_csv_bytes(frame: pd.DataFrame) -> bytes:
    """One table as UTF-8 CSV bytes, formula-safe, with RFC 4180 CRLF row ends.

    CRLF rather than "\\n" because the csv writer only quotes cells holding a line-terminator
    character: with "\\n" alone, a stray CR inside a cell would be written bare and split the row.
    """
    buffer = io.BytesIO()
    # Encoded as written into a binary buffer: a str of the whole table, then its encoding, cost ~0.1 s per 26 MB.
    _csv_ready(safe_frame(frame)).to_csv(buffer, index=False, lineterminator="\r\n", encoding="utf-8")
    return buffer.getvalue()


def _csv_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with its float64 columns as Python floats (object), for to_csv; the same CSV text, sooner.

    to_csv formats a float64 column with numpy's astype(str) (~0.4 us a value); given Python floats,
    the csv writer prints repr(), ~4x faster. Both print the shortest repr that round-trips, in
    the same notation (tested), and NaN as the empty cell either way.
    """
    floats = [column for column, dtype in frame.dtypes.items() if dtype == np.float64]
    if not floats:
        return frame
    return frame.astype({column: object for column in floats})


def table_parquet_bytes(frame: pd.DataFrame) -> bytes:
    """One table as Parquet bytes (typed; no formula risk, but neutralised alike for one behaviour)."""
    buffer = io.BytesIO()
    safe_frame(frame).to_parquet(buffer, index=False)
    return buffer.getvalue()


def table_bytes(frame: pd.DataFrame, fmt: str = "csv") -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}': choose csv or parquet")
    return table_csv_bytes(frame) if fmt == "csv" else table_parquet_bytes(frame)


def export_names(results: Results) -> list[str]:
    """The tables to write: the contract tables, then any extra tables, in a stable order."""
    return list(EXPORT_TABLES) + sorted(name for name in results.tables if name not in EXPORT_TABLES)


def write_results(results: Results, out_dir: str | Path, fmt: str = "csv") -> list[Path]:
    """Write every table to out_dir/<table>.<fmt>; returns the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in export_names(results):
        path = out / f"{name}.{fmt}"
        path.write_bytes(table_bytes(results.tables[name], fmt))
        written.append(path)
    return written


def zip_bytes(results: Results, fmt: str = "csv") -> bytes:
    """Every table in one zip, with fixed timestamps so the bytes are reproducible."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in export_names(results):
            info = zipfile.ZipInfo(f"{name}.{fmt}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, table_bytes(results.tables[name], fmt))
    return buffer.getvalue()


def read_table(path: Path) -> pd.DataFrame:
    """One table file written by write_results (.csv or .parquet)."""
    return _read_table(path, path.suffix)


def _read_table(data: bytes | Path, suffix: str) -> pd.DataFrame:
    """One table written by table_bytes, from a file path or its bytes."""
    source = data if isinstance(data, Path) else io.BytesIO(data)
    if suffix == ".parquet":
        return restored_frame(pd.read_parquet(source))
    return restored_frame(pd.read_csv(source, keep_default_na=False, na_values=[""]))


def restored_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` read from a written table with safe_frame undone: the cells' text as the engine wrote it, so
    a document's text rebuilt from its blocks keeps every offset. Changed in place and returned."""
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        text = values if isinstance(values.dtype, pd.StringDtype) else values.astype("string")
        escaped = text.str.startswith("'", na=False) & _formula_mask(text)  # what neutralise_cell wrote
        if escaped.any():
            frame.loc[escaped, column] = values[escaped].str.slice(1)
    return frame


def _chosen_files(names: list[str]) -> dict[str, str]:
    """{table: file name} for the .csv/.parquet names given; Parquet wins over CSV for the same table."""
    chosen: dict[str, str] = {}
    for name in sorted(names):
        stem, suffix = Path(name).stem, Path(name).suffix
        if suffix == ".parquet" or (suffix == ".csv" and stem not in chosen):
            chosen[stem] = name
    return chosen


def _lazy_results(loaders: dict[str, Callable[[], pd.DataFrame]], where: str) -> Results:
    """Results whose tables are read on first access (LazyTables), in the order the files were chosen."""
    if "documents" not in loaders:
        raise FileNotFoundError(f"{where} holds no documents table (documents.csv or documents.parquet)")
    return Results(LazyTables(loaders))


def read_results(directory: str | Path) -> Results:
    """Tables written by write_results (CSV or Parquet) back into Results, so a scored corpus reopens instantly.

    Each table is read from its file the first time it is used (the files should not change meanwhile).
    """
    directory = Path(directory)
    chosen = _chosen_files([path.name for path in directory.iterdir() if path.is_file()])
    loaders = {stem: partial(_read_table, directory / name, Path(name).suffix) for stem, name in chosen.items()}
    return _lazy_results(loaders, str(directory))


def _root_tables(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The .csv/.parquet members at the root of a zip (no folder part)."""
    return [info for info in archive.infolist()
            if not info.is_dir() and "/" not in info.filename and Path(info.filename).suffix in (".csv", ".parquet")]


def is_results_zip(data: bytes) -> bool:
    """True for a zip holding documents.csv or documents.parquet at its root (as zip_bytes writes)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(Path(info.filename).stem == "documents" for info in _root_tables(archive))
    except (zipfile.BadZipFile, OSError):
        return False


def _read_member(data: bytes, member: str) -> pd.DataFrame:
    """One table from the zip `data` (bytes written by zip_bytes)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return _read_table(archive.read(member), Path(member).suffix)


def read_results_zip(data: bytes, name: str = "zip") -> Results:
    """Tables from a zip written by zip_bytes (tables at its root) back into Results; other members are ignored.

    Each table is decompressed and read the first time it is used.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [info.filename for info in _root_tables(archive)]
    loaders = {stem: partial(_read_member, data, member) for stem, member in _chosen_files(members).items()}
    return _lazy_results(loaders, name)


def is_results_dir(path: str | Path) -> bool:
    """True for a folder of tables written by the CLI."""
    path = Path(path)
    return path.is_dir() and any((path / f"documents.{fmt}").is_file() for fmt in FORMATS)
