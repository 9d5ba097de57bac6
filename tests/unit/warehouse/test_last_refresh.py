"""The record of the last complete refresh: a night with nothing new starts no run, and anything
that a run would act on (a file, the settings, the code, an output gone or replaced) makes it start."""

from __future__ import annotations

import dataclasses
import os
import shutil
import time

import duckdb
import pytest

from clusterhouse.warehouse import last_refresh
from clusterhouse.warehouse.build_state import record_fingerprint, write_export_marker
from clusterhouse.warehouse.last_refresh import (
    forget_refresh,
    record_path,
    record_refresh,
    refresh_inputs,
    unchanged_since_last_refresh,
)
from tests.conftest import temporary_settings

EXPORTS = ["mart_files", "report"]
HOUR_AGO = time.time() - 3600


def _settle(path) -> None:
    """Written long enough ago to be trusted unchanged by its size and time."""
    os.utime(path, (HOUR_AGO, HOUR_AGO))


@pytest.fixture
def refreshed(tmp_path):
    """Settings whose raw folder, build copy, published warehouse and exports are those a green
    refresh left, and its record."""
    settings = temporary_settings(tmp_path)
    for name in ("a.txt", "b.txt"):
        (settings.raw_dir / name).write_text(f"story {name}\n", encoding="utf-8")
        _settle(settings.raw_dir / name)
    settings.build_path.parent.mkdir(parents=True)
    with duckdb.connect(str(settings.build_path)) as con:
        con.execute("create schema raw")
        record_fingerprint(con, "f" * 64, "models")
    shutil.copyfile(settings.build_path, settings.warehouse_path)
    for export in EXPORTS:
        write_export_marker(settings.export_dir, export, "f" * 64)
    inputs = refresh_inputs(settings)
    assert inputs is not None
    assert record_refresh(settings, inputs, EXPORTS).fingerprint == "f" * 64
    return settings


def _needed(settings) -> bool:
    return unchanged_since_last_refresh(settings, refresh_inputs(settings)) is None


def test_nothing_changed_needs_no_run(refreshed):
    assert not _needed(refreshed)
    assert unchanged_since_last_refresh(refreshed, refresh_inputs(refreshed)).exports == EXPORTS


def _touch(settings):
    os.utime(settings.raw_dir / "a.txt", (HOUR_AGO + 60, HOUR_AGO + 60))


def _add(settings):
    (settings.raw_dir / "sub").mkdir()
    (settings.raw_dir / "sub" / "c.txt").write_text("story c\n", encoding="utf-8")
    _settle(settings.raw_dir / "sub" / "c.txt")


def _remove(settings):
    (settings.raw_dir / "b.txt").unlink()


def _rename(settings):
    (settings.raw_dir / "b.txt").rename(settings.raw_dir / "c.txt")


def _refuse(settings):
    (settings.raw_dir / "notes.docx").write_bytes(b"PK")
    _settle(settings.raw_dir / "notes.docx")


def _replace_published(settings):
    with duckdb.connect(str(settings.warehouse_path)) as con:
        record_fingerprint(con, "e" * 64, "models")


def _remove_published(settings):
    settings.warehouse_path.unlink()


def _rebuild_started(settings):
    with duckdb.connect(str(settings.build_path)) as con:
        record_fingerprint(con, None)  # as a build does before dbt runs


def _export_from_another_build(settings):
    write_export_marker(settings.export_dir, "report", "e" * 64)


@pytest.mark.parametrize("change", [_touch, _add, _remove, _rename, _refuse, _replace_published, _remove_published,
                                    _rebuild_started, _export_from_another_build, forget_refresh],
                         ids=lambda change: change.__name__.strip("_"))
def test_a_change_a_run_would_act_on_starts_one(refreshed, change):
    change(refreshed)
    assert _needed(refreshed)


def test_other_settings_start_a_run(refreshed):
    limits = dataclasses.replace(refreshed.limits, max_file_bytes=1 << 20)
    assert _needed(dataclasses.replace(refreshed, limits=limits))
    assert not _needed(dataclasses.replace(refreshed, extract_workers=7))  # how fast, not what


def test_a_change_to_the_code_starts_a_run(refreshed, monkeypatch):
    monkeypatch.setattr(last_refresh, "_code_digest", lambda: "another release")
    assert _needed(refreshed)


def test_the_code_digest_reads_every_file_of_the_code_but_its_caches(tmp_path):
    for folder in last_refresh.CODE_FOLDERS:
        (tmp_path / folder / "__pycache__").mkdir(parents=True)
        (tmp_path / folder / "rules.yaml").write_text("a: 1\n", encoding="utf-8")
    before = last_refresh._code_digest(tmp_path)
    (tmp_path / "orchestration" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert last_refresh._code_digest(tmp_path) == before
    (tmp_path / "clusterhouse" / "rules.yaml").write_text("a: 2\n", encoding="utf-8")
    assert last_refresh._code_digest(tmp_path) != before


def test_a_file_written_in_the_last_two_seconds_is_never_trusted_unchanged(refreshed):
    (refreshed.raw_dir / "a.txt").write_text("story a, still being written", encoding="utf-8")
    assert refresh_inputs(refreshed) is None
    assert _needed(refreshed)


def test_without_a_raw_folder_the_run_starts_and_says_why(refreshed):
    shutil.rmtree(refreshed.raw_dir)
    assert refresh_inputs(refreshed) is None


def test_a_build_being_written_lets_the_run_decide(refreshed):
    with duckdb.connect(str(refreshed.build_path)):  # a run writing it now
        assert _needed(refreshed)
    assert not _needed(refreshed)


@pytest.mark.parametrize("text", ["", "{not json", '{"inputs": "x"}', '{"other": 1}'])
def test_a_record_that_cannot_be_read_starts_a_run(refreshed, text):
    record_path(refreshed).write_text(text, encoding="utf-8")
    assert _needed(refreshed)


def test_a_build_without_a_fingerprint_is_not_recorded(refreshed):
    forget_refresh(refreshed)
    _rebuild_started(refreshed)
    assert record_refresh(refreshed, refresh_inputs(refreshed), EXPORTS) is None
    assert not record_path(refreshed).exists()


def test_a_build_another_run_is_writing_is_not_recorded_and_raises_nothing(refreshed):
    """The refresh succeeded: a run started from the UI right after it must not make it fail."""
    forget_refresh(refreshed)
    with duckdb.connect(str(refreshed.build_path)):
        assert record_refresh(refreshed, refresh_inputs(refreshed), EXPORTS) is None
    assert not record_path(refreshed).exists()
