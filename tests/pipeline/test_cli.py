"""End to end, as a user runs it: `clusterhouse refresh` over raw/, then `sql` on the result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("cli")]
ROOT = Path(__file__).resolve().parents[2]
CLI = str(Path(sys.executable).with_name("clusterhouse"))
CONTRACT_MARTS = ("dim_document", "dim_cluster", "fct_cluster_metric", "fct_cluster_output", "fct_cluster_exports")


def run(args, env):
    return subprocess.run([CLI, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def sample_warehouse(tmp_path_factory):
    work = tmp_path_factory.mktemp("e2e")
    env = dict(os.environ, CLUSTERHOUSE_RAW_DIR=str(ROOT / "raw"),
               CLUSTERHOUSE_WAREHOUSE=str(work / "clusterhouse.duckdb"),
               CLUSTERHOUSE_EXPORT_DIR=str(work / "exports"), DAGSTER_HOME=str(work / "dagster_home"))
    env.pop("CLUSTERHOUSE_BUILD_WAREHOUSE", None)
    result = run(["refresh"], env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return env, work


def test_refresh_fills_every_contract_mart_and_exports_it(sample_warehouse):
    env, work = sample_warehouse
    for mart in CONTRACT_MARTS:
        result = run(["sql", f"select count(*) as n from marts.{mart}", "--format", "json"], env)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)[0]["n"] > 0, mart
        assert (work / "exports" / f"{mart}.parquet").stat().st_size > 0
        assert (work / "exports" / f"{mart}.csv").read_text(encoding="utf-8").count("\n") > 1


def test_every_sample_document_is_loaded_in_its_language(sample_warehouse):
    env, _ = sample_warehouse
    result = run(["sql", "select language, count(*) as n from marts.dim_document group by 1 order by 1",
                  "--format", "csv"], env)
    counts = dict(line.split(",") for line in result.stdout.strip().splitlines()[1:])
    assert {"en", "zh", "it"} <= set(counts)
    assert sum(int(n) for n in counts.values()) == 16


def test_sql_is_read_only_and_reports_errors(sample_warehouse):
    env, _ = sample_warehouse
    result = run(["sql", "create table marts.scratch as select 1"], env)
    assert result.returncode != 0
    assert "read-only" in result.stderr.lower() or "read only" in result.stderr.lower()
    table = run(["sql", "select cluster_name from marts.dim_cluster order by 1 limit 2"], env)
    assert table.returncode == 0 and "cluster_name" in table.stdout and "(2 rows)" in table.stdout


def test_a_night_with_nothing_new_skips_the_build_and_says_so(sample_warehouse):
    env, work = sample_warehouse
    published = (work / "clusterhouse.duckdb").stat().st_ino
    exports = {path.name: path.stat().st_mtime_ns for path in (work / "exports").iterdir() if path.is_file()}
    result = run(["refresh"], env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "nothing dbt reads had changed" in result.stdout and "--rebuild" in result.stdout
    assert (work / "clusterhouse.duckdb").stat().st_ino == published
    assert {path.name: path.stat().st_mtime_ns for path in (work / "exports").iterdir() if path.is_file()} == exports
