"""Finding the source files under the raw folder, and opening them without leaving it.

The raw folder collects whatever a crawler dropped, so nothing in it is trusted:

- a link is resolved; one that leads outside the raw folder, loops, or points nowhere is refused
  with the reason and never opened (a link to a file inside the folder is read under its own name);
- named pipes, sockets and devices are refused (reading a pipe would wait forever);
- a name that is not valid UTF-8 is refused (shown with its bytes escaped);
- files of other types are refused ("unsupported file type .docx"), hidden ones skipped.

``open_inside`` opens a file found here one path component at a time, following no link, so a
file swapped for a link between the scan and the read is refused too, never followed.
"""

from __future__ import annotations

import errno
import os
import stat
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from clusterhouse.documents.model import UnreadableFile
from clusterhouse.documents.readers import READERS

SUPPORTED_SUFFIXES = frozenset(READERS)

_SPECIAL_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
                  (stat.S_ISBLK, "a device"))


class Found(NamedTuple):
    """One entry of the raw folder: a file to read (``real`` is set) or one refused (``refused``).
    A named tuple: made three times faster than a frozen dataclass, once per file every night."""

    path: str  # relative to the raw root, POSIX separators: the name a user sees (a link's own name)
    real: str | None  # the regular file it leads to, relative to the real raw root
    size: int
    mtime_ns: int
    refused: str | None = None


