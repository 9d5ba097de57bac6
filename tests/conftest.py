"""Shared fixtures: temporary warehouses for asset and pipeline tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from clusterhouse.settings import Settings, load_settings

# Temporary warehouses and Dagster's SQLite run storage in memory when the machine has a tmpfs:
# every Dagster event is a committed (fsynced) SQLite write, seconds per refresh on a disk.
# pytest reads this when it first makes its base temporary folder; PYTEST_DEBUG_TEMPROOT set by
# the caller wins.
if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK):
    os.environ.setdefault("PYTEST_DEBUG_TEMPROOT", "/dev/shm")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def temporary_settings(root: Path) -> Settings:
    """Settings that put every file of a run under ``root`` (raw/ is created empty)."""
    (root / "raw").mkdir(parents=True, exist_ok=True)
    return load_settings(
        raw_dir=root / "raw", warehouse_path=root / "warehouse" / "clusterhouse.duckdb",
        build_path=root / "warehouse" / ".build" / "clusterhouse.duckdb",
        export_dir=root / "warehouse" / "exports", dagster_home=root / "dagster_home", extract_workers=1,
    )


@pytest.fixture
def settings(tmp_path) -> Settings:
    return temporary_settings(tmp_path)


def copy_documents(source: Path, target: Path) -> None:
    for path in sorted(source.rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)


def query(path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Keep `xdist_group` working: pytest-xdist 3.8 marks a test's group by assigning
    ``item._nodeid``, which pytest 9 no longer reads (the node id lives in ``item._id``), so the
    groups were silently split across workers (each built its own shared warehouse, and tests that
    run in order on one warehouse could interleave). Same suffix as xdist's, set where pytest reads it."""
    if not getattr(config.option, "loadgroup", False):
        return
    try:
        from _pytest.nodeid import NodeId
    except ImportError:  # an older pytest, where xdist's own suffix works
        return
    for item in items:
        groups = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                         for mark in item.iter_markers("xdist_group")})
        if groups and "@" not in item.nodeid:
            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(groups)}")
