"""Atheris harness: speechparse must never crash and never break its invariants.

    python fuzz/fuzz_parse.py fuzz/corpus -max_total_time=600 -max_len=65536

Each input goes through ``parse_bytes(data, errors="replace")`` and through ``parse`` of the
same bytes decoded as UTF-8 with U+FFFD.  A finding is an exception other than
``SpeechparseError``, or a violation of the invariants in ``../shared/tools/hostile_inputs.py``
(checked when that file is present).  See fuzz/README.md.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import atheris  # type: ignore  # no type hints

with atheris.instrument_imports(include=["speechparse"]):  # not pydantic, lark, regex
    import speechparse
    import speechparse.pipeline  # parse() imports the stages lazily: instrument them too
    from speechparse import Document, SpeechparseError
    from speechparse.decode import decode

TOOLS = Path(__file__).resolve().parents[2] / "shared" / "tools"
MAX_BYTES = 1 << 20

Check = Callable[[str, dict[str, Any]], list[str]]


def _load_invariants() -> Check | None:
    if not (TOOLS / "hostile_inputs.py").exists():
        print(f"fuzz_parse: {TOOLS} absent; checking exceptions only", file=sys.stderr)
        return None
    sys.path.insert(0, str(TOOLS))
    check: Check = importlib.import_module("hostile_inputs").invariant_violations
    return check


INVARIANTS = _load_invariants()
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
trusted_differences: Callable[[Document], list[str]] = importlib.import_module(
    "support"
).trusted_differences  # the tree (built without validation) against pydantic's validation


class InvariantViolation(AssertionError):
    """The parse broke the output contract (the message says how)."""


def check(text: str, doc: Document, how: str) -> None:
    dumped = doc.model_dump_json()
    json.loads(dumped)
    if Document.model_validate_json(dumped) != doc:
        raise InvariantViolation(f"{how}: JSON round trip differs")
    if diff := trusted_differences(doc):
        raise InvariantViolation(f"{how}: differs from its validation: {diff[0]}")
    if INVARIANTS is not None:
        bad = INVARIANTS(text, doc.model_dump(mode="json"))
        if bad:
            raise InvariantViolation(f"{how}: {len(bad)} violation(s), first: {bad[0]}")


def test_one_input(data: bytes) -> None:
    try:
        doc = speechparse.parse_bytes(data, errors="replace", max_bytes=MAX_BYTES)
    except SpeechparseError:
        pass
    else:
        check(decode(data, errors="replace").text, doc, "parse_bytes(errors='replace')")
    text = data.decode("utf-8", "replace")
    try:
        doc = speechparse.parse(text, max_bytes=MAX_BYTES)
    except SpeechparseError:
        return
    check(text, doc, "parse(str)")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
