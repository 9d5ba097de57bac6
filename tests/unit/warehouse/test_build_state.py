"""The input fingerprint: what lets a night with nothing new skip dbt, the publish and the exports."""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest

from clusterhouse.warehouse.build_state import (
    FINGERPRINT_TABLE,
    builds_on_last_build,
    export_marker,
    input_fingerprint,
    keep_partial_parse,
    model_digest,
    published_fingerprint,
    record_fingerprint,
    recorded_fingerprint,
    reuse_partial_parse,
    source_tables,
    stale_outputs,
    write_export_marker,
)

TABLES = ["raw.documents", "raw.figures"]


@pytest.fixture
def project(tmp_path):
    folder = tmp_path / "dbt"
    (folder / "models").mkdir(parents=True)
    (folder / "models" / "m.sql").write_text("select 1", encoding="utf-8")
    (folder / "dbt_project.yml").write_text("name: p\n", encoding="utf-8")
    return folder


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "build.duckdb"))
    con.execute("create schema raw")
    con.execute("create table raw.documents as select range as id, 'text ' || range as text from range(100)")
    con.execute("create table raw.figures as select range as id, range * 1.5 as value, [range, 1] as spans "
                "from range(300)")
    con.execute("create table raw.source_files as select range as id, 'stamp' as stamp from range(100)")
    yield con
    con.close()


def test_the_same_rows_in_another_order_give_the_same_fingerprint(con, project):
    before = input_fingerprint(con, TABLES, project)
    con.execute("create table shuffled as select * from raw.figures order by random()")
    con.execute("drop table raw.figures; create table raw.figures as select * from shuffled")
    assert input_fingerprint(con, TABLES, project) == before


@pytest.mark.parametrize("change", [
    "update raw.figures set value = value + 1 where id = 7",
    "delete from raw.documents where id = 3",
    "insert into raw.figures select * from raw.figures where id = 1",  # a duplicate row counts
    "drop table raw.documents",
])
def test_any_change_to_a_table_dbt_reads_changes_it(con, project, change):
    before = input_fingerprint(con, TABLES, project)
    con.execute(change)
    assert input_fingerprint(con, TABLES, project) != before


def test_a_table_dbt_does_not_read_does_not_count(con, project):
    before = input_fingerprint(con, TABLES, project)
    con.execute("update raw.source_files set stamp = 'touched'")
    assert input_fingerprint(con, TABLES, project) == before


def test_an_edited_model_changes_it(con, project):
    before = input_fingerprint(con, TABLES, project)
    (project / "models" / "m.sql").write_text("select 2", encoding="utf-8")
    assert input_fingerprint(con, TABLES, project) != before


def test_the_sources_are_those_a_node_reads(tmp_path):
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({
        "sources": {"source.p.raw.documents": {"schema": "raw", "identifier": "documents"},
                    "source.p.raw.source_files": {"schema": "raw", "identifier": "source_files"}},
        "nodes": {"model.p.stg": {"depends_on": {"nodes": ["source.p.raw.documents"]}},
                  "seed.p.rates": {}},
    }), encoding="utf-8")
    assert source_tables(manifest) == ["raw.documents"]


def test_stale_outputs_name_what_was_not_built_from_these_inputs(con, project, tmp_path):
    published, exports = tmp_path / "published.duckdb", tmp_path / "exports"
    fingerprint = input_fingerprint(con, TABLES, project)
    assert stale_outputs(fingerprint, con, published, exports, ["report"]) == ["build", "published warehouse",
                                                                                "report"]
    record_fingerprint(con, fingerprint)
    con.execute("checkpoint")
    shutil.copyfile(tmp_path / "build.duckdb", published)
    assert published_fingerprint(published) == fingerprint
    assert stale_outputs(fingerprint, con, published, exports, ["report"]) == ["report"]
    write_export_marker(exports, "report", published_fingerprint(published))
    assert export_marker(exports, "report") == fingerprint
    assert stale_outputs(fingerprint, con, published, exports, ["report"]) == []
    con.execute("update raw.documents set text = 'edited' where id = 0")
    changed = input_fingerprint(con, TABLES, project)
    assert stale_outputs(changed, con, published, exports, ["report"]) == ["build", "published warehouse", "report"]


