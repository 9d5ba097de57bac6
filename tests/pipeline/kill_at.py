"""`clusterhouse refresh`, killed at a named point: ``python -m tests.pipeline.kill_at POINT``.

The refresh's whole process group (dbt and the worker processes too) gets SIGKILL there, as when
the machine or a service manager stops a run; nothing is cleaned up. At ``dbt-parent-only`` the
refresh's own process alone gets it, as the OOM killer picks one process. Used by
test_faults.py; the points are those of a refresh: ingest, extract, dbt, publish, export.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path


def _die() -> None:
    sys.stdout.flush()
    os.killpg(0, signal.SIGKILL)


def _die_alone() -> None:
    """Only the refresh's own process, as the OOM killer picks one: its children are on their own."""
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def _kill_during_ingest() -> None:
    """After the documents and rejections are written, before the inventory is."""
    import orchestration.defs.ingest.assets as ingest

    original = ingest.replace_rows

    def replace_rows(con, table, *args, **kwargs):
        if table == "raw.source_files":
            _die()
        return original(con, table, *args, **kwargs)

    ingest.replace_rows = replace_rows


def _kill_during_extraction() -> None:
    """In a worker process, as it starts on its first document (the rules were built before the
    workers forked; the batch's documents are not written)."""
    import orchestration.defs.extract.assets as extract

    def extract_one(doc):
        _die()

    extract._extract_one = extract_one


def _kill_during_dbt(die=_die) -> None:
    """After dbt has reported some models and tests built into the build copy."""
    from dagster_dbt.core.dbt_cli_invocation import DbtCliInvocation

    original = DbtCliInvocation.stream

    def stream(self, *args, **kwargs):
        for count, event in enumerate(original(self, *args, **kwargs)):
            if count == 12:
                die()
            yield event

    DbtCliInvocation.stream = stream


def _kill_during_publish() -> None:
    """Half-way through copying the build warehouse next to the published one."""
    original = shutil.copyfile

    def copyfile(source, target, *args, **kwargs):
        if Path(target).name.startswith(".clusterhouse"):
            data = Path(source).read_bytes()
            Path(target).write_bytes(data[: len(data) // 2])
            _die()
        return original(source, target, *args, **kwargs)

    shutil.copyfile = copyfile


def _kill_during_export() -> None:
    """After the published warehouse was replaced and two export files were written."""
    original, written = os.replace, []

    def replace(source, target, *args, **kwargs):
        original(source, target, *args, **kwargs)
        if str(target).endswith((".csv", ".parquet")):
            written.append(target)
            if len(written) == 2:
                _die()

    os.replace = replace


POINTS = {"ingest": _kill_during_ingest, "extract": _kill_during_extraction, "dbt": _kill_during_dbt,
          "dbt-parent-only": lambda: _kill_during_dbt(_die_alone),
          "publish": _kill_during_publish, "export": _kill_during_export}

if __name__ == "__main__":
    POINTS[sys.argv[1]]()
    from clusterhouse.cli import main

    sys.exit(main(["refresh"]))
