"""Benchmark speechparse: throughput against markdown-it, peak memory and cold start."""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import json
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown_it

import speechparse

HERE = Path(__file__).resolve().parent
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
MB = 1_000_000  # sizes are UTF-8 bytes; 1 MB = 10**6 bytes
SEP = "\n\n"
SEED_KINDS: dict[str, tuple[str, ...]] = {  # corpus -> seed prefixes, concatenated in order
    "simplified": ("000", "002", "004"),
    "traditional": ("001", "003"),
}
KINDS = (*SEED_KINDS, "synthetic")  # synthetic: many short speeches made here
SMALL_SEED = "002"  # the page for warm-up and the cold-start run
COLD_START_TARGET = 0.4  # seconds
MEMORY_FACTOR = 10  # peak memory budget: MEMORY_FACTOR x input + MEMORY_ALLOWANCE
MEMORY_ALLOWANCE = 60 * MB
CHILD_TIMEOUT = 900  # seconds for the memory subprocess


@dataclass(frozen=True)
class Corpus:
    name: str
    text: str

    @property
    def nbytes(self) -> int:
        return utf8_len(self.text)


@dataclass(frozen=True)
class Settings:
    sizes: tuple[int, ...]  # corpus sizes in bytes for the throughput table
    rounds: dict[int, int]  # size -> rounds
    memory_size: int
    cold_runs: int


QUICK = Settings(sizes=(MB,), rounds={MB: 3}, memory_size=MB, cold_runs=5)
FULL = Settings(sizes=(MB, 10 * MB), rounds={MB: 7, 10 * MB: 3}, memory_size=10 * MB, cold_runs=9)


# --------------------------------------------------------------------------- corpora
def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def seed_path(prefix: str) -> Path:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        raise SystemExit(f"bench: no seed page {prefix}_*.txt in {SEEDS}")
    return matches[0]


def seed_page(prefixes: Sequence[str]) -> str:
    """The seed pages with these prefixes, joined by a blank line."""
    return SEP.join(seed_path(p).read_text(encoding="utf-8") for p in prefixes)


def repeat_to(page: str, target: int) -> str:
    """``page`` repeated (joined by a blank line) to about ``target`` bytes."""
    reps = max(1, round(target / utf8_len(page + SEP)))
    return SEP.join([page] * reps)


def synthetic_speech(i: int) -> str:
    """One short speech: title, salutation, a few outline lines, closing."""
    return (
        f"在第{i}次全市安全生产工作会议上的讲话\n"
        "同志们：\n"
        "一、统一思想，提高认识\n"
        "（一）安全生产是发展的底线。各级各部门要切实扛起责任。\n"
        "（二）当前形势依然严峻。一是隐患排查不到位，二是整改落实不彻底。\n"
        "二、突出重点，狠抓落实\n"
        "一是要压实属地责任。\n"
        "二是要压实主体责任。\n"
        "三是要强化督查问责。\n"
        "谢谢大家！\n"
    )


def synthetic_page(target: int) -> str:
    """Many short speeches back to back, about ``target`` bytes."""
    count = max(1, round(target / utf8_len(synthetic_speech(1) + SEP)))
    return SEP.join(synthetic_speech(i + 1) for i in range(count))


def make_corpus(kind: str, target: int) -> Corpus:
    if kind in SEED_KINDS:
        text = repeat_to(seed_page(SEED_KINDS[kind]), target)
    else:
        text = synthetic_page(target)
    return Corpus(f"{kind} {target // MB}MB", text)


# --------------------------------------------------------------------------- throughput
def markdown_parser() -> Callable[[str], Any]:
    return markdown_it.MarkdownIt("commonmark").parse


def timed(parse: Callable[[str], Any], text: str) -> float:
    """Seconds for one call; collected garbage first, the result freed outside the timing."""
    gc.collect()
    start = time.perf_counter()
    result = parse(text)
    elapsed = time.perf_counter() - start
    del result  # freed once the clock has stopped
    return elapsed


def median_seconds(
    parsers: dict[str, Callable[[str], Any]], text: str, rounds: int
) -> dict[str, float]:
    """Interleave the parsers on ``text`` for ``rounds`` rounds (the one that goes first
    alternates); the median seconds of each."""
    times: dict[str, list[float]] = {name: [] for name in parsers}
    order = list(parsers)
    for r in range(rounds):
        for name in order if r % 2 == 0 else reversed(order):
            times[name].append(timed(parsers[name], text))
    return {name: statistics.median(ts) for name, ts in times.items()}


def throughput_table(settings: Settings) -> None:
    parsers = {"speechparse": speechparse.parse, "markdown-it": markdown_parser()}
    warm = seed_page([SMALL_SEED])
    for parse in parsers.values():  # grammar, regexes and lazy imports load here
        parse(warm)
    print(
        "throughput (median of interleaved rounds; MB = 10^6 UTF-8 bytes; ratio > 1: "
        "speechparse is faster)"
    )
    print(
        f"  {'corpus':<18} {'MB':>6} {'rounds':>6} {'speechparse MB/s':>17} "
        f"{'markdown-it MB/s':>17} {'ratio sp/md':>12}"
    )
    for size in settings.sizes:
        for kind in KINDS:
            corpus = make_corpus(kind, size)
            secs = median_seconds(parsers, corpus.text, settings.rounds[size])
            sp, md = (corpus.nbytes / MB / secs[name] for name in ("speechparse", "markdown-it"))
            print(
                f"  {corpus.name:<18} {corpus.nbytes / MB:6.2f} {settings.rounds[size]:6d} "
                f"{sp:17.2f} {md:17.2f} {sp / md:12.3f}"
            )


