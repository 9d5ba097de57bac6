"""Incremental reading of the raw folder: which files are new, changed or gone.

Pure logic with no Dagster imports; the ingest asset is a thin wrapper around ``plan_ingest``
and ``read_files``.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from orchestration.documents import RejectedFile, SourceDocument, discover_files, read_file

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
