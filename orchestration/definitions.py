"""The one Dagster code location: every asset, check, job and schedule of clusterhouse."""

from __future__ import annotations

import dagster as dg

from orchestration.defs.exports import assets as export_assets
from orchestration.defs.extract import assets as extract_assets
from orchestration.defs.extract import checks as extract_checks
from orchestration.defs.ingest import assets as ingest_assets
from orchestration.defs.ingest import checks as ingest_checks
from orchestration.defs.resources import build_resources
from orchestration.defs.schedules import build_nightly_schedule, refresh_job
from orchestration.defs.transform import assets as transform_assets


def build_definitions() -> dg.Definitions:
    asset_modules = [ingest_assets, extract_assets, transform_assets, export_assets]
    check_modules = [ingest_checks, extract_checks]
    return dg.Definitions(
        assets=dg.load_assets_from_modules(asset_modules),
        asset_checks=dg.load_asset_checks_from_modules(check_modules),
        jobs=[refresh_job],
        schedules=[build_nightly_schedule()],
        resources=build_resources(),
    )


defs = build_definitions()
