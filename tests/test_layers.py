"""The layering of docs/architecture.md, checked by walking each module's imports (ast)."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "speechparse"

# module → the speechparse modules it may import
ALLOWED: dict[str, set[str]] = {
    "spans": set(),
    "errors": set(),
    "numerals": set(),
    "model": {"spans"},
    "decode": {"errors", "model"},
    "normalize": {"errors", "model", "spans"},
    "grammar": set(),
    "classify": {"grammar", "numerals"},
    "markers": {"classify", "lines", "numerals"},
    "lines": {"normalize"},
    "segment": {"classify", "lines", "markers", "normalize", "numerals"},
    "build": {"classify", "markers"},
    "outline": {"build", "lines", "markers"},
    "pipeline": {"build", "lines", "model", "normalize", "outline", "segment", "spans"},
}
# third-party packages and the only modules that may import them
THIRD_PARTY = {"lark": {"grammar", "classify"}, "opencc": {"normalize"}}


def _imports(path: Path) -> tuple[set[str], set[str]]:
    ours, theirs = set(), set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from .x import y / from .. import z
                base = node.module.split(".")[0] if node.module else ""
                ours |= {base} if base else {a.name for a in node.names}
            elif node.module:
                theirs.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            theirs |= {a.name.split(".")[0] for a in node.names}
    return ours, theirs


def test_stages_import_only_lower_layers() -> None:
    for name, allowed in ALLOWED.items():
        ours, _ = _imports(PKG / f"{name}.py")
        assert ours <= allowed, f"{name} imports {sorted(ours - allowed)}"


def test_third_party_imports_stay_in_their_modules() -> None:
    for path in PKG.rglob("*.py"):
        name = path.stem if path.parent == PKG else f"render.{path.stem}"
        _, theirs = _imports(path)
        for package, owners in THIRD_PARTY.items():
            if package in theirs:
                assert name in owners, f"{name} imports {package}"


def test_renderers_take_the_model_only() -> None:
    """Renderers read the model (and walk it with walk.py, which reads only the model)."""
    ours, _ = _imports(PKG / "walk.py")
    assert ours <= {"model"}
    for path in (PKG / "render").glob("*.py"):
        ours, _ = _imports(path)
        assert ours <= {"model", "render", "walk"}, f"render/{path.name} imports {sorted(ours)}"
