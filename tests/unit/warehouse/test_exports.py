"""The data dictionary, the Excel workbook and CSV exports, on a small hand-made warehouse."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import duckdb
import pytest

from clusterhouse.warehouse import export_marts
from clusterhouse.warehouse.dictionary import load_dictionary, render_markdown
from clusterhouse.warehouse.workbook import write_workbook

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def warehouse(tmp_path) -> Path:
    path = tmp_path / "clusterhouse.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute("""create table marts.fct_cluster_series as select 'c1' as cluster_id, 'output_value' as metric,
                   2022 as year, 23e9 as value, date '2023-09-01' as published_date,
                   timestamptz '2023-09-01 08:00:00+08' as loaded_at, 'a "quoted", note' as reconciliation_note""")
    con.execute("create view marts.fct_cluster_output as select * from marts.fct_cluster_series")
    con.close()
    return path


def test_the_committed_data_dictionary_is_generated_from_the_current_yaml():
    committed = (ROOT / "docs" / "data_dictionary.md").read_text(encoding="utf-8")
    assert committed == render_markdown(load_dictionary()), (
        "docs/data_dictionary.md is stale: .venv/bin/python -m clusterhouse.warehouse.dictionary docs/data_dictionary.md")


def test_every_mart_and_column_in_the_yaml_has_a_description():
    models = load_dictionary()
    marts = {model.name for model in models if model.layer == "marts"}
    assert {"dim_document", "dim_cluster", "fct_cluster_metric", "fct_cluster_series", "fct_cluster_output",
            "fct_cluster_exports", "fct_cluster_event"} <= marts
    for model in models:
        assert model.description, model.name
        for column in model.columns:
            assert column.description, (model.name, column.name)


def test_the_workbook_has_a_sheet_per_mart_and_a_data_dictionary(warehouse, tmp_path):
    target = tmp_path / "out" / "marts.xlsx"
    rows = write_workbook(warehouse, target)
    assert rows == {"fct_cluster_output": 1, "fct_cluster_series": 1}
    with zipfile.ZipFile(target) as book:
        sheets = re.findall(r'<sheet name="([^"]+)"', book.read("xl/workbook.xml").decode())
        text = "".join(book.read(name).decode() for name in book.namelist() if name.startswith("xl/worksheets/"))
    assert sheets == ["fct_cluster_output", "fct_cluster_series", "data_dictionary"]
    assert "reconciliation_note" in text and "The canonical series" in text
    assert not list(target.parent.glob(".*.tmp")), "written aside, then renamed"


def test_csv_exports_end_lines_with_newline_only(warehouse, tmp_path):
    written = export_marts(warehouse, tmp_path / "exports")
    assert sorted(path.name for path in written) == ["fct_cluster_output.csv", "fct_cluster_output.parquet",
                                                     "fct_cluster_series.csv", "fct_cluster_series.parquet"]
    data = (tmp_path / "exports" / "fct_cluster_series.csv").read_bytes()
    assert b"\r" not in data and data.count(b"\n") == 2 and b'"a ""quoted"", note"' in data


def test_the_cli_writes_csv_with_newline_line_ends(warehouse, monkeypatch, capsysbinary):
    from clusterhouse.cli import main

    monkeypatch.setenv("CLUSTERHOUSE_WAREHOUSE", str(warehouse))
    assert main(["sql", "select metric, year from marts.fct_cluster_series", "--format", "csv"]) == 0
    assert capsysbinary.readouterr().out == b"metric,year\noutput_value,2022\n"


def test_dates_in_the_workbook_are_dates(warehouse, tmp_path):
    target = tmp_path / "marts.xlsx"
    write_workbook(warehouse, target)
    with zipfile.ZipFile(target) as book:
        styles = book.read("xl/styles.xml").decode()
    assert "yyyy-mm-dd" in styles


def test_the_workbook_keeps_only_the_towns_a_cluster_sits_in(tmp_path):
    path = tmp_path / "clusterhouse.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute("""create table marts.dim_place as select * from (values
                   ('441900', 'Dongguan', 'prefecture'), ('441900113', 'Humen', 'town'),
                   ('441900114', 'Chang''an', 'town')) as t(admin_code, place_name, place_level)""")
    con.execute("create table marts.dim_cluster as select 'c1' as cluster_id, '441900113' as town_code")
    con.close()
    rows = write_workbook(path, tmp_path / "marts.xlsx")
    assert rows["dim_place"] == 2, "the prefecture and the cluster's town, not the other town"
    with zipfile.ZipFile(tmp_path / "marts.xlsx") as book:
        text = "".join(book.read(name).decode() for name in book.namelist() if name.startswith("xl/"))
    assert "Humen" in text and "Chang" not in text and "every town is in the warehouse" in text
