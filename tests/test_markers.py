"""Line-start marker recognition, driven by tests/fixtures/markers.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from speechparse.markers import line_marker

FIXTURE = Path(__file__).parent / "fixtures" / "markers.md"


def _cases() -> list[pytest.param]:
    out = []
    for n, line in enumerate(FIXTURE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        text, expect = (s.strip() for s in line.split("→"))
        out.append(pytest.param(text, expect, id=f"markers.md:{n}"))
    return out


@pytest.mark.parametrize(("text", "expect"), _cases())
def test_line_marker(text: str, expect: str) -> None:
    found = line_marker(text)
    if expect == "none":
        assert found is None, found
        return
    assert found is not None, f"no marker found in {text!r}"
    marker, style, ordinal, kind = (s.strip() for s in expect.split("|"))
    assert found.text == marker
    assert found.info.style == style
    assert found.info.ordinal == int(ordinal)
    assert found.info.is_item == (kind == "item")
