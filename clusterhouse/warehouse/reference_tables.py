"""The reference data as raw tables (places, products, their names), written again only when it
changed: reading the gazetteer and writing its ~44,000 rows back took about a second of every
night, most of it DuckDB storing the table at close, though the files change only with a release.
``raw.reference_digest`` holds the digest of the files, code and schemas the tables were written
from; it is written after them, so a run stopped half-way writes them all again."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from clusterhouse.reference import REFERENCE_DIR
from clusterhouse.reference import tables as reference_rows
from clusterhouse.warehouse import raw_tables
from clusterhouse.warehouse.connect import replace_rows

DIGEST_TABLE = "raw.reference_digest"
# table, the rows it holds, their schema
TABLES: tuple[tuple[str, Callable[[], list[dict]], pa.Schema], ...] = (
    ("raw.places", reference_rows.place_rows, raw_tables.PLACES),
    ("raw.product_taxonomy", reference_rows.product_rows, raw_tables.PRODUCT_TAXONOMY),
    ("raw.product_synonyms", reference_rows.product_synonym_rows, raw_tables.PRODUCT_SYNONYMS),
)


@dataclass(frozen=True)
class ReferenceTable:
    table: str
    rows: int
    written: bool  # False: it already held this data


def reference_digest() -> str:
    """The files the tables are made from, the code that makes them, and their schemas."""
    digest = hashlib.sha256()
    files = sorted(path for pattern in ("places/*.csv", "products/*.csv") for path in REFERENCE_DIR.glob(pattern))
    for path in [*files, Path(reference_rows.__file__)]:
        digest.update(path.relative_to(REFERENCE_DIR.parent).as_posix().encode())
        digest.update(path.read_bytes())
    for table, _, schema in TABLES:
        digest.update(f"{table}:{schema}".encode())
    return digest.hexdigest()


def write_reference_tables(con: duckdb.DuckDBPyConnection) -> list[ReferenceTable]:
    """Every reference table, written unless it already holds this release's data."""
    digest = reference_digest()
    con.execute("create schema if not exists raw")
    if _written_digest(con) == digest:
        return [ReferenceTable(table, con.execute(f"select count(*) from {table}").fetchone()[0], written=False)
                for table, _, _ in TABLES]
    written = [ReferenceTable(table, replace_rows(con, table, raw_tables.to_arrow(rows(), schema)), written=True)
               for table, rows, schema in TABLES]
    con.execute(f"create or replace table {DIGEST_TABLE} as select ?::varchar as digest, current_timestamp as written_at",
                [digest])
    return written


def _written_digest(con: duckdb.DuckDBPyConnection) -> str | None:
    """The digest the tables were last written with, if they are all there."""
    names = [DIGEST_TABLE, *(table for table, _, _ in TABLES)]
    present = con.execute(
        "select count(*) from information_schema.tables where list_contains(?, table_schema || '.' || table_name)",
        [names]).fetchone()[0]
    if present < len(names):
        return None
    row = con.execute(f"select digest from {DIGEST_TABLE}").fetchone()
    return row[0] if row else None
