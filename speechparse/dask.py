"""Dask integration: a corpus as a Bag of Documents or a DataFrame of nodes (``[dask]`` extra)."""

from __future__ import annotations

import importlib
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import DEFAULT_MAX_BYTES, Document, parse_file
from .batch import DEFAULT_EXTS, expand_inputs
from .walk import NODE_COLUMNS, NODE_DTYPES, node_rows

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas

FILES_PER_PARTITION = 16
Inputs = str | Sequence[str]


def _require(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(
            f"speechparse.dask needs {module.split('.')[0]}: pip install 'speechparse[dask]'"
        ) from e


def _paths(inputs: Inputs, exts: Sequence[str]) -> list[str]:
    paths, _ = expand_inputs([inputs] if isinstance(inputs, str) else inputs, exts)
    return paths


def _partitions(paths: list[str], npartitions: int | None) -> list[list[str]]:
    n = npartitions or max(1, math.ceil(len(paths) / FILES_PER_PARTITION))
    n = max(1, min(n, len(paths)))
    size = math.ceil(len(paths) / n) if paths else 1
    return [paths[i : i + size] for i in range(0, len(paths), size)] or [[]]


def _parse_or_none(path: str, errors: str, max_bytes: int | None, skip: bool) -> Document | None:
    try:
        return parse_file(path, errors=errors, max_bytes=max_bytes)
    except Exception:
        if skip:
            return None
        raise


def read_documents(
    inputs: Inputs,
    *,
    as_dict: bool = False,
    on_error: str = "raise",
    errors: str = "strict",
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    exts: Sequence[str] = DEFAULT_EXTS,
    npartitions: int | None = None,
) -> dask.bag.Bag:
    """A Bag of the Documents of the pages a glob (or list of files, folders, globs) names.

    Files are parsed on the workers, in sorted path order. ``as_dict=True`` gives JSON-ready
    dicts; ``on_error="skip"`` leaves out files that fail (``"raise"`` fails the compute).
    """
    db = _require("dask.bag")
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    paths = _paths(inputs, exts)
    bag = db.from_sequence(paths, npartitions=len(_partitions(paths, npartitions)))
    docs = bag.map(_parse_or_none, errors, max_bytes, on_error == "skip")
    if on_error == "skip":
        docs = docs.filter(lambda d: d is not None)
    if as_dict:
        docs = docs.map(lambda d: d.model_dump(mode="json"))
    out: dask.bag.Bag = docs
    return out


def _nodes_partition(paths: list[str], errors: str, max_bytes: int | None) -> pandas.DataFrame:
    """The node rows of some files as one pandas frame; files that fail give no rows."""
    pd = _require("pandas")
    rows = []
    for p in paths:
        doc = _parse_or_none(p, errors, max_bytes, skip=True)
        if doc is not None:
            rows += node_rows(doc, p)
    frame: pandas.DataFrame = pd.DataFrame(rows, columns=list(NODE_COLUMNS))
    return frame.astype(NODE_DTYPES)


def nodes_frame(
    inputs: Inputs,
    *,
    errors: str = "strict",
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    exts: Sequence[str] = DEFAULT_EXTS,
    npartitions: int | None = None,
) -> dask.dataframe.DataFrame:
    """One row per node of every page: file, speech, path, depth, level, type, marker, ….

    ``speech`` and the parts of ``path`` ("2/1/3") are 0-based indexes into ``speeches`` and
    the ``content`` lists. Files that fail to parse give no rows (see ``speechparse batch``).
    """
    dd = _require("dask.dataframe")
    paths = _paths(inputs, exts)
    meta = _nodes_partition([], errors, max_bytes)
    frame: dask.dataframe.DataFrame = dd.from_map(
        _nodes_partition,
        _partitions(paths, npartitions),
        errors=errors,
        max_bytes=max_bytes,
        meta=meta,
        enforce_metadata=False,
    )
    return frame
