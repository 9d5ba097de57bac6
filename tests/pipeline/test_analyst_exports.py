"""The exports written from a published warehouse in one step, the workbook in a forked process
beside the others: each export is written and marked on its own, and one that fails leaves the
others written and fails the step with its name."""

from __future__ import annotations

import shutil

import dagster as dg
import pytest

from orchestration.defs.exports import assets as exports
from orchestration.defs.resources import ClusterhouseResource
from tests.conftest import temporary_settings

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("refreshed")]


@pytest.fixture
def published(refreshed, tmp_path):
    """A copy of the shared published warehouse and its build, with no exports yet."""
    settings = temporary_settings(tmp_path)
    for source, target in ((refreshed.warehouse_path, settings.warehouse_path), (refreshed.build_path, settings.build_path)):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return settings


def materialize_exports(settings, selection: list[dg.AssetKey] | None = None) -> dg.ExecuteInProcessResult:
    return dg.materialize([exports.analyst_exports], selection=selection, raise_on_error=False,
                          resources={"clusterhouse": ClusterhouseResource(
                              warehouse_path=str(settings.warehouse_path), build_path=str(settings.build_path),
                              export_dir=str(settings.export_dir))})


def materialized(result: dg.ExecuteInProcessResult) -> set[str]:
    return {event.event_specific_data.materialization.asset_key.path[-1]
            for event in result.get_asset_materialization_events()}


def test_every_export_is_written_and_materialized(published):
    result = materialize_exports(published)
    assert result.success
    assert materialized(result) == set(exports.EXPORTS)
    assert (published.export_dir / exports.WORKBOOK_NAME).stat().st_size > 5_000
    assert (published.export_dir / exports.REPORT_NAME).exists()
    assert (published.export_dir / "docs" / "index.html").exists()
    assert (published.export_dir / "dim_cluster.parquet").exists()


def test_each_export_is_marked_with_the_files_it_wrote(published):
    """So that a night with nothing new still writes again an export whose file was deleted."""
    from clusterhouse.warehouse.build_state import MARKER_DIR, missing_export_files

    assert materialize_exports(published).success
    for name in exports.EXPORTS:
        named = (published.export_dir / MARKER_DIR / name).read_text(encoding="utf-8").splitlines()[1:]
        assert named and missing_export_files(published.export_dir, name) == [], name
    (published.export_dir / exports.WORKBOOK_NAME).unlink()
    assert missing_export_files(published.export_dir, "mart_workbook") == [exports.WORKBOOK_NAME]


def test_one_export_failing_leaves_the_others_written_and_names_itself(published, monkeypatch):
    def broken_report(settings):
        raise OSError("disk full")

    monkeypatch.setattr(exports, "_report", broken_report)
    result = materialize_exports(published)
    assert not result.success
    assert materialized(result) == set(exports.EXPORTS) - {"report"}
    assert (published.export_dir / exports.WORKBOOK_NAME).exists()
    assert "export failed: report" in result.failure_data_for_node("analyst_exports").error.message


def test_one_export_can_be_materialized_alone(published):
    """From the UI's asset page, one export: only it is written."""
    result = materialize_exports(published, [dg.AssetKey(["exports", "report"])])
    assert result.success and materialized(result) == {"report"}
    assert (published.export_dir / exports.REPORT_NAME).exists()
    assert not (published.export_dir / exports.WORKBOOK_NAME).exists()
