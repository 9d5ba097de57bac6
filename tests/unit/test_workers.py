"""Worker processes with a time limit per item and a memory limit per process."""

from __future__ import annotations

import os
import signal
import time

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
