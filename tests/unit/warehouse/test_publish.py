"""Publishing replaces the warehouse in one rename; a full disk or a folder that may not be
written leaves the last good one in place, with a clear message."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess

import duckdb
import pytest

from clusterhouse.warehouse import publish
from clusterhouse.warehouse.publish import PublishError


def make_warehouse(path, rows: int) -> None:
    con = duckdb.connect(str(path))
    con.execute(f"create schema marts; create table marts.t as select range as i, repeat(md5(range::varchar), 8) as pad "
                f"from range({rows})")
    con.close()


def count(path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("select count(*) from marts.t").fetchone()[0]
    finally:
        con.close()


@contextlib.contextmanager
def small_filesystem(path, size: str):
    """A real tmpfs of ``size`` at ``path`` (root only); None where mounting is not allowed."""
    path.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                             capture_output=True).returncode == 0 if os.geteuid() == 0 else False
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", str(path)], check=True)


def test_publish_replaces_the_file_and_cleans_what_a_killed_run_left(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "wh" / "clusterhouse.duckdb"
    make_warehouse(build, 10)
    published.parent.mkdir()
    (published.parent / ".clusterhouse.duckdb.k1ll3d").write_bytes(b"half a copy")
    publish(build, published)
    assert count(published) == 10
    assert sorted(p.name for p in published.parent.iterdir()) == ["clusterhouse.duckdb"]


def test_a_full_disk_leaves_the_last_good_warehouse(tmp_path, monkeypatch):
    build = tmp_path / "build.duckdb"
    make_warehouse(build, 40_000)  # about 10 MB: more than the small disk holds
    with small_filesystem(tmp_path / "disk", "2m") as mounted:
        published = tmp_path / "disk" / "clusterhouse.duckdb"
        make_warehouse(published, 5)
        if not mounted:  # no tmpfs here: the copy fails as on a full disk
            def full(*args, **kwargs):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            monkeypatch.setattr(shutil, "copyfile", full)
        with pytest.raises(PublishError) as failed:
            publish(build, published)
        assert "No space left on device" in str(failed.value)
        assert "the last good warehouse is unchanged" in str(failed.value)
        assert count(published) == 5
        assert sorted(p.name for p in published.parent.iterdir() if p.name != "lost+found") == ["clusterhouse.duckdb"]


def test_a_folder_that_may_not_be_written_leaves_the_last_good_warehouse(tmp_path):
    build, folder = tmp_path / "build.duckdb", tmp_path / "wh"
    make_warehouse(build, 10)
    folder.mkdir()
    published = folder / "clusterhouse.duckdb"
    make_warehouse(published, 5)
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("running as root where chattr +i is not available: permissions cannot be denied")
    else:
        folder.chmod(0o555)
    try:
        with pytest.raises(PublishError, match="Operation not permitted|Permission denied") as failed:
            publish(build, published)
        assert str(failed.value).startswith(f"could not publish the warehouse to {folder}")
        assert count(published) == 5
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        else:
            folder.chmod(0o755)
