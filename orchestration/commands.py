"""The Dagster side of the `clusterhouse` command: run the refresh job, start the UI.

Called by ``clusterhouse.cli`` with the settings it resolved, so a run's paths travel as the
resource's config, never through the process environment.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import dagster as dg
from dagster._core.utils import make_new_run_id

from clusterhouse.settings import PROJECT_ROOT, Settings
from clusterhouse.warehouse.last_refresh import forget_refresh, record_refresh
from orchestration.defs.exports.assets import EXPORTS
from orchestration.defs.schedules import REFRESH_JOB
from orchestration.defs.transform.assets import PUBLISHED_KEY, REBUILD_TAG
from orchestration.runs import alive_runs, recover_dead_runs, release_lease, take_lease

DAGSTER_YAML = """\
# Written by `clusterhouse` when missing. DuckDB has one writer per file: one run at a time,
# and one slot in the pool every warehouse-writing asset uses.
concurrency:
  runs:
    max_concurrent_runs: 1
  pools:
    default_limit: 1
# a run launched from the UI starts within a second, not five (Dagster's default)
run_coordinator:
  module: dagster.core.run_coordinator
  class: QueuedRunCoordinator
  config:
    dequeue_interval_seconds: 1
telemetry:
  enabled: false
"""


def ensure_dagster_home(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text(DAGSTER_YAML, encoding="utf-8")


def resource_config(settings: Settings) -> dict:
    """The run config that points the clusterhouse resource at these settings' paths."""
    fields = {"raw_dir": str(settings.raw_dir), "warehouse_path": str(settings.warehouse_path),
              "build_path": str(settings.build_path), "export_dir": str(settings.export_dir),
              "extract_workers": settings.extract_workers}
    return {"resources": {"clusterhouse": {"config": fields}}}


def run_refresh_job(settings: Settings, quiet: bool = False, exports: bool = True, rebuild: bool = False,
                    inputs: str | None = None) -> bool:
    """Materialise every asset once through the refresh job; True when the run succeeded.

    When nothing the dbt build reads has changed since the last published build, dbt, the publish
    and the exports are skipped; ``rebuild=True`` runs them all the same.

    ``exports=False`` stops at the published warehouse (no files, workbook, docs site or report):
    what a throw-away warehouse that is only scored needs.

    ``inputs``, the digest of what the run starts from (clusterhouse/warehouse/last_refresh.py),
    is recorded when a run of every asset succeeds, so that the next refresh with the same inputs
    need not start one.

    Runs that died without ending are marked failed first (orchestration/runs.py), and a run still
    in progress (launched from the UI, the schedule, the sensor or another terminal) is waited for:
    one writer at a time, whatever launched it. SIGTERM stops the run like Ctrl-C does."""
    from orchestration.definitions import defs  # built once, when the module loads

    ensure_dagster_home(settings.dagster_home)
    job = defs.resolve_job_def(REFRESH_JOB)
    selection = None
    if not exports:
        graph = defs.resolve_asset_graph()
        selection = [key for key in graph.get_all_asset_keys()
                     if graph.get(key).is_materializable and not graph.get(key).is_partitioned
                     and (key.path[0] != "exports" or key.path == ["exports", "published_warehouse"])]
    log_level = "WARNING" if quiet else "INFO"
    run_config = {"loggers": {"console": {"config": {"log_level": log_level}}}, **resource_config(settings)}
    say = (lambda message: None) if quiet else (lambda message: print(message, file=sys.stderr))
    with _interrupted_by_signals(), dg.DagsterInstance.from_config(str(settings.dagster_home)) as instance:
        for run_id in recover_dead_runs(instance):
            say(f"run {run_id} had died without ending: marked failed, its writer slot freed")
        _wait_for_other_runs(instance, say)
        run_id = make_new_run_id()
        take_lease(instance, run_id)
        forget_refresh(settings)
        try:
            result = job.execute_in_process(instance=instance, raise_on_error=False, run_config=run_config,
                                            run_id=run_id, tags=_tags(rebuild),
                                            asset_selection=selection)
        except KeyboardInterrupt:
            say(f"refresh interrupted (run {run_id}); the published warehouse is the last complete one")
            return False
        finally:
            release_lease(instance, run_id)
    if result.success and exports and inputs is not None:
        record_refresh(settings, inputs, list(EXPORTS))
    if not quiet:
        status = "succeeded" if result.success else "FAILED"
        print(f"refresh {status} (run {result.run_id}); warehouse: {settings.warehouse_path}")
        if result.success and not _published(result):
            print("  nothing dbt reads had changed: the published warehouse and the exports were already "
                  "current (`clusterhouse refresh --rebuild` rebuilds them anyway)")
    if not result.success:
        for event in result.all_events:
            error = getattr(event.event_specific_data, "error", None) if event.is_failure else None
            if error is not None and not quiet:
                print(f"  {event.step_key}: {error.message.strip()}", file=sys.stderr)
    return result.success


