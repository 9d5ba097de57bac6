"""Ingest and extraction work in batches (memory bounded at any corpus size): batches of one
file and one document give the same raw tables as one batch."""

from __future__ import annotations

import dagster as dg

import orchestration.defs.extract.assets as extract_assets
import orchestration.defs.ingest.assets as ingest_assets
from tests.assets.test_raw_layer import resource
from tests.conftest import FIXTURES, copy_documents, query

_TABLES = ("raw.documents", "raw.rejected_files", "raw.source_files", "raw.figures", "raw.extracted_documents")


def _counts(settings, monkeypatch, batch: int) -> dict[str, int]:
    monkeypatch.setattr(ingest_assets, "INGEST_BATCH", batch)
    monkeypatch.setattr(extract_assets, "EXTRACT_BATCH", batch)
    copy_documents(FIXTURES / "pipeline", settings.raw_dir)
    result = dg.materialize([ingest_assets.ingest_documents, extract_assets.extract_figures],
                            resources={"clusterhouse": resource(settings)})
    assert result.success
    return {table: query(settings.build_path, f"select count(*) from {table}")[0][0] for table in _TABLES}


def test_batches_of_one_give_the_same_tables(settings, tmp_path, monkeypatch):
    from clusterhouse.settings import load_settings

    one = _counts(settings, monkeypatch, 1)
    other = load_settings(raw_dir=tmp_path / "raw2", warehouse_path=tmp_path / "w2" / "clusterhouse.duckdb",
                          build_path=tmp_path / "w2" / "build.duckdb", export_dir=tmp_path / "w2" / "exports")
    assert one == _counts(other, monkeypatch, 5000)
    assert one["raw.documents"] == 3 and one["raw.figures"] >= 2
