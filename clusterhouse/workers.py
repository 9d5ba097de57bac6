"""Work on untrusted input in worker processes that can be stopped.

Parsing a hostile PDF or HTML page, or extracting figures from a pathological text, can hang or
eat memory inside a C library where no Python exception reaches it. ``bounded_map`` runs each item
in a worker process with a time limit per item and a memory limit per process. A worker that runs
over its time is killed; one that runs out of memory or crashes is replaced; the item gets a
``Stopped`` result with the reason, and every other item goes on.

Workers are forked, so they start in milliseconds with whatever the parent already loaded. They
die with their parent (``PR_SET_PDEATHSIG``): a refresh that is killed leaves no worker behind.
``process_pool`` gives the same to a ``concurrent.futures`` pool, whose forked workers would
otherwise wait on their task queue for ever once the parent is gone (they hold its write end too).
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any


@dataclass(frozen=True)
class Stopped:
    """An item whose work was stopped; ``reason`` is meant for users ("took longer than 120 s")."""

    reason: str


def die_with_parent(parent_pid: int) -> None:
    """Have the kernel kill this forked process when ``parent_pid`` ends; exit at once if it has
    already ended (between the fork and this call, where no signal would come)."""
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent_pid:
        os._exit(1)


def process_pool(max_workers: int) -> ProcessPoolExecutor:
    """A pool of forked workers that die with this process (see the module's docstring)."""
    return ProcessPoolExecutor(max_workers=max_workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=die_with_parent, initargs=(os.getpid(),))


def _limit_memory(extra_bytes: int) -> None:
    """Let this process grow by ``extra_bytes`` beyond what it inherited (address space)."""
    with open("/proc/self/statm") as statm:
        current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    limit = current + extra_bytes
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _worker(conn: Connection, function: Callable[[Any], Any], memory_bytes: int, parent_pid: int) -> None:
    die_with_parent(parent_pid)
    faulthandler.disable()  # a crash is reported by the parent, in one line
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _limit_memory(memory_bytes)
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        for index, item in batch:
            try:
                outcome = ("ok", function(item))
            except MemoryError:
                outcome = ("memory", None)
            except BaseException as error:  # noqa: BLE001 - reported for this item, the worker goes on
                outcome = ("error", f"{type(error).__name__}: {error}")
            try:
                conn.send((index, outcome))
            except MemoryError:
                conn.send((index, ("memory", None)))


@dataclass
class _Worker:
    process: multiprocessing.Process
    conn: Connection
    batch: deque  # indexes sent and not answered yet, in order
    deadline: float = 0.0


def bounded_map(
    function: Callable[[Any], Any],
    items: Sequence[Any],
    *,
    workers: int,
    seconds: float,
    memory_bytes: int,
    what: str = "work",
    batch_size: int = 8,
    items_per_worker: int = 1,
    prepare: Callable[[], Any] | None = None,
) -> list[Any]:
    """``[function(item) for item in items]`` in up to ``workers`` processes, in order; an item that
    takes longer than ``seconds``, runs out of memory or crashes its worker gives ``Stopped``.

    ``function`` and the results must pickle; ``function`` should catch its own expected errors
    (an exception that escapes it also becomes ``Stopped``). A worker is started for every
    ``items_per_worker`` items, up to ``workers``: small batches do not pay for idle processes.
    ``prepare`` runs here once before the first fork: what it loads (language data, a gazetteer)
    every worker then shares instead of loading it again."""
    results: list[Any] = [None] * len(items)
    if not items:
        return results
    if prepare is not None:
        prepare()
    context = multiprocessing.get_context("fork")
    pending = deque(range(len(items)))
    pool: list[_Worker] = []
    workers = max(1, min(workers, -(-len(items) // max(1, items_per_worker))))
    batch_size = max(1, min(batch_size, len(items) // (workers * 4) or 1))

    def start() -> _Worker:
        parent, child = context.Pipe()
        process = context.Process(target=_worker, args=(child, function, memory_bytes, os.getpid()),
                                  daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent, deque())

    def stop(worker: _Worker, reason: str) -> None:
        """Kill the worker; its current item gets ``reason``, the rest of its batch goes back."""
        with contextlib.suppress(OSError):
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        if worker.batch:
            results[worker.batch.popleft()] = Stopped(reason)
            pending.extendleft(reversed(worker.batch))
            worker.batch.clear()
        pool.remove(worker)

    def receive(worker: _Worker) -> None:
        index, (status, value) = worker.conn.recv()
        worker.batch.remove(index)
        if status == "ok":
            results[index] = value
        elif status == "memory":
            results[index] = Stopped(f"{what} ran out of memory (limit {memory_bytes >> 20} MB per process)")
        else:
            results[index] = Stopped(f"{what} failed: {value}")
        worker.deadline = time.monotonic() + seconds

    try:
        while pending or any(worker.batch for worker in pool):
            while pending and len(pool) < workers:
                pool.append(start())
            for worker in pool:
                if not worker.batch and pending:
                    batch = [pending.popleft() for _ in range(min(batch_size, len(pending)))]
                    worker.batch.extend(batch)
                    worker.deadline = time.monotonic() + seconds
                    worker.conn.send([(index, items[index]) for index in batch])
            busy = [worker for worker in pool if worker.batch]
            timeout = max(0.0, min(worker.deadline for worker in busy) - time.monotonic())
            ready = wait([worker.conn for worker in busy], timeout=timeout)
            for worker in busy:
                if worker.conn in ready:
                    try:
                        while worker.batch and worker.conn.poll():
                            receive(worker)
                    except (EOFError, OSError):
                        worker.process.join(5)
                        code = worker.process.exitcode
                        how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
                        hint = " (out of memory?)" if code == -signal.SIGKILL else ""
                        stop(worker, f"{what} crashed its process ({how}){hint}")
                elif time.monotonic() >= worker.deadline:
                    stop(worker, f"{what} took longer than {seconds:g} s: stopped")
    finally:
        for worker in pool:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in pool:
            worker.process.join(2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(2)
            worker.conn.close()
    return results
