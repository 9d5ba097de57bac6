"""Publish the tested build warehouse atomically, then write what analysts open: every mart as
Parquet and CSV, one Excel workbook, the dbt docs site and the HTML report."""


from concurrent.futures import Future
from pathlib import Path

import dagster as dg

from clusterhouse.report import write_report
from clusterhouse.warehouse import export_marts, publish
from clusterhouse.warehouse.build_state import published_fingerprint, write_export_marker
from clusterhouse.warehouse.docs_site import generate_docs_site
from clusterhouse.warehouse.publish import PublishError
from clusterhouse.warehouse.workbook import write_workbook
from clusterhouse.workers import process_pool
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


EXPORTS = {
    "mart_files": "Every mart as Parquet and CSV (\\n line ends) in the export folder.",
    "mart_workbook": f"One Excel workbook ({WORKBOOK_NAME}): a sheet per mart and a data-dictionary sheet.",
    "dbt_docs": "The dbt docs site as static files (docs/index.html opens from disk, no server).",
    "report": f"The analysts' report ({REPORT_NAME}): charts and the table of conflicts, one self-contained file.",
}


@dg.multi_asset(
    name="analyst_exports",
    specs=[dg.AssetSpec(["exports", name], deps=[published_warehouse], group_name="exports", description=text)
           for name, text in EXPORTS.items()],
    can_subset=True,
    pool=WAREHOUSE_POOL,  # dbt docs opens the build warehouse for the catalog
)
def analyst_exports(context: dg.AssetExecutionContext, clusterhouse: ClusterhouseResource):
    """What analysts open, each written from the published warehouse. The workbook takes longest
    (an xlsx is written whole: ~15 s at 100,000 documents, holding the GIL) and is written in a
    forked process while the others are written here, so the exports take about as long as the
    workbook alone. One that fails does not stop the others; the step then fails naming it."""
    settings = clusterhouse.settings()
    selected = {key.path[-1] for key in context.selected_asset_keys}
    failed: list[str] = []
    with process_pool(1) as pool:
        workbook = (pool.submit(write_workbook, settings.warehouse_path, settings.export_dir / WORKBOOK_NAME)
                    if "mart_workbook" in selected else None)
        for name, write in (("mart_files", _mart_files), ("dbt_docs", _dbt_docs), ("report", _report)):
            if name in selected:
                yield from _exported(context, settings, name, write, failed)
        if workbook is not None:
            yield from _exported(context, settings, "mart_workbook", lambda _: _workbook(settings, workbook), failed)
    if failed:
        raise dg.Failure(f"export failed: {', '.join(failed)} (the others were written; see the log)")


def _exported(context, settings, name: str, write, failed: list[str]):
    """The export's materialization once written and marked, or its error logged."""
    try:
        metadata, files = write(settings)
    except Exception as error:  # noqa: BLE001 - one export's failure is reported, the others go on
        context.log.error(f"{name}: {type(error).__name__}: {error}")
        failed.append(name)
        return
    _written_from_published(settings, name, files)
    yield dg.MaterializeResult(asset_key=["exports", name], metadata=metadata)


# each export's writer returns its metadata and the files it wrote (the marker names them)

def _mart_files(settings) -> tuple[dict, list[Path]]:
    written = export_marts(settings.warehouse_path, settings.export_dir)
    return {"export_dir": str(settings.export_dir), "files": dg.MetadataValue.json([p.name for p in written])}, written


def _dbt_docs(settings) -> tuple[dict, list[Path]]:
    index = generate_docs_site(settings.build_path, settings.export_dir / "docs")
    return {"path": str(index)}, [index]


def _report(settings) -> tuple[dict, list[Path]]:
    target = write_report(settings.warehouse_path, settings.export_dir / REPORT_NAME)
    return {"path": str(target), "size_bytes": target.stat().st_size}, [target]


def _workbook(settings, future: Future) -> tuple[dict, list[Path]]:
    rows = future.result()  # the worker's exception, if any, is raised here
    target = settings.export_dir / WORKBOOK_NAME
    return {"path": str(target), "rows": dg.MetadataValue.json(rows)}, [target]


def _written_from_published(settings, export: str, files: list[Path]) -> None:
    """Mark the export as written from the published build, with its files (a quiet night then
    skips it, unless one of them was deleted)."""
    write_export_marker(settings.export_dir, export, published_fingerprint(settings.warehouse_path), files)
