"""The dbt project as Dagster assets: every model keyed by its warehouse location.

`dbt build` runs models, seeds and tests together; dbt tests appear as asset checks, and a
failing test fails the run, so nothing is published from a warehouse that does not pass them.
"""


import json
import shutil
from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from orchestration.defs.resources import WAREHOUSE_POOL, ClusterhouseResource
from orchestration.defs.transform.project import dbt_project, ensure_manifest

_GROUP_BY_FOLDER = {"staging": "staging", "intermediate": "intermediate", "marts": "marts"}


class WarehouseLocationTranslator(DagsterDbtTranslator):
    """Asset key = `schema/table`, the same for dbt models, seeds and the raw sources."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey(["raw", dbt_resource_props["name"]])
        schema = dbt_resource_props.get("config", {}).get("schema") or "raw"
        return dg.AssetKey([schema, dbt_resource_props["alias"] or dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "ingest"
        folder = dbt_resource_props.get("fqn", ["", ""])[1]
        return _GROUP_BY_FOLDER.get(folder, "marts")


translator = WarehouseLocationTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


@dbt_assets(
    manifest=ensure_manifest(),
    project=dbt_project,
    dagster_dbt_translator=translator,
    pool=WAREHOUSE_POOL,
)
def warehouse_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, clusterhouse: ClusterhouseResource):
    # profiles.yml reads the build warehouse from this var: dbt never opens the published file
    build_warehouse = json.dumps({"build_warehouse": str(clusterhouse.settings().build_path)})
    # dbt's unit tests check the SQL, not the data: the test suite runs them (tests/pipeline), a
    # refresh need not spend seconds on them every night
    invocation = dbt.cli(["build", "--exclude-resource-type", "unit_test", "--vars", build_warehouse],
                         context=context)
    yield from invocation.stream()
    # each invocation leaves its own copy of the manifest and logs (~1.5 MB) under target/
    shutil.rmtree(invocation.target_path, ignore_errors=True)
