"""Hostile inputs (issue #4): never crash, never lose text, refuse oversized input cleanly.

The cases come from ``../shared/tools/hostile_inputs.py`` (skipped when it is absent).  Sizes
follow ``SPEECHPARSE_HOSTILE_SCALE`` (default 0.05 here; 1.0 for a nightly run).  Time
(linearity over hostile_inputs.SCALABLE) is checked by test_linearity.py.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from support import shared_tool, trusted_differences

import speechparse
from speechparse import DecodeError, Document, InvalidText
from speechparse.cli import main
from speechparse.decode import decode

hostile: Any = shared_tool("hostile_inputs")

SCALE = float(os.environ.get("SPEECHPARSE_HOSTILE_SCALE") or "0.05")
CASES: dict[str, str] = dict(hostile.build_cases(SCALE))
BYTES_CASES: dict[str, bytes] = dict(hostile.BYTES_CASES)
STREAM_NAMES: list[str] = [name for name, _ in hostile.STREAM_CASES]


def _lone_surrogate(text: str) -> int | None:
    """Index of the first lone surrogate in ``text`` (None when it is valid Unicode)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        return e.start
    return None


def assert_sound(name: str, text: str, doc: Document) -> None:
    """The contract every parse keeps: invariants, a lossless JSON round trip, valid JSON."""
    bad = hostile.invariant_violations(text, doc.model_dump(mode="json"))
    assert not bad, f"{name}: {len(bad)} invariant violation(s), first: " + "; ".join(bad[:3])
    dumped = doc.model_dump_json()
    assert isinstance(json.loads(dumped), dict)
    assert Document.model_validate_json(dumped) == doc, f"{name}: JSON round trip differs"
    diff = trusted_differences(doc)
    assert not diff, f"{name}: differs from its validation: {diff[:3]}"


# --------------------------------------------------------------------------- str cases
@pytest.mark.parametrize("name", list(CASES), ids=list(CASES))
def test_case(name: str) -> None:
    text = CASES[name]
    bad_at = _lone_surrogate(text)
    if bad_at is None:
        assert_sound(name, text, speechparse.parse(text))
        return
    # parse() documents InvalidText for a str with lone surrogates (they cannot go into JSON);
    # the way out is the bytes path with errors="replace".  Both must hold.
    try:
        doc = speechparse.parse(text)
    except InvalidText as e:
        assert f"index {bad_at}" in str(e), f"{name}: the error should name index {bad_at}: {e}"
    else:
        assert_sound(name, text, doc)
    data = text.encode("utf-8", "surrogatepass")
    assert_sound(
        f"{name} (bytes, replace)",
        decode(data, errors="replace").text,
        speechparse.parse_bytes(data, errors="replace"),
    )


# --------------------------------------------------------------------------- bytes cases
@pytest.mark.parametrize("errors", ["strict", "replace"])
@pytest.mark.parametrize("name", list(BYTES_CASES), ids=list(BYTES_CASES))
def test_bytes_case(name: str, errors: str) -> None:
    data = BYTES_CASES[name]
    try:
        doc = speechparse.parse_bytes(data, errors=errors)
    except DecodeError as e:
        assert "\n" not in str(e)
        return
    assert_sound(name, decode(data, errors=errors).text, doc)


@pytest.mark.parametrize("errors", ["strict", "replace"])
@pytest.mark.parametrize("name", list(BYTES_CASES), ids=list(BYTES_CASES))
def test_bytes_case_cli(
    name: str, errors: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(BYTES_CASES[name])
    code = main(["parse", str(path), "--errors", errors])
    out, err = capsys.readouterr()
    assert code in (0, 1), f"{name}: exit code {code}; stderr: {err}"
    if code == 0:
        assert err == ""
        Document.model_validate(json.loads(out))
    else:
        assert out == ""
        assert err.startswith("speechparse: ") and err.endswith("\n")
        assert err.count("\n") == 1, f"{name}: the reason should be one line: {err!r}"


# --------------------------------------------------------------------------- streamed cases
LIMIT = 64 * 1024


@pytest.mark.parametrize("name", STREAM_NAMES, ids=STREAM_NAMES)
def test_stream_case_over_the_limit(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first 2x of a small --max-bytes limit stands in for the 1 GiB file."""
    path = tmp_path / f"{name}.txt"
    written = hostile.write_stream_case(name, str(path), total_bytes=2 * LIMIT)
    assert written > LIMIT
    code = main(["parse", str(path), "--max-bytes", str(LIMIT)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert "over the limit" in err and err.count("\n") == 1, err


def test_stream_case_over_the_limit_on_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "stream.txt"
    hostile.write_stream_case("stream_1gib_speeches", str(path), total_bytes=2 * LIMIT)
    with path.open("rb") as f:
        monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": f})())
        code = main(["parse", "-", "--max-bytes", str(LIMIT)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert "over the limit" in err and err.count("\n") == 1, err
