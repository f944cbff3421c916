"""``speechparse batch``: one line per input, input order, bad files recorded, kill and resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from speechparse import batch
from speechparse.cli import main

REPO = Path(__file__).resolve().parents[1]
PAGE = (REPO / "examples" / "school_safety.txt").read_text(encoding="utf-8")
BAD = b"\x1f\x8b\x08\x00" + bytes(32)  # gzip bytes: no text encoding fits


def _pages(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, start + n):
        p = folder / f"p{i:03d}.txt"
        p.write_text(PAGE.replace("一周", f"{i}天"), encoding="utf-8")
        out.append(p)
    return out


def _records(out: Path) -> list[dict[str, object]]:
    data = out.read_bytes()
    assert data.endswith(b"\n")
    return [json.loads(line) for line in data.decode("utf-8").split("\n")[:-1]]


def test_one_line_per_file_in_order_and_bad_files_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _pages(tmp_path / "in", 5)
    (tmp_path / "in" / "p002.txt").write_bytes(BAD)
    (tmp_path / "in" / "notes.md").write_text("not a page", encoding="utf-8")
    missing = str(tmp_path / "gone.txt")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(tmp_path / "in"), missing, "-o", str(out)]) == 1
    recs = _records(out)
    paths = [r["path"] for r in recs]
    assert paths == sorted(paths) and len(paths) == 6 and missing in paths
    bad = {r["path"]: r for r in recs if "error" in r}
    assert set(bad) == {missing, str(tmp_path / "in" / "p002.txt")}
    assert bad[missing]["error"] == "FileNotFoundError" and bad[missing]["bytes"] is None
    decode = bad[str(tmp_path / "in" / "p002.txt")]
    assert decode["error"] == "DecodeError" and "cannot decode" in str(decode["reason"])
    good = [r for r in recs if "document" in r]
    assert len(good) == 4
    doc = good[0]["document"]
    assert isinstance(doc, dict) and doc["speeches"][0]["title"].startswith("在全县")
    assert good[0]["bytes"] == (tmp_path / "in" / "p000.txt").stat().st_size
    err = capsys.readouterr().err
    assert "6 files (4 ok, 2 failed)" in err and "speeches" in err and "MB/s" in err


def test_inputs_files_folders_globs(tmp_path: Path) -> None:
    a = _pages(tmp_path / "a", 3)
    b = _pages(tmp_path / "b" / "deep", 2, start=10)
    (tmp_path / "a" / ".hidden.txt").write_text("x", encoding="utf-8")
    args = [str(tmp_path / "a"), str(tmp_path / "b" / "**" / "*.txt"), str(a[0])]
    paths, unmatched = batch.expand_inputs([*args, str(tmp_path / "none" / "*.txt")])
    assert paths == sorted(str(p) for p in a + b)
    assert unmatched == [str(tmp_path / "none" / "*.txt")]
    assert batch.expand_inputs([str(tmp_path / "b")], exts=["md"]) == ([], [])


def test_jobs_give_the_same_bytes_in_input_order(tmp_path: Path) -> None:
    _pages(tmp_path / "in", 40)
    (tmp_path / "in" / "p007.txt").write_bytes(BAD)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["batch", str(tmp_path / "in"), "-o", str(one), "--jobs", "1"]) == 1
    assert main(["batch", str(tmp_path / "in"), "-o", str(two), "--jobs", "2"]) == 1
    assert one.read_bytes() == two.read_bytes()
    assert len(_records(two)) == 40


def test_resume_cuts_a_torn_line_and_adds_no_duplicates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = _pages(tmp_path / "in", 12)
    out = tmp_path / "out.jsonl"
    assert main(["batch", *map(str, pages[:5]), "-o", str(out)]) == 0
    with out.open("ab") as f:  # a run killed inside a write
        f.write(b'{"path": "' + str(pages[5]).encode() + b'", "bytes": 1, "docu')
    capsys.readouterr()
    assert main(["batch", str(tmp_path / "in"), "-o", str(out), "--resume"]) == 0
    assert "7 files (7 ok, 0 failed, 5 already done)" in capsys.readouterr().err
    assert [r["path"] for r in _records(out)] == [str(p) for p in pages]
    assert main(["batch", str(tmp_path / "in"), "-o", str(out), "--resume"]) == 0
    assert "0 files (0 ok, 0 failed, 12 already done)" in capsys.readouterr().err
    assert len(_records(out)) == 12
    assert main(["batch", str(pages[0]), "-o", str(out)]) == 0  # without --resume: a new file
    assert len(_records(out)) == 1


def test_repair_tail(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    for data, kept in ((b"", b""), (b"torn", b""), (b"a\nb\n", b"a\nb\n"), (b"a\nb", b"a\n")):
        out.write_bytes(data)
        assert batch.repair_tail(str(out)) == len(data) - len(kept)
        assert out.read_bytes() == kept
    out.write_bytes(b"x" * 200_000 + b"\n" + b"y" * 100_000)  # longer than one read block
    assert batch.repair_tail(str(out)) == 100_000


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs and SIGKILL")
def test_sigkill_midway_then_resume(tmp_path: Path) -> None:
    """Kill -9 a run that has written some lines, resume it: every input exactly once."""
    folder = tmp_path / "in"
    pages = _pages(folder, 150)
    # a FIFO with no writer blocks the reader: the run stops after 75 lines, mid-way for sure
    stall = pages[75]
    stall.unlink()
    os.mkfifo(stall)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "speechparse", "batch", str(folder), "-o", str(out), "--jobs", "1"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 75:
                break
            time.sleep(0.02)
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert len(_records(out)) == 75
    stall.unlink()
    stall.write_text(PAGE, encoding="utf-8")
    assert main(["batch", str(folder), "-o", str(out), "--resume", "--jobs", "2"]) == 0
    paths = [r["path"] for r in _records(out)]
    assert paths == [str(p) for p in pages]  # each exactly once, in input order
    assert all("document" in r for r in _records(out))


def _children(pid: int) -> list[int]:
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            kids.append(int(stat.parent.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_sigkill_with_jobs_leaves_no_orphan_workers(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    pages = _pages(folder, 60)
    pages[40].unlink()
    os.mkfifo(pages[40])  # one worker stalls here, the other waits for work
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "speechparse", "batch", str(folder), "-o", str(out), "-j", "2"]
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (out.exists() and out.stat().st_size):
            time.sleep(0.02)
        workers = _children(proc.pid)
        assert len(workers) == 2
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(map(_alive, workers)):
        time.sleep(0.05)
    assert not any(map(_alive, workers)), "workers outlived their parent"


def test_a_parser_crash_is_recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = _pages(tmp_path, 3)

    def boom(path: str, **kw: object) -> None:
        raise RuntimeError("parser bug")

    monkeypatch.setattr(batch, "parse_file", boom)
    summary = batch.run_batch([str(tmp_path)], str(tmp_path / "o.jsonl"), progress=False)
    assert summary.failed == summary.files == len(pages)
    rec = _records(tmp_path / "o.jsonl")[0]
    assert rec["error"] == "RuntimeError" and rec["reason"] == "parser bug"


def test_progress_bar_on_a_terminal_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("tqdm", reason="the progress bar comes with the [batch] extra")
    pages = _pages(tmp_path / "in", 3)
    batch.run_batch(map(str, pages), str(tmp_path / "o.jsonl"), progress=True)
    assert "3/3" in capsys.readouterr().err
    batch.run_batch(map(str, pages), str(tmp_path / "o.jsonl"))  # stderr is not a terminal
    assert capsys.readouterr().err == ""
    monkeypatch.setitem(sys.modules, "tqdm", None)  # the extra is not installed: no bar
    summary = batch.run_batch(map(str, pages), str(tmp_path / "o.jsonl"), progress=True)
    assert summary.files == 3 and capsys.readouterr().err == ""


def test_jobs_with_another_thread_alive_use_forkserver(tmp_path: Path) -> None:
    """With a second thread running, fork is unsafe: workers come from a forkserver instead."""
    import threading

    pages = _pages(tmp_path / "in", 6)
    stop = threading.Event()
    t = threading.Thread(target=stop.wait, daemon=True)
    t.start()
    try:
        assert batch._pool_context().get_start_method() in ("forkserver", "spawn")
        s = batch.run_batch([str(tmp_path / "in")], str(tmp_path / "o.jsonl"), jobs=2)
    finally:
        stop.set()
        t.join()
    assert s.files == 6 and s.failed == 0
    assert [r["path"] for r in _records(tmp_path / "o.jsonl")] == [str(p) for p in pages]


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names may be any bytes")
def test_undecodable_file_name_round_trips_through_resume(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _pages(folder, 2)
    name = os.fsencode(folder) + b"/\xff\xfe.txt"
    with open(name, "wb") as f:
        f.write(PAGE.encode("gb18030"))
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(folder), "-o", str(out)]) == 0
    out.read_bytes().decode("utf-8")  # still valid UTF-8
    recs = _records(out)
    assert os.fsdecode(name) in [r["path"] for r in recs]
    assert main(["batch", str(folder), "-o", str(out), "--resume"]) == 0
    assert len(_records(out)) == 3


def test_resume_refuses_a_file_that_is_not_batch_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = _pages(tmp_path / "in", 1)
    out = tmp_path / "notes.txt"
    out.write_text("my notes\n", encoding="utf-8")
    assert main(["batch", str(pages[0]), "-o", str(out), "--resume"]) == 1
    assert "notes.txt:1: not a batch output line" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "my notes\n"
