"""Hand-written golden pages: tests/golden/<case>/input.txt → expected.json.

Each expected.json is in the gold format of shared/corpus/GOLD_FORMAT.md and was written
by hand from what a careful reader sees on the page (see tests/golden/README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from golden_compare import compare, load_case
from support import trusted_differences

import speechparse

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "expected.json").is_file())
TOOLS = Path(__file__).resolve().parents[2] / "shared" / "tools"


def _invariant_checker() -> Any:
    if not (TOOLS / "hostile_inputs.py").is_file():
        return None
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))
    import hostile_inputs  # type: ignore[import-not-found]

    return hostile_inputs.invariant_violations


def test_cases_present() -> None:
    assert len(CASES) >= 34, CASES


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str) -> None:
    """The parse matches the page's expected.json, but for the misses its known_misses.txt
    lists (a reader's cut the parser cannot make yet): exactly those, no more and no fewer."""
    text, expected = load_case(GOLDEN / case)
    doc = speechparse.parse(text)
    diffs = compare(expected, doc, text)
    known_file = GOLDEN / case / "known_misses.txt"
    known = known_file.read_text(encoding="utf-8").splitlines() if known_file.is_file() else []
    assert diffs == known, f"{case}: {len(diffs)} difference(s)\n" + "\n".join(diffs)


@pytest.mark.parametrize("case", CASES)
def test_golden_invariants(case: str) -> None:
    check = _invariant_checker()
    if check is None:
        pytest.skip(f"{TOOLS / 'hostile_inputs.py'} is absent (../shared is not checked out)")
    text, _ = load_case(GOLDEN / case)
    violations = check(text, speechparse.parse(text).model_dump(mode="json"))
    assert not violations, f"{case}: invariant violations\n" + "\n".join(violations)


@pytest.mark.parametrize("case", CASES)
def test_golden_tree_equals_its_validation(case: str) -> None:
    """The tree is built without validation (model.trusted): it must equal what pydantic
    makes of its dump, field by field and type by type."""
    text, _ = load_case(GOLDEN / case)
    diff = trusted_differences(speechparse.parse(text))
    assert not diff, f"{case}:\n" + "\n".join(diff[:10])


@pytest.mark.parametrize("case", CASES)
def test_construct_fallback_makes_the_same_tree(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Should pydantic's instances change shape, model.trusted falls back to pydantic's
    model_construct: that path must give the same document."""
    from speechparse import model, pipeline

    text, _ = load_case(GOLDEN / case)
    fast = speechparse.parse(text)
    monkeypatch.setattr(pipeline, "trusted", model.constructed)
    monkeypatch.setattr(pipeline, "trusted_many", model.constructed_many)
    assert speechparse.parse(text) == fast
    assert model.TRUSTED_FAST  # this pydantic: the fast path is the one in use
