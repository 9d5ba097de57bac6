"""End to end, as a user runs it: `clusterhouse refresh` over a raw folder, then `sql` on the result."""

from __future__ import annotations

import json

import pytest

from tests.pipeline.conftest import run_cli

# the warehouse of every annotated corpus, refreshed by `clusterhouse refresh` (tests/pipeline/conftest.py)
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("corpora")]
CONTRACT_MARTS = ("dim_document", "dim_cluster", "fct_cluster_metric", "fct_cluster_output", "fct_cluster_exports")


@pytest.fixture(scope="module")
def sample_warehouse(every_corpus):
    return every_corpus.env, every_corpus.work


def run(args, env):
    return run_cli(args, env)


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
    result = run(["sql", "select language, count(*) as n from marts.dim_document "
                  "where source_path like 'sample-corpus/%' group by 1 order by 1", "--format", "csv"], env)
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


def _outputs(work):
    """The published file (by inode: a publish renames a new one in) and each export's time."""
    return ((work / "clusterhouse.duckdb").stat().st_ino,
            {path.name: path.stat().st_mtime_ns for path in (work / "exports").iterdir() if path.is_file()})


def _run_count(work) -> int:
    import dagster as dg

    with dg.DagsterInstance.from_config(str(work / "dagster_home")) as instance:
        return instance.get_runs_count()


def test_a_night_with_nothing_new_starts_no_run_and_says_so(sample_warehouse):
    env, work = sample_warehouse
    # the first refresh may have seen files copied in the same second, which are never trusted
    # unchanged; this one sees them settled, and records what it started from
    assert run(["refresh"], env).returncode == 0
    outputs, runs = _outputs(work), _run_count(work)
    result = run(["refresh"], env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "no run started" in result.stdout and "--rebuild" in result.stdout
    assert "documents" in result.stdout  # the warehouse's summary, as after a run
    assert _run_count(work) == runs
    assert _outputs(work) == outputs


def test_a_run_with_nothing_new_skips_the_build_and_says_so(sample_warehouse):
    """Without the record of the last refresh (a run launched from the UI, the record lost), the
    run starts and each step finds it has nothing to do."""
    env, work = sample_warehouse
    assert run(["refresh"], env).returncode == 0
    (work / ".build" / "last_refresh.json").unlink()
    outputs, runs = _outputs(work), _run_count(work)
    result = run(["refresh"], env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "nothing dbt reads had changed" in result.stdout and "--rebuild" in result.stdout
    assert _run_count(work) == runs + 1
    assert _outputs(work) == outputs


def test_an_export_deleted_since_the_last_refresh_is_written_again(sample_warehouse):
    env, work = sample_warehouse
    assert run(["refresh"], env).returncode == 0
    workbook = work / "exports" / "clusterhouse_marts.xlsx"
    workbook.unlink()
    result = run(["refresh"], env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "no run started" not in result.stdout
    assert workbook.stat().st_size > 5_000
