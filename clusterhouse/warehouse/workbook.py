"""One Excel workbook of the marts: a sheet per mart and a data-dictionary sheet.

Written with xlsxwriter in constant-memory mode (rows stream out as they are read), aside and
then renamed, so a reader never opens half a file.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from clusterhouse.warehouse.connect import connect
from clusterhouse.warehouse.dictionary import ModelDoc, load_dictionary

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_CELL = 32_767
DICTIONARY_SHEET = "data_dictionary"
# Rows a sheet leaves out, and why (said again on the dictionary sheet). The ~41,000 towns of the
# place dimension would be nine tenths of the workbook and of its writing time; a town no cluster
# sits in is reference data, complete in the warehouse and in the Parquet and CSV exports.
SHEET_ROWS = {
    "dim_place": ("where place_level <> 'town' or admin_code in (select town_code from marts.dim_cluster)",
                  "Towns in which no cluster sits are left out here: every town is in the warehouse and "
                  "in the Parquet and CSV exports."),
}


def _cell(value: object) -> object:
    if isinstance(value, str) and len(value) > EXCEL_MAX_CELL:
        return value[: EXCEL_MAX_CELL - 1] + "…"
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    if isinstance(value, (list, dict, tuple)):
        return str(value)
    return value


def write_workbook(warehouse_path: Path, target: Path, dictionary: list[ModelDoc] | None = None) -> dict[str, int]:
    """Write every table and view of the marts schema to ``target``; returns rows per sheet."""
    import xlsxwriter

    dictionary = load_dictionary() if dictionary is None else dictionary
    described = {model.name: model for model in dictionary if model.layer == "marts"}
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    workbook = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_urls": False,
                                              "strings_to_formulas": False, "remove_timezone": True})
    header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    timestamp = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    counts: dict[str, int] = {}
    truncated: list[str] = []
    with connect(warehouse_path, read_only=True) as con:
        marts = [row[0] for row in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by table_name"
        ).fetchall()]
        for mart in marts:
            sheet = workbook.add_worksheet(mart[:31])
            where = SHEET_ROWS.get(mart, ("", ""))[0]
            cursor = con.execute(f"select * from marts.{mart} {where}")
            columns = [d[0] for d in cursor.description]
            for col, name in enumerate(columns):
                sheet.write_string(0, col, name, header)
                sheet.set_column(col, col, min(max(len(name) + 2, 12), 60))
            sheet.freeze_panes(1, 0)
            written = 0
            while rows := cursor.fetchmany(10_000):
                for row in rows:
                    if written + 1 >= EXCEL_MAX_ROWS:
                        truncated.append(mart)
                        break
                    written += 1
                    for col, value in enumerate(row):
                        value = _cell(value)
                        if value is None:
                            continue
                        if isinstance(value, dt.datetime):
                            sheet.write_datetime(written, col, value, timestamp)
                        elif isinstance(value, dt.date):
                            sheet.write_datetime(written, col, dt.datetime.combine(value, dt.time()), date)
                        else:
                            sheet.write(written, col, value)
                if mart in truncated:
                    break
            sheet.autofilter(0, 0, max(written, 1), max(len(columns) - 1, 0))
            counts[mart] = written
        _write_dictionary(workbook.add_worksheet(DICTIONARY_SHEET), described, marts, counts, truncated,
                          header, wrap)
    workbook.close()
    os.replace(tmp, target)
    return counts


def _write_dictionary(sheet, described: dict[str, ModelDoc], marts: list[str], counts: dict[str, int],
                      truncated: list[str], header, wrap) -> None:
    sheet.set_column(0, 0, 24)
    sheet.set_column(1, 1, 28)
    sheet.set_column(2, 2, 110)
    for col, name in enumerate(("sheet", "column", "description")):
        sheet.write_string(0, col, name, header)
    row = 1
    for mart in marts:
        model = described.get(mart)
        note = f" Rows: {counts.get(mart, 0)}."
        if mart in SHEET_ROWS:
            note += " " + SHEET_ROWS[mart][1]
        if mart in truncated:
            note += f" Cut at Excel's limit of {EXCEL_MAX_ROWS:,} rows: use the Parquet or CSV export for all of it."
        sheet.write_row(row, 0, [mart, "", ((model.description if model else "") + note).strip()], wrap)
        row += 1
        for column in model.columns if model else ():
            sheet.write_row(row, 0, [mart, column.name, column.description], wrap)
            row += 1
    sheet.freeze_panes(1, 0)
