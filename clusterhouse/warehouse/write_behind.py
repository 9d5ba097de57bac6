"""Write one batch to the warehouse while the workers work on the next.

Ingest and extraction go through the corpus in batches: worker processes read (or extract) a
batch, then this process writes its rows to DuckDB. Written in turn, the workers wait for every
write (the rows of 5,000 files read: 0.8 s to Arrow and into DuckDB, measured; more with the
tables grown). ``WriteBehind`` runs each write in one background thread (DuckDB works outside the
GIL) while the next batch is being read: writes keep their order, at most one waits to be written
(memory stays that of two batches), and a write that fails raises in the loop at the next batch or
at the end, so a run never goes on past a batch it could not store.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any


class WriteBehind:
    """``submit(write, ...)`` returns once the previous write is done and this one has started."""

    def __init__(self) -> None:
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="warehouse-writer")
        self._pending: Future | None = None

    def submit(self, write: Callable[..., Any], *args: Any) -> None:
        self.wait()
        self._pending = self._thread.submit(write, *args)

    def wait(self) -> None:
        """Block until the last write is done; raise its error if it failed."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def __enter__(self) -> WriteBehind:
        return self

    def __exit__(self, error_type, error, traceback) -> None:
        try:
            if error_type is None:
                self.wait()
            elif self._pending is not None:
                # the loop failed: let the batch already handed over be stored, then report the loop's error
                self._pending.exception()
        finally:
            self._thread.shutdown(wait=True)