def _tags(rebuild: bool) -> dict[str, str]:
    tags = {"clusterhouse/trigger": "cli"}
    if rebuild:
        tags[REBUILD_TAG] = "true"
    return tags


def _published(result) -> bool:
    return any(event.asset_key == PUBLISHED_KEY for event in result.get_asset_materialization_events()
               if event.asset_key is not None)


def _wait_for_other_runs(instance: dg.DagsterInstance, say, poll_seconds: float = 1.0) -> None:
    announced: set[str] = set()
    while others := alive_runs(instance):
        new = [run_id for run_id in others if run_id not in announced]
        if new:
            say(f"waiting for run {', '.join(new)} (launched from the UI, the schedule, the sensor or "
                "another terminal) to finish: one run writes the warehouse at a time")
            announced.update(new)
        time.sleep(poll_seconds)


@contextlib.contextmanager
def _interrupted_by_signals():
    """SIGINT and SIGTERM interrupt the run (Dagster then ends it as failed and frees its slot),
    also when the shell that started us made it ignore SIGINT (a background job)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    previous = {signum: signal.signal(signum, interrupt) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def run_ui(settings: Settings, port: int, host: str = "127.0.0.1", stop_seconds: float = 30.0) -> int:
    """Start the Dagster UI and the daemon (schedules and sensors tick) on this project's instance
    with `dg dev`, and stop all of it on Ctrl-C, SIGTERM or SIGHUP.

    `dg dev` runs in its own process group: a signal to ours is forwarded to it as one SIGINT, so
    it shuts the webserver, the daemon and the code servers down in order; whatever is still alive
    after ``stop_seconds`` is killed. It dies with us (PR_SET_PDEATHSIG) if we are killed."""
    ensure_dagster_home(settings.dagster_home)
    bin_dir = Path(sys.executable).parent
    command = [str(bin_dir / "dg"), "dev", "--port", str(port), "--host", host]
    env = {**os.environ, "DAGSTER_HOME": str(settings.dagster_home), "VIRTUAL_ENV": sys.prefix,
           "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    stop_requested: list[float] = []

    def request_stop(signum, frame):
        if not stop_requested:
            stop_requested.append(time.monotonic())
            print(f"stopping the Dagster UI ({signal.Signals(signum).name})...", flush=True)
            with contextlib.suppress(ProcessLookupError):
                os.kill(child.pid, signal.SIGINT)

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, request_stop)
    print(f"Dagster UI on http://{host}:{port} (instance: {settings.dagster_home}); Ctrl-C stops it",
          flush=True)
    child = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, process_group=0, preexec_fn=_child_of_ui)
    while child.poll() is None:
        if stop_requested and time.monotonic() - stop_requested[0] > stop_seconds:
            print(f"the Dagster UI did not stop within {stop_seconds:g} s: killing it", flush=True)
            _kill_group(child.pid, signal.SIGKILL)
        time.sleep(0.2)
    _kill_group(child.pid, signal.SIGTERM)  # anything it left behind in its group
    if stop_requested:
        print("Dagster UI stopped", flush=True)
        return 0
    return child.returncode or 0


def _child_of_ui() -> None:
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    with contextlib.suppress(Exception):
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: stop when `clusterhouse ui` dies


def _kill_group(pgid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signum)
