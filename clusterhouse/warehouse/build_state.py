"""What a build was made from, so that a night with nothing new costs seconds.

A refresh reads new files and extracts new documents incrementally; what used to grow with the
corpus on a quiet night was the rest: `dbt build` of every model and the exports written again.
The *input fingerprint* is a hash of everything the dbt build reads (the content of every dbt
source table, the files of the dbt project) and of the versions that shape its output. After a
green build it is stored in the warehouse itself (``raw.build_fingerprint``), so it is published
with the marts it describes; each export leaves a marker with the fingerprint it was written
from. When the build, the published warehouse and every export already carry the fingerprint of
the current inputs, there is nothing to rebuild.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Sequence
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

import duckdb

from clusterhouse.warehouse.connect import connect

FINGERPRINT_TABLE = "raw.build_fingerprint"
MODELS_TABLE = "raw.build_model_digest"  # the dbt project and code the fingerprinted build was made by
# dbt's own files; target/, logs/ and dbt_packages/ are what dbt writes, not what it reads
PROJECT_GLOBS = ("models/**/*", "seeds/**/*", "macros/**/*", "tests/**/*", "analyses/**/*", "*.yml")
# the code that turns the same rows into other marts or files
VERSIONED_PACKAGES = ("clusterhouse", "dbt-core", "dbt-duckdb", "duckdb")
MARKER_DIR = ".built_from"
PARTIAL_PARSE_FILE = "partial_parse.msgpack"


def saved_partial_parse(build_path: Path, project_dir: Path) -> Path:
    """Where dbt's parse of the project for this build warehouse is kept between invocations.

    dbt reparses the whole project (~3 s) unless its target folder holds a `partial_parse.msgpack`
    made with the same profile and vars; the profile names the build warehouse, so each warehouse
    keeps its own, beside it. The parse also holds the project's absolute path (dbt-duckdb loads a
    seed from it) and dbt does not notice a moved project: each project folder keeps its own."""
    folder = hashlib.sha256(str(Path(project_dir).resolve()).encode()).hexdigest()[:12]
    return build_path.with_name(f"{build_path.name}.dbt_{folder}_{PARTIAL_PARSE_FILE}")


def reuse_partial_parse(build_path: Path, target_path: Path, project_dir: Path) -> None:
    """Put this warehouse's last parse of the project into a dbt target folder about to be used."""
    saved = saved_partial_parse(build_path, project_dir)
    if saved.exists():
        target_path.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(saved, target_path / PARTIAL_PARSE_FILE)


def keep_partial_parse(build_path: Path, target_path: Path, project_dir: Path) -> None:
    """Keep the parse a dbt invocation of the project left in its target folder for the next one."""
    made = target_path / PARTIAL_PARSE_FILE
    if made.exists():
        saved = saved_partial_parse(build_path, project_dir)
        tmp = saved.with_name(saved.name + ".tmp")
        shutil.copyfile(made, tmp)
        os.replace(tmp, saved)


def source_tables(manifest_path: Path) -> list[str]:
    """`schema.table` of every dbt source a model, seed or test reads, from dbt's manifest.

    A source nothing reads (raw.source_files: the scan's own bookkeeping, touched when a file is)
    does not count."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    read = {parent for node in manifest["nodes"].values() for parent in node.get("depends_on", {}).get("nodes", [])}
    return sorted(f"{source['schema']}.{source['identifier']}"
                  for unique_id, source in manifest["sources"].items() if unique_id in read)


def project_files(project_dir: Path) -> list[Path]:
    """The files of the dbt project that dbt reads (its models, seeds, macros, tests, analyses, YAML).
    Hidden files are not: dbt writes .user.yml, an id of its own, into the profiles folder."""
    return sorted({path for pattern in PROJECT_GLOBS for path in project_dir.glob(pattern)
                   if path.is_file() and not any(part.startswith(".") for part in path.relative_to(project_dir).parts)})


def project_digest(project_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in project_files(project_dir):
        digest.update(str(path.relative_to(project_dir)).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _table_digest(con: duckdb.DuckDBPyConnection, table: str) -> str:
    exists = con.execute("select count(*) from duckdb_tables() where schema_name || '.' || table_name = ?",
                         [table]).fetchone()[0]
    if not exists:
        return "missing"
    # order-free: the sum of every row's hash, with the count (DuckDB hashes in parallel, ~1 GB/s)
    count, total = con.execute(f"select count(*), coalesce(sum(hash(t)::hugeint), 0) from {table} t").fetchone()
    return f"{count}:{total}"


def _versions() -> str:
    found = []
    for package in VERSIONED_PACKAGES:
        try:
            found.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            found.append(f"{package}==?")
    return ",".join(found)


def model_digest(project_dir: Path) -> str:
    """The hash of what turns the same rows into marts: the dbt project's files and the versions
    of the code. The incremental models may build on the last build's tables only while it holds."""
    return hashlib.sha256((_versions() + project_digest(project_dir)).encode()).hexdigest()


