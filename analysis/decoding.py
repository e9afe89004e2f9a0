"""Bytes -> text: BOMs, UTF-8, then charset-normalizer; binary files are told apart, not guessed at.

charset-normalizer proposes the encodings that decode the bytes without noise. Among single-byte code
pages it often cannot tell Western from Central European or Baltic ones (Windows-1252 "naïve" reads
as cp1250 "naďve"; "Orbán" as cp1257 "Orbįn"), and its first guess then depends on its order of
trial. So when its best guess is a single-byte code page, its candidates and the Windows code pages
1250-1257 are ranked by how naturally they read the file's bytes above ASCII: as letters of one
language's alphabet (analysis/data/alphabets.csv), without symbols inside words or capitals inside
lower-case words. Ties go to cp1252, the Western default; the choice and any doubt are recorded.
"""
from __future__ import annotations

import codecs
import csv
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
from charset_normalizer import from_bytes
from charset_normalizer.utils import is_multi_byte_encoding

from .document import normalise_newlines

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Signatures of common binary formats, so the error names what the file really is.
MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a zip-based file (docx, xlsx, zip …)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "a program (ELF binary)"),
    (b"MZ", "a Windows program"),
)
ALPHABETS_PATH = Path(__file__).resolve().parent / "data" / "alphabets.csv"
WESTERN = "cp1252"  # the README's promise, and what Western files made on Windows are
# Windows code pages tried beside charset-normalizer's candidates: it sometimes folds one into another
# match or leaves it out (Greek cp1253 text came out as mac_cyrillic).
WINDOWS_CODE_PAGES = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257")
# Marks that may stand between two letters of one word: apostrophes, hyphens and dashes, the Catalan middle dot.
WORD_JOINERS = frozenset("’‘'·‐‑–—-")
CONTROL_CHAR = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # below 32 but for tab, newline, form feed, carriage return
NON_ASCII_CHAR = re.compile(r"[^\x00-\x7f]")


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can tell."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used and, when it was detected rather than certain, how it was chosen."""

    text: str
    encoding: str
    note: str = ""


