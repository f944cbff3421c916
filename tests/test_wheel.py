"""A wheel built from the sources, installed into a fresh venv, parses the bundled example.

This is what a user of a released package gets: the grammars must come from inside the
wheel (package data), not from the source tree.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from support import REPO


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to copy the tracked files")
def test_wheel_in_a_fresh_venv(tmp_path: Path) -> None:
    src = tmp_path / "src"
    # only what git tracks, as a clean clone would have it (plus uncommitted edits to them)
    files = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, files):
        rel = Path(name.decode())
        if (REPO / rel).is_file():
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / rel, src / rel)
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(src)],
        check=True,
    )
    (wheel,) = dist.glob("speechparse-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False, system_site_packages=True)
    py = env_dir / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(wheel)],
        check=True,
    )
    out = subprocess.run(
        [str(py), "-m", "speechparse", "parse", str(REPO / "examples" / "school_safety.txt")],
        cwd=tmp_path,  # away from the source tree: the grammars must come from the wheel
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    doc = json.loads(out)
    assert doc["speeches"] and doc["speeches"][0]["content"]
    where = subprocess.run(
        [str(py), "-c", "import speechparse, sys; sys.stdout.write(speechparse.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    assert str(env_dir) in where, f"imported {where}, not the installed wheel"
