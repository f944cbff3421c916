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


def trusted_differences(doc: Any) -> list[str]:
    """Where a parse differs from its own re-validation by pydantic (model.trusted builds the
    tree without validating): every field present, with the same type and value."""
    from pydantic import BaseModel

    fresh = type(doc).model_validate(doc.model_dump())
    out: list[str] = []
    todo: list[tuple[str, Any, Any]] = [("doc", doc, fresh)]
    while todo:
        where, a, b = todo.pop()
        if type(a) is not type(b):
            out.append(f"{where}: {type(a).__name__} != {type(b).__name__} ({a!r})")
        elif isinstance(a, BaseModel):
            if set(a.__dict__) != set(type(a).model_fields):
                out.append(f"{where}: fields {sorted(a.__dict__)}")
            todo.extend((f"{where}.{k}", a.__dict__.get(k), v) for k, v in b.__dict__.items())
        elif isinstance(a, list | tuple):
            if len(a) != len(b):
                out.append(f"{where}: {len(a)} != {len(b)} elements")
            todo.extend((f"{where}[{i}]", x, y) for i, (x, y) in enumerate(zip(a, b, strict=False)))
        elif a != b:
            out.append(f"{where}: {a!r} != {b!r}")
    return out
