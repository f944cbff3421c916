"""Batch throughput, one job against two: ``python benchmarks/bench_batch.py [N] [SOURCE]``.

Copies N pages (default 200) from SOURCE (a folder; default ../shared/corpus if present, else
examples/) into a temporary folder, then times ``run_batch`` with 1 and 2 jobs (interleaved,
best of 7).
"""

from __future__ import annotations

import os
import sys
import tempfile
from itertools import cycle, islice
from pathlib import Path

from speechparse.batch import expand_inputs, run_batch

REPO = Path(__file__).resolve().parents[1]


def _sources(arg: str | None) -> list[str]:
    default = REPO.parent / "shared" / "corpus"
    folder = arg or str(default if default.is_dir() else REPO / "examples")
    paths, _ = expand_inputs([folder], exts=["txt"])
    return paths


def main(n: int = 200, source: str | None = None, repeat: int = 7) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        for i, src in enumerate(islice(cycle(_sources(source)), n)):
            Path(tmp, f"p{i:05d}.txt").write_bytes(Path(src).read_bytes())
        out = os.path.join(tmp, "out.jsonl")
        best: dict[int, float] = {}
        for jobs in (1, 2) * repeat:
            s = run_batch([tmp], out, jobs=jobs, progress=False)
            best[jobs] = min(best.get(jobs, float("inf")), s.seconds)
            print(f"jobs={jobs}: {s}")
    speedup = best[1] / best[2]
    print(f"{n} files: 1 job {best[1]:.2f} s, 2 jobs {best[2]:.2f} s, speed-up {speedup:.2f}x")
    return speedup


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200, sys.argv[2] if len(sys.argv) > 2 else None)
