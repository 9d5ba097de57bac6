"""Analysts' queries: the published warehouse, read-only, with no access to the machine's files.

DuckDB can read and write any file the user can (``read_text('/etc/passwd')``, ``COPY … TO``),
install extensions and attach other databases. ``clusterhouse sql`` is for reading the warehouse:
the connection is read-only, ``enable_external_access`` is off and the configuration is locked,
so no query can turn it back on. ``allow_files`` (``--allow-files``) lifts the file restriction for
a user who asks for it; the warehouse stays read-only either way.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

# Statements that only read. Everything else would change the warehouse (refused by the read-only
# connection anyway, with a less helpful message) or the machine's files.
_READING = {"SELECT", "EXPLAIN", "PRAGMA", "CALL"}
_WRITING_FILES = {"COPY", "EXPORT"}


class QueryRefused(Exception):
    """A statement `clusterhouse sql` does not run; the message is one line for the user."""


def connect_for_analysts(path: Path, allow_files: bool = False) -> duckdb.DuckDBPyConnection:
    config = {"autoinstall_known_extensions": False, "autoload_known_extensions": allow_files}
    if not allow_files:
        config |= {"enable_external_access": False, "lock_configuration": True}
    return duckdb.connect(str(path), read_only=True, config=config)


def _statement_type(statement) -> str:
    return str(statement.type).rsplit(".", 1)[-1].upper()


def check_statements(con: duckdb.DuckDBPyConnection, query: str, allow_files: bool = False) -> None:
    """Raise QueryRefused for a statement that would write the warehouse or, without
    ``allow_files``, read or write files."""
    try:
        statements = con.extract_statements(query)
    except duckdb.Error as error:
        raise QueryRefused(f"query failed: {one_line(error)}") from error
    for statement in statements:
        kind = _statement_type(statement)
        if kind in _READING or (allow_files and kind in _WRITING_FILES):
            continue
        if kind in _WRITING_FILES:
            raise QueryRefused(f"clusterhouse sql is read-only: {kind} writes files; add --allow-files "
                               "to let this query read and write files on this machine")
        raise QueryRefused(f"clusterhouse sql is read-only: a {kind} statement would change the warehouse "
                           "(only `clusterhouse refresh` writes it)")


def one_line(error: Exception) -> str:
    message = " ".join(str(error).split("\n", 1)[0].split())
    if "file system operations are disabled" in message or "external extensions is disabled" in message:
        message += " (files are off for queries; add --allow-files to let this query read files)"
    return message


def run_query(path: Path, query: str, allow_files: bool = False) -> tuple[list[str], list[tuple]]:
    """Columns and rows of one read-only query. Raises QueryRefused with a one-line message."""
    con = connect_for_analysts(path, allow_files)
    try:
        check_statements(con, query, allow_files)
        cursor = con.execute(query)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        rows = cursor.fetchall() if columns else []
    except duckdb.Error as error:
        raise QueryRefused(f"query failed: {one_line(error)}") from error
    finally:
        con.close()
    return columns, rows
