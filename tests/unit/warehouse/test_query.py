"""`clusterhouse sql` reads the warehouse and nothing else, unless the user asks for files."""

from __future__ import annotations

import duckdb
import pytest

from clusterhouse.cli import main
from clusterhouse.warehouse.query import QueryRefused, run_query


@pytest.fixture
def warehouse(tmp_path, monkeypatch):
    path = tmp_path / "clusterhouse.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema marts; create table marts.dim_cluster as select 'Guzhen lighting' as cluster_name")
    con.close()
    monkeypatch.setenv("CLUSTERHOUSE_WAREHOUSE", str(path))
    return path


def test_reading_queries_run(warehouse):
    assert run_query(warehouse, "select cluster_name from marts.dim_cluster") == (
        ["cluster_name"], [("Guzhen lighting",)])
    assert run_query(warehouse, "describe marts.dim_cluster")[1][0][0] == "cluster_name"


@pytest.mark.parametrize(("query", "message"), [
    ("select * from read_text('/etc/passwd')", "add --allow-files"),
    ("select * from read_csv('/etc/passwd')", "add --allow-files"),
    ("select * from '/etc/passwd'", "does not exist"),  # no file scans by name either
])
def test_no_file_on_the_machine_can_be_read(warehouse, query, message):
    with pytest.raises(QueryRefused, match=message) as refused:
        run_query(warehouse, query)
    assert "root:" not in str(refused.value) and "\n" not in str(refused.value)


@pytest.mark.parametrize(("query", "message"), [
    ("copy marts.dim_cluster to '{out}'", "COPY writes files; add --allow-files"),
    ("export database '{dir}'", "EXPORT writes files; add --allow-files"),
    ("create table marts.scratch as select 1", "a CREATE statement would change the warehouse"),
    ("delete from marts.dim_cluster", "a DELETE statement would change the warehouse"),
    ("set enable_external_access = true", "a SET statement would change the warehouse"),
    ("attach '{out}.db' as other", "a ATTACH statement would change the warehouse"),
    ("install httpfs", "a LOAD statement would change the warehouse"),
    ("select 1; drop table marts.dim_cluster", "a DROP statement would change the warehouse"),
])
def test_statements_that_write_get_one_clear_line(warehouse, tmp_path, query, message):
    query = query.format(out=tmp_path / "out.csv", dir=tmp_path / "export")
    with pytest.raises(QueryRefused, match=message) as refused:
        run_query(warehouse, query)
    assert str(refused.value).startswith("clusterhouse sql is read-only") and "\n" not in str(refused.value)
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "export").exists()


def test_the_configuration_cannot_be_unlocked_from_a_query(warehouse):
    con_query = "select value from duckdb_settings() where name = 'enable_external_access'"
    assert run_query(warehouse, con_query)[1] == [("false",)]
    with pytest.raises(QueryRefused):
        run_query(warehouse, "reset enable_external_access")


def test_allow_files_lets_the_user_read_and_write_files_but_not_the_warehouse(warehouse, tmp_path):
    (tmp_path / "extra.csv").write_text("a\n1\n")
    assert run_query(warehouse, f"select a from read_csv('{tmp_path / 'extra.csv'}')", allow_files=True)[1] == [(1,)]
    run_query(warehouse, f"copy marts.dim_cluster to '{tmp_path / 'copy.csv'}'", allow_files=True)
    assert "Guzhen lighting" in (tmp_path / "copy.csv").read_text()
    with pytest.raises(QueryRefused, match="would change the warehouse"):
        run_query(warehouse, "drop table marts.dim_cluster", allow_files=True)


def test_the_command_prints_the_refusal_on_one_line(warehouse, capsys):
    assert main(["sql", "select * from read_text('/etc/passwd')"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--allow-files" in err
    assert main(["sql", "create table x as select 1"]) == 1
    assert "read-only" in capsys.readouterr().err
    assert main(["sql", "select count(*) as n from marts.dim_cluster", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "1"]


def test_the_help_explains_allow_files(capsys):
    with pytest.raises(SystemExit):
        main(["sql", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--allow-files" in help_text and "read and write files on this machine" in help_text
