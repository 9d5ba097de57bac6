"""The Dagster side of the `clusterhouse` command: run the refresh job, start the UI.

Called by ``clusterhouse.cli`` with the settings it resolved, so a run's paths travel as the
resource's config, never through the process environment.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dagster as dg

from clusterhouse.settings import PROJECT_ROOT, Settings
from orchestration.defs.schedules import REFRESH_JOB

DAGSTER_YAML = """\
# Written by `clusterhouse` when missing. DuckDB has one writer per file: one run at a time,
# and one slot in the pool every warehouse-writing asset uses.
concurrency:
  runs:
    max_concurrent_runs: 1
  pools:
    default_limit: 1
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


def run_refresh_job(settings: Settings, quiet: bool = False, exports: bool = True) -> bool:
    """Materialise every asset once through the refresh job; True when the run succeeded.

    ``exports=False`` stops at the published warehouse (no files, workbook, docs site or report):
    what a throw-away warehouse that is only scored needs."""
    from orchestration.definitions import build_definitions

    ensure_dagster_home(settings.dagster_home)
    defs = build_definitions()
    job = defs.resolve_job_def(REFRESH_JOB)
    selection = None
    if not exports:
        graph = defs.resolve_asset_graph()
        selection = [key for key in graph.get_all_asset_keys()
                     if graph.get(key).is_materializable
                     and (key.path[0] != "exports" or key.path == ["exports", "published_warehouse"])]
    log_level = "WARNING" if quiet else "INFO"
    run_config = {"loggers": {"console": {"config": {"log_level": log_level}}}, **resource_config(settings)}
    with dg.DagsterInstance.from_config(str(settings.dagster_home)) as instance:
        result = job.execute_in_process(instance=instance, raise_on_error=False, run_config=run_config,
                                        asset_selection=selection)
    if not quiet:
        status = "succeeded" if result.success else "FAILED"
        print(f"refresh {status} (run {result.run_id}); warehouse: {settings.warehouse_path}")
    if not result.success:
        for event in result.all_events:
            error = getattr(event.event_specific_data, "error", None) if event.is_failure else None
            if error is not None and not quiet:
                print(f"  {event.step_key}: {error.message.strip()}", file=sys.stderr)
    return result.success


def run_ui(settings: Settings, port: int) -> int:
    """Start the Dagster UI and the daemon (schedules tick) on this project's instance."""
    ensure_dagster_home(settings.dagster_home)
    dagster = Path(sys.executable).with_name("dagster")
    command = [str(dagster), "dev", "-w", str(PROJECT_ROOT / "workspace.yaml"), "-p", str(port)]
    print(f"Dagster UI on http://localhost:{port} (instance: {settings.dagster_home}); Ctrl-C stops it")
    os.execvpe(command[0], command, {**os.environ, "DAGSTER_HOME": str(settings.dagster_home)})
    return 0  # not reached
