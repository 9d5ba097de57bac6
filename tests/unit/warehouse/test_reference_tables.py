"""The reference tables are written when their data changed, and left as they are otherwise."""

from __future__ import annotations

import duckdb
import pyarrow as pa
import pytest

from clusterhouse.warehouse import reference_tables
from clusterhouse.warehouse.reference_tables import DIGEST_TABLE, TABLES, write_reference_tables


@pytest.fixture
def con():
    con = duckdb.connect()
    yield con
    con.close()


def test_a_new_warehouse_gets_every_table_and_the_next_night_writes_none(con):
    first = write_reference_tables(con)
    assert [table.table for table in first] == [table for table, _, _ in TABLES]
    assert all(table.written and table.rows > 0 for table in first)
    again = write_reference_tables(con)
    assert not any(table.written for table in again)
    assert [table.rows for table in again] == [table.rows for table in first]


def test_changed_reference_data_is_written_again(con, monkeypatch):
    write_reference_tables(con)
    con.execute("delete from raw.product_synonyms")  # what the old release's tables held
    monkeypatch.setattr(reference_tables, "reference_digest", lambda: "the next release")
    written = write_reference_tables(con)
    assert all(table.written for table in written)
    assert con.execute("select count(*) from raw.product_synonyms").fetchone()[0] > 0
    assert con.execute(f"select digest from {DIGEST_TABLE}").fetchall() == [("the next release",)]


def test_a_missing_table_is_written_again(con):
    write_reference_tables(con)
    con.execute("drop table raw.places")
    assert all(table.written for table in write_reference_tables(con))
    assert con.execute("select count(*) from raw.places").fetchone()[0] > 3000


def test_the_digest_is_stable_and_follows_the_schemas(monkeypatch):
    before = reference_tables.reference_digest()
    assert before == reference_tables.reference_digest()
    changed_schema = tuple((table, rows, schema.append(pa.field("extra", pa.string()))) for table, rows, schema in TABLES)
    monkeypatch.setattr(reference_tables, "TABLES", changed_schema)
    assert reference_tables.reference_digest() != before
