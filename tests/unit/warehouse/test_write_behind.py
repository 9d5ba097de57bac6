"""WriteBehind: batches written in order, beside the next batch's work, errors never swallowed."""

from __future__ import annotations

import threading
import time

import pytest

from clusterhouse.warehouse.write_behind import WriteBehind


def test_writes_keep_their_order_and_all_are_done_at_the_end():
    written: list[int] = []

    def write(batch):
        time.sleep(0.01)
        written.append(batch)

    with WriteBehind() as writer:
        for batch in range(5):
            writer.submit(write, batch)
    assert written == [0, 1, 2, 3, 4]


def test_the_loop_goes_on_while_the_last_batch_is_written():
    release, done = threading.Event(), threading.Event()

    def write(_):
        release.wait(5)
        done.set()

    with WriteBehind() as writer:
        writer.submit(write, 0)
        assert not done.is_set()  # submit returned while the write still runs
        release.set()
    assert done.is_set()  # and the end waited for it


def test_at_most_one_write_waits():
    running = []
    most = []

    def write(_):
        running.append(1)
        most.append(len(running))
        time.sleep(0.01)
        running.pop()

    with WriteBehind() as writer:
        for batch in range(4):
            writer.submit(write, batch)
    assert max(most) == 1


def test_a_failed_write_raises_at_the_next_batch():
    def write(batch):
        if batch == 0:
            raise OSError("disk full")

    writer = WriteBehind()
    writer.submit(write, 0)
    with pytest.raises(OSError, match="disk full"):
        writer.submit(write, 1)
    writer.__exit__(None, None, None)


def test_a_failed_last_write_raises_at_the_end():
    def write(_):
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"), WriteBehind() as writer:
        writer.submit(write, 0)


def test_when_the_loop_fails_the_batch_handed_over_is_still_written_and_the_loop_error_reported():
    written = []

    def write(batch):
        time.sleep(0.05)
        written.append(batch)

    with pytest.raises(ValueError, match="worker crashed"), WriteBehind() as writer:
        writer.submit(write, 0)
        raise ValueError("worker crashed")
    assert written == [0]
