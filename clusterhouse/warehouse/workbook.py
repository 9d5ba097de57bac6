"""One Excel workbook of the marts: a sheet per mart and a data-dictionary sheet.

Written by rustpy-xlsxwriter, Python bindings of rust_xlsxwriter (the Rust port by XlsxWriter's
author): the pure-Python XlsxWriter spent ~5 µs a cell, two minutes a night for the 24 million
cells of a 100,000-document warehouse, where this takes about 15 s (BENCHMARKS.md). Rows come
from DuckDB as Arrow batches; values Excel cannot hold are converted in the query.
The file is written aside and then renamed, so a reader never opens half a file.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pyarrow as pa

from clusterhouse.warehouse.connect import connect
from clusterhouse.warehouse.dictionary import ModelDoc, load_dictionary

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_CELL = 32_767
DICTIONARY_SHEET = "data_dictionary"
FETCH_ROWS = 10_000
# Rows a sheet leaves out, and why (said again on the dictionary sheet). The ~41,000 towns of the
# place dimension would be nine tenths of the workbook and of its writing time; a town no cluster
# sits in is reference data, complete in the warehouse and in the Parquet and CSV exports.
SHEET_ROWS = {
    "dim_place": ("where place_level <> 'town' or admin_code in (select town_code from marts.dim_cluster)",
                  "Towns in which no cluster sits are left out here: every town is in the warehouse and "
                  "in the Parquet and CSV exports."),
}
# Types written as they are; dates get a date format, every other type is written as text.
NATIVE_TYPES = {"BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER",
                "FLOAT", "DOUBLE", "DATE", "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS"}


def _excel_value(column: str, type_name: str) -> str:
    """The SQL that turns one column into something Excel holds, as the same name."""
    quoted = '"' + column.replace('"', '""') + '"'
    if type_name == "VARCHAR":
        return (f"case when length({quoted}) > {EXCEL_MAX_CELL} then left({quoted}, {EXCEL_MAX_CELL - 1}) || '…' "
                f"else {quoted} end as {quoted}")
    if type_name == "TIMESTAMP WITH TIME ZONE":  # Excel has no time zones: written in UTC
        return f"timezone('UTC', {quoted}) as {quoted}"
    if type_name.startswith("DECIMAL") or type_name in {"HUGEINT", "UBIGINT", "UHUGEINT"}:
        return f"{quoted}::double as {quoted}"
    if type_name in NATIVE_TYPES:
        return quoted
    return f"left({quoted}::varchar, {EXCEL_MAX_CELL}) as {quoted}"


def _sheet_query(con: duckdb.DuckDBPyConnection, mart: str) -> tuple[str, list[str], list[str]]:
    where = SHEET_ROWS.get(mart, ("", ""))[0]
    relation = con.sql(f"select * from marts.{mart} {where}")
    types = [str(t) for t in relation.types]
    select = ", ".join(_excel_value(column, type_name) for column, type_name in zip(relation.columns, types))
    return f"select {select} from marts.{mart} {where}", relation.columns, types


def _batches(con: duckdb.DuckDBPyConnection, query: str, limit: int) -> pa.RecordBatchReader:
    """The sheet's rows as Arrow batches, read by the writer without a Python object per cell
    (a fifth faster than rows as dicts at 100,000 documents)."""
    return con.cursor().sql(f"{query} limit {limit}").to_arrow_reader(FETCH_ROWS)


def write_workbook(warehouse_path: Path, target: Path, dictionary: list[ModelDoc] | None = None) -> dict[str, int]:
    """Write every table and view of the marts schema to ``target``; returns rows per sheet."""
    import rustpy_xlsxwriter as xlsx

    dictionary = load_dictionary() if dictionary is None else dictionary
    described = {model.name: model for model in dictionary if model.layer == "marts"}
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    header = xlsx.Format().set_bold().set_background_color("#DDEBF7").set_border("thin")
    date = xlsx.Format().set_num_format("yyyy-mm-dd")
    wrap = xlsx.Format().set_text_wrap().set_align("top")
    counts: dict[str, int] = {}
    truncated: list[str] = []
    sheets: list[tuple[str, object]] = []
    widths: dict[str, list[float]] = {}
    formats: dict[str, dict[str, object]] = {}
    with connect(warehouse_path, read_only=True) as con:
        marts = [row[0] for row in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by table_name"
        ).fetchall()]
        for mart in marts:
            query, columns, types = _sheet_query(con, mart)
            total = con.execute(f"select count(*) from ({query})").fetchall()[0][0]
            counts[mart] = min(total, EXCEL_MAX_ROWS - 1)
            if total > counts[mart]:
                truncated.append(mart)
            sheet = mart[:31]
            sheets.append((sheet, _batches(con, query, counts[mart])))
            widths[sheet] = [min(max(len(name) + 2, 12), 60) for name in columns]
            formats[sheet] = {name: date for name, type_name in zip(columns, types) if type_name == "DATE"}
        sheets.append((DICTIONARY_SHEET, _dictionary_rows(described, marts, counts, truncated)))
        widths[DICTIONARY_SHEET] = [24, 28, 110]
        formats[DICTIONARY_SHEET] = {"sheet": wrap, "column": wrap, "description": wrap}
        xlsx.write_worksheets(
            sheets, str(tmp),
            freeze_panes={"general": {"row": 1, "col": 0}},
            datetime_format="yyyy-mm-dd hh:mm:ss",
            header_format={"general": header},
            autofilter={sheet: True for sheet, _ in sheets[:-1]},
            column_widths=widths,
            column_formats=formats,
        )
    os.replace(tmp, target)
    return counts


def _dictionary_rows(described: dict[str, ModelDoc], marts: list[str], counts: dict[str, int],
                     truncated: list[str]) -> list[dict[str, str]]:
    rows = []
    for mart in marts:
        model = described.get(mart)
        note = f" Rows: {counts.get(mart, 0)}."
        if mart in SHEET_ROWS:
            note += " " + SHEET_ROWS[mart][1]
        if mart in truncated:
            note += f" Cut at Excel's limit of {EXCEL_MAX_ROWS:,} rows: use the Parquet or CSV export for all of it."
        rows.append({"sheet": mart, "column": "", "description": ((model.description if model else "") + note).strip()})
        for column in model.columns if model else ():
            rows.append({"sheet": mart, "column": column.name, "description": column.description})
    return rows
