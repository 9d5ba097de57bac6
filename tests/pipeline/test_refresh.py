"""The refresh job on a temporary warehouse (`refreshed`, tests/pipeline/conftest.py): builds,
publishes, exports; then, on a warehouse of its own in order, a run with nothing new, edits and
removals, a failed run."""

from __future__ import annotations

import shutil

import dagster as dg
import duckdb
import pytest

from clusterhouse.cli import run_refresh
from orchestration.defs.ingest.assets import ingest_documents
from orchestration.defs.resources import ClusterhouseResource
from tests.conftest import FIXTURES, copy_documents, query, temporary_settings

pytestmark = pytest.mark.slow


@pytest.mark.xdist_group("refreshed")
def test_refresh_fills_the_marts_and_exports(refreshed):
    warehouse = refreshed.warehouse_path
    documents = query(warehouse, "select file_name, language from marts.dim_document "
                                 "where source_path not like 'reconciliation/%' order by file_name")
    assert documents == [("danyang.txt", "zh"), ("feed.jsonl#1", "it"), ("yongkang_hardware.txt", "en")]
    clusters = query(warehouse, "select place_name, admin_code from marts.dim_cluster order by place_name")
    assert ("Yongkang", "330784") in clusters and ("Danyang", "321181") in clusters
    metrics = query(warehouse, """
        select c.place_name, m.metric, m.value, m.unit, m.year
        from marts.fct_cluster_metric m join marts.dim_cluster c using (cluster_id)
        where c.place_name = 'Yongkang' order by m.value_start""")
    assert ("Yongkang", "output_value", 120e9, "CNY", 2023) in metrics
    assert all(row[2] != 2e9 for row in metrics), "a company's sales are not the cluster's"
    for table in ("dim_document", "dim_cluster", "fct_cluster_metric", "fct_cluster_output", "fct_cluster_exports",
                  "fct_cluster_series", "fct_cluster_event"):
        assert (refreshed.export_dir / f"{table}.parquet").exists()
        assert (refreshed.export_dir / f"{table}.csv").exists()


@pytest.mark.xdist_group("refreshed")
def test_bad_files_are_recorded_and_do_not_stop_the_run(refreshed):
    rejected = dict(query(refreshed.warehouse_path, "select path, reason from raw.rejected_files"))
    assert set(rejected) == {"empty.txt", "not_text.txt", "feed.jsonl#2"}
    assert all(reason for reason in rejected.values())


@pytest.mark.xdist_group("refreshed")
def test_the_refresh_runs_the_evidence_checks_and_they_pass(refreshed):
    with dg.DagsterInstance.from_config(str(refreshed.dagster_home)) as instance:
        records = instance.event_log_storage.get_asset_check_execution_history(
            dg.AssetCheckKey(dg.AssetKey(["raw", "figures"]), "evidence_spans_point_into_the_text"), limit=1)
    assert records and records[0].status.value == "SUCCEEDED"


@pytest.fixture(scope="module")
def changing(tmp_path_factory):
    """A warehouse of its own for the tests that change the raw folder; they run in file order."""
    settings = temporary_settings(tmp_path_factory.mktemp("changing"))
    copy_documents(FIXTURES / "pipeline", settings.raw_dir)
    # these tests look at the warehouse only: no export files, workbook, docs site or report
    assert run_refresh(settings, quiet=True, exports=False)
    return settings


def every_mart(warehouse) -> dict[str, list[tuple]]:
    tables = [row[0] for row in query(warehouse, "select table_name from information_schema.tables "
                                                 "where table_schema = 'marts' order by 1")]
    return {table: query(warehouse, f"select * from marts.{table} order by all") for table in tables}


@pytest.mark.xdist_group("changing")
def test_a_second_run_with_nothing_changed_changes_nothing(changing):
    before = query(changing.build_path, "select document_id, loaded_at from raw.documents order by 1")
    marts_before = every_mart(changing.warehouse_path)
    published = changing.warehouse_path.stat().st_ino
    assert run_refresh(changing, quiet=True, exports=False)
    assert changing.warehouse_path.stat().st_ino == published, "nothing to build: the warehouse is not republished"
    assert query(changing.build_path, "select document_id, loaded_at from raw.documents order by 1") == before
    assert every_mart(changing.warehouse_path) == marts_before


@pytest.mark.xdist_group("changing")
def test_edited_and_removed_files_replace_their_documents_while_readers_keep_their_snapshot(changing):
    raw = changing.raw_dir
    old_ids = {row[0] for row in query(changing.warehouse_path, "select document_id from marts.dim_document")}
    reader = duckdb.connect(str(changing.warehouse_path), read_only=True)
    story = raw / "news" / "yongkang_hardware.txt"
    story.write_text(story.read_text(encoding="utf-8").replace("120 billion", "125 billion"), encoding="utf-8")
    (raw / "news" / "danyang.txt").unlink()
    assert run_refresh(changing, quiet=True, exports=False)
    assert reader.execute("select count(*) from marts.dim_document").fetchone()[0] == 3
    reader.close()
    rows = query(changing.warehouse_path, "select file_name, document_id from marts.dim_document order by 1")
    assert [name for name, _ in rows] == ["feed.jsonl#1", "yongkang_hardware.txt"]
    assert dict(rows)["yongkang_hardware.txt"] not in old_ids
    values = {row[0] for row in query(changing.warehouse_path,
                                      "select value from marts.fct_cluster_metric where metric = 'output_value'")}
    assert 125e9 in values and 120e9 not in values
    removed = query(changing.warehouse_path, """
        select status, document_count, removed_at is not null, file_sha256 is not null
        from raw.source_files where path = 'news/danyang.txt'""")
    assert removed == [("removed", 0, True, True)], "a removed file keeps its row, marked removed"
    assert query(changing.warehouse_path, """
        select count(*) from marts.fct_cluster_metric m join marts.dim_cluster c using (cluster_id)
        where c.place_name = 'Danyang'""") == [(0,)], "and its figures leave the marts"


