"""Writing Results as CSV or Parquet, byte for byte the same from the CLI and the dashboard.

Text cells a spreadsheet would run as a formula (leading =, +, -, @, tab or CR) get a leading
apostrophe; numeric columns stay numeric.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd

from .results import CONTRACT_TABLES, Results

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
EXPORT_TABLES = CONTRACT_TABLES
FORMATS = ("csv", "parquet")
# A fixed timestamp keeps zip bytes identical from run to run.
ZIP_DATE = (2020, 1, 1, 0, 0, 0)


def neutralise_cell(value: object) -> object:
    """Prefix an apostrophe to a string a spreadsheet would treat as a formula; other values pass through."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with formula-like text neutralised in its text (object/string) columns."""
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]) and not pd.api.types.is_bool_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise_cell)
    return safe


def table_csv_bytes(frame: pd.DataFrame) -> bytes:
    """One table as UTF-8 CSV bytes, formula-safe, with RFC 4180 CRLF row ends.

    CRLF rather than "\\n" because the csv writer only quotes cells holding a line-terminator
    character: with "\\n" alone, a stray CR inside a cell would be written bare and split the row.
    """
    return safe_frame(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8")


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


def _read_table(data: bytes | Path, suffix: str) -> pd.DataFrame:
    """One table written by table_bytes, from a file path or its bytes."""
    source = data if isinstance(data, Path) else io.BytesIO(data)
    if suffix == ".parquet":
        return pd.read_parquet(source)
    return pd.read_csv(source, keep_default_na=False, na_values=[""])


def _results_from(named: list[tuple[str, bytes | Path]], where: str) -> Results:
    """Results from (file name, path or bytes) pairs; Parquet wins over CSV for the same table."""
    tables: dict[str, pd.DataFrame] = {}
    for name, data in sorted(named, key=lambda item: item[0]):
        stem, suffix = Path(name).stem, Path(name).suffix
        if suffix == ".parquet" or (suffix == ".csv" and stem not in tables):
            tables[stem] = _read_table(data, suffix)
    if "documents" not in tables:
        raise FileNotFoundError(f"{where} holds no documents table (documents.csv or documents.parquet)")
    return Results(tables)


def read_results(directory: str | Path) -> Results:
    """Tables written by write_results (CSV or Parquet) back into Results, so a scored corpus reopens instantly."""
    directory = Path(directory)
    return _results_from([(path.name, path) for path in directory.iterdir() if path.is_file()], str(directory))


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


def read_results_zip(data: bytes, name: str = "zip") -> Results:
    """Tables from a zip written by zip_bytes (tables at its root) back into Results; other members are ignored."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return _results_from([(info.filename, archive.read(info)) for info in _root_tables(archive)], name)


def is_results_dir(path: str | Path) -> bool:
    """True for a folder of tables written by the CLI."""
    path = Path(path)
    return path.is_dir() and any((path / f"documents.{fmt}").is_file() for fmt in FORMATS)
