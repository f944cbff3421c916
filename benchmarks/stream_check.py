"""Run the CLI on a real 1 GiB hostile stream file and report exit code, stderr and max RSS.

The point (issue #4): an input far over ``--max-bytes`` must end in a clear one-line error and
exit 1, with memory bounded by the limit — never an OOM kill or a partial JSON document.

    python benchmarks/stream_check.py                       # stream_1gib_speeches, file argument
    python benchmarks/stream_check.py --stdin               # the same through standard input
    python benchmarks/stream_check.py --case all --gib 0.25

The file is written to a temporary directory (``--tmp``, default /tmp) and deleted afterwards.
The cases come from ``../shared/tools/hostile_inputs.py`` (STREAM_CASES).
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO.parent / "shared" / "tools"
GIB = 1 << 30


def load_hostile() -> ModuleType:
    if not (TOOLS / "hostile_inputs.py").exists():
        raise SystemExit(f"stream_check: {TOOLS}/hostile_inputs.py is absent")
    sys.path.insert(0, str(TOOLS))
    return importlib.import_module("hostile_inputs")


def run_cli(path: Path, extra: list[str], via_stdin: bool) -> tuple[int, str, int, int, float]:
    """Run ``python -m speechparse parse`` once; return (exit code, stderr, stdout bytes,
    max RSS in KiB, seconds)."""
    cmd = [sys.executable, "-m", "speechparse", "parse", "-" if via_stdin else str(path), *extra]
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        open(path, "rb") if via_stdin else open(os.devnull, "rb") as stdin,
    ):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=stdin, stdout=out, stderr=err, cwd=REPO)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out_size = out.seek(0, os.SEEK_END)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return proc.returncode, stderr, out_size, usage.ru_maxrss, seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--case", default="stream_1gib_speeches", help="a STREAM_CASES name, or all")
    ap.add_argument("--gib", type=float, default=1.0, help="size of the file in GiB (default 1)")
    ap.add_argument("--stdin", action="store_true", help="feed the file on standard input")
    ap.add_argument("--tmp", default="/tmp", help="directory for the file (default /tmp)")
    ap.add_argument("cli_args", nargs="*", help="extra CLI arguments, e.g. -- --max-bytes 0")
    args = ap.parse_args(argv)

    hostile = load_hostile()
    names = [n for n, _ in hostile.STREAM_CASES] if args.case == "all" else [args.case]
    worst = 0
    for name in names:
        fd, tmp = tempfile.mkstemp(prefix=f"{name}.", suffix=".txt", dir=args.tmp)
        os.close(fd)
        path = Path(tmp)
        try:
            t0 = time.perf_counter()
            size = hostile.write_stream_case(name, str(path), total_bytes=int(args.gib * GIB))
            write_s = time.perf_counter() - t0
            code, stderr, out_size, rss_kib, seconds = run_cli(path, args.cli_args, args.stdin)
        finally:
            path.unlink(missing_ok=True)
        print(f"case       {name} ({'stdin' if args.stdin else 'file argument'})")
        print(f"input      {size} bytes ({size / GIB:.3f} GiB), written in {write_s:.1f} s")
        print(f"exit code  {code}")
        print(f"stderr     {stderr.rstrip()!r} ({len(stderr.splitlines())} line(s))")
        print(f"stdout     {out_size} bytes")
        print(f"max RSS    {rss_kib / 1024:.1f} MiB")
        print(f"wall time  {seconds:.2f} s")
        print()
        ok = code == 1 and len(stderr.splitlines()) == 1 and out_size == 0
        worst = max(worst, 0 if ok else 1)
    return worst


if __name__ == "__main__":
    raise SystemExit(main())
