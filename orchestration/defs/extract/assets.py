"""Extract: the figures each document states, with their evidence, into `raw.figures`.

A document is extracted once per extractor version: new documents, and every document again
when the rules or reference data change (settings.extractor_version()). Figures of documents that left the raw folder go.
"""


from datetime import datetime, timezone

import dagster as dg

from clusterhouse.extraction import DocumentInput, extract_many
from clusterhouse.settings import extractor_version
from clusterhouse.warehouse import connect, raw_tables, replace_rows
from orchestration.defs.resources import WAREHOUSE_POOL, ClusterhouseResource

_PENDING = """
    select document_id, any_value(text), any_value(language), any_value(published_date), any_value(title)
    from raw.documents d
    where not exists (
        select 1 from raw.extracted_documents e
        where e.document_id = d.document_id and e.extractor_version = ?
    )
    group by document_id
    order by document_id
"""


def _ensure_tables(con) -> None:
    """Create the extract tables; when their columns changed (a new release), start them over:
    every document is extracted again anyway, since the extractor version changed too."""
    con.execute("create schema if not exists raw")
    tables = (("raw.figures", raw_tables.FIGURES), ("raw.document_clusters", raw_tables.DOCUMENT_CLUSTERS),
              ("raw.extracted_documents", raw_tables.EXTRACTED_DOCUMENTS))
    for table, schema in tables:
        columns = [row[0] for row in con.execute(
            "select column_name from information_schema.columns where table_schema = 'raw' and table_name = ? "
            "order by ordinal_position", [table.split(".")[1]]).fetchall()]
        if columns and columns != schema.names:
            for name, _ in tables:
                con.execute(f"drop table if exists {name}")
            break
    for table, schema in (
        ("raw.figures", raw_tables.FIGURES),
        ("raw.document_clusters", raw_tables.DOCUMENT_CLUSTERS),
        ("raw.extracted_documents", raw_tables.EXTRACTED_DOCUMENTS),
    ):
        con.register("empty_rows", raw_tables.to_arrow([], schema))
        con.execute(f"create table if not exists {table} as select * from empty_rows")
        con.unregister("empty_rows")


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", "figures"], deps=[["raw", "documents"]],
                     description="Every figure a document states, with metric, value, period and evidence span."),
        dg.AssetSpec(["raw", "document_clusters"], deps=[["raw", "documents"]],
                     description="The clusters (place + product) each document reports on."),
        dg.AssetSpec(["raw", "extracted_documents"], deps=[["raw", "documents"]],
                     description="Which documents were extracted by which extractor version."),
    ],
    group_name="extract",
    pool=WAREHOUSE_POOL,
    can_subset=False,
)
def extract_figures(context: dg.AssetExecutionContext, clusterhouse: ClusterhouseResource):
    settings = clusterhouse.settings()
    version = extractor_version()
    with connect(settings.build_path) as con:
        _ensure_tables(con)
        pending = [
            DocumentInput(document_id=row[0], text=row[1], language=row[2], published_date=row[3], title=row[4])
            for row in con.execute(_PENDING, [version]).fetchall()
        ]
    results = extract_many(pending, settings.extract_workers)
    now = datetime.now(timezone.utc)
    figure_rows = [figure for result in results for figure in result.figures]
    cluster_rows = [cluster for result in results for cluster in result.clusters]
    done_rows = [
        {"document_id": result.document_id, "extractor_version": version,
         "figure_count": len(result.figures), "error": result.error, "skipped_reason": result.skipped,
         "extracted_at": now}
        for result in results
    ]
    ids = [doc.document_id for doc in pending]
    with connect(settings.build_path) as con:
        replace_rows(con, "raw.figures", raw_tables.to_arrow(figure_rows, raw_tables.FIGURES), "document_id", ids)
        replace_rows(con, "raw.document_clusters", raw_tables.to_arrow(cluster_rows, raw_tables.DOCUMENT_CLUSTERS),
                     "document_id", ids)
        replace_rows(con, "raw.extracted_documents", raw_tables.to_arrow(done_rows, raw_tables.EXTRACTED_DOCUMENTS),
                     "document_id", ids)
        for table in ("raw.figures", "raw.document_clusters", "raw.extracted_documents"):
            con.execute(f"delete from {table} where document_id not in (select document_id from raw.documents)")
        figure_total = con.execute("select count(*) from raw.figures").fetchone()[0]
    failed = [result for result in results if result.error]
    for result in failed:
        context.log.warning(f"extraction failed for document {result.document_id}: {result.error}")
    skipped = [result for result in results if result.skipped]
    if skipped:
        context.log.warning(f"{len(skipped)} documents not read: " + "; ".join(sorted({r.skipped for r in skipped})))
    context.log.info(f"extracted {len(pending)} documents, {len(figure_rows)} figures")
    yield dg.MaterializeResult(asset_key=["raw", "figures"],
                               metadata={"documents_extracted": len(pending), "documents_failed": len(failed),
                                         "documents_skipped": len(skipped),
                                         "figures_added": len(figure_rows),
                                         "figures_total": figure_total})
    yield dg.MaterializeResult(asset_key=["raw", "document_clusters"], metadata={"rows_added": len(cluster_rows)})
    yield dg.MaterializeResult(asset_key=["raw", "extracted_documents"],
                               metadata={"extractor_version": version})
