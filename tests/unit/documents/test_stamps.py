"""A quiet night hashes nothing: files whose size, time and target are as recorded keep their hash."""

from __future__ import annotations

import os

import pytest

import clusterhouse.documents.inventory as inventory
from clusterhouse.documents.inventory import plan_ingest, scan


@pytest.fixture
def raw(tmp_path):
    root = tmp_path / "raw"
    root.mkdir()
    for name, text in (("a.txt", "A story."), ("b.txt", "B story.")):
        (root / name).write_text(text)
        os.utime(root / name, ns=(1_700_000_000_000_000_000,) * 2)  # long ago: the stamp is trusted
    return root


@pytest.fixture
def hashed(monkeypatch):
    """The relative paths hashed by the scans that follow."""
    seen, original = [], inventory.file_sha256

    def counting(raw_root, real, max_bytes):
        seen.append(real)
        return original(raw_root, real, max_bytes)

    monkeypatch.setattr(inventory, "file_sha256", counting)
    return seen


def _recorded(states):
    return {state.path: (state.fingerprint, state.stamp) for state in states}


def test_unchanged_stamps_are_not_hashed_again(raw, hashed):
    first = scan(raw)
    assert sorted(hashed) == ["a.txt", "b.txt"]
    hashed.clear()
    again = scan(raw, seen=_recorded(first))
    assert hashed == []
    assert again == first
    assert plan_ingest(again, {p: f for p, (f, _) in _recorded(first).items()}).to_read == []


def test_a_changed_file_is_hashed_and_read(raw, hashed):
    first = scan(raw)
    (raw / "a.txt").write_text("A longer story.")
    os.utime(raw / "a.txt", ns=(1_700_000_100_000_000_000,) * 2)
    hashed.clear()
    again = scan(raw, seen=_recorded(first))
    assert hashed == ["a.txt"]
    plan = plan_ingest(again, {p: f for p, (f, _) in _recorded(first).items()})
    assert [state.path for state in plan.to_read] == ["a.txt"]


def test_a_touched_file_is_hashed_found_unchanged_and_restamped(raw, hashed):
    first = scan(raw)
    os.utime(raw / "b.txt", ns=(1_700_000_200_000_000_000,) * 2)
    hashed.clear()
    again = scan(raw, seen=_recorded(first))
    assert hashed == ["b.txt"]
    known = _recorded(first)
    plan = plan_ingest(again, {p: f for p, (f, _) in known.items()}, {p: s for p, (_, s) in known.items()})
    assert plan.to_read == []
    assert [state.path for state in plan.restamped] == ["b.txt"]


def test_a_file_to_retry_or_just_written_is_always_hashed(raw, hashed):
    first = scan(raw)
    recorded = _recorded(first)
    recorded["a.txt"] = ("retry:2026-11-30T00:00:00", recorded["a.txt"][1])  # could not be read last time
    (raw / "b.txt").write_text("B story!")  # same size, modified just now: its stamp is not trusted
    hashed.clear()
    again = {state.path: state for state in scan(raw, seen=recorded)}
    assert sorted(hashed) == ["a.txt", "b.txt"]
    assert again["b.txt"].stamp is None
    hashed.clear()
    scan(raw, seen=_recorded(again.values()))
    assert hashed == ["b.txt"]


def test_a_link_turned_to_another_file_is_hashed(raw, hashed):
    (raw / "link.txt").symlink_to(raw / "a.txt")
    first = scan(raw)
    (raw / "link.txt").unlink()
    (raw / "link.txt").symlink_to(raw / "b.txt")  # same size and time as a.txt
    hashed.clear()
    again = {state.path: state for state in scan(raw, seen=_recorded(first))}
    assert hashed == ["b.txt"]
    assert again["link.txt"].fingerprint != _recorded(first)["link.txt"][0]
