"""The one place that turns environment variables into absolute paths and settings.

Read on demand (``load_settings()``), never at import time, so tests can point a fresh
environment at a temporary warehouse without reloading modules.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"

# What extraction depends on: when any of these files changes, every document is extracted again.
_EXTRACTION_INPUTS = (
    "orchestration/chinese.py", "orchestration/extraction.py", "orchestration/figures.py",
    "orchestration/lexicon.py", "orchestration/numbers.py", "orchestration/periods.py",
    "orchestration/places.py", "orchestration/products.py", "orchestration/sentences.py",
    "orchestration/reference/*.csv", "dbt_project/seeds/product_*.csv",
)


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A fingerprint of the extraction rules and reference data (computed, so never stale)."""
    digest = hashlib.sha256()
    for pattern in _EXTRACTION_INPUTS:
        for path in sorted(PROJECT_ROOT.glob(pattern)):
            digest.update(path.relative_to(PROJECT_ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@dataclass(frozen=True)
class Settings:
    raw_dir: Path
    warehouse_path: Path  # the published file analysts open (read-only for them)
    build_path: Path  # where runs write; published by an atomic rename when a run succeeds
    export_dir: Path
    dagster_home: Path
    schedule_cron: str
    schedule_timezone: str
    extract_workers: int

    @property
    def dbt_project_dir(self) -> Path:
        return DBT_PROJECT_DIR


def _path(env: dict[str, str], name: str, default: Path) -> Path:
    value = env.get(name)
    path = Path(value).expanduser() if value else default
    if not path.is_absolute():
        path = Path.cwd() / path
    return path.resolve()


def load_settings(env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    warehouse = _path(env, "CLUSTERHOUSE_WAREHOUSE", PROJECT_ROOT / "warehouse" / "clusterhouse.duckdb")
    build_default = warehouse.parent / ".build" / warehouse.name
    return Settings(
        raw_dir=_path(env, "CLUSTERHOUSE_RAW_DIR", PROJECT_ROOT / "raw"),
        warehouse_path=warehouse,
        build_path=_path(env, "CLUSTERHOUSE_BUILD_WAREHOUSE", build_default),
        export_dir=_path(env, "CLUSTERHOUSE_EXPORT_DIR", PROJECT_ROOT / "warehouse" / "exports"),
        dagster_home=_path(env, "DAGSTER_HOME", PROJECT_ROOT / ".dagster_home"),
        schedule_cron=env.get("CLUSTERHOUSE_SCHEDULE_CRON", "0 2 * * *"),
        schedule_timezone=env.get("CLUSTERHOUSE_SCHEDULE_TIMEZONE", "Asia/Shanghai"),
        extract_workers=int(env.get("CLUSTERHOUSE_EXTRACT_WORKERS", "0")) or min(2, os.cpu_count() or 1),
    )


def export_environment(settings: Settings) -> None:
    """Make the settings visible to child processes (dbt, the Dagster daemon)."""
    os.environ["CLUSTERHOUSE_BUILD_WAREHOUSE"] = str(settings.build_path)
    os.environ.setdefault("DAGSTER_HOME", str(settings.dagster_home))
    settings.dagster_home.mkdir(parents=True, exist_ok=True)
