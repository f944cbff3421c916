"""Batch a folder of pages to JSON Lines, then flatten the nodes into a pandas DataFrame."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import pandas as pd

from speechparse import Document
from speechparse.batch import run_batch
from speechparse.walk import NODE_COLUMNS, NODE_DTYPES, node_rows


def main(folder: str, out: str) -> None:
    # the same as: speechparse batch FOLDER -o OUT --jobs 2
    summary = run_batch([folder], out, jobs=2)
    print(f"batch: {summary}")
    rows = []
    with open(out, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if "error" in record:
                print(f"failed: {record['path']}: {record['reason']}")
                continue
            doc = Document.model_validate(record["document"])
            rows += node_rows(doc, record["path"])
    nodes = pd.DataFrame(rows, columns=list(NODE_COLUMNS)).astype(NODE_DTYPES)
    print(nodes.groupby(["file", "type"]).size().unstack(fill_value=0).to_string())
    headings = nodes[nodes.type != "paragraph"]
    print(headings[["path", "level", "marker", "heading"]].head(8).to_string(index=False))


if __name__ == "__main__":
    here = Path(__file__).parent
    folder = sys.argv[1] if len(sys.argv) > 1 else str(here)
    with tempfile.TemporaryDirectory() as tmp:
        main(folder, sys.argv[2] if len(sys.argv) > 2 else str(Path(tmp) / "pages.jsonl"))
