"""Command line: ``speechparse parse FILE|- [--format json|outline]`` and friends."""

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
    from .render.outline import render_outline

    return render_outline(doc)


def _cmd_parse(args: argparse.Namespace) -> int:
    try:
        limit = args.max_bytes or None
        data = _read(args.file, limit)
        doc = parse_bytes(
            data,
            errors=args.errors,
            source=None if args.file == "-" else args.file,
            max_bytes=limit,
        )
    except (OSError, SpeechparseError) as e:
        print(f"speechparse: {e}", file=sys.stderr)
        return 1
    out = _render(doc, args.format)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="speechparse", description=__doc__)
    ap.add_argument("--version", action="version", version=f"speechparse {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse one page and print its outline")
    p.add_argument("file", help="a text file, or - for standard input")
    p.add_argument("--format", choices=("json", "outline"), default="json")
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
    p.set_defaults(func=_cmd_parse)

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
