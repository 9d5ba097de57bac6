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


def test_the_workbook_reads_back_with_each_value_in_its_excel_type(tmp_path):
    import datetime as dt

    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "clusterhouse.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute("""create table marts.fct_cluster_series as select 'c1' as cluster_id, 2022 as year,
                   23.5e9 as value, 12.50::decimal(9, 2) as share, true as is_outlier,
                   date '2023-09-01' as published_date, timestamptz '2023-09-01 08:00:00+08' as loaded_at,
                   ['a', 'b'] as tags, repeat('x', 40000) as evidence, '=1+1' as formula_like""")
    con.execute("create table marts.fct_cluster_event (cluster_id varchar, year integer)")
    con.close()
    rows = write_workbook(path, tmp_path / "marts.xlsx")
    assert rows == {"fct_cluster_event": 0, "fct_cluster_series": 1}
    book = openpyxl.load_workbook(tmp_path / "marts.xlsx")
    assert book.sheetnames == ["fct_cluster_event", "fct_cluster_series", "data_dictionary"]
    assert [cell.value for cell in book["fct_cluster_event"][1]] == ["cluster_id", "year"], "an empty mart keeps its header"
    sheet = book["fct_cluster_series"]
    header = [cell.value for cell in sheet[1]]
    values = dict(zip(header, (cell.value for cell in sheet[2])))
    assert values["year"] == 2022 and values["value"] == 23.5e9 and values["share"] == 12.5
    assert values["is_outlier"] is True
    assert values["published_date"] == dt.datetime(2023, 9, 1)
    assert sheet.cell(2, header.index("published_date") + 1).number_format == "yyyy-mm-dd"
    assert values["loaded_at"] == dt.datetime(2023, 9, 1, 0, 0), "time zones written in UTC"
    assert values["tags"] == "[a, b]"
    assert len(values["evidence"]) == 32_767 and values["evidence"].endswith("…"), "cut at Excel's cell limit"
    assert values["formula_like"] == "=1+1" and sheet.cell(2, header.index("formula_like") + 1).data_type == "s"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert sheet[1][0].font.b, "a bold header"


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


def test_a_mart_longer_than_excel_allows_is_cut_and_the_dictionary_says_so(tmp_path, monkeypatch):
    import clusterhouse.warehouse.workbook as workbook

    openpyxl = pytest.importorskip("openpyxl")
    monkeypatch.setattr(workbook, "EXCEL_MAX_ROWS", 4)  # Excel's 1,048,576 rows, header included
    path = tmp_path / "clusterhouse.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute("create table marts.dim_document as select 'd' || i as document_id from range(10) t(i)")
    con.close()
    assert workbook.write_workbook(path, tmp_path / "marts.xlsx") == {"dim_document": 3}
    book = openpyxl.load_workbook(tmp_path / "marts.xlsx")
    assert book["dim_document"].max_row == 4
    notes = [row[2] for row in book["data_dictionary"].iter_rows(min_row=2, values_only=True) if row[0] == "dim_document"]
    assert "Cut at Excel's limit of 4 rows" in notes[0]
