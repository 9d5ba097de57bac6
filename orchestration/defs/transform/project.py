"""The dbt project as dagster-dbt sees it; the manifest is rebuilt when the SQL changed."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from clusterhouse.settings import DBT_PROJECT_DIR
from clusterhouse.warehouse.build_state import project_files

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def _newest_source_mtime(project_dir: Path) -> float:
    return max((path.stat().st_mtime for path in project_files(project_dir)), default=0.0)


def _is_fresh(manifest: Path) -> bool:
    return manifest.exists() and manifest.stat().st_mtime >= _newest_source_mtime(Path(dbt_project.project_dir))


def ensure_manifest() -> Path:
    """Run `dbt parse` when the manifest is missing or older than the project's files.

    `@dbt_assets` reads the manifest when definitions load; parsing the working tree here means
    an edited model is never run from a stale manifest (3 s, and only after an edit). Processes
    that load the definitions at once (the UI's code server and daemon, parallel tests) take turns:
    a half-written manifest would fail the others.
    """
    manifest = Path(dbt_project.manifest_path)
    if _is_fresh(manifest):
        return manifest
    manifest.parent.mkdir(parents=True, exist_ok=True)
    with open(manifest.parent / ".parse.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not _is_fresh(manifest):
            _parse()
    return manifest


def _parse() -> None:
    dbt = Path(sys.executable).with_name("dbt")
    env = dict(os.environ)
    env.setdefault("CLUSTERHOUSE_BUILD_WAREHOUSE", str(Path(dbt_project.project_dir) / "target" / "parse.duckdb"))
    result = subprocess.run(
        [str(dbt) if dbt.exists() else "dbt", "parse", "--quiet"],
        cwd=dbt_project.project_dir,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"dbt parse failed:\n{result.stdout}\n{result.stderr}")
