"""Worker processes with a time limit per item and a memory limit per process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clusterhouse.workers import Stopped, bounded_map


def _work(item: str):
    if item == "hang":
        time.sleep(60)
    if item == "hog":
        return len(bytearray(2 << 30))
    if item == "crash":
        os.kill(os.getpid(), signal.SIGSEGV)
    if item == "raise":
        raise ValueError("not this one")
    return item.upper()


def test_every_item_gets_its_result_or_the_reason_it_was_stopped():
    started = time.monotonic()
    items = ["a", "hang", "b", "hog", "crash", "raise"] + [f"x{i}" for i in range(20)]
    results = bounded_map(_work, items, workers=2, seconds=1.0, memory_bytes=512 << 20, what="reading")
    assert results[0] == "A" and results[2] == "B"
    assert results[1] == Stopped("reading took longer than 1 s: stopped")
    assert results[3] == Stopped("reading ran out of memory (limit 512 MB per process)")
    assert results[4] == Stopped("reading crashed its process (signal 11)")
    assert results[5] == Stopped("reading failed: ValueError: not this one")
    assert results[6:] == [f"X{i}" for i in range(20)]
    assert time.monotonic() - started < 20


def test_prepare_runs_once_in_the_parent_and_workers_share_what_it_loaded():
    loaded = []
    results = bounded_map(lambda item: (item, len(loaded)), [1, 2, 3], workers=2, seconds=10,
                          memory_bytes=256 << 20, prepare=lambda: loaded.append("data"))
    assert results == [(1, 1), (2, 1), (3, 1)] and loaded == ["data"]


def test_no_items_start_no_process():
    assert bounded_map(_work, [], workers=2, seconds=1, memory_bytes=1 << 20) == []


_ORPHAN_SCRIPT = """
import os, sys, time
from clusterhouse.workers import bounded_map, process_pool

def wait_then_pid(_):
    print(os.getpid(), flush=True)
    time.sleep(30)

if sys.argv[1] == "pool":
    process_pool(1).submit(wait_then_pid, None)
    time.sleep(30)
else:
    bounded_map(wait_then_pid, [None], workers=1, seconds=60, memory_bytes=1 << 30)
"""  # the test kills this process once its worker has said its pid


@pytest.mark.parametrize("kind", ["pool", "bounded_map"])
def test_workers_do_not_outlive_a_killed_parent(kind):
    """A refresh killed in the middle of a step leaves no worker behind: a forked pool worker would
    otherwise wait for its next task for ever (it holds its queue's write end itself)."""
    parent = subprocess.Popen([sys.executable, "-c", _ORPHAN_SCRIPT, kind], stdout=subprocess.PIPE,
                              cwd=Path(__file__).resolve().parents[2], text=True)
    worker = int(parent.stdout.readline())
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = _alive(worker)
    if alive:
        os.kill(worker, signal.SIGKILL)
    parent.stdout.close()
    assert not alive


def _alive(pid: int) -> bool:
    """Running, as opposed to gone or a zombie waiting for init to reap it."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_worker_whose_parent_is_already_gone_exits_at_once():
    """The parent may die between the fork and the call that asks for the signal; the worker then
    finds another parent (init) and must not wait for a signal that will never come."""
    import multiprocessing

    from clusterhouse.workers import die_with_parent

    process = multiprocessing.get_context("fork").Process(target=die_with_parent, args=(os.getpid() + 1_000_000,))
    process.start()
    process.join(10)
    assert process.exitcode == 1
