"""Ingest: source files under the raw folder become rows of `raw.documents`.

Only new or changed files are read (by content hash); removed files drop out. Unreadable files
become rows of `raw.rejected_files` with a plain reason, and the run goes on.
"""


from datetime import datetime, timezone

import dagster as dg

from clusterhouse.documents.inventory import ingest_rows, plan_ingest, read_files, scan
from clusterhouse.reference.tables import place_rows, product_rows, product_synonym_rows
from clusterhouse.warehouse import connect, prepare_build, raw_tables, replace_rows
from orchestration.defs.resources import WAREHOUSE_POOL, ClusterhouseResource


def _known_files(con) -> dict[str, str]:
    con.execute("create schema if not exists raw")
    exists = con.execute(
        "select count(*) from information_schema.tables where table_schema = 'raw' and table_name = 'source_files'"
    ).fetchone()[0]
    if not exists:
        return {}
    return dict(con.execute("select path, file_sha256 from raw.source_files").fetchall())


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", "documents"], description="One row per article read from the raw folder."),
        dg.AssetSpec(["raw", "rejected_files"], description="Files (or JSON lines) that could not be read, with the reason."),
        dg.AssetSpec(["raw", "source_files"], description="Inventory of source files with content hashes."),
    ],
    group_name="ingest",
    pool=WAREHOUSE_POOL,
    can_subset=False,
)
def ingest_documents(context: dg.AssetExecutionContext, clusterhouse: ClusterhouseResource):
    settings = clusterhouse.settings()
    prepare_build(settings.build_path, settings.warehouse_path)
    if not settings.raw_dir.is_dir():
        raise dg.Failure(f"raw folder not found: {settings.raw_dir} (set CLUSTERHOUSE_RAW_DIR)")

    current = scan(settings.raw_dir)
    with connect(settings.build_path) as con:
        plan = plan_ingest(current, _known_files(con))
    documents, rejected = read_files(settings.raw_dir, plan.to_read, settings.extract_workers)
    for rejection in rejected:
        context.log.warning(f"rejected {rejection.path}: {rejection.reason}")

    rows = ingest_rows(plan, documents, rejected, datetime.now(timezone.utc))
    touched = [state.path for state in plan.to_read] + plan.removed
    with connect(settings.build_path) as con:
        con.execute("create schema if not exists raw")
        replace_rows(con, "raw.documents", raw_tables.to_arrow(rows.documents, raw_tables.DOCUMENTS), "path", touched)
        replace_rows(con, "raw.rejected_files", raw_tables.to_arrow(rows.rejected, raw_tables.REJECTED_FILES),
                     "source_path", touched)
        replace_rows(con, "raw.source_files", raw_tables.to_arrow(rows.files, raw_tables.SOURCE_FILES), "path", touched)
        total_documents = con.execute("select count(distinct document_id) from raw.documents").fetchone()[0]
        total_rejected = con.execute("select count(*) from raw.rejected_files").fetchone()[0]

    summary = {"files_read": len(plan.to_read), "files_unchanged": plan.unchanged,
               "files_removed": len(plan.removed), "documents_loaded": len(documents)}
    yield dg.MaterializeResult(
        asset_key=["raw", "documents"],
        metadata={**summary, "distinct_documents": total_documents},
    )
    yield dg.MaterializeResult(
        asset_key=["raw", "rejected_files"],
        metadata={"rejected_this_run": len(rejected), "rejected_total": total_rejected},
    )
    yield dg.MaterializeResult(asset_key=["raw", "source_files"], metadata=summary)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", "places"],
                     description="The gazetteer of Chinese administrative divisions (GB/T 2260) the place resolver uses."),
        dg.AssetSpec(["raw", "product_taxonomy"],
                     description="The products clusters make, with HS and GB/T 4754 codes and a family."),
        dg.AssetSpec(["raw", "product_synonyms"],
                     description="The names of each product in every supported language."),
    ],
    group_name="ingest",
    pool=WAREHOUSE_POOL,
    can_subset=False,
)
def reference_tables(context: dg.AssetExecutionContext, clusterhouse: ClusterhouseResource):
    """The reference data the extractor reads (clusterhouse/reference/), published beside the figures."""
    settings = clusterhouse.settings()
    prepare_build(settings.build_path, settings.warehouse_path)
    tables = (("raw.places", place_rows(), raw_tables.PLACES),
              ("raw.product_taxonomy", product_rows(), raw_tables.PRODUCT_TAXONOMY),
              ("raw.product_synonyms", product_synonym_rows(), raw_tables.PRODUCT_SYNONYMS))
    with connect(settings.build_path) as con:
        con.execute("create schema if not exists raw")
        counts = {table: replace_rows(con, table, raw_tables.to_arrow(rows, schema)) for table, rows, schema in tables}
    for table, count in counts.items():
        yield dg.MaterializeResult(asset_key=table.split("."), metadata={"rows": count})