def decode(data: bytes) -> Decoded:
    """File bytes as text with normalised newlines, the encoding's name, and the reason for it: empty for plain
    UTF-8, else what was detected and any doubt.

    Raises DecodeError with a reason a person understands for binary or undecodable input.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(normalise_newlines(data.decode(encoding)), encoding, f"{encoding} (byte-order mark)")
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {encoding} byte-order mark but is not valid {encoding}") from exc
    for signature, what in MAGIC:
        if data.startswith(signature):
            raise DecodeError(f"binary file: looks like {what}, not text")
    try:
        return Decoded(normalise_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise DecodeError("binary or undecodable bytes: no text encoding fits this file")
    unicode_form = best.encoding.lower().replace("-", "_").startswith(("utf_16", "utf_32"))  # UTF-16 without BOM
    if is_multi_byte_encoding(best.encoding) and (unicode_form or not _latin_misread(str(best))):
        text, encoding, note = str(best), best.encoding, f"{best.encoding} (detected by charset-normalizer)"
    else:
        candidates = [name for match in matches for name in match.could_be_from_charset]
        readings = _Readings(data)
        encoding, note = _choose_single_byte(readings, best.encoding, candidates)
        try:
            text = readings.text(encoding)
        except UnicodeDecodeError:  # the detector's own guess, which it may have read leniently
            text = str(best)
    if _control_share(text) > 0.05:
        raise DecodeError("binary file: too many control characters to be text")
    return Decoded(normalise_newlines(text), encoding, note)


def choose_single_byte(data: bytes, best: str, candidates: list[str]) -> tuple[str, str]:
    """The single-byte code page that reads `data` most naturally, and a note saying how it was chosen.

    `best` is charset-normalizer's first guess, `candidates` all it proposed (in its order). Each code page that
    decodes the bytes is scored by its oddities (see `_oddities`); the fewest wins, then cp1252, then the
    detector's order. The detector's guess stands when it reads the letters as a script no alphabet covers.
    """
    return _choose_single_byte(_Readings(data), best, candidates)


def _choose_single_byte(readings: _Readings, best: str, candidates: list[str]) -> tuple[str, str]:
    """choose_single_byte on the readings of one file, which decode each code page at most once."""
    contexts = readings.contexts
    names = _unique([best] + candidates + list(WINDOWS_CODE_PAGES))
    scored: list[tuple[int, bool, int, str]] = []
    for rank, name in enumerate(names):
        if is_multi_byte_encoding(name) or not readings.byte_by_byte(name):
            continue
        odd, known = _oddities(contexts, name)
        if name == _canonical(best) and not known:
            return best, f"{best} (detected by charset-normalizer; its letters are in no alphabet this check knows)"
        scored.append((odd, name != WESTERN, rank, name))
    if not scored:
        return best, f"{best} (detected by charset-normalizer)"
    scored.sort()
    odd, _, _, chosen = scored[0]
    # Every scored code page reads one character per byte, so two readings differ exactly where they differ at all.
    rivals = [s for s in scored[1:] if s[0] == odd and readings.differences(s[3], chosen)]
    note = f"{chosen} (detected: code pages compared on how they read the accented letters"
    scored_names = {name for *_, name in scored}
    if _canonical(best) in scored_names and _canonical(best) != chosen and (differing := readings.differences(best, chosen)):
        note += f"; charset-normalizer's first guess {best} reads {differing} character(s) otherwise"
    if rivals:
        rival = rivals[0][3]
        note += f"; uncertain: {rival} fits as well and reads {readings.differences(rival, chosen)} character(s) otherwise"
    return chosen, note + ")"


class _Readings:
    """One file's bytes as read by each code page asked about, each full decode done at most once.

    A code page whose codec maps each byte to a character on its own (the charmap codecs: cp1252, ISO-8859,
    Mac, KOI8 …) is judged from its 256-entry table and the bytes the file holds, without decoding the file:
    a 5 MB file costs ~15 ms per decode, and ten code pages or more are compared."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._texts: dict[str, str] = {}
        self._present: dict[int, bool] = {}

    def text(self, name: str) -> str:
        """The bytes decoded as `name` (raises as bytes.decode does)."""
        key = _canonical(name)
        if key not in self._texts:
            self._texts[key] = self.data.decode(name)
        return self._texts[key]

    @cached_property
    def contexts(self) -> Counter:
        return _high_byte_contexts(self.data)

    def _holds(self, byte: int) -> bool:
        """True when the file holds `byte` (the bytes above ASCII are counted already: _high_byte_counts)."""
        if byte >= 0x80:
            return self._high_byte_counts[byte] > 0
        if byte not in self._present:
            self._present[byte] = bytes((byte,)) in self.data
        return self._present[byte]

    def byte_by_byte(self, name: str) -> bool:
        """True when `name` decodes the bytes one character per byte (a single-byte code page that fits every byte)."""
        table = _byte_table(name)
        if table is None:
            try:
                return len(self.text(name)) == len(self.data)
            except (UnicodeDecodeError, LookupError):
                return False
        return not any(self._holds(byte) for byte, char in enumerate(table) if char is None or len(char) != 1)

    def differences(self, name: str, chosen: str) -> int:
        """How many characters the reading as `name` differs from the one as `chosen` at (both one character per byte)."""
        table, chosen_table = _byte_table(name), _byte_table(chosen)
        if table is None or chosen_table is None:
            return sum(1 for a, b in zip(self.text(name), self.text(chosen)) if a != b)
        differing = [byte for byte in range(256) if table[byte] != chosen_table[byte]]
        high = self._high_byte_counts
        return sum(high[byte] if byte >= 0x80 else self.data.count(bytes((byte,))) for byte in differing)

    @cached_property
    def _high_byte_counts(self) -> Counter:
        """How often each byte above ASCII occurs (from the contexts, which hold each occurrence once)."""
        counts: Counter = Counter()
        for triple, count in self.contexts.items():
            counts[triple[1]] += count
        return counts


@lru_cache(maxsize=None)
def _byte_table(name: str) -> tuple[str | None, ...] | None:
    """What each byte value reads as in code page `name` (None where undefined), for a charmap codec, whose
    bytes each read the same alone as in any context; None for any other codec."""
    try:
        codec = codecs.lookup(name)
    except LookupError:
        return None
    module = sys.modules.get(type(getattr(codec.decode, "__self__", None)).__module__)
    if not isinstance(getattr(module, "decoding_table", None), str):
        return None
    # charmap_decode reads byte b as decoding_table[b], and fails where the table has no entry or U+FFFE.
    decoding_table: str = module.decoding_table
    return tuple(decoding_table[byte] if byte < len(decoding_table) and decoding_table[byte] != "\ufffe" else None
                 for byte in range(256))


