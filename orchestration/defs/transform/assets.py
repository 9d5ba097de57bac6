"""The dbt project as Dagster assets: every model keyed by its warehouse location.

`dbt build` runs models, seeds and tests together; dbt tests appear as asset checks, and a
failing test fails the run, so nothing is published from a warehouse that does not pass them.
When nothing dbt reads has changed since the build that was published and exported, the build is
skipped and so are the publish and the exports after it (clusterhouse/warehouse/build_state.py);
the run tag `clusterhouse/rebuild` forces them.
The models of figures by cluster are incremental (dbt_project/models/intermediate/
int_clusters__changed.sql): a build adds to the last one's tables only when that build ended green
here, made by the same dbt project and code; otherwise, or when a rebuild is asked for, dbt runs
with --full-refresh.
"""


import json
import shutil
import signal
import subprocess
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from clusterhouse.warehouse import connect
from clusterhouse.warehouse.build_state import (
    builds_on_last_build,
    input_fingerprint,
    keep_partial_parse,
    model_digest,
    record_fingerprint,
    reuse_partial_parse,
    source_tables,
    stale_outputs,
)
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


REBUILD_TAG = "clusterhouse/rebuild"
DBT_STOP_SECONDS = 10  # for dbt to end its statements after Ctrl-C, before it is killed
PUBLISHED_KEY = dg.AssetKey(["exports", "published_warehouse"])

translator = WarehouseLocationTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


@dbt_assets(
    manifest=ensure_manifest(),
    project=dbt_project,
    dagster_dbt_translator=translator,
    pool=WAREHOUSE_POOL,
)
def warehouse_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, clusterhouse: ClusterhouseResource):
    settings = clusterhouse.settings()
    models = model_digest(dbt_project.project_dir)  # the project's files, read once
    with connect(settings.build_path) as con:
        fingerprint = input_fingerprint(con, source_tables(dbt_project.manifest_path), dbt_project.project_dir, models)
        stale = stale_outputs(fingerprint, con, settings.warehouse_path, settings.export_dir, _selected_exports(context))
        forced = context.run.tags.get(REBUILD_TAG, "").lower() in ("1", "true", "yes")
        if not stale and not forced:
            context.log.info(f"nothing dbt reads has changed since the published build ({fingerprint[:12]}): dbt, "
                             f"the publish and the exports are skipped (run tag {REBUILD_TAG}=true forces them)")
            return
        if "build" not in stale and not forced:
            # a run stopped after a green build (during the publish or an export): go on from there
            context.log.info(f"the build is already green for these inputs ({fingerprint[:12]}); not yet "
                             f"published or exported: {', '.join(stale)}. dbt is not run again")
            yield from _unchanged_build(context, fingerprint)
            return
        incremental = builds_on_last_build(con, models) and not forced
        record_fingerprint(con, None)
    context.log.info(f"building for inputs {fingerprint[:12]}; not yet built for them: {', '.join(stale) or 'none'}; "
                     + ("the incremental models add to the last build" if incremental else
                        "a full refresh (the last build did not end green here, or was made by another dbt project "
                        "or code, or the run asked for a rebuild)"))
    # profiles.yml reads the build warehouse from this var: dbt never opens the published file
    build_warehouse = json.dumps({"build_warehouse": str(settings.build_path)})
    # dbt's unit tests check the SQL, not the data: the test suite runs them (tests/pipeline), a
    # refresh need not spend seconds on them every night
    target = Path(dbt_project.project_dir, "target", f"warehouse_models-{context.run.run_id[:8]}-{uuid.uuid4().hex[:7]}")
    reuse_partial_parse(settings.build_path, target, dbt_project.project_dir)
    # dbt's log file lands in that folder, removed after a green build: at dbt's default level it
    # logged every statement from four threads under one lock; warnings and errors are what a
    # failed build's folder needs (the run's log in the UI has the rest)
    invocation = dbt.cli(["build", "--exclude-resource-type", "unit_test", "--log-level-file", "warn",
                          "--vars", build_warehouse,
                          *([] if incremental else ["--full-refresh"])],
                         context=context, target_path=target)
    try:
        yield from invocation.stream()
    finally:
        _stop(invocation.process)
    keep_partial_parse(settings.build_path, target, dbt_project.project_dir)
    with connect(settings.build_path) as con:
        record_fingerprint(con, fingerprint, models)  # published with the marts it describes
    # each invocation leaves its own copy of the manifest and logs (~1.5 MB) under target/
    shutil.rmtree(invocation.target_path, ignore_errors=True)


def _stop(process: subprocess.Popen) -> None:
    """dbt stopped when the step ends before it does (an interrupt, an error while its events are
    handled): asked as Ctrl-C asks, then killed, so that it does not hold the build copy's lock."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=DBT_STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _selected_exports(context: dg.AssetExecutionContext) -> list[str]:
    """The exports this run writes after the publish (their markers must be current to skip)."""
    layer = context.job_def.asset_layer
    keys = layer.selected_asset_keys or layer.executable_asset_keys
    return sorted(key.path[-1] for key in keys if key.path[0] == "exports" and key != PUBLISHED_KEY)


def _unchanged_build(context: dg.AssetExecutionContext, fingerprint: str):
    """The models and their tests as the green build for these same inputs left them: the tables
    are those its tests passed on, unchanged since (the fingerprint says so)."""
    metadata = {"built_for_inputs": fingerprint[:12], "rebuilt_this_run": False}
    selected_checks = context.selected_asset_check_keys
    for key in (key for key in context.job_def.asset_layer.asset_graph.toposorted_asset_keys
                if key in context.selected_asset_keys):
        yield dg.MaterializeResult(asset_key=key, metadata=metadata)
        for check in (check for check in selected_checks if check.asset_key == key):
            yield dg.AssetCheckResult(asset_key=key, check_name=check.name, passed=True, metadata=metadata)
