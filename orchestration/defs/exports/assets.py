"""Publish the tested build warehouse atomically, then write what analysts open: every mart as
Parquet and CSV, one Excel workbook, the dbt docs site and the HTML report."""


import dagster as dg

from clusterhouse.report import write_report
from clusterhouse.warehouse import export_marts, publish
from clusterhouse.warehouse.build_state import published_fingerprint, write_export_marker
from clusterhouse.warehouse.docs_site import generate_docs_site
from clusterhouse.warehouse.publish import PublishError
from clusterhouse.warehouse.workbook import write_workbook
from orchestration.defs.resources import WAREHOUSE_POOL, ClusterhouseResource
from orchestration.defs.transform.assets import warehouse_models

# every dbt model in the marts schema: a new mart needs only its SQL and YAML
MART_KEYS = sorted((key for key in warehouse_models.keys if key.path[0] == "marts"), key=lambda key: key.path)
WORKBOOK_NAME = "clusterhouse_marts.xlsx"
REPORT_NAME = "report.html"


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
    description="Every mart as Parquet and CSV (\\n line ends) in the export folder.",
)
def mart_files(context: dg.AssetExecutionContext, clusterhouse: ClusterhouseResource) -> dg.MaterializeResult:
    settings = clusterhouse.settings()
    written = export_marts(settings.warehouse_path, settings.export_dir)
    _written_from_published(settings, "mart_files")
    return dg.MaterializeResult(
        metadata={"export_dir": str(settings.export_dir), "files": dg.MetadataValue.json([p.name for p in written])}
    )


@dg.asset(
    key=["exports", "mart_workbook"],
    group_name="exports",
    deps=[published_warehouse],
    description=f"One Excel workbook ({WORKBOOK_NAME}): a sheet per mart and a data-dictionary sheet.",
)
def mart_workbook(context: dg.AssetExecutionContext, clusterhouse: ClusterhouseResource) -> dg.MaterializeResult:
    settings = clusterhouse.settings()
    target = settings.export_dir / WORKBOOK_NAME
    rows = write_workbook(settings.warehouse_path, target)
    _written_from_published(settings, "mart_workbook")
    return dg.MaterializeResult(metadata={"path": str(target), "rows": dg.MetadataValue.json(rows)})


@dg.asset(
    key=["exports", "dbt_docs"],
    group_name="exports",
    deps=[published_warehouse],
    pool=WAREHOUSE_POOL,  # dbt opens the build warehouse for the catalog
    description="The dbt docs site as static files (docs/index.html opens from disk, no server).",
)
def dbt_docs(context: dg.AssetExecutionContext, clusterhouse: ClusterhouseResource) -> dg.MaterializeResult:
    settings = clusterhouse.settings()
    index = generate_docs_site(settings.build_path, settings.export_dir / "docs")
    _written_from_published(settings, "dbt_docs")
    return dg.MaterializeResult(metadata={"path": str(index)})


@dg.asset(
    key=["exports", "report"],
    group_name="exports",
    deps=[published_warehouse],
    description=f"The analysts' report ({REPORT_NAME}): charts and the table of conflicts, one self-contained file.",
)
def report(context: dg.AssetExecutionContext, clusterhouse: ClusterhouseResource) -> dg.MaterializeResult:
    settings = clusterhouse.settings()
    target = write_report(settings.warehouse_path, settings.export_dir / REPORT_NAME)
    _written_from_published(settings, "report")
    return dg.MaterializeResult(metadata={"path": str(target), "size_bytes": target.stat().st_size})


def _written_from_published(settings, export: str) -> None:
    """Mark the export as written from the published build (a quiet night then skips it)."""
    write_export_marker(settings.export_dir, export, published_fingerprint(settings.warehouse_path))
