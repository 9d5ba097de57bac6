"""Resources. Kept in their own module: a module under defs/ that defines a @dg.definitions
function does not contribute its module-level assets."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import cached_property
from importlib.metadata import version as package_version
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource
from packaging import version
from pydantic import Field

from clusterhouse.settings import Settings, load_settings
from orchestration.defs.transform.project import dbt_project
from orchestration.runs import recover_dead_runs, release_lease, take_lease

# Every asset that writes the build warehouse runs in this pool. DuckDB allows one writer per
# file; the instance's dagster.yaml (written by `clusterhouse`) limits the pool to one slot.
WAREHOUSE_POOL = "warehouse_writer"


class ClusterhouseResource(dg.ConfigurableResource):
    """Where a run reads documents and writes the warehouse. A field left empty takes its
    environment variable, read when the run starts (clusterhouse/settings.py), else the default;
    the Launchpad can set any of them for one run."""

    raw_dir: str | None = Field(default=None, description="Source documents [CLUSTERHOUSE_RAW_DIR, raw/]")
    warehouse_path: str | None = Field(
        default=None, description="The published DuckDB file [CLUSTERHOUSE_WAREHOUSE, warehouse/clusterhouse.duckdb]")
    build_path: str | None = Field(
        default=None, description="The copy runs write before publishing [CLUSTERHOUSE_BUILD_WAREHOUSE, beside it in .build/]")
    export_dir: str | None = Field(
        default=None, description="Parquet and CSV exports [CLUSTERHOUSE_EXPORT_DIR, warehouse/exports/]")
    extract_workers: int | None = Field(
        default=None, description="Processes for reading and extraction [CLUSTERHOUSE_EXTRACT_WORKERS, 2]")

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        """A run starting: hold its lease (the proof it is alive) and clear runs that died, before
        any step claims a slot in the writer pool (orchestration/runs.py)."""
        if context.instance is not None and context.run_id:
            take_lease(context.instance, context.run_id)
            recover_dead_runs(context.instance, context.log)

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if context.instance is not None and context.run_id:
            release_lease(context.instance, context.run_id)

    def settings(self) -> Settings:
        return load_settings(raw_dir=self.raw_dir, warehouse_path=self.warehouse_path, build_path=self.build_path,
                             export_dir=self.export_dir, extract_workers=self.extract_workers)


class VenvDbtResource(DbtCliResource):
    """dbt as installed in this venv, started without two costs dagster-dbt pays before each build
    (~3 s of every refresh that builds; BENCHMARKS.md): asking the executable its version
    (`dbt --version`, a Python start-up) where the installed dbt-core says it, and opening a dbt
    adapter in this process, which serves only the row counts and column metadata a build can
    ask for and ours does not."""

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(package_version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args: Sequence[str]) -> None:  # type: ignore[override]
        return None


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(
        # one process per run, one step at a time: a run's resources (and its lease) start once,
        # before any step claims a slot; a run launched from the UI takes 16 s instead of 30 s
        executor=dg.in_process_executor,
        resources={
            "clusterhouse": ClusterhouseResource(),
            "dbt": VenvDbtResource(
                project_dir=dbt_project,
                profiles_dir=str(dbt_project.project_dir),
                # the venv's dbt, whether or not the venv is on PATH (cron, the UI, CI), started so
                # that it dies with the run (orchestration/dbt_child.py)
                dbt_executable=str(Path(sys.executable).with_name("clusterhouse-dbt")),
            ),
        }
    )
