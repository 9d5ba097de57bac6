"""Incremental reading of the raw folder: which files are new, changed or gone.

Pure logic with no Dagster imports; the ingest asset is a thin wrapper around ``scan``,
``plan_ingest``, ``read_files`` and ``ingest_rows``.

A file's *fingerprint* is what a refresh compares with the last one: the SHA-256 of its content
for a file that is read, and a digest of the reason, size and time for a file that is refused
without being opened (a link outside the raw folder, a file over the size limit...). Unchanged
files are neither read nor written again, so two refreshes in a row change nothing.

The content hash stays the identity, but a file is hashed only when its *stamp* (size,
modification time and the file it is, for a link) differs from the one recorded when it was last
hashed: a quiet night lists the folder and reads nothing. A file touched but not changed is
hashed, found unchanged, and only its new stamp is recorded.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from clusterhouse.documents.build import read_bytes
from clusterhouse.documents.discover import Found, open_inside, read_inside, too_large, walk_raw_folder
from clusterhouse.documents.model import RejectedFile, SourceDocument, UnreadableFile
from clusterhouse.settings import Limits
from clusterhouse.workers import Stopped, bounded_map


class FileState(NamedTuple):
    """What a scan found at a path (a named tuple: one is made for every file every night)."""

    path: str  # relative to the raw root, POSIX separators
    fingerprint: str
    size_bytes: int
    file_sha256: str | None = None  # the content hash, for a file that can be read
    real: str | None = None  # the regular file to read (relative to the real raw root)
    refused: str | None = None  # why it is not read at all
    stamp: str | None = None  # size, mtime and real path when it was hashed (see file_stamp)


@dataclass(frozen=True)
class IngestPlan:
    to_read: list[FileState]  # new or changed (refused ones included: their reason is recorded)
    removed: list[str]
    unchanged: int
    restamped: list[FileState] = field(default_factory=list)  # same content, new stamp (touched)


def file_sha256(raw_root: Path | str, real: str, max_bytes: int) -> tuple[str, int]:
    """Content hash and size of a file inside the raw folder, opened without following links."""
    digest = hashlib.sha256()
    with os.fdopen(open_inside(raw_root, real), "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise UnreadableFile(too_large(size, max_bytes))
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest(), size


def _refused_fingerprint(entry: Found, reason: str) -> str:
    return "refused:" + hashlib.sha256(f"{reason}|{entry.size}|{entry.mtime_ns}".encode()).hexdigest()[:24]


# A file modified this recently may change again within the same clock tick, keeping its size and
# time: its stamp is not trusted (not recorded), so the next refresh hashes it once more.
RECENT_NS = 2_000_000_000


def file_stamp(entry: Found, now_ns: int | None = None) -> str | None:
    """What changes when a file may have: its size, modification time, and the file it is; None
    for a file modified in the last two seconds."""
    now_ns = time.time_ns() if now_ns is None else now_ns
    if now_ns - entry.mtime_ns < RECENT_NS:
        return None
    return f"{entry.size}|{entry.mtime_ns}|{entry.real}"


def _is_content_hash(fingerprint: str | None) -> bool:
    return fingerprint is not None and len(fingerprint) == 64 and ":" not in fingerprint


def arrival_date(entry: Found) -> date:
    """The day (UTC) a file arrived in the raw folder: the day it was last written."""
    return datetime.fromtimestamp(entry.mtime_ns / 1e9, timezone.utc).date()


def scan(raw_root: Path, limits: Limits | None = None,
         seen: dict[str, tuple[str, str | None]] | None = None,
         only: Callable[[Found], bool] | None = None) -> list[FileState]:
    """The state of every entry of the raw folder (or of those ``only`` keeps); only files that can
    be read are hashed, and of those only the ones whose stamp differs from ``seen`` (path ->
    fingerprint and stamp of the last load): an unchanged stamp keeps the fingerprint recorded then."""
    limits = limits or Limits()
    seen = seen or {}
    states = []
    now_ns = time.time_ns()
    for entry in walk_raw_folder(raw_root):
        if only is not None and not only(entry):
            continue
        reason = entry.refused
        if reason is None and entry.size > limits.max_file_bytes:
            reason = too_large(entry.size, limits.max_file_bytes)
        if reason is None:
            stamp = file_stamp(entry, now_ns)
            fingerprint, seen_stamp = seen.get(entry.path, (None, None))
            if stamp is not None and seen_stamp == stamp and _is_content_hash(fingerprint):
                states.append(FileState(entry.path, fingerprint, entry.size, fingerprint, entry.real, stamp=stamp))
                continue
            try:
                sha, size = file_sha256(raw_root, entry.real, limits.max_file_bytes)
                states.append(FileState(entry.path, sha, size, sha, entry.real, stamp=stamp))
                continue
            except UnreadableFile as error:
                reason = str(error)
        states.append(FileState(entry.path, _refused_fingerprint(entry, reason), entry.size, refused=reason))
    return states


def plan_ingest(current: list[FileState], known: dict[str, str],
                known_stamps: dict[str, str | None] | None = None) -> IngestPlan:
    """Compare the files on disk with ``known`` (path -> fingerprint of the last load; files
    already marked removed are not in it, so a file that comes back is read again). With
    ``known_stamps`` (path -> stamp recorded), unchanged files whose stamp moved are listed in
    ``restamped``, so that the next refresh does not hash them again."""
    to_read = [state for state in current if known.get(state.path) != state.fingerprint]
    present = {state.path for state in current}
    removed = sorted(path for path in known if path not in present)
    restamped = [] if known_stamps is None else [
        state for state in current
        if known.get(state.path) == state.fingerprint and state.stamp and known_stamps.get(state.path) != state.stamp]
    return IngestPlan(to_read=to_read, removed=removed, unchanged=len(current) - len(to_read), restamped=restamped)


@dataclass(frozen=True)
class _ReadJob:
    raw_root: str
    state: FileState
    limits: Limits


@dataclass(frozen=True)
class ReadResult:
    path: str
    documents: list[SourceDocument]
    rejected: list[RejectedFile]
    file_sha256: str | None  # of the bytes actually read (the file may have changed since the scan)


def _read_one(job: _ReadJob) -> ReadResult:
    state = job.state
    try:
        if state.refused:
            raise UnreadableFile(state.refused)
        data = read_inside(job.raw_root, state.real, job.limits.max_file_bytes)
    except UnreadableFile as error:
        return ReadResult(state.path, [], [RejectedFile(state.path, str(error))], None)
    documents, rejected = read_bytes(data, state.path, job.limits)
    return ReadResult(state.path, documents, rejected, hashlib.sha256(data).hexdigest())


def _warm_up() -> None:
    """Load what reading needs before the workers fork, so that they inherit it instead of each
    loading it again for every batch: the language detector, the date words, the HTML extractor
    (importing trafilatura: 0.24 s) and its fallback's word lists (0.2-0.4 s, loaded by the first
    page that needs the fallback, which one in every few hundred pages does)."""
    read_bytes(b"Warm-up\n\nPublished 2024-01-02. " + _WARM_UP_TEXT, "warm-up.txt")
    _warm_up_html()


# as long as an article, so that it loads the language detector articles use (a short text would
# load the other: clusterhouse/documents/language.py)
_WARM_UP_TEXT = (b"The hardware industry of Yongkang grew again last year. Its workshops make pots, locks, "
                 b"scales and electric tools, most of them for buyers abroad, and the county counts its "
                 b"enterprises in the thousands and its workers in the hundreds of thousands.")


@lru_cache(maxsize=1)
def _warm_up_html() -> None:
    from trafilatura.external import jt_stoplist_init

    read_bytes(b"<html><body><p>" + _WARM_UP_TEXT + b"</p></body></html>", "warm-up.html")
    jt_stoplist_init()


def read_files(raw_root: Path, states: list[FileState], workers: int,
               limits: Limits | None = None) -> list[ReadResult]:
    """Read these files in worker processes, each within the time and memory limits."""
    limits = limits or Limits()
    jobs = [_ReadJob(str(raw_root), state, limits) for state in states]
    outcomes = bounded_map(_read_one, jobs, workers=workers, seconds=limits.seconds_per_document,
                           memory_bytes=limits.worker_memory_bytes, what="reading the file",
                           items_per_worker=16,
                           prepare=_warm_up)
    return [
        outcome if not isinstance(outcome, Stopped)
        else ReadResult(job.state.path, [], [RejectedFile(job.state.path, outcome.reason)], None)
        for job, outcome in zip(jobs, outcomes)
    ]


@dataclass
class IngestRows:
    """The rows one ingest writes: documents read, what could not be read, and the files' states."""

    documents: list[dict] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)
    files: list[dict] = field(default_factory=list)