def input_fingerprint(con: duckdb.DuckDBPyConnection, tables: list[str], project_dir: Path,
                      models: str | None = None) -> str:
    """The hash of what a dbt build of this warehouse would read: the tables' rows, and what turns
    them into marts (``models``, the project's ``model_digest``, made here unless given)."""
    digest = hashlib.sha256()
    digest.update((models or model_digest(project_dir)).encode())
    for table in tables:
        digest.update(f"{table}={_table_digest(con, table)};".encode())
    return digest.hexdigest()


def record_fingerprint(con: duckdb.DuckDBPyConnection, fingerprint: str | None, models: str | None = None) -> None:
    """Store the fingerprint of a green build, and the ``model_digest`` it was built with; None
    before a build starts, so that a build that dies half-way is never taken for a finished one.

    The model digest is kept in a table of its own, beside the fingerprint it goes with: a release
    before it writes two columns into raw.build_fingerprint, so that table keeps them (a rollback
    still builds), and a build by such a release leaves a fingerprint no model digest goes with."""
    con.execute(f"create table if not exists {FINGERPRINT_TABLE} (fingerprint varchar, built_at timestamptz)")
    con.execute(f"alter table {FINGERPRINT_TABLE} drop column if exists model_digest")  # put there by 118bb81
    con.execute(f"create table if not exists {MODELS_TABLE} (fingerprint varchar, model_digest varchar)")
    con.execute(f"delete from {FINGERPRINT_TABLE}")
    con.execute(f"delete from {MODELS_TABLE}")
    if fingerprint is not None:
        con.execute(f"insert into {FINGERPRINT_TABLE} values (?, ?)", [fingerprint, datetime.now(timezone.utc)])
        if models is not None:
            con.execute(f"insert into {MODELS_TABLE} values (?, ?)", [fingerprint, models])


def recorded_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    """The fingerprint stored with this warehouse's last green build; None when there is none."""
    try:
        row = con.execute(f"select fingerprint from {FINGERPRINT_TABLE}").fetchone()
    except duckdb.CatalogException:
        return None
    return row[0] if row else None


def builds_on_last_build(con: duckdb.DuckDBPyConnection, models: str) -> bool:
    """Whether dbt's incremental models may add to the tables of this warehouse's last build: it
    ended green (a build that failed or died leaves no fingerprint) and was made by the same dbt
    project and code (``models``, a model_digest). Otherwise the build must be a full refresh."""
    try:
        row = con.execute(f"""select models.model_digest from {FINGERPRINT_TABLE} as built
                              join {MODELS_TABLE} as models using (fingerprint)""").fetchone()
    except duckdb.CatalogException:
        return False
    return row is not None and row[0] == models


def published_fingerprint(warehouse_path: Path) -> str | None:
    """The fingerprint the published file carries; None when there is no file or none in it."""
    if not warehouse_path.exists():
        return None
    try:
        with connect(warehouse_path, read_only=True) as con:
            return recorded_fingerprint(con)
    except duckdb.Error:
        return None


def write_export_marker(export_dir: Path, export: str, fingerprint: str | None, files: Sequence[Path] = ()) -> None:
    """Remember which build an export was written from (after it was written whole), and the
    files it wrote: one deleted since makes the export stale (``missing_export_files``)."""
    if fingerprint is None:
        return
    folder = export_dir / MARKER_DIR
    folder.mkdir(parents=True, exist_ok=True)
    names = [os.path.relpath(path, export_dir) for path in files]
    (folder / export).write_text("\n".join([fingerprint, *names]) + "\n", encoding="utf-8")


def _marker_lines(export_dir: Path, export: str) -> list[str]:
    try:
        text = (export_dir / MARKER_DIR / export).read_text(encoding="utf-8")
    except OSError:
        return []
    return [line for line in text.splitlines() if line]


def export_marker(export_dir: Path, export: str) -> str | None:
    """The fingerprint of the build the export was written from (the marker's first line)."""
    lines = _marker_lines(export_dir, export)
    return lines[0] if lines else None


def missing_export_files(export_dir: Path, export: str) -> list[str]:
    """The files the export wrote that are no longer there (a marker written before markers named
    their files names none)."""
    return [name for name in _marker_lines(export_dir, export)[1:] if not (export_dir / name).exists()]


def stale_outputs(fingerprint: str, build_con: duckdb.DuckDBPyConnection, published_path: Path,
                  export_dir: Path, exports: list[str]) -> list[str]:
    """What does not yet reflect the inputs with this fingerprint: the build, the published
    warehouse, any of ``exports`` (also one whose files were deleted since). Empty: a rebuild
    would write the same things again."""
    stale = []
    if recorded_fingerprint(build_con) != fingerprint:
        stale.append("build")
    if published_fingerprint(published_path) != fingerprint:
        stale.append("published warehouse")
    stale.extend(export for export in exports
                 if export_marker(export_dir, export) != fingerprint or missing_export_files(export_dir, export))
    return stale
