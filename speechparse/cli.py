"""Command line: ``speechparse parse|render|batch|schema`` (argparse, I/O and format choice)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import BinaryIO

from . import DEFAULT_MAX_BYTES, InputTooLarge, SpeechparseError, __version__, parse_bytes
from .model import Document, json_schema


def _read(path: str, limit: int | None) -> bytes:
    if path == "-":
        return _read_at_most(sys.stdin.buffer, limit, None)
    with open(path, "rb") as f:
        return _read_at_most(f, limit, path)


def _read_at_most(f: BinaryIO, limit: int | None, source: str | None) -> bytes:
    """Read at most ``limit`` + 1 bytes, so an oversized input is refused without holding it."""
    if limit is None:
        return f.read()
    data = f.read(limit + 1)
    if len(data) > limit:
        try:
            size = os.fstat(f.fileno()).st_size  # 0 for a pipe: then say what was read
        except (OSError, ValueError):
            size = 0
        raise InputTooLarge(max(size, len(data)), limit, source=source)
    return data


def _render(doc: Document, fmt: str) -> str:
    if fmt == "json":
        return doc.model_dump_json(indent=2)
    if fmt == "markdown":
        from .render.markdown import render_markdown

        return render_markdown(doc)
    if fmt == "html":
        from .render.html import render_html

        return render_html(doc)
    from .render.outline import render_outline

    return render_outline(doc)


def _load(args: argparse.Namespace) -> Document | None:
    """Read and parse ``args.file``; on failure say why on stderr and return None."""
    try:
        limit = args.max_bytes or None
        data = _read(args.file, limit)
        return parse_bytes(
            data,
            errors=args.errors,
            source=None if args.file == "-" else args.file,
            max_bytes=limit,
        )
    except (OSError, SpeechparseError) as e:
        print(f"speechparse: {e}", file=sys.stderr)
        return None


def _cmd_parse(args: argparse.Namespace) -> int:
    doc = _load(args)
    if doc is None:
        return 1
    out = _render(doc, args.format if args.command == "parse" else args.to)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    from .batch import run_batch

    try:
        summary = run_batch(
            args.inputs,
            args.output,
            jobs=args.jobs or os.cpu_count() or 1,
            resume=args.resume,
            errors=args.errors,
            max_bytes=args.max_bytes or None,
            exts=args.ext.split(","),
            progress=False if args.no_progress else None,
        )
    except (OSError, ValueError) as e:
        print(f"speechparse: {e}", file=sys.stderr)
        return 1
    for pattern in summary.unmatched:
        print(f"speechparse: warning: no file matches {pattern}", file=sys.stderr)
    print(f"speechparse batch: {summary}", file=sys.stderr)
    return 1 if summary.failed else 0


def _cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number ≥ 0")
    return int(text)


def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="undecodable bytes: fail (default) or replace with U+FFFD and a diagnostic",
    )
    p.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help=f"refuse larger inputs (default {DEFAULT_MAX_BYTES}; 0 = no limit)",
    )


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="speechparse", description=__doc__)
    ap.add_argument("--version", action="version", version=f"speechparse {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse one page and print its outline")
    p.add_argument("file", help="a text file, or - for standard input")
    p.add_argument("--format", choices=("json", "outline"), default="json")
    _input_options(p)
    p.set_defaults(func=_cmd_parse)

    r = sub.add_parser("render", help="parse one page and render it for reading")
    r.add_argument("file", help="a text file, or - for standard input")
    r.add_argument("--to", choices=("markdown", "outline", "html"), default="markdown")
    _input_options(r)
    r.set_defaults(func=_cmd_parse)

    b = sub.add_parser(
        "batch",
        help="parse many pages into one JSON line each",
        description="One JSON line per input file, in sorted input order: "
        '{"path", "bytes", "document"} or {"path", "bytes", "error", "reason"}. '
        "Exit status 1 when some file failed (it is recorded and the run goes on).",
    )
    b.add_argument("inputs", nargs="+", help="files, folders (searched recursively) and globs")
    b.add_argument("-o", "--output", required=True, help="the JSON Lines file to write")
    b.add_argument(
        "-j", "--jobs", type=_count, default=1, help="processes (default 1; 0 = all CPUs)"
    )
    b.add_argument("--resume", action="store_true", help="keep OUTPUT's lines, do the rest")
    b.add_argument(
        "--ext",
        default="txt",
        help="file endings taken from folders, comma-separated, * for all (default txt)",
    )
    b.add_argument("--no-progress", action="store_true", help="no progress bar on a terminal")
    _input_options(b)
    b.set_defaults(func=_cmd_batch)

    s = sub.add_parser("schema", help="print the JSON Schema of the output")
    s.set_defaults(func=_cmd_schema)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    ap = build_parser()
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:  # argparse exits 2 on usage errors, 0 on --help
        return int(e.code or 0)
    try:
        return int(args.func(args))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
