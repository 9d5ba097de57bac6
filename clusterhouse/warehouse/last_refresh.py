"""What the last complete refresh was made from, so that a night with nothing new starts no run.

A refresh with nothing new finds, step after step, that there is nothing to do, and still costs
~20 s at 100,000 documents, most of it fixed: importing Dagster and dbt, and creating a run with
its ~165 events. After a refresh that ran every asset of the job and succeeded,
`clusterhouse refresh` records the *refresh inputs* it started from and the build fingerprint it
published (build_state.py). The inputs are a digest of:

- the raw folder's listing: each entry's path, size, modification time, the file it is and why it
  was refused, the stamp by which ingest decides to read a file again (inventory.file_stamp);
- the settings that say what is read and where it is written (folders, paths, limits);
- the code and data of the refresh (``clusterhouse/``, ``orchestration/``) and the dbt project
  with the versions of the packages that shape the marts (build_state.model_digest).

The next `clusterhouse refresh` computes the digest first. When it is the recorded one, and the
build, the published warehouse and every export still carry the recorded fingerprint, a run would
read nothing, extract nothing and build nothing: none is started. Anything else, including a
record that is missing or unreadable, starts the run as before, which decides step by step.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from clusterhouse.documents.discover import walk_raw_folder
from clusterhouse.documents.inventory import file_stamp
from clusterhouse.settings import PROJECT_ROOT, Settings
from clusterhouse.warehouse.build_state import model_digest, recorded_fingerprint, stale_outputs
from clusterhouse.warehouse.connect import connect

RECORD_NAME = "last_refresh.json"
CODE_FOLDERS = ("clusterhouse", "orchestration")


@dataclass(frozen=True)
class LastRefresh:
    inputs: str  # the digest of refresh_inputs
    fingerprint: str  # the build fingerprint it published
    exports: list[str]  # the exports it wrote
    finished_at: str  # ISO 8601, UTC


def record_path(settings: Settings) -> Path:
    """Beside the build copy: the record describes it, and goes when it goes."""
    return settings.build_path.with_name(RECORD_NAME)


def _listing_digest(raw_dir: Path) -> str | None:
    """The raw folder's listing, as ingest compares it; None when a file was written in the last
    two seconds (it may change again within the same clock tick, keeping its size and time)."""
    digest = hashlib.sha256()
    for entry in walk_raw_folder(raw_dir):
        stamp = file_stamp(entry)
        if stamp is None:
            return None
        digest.update(f"{entry.path}\0{stamp}\0{entry.refused or ''}\n".encode())
    return digest.hexdigest()


def _code_digest(root: Path = PROJECT_ROOT) -> str:
    digest = hashlib.sha256()
    for folder in CODE_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


def refresh_inputs(settings: Settings) -> str | None:
    """The digest of what a refresh starts from; None when it cannot be trusted or taken (a file
    being written, no raw folder): such a refresh always runs."""
    if not settings.raw_dir.is_dir():
        return None
    listing = _listing_digest(settings.raw_dir)
    if listing is None:
        return None
    where = {"raw_dir": str(settings.raw_dir), "warehouse_path": str(settings.warehouse_path),
             "build_path": str(settings.build_path), "export_dir": str(settings.export_dir),
             "limits": asdict(settings.limits)}
    digest = hashlib.sha256()
    for part in (listing, json.dumps(where, sort_keys=True), _code_digest(),
                 model_digest(settings.dbt_project_dir)):
        digest.update(part.encode() + b"\n")
    return digest.hexdigest()


def forget_refresh(settings: Settings) -> None:
    """A run is starting: until it ends green, nothing may be skipped on the strength of the last."""
    record_path(settings).unlink(missing_ok=True)


def record_refresh(settings: Settings, inputs: str, exports: list[str]) -> LastRefresh | None:
    """Remember a refresh that ran every asset and succeeded; None, and nothing recorded, when its
    build has no fingerprint or cannot be read (a run launched from the UI writing it already):
    the next refresh then starts a run, as without a record."""
    try:
        with connect(settings.build_path, read_only=True) as con:
            fingerprint = recorded_fingerprint(con)
    except duckdb.Error:
        return None
    if fingerprint is None:
        return None
    record = LastRefresh(inputs, fingerprint, sorted(exports), datetime.now(timezone.utc).isoformat(timespec="seconds"))
    path = record_path(settings)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_text(json.dumps(asdict(record), indent=1) + "\n", encoding="utf-8")
    os.replace(partial, path)
    return record


def _read_record(settings: Settings) -> LastRefresh | None:
    try:
        return LastRefresh(**json.loads(record_path(settings).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None  # missing, half-written by hand, or of another version: the run decides


def unchanged_since_last_refresh(settings: Settings, inputs: str | None) -> LastRefresh | None:
    """The last refresh, when a run started now would have nothing to do; else None."""
    record = _read_record(settings)
    if inputs is None or record is None or record.inputs != inputs:
        return None
    try:
        with connect(settings.build_path, read_only=True) as con:
            stale = stale_outputs(record.fingerprint, con, settings.warehouse_path, settings.export_dir,
                                  record.exports)
    except duckdb.Error:
        return None  # no build copy, or a run writing it now
    return None if stale else record
