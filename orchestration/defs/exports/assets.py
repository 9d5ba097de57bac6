"""Publish the tested build warehouse atomically, then export every mart as Parquet and CSV."""


import dagster as dg

from clusterhouse.warehouse import export_marts, publish
from clusterhouse.warehouse.publish import PublishError
from orchestration.defs.resources import WAREHOUSE_POOL, ClusterhouseResource
from orchestration.defs.transform.assets import warehouse_models

# every dbt model in the marts schema: a new mart needs only its SQL and YAML
MART_KEYS = sorted((key for key in warehouse_models.keys if key.path[0] == "marts"), key=lambda key: key.path)


@dg.asset(
    key=["exports", "published_warehouse"],
    group_name="exports",
    deps=MART_KEYS,
    pool=WAREHOUSE_POOL,
    description="The DuckDB file analysts open, replaced in one atomic rename after a green build.",
)
def published_warehouse(context: dg.AssetExecutionContext, clusterhouse: ClusterhouseResource) -> dg.MaterializeResult:
    settings = clusterhouse.settings()
    try:
        publish(settings.build_path, settings.warehouse_path)
    except PublishError as error:
        raise dg.Failure(str(error)) from error
    size = settings.warehouse_path.stat().st_size
    return dg.MaterializeResult(metadata={"path": str(settings.warehouse_path), "size_bytes": size})


@dg.asset(
    key=["exports", "mart_files"],
    group_name="exports",
    deps=[published_warehouse],
    description="Every mart as Parquet and CSV in the export folder.",
)
def mart_files(context: dg.AssetExecutionContext, clusterhouse: ClusterhouseResource) -> dg.MaterializeResult:
    settings = clusterhouse.settings()
    written = export_marts(settings.warehouse_path, settings.export_dir)
    return dg.MaterializeResult(
        metadata={"export_dir": str(settings.export_dir), "files": dg.MetadataValue.json([p.name for p in written])}
    )