@pytest.mark.xdist_group("changing")
def test_a_file_that_comes_back_is_read_again_and_new_rules_extract_everything_again(changing, monkeypatch):
    import orchestration.defs.extract.assets as extract_assets

    shutil.copyfile(FIXTURES / "pipeline" / "news" / "danyang.txt", changing.raw_dir / "news" / "danyang.txt")
    monkeypatch.setattr(extract_assets, "extractor_version", lambda: "rules-edited")
    # what this checks is in the raw tables: ingest and extraction alone, as a refresh runs them
    assert dg.materialize([ingest_documents, extract_assets.extract_figures],
                          resources={"clusterhouse": ClusterhouseResource(
                              raw_dir=str(changing.raw_dir), warehouse_path=str(changing.warehouse_path),
                              build_path=str(changing.build_path), extract_workers=1)}).success
    assert query(changing.build_path, "select status, removed_at from raw.source_files "
                                      "where path = 'news/danyang.txt'") == [("loaded", None)]
    documents = query(changing.build_path, "select count(distinct document_id) from raw.documents")[0][0]
    versions = query(changing.build_path, "select extractor_version, count(*) from raw.extracted_documents group by 1")
    assert versions == [("rules-edited", documents)] and documents == 3


@pytest.mark.xdist_group("changing")
def test_a_failed_run_leaves_the_last_good_warehouse(changing):
    before = query(changing.warehouse_path, "select count(*) from marts.fct_cluster_metric")
    documents = query(changing.warehouse_path, "select count(*) from marts.dim_document")[0][0]
    reader = duckdb.connect(str(changing.warehouse_path), read_only=True)
    shutil.rmtree(changing.raw_dir)
    assert not run_refresh(changing, quiet=True, exports=False)
    assert query(changing.warehouse_path, "select count(*) from marts.fct_cluster_metric") == before
    assert reader.execute("select count(*) from marts.dim_document").fetchone()[0] == documents > 0
    reader.close()


def test_the_incremental_models_add_up_to_what_a_full_refresh_builds(tmp_path):
    """The figures' models compute again only the clusters whose inputs changed. A translation read
    one night, and its original and a reprint the next (the old document becomes a copy, the votes
    of its figures change), must give the marts a full refresh of the same inputs gives. Then
    int_figures__attributed, incremental by document: the rows of documents whose inputs did not
    change are the last build's (marked to tell them apart), a new document's are added."""
    settings = temporary_settings(tmp_path)
    copy_documents(FIXTURES / "pipeline", settings.raw_dir)
    last = settings.raw_dir / "news" / "yongkang_hardware.txt"
    last.unlink()  # read on the last night
    later = ["shengzhou_xinhua.txt", "shengzhou_mirror.txt"]
    for path in (FIXTURES / "reconciliation").iterdir():
        if path.name not in later:
            shutil.copyfile(path, settings.raw_dir / path.name)
    assert run_refresh(settings, quiet=True, exports=False)
    for name in later:
        shutil.copyfile(FIXTURES / "reconciliation" / name, settings.raw_dir / name)
    assert run_refresh(settings, quiet=True, exports=False)
    changed = dict(query(settings.build_path, "select is_changed, count(*) from intermediate.int_clusters__changed "
                                              "group by 1"))
    assert changed[True] > 0 and changed[False] > 0, "the second build computed some clusters again, not all"
    marts = every_mart(settings.warehouse_path)
    flagged = query(settings.build_path, "select * from intermediate.int_figures__flagged order by all")

    assert run_refresh(settings, quiet=True, exports=False, rebuild=True)  # dbt build --full-refresh
    assert query(settings.build_path, "select bool_and(is_changed) from intermediate.int_clusters__changed") == [(True,)]
    assert every_mart(settings.warehouse_path) == marts
    assert query(settings.build_path, "select * from intermediate.int_figures__flagged order by all") == flagged

    with duckdb.connect(str(settings.build_path)) as con:
        con.execute("update intermediate.int_figures__attributed set evidence = 'from the last build'")
    shutil.copyfile(FIXTURES / "pipeline" / "news" / last.name, last)
    assert run_refresh(settings, quiet=True, exports=False)
    kept = dict(query(settings.build_path, "select d.file_name, bool_and(f.evidence = 'from the last build') "
                                           "from intermediate.int_figures__attributed as f "
                                           "join intermediate.int_documents__deduplicated as d using (document_id) "
                                           "group by 1"))
    assert kept.pop(last.name) is False
    assert kept and all(kept.values()), kept
