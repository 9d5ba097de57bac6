"""Resources only (a module defining @definitions would silently drop module-level assets)."""


import sys
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource

from orchestration.defs.transform.project import dbt_project
from orchestration.settings import Settings, export_environment, load_settings

# Every asset that writes the build warehouse runs in this pool. DuckDB allows one writer per
# file; the instance's dagster.yaml (written by `clusterhouse`) limits the pool to one slot.
WAREHOUSE_POOL = "warehouse_writer"


class ClusterhouseResource(dg.ConfigurableResource):
    """Paths and settings for a run, read from the environment when the run starts."""

    def settings(self) -> Settings:
        settings = load_settings()
        export_environment(settings)
        return settings


def build_resources() -> dict[str, object]:
    return {
        "clusterhouse": ClusterhouseResource(),
        "dbt": DbtCliResource(
            project_dir=dbt_project,
            profiles_dir=str(dbt_project.project_dir),
            # the venv's dbt, whether or not the venv is on PATH (cron, the UI, CI)
            dbt_executable=str(Path(sys.executable).with_name("dbt")),
        ),
    }
