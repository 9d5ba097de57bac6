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
    "clusterhouse/text/*.py", "clusterhouse/extraction/*.py", "clusterhouse/lang/**/*.py",
    "clusterhouse/lang/**/*.yaml", "clusterhouse/reference/places/*.csv", "clusterhouse/reference/products/*.csv",
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
class Limits:
    """What one source file or document may cost a refresh; past a limit it is rejected with the
    reason (raw.rejected_files, raw.extracted_documents.error) and the run goes on."""

    # bigger files are not read at all [CLUSTERHOUSE_MAX_FILE_MB]
    max_file_bytes: int = 64 << 20
    # text of one article, after decoding [CLUSTERHOUSE_MAX_DOCUMENT_CHARS]
    max_document_chars: int = 1_000_000
    # reading one file, or extracting one document [CLUSTERHOUSE_DOCUMENT_SECONDS]
    seconds_per_document: float = 120.0
    # growth of one reading or extraction process [CLUSTERHOUSE_WORKER_MEMORY_MB]
    worker_memory_bytes: int = 2 << 30


def load_limits(env: dict[str, str] | None = None) -> Limits:
    env = dict(os.environ if env is None else env)
    default = Limits()

    def number(variable: str, fallback: float, scale: int = 1) -> float:
        value = env.get(variable)
        if not value:
            return fallback
        try:
            parsed = float(value) * scale
        except ValueError:
            raise ValueError(f"{variable} must be a number, not {value!r}") from None
        if parsed <= 0:
            raise ValueError(f"{variable} must be positive, not {value!r}")
        return parsed

    return Limits(
        max_file_bytes=int(number("CLUSTERHOUSE_MAX_FILE_MB", default.max_file_bytes, 1 << 20)),
        max_document_chars=int(number("CLUSTERHOUSE_MAX_DOCUMENT_CHARS", default.max_document_chars)),
        seconds_per_document=number("CLUSTERHOUSE_DOCUMENT_SECONDS", default.seconds_per_document),
        worker_memory_bytes=int(number("CLUSTERHOUSE_WORKER_MEMORY_MB", default.worker_memory_bytes,
                                       1 << 20)),
    )


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
    limits: Limits = Limits()

    @property
    def dbt_project_dir(self) -> Path:
        return DBT_PROJECT_DIR


def _path(value: object, default: Path) -> Path:
    path = Path(str(value)).expanduser() if value else default
    if not path.is_absolute():
        path = Path.cwd() / path
    return path.resolve()


def load_settings(env: dict[str, str] | None = None, **overrides: object) -> Settings:
    """Settings from the environment (``os.environ`` unless ``env`` is given). Keyword arguments
    named like the fields win over it when not None: a resource's fields, a test's paths."""
    env = dict(os.environ if env is None else env)
    unknown = set(overrides) - set(Settings.__dataclass_fields__)
    if unknown:
        raise TypeError(f"unknown settings: {sorted(unknown)}")

    def given(field: str, variable: str) -> object:
        return overrides.get(field) if overrides.get(field) is not None else env.get(variable)

    warehouse = _path(given("warehouse_path", "CLUSTERHOUSE_WAREHOUSE"), PROJECT_ROOT / "warehouse" / "clusterhouse.duckdb")
    workers = given("extract_workers", "CLUSTERHOUSE_EXTRACT_WORKERS")
    return Settings(
        raw_dir=_path(given("raw_dir", "CLUSTERHOUSE_RAW_DIR"), PROJECT_ROOT / "raw"),
        warehouse_path=warehouse,
        build_path=_path(given("build_path", "CLUSTERHOUSE_BUILD_WAREHOUSE"), warehouse.parent / ".build" / warehouse.name),
        export_dir=_path(given("export_dir", "CLUSTERHOUSE_EXPORT_DIR"), PROJECT_ROOT / "warehouse" / "exports"),
        dagster_home=_path(given("dagster_home", "DAGSTER_HOME"), PROJECT_ROOT / ".dagster_home"),
        schedule_cron=str(given("schedule_cron", "CLUSTERHOUSE_SCHEDULE_CRON") or "0 2 * * *"),
        schedule_timezone=str(given("schedule_timezone", "CLUSTERHOUSE_SCHEDULE_TIMEZONE") or "Asia/Shanghai"),
        extract_workers=int(workers or 0) or min(2, os.cpu_count() or 1),
        limits=overrides.get("limits") or load_limits(env),
    )
