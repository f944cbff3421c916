"""Linear-time check: parse(f(8n)) against parse(f(n)) for each hostile_inputs.SCALABLE family."""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import speechparse

HERE = Path(__file__).resolve().parent
TOOLS = Path(__file__).resolve().parents[2] / "shared" / "tools"
BASE_BYTES = 100_000  # f(n) is about scale x this many UTF-8 bytes
FACTOR = 8
LIMIT = 10.0  # flag time(8n) / time(n) above this
PROBE_N = 1000
REPEATS = 3  # best of at least REPEATS parses unless REPEAT_BUDGET is spent first,
MIN_SPENT = 0.25  # more (up to MAX_REPEATS) while under MIN_SPENT seconds in all
MAX_REPEATS = 20
REPEAT_BUDGET = 1.0  # seconds
TIMEOUT = 120.0  # seconds per family (its own subprocess)
NOISY = 0.005  # seconds: a time(n) below this makes the ratio rough


@dataclass
class Result:
    """One family's outcome: status ok, TIMEOUT or ERROR; a row per size measured."""

    status: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    error: str = ""


def load_hostile() -> ModuleType:
    if not (TOOLS / "hostile_inputs.py").exists():
        raise SystemExit(
            f"linearity: {TOOLS}/hostile_inputs.py is absent "
            "(../shared must sit beside the repository)"
        )
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))
    return importlib.import_module("hostile_inputs")


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def n_for_size(make: Callable[[int], str], target: int) -> int:
    """An n with len(make(n)) about ``target`` UTF-8 bytes (a few proportional steps)."""
    n = PROBE_N
    for _ in range(4):
        size = utf8_len(make(n))
        if abs(size - target) <= target * 0.05:
            break
        n = max(1, round(n * target / max(size, 1)))
    return n


def best_seconds(text: str) -> float:
    """Best of several parses (see REPEATS), with the garbage collector off while timing."""
    best, spent = float("inf"), 0.0
    for run in range(1, MAX_REPEATS + 1):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            doc = speechparse.parse(text)
            elapsed = time.perf_counter() - start
            del doc  # freed once the clock has stopped
        finally:
            gc.enable()
        best, spent = min(best, elapsed), spent + elapsed
        if spent >= REPEAT_BUDGET or (run >= REPEATS and spent >= MIN_SPENT):
            break
    return best


def emit(**fields: Any) -> None:
    print(json.dumps(fields), flush=True)


def child(family: str, scale: float) -> None:
    """Run in a subprocess: one JSON line per size, flushed, so a timeout keeps time(n)."""
    make = load_hostile().SCALABLE[family]
    speechparse.parse("同志们：\n一、总体要求。\n谢谢大家！\n")  # load the grammar untimed
    n = n_for_size(make, round(scale * BASE_BYTES))
    for m in (n, FACTOR * n):
        text = make(m)
        emit(n=m, bytes=utf8_len(text), seconds=best_seconds(text))
        del text  # before building the next one


def run_family(family: str, scale: float, timeout: float) -> Result:
    """Measure one family in a fresh interpreter, killed after ``timeout`` seconds."""
    code = (
        f"import sys; sys.path.insert(0, {str(HERE)!r}); import linearity; "
        f"linearity.child({family!r}, {scale!r})"
    )
    cmd = [sys.executable, "-c", code]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode() if isinstance(e.stdout, bytes) else e.stdout or ""
        return Result("TIMEOUT", parse_rows(out), f"(> {timeout:g} s)")
    if proc.returncode != 0:
        last = proc.stderr.strip().splitlines()[-1:]
        return Result("ERROR", parse_rows(proc.stdout), "".join(last))
    return Result("ok", parse_rows(proc.stdout))


def parse_rows(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def verdict(result: Result) -> tuple[str, bool]:
    """(the table's last column, whether the family is flagged)."""
    rows = result.rows
    if result.status != "ok" or len(rows) < 2:
        return f"{result.status} {result.error}".rstrip(), True
    ratio = rows[1]["seconds"] / max(rows[0]["seconds"], 1e-9)
    note = f" (t(n) < {NOISY * 1000:g} ms: rough)" if rows[0]["seconds"] < NOISY else ""
    if ratio > LIMIT:
        return f"{ratio:6.1f}  > {LIMIT:g} SUPERLINEAR?{note}", True
    return f"{ratio:6.1f}{note}", False


def cell(rows: list[dict[str, Any]], i: int, key: str, fmt: str) -> str:
    return format(rows[i][key], fmt) if i < len(rows) else "-"


def report_line(family: str, result: Result) -> tuple[str, bool]:
    rows = result.rows
    text, failed = verdict(result)
    line = (
        f"{family:<30} {cell(rows, 0, 'n', 'd'):>8} {cell(rows, 0, 'bytes', ',d'):>11} "
        f"{cell(rows, 0, 'seconds', '.4f'):>9} {cell(rows, 1, 'bytes', ',d'):>11} "
        f"{cell(rows, 1, 'seconds', '.4f'):>9}  {text}"
    )
    return line, failed


def parse_args(argv: Sequence[str] | None, families: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help=f"f(n) is about SCALE x {BASE_BYTES:,} UTF-8 bytes (default 1.0)",
    )
    parser.add_argument(
        "--family",
        action="append",
        choices=families,
        metavar="NAME",
        help="only this family (repeatable); default: all",
    )
    parser.add_argument(
        "--timeout", type=float, default=TIMEOUT, help=f"seconds per family (default {TIMEOUT:g})"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help=f"exit 1 if a family's ratio is above {LIMIT:g}, or it times out or crashes",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    families = list(load_hostile().SCALABLE)
    args = parse_args(argv, families)
    print(
        f"time(parse(f({FACTOR}n))) / time(parse(f(n))); linear is about {FACTOR}, "
        f"quadratic about {FACTOR * FACTOR}; flagged above {LIMIT:g}"
    )
    print(
        f"{'family':<30} {'n':>8} {'bytes(n)':>11} {'t(n) s':>9} {'bytes(8n)':>11} "
        f"{'t(8n) s':>9}  ratio"
    )
    failed = []
    for family in args.family or families:
        line, bad = report_line(family, run_family(family, args.scale, args.timeout))
        print(line, flush=True)
        if bad:
            failed.append(family)
    print(
        f"\n{len(failed)} of {len(args.family or families)} families flagged"
        + (f": {', '.join(failed)}" if failed else "")
    )
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
