"""The refresh job on a temporary warehouse: builds, publishes, exports, and is idempotent."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from orchestration.cli import run_refresh
from tests.conftest import FIXTURES, copy_documents

pytestmark = pytest.mark.slow


def query(path, sql):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def refreshed(warehouse_env):
    copy_documents(FIXTURES / "pipeline", warehouse_env["raw"])
    assert run_refresh(quiet=True)
    return warehouse_env


def test_refresh_fills_the_marts_and_exports(refreshed):
    warehouse = refreshed["warehouse"]
    documents = query(warehouse, "select file_name, language from marts.dim_document order by file_name")
    assert documents == [("danyang.txt", "zh"), ("feed.jsonl#1", "it"), ("yongkang_hardware.txt", "en")]
    clusters = query(warehouse, "select place_name, admin_code from marts.dim_cluster order by place_name")
    assert ("Yongkang", "330784") in clusters and ("Danyang", "321181") in clusters
    metrics = query(warehouse, """
        select c.place_name, m.metric, m.value, m.unit, m.year
        from marts.fct_cluster_metric m join marts.dim_cluster c using (cluster_id)
        where c.place_name = 'Yongkang' order by m.value_start""")
    assert ("Yongkang", "output_value", 120e9, "CNY", 2023) in metrics
    assert all(row[2] != 2e9 for row in metrics), "a company's sales are not the cluster's"
    for table in ("dim_document", "dim_cluster", "fct_cluster_metric", "fct_cluster_output", "fct_cluster_exports"):
        assert (refreshed["exports"] / f"{table}.parquet").exists()
        assert (refreshed["exports"] / f"{table}.csv").exists()


def test_bad_files_are_recorded_and_do_not_stop_the_run(refreshed):
    rejected = dict(query(refreshed["warehouse"], "select path, reason from raw.rejected_files"))
    assert set(rejected) == {"empty.txt", "not_text.txt", "feed.jsonl#2"}
    assert all(reason for reason in rejected.values())


def test_a_second_run_with_nothing_changed_changes_nothing(refreshed):
    before = query(refreshed["build"], "select document_id, loaded_at from raw.documents order by 1")
    metrics_before = query(refreshed["warehouse"], "select * from marts.fct_cluster_metric order by figure_id")
    assert run_refresh(quiet=True)
    assert query(refreshed["build"], "select document_id, loaded_at from raw.documents order by 1") == before
    assert query(refreshed["warehouse"], "select * from marts.fct_cluster_metric order by figure_id") == metrics_before


def test_edited_and_removed_files_replace_their_documents(refreshed):
    raw = refreshed["raw"]
    old_ids = {row[0] for row in query(refreshed["warehouse"], "select document_id from marts.dim_document")}
    story = raw / "news" / "yongkang_hardware.txt"
    story.write_text(story.read_text(encoding="utf-8").replace("120 billion", "125 billion"), encoding="utf-8")
    (raw / "news" / "danyang.txt").unlink()
    assert run_refresh(quiet=True)
    rows = query(refreshed["warehouse"], "select file_name, document_id from marts.dim_document order by 1")
    assert [name for name, _ in rows] == ["feed.jsonl#1", "yongkang_hardware.txt"]
    assert dict(rows)["yongkang_hardware.txt"] not in old_ids
    values = {row[0] for row in query(refreshed["warehouse"],
                                      "select value from marts.fct_cluster_metric where metric = 'output_value'")}
    assert 125e9 in values and 120e9 not in values


def test_a_failed_run_leaves_the_last_good_warehouse(refreshed, monkeypatch):
    before = query(refreshed["warehouse"], "select count(*) from marts.fct_cluster_metric")
    reader = duckdb.connect(str(refreshed["warehouse"]), read_only=True)
    shutil.rmtree(refreshed["raw"])
    assert not run_refresh(quiet=True)
    assert query(refreshed["warehouse"], "select count(*) from marts.fct_cluster_metric") == before
    assert reader.execute("select count(*) from marts.dim_document").fetchone()[0] == 3
    reader.close()


def test_readers_keep_their_snapshot_while_a_run_publishes(refreshed):
    reader = duckdb.connect(str(refreshed["warehouse"]), read_only=True)
    (refreshed["raw"] / "news" / "danyang.txt").unlink()
    assert run_refresh(quiet=True)
    assert reader.execute("select count(*) from marts.dim_document").fetchone()[0] == 3
    reader.close()
    assert query(refreshed["warehouse"], "select count(*) from marts.dim_document") == [(2,)]


def test_the_refresh_runs_the_evidence_checks_and_they_pass(refreshed):
    import dagster as dg

    with dg.DagsterInstance.get() as instance:
        records = instance.event_log_storage.get_asset_check_execution_history(
            dg.AssetCheckKey(dg.AssetKey(["raw", "figures"]), "evidence_spans_point_into_the_text"), limit=1)
    assert records and records[0].status.value == "SUCCEEDED"
