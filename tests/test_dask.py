"""``speechparse.dask`` on a two-process LocalCluster: a Bag of Documents, a frame of nodes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest

import speechparse
from speechparse.walk import NODE_COLUMNS, node_rows

PAGE = (Path(__file__).resolve().parents[1] / "examples" / "school_safety.txt").read_text("utf-8")
HAVE_DASK = all(find_spec(m) is not None for m in ("dask", "distributed", "pandas"))
needs_dask = pytest.mark.skipif(
    not HAVE_DASK, reason="dask, distributed and pandas come with the [dask] extra (CI installs it)"
)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for i in range(12):
        (tmp_path / f"p{i:02d}.txt").write_text(PAGE.replace("一周", f"{i}天"), encoding="utf-8")
    (tmp_path / "p05.txt").write_bytes(b"\x1f\x8b\x08\x00" + bytes(32))  # cannot be decoded
    return tmp_path


@needs_dask
def test_read_documents_runs_on_the_workers(client: Any, corpus: Path) -> None:
    from speechparse.dask import read_documents

    bag = read_documents(str(corpus / "*.txt"), on_error="skip", npartitions=4)
    assert bag.npartitions == 4
    docs = bag.compute()
    assert len(docs) == 11 and all(isinstance(d, speechparse.Document) for d in docs)
    assert docs[0].speeches[0].title == "在全县中小学校园安全工作会议上的讲话"
    pids = set(bag.map(lambda _: os.getpid()).compute())
    worker_pids = set(client.run(os.getpid).values())
    assert pids <= worker_pids and os.getpid() not in pids
    dicts = read_documents([str(corpus)], as_dict=True, on_error="skip").compute()
    assert dicts[0] == docs[0].model_dump(mode="json")


@needs_dask
def test_read_documents_raises_on_a_bad_file_by_default(client: Any, corpus: Path) -> None:
    from speechparse.dask import read_documents

    with pytest.raises(speechparse.DecodeError):
        read_documents(str(corpus)).compute()
    with pytest.raises(ValueError, match="on_error"):
        read_documents(str(corpus), on_error="ignore")


@needs_dask
def test_nodes_frame_is_one_row_per_node(client: Any, corpus: Path) -> None:
    from speechparse.dask import nodes_frame
    from speechparse.walk import NODE_DTYPES

    frame = nodes_frame(str(corpus / "*.txt"))
    assert list(frame.columns) == list(NODE_COLUMNS)
    df = frame.compute()
    import pandas as pd

    want = {c: str(pd.Series([], dtype=t).dtype) for c, t in NODE_DTYPES.items()}
    assert {c: str(t) for c, t in df.dtypes.items()} == want
    assert {c: str(t) for c, t in frame.dtypes.items()} == want
    first = str(corpus / "p00.txt")
    expected = node_rows(speechparse.parse_file(first), first)
    got = df[df.file == first].reset_index(drop=True)
    assert len(got) == len(expected)
    assert got.iloc[0]["path"] == expected[0]["path"] and got["end"].tolist() == [
        r["end"] for r in expected
    ]
    assert str(corpus / "p05.txt") not in set(df.file)  # a failed file gives no rows
    assert df.file.nunique() == 11 and list(df.file) == sorted(df.file)
    sec = df[(df.file == first) & (df.path == "2/0/1")].iloc[0]
    assert (sec["type"], sec["level"], sec["marker"], sec["heading"]) == (
        "section",
        3,
        "1、",
        "全面排查校舍隐患",
    )
    local = [r for p in sorted(corpus.glob("p*.txt")) if p.name != "p05.txt"
             for r in node_rows(speechparse.parse_file(p), str(p))]  # fmt: skip
    assert len(df) == len(local)
    assert (
        df.groupby("type").size().to_dict()
        == pd.Series([r["type"] for r in local]).value_counts().to_dict()
    )


def test_missing_dask_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from speechparse import dask as sd

    monkeypatch.setitem(sys.modules, "dask.bag", None)
    monkeypatch.setitem(sys.modules, "dask.dataframe", None)
    with pytest.raises(ImportError, match=r"pip install 'speechparse\[dask\]'"):
        sd.read_documents("*.txt")
    with pytest.raises(ImportError, match=r"speechparse\[dask\]"):
        sd.nodes_frame("*.txt")
