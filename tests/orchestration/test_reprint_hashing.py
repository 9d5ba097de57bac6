"""Reprint signatures are hashed in worker processes; a task that fails leaves its documents
unpaired (empty signatures) and every other document hashed."""

from __future__ import annotations

from clusterhouse.documents import reprints
from clusterhouse.settings import load_settings
from orchestration.defs.reprints import assets


def test_signatures_from_the_workers_are_the_signatures_in_one_process(monkeypatch):
    monkeypatch.setattr(assets, "SIGNATURE_CHUNK", 3)
    documents = [(f"d{i}", f"Article {i} about the socks of Datang, with {i * 7} firms and many more words.")
                 for i in range(8)]
    assert assets._signatures(documents, load_settings()) == reprints.signatures(documents)


def test_a_chunk_whose_hashing_fails_gets_empty_signatures_and_the_rest_go_on(monkeypatch):
    monkeypatch.setattr(assets, "SIGNATURE_CHUNK", 2)
    real = reprints.signatures

    def failing(documents):
        if any(document_id == "bad" for document_id, _ in documents):
            raise MemoryError("hashing ran out of memory")
        return real(documents)

    monkeypatch.setattr(reprints, "signatures", failing)
    documents = [("a", "first text " * 40), ("bad", "second text " * 40), ("c", "third text " * 40)]
    found = assets._signatures(documents, load_settings())
    assert [s.document_id for s in found] == ["a", "bad", "c"]
    assert found[0].shingle_count == 0 and found[1].shingle_count == 0, "a and bad shared the failed task"
    assert found[2].shingle_count > 0 and len(found[2].hashvalues) == reprints.NUM_PERM


def test_the_hashing_workers_inherit_datasketch_from_the_parent(monkeypatch):
    """Workers are forked for every batch of texts; datasketch's import (scipy with it, about 1 s)
    is paid once in the parent, before the fork, not in each worker of each batch."""
    import sys

    passed = {}
    real = assets.bounded_map

    def recording(*args, **kwargs):
        passed.update(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(assets, "bounded_map", recording)
    assets._signatures([("d1", "Article about the socks of Datang " * 5)], load_settings())
    assert passed["prepare"] is reprints.warm_up
    reprints.warm_up()
    assert "datasketch" in sys.modules
