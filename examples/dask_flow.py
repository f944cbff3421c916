"""Parse a corpus on a Dask cluster: a Bag of Documents and a DataFrame with one row per node.

Here the cluster is a LocalCluster of two processes; on a real cluster, replace it with
``Client("scheduler:8786")`` (speechparse must be installed on the workers).
"""

from __future__ import annotations

import sys
from pathlib import Path

from distributed import Client, LocalCluster

from speechparse.dask import nodes_frame, read_documents


def main(pattern: str) -> None:
    with (
        LocalCluster(n_workers=2, processes=True, threads_per_worker=1) as cluster,
        Client(cluster) as client,
    ):
        print(f"cluster: {len(client.scheduler_info()['workers'])} workers")
        docs = read_documents(pattern, on_error="skip")
        titles = docs.map(lambda d: [s.title for s in d.speeches]).flatten()
        print("titles:", titles.compute())
        nodes = nodes_frame(pattern)
        print(nodes.head(8).to_string(index=False))
        per_level = nodes[nodes.type != "paragraph"].groupby("level").size().compute()
        print("headings per level:", {int(k): int(v) for k, v in per_level.sort_index().items()})


if __name__ == "__main__":  # the guard matters: worker processes import this module
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).parent / "*.txt"))
