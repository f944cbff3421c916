"""Instructions per parse under cachegrind: speechparse against markdown-it, free of noise.

Wall-clock ratios on a shared machine drift by tens of percent from one run to the next;
the count of instructions a parse executes does not (it varies by well under 1 %).  Two
children run under ``valgrind --tool=cachegrind`` per parser and corpus, one that parses
the corpus three times and one that only prepares it; the difference over three is one
parse.  An A/B of two changes by this count needs no rounds and no quiet machine.

    python benchmarks/instructions.py [--kinds simplified,traditional] [--parses 3]

It needs valgrind (Debian: ``apt-get install valgrind``) and prints a note without it.
Instructions are not time: the ratio here is an anchor for changes, bench.py's the figure.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
_REFS_RE = re.compile(r"I\s+refs:\s+([\d,]+)")
PARSERS = ("speechparse", "markdown-it")


def child(parser: str, kind: str, parses: int) -> None:
    """Prepare the corpus (and the parser, with a warm-up on a small page), then parse it."""
    sys.path.insert(0, str(HERE))
    import bench

    import speechparse

    parse = bench.markdown_parser() if parser == "markdown-it" else speechparse.parse
    text = bench.make_corpus(kind, bench.MB).text
    parse(bench.seed_page([bench.SMALL_SEED]))
    for _ in range(parses):
        parse(text)


def instructions(parser: str, kind: str, parses: int) -> int:
    """Instructions a child executes (cachegrind's I refs)."""
    cmd = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        parser,
        kind,
        str(parses),
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # the same hashes, the same work
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
    m = _REFS_RE.search(out.stderr)
    if m is None:
        raise SystemExit(f"instructions: no I refs in cachegrind's output:\n{out.stderr[-500:]}")
    return int(m.group(1).replace(",", ""))


def per_parse(parser: str, kind: str, parses: int) -> float:
    with ThreadPoolExecutor(max_workers=2) as pool:
        base, full = pool.map(lambda n: instructions(parser, kind, n), (0, parses))
    return (full - base) / parses


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kinds", default="simplified,traditional")
    ap.add_argument("--parses", type=int, default=3)
    ap.add_argument("--child", nargs=3, metavar=("PARSER", "KIND", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return 0
    if shutil.which("valgrind") is None:
        print("instructions: valgrind is not installed; nothing measured")
        return 0
    print("instructions per parse of a 1 MB corpus (cachegrind; ratio > 1: speechparse runs fewer)")
    print(f"  {'corpus':<12} {'speechparse':>14} {'markdown-it':>14} {'ratio md/sp':>12}")
    for kind in args.kinds.split(","):
        sp, md = (per_parse(p, kind, args.parses) for p in PARSERS)
        print(f"  {kind:<12} {sp / 1e6:12.1f} M {md / 1e6:12.1f} M {md / sp:12.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
