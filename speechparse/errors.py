"""One root error class for misuse and I/O; doubtful content becomes a Diagnostic instead."""

from __future__ import annotations


class SpeechparseError(Exception):
    """Root of every error speechparse raises on purpose."""


class DecodeError(SpeechparseError, ValueError):
    """Bytes that are not text in any encoding we accept (UTF-8/16, GB18030, Big5)."""

    def __init__(self, reason: str, *, offset: int | None = None, source: str | None = None):
        self.reason = reason
        self.offset = offset
        self.source = source
        where = source or "input"
        at = f" at byte {offset}" if offset is not None else ""
        super().__init__(f"{where}: cannot decode{at}: {reason}")


class InputTooLarge(SpeechparseError, ValueError):
    """The input is over the configured size limit."""

    def __init__(self, size: int, limit: int, *, source: str | None = None):
        self.size = size
        self.limit = limit
        self.source = source
        where = source or "input"
        super().__init__(
            f"{where}: {size} bytes is over the limit of {limit} bytes (raise it with max_bytes)"
        )


class InvalidText(SpeechparseError, ValueError):
    """A str that is not valid Unicode text (it holds lone surrogates)."""
