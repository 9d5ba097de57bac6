"""DuckDB file handling: the build copy runs write to, bulk loads, and atomic publishing.

Runs never write to the file analysts have open. They write to a build copy; when a run has
built and tested everything, ``publish`` copies the build file next to the published one and
renames it into place. A rename is atomic on POSIX: readers holding the old file keep reading
it, new readers get the new one, and a failed run leaves the last good warehouse untouched.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa

# Files written by DuckDB 2.0 are unreadable by 1.x clients unless created with an older
# storage version; analysts' tools (DBeaver, R, older CLIs) often lag behind.
STORAGE_COMPATIBILITY = "v1.4.0"


@contextmanager
def connect(path: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    if read_only:
        con = duckdb.connect(str(path), read_only=True)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_COMPATIBILITY})
    try:
        yield con
    finally:
        con.close()


def prepare_build(build_path: Path, published_path: Path) -> None:
    """Start the build copy from the published warehouse when there is no build copy yet.

    Keeps incremental work (documents already read and extracted) across a lost build folder.
    """
    if build_path.exists() or not published_path.exists():
        return
    build_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(published_path, build_path)


def replace_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    rows: pa.Table,
    key_column: str | None = None,
    keys: Sequence[str] | None = None,
) -> int:
    """Bulk delete-and-insert: rows whose ``key_column`` is in ``keys`` are replaced by ``rows``.

    With no key, the whole table is replaced. The table is created from the Arrow schema if it
    is missing. One transaction, so a failure leaves the table as it was.
    """
    con.execute("begin transaction")
    try:
        con.register("incoming_rows", rows)
        con.execute(f"create table if not exists {table} as select * from incoming_rows limit 0")
        if key_column is None:
            con.execute(f"delete from {table}")
        elif keys:
            # the keys' own type (text ids, or the dates of a partition)
            con.register("replaced_keys", pa.table({"key": pa.array(list(keys))}))
            con.execute(f"delete from {table} where {key_column} in (select key from replaced_keys)")
            con.unregister("replaced_keys")
        con.execute(f"insert into {table} by name select * from incoming_rows")
        con.unregister("incoming_rows")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return rows.num_rows


def ensure_tables(con: duckdb.DuckDBPyConnection, tables: Sequence[tuple[str, pa.Schema]]) -> None:
    """Create these tables from their schemas when missing. When any one's columns differ from
    its schema (a new release), all of them start over: they are written together, and whatever
    filled them is run again (extraction re-runs anyway when its version changes)."""
    con.execute("create schema if not exists raw")
    for table, schema in tables:
        schema_name, name = table.split(".")
        columns = [row[0] for row in con.execute(
            "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
            "order by ordinal_position", [schema_name, name]).fetchall()]
        if columns and columns != schema.names:
            for stale, _ in tables:
                con.execute(f"drop table if exists {stale}")
            break
    for table, schema in tables:
        con.register("empty_rows", pa.Table.from_pylist([], schema=schema))
        con.execute(f"create table if not exists {table} as select * from empty_rows")
        con.unregister("empty_rows")