def _oddities(contexts: Counter, name: str) -> tuple[int, bool]:
    """How oddly code page `name` reads the bytes above ASCII, and whether its letters are of a known script.

    Counted per occurrence: a letter outside the best-fitting language's alphabet, a capital right after a
    lower-case letter, a letter beside one of another script, a symbol between two letters, a control character.
    """
    odd = 0
    letters: Counter = Counter()
    for triple, count in contexts.items():
        before, char, after = triple.decode(name, errors="replace")
        if char.isalpha():
            letters[char] += count
            if (char.isupper() and before.isalpha() and before.islower()) or _mixes_scripts(before, char, after):
                odd += count
        elif unicodedata.category(char)[0] == "M":  # a combining mark: odd on a letter of another script
            odd += count * _mixes_scripts(before, char, "")
        elif unicodedata.category(char)[0] == "C":
            odd += count
        elif not char.isspace() and char not in WORD_JOINERS and before.isalpha() and after.isalpha():
            odd += count
    if not letters:
        return odd, True
    alphabets = _alphabets()
    known = sum(count for char, count in letters.items() if any(char in alphabet for alphabet in alphabets.values()))
    outside = min(sum(count for char, count in letters.items() if char not in alphabet) for alphabet in alphabets.values())
    return odd + outside, known * 2 >= sum(letters.values())


def _latin_misread(text: str) -> bool:
    """True when most characters above ASCII of a multi-byte reading touch an ASCII letter ("Orb嫕 met"):
    a short Latin text a CJK code page swallowed. Real CJK text runs its characters together."""
    touching = total = 0
    for match in NON_ASCII_CHAR.finditer(text):
        total += 1
        start, end = match.span()
        touching += (start > 0 and text[start - 1].isascii() and text[start - 1].isalpha()) or (
            end < len(text) and text[end].isascii() and text[end].isalpha())
    return total > 0 and touching * 2 > total


def _script(char: str) -> str:
    """The script of a letter as Unicode names it: LATIN, CYRILLIC, GREEK …"""
    return unicodedata.name(char, "?").split(" ", 1)[0]


def _mixes_scripts(before: str, char: str, after: str) -> bool:
    """True when a letter sits beside a letter of another script inside one word ("cafй": Cyrillic after Latin)."""
    script = _script(char)
    return any(side.isalpha() and _script(side) != script for side in (before, after))


def _high_byte_contexts(data: bytes) -> Counter:
    """Each byte above ASCII with the bytes either side (a space at the edges), counted."""
    # Each triple as one 24-bit number, counted with numpy: a regex visits every byte of a mostly-ASCII file
    # and a Python loop every byte above ASCII of a Cyrillic or Greek one (5 MB: ~150-750 ms, this ~20-80 ms).
    padded = np.frombuffer(b" " + data + b" ", dtype=np.uint8)
    at = np.flatnonzero(padded[1:-1] >= 0x80) + 1
    codes = (padded[at - 1].astype(np.int32) << 16) | (padded[at].astype(np.int32) << 8) | padded[at + 1]
    values, counts = np.unique(codes, return_counts=True)
    return Counter({bytes((v >> 16, (v >> 8) & 0xFF, v & 0xFF)): n for v, n in zip(values.tolist(), counts.tolist())})


@lru_cache(maxsize=1)
def _alphabets() -> dict[str, frozenset[str]]:
    """language -> its letters beyond ASCII, both cases (data/alphabets.csv)."""
    with ALPHABETS_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {row["language"]: frozenset(row["letters"]) | frozenset(c.upper() for c in row["letters"] if len(c.upper()) == 1)
            for row in rows}


def _canonical(name: str) -> str:
    """Python's name for an encoding ("windows-1252" -> "cp1252"), so candidates compare by name."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for name in map(_canonical, names):
        if name not in seen:
            seen.add(name)
            kept.append(name)
    return kept


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(CONTROL_CHAR.findall(text)) / len(text)
