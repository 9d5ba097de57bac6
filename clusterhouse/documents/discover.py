"""Finding the source files under the raw folder."""

from __future__ import annotations

from pathlib import Path

from clusterhouse.documents.readers import READERS

SUPPORTED_SUFFIXES = frozenset(READERS)


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def discover_files(raw_root: Path, include_unsupported: bool = False) -> list[Path]:
    """Every supported file under `raw_root` at any depth, sorted, hidden files and folders skipped.

    With `include_unsupported`, other (non-hidden) files are listed too, so that the caller can
    record them as rejected ("unsupported file type .docx") instead of silently ignoring them.
    """
    raw_root = Path(raw_root)
    found = []
    for path in raw_root.rglob("*"):
        if not path.is_file() or _is_hidden(path.relative_to(raw_root)):
            continue
        if include_unsupported or path.suffix.lower() in SUPPORTED_SUFFIXES:
            found.append(path)
    return sorted(found)

