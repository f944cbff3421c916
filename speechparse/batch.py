"""Batch runs: many pages → one JSON line each, in input order, resumable, on N processes."""

from __future__ import annotations

import glob
import json
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import IO, Any

from . import DEFAULT_MAX_BYTES, parse, parse_file
from .walk import count_nodes

DEFAULT_EXTS = ("txt",)
"""File name endings a folder contributes (explicit files and globs are taken as given)."""

_PATH_PREFIX = '{"path": '


@dataclass(frozen=True)
class Outcome:
    """One input's result: its JSON line and the counts for the summary."""

    path: str
    line: bytes
    ok: bool
    size: int
    speeches: int = 0
    nodes: int = 0


@dataclass
class Summary:
    """What a batch run did; ``str()`` is the one-line report printed at the end."""

    out: str
    files: int = 0
    failed: int = 0
    skipped: int = 0
    speeches: int = 0
    nodes: int = 0
    size: int = 0
    seconds: float = 0.0
    unmatched: list[str] = field(default_factory=list)

    @property
    def mb_per_s(self) -> float:
        return self.size / 1e6 / self.seconds if self.seconds > 0 else 0.0

    def add(self, o: Outcome) -> None:
        self.files += 1
        self.failed += not o.ok
        self.speeches += o.speeches
        self.nodes += o.nodes
        self.size += o.size

    def __str__(self) -> str:
        done = f", {self.skipped} already done" if self.skipped else ""
        return (
            f"{self.files} files ({self.files - self.failed} ok, {self.failed} failed{done})"
            f" · {self.speeches} speeches · {self.nodes} nodes"
            f" · {self.size / 1e6:.2f} MB in {self.seconds:.2f} s = {self.mb_per_s:.2f} MB/s"
            f" → {self.out}"
        )


def expand_inputs(
    inputs: Iterable[str], exts: Sequence[str] = DEFAULT_EXTS
) -> tuple[list[str], list[str]]:
    """Files, folders (recursive, by ending) and globs → (sorted unique paths, unmatched globs).

    A literal path that does not exist is kept: the run records it as a failed input.
    """
    ends = tuple("." + e.lstrip(".").lower() for e in exts if e != "*")
    found: set[str] = set()
    unmatched: list[str] = []
    for arg in inputs:
        if os.path.isdir(arg):
            found.update(_folder_files(arg, ends, all_files="*" in exts))
        elif not os.path.exists(arg) and any(c in arg for c in "*?["):
            hits = [p for p in glob.glob(arg, recursive=True) if os.path.isfile(p)]
            if not hits:
                unmatched.append(arg)
            found.update(os.path.normpath(p) for p in hits)
        else:
            found.add(os.path.normpath(arg))
    return sorted(found), unmatched


def _folder_files(root: str, ends: tuple[str, ...], all_files: bool) -> Iterator[str]:
    for top, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if not name.startswith(".") and (all_files or name.lower().endswith(ends)):
                yield os.path.normpath(os.path.join(top, name))


def parse_one(path: str, errors: str = "strict", max_bytes: int | None = None) -> Outcome:
    """Parse one file into its JSON line; any failure becomes an error record, never a raise."""
    head: dict[str, Any] = {"path": path, "bytes": None}
    try:
        head["bytes"] = size = os.stat(path).st_size
        doc = parse_file(path, errors=errors, max_bytes=max_bytes)
        body = doc.model_dump_json()
    except Exception as e:  # a bad file is recorded and the run goes on
        head.update(error=type(e).__name__, reason=str(e) or repr(e))
        return Outcome(path, _line(head), False, head["bytes"] or 0)
    text = json.dumps(head, ensure_ascii=False)[:-1] + ', "document": ' + body + "}\n"
    return Outcome(path, _utf8(text), True, size, len(doc.speeches), count_nodes(doc))


def _line(record: dict[str, Any]) -> bytes:
    return _utf8(json.dumps(record, ensure_ascii=False) + "\n")


def _utf8(json_text: str) -> bytes:
    """UTF-8 of a JSON text; a lone surrogate (an undecodable file name) becomes ``\\udcXX``.

    That is right for JSON because the only non-ASCII characters JSON text has are in strings.
    """
    return json_text.encode("utf-8", "backslashreplace")


def _parse_chunk(paths: Sequence[str], errors: str, max_bytes: int | None) -> list[Outcome]:
    return [parse_one(p, errors, max_bytes) for p in paths]


def _warm_up() -> None:
    """Load the grammars, so that the first file does not pay for it."""
    parse("一、标题\n")


def _init_worker() -> None:
    """Pool initializer: warm up, and exit when the parent does (a kill -9 leaves no orphans)."""
    _warm_up()
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int, every: float = 0.5) -> None:
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def repair_tail(out: str) -> int:
    """Cut a torn last line (no newline) off ``out``; returns the bytes removed."""
    with open(out, "r+b") as f:
        end = f.seek(0, os.SEEK_END)
        pos = end
        while pos > 0:
            step = min(pos, 1 << 16)
            f.seek(pos - step)
            block = f.read(step)
            nl = block.rfind(b"\n")
            if nl >= 0:
                pos = pos - step + nl + 1
                break
            pos -= step
        if pos < end:
            f.truncate(pos)
        return end - pos


