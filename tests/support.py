"""Test support: the project's shared tools in ../shared (absent on a clean machine: skip)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_tool(name: str) -> Any:
    """Import ``../shared/tools/<name>.py`` (hostile_inputs, speecheval), or skip the module."""
    tools = SHARED / "tools"
    if not (tools / f"{name}.py").exists():
        pytest.skip(
            f"{tools}/{name}.py is absent (../shared sits beside the repository)",
            allow_module_level=True,
        )
    if str(tools) not in sys.path:
        sys.path.insert(0, str(tools))
    return importlib.import_module(name)
