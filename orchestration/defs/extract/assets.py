"""Extract: the figures each document states, with their evidence, into `raw.figures`.

A document is extracted once per extractor version: new documents, and every document again
when the rules or reference data change (settings.extractor_version()). Figures of documents that left the raw folder go.
"""


from datetime import datetime, timezone

import dagster as dg
import pyarrow as pa

from clusterhouse.extraction import DocumentInput, ExtractionResult, extract_many
from clusterhouse.extraction.pipeline import prepare
from clusterhouse.settings import Settings, extractor_version
from clusterhouse.warehouse import connect, ensure_tables, raw_tables, replace_rows
from clusterhouse.warehouse.write_behind import WriteBehind
from clusterhouse.workers import Stopped, bounded_map
from orchestration.defs.resources import WAREHOUSE_POOL, ClusterhouseResource

_PENDING_IDS = """
    select distinct document_id
    from raw.documents d
    where not exists (
        select 1 from raw.extracted_documents e
        where e.document_id = d.document_id and e.extractor_version = ?
    )
    order by document_id
"""
_PENDING_BATCH = """
    select document_id, any_value(text), any_value(language), any_value(published_date), any_value(title)
    from raw.documents
    where document_id in (select document_id from batch_ids)
    group by document_id
    order by document_id
"""
EXTRACT_BATCH = 5000  # documents extracted and written at a time


# table, its schema, and the ExtractionResult field that fills it
_TABLES = (("raw.figures", raw_tables.FIGURES, "figures"), ("raw.document_clusters", raw_tables.DOCUMENT_CLUSTERS, "clusters"),
           ("raw.events", raw_tables.EVENTS, "events"), ("raw.dropped_figures", raw_tables.DROPPED_FIGURES, "dropped"))
_DONE_TABLE = ("raw.extracted_documents", raw_tables.EXTRACTED_DOCUMENTS)  # written last for a batch


def _extract_one(doc: DocumentInput) -> ExtractionResult:
    return extract_many([doc], workers=1)[0]


def _warm_up() -> None:
    """Load the extraction rules and reference data before the workers fork (they share them)."""
    prepare()


def extract_within_limits(pending: list[DocumentInput], settings: Settings) -> list[ExtractionResult]:
    """Every document extracted in a worker process with the time and memory limits of one
    document (settings.limits); one that runs over gets the reason as its error, the rest go on."""
    limits = settings.limits
    outcomes = bounded_map(_extract_one, pending, workers=settings.extract_workers,
                           seconds=limits.seconds_per_document, memory_bytes=limits.worker_memory_bytes,
                           what="extraction", items_per_worker=50, prepare=_warm_up)
    return [ExtractionResult(doc.document_id, error=outcome.reason) if isinstance(outcome, Stopped) else outcome
            for doc, outcome in zip(pending, outcomes)]


def _pending_documents(con, ids: list[str]) -> list[DocumentInput]:
    con.register("batch_ids", pa.table({"document_id": pa.array(ids, pa.string())}))
    rows = con.execute(_PENDING_BATCH).fetchall()
    con.unregister("batch_ids")
    return [DocumentInput(document_id=row[0], text=row[1], language=row[2], published_date=row[3], title=row[4])
            for row in rows]


def _write_batch(cursor, ids: list[str], rows_by_table: dict[str, list[dict]]) -> None:
    """A batch's rows, in place of what its documents had (raw.extracted_documents last), through
    the writer thread's own cursor."""
    schemas = {table: schema for table, schema, _ in _TABLES} | dict([_DONE_TABLE])
    with cursor:
        for table, rows in rows_by_table.items():
            replace_rows(cursor, table, raw_tables.to_arrow(rows, schemas[table]), "document_id", ids)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", "figures"], deps=[["raw", "documents"]],
                     description="Every figure a document states, with metric, value, period and evidence span."),
        dg.AssetSpec(["raw", "document_clusters"], deps=[["raw", "documents"]],
                     description="The clusters (place + product) each document reports on."),
        dg.AssetSpec(["raw", "dropped_figures"], deps=[["raw", "documents"]],
                     description="Candidates the rules turned down (targets, subsets, national figures…), with the reason."),
        dg.AssetSpec(["raw", "events"], deps=[["raw", "documents"]],
                     description="Dated milestones of a cluster: first factory, designations, titles, facilities opened."),
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
        ensure_tables(con, [(table, schema) for table, schema, _ in _TABLES] + [_DONE_TABLE])
        pending_ids = [row[0] for row in con.execute(_PENDING_IDS, [version]).fetchall()]
    extracted = failed = skipped_count = 0
    added_counts = {table: 0 for table, _, _ in _TABLES}
    skipped_reasons: set[str] = set()
    # in batches, so that memory does not grow with the corpus: texts in, rows out, one batch at a
    # time; a batch's rows are written while the workers extract the next (one connection open
    # throughout, a cursor for each thread: connections opened and closed by two threads at once
    # race in DuckDB)
    with connect(settings.build_path) as con, WriteBehind() as writer:
        for start in range(0, len(pending_ids), EXTRACT_BATCH):
            ids = pending_ids[start:start + EXTRACT_BATCH]
            pending = _pending_documents(con, ids)
            results = extract_within_limits(pending, settings)
            now = datetime.now(timezone.utc)
            done_rows = [
                {"document_id": result.document_id, "extractor_version": version,
                 "figure_count": len(result.figures), "error": result.error, "skipped_reason": result.skipped,
                 "extracted_at": now}
                for result in results
            ]
            added = {table: [row for result in results for row in getattr(result, field)]
                     for table, _, field in _TABLES}
            writer.submit(_write_batch, con.cursor(), ids, {**added, _DONE_TABLE[0]: done_rows})
            for result in results:
                if result.error:
                    context.log.warning(f"extraction failed for document {result.document_id}: {result.error}")
            extracted += len(pending)
            failed += sum(1 for result in results if result.error)
            skipped = [result.skipped for result in results if result.skipped]
            skipped_count += len(skipped)
            skipped_reasons.update(skipped)
            for table in added_counts:
                added_counts[table] += len(added[table])
            del pending, results, added, done_rows
    with connect(settings.build_path) as con:
        for table, _, _ in (*_TABLES, (*_DONE_TABLE, None)):
            # documents that left the raw folder take their rows with them
            con.execute(f"delete from {table} where document_id not in (select document_id from raw.documents)")
        figure_total = con.execute("select count(*) from raw.figures").fetchone()[0]
    if skipped_count:
        context.log.warning(f"{skipped_count} documents not read: " + "; ".join(sorted(skipped_reasons)))
    context.log.info(f"extracted {extracted} documents, {added_counts['raw.figures']} figures")
    yield dg.MaterializeResult(asset_key=["raw", "figures"],
                               metadata={"documents_extracted": extracted, "documents_failed": failed,
                                         "documents_skipped": skipped_count,
                                         "figures_added": added_counts["raw.figures"], "figures_total": figure_total})
    yield dg.MaterializeResult(asset_key=["raw", "document_clusters"],
                               metadata={"rows_added": added_counts["raw.document_clusters"]})
    yield dg.MaterializeResult(asset_key=["raw", "events"], metadata={"rows_added": added_counts["raw.events"]})
    yield dg.MaterializeResult(asset_key=["raw", "dropped_figures"],
                               metadata={"rows_added": added_counts["raw.dropped_figures"]})
    yield dg.MaterializeResult(asset_key=["raw", "extracted_documents"], metadata={"extractor_version": version})