def printable_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as surrogates) shown as \\xNN."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _kind(mode: int) -> str | None:
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return next((label for test, label in _SPECIAL_KINDS if test(mode)), "not a regular file")


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def walk_raw_folder(raw_root: Path, include_unsupported: bool = True) -> list[Found]:
    """Every entry under ``raw_root`` at any depth, sorted by path, hidden ones skipped."""
    root = os.path.realpath(raw_root)
    found: list[Found] = []
    visited = {root}

    def walk(directory: str, relative: str, ancestors: frozenset[str], real_directory: str) -> None:
        # where this folder really is, relative to the real root: a file in it that is no link is
        # found there without resolving its path again (realpath per file was half a quiet night)
        real_prefix = os.path.relpath(real_directory, root).replace(os.sep, "/")
        real_prefix = "" if real_prefix == "." else real_prefix + "/"
        try:
            entries = sorted(os.scandir(directory), key=attrgetter("name"))
        except OSError as error:
            found.append(Found(relative or ".", None, 0, 0, f"cannot list folder: {error.strerror or error}"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            # most names are ASCII, and ASCII is valid UTF-8
            name = entry.name if entry.name.isascii() else printable_name(entry.name)
            shown = f"{relative}/{name}" if relative else name
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                found.append(Found(shown, None, 0, 0, "file disappeared before it was read"))
                continue
            if name != entry.name:
                found.append(_refused(shown, info, "file name is not valid UTF-8: rename it"))
                continue
            target, target_info = entry.path, info
            if stat.S_ISLNK(info.st_mode):
                resolved = _resolve_link(entry.path, root, ancestors)
                if isinstance(resolved, str) and resolved.startswith("!"):
                    found.append(_refused(shown, info, resolved[1:]))
                    continue
                target = resolved
                target_info = os.stat(target)
            if stat.S_ISDIR(target_info.st_mode):
                if target != entry.path:
                    loop = "link loop: this link leads back to a folder that contains it"
                    if target in ancestors:
                        found.append(_refused(shown, info, loop))
                        continue
                    if target in visited:
                        read_as = os.path.relpath(target, root)
                        found.append(_refused(shown, info, f"link to a folder already read as {read_as}"))
                        continue
                real_dir = os.path.realpath(target)
                visited.add(real_dir)
                walk(target, shown, ancestors | {real_dir}, real_dir)
                continue
            kind = _kind(target_info.st_mode)
            if kind is not None:
                found.append(_refused(shown, info, f"{kind}, not a regular file: not read"))
                continue
            dot = entry.name.rfind(".")  # os.path.splitext's suffix (hidden names were skipped), faster
            suffix = entry.name[dot:].lower() if dot > 0 else ""
            if suffix not in SUPPORTED_SUFFIXES:
                if include_unsupported:
                    found.append(_refused(shown, info, f"unsupported file type {suffix or '(no extension)'}"))
                continue
            if target == entry.path:
                real = real_prefix + entry.name
            else:
                real = Path(os.path.relpath(os.path.realpath(target), root)).as_posix()
            found.append(Found(shown, real, target_info.st_size, target_info.st_mtime_ns))

    walk(root, "", frozenset({root}), root)
    return sorted(found, key=lambda entry: entry.path)


def _refused(shown: str, info: os.stat_result, reason: str) -> Found:
    return Found(shown, None, info.st_size, info.st_mtime_ns, reason)


def _resolve_link(path: str, root: str, ancestors: frozenset[str]) -> str:
    """Where a link leads, or "!reason" when it must not be followed."""
    try:
        target = os.path.realpath(path, strict=True)
    except FileNotFoundError:
        return "!broken link: its target does not exist"
    except (OSError, RuntimeError) as error:
        if isinstance(error, RuntimeError) or error.errno == errno.ELOOP:
            return "!link loop: the link leads back to itself"
        return f"!cannot follow link: {error.strerror or error}"
    if not _inside(target, root):
        return f"!link to {target}, outside the raw folder: not read"
    if target in ancestors:
        return "!link loop: this link leads back to a folder that contains it"
    return target


def discover_files(raw_root: Path, include_unsupported: bool = False) -> list[Path]:
    """The files a refresh reads under ``raw_root`` (links inside the folder by their own name).

    With ``include_unsupported``, files of other types are listed too, so that the caller can
    record them as rejected ("unsupported file type .docx") instead of silently ignoring them.
    """
    raw_root = Path(raw_root)
    def listed(entry: Found) -> bool:
        unsupported = (entry.refused or "").startswith("unsupported")
        return entry.real is not None or (include_unsupported and unsupported)

    return [raw_root / entry.path for entry in walk_raw_folder(raw_root, include_unsupported) if listed(entry)]


# Kept as a module attribute so that tests running as root (who may read anything) can make one
# file unreadable.
_open = os.open


def open_inside(raw_root: Path | str, real: str) -> int:
    """A read-only descriptor of the regular file ``real`` (relative to the real raw root),
    opened one component at a time without following any link below the root. Raises
    UnreadableFile. The root itself is opened as given: the kernel follows its links to the real
    folder, as resolving it first did (which was a quarter of scanning 88,000 new files)."""
    parts = [part for part in Path(real).parts if part not in ("", ".")]
    if not parts or ".." in parts:
        raise UnreadableFile("not a file inside the raw folder")
    directory = _open(raw_root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for part in parts[:-1]:
            following = _open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=directory)
            os.close(directory)
            directory = following
        fd = _open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=directory)
    except OSError as error:
        raise UnreadableFile(_open_error(error)) from error
    finally:
        os.close(directory)
    kind = _kind(os.fstat(fd).st_mode)
    if kind is not None:
        os.close(fd)
        raise UnreadableFile(f"{kind}, not a regular file: not read")
    os.set_blocking(fd, True)
    return fd


def _open_error(error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return "file disappeared before it was read"
    if error.errno in (errno.ELOOP, errno.ENOTDIR):
        return "file was replaced by a link while the refresh ran: not followed"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied: the refresh may not read this file"
    return f"cannot read file: {error.strerror or error}"


def read_inside(raw_root: Path | str, real: str, max_bytes: int) -> bytes:
    """The bytes of a file found by ``walk_raw_folder``, at most ``max_bytes`` of them."""
    fd = open_inside(raw_root, real)
    with os.fdopen(fd, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise UnreadableFile(too_large(size, max_bytes))
        try:
            data = handle.read(max_bytes + 1)
        except OSError as error:
            raise UnreadableFile(f"cannot read file: {error.strerror or error}") from error
    if len(data) > max_bytes:
        raise UnreadableFile(too_large(len(data), max_bytes))
    return data


def too_large(size: int, limit: int) -> str:
    return (f"file too large: {size / (1 << 20):,.1f} MB, the limit is {limit / (1 << 20):g} MB per file "
            "(CLUSTERHOUSE_MAX_FILE_MB): not read")
