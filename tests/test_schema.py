"""The committed JSON Schema equals ``speechparse.json_schema()``; regenerate behind an env flag."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import speechparse
from speechparse.cli import main

SCHEMA = Path(__file__).resolve().parents[1] / "schema" / "document.schema.json"
REGEN = os.environ.get("SPEECHPARSE_REGEN") == "1"


def _text() -> str:
    return json.dumps(speechparse.json_schema(), ensure_ascii=False, indent=2) + "\n"


def test_committed_schema_is_current() -> None:
    if REGEN:
        SCHEMA.write_text(_text(), encoding="utf-8")
    assert SCHEMA.exists(), "run SPEECHPARSE_REGEN=1 pytest tests/test_schema.py"
    committed = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert committed == speechparse.json_schema(), (
        "schema/document.schema.json is stale: regenerate with "
        "SPEECHPARSE_REGEN=1 python -m pytest tests/test_schema.py, then review the diff"
    )
    assert SCHEMA.read_text(encoding="utf-8") == _text()


def test_cli_prints_the_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == SCHEMA.read_text(encoding="utf-8")


def test_regen_flag_is_off() -> None:
    """Guard: a run with SPEECHPARSE_REGEN=1 rewrites files, so it must never pass as green."""
    assert not REGEN, "SPEECHPARSE_REGEN=1 is set: files were regenerated; review and unset it"


def test_schema_names_the_discriminator() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"] == "speechparse.Document"
    assert "discriminator" in json.dumps(schema)