def ingest_rows(plan: IngestPlan, results: list[ReadResult], now: datetime) -> IngestRows:
    """Rows for raw.documents, raw.rejected_files and raw.source_files from one read of the plan.

    A file is ``loaded``, ``rejected`` (nothing in it could be read) or ``partly_rejected`` (some
    records of a JSON file were bad). Its fingerprint is that of the bytes actually read, so a
    file that changed between the scan and the read is compared with what was loaded."""
    by_path = {result.path: result for result in results}
    rows = IngestRows()
    for state in plan.to_read:
        result = by_path[state.path]
        sha = result.file_sha256 or state.file_sha256
        rows.documents.extend({**doc.__dict__, "loaded_at": now} for doc in result.documents)
        for rejection in result.rejected:
            rows.rejected.append({"source_path": state.path, "path": rejection.path,
                                  "reason": rejection.reason, "file_sha256": sha, "rejected_at": now})
        count = len(result.documents)
        status = "loaded" if not result.rejected else ("partly_rejected" if count else "rejected")
        # a file refused unopened keeps its fingerprint; one that could not be read this time
        # (gone, locked, stopped) gets none that matches, so the next refresh tries it again
        retry = f"retry:{now.isoformat()}"
        fingerprint = state.fingerprint if state.refused else (result.file_sha256 or retry)
        # the stamp of the scan: a file that changed since is hashed again next time
        rows.files.append({"path": state.path, "file_sha256": sha, "fingerprint": fingerprint,
                           "size_bytes": state.size_bytes, "status": status, "document_count": count,
                           "loaded_at": now, "removed_at": None, "stamp": state.stamp})
    return rows
