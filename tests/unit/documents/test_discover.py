"""The raw folder is walked without ever leaving it: links, loops, pipes and odd names."""

from __future__ import annotations

import os

import pytest

from clusterhouse.documents.discover import open_inside, read_inside, walk_raw_folder
from clusterhouse.documents.inventory import plan_ingest, scan
from clusterhouse.documents.model import UnreadableFile
from clusterhouse.settings import Limits


@pytest.fixture
def raw(tmp_path):
    root = tmp_path / "raw"
    (root / "news" / "deep").mkdir(parents=True)
    (root / "news" / "a.txt").write_text("A story.")
    (root / "news" / "deep" / "b.md").write_text("B story.")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("root:x:0:0")
    return root


def refused(root) -> dict[str, str]:
    return {entry.path: entry.refused for entry in walk_raw_folder(root) if entry.refused}


def test_links_inside_are_read_by_their_own_name_and_links_outside_never(raw, tmp_path):
    (raw / "inside.txt").symlink_to(raw / "news" / "a.txt")
    (raw / "passwd.txt").symlink_to("/etc/passwd")
    (raw / "secret.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (raw / "etc").symlink_to("/etc")
    (raw / "up").symlink_to("../outside")
    entries = {entry.path: entry for entry in walk_raw_folder(raw)}
    assert entries["inside.txt"].real == "news/a.txt" and entries["inside.txt"].refused is None
    assert refused(raw) == {
        "etc": "link to /etc, outside the raw folder: not read",
        "passwd.txt": "link to /etc/passwd, outside the raw folder: not read",
        "secret.txt": f"link to {tmp_path / 'outside' / 'secret.txt'}, outside the raw folder: not read",
        "up": f"link to {tmp_path / 'outside'}, outside the raw folder: not read",
    }
    assert not any(entry.path.startswith(("etc/", "up/")) for entry in entries.values())


def test_loops_broken_links_pipes_and_odd_names_are_refused(raw):
    (raw / "news" / "deep" / "back").symlink_to(raw / "news")
    (raw / "self.txt").symlink_to(raw / "self.txt")
    (raw / "nowhere.txt").symlink_to(raw / "missing.txt")
    os.mkfifo(raw / "pipe.txt")
    (raw / "notes.docx").write_bytes(b"PK")
    os.close(os.open(os.fsencode(raw) + b"/bad\xffname.txt", os.O_CREAT | os.O_WRONLY))
    (raw / "spaces and 中文 #1.txt").write_text("fine")
    assert refused(raw) == {
        "bad\\xffname.txt": "file name is not valid UTF-8: rename it",
        "news/deep/back": "link loop: this link leads back to a folder that contains it",
        "notes.docx": "unsupported file type .docx",
        "nowhere.txt": "broken link: its target does not exist",
        "pipe.txt": "a named pipe, not a regular file: not read",
        "self.txt": "link loop: the link leads back to itself",
    }
    readable = [entry.path for entry in walk_raw_folder(raw) if entry.real]
    assert readable == ["news/a.txt", "news/deep/b.md", "spaces and 中文 #1.txt"]


def test_a_file_swapped_for_a_link_after_the_scan_is_not_followed(raw):
    entry = next(entry for entry in walk_raw_folder(raw) if entry.path == "news/a.txt")
    (raw / "news" / "a.txt").unlink()
    (raw / "news" / "a.txt").symlink_to("/etc/passwd")
    with pytest.raises(UnreadableFile, match="replaced by a link"):
        open_inside(raw, entry.real)
    (raw / "news").rename(raw / "old")
    (raw / "news").symlink_to("/etc")
    with pytest.raises(UnreadableFile, match="replaced by a link"):
        read_inside(raw, "news/passwd", 1 << 20)


def test_oversized_files_are_refused_unopened_and_keep_their_fingerprint(raw):
    with open(raw / "huge.txt", "wb") as handle:
        handle.truncate(3 << 20)
    limits = Limits(max_file_bytes=1 << 20)
    states = {state.path: state for state in scan(raw, limits)}
    assert states["huge.txt"].refused == (
        "file too large: 3.0 MB, the limit is 1 MB per file (CLUSTERHOUSE_MAX_FILE_MB): not read")
    assert states["huge.txt"].file_sha256 is None
    again = scan(raw, limits)
    known = {state.path: state.fingerprint for state in again}
    assert plan_ingest(again, known).to_read == []


def test_a_raw_folder_reached_through_a_link_is_scanned_and_read(raw, tmp_path):
    linked = tmp_path / "raw_link"
    linked.symlink_to(raw)
    states = {state.path: state for state in scan(linked, Limits())}
    assert sorted(states) == ["news/a.txt", "news/deep/b.md"]
    assert all(state.file_sha256 for state in states.values())
    assert read_inside(linked, states["news/a.txt"].real, 1 << 20) == b"A story."
