"""The scripts in examples/ run (as subprocesses) and print what they promise."""

from __future__ import annotations

import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TITLE = "在全县中小学校园安全工作会议上的讲话"


def _run(script: str, *args: str, timeout: float = 180) -> str:
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        cwd=EXAMPLES.parent,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _needs(*modules: str) -> pytest.MarkDecorator:
    missing = [m for m in modules if find_spec(m) is None]
    return pytest.mark.skipif(
        bool(missing), reason=f"{', '.join(missing)} not installed (the [dask] extra has them)"
    )


def test_walk_tree() -> None:
    out = _run("walk_tree.py")
    assert out.startswith(f"Speech 1: {TITLE}\n")
    assert "  level 1 section: 一、提高站位" in out
    assert "level 2 section: （一）抓好校舍和设施安全" in out
    assert "level 3 section: 1、全面排查校舍隐患" in out
    assert "item: 一是开展一次拉网式排查" in out


@_needs("pandas")
def test_batch_to_pandas(tmp_path: Path) -> None:
    for i in range(3):
        page = (EXAMPLES / "school_safety.txt").read_text(encoding="utf-8")
        (tmp_path / f"p{i}.txt").write_text(page, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x1f\x8b\x08\x00" + bytes(32))
    out = _run("batch_to_pandas.py", str(tmp_path), str(tmp_path / "out.jsonl"))
    assert "batch: 4 files (3 ok, 1 failed)" in out
    assert f"failed: {tmp_path / 'bad.txt'}" in out
    assert "paragraph" in out and "section" in out
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 4


@_needs("dask", "distributed", "pandas")
def test_dask_flow() -> None:
    out = _run("dask_flow.py")
    assert "cluster: 2 workers" in out
    assert TITLE in out and "headings per level: {1: 3," in out