def recorded_paths(out: str) -> set[str]:
    """The ``path`` of every complete line in a batch output."""
    done: set[str] = set()
    decoder = json.JSONDecoder()
    with open(out, "rb") as f:
        for n, raw in enumerate(f, 1):
            if not raw.endswith(b"\n"):
                break
            try:
                text = raw.decode("utf-8")
                if text.startswith(_PATH_PREFIX):  # our own lines: read the path alone
                    path, _ = decoder.raw_decode(text, len(_PATH_PREFIX))
                else:
                    path = json.loads(text)["path"]
                if not isinstance(path, str):
                    raise TypeError(path)
            except (ValueError, KeyError, TypeError):
                raise ValueError(f"{out}:{n}: not a batch output line, so not resuming") from None
            done.add(path)
    return done


def _pool_context() -> multiprocessing.context.BaseContext:
    """How workers start: fork while this process has no other thread (they inherit the loaded
    parser at no cost), else forkserver (a clean server forks them), else the platform default.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["speechparse.batch", "speechparse.pipeline"])
        return ctx
    return multiprocessing.get_context()


@contextmanager
def _pool(jobs: int) -> Iterator[ProcessPoolExecutor | None]:
    """``jobs`` worker processes, already started (no pool for one job)."""
    if jobs <= 1:
        yield None
        return
    _warm_up()  # forked workers inherit the loaded grammars
    ex = ProcessPoolExecutor(jobs, mp_context=_pool_context(), initializer=_init_worker)
    try:
        ex.submit(int)  # start them now, before the progress bar's thread exists
        yield ex
    except BaseException:
        ex.shutdown(wait=False, cancel_futures=True)
        raise
    ex.shutdown()


def _chunks(items: Sequence[str], size: int) -> Iterator[list[str]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _ordered(
    paths: Sequence[str],
    work: Callable[[Sequence[str]], list[Outcome]],
    ex: ProcessPoolExecutor | None,
    jobs: int,
) -> Iterator[Outcome]:
    """Outcomes in input order: chunks on the pool's processes, a bounded window ahead."""
    if ex is None:
        for p in paths:
            yield from work([p])
        return
    size = max(1, min(32, len(paths) // (jobs * 32)))  # small chunks: workers end together
    window: deque[Future[list[Outcome]]] = deque()
    for chunk in _chunks(paths, size):
        window.append(ex.submit(work, chunk))
        if len(window) >= jobs * 16:  # enough ahead that one slow chunk stalls no worker
            yield from window.popleft().result()
    while window:
        yield from window.popleft().result()


class _Bar:
    """A tqdm bar on a terminal when tqdm is installed (the ``[batch]`` extra), else nothing."""

    def __init__(self, total: int, enabled: bool | None) -> None:
        self._bar: Any = None
        if enabled is None:
            enabled = sys.stderr.isatty()
        if enabled and total:
            try:
                from tqdm import tqdm
            except ImportError:
                return
            self._bar = tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True)

    def update(self) -> None:
        if self._bar is not None:
            self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _write(f: IO[bytes], data: bytes) -> None:
    """One write call per line on an unbuffered file (loop only on a short write)."""
    view = memoryview(data)
    while view:
        n = f.write(view)
        view = view[n or 0 :]
    f.flush()


def run_batch(
    inputs: Iterable[str],
    out: str,
    *,
    jobs: int = 1,
    resume: bool = False,
    errors: str = "strict",
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    exts: Sequence[str] = DEFAULT_EXTS,
    progress: bool | None = None,
) -> Summary:
    """Parse every input into one JSON line of ``out``; see ``speechparse batch --help``."""
    started = time.perf_counter()
    paths, unmatched = expand_inputs(inputs, exts)
    out_real = os.path.realpath(out)
    paths = [p for p in paths if os.path.realpath(p) != out_real]
    summary = Summary(out=out, unmatched=unmatched)
    if resume and os.path.exists(out):
        repair_tail(out)
        done = recorded_paths(out)
        summary.skipped = sum(p in done for p in paths)
        paths = [p for p in paths if p not in done]
        mode = "ab"
    else:
        mode = "wb"
    work = partial(_parse_chunk, errors=errors, max_bytes=max_bytes)
    with open(out, mode, buffering=0) as f, _pool(jobs if len(paths) > 1 else 1) as ex:
        bar = _Bar(len(paths), progress)
        try:
            for outcome in _ordered(paths, work, ex, jobs):
                _write(f, outcome.line)
                summary.add(outcome)
                bar.update()
        finally:
            bar.close()
            summary.seconds = time.perf_counter() - started
    return summary
