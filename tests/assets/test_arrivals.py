"""The partitioned path: ingest and extraction by arrival date, two days materialised on a
temporary warehouse; the nightly refresh job leaves these assets out."""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timezone

import dagster as dg

from orchestration.definitions import build_definitions
from orchestration.defs.arrivals.assets import documents_by_arrival, figures_by_arrival, refresh_by_arrival
from orchestration.defs.schedules import REFRESH_JOB
from tests.assets.test_raw_layer import resource
from tests.conftest import FIXTURES, query

DAYS = {"2026-11-01": datetime(2026, 11, 1, 9, tzinfo=timezone.utc),
        "2026-11-02": datetime(2026, 11, 2, 23, tzinfo=timezone.utc)}


def _arrived(settings) -> dict[str, list[str]]:
    """The pipeline fixtures dropped into the raw folder over two days."""
    files = sorted(p for p in (FIXTURES / "pipeline").rglob("*") if p.is_file() and not p.name.startswith("."))
    arrived: dict[str, list[str]] = {day: [] for day in DAYS}
    settings.raw_dir.mkdir(parents=True, exist_ok=True)
    for i, path in enumerate(files):
        day = list(DAYS)[i % 2]
        target = settings.raw_dir / path.name
        shutil.copyfile(path, target)
        stamp = int(DAYS[day].timestamp() * 1e9)
        os.utime(target, ns=(stamp, stamp))
        arrived[day].append(path.name)
    return arrived


def test_two_days_materialise_as_two_partitions(settings):
    arrived = _arrived(settings)
    resources = {"clusterhouse": resource(settings)}
    for day in DAYS:
        result = dg.materialize([documents_by_arrival, figures_by_arrival], partition_key=day, resources=resources)
        assert result.success
    build = settings.build_path
    files = dict(query(build, "select cast(arrival_date as varchar), list(distinct path order by path) "
                              "from raw.documents_by_arrival group by all"))
    assert set(files) == set(DAYS)
    for day, paths in files.items():  # each day holds documents of its own files only (bad ones are rejected)
        assert set(paths) <= set(arrived[day])
    days_with_figures = {row[0] for row in query(build, "select distinct cast(arrival_date as varchar) "
                                                        "from raw.figures_by_arrival")}
    assert days_with_figures <= set(DAYS) and days_with_figures
    before = query(build, "select count(*) from raw.figures_by_arrival")
    again = dg.materialize([documents_by_arrival, figures_by_arrival], partition_key="2026-11-01", resources=resources)
    assert again.success
    assert query(build, "select count(*) from raw.figures_by_arrival") == before, "a partition replaces its own rows"


def test_the_nightly_job_leaves_the_partitioned_path_out():
    defs = build_definitions()
    nightly = {key.to_user_string() for key in defs.resolve_job_def(REFRESH_JOB).asset_layer.executable_asset_keys}
    assert "raw/documents" in nightly
    assert not nightly & {"raw/documents_by_arrival", "raw/figures_by_arrival"}
    assert defs.resolve_job_def(refresh_by_arrival.name).partitions_def is not None