# --------------------------------------------------------------------------- memory
def status_bytes(field: str) -> int | None:
    """A size in /proc/self/status (``VmRSS``, ``VmHWM``) in bytes; None off Linux."""
    try:
        lines = Path("/proc/self/status").read_text().splitlines()
    except OSError:
        return None
    sizes = [int(line.split()[1]) * 1024 for line in lines if line.startswith(f"{field}:")]
    return sizes[0] if sizes else None


def maxrss_bytes() -> int:
    """getrusage's max RSS: the fallback, as a child's figure also counts its parent's RSS at
    the fork (Linux carries it across exec), which VmHWM does not."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, KiB elsewhere


def reset_peak_rss() -> None:
    """Lower VmHWM to the current RSS (Linux 4.0+), so only what follows counts."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def rss_bytes() -> int:
    return status_bytes("VmRSS") or maxrss_bytes()


def peak_rss_bytes() -> int:
    return status_bytes("VmHWM") or maxrss_bytes()


def memory_child(kind: str, target: int) -> None:
    """Run in a fresh interpreter: build the corpus, warm up, parse once, print JSON."""
    corpus = make_corpus(kind, target)
    speechparse.parse(seed_page([SMALL_SEED]))
    gc.collect()
    reset_peak_rss()
    baseline = rss_bytes()
    speechparse.parse(corpus.text)
    result = {
        "name": corpus.name,
        "input": corpus.nbytes,
        "baseline": baseline,
        "peak": peak_rss_bytes(),
    }
    print(json.dumps(result))


def measure_memory(kind: str, target: int) -> dict[str, Any]:
    code = (
        f"import sys; sys.path.insert(0, {str(HERE)!r}); import bench; "
        f"bench.memory_child({kind!r}, {target})"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=CHILD_TIMEOUT,
    )
    result: dict[str, Any] = json.loads(proc.stdout.splitlines()[-1])
    return result


def memory_report(settings: Settings) -> None:
    m = measure_memory("simplified", settings.memory_size)
    used = m["peak"] - m["baseline"]
    budget = MEMORY_FACTOR * m["input"] + MEMORY_ALLOWANCE
    print(
        f"\npeak memory ({m['name']}; a fresh subprocess's peak RSS (VmHWM) minus its RSS "
        "just before the parse, after imports, building the input and a warm-up parse)"
    )
    print(
        f"  input {m['input'] / MB:.2f} MB; RSS before the parse {m['baseline'] / MB:.1f} MB, "
        f"peak {m['peak'] / MB:.1f} MB"
    )
    print(
        f"  parse used {used / MB:.1f} MB = {used / m['input']:.1f}x input; budget "
        f"{MEMORY_FACTOR}x input + {MEMORY_ALLOWANCE // MB} MB = {budget / MB:.1f} MB: "
        f"{'OK' if used <= budget else 'OVER'} (whole process peak: "
        f"{'OK' if m['peak'] <= budget else 'OVER'})"
    )


# --------------------------------------------------------------------------- cold start
#: the runs may write bytecode, as an installed package has it (pip compiles it on install):
#: a shell that sets PYTHONDONTWRITEBYTECODE would otherwise time the compiler on every run
COLD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall_seconds(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, env=COLD_ENV)
    return time.perf_counter() - start


def cold_start_report(settings: Settings) -> None:
    page = seed_path(SMALL_SEED)
    commands = {
        "parse": [sys.executable, "-m", "speechparse", "parse", str(page)],
        "pass": [sys.executable, "-c", "pass"],
    }
    for cmd in commands.values():  # untimed: writes bytecode (see COLD_ENV) and any caches
        wall_seconds(cmd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(settings.cold_runs):
        for name, cmd in commands.items():
            times[name].append(wall_seconds(cmd))
    parse, bare = (statistics.median(times[name]) for name in commands)
    verdict = "OK" if parse - bare <= COLD_START_TARGET else "OVER"
    print(
        f"\ncold start (python -m speechparse parse {page.name}, {page.stat().st_size} bytes; "
        f"median of {settings.cold_runs})"
    )
    print(
        f"  {parse:.3f} s - python -c pass {bare:.3f} s = {parse - bare:.3f} s; "
        f"target {COLD_START_TARGET} s: {verdict}"
    )


# --------------------------------------------------------------------------- profile
def profile_report() -> None:
    corpus = make_corpus("simplified", MB)
    speechparse.parse(seed_page([SMALL_SEED]))
    profiler = cProfile.Profile()
    profiler.runcall(speechparse.parse, corpus.text)
    print(f"\nprofile of speechparse.parse({corpus.name}), top 25 by cumulative time")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(25)


# --------------------------------------------------------------------------- main
def header() -> str:
    return (
        f"speechparse {speechparse.__version__}, markdown-it-py {markdown_it.__version__}, "
        f"Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs"
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="only the ~1 MB corpora, fewer rounds (well under a minute)",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also print a cProfile of parsing the 1 MB simplified corpus",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not SEEDS.is_dir():
        raise SystemExit(
            f"bench: the seed corpus {SEEDS} is absent (../shared must sit beside the repository)"
        )
    settings = QUICK if args.quick else FULL
    print(header())
    print(
        "corpora: simplified = seeds 000+002+004 concatenated, traditional = 001+003 "
        "concatenated, synthetic = many short speeches; each repeated to size\n"
    )
    throughput_table(settings)
    memory_report(settings)
    cold_start_report(settings)
    if args.profile:
        profile_report()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
