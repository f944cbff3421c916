"""Test support: where ../shared is (it may be absent on a clean machine)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_tools():
    """Import ../shared/tools (speecheval, hostile_inputs) or skip the test."""
    tools = SHARED / "tools"
    if not (tools / "hostile_inputs.py").exists():
        pytest.skip(f"{tools} is absent (it sits beside the repository on the project machines)")
    if str(tools) not in sys.path:
        sys.path.insert(0, str(tools))
    return tools
