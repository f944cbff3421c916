"""speechparse: Chinese speech pages (讲话稿、致辞、发言稿) → a typed outline tree and JSON."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import DecodeError, InputTooLarge, InvalidText, SpeechparseError
from .model import (
    MAX_DEPTH,
    SCHEMA_VERSION,
    Block,
    Diagnostic,
    DiagnosticCode,
    Document,
    Item,
    Line,
    Marker,
    Paragraph,
    Removed,
    RemovedKind,
    Section,
    Severity,
    Speech,
    json_schema,
)

__version__ = "0.1.0"

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""Inputs above this size raise InputTooLarge unless ``max_bytes`` says otherwise."""


def parse(text: str, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Document:
    """Parse a page of text. Spans in the result index ``text`` (Python ``str`` offsets).

    ``max_bytes`` bounds the input (counted as UTF-8 bytes, at most 4 per character);
    ``None`` means no limit.
    """
    from .pipeline import run

    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use parse_bytes()")
    if max_bytes is not None and len(text) > max_bytes // 4:
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise InputTooLarge(size, max_bytes)
    return run(text)


def parse_bytes(
    data: bytes,
    *,
    errors: str = "strict",
    source: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Document:
    """Decode ``data`` (UTF-8 with or without BOM, UTF-16 with BOM, GB18030 or Big5), then parse.

    ``errors="strict"`` raises DecodeError on bytes that fit none of them; ``"replace"``
    decodes as UTF-8 with U+FFFD and reports it as a diagnostic.  Spans index the decoded
    text, read with universal newlines as ``Path.read_text()`` reads it (CRLF, CR → LF).
    """
    from .decode import decode
    from .pipeline import run

    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLarge(len(data), max_bytes, source=source)
    decoded = decode(data, errors=errors, source=source)
    doc = run(decoded.text, extra_diagnostics=decoded.diagnostics)
    doc.encoding = decoded.encoding
    return doc


def parse_file(
    path: str | os.PathLike[str],
    *,
    errors: str = "strict",
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Document:
    """Read and parse a file (see parse_bytes for the encodings and the size limit)."""
    p = Path(path)
    if max_bytes is not None:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(size, max_bytes, source=str(p))
    return parse_bytes(p.read_bytes(), errors=errors, source=str(p), max_bytes=max_bytes)


__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_DEPTH",
    "SCHEMA_VERSION",
    "Block",
    "DecodeError",
    "Diagnostic",
    "DiagnosticCode",
    "Document",
    "InputTooLarge",
    "InvalidText",
    "Item",
    "Line",
    "Marker",
    "Paragraph",
    "Removed",
    "RemovedKind",
    "Section",
    "Severity",
    "Speech",
    "SpeechparseError",
    "__version__",
    "json_schema",
    "parse",
    "parse_bytes",
    "parse_file",
]