def test_an_export_whose_file_was_deleted_is_stale(con, project, tmp_path):
    """An analyst deletes the workbook, or a clean-up empties the docs folder: the next night
    writes it again, though nothing it is made from changed."""
    published, exports = tmp_path / "published.duckdb", tmp_path / "exports"
    fingerprint = input_fingerprint(con, TABLES, project)
    record_fingerprint(con, fingerprint)
    con.execute("checkpoint")
    shutil.copyfile(tmp_path / "build.duckdb", published)
    written = [exports / "docs" / "index.html", exports / "marts.xlsx"]
    for path in written:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    write_export_marker(exports, "book", fingerprint, written)
    write_export_marker(exports, "old", fingerprint)  # as markers were before they named files
    assert export_marker(exports, "book") == fingerprint
    assert stale_outputs(fingerprint, con, published, exports, ["book", "old"]) == []
    written[0].unlink()
    assert stale_outputs(fingerprint, con, published, exports, ["book", "old"]) == ["book"]


def test_a_missing_or_unreadable_published_file_has_no_fingerprint(tmp_path):
    assert published_fingerprint(tmp_path / "none.duckdb") is None
    (tmp_path / "broken.duckdb").write_bytes(b"not a database")
    assert published_fingerprint(tmp_path / "broken.duckdb") is None


def test_a_kept_parse_is_reused_only_by_the_project_folder_that_made_it(tmp_path, project):
    """dbt's partial parse holds the project's absolute path (a seed is loaded from it), and dbt
    does not notice when the folder moved: a checkout elsewhere must parse afresh."""
    build_path = tmp_path / "build" / "clusterhouse.duckdb"
    build_path.parent.mkdir()
    made = tmp_path / "made"
    made.mkdir()
    (made / "partial_parse.msgpack").write_bytes(b"parse of " + str(project).encode())
    keep_partial_parse(build_path, made, project)

    same, moved = tmp_path / "same", tmp_path / "moved"
    reuse_partial_parse(build_path, same, project)
    reuse_partial_parse(build_path, moved, tmp_path / "elsewhere" / "dbt")
    assert (same / "partial_parse.msgpack").read_bytes() == b"parse of " + str(project).encode()
    assert not (moved / "partial_parse.msgpack").exists()


def test_the_incremental_models_build_on_a_green_build_of_the_same_project_only(con, project):
    models = model_digest(project)
    assert not builds_on_last_build(con, models), "no build yet"
    record_fingerprint(con, input_fingerprint(con, TABLES, project), models)
    assert builds_on_last_build(con, models)
    record_fingerprint(con, None)  # what a build does as it starts: one that dies leaves this
    assert not builds_on_last_build(con, models)
    record_fingerprint(con, input_fingerprint(con, TABLES, project), models)
    (project / "models" / "m.sql").write_text("select 2", encoding="utf-8")
    assert model_digest(project) != models and not builds_on_last_build(con, model_digest(project))


def test_files_dbt_writes_into_the_project_leave_its_digest_alone(project):
    models = model_digest(project)
    (project / ".user.yml").write_text("id: 4e645eeb\n", encoding="utf-8")  # dbt's own, per machine
    (project / "models" / ".m.sql.swp").write_text("an editor's", encoding="utf-8")
    assert model_digest(project) == models


def test_a_build_recorded_before_model_digests_is_built_afresh(con, project):
    con.execute(f"create table {FINGERPRINT_TABLE} (fingerprint varchar, built_at timestamptz)")
    con.execute(f"insert into {FINGERPRINT_TABLE} values ('abc', now())")
    assert not builds_on_last_build(con, model_digest(project))
    record_fingerprint(con, "def", model_digest(project))
    assert recorded_fingerprint(con) == "def" and builds_on_last_build(con, model_digest(project))


def test_a_build_by_an_earlier_release_in_between_is_not_built_on(con, project):
    """Rolled back for a night and forward again: the earlier release writes its two columns and
    knows nothing of the model digest; the next build must start afresh."""
    models = model_digest(project)
    record_fingerprint(con, "new", models)
    con.execute(f"delete from {FINGERPRINT_TABLE}")  # what the earlier release does, then its build
    con.execute(f"insert into {FINGERPRINT_TABLE} values (?, ?)", ["old", "2026-11-30 00:00:00+00"])
    assert not builds_on_last_build(con, models)
