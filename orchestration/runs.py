"""Runs that died: found by their lease, marked failed, their writer slot given back.

Dagster records a run as STARTED until its process reports the end. A refresh killed with
SIGKILL, by the out-of-memory killer or a power cut never reports it: the run stays STARTED, the
run queue (one run at a time) waits for it forever, and the slot it held in the
`warehouse_writer` pool is never freed, so every later run waits for it too.

Every run of this code location holds a *lease* while it runs: an exclusive ``flock`` on
``$DAGSTER_HOME/clusterhouse/leases/<run_id>.lock``, taken when the run's resources start (before
any step claims a slot) and released by the kernel when the process dies, however it dies. A run
in progress whose lease is free is dead: ``recover_dead_runs`` marks it failed and frees its
slots. It runs when any run starts, on each tick of the schedule and the sensor, and before
``clusterhouse refresh``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from pathlib import Path

import dagster as dg
from dagster._core.storage.dagster_run import FINISHED_STATUSES, RunsFilter

# A run that has not taken its lease this long after it started never will (it died while
# loading its code, before its resources started).
LEASE_GRACE_SECONDS = 600
_IN_PROGRESS = [dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.CANCELING]
_held: dict[str, int] = {}  # run id -> descriptor of the lease this process holds


def _lease_dir(instance: dg.DagsterInstance) -> Path | None:
    if instance.is_ephemeral:
        return None  # nobody else can see this instance's runs
    return Path(instance.root_directory) / "clusterhouse" / "leases"


def take_lease(instance: dg.DagsterInstance, run_id: str) -> None:
    """Hold the lease of ``run_id`` in this process until ``release_lease`` or the process ends."""
    folder = _lease_dir(instance)
    if folder is None or run_id in _held:
        return
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / f"{run_id}.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return  # another process of the same run holds it (a step of a multiprocess run)
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode())
    _held[run_id] = fd


def release_lease(instance: dg.DagsterInstance, run_id: str) -> None:
    fd = _held.pop(run_id, None)
    folder = _lease_dir(instance)
    if fd is None or folder is None:
        return
    with contextlib.suppress(OSError):
        (folder / f"{run_id}.lock").unlink()
    os.close(fd)


def _lease_state(folder: Path, run_id: str) -> bool | None:
    """True while a live process holds the run's lease, False when it is free, None without one."""
    if run_id in _held:
        return True
    path = folder / f"{run_id}.lock"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def is_alive(instance: dg.DagsterInstance, record) -> bool:
    """Whether an in-progress run still has a process working on it."""
    folder = _lease_dir(instance)
    if folder is None:
        return True
    state = _lease_state(folder, record.dagster_run.run_id)
    if state is not None:
        return state
    started = record.start_time or record.create_timestamp.timestamp()
    return time.time() - started < LEASE_GRACE_SECONDS


def recover_dead_runs(instance: dg.DagsterInstance, log=None) -> list[str]:
    """Mark failed every in-progress run whose process is gone, and free the pool slots held by
    runs that ended; returns the ids of the runs marked failed."""
    folder = _lease_dir(instance)
    if folder is None:
        return []
    recovered = []
    statuses = [*_IN_PROGRESS, dg.DagsterRunStatus.NOT_STARTED]
    for record in instance.get_run_records(filters=RunsFilter(statuses=statuses)):
        run = record.dagster_run
        if run.status == dg.DagsterRunStatus.NOT_STARTED:
            if _lease_state(folder, run.run_id) is not False:
                continue  # not started yet, or queued: only a free lease says it died
        elif is_alive(instance, record):
            continue
        message = ("clusterhouse: the process running this run is gone (killed or crashed); marked failed so "
                   "that the next run can write the warehouse")
        instance.report_run_failed(run, message)
        with contextlib.suppress(OSError):
            (folder / f"{run.run_id}.lock").unlink()
        recovered.append(run.run_id)
        if log is not None:
            log.warning(f"run {run.run_id} ({run.job_name}) died without ending: {message}")
    storage = instance.event_log_storage
    if storage.supports_global_concurrency_limits:
        holders = storage.get_concurrency_run_ids()
        if holders:
            ended = instance.get_run_records(
                filters=RunsFilter(run_ids=list(holders), statuses=FINISHED_STATUSES))
            for record in ended:
                storage.free_concurrency_slots_for_run(record.dagster_run.run_id)
    return recovered


def alive_runs(instance: dg.DagsterInstance, excluding: str | None = None) -> list[str]:
    """Ids of the runs in progress that have a live process."""
    records = instance.get_run_records(filters=RunsFilter(statuses=_IN_PROGRESS))
    return [record.dagster_run.run_id for record in records
            if record.dagster_run.run_id != excluding and is_alive(instance, record)]
