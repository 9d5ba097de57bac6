"""Incremental reading of the raw folder: which files are new, changed or gone.

Pure logic with no Dagster imports; the ingest asset is a thin wrapper around ``plan_ingest``
and ``read_files``.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from clusterhouse.documents import RejectedFile, SourceDocument, discover_files, read_file

# Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 64


@dataclass(frozen=True)
class FileState:
    path: str  # relative to the raw root, POSIX separators
    file_sha256: str
    size_bytes: int


@dataclass(frozen=True)
class IngestPlan:
    to_read: list[FileState]
    removed: list[str]
    unchanged: int


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def scan(raw_root: Path) -> list[FileState]:
    return [
        FileState(path.relative_to(raw_root).as_posix(), file_sha256(path), path.stat().st_size)
        for path in discover_files(raw_root)
    ]


def plan_ingest(current: list[FileState], known: dict[str, str]) -> IngestPlan:
    """Compare the files on disk with ``known`` (path -> sha256 of the last load)."""
    to_read = [state for state in current if known.get(state.path) != state.file_sha256]
    present = {state.path for state in current}
    removed = sorted(path for path in known if path not in present)
    return IngestPlan(to_read=to_read, removed=removed, unchanged=len(current) - len(to_read))


def _read_one(args: tuple[str, str]) -> tuple[list[SourceDocument], list[RejectedFile]]:
    path, root = args
    try:
        return read_file(Path(path), Path(root))
    except Exception as exc:  # noqa: BLE001 - read_file reports bad input itself; this is the last guard
        relative = Path(path).relative_to(root).as_posix()
        return [], [RejectedFile(relative, f"unexpected error while reading: {type(exc).__name__}: {exc}")]


def read_files(
    raw_root: Path, states: list[FileState], workers: int
) -> tuple[list[SourceDocument], list[RejectedFile]]:
    jobs = [(str(raw_root / state.path), str(raw_root)) for state in states]
    if workers > 1 and len(jobs) >= PARALLEL_THRESHOLD:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_read_one, jobs, chunksize=16))
    else:
        results = [_read_one(job) for job in jobs]
    documents = [doc for docs, _ in results for doc in docs]
    rejected = [rej for _, rejs in results for rej in rejs]
    return documents, rejected


@dataclass
class IngestRows:
    """The rows one ingest writes: documents read, what could not be read, and the files' states."""

    documents: list[dict] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)
    files: list[dict] = field(default_factory=list)


def ingest_rows(
    plan: IngestPlan, documents: list[SourceDocument], rejected: list[RejectedFile], now: datetime
) -> IngestRows:
    """Rows for raw.documents, raw.rejected_files and raw.source_files from one read of the plan.

    A file is ``loaded``, ``rejected`` (nothing in it could be read) or ``partly_rejected`` (some
    records of a JSON file were bad)."""
    sha_by_path = {state.path: state.file_sha256 for state in plan.to_read}
    docs_per_file: dict[str, int] = {}
    for doc in documents:
        docs_per_file[doc.path] = docs_per_file.get(doc.path, 0) + 1
    rows = IngestRows(documents=[{**doc.__dict__, "loaded_at": now} for doc in documents])
    rejected_sources: set[str] = set()
    for rejection in rejected:
        source = rejection.path if rejection.path in sha_by_path else rejection.path.rsplit("#", 1)[0]
        rejected_sources.add(source)
        rows.rejected.append({"source_path": source, "path": rejection.path, "reason": rejection.reason,
                              "file_sha256": sha_by_path.get(source), "rejected_at": now})
    for state in plan.to_read:
        count = docs_per_file.get(state.path, 0)
        status = "loaded" if state.path not in rejected_sources else ("partly_rejected" if count else "rejected")
        rows.files.append({"path": state.path, "file_sha256": state.file_sha256, "size_bytes": state.size_bytes,
                           "status": status, "document_count": count, "loaded_at": now})
    return rows
