"""Bytes -> text: BOMs, UTF-8, then charset-normalizer; binary files are told apart, not guessed at."""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

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


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can tell."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes to text with normalised newlines; returns (text, encoding name).

    Raises DecodeError with a reason a person understands for binary or undecodable input.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return normalise_newlines(data.decode(encoding)), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {encoding} byte-order mark but is not valid {encoding}") from exc
    for signature, what in MAGIC:
        if data.startswith(signature):
            raise DecodeError(f"binary file: looks like {what}, not text")
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("binary or undecodable bytes: no text encoding fits this file")
    text = str(best)
    if _control_share(text) > 0.05:
        raise DecodeError("binary file: too many control characters to be text")
    return normalise_newlines(text), best.encoding


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(text)
