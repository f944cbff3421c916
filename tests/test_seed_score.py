"""The seed pages scored by the project's own scorer, with the thresholds of issue #3."""

from __future__ import annotations

import json

import pytest
from support import SHARED, shared_tool

import speechparse

THRESHOLDS = {
    "node_f1": 0.95,
    "heading_f1": 0.97,
    "item_f1": 0.90,
    "salutation": 0.95,
    "closing": 0.95,
}


def test_seed_score() -> None:
    speecheval = shared_tool("speecheval")

    gold_dir, src_dir = SHARED / "corpus" / "gold", SHARED / "corpus" / "seeds"
    files = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        raw = speecheval.read_source(src_dir / gold["source"])
        pred = json.loads(speechparse.parse(raw).model_dump_json())
        files.append(speecheval.finish(speecheval.score_file(gold, raw, pred)))
    tot = speecheval.overall(files)
    got = {
        "node_f1": tot["nodes"]["f1"],
        "heading_f1": tot["headings"]["f1"],
        "item_f1": tot["items"]["f1"],
        "salutation": tot["salutation"]["acc"],
        "closing": tot["closing"]["acc"],
    }
    print(speecheval.summary_line(tot))
    for name, floor in THRESHOLDS.items():
        assert got[name] >= floor, f"{name} {got[name]:.3f} < {floor}"
    assert tot["speeches"]["count_acc"] == pytest.approx(1.0)
    assert tot["noise"]["rate"] == 0.0
