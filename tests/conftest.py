"""Shared fixtures: a temporary warehouse environment for pipeline tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def warehouse_env(tmp_path, monkeypatch):
    """Point every setting at a temporary folder; returns the paths."""
    raw = tmp_path / "raw"
    raw.mkdir()
    paths = {
        "raw": raw,
        "warehouse": tmp_path / "warehouse" / "clusterhouse.duckdb",
        "build": tmp_path / "warehouse" / ".build" / "clusterhouse.duckdb",
        "exports": tmp_path / "warehouse" / "exports",
        "dagster_home": tmp_path / "dagster_home",
    }
    monkeypatch.setenv("CLUSTERHOUSE_RAW_DIR", str(raw))
    monkeypatch.setenv("CLUSTERHOUSE_WAREHOUSE", str(paths["warehouse"]))
    monkeypatch.setenv("CLUSTERHOUSE_BUILD_WAREHOUSE", str(paths["build"]))
    monkeypatch.setenv("CLUSTERHOUSE_EXPORT_DIR", str(paths["exports"]))
    monkeypatch.setenv("DAGSTER_HOME", str(paths["dagster_home"]))
    paths["dagster_home"].mkdir()
    return paths


def copy_documents(source: Path, target: Path) -> None:
    for path in sorted(source.rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
