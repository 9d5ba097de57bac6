"""Ingest: source files under the raw folder become rows of `raw.documents`.

Only new or changed files are read (by content hash). A removed file's documents go, and its row
of `raw.source_files` stays with status `removed` and `removed_at`. Unreadable files, links that
lead outside the raw folder and files over the limits become rows of `raw.rejected_files` with a
plain reason, and the run goes on.
"""


from datetime import datetime, timezone

import dagster as dg
import pyarrow as pa

from clusterhouse.documents.inventory import (
    IngestPlan,
    IngestRows,
    ingest_rows,
    plan_ingest,
    read_files,
    scan,
)
from clusterhouse.warehouse import connect, ensure_tables, prepare_build, raw_tables, replace_rows
from clusterhouse.warehouse.reference_tables import write_reference_tables
from clusterhouse.warehouse.write_behind import WriteBehind
from orchestration.defs.resources import WAREHOUSE_POOL, ClusterhouseResource

INGEST_BATCH = 5000  # files read and written at a time

# written together; raw.source_files last, so a run killed half-way reads its files again
_INGEST_TABLES = (("raw.documents", raw_tables.DOCUMENTS), ("raw.rejected_files", raw_tables.REJECTED_FILES),
                  ("raw.source_files", raw_tables.SOURCE_FILES))


def _known_files(con) -> dict[str, tuple[str, str | None]]:
    """path -> fingerprint and stamp of every file the last refresh saw (removed ones excluded)."""
    ensure_tables(con, _INGEST_TABLES)
    rows = con.execute("select path, fingerprint, stamp from raw.source_files where status <> 'removed'").fetchall()
    return {path: (fingerprint, stamp) for path, fingerprint, stamp in rows}


def _write_batch(cursor, paths: list[str], rows: IngestRows) -> None:
    """A batch's rows in place of what its files had (raw.source_files last), through the writer
    thread's own cursor."""
    with cursor:
        for (table, schema), key, new_rows in zip(_INGEST_TABLES, ("path", "source_path", "path"),
                                                  (rows.documents, rows.rejected, rows.files)):
            replace_rows(cursor, table, raw_tables.to_arrow(new_rows, schema), key, paths)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", "documents"], description="One row per article read from the raw folder."),
        dg.AssetSpec(["raw", "rejected_files"],
                     description="Files (or JSON lines) that could not be read or were refused, with the reason."),
        dg.AssetSpec(["raw", "source_files"],
                     description="Inventory of source files: content hash, status (removed files keep a row)."),
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

    with connect(settings.build_path) as con:
        known = _known_files(con)
    current = scan(settings.raw_dir, settings.limits, known)  # hashes only files whose stamp moved
    plan = plan_ingest(current, {path: fingerprint for path, (fingerprint, _) in known.items()},
                       {path: stamp for path, (_, stamp) in known.items()})
    now = datetime.now(timezone.utc)
    documents_loaded = rejected_this_run = 0
    # in batches, so that memory does not grow with the corpus; each batch's raw.source_files rows
    # are written last, so a run killed half-way reads that batch's files again. A batch is written
    # while the workers read the next (through a cursor of one connection open throughout:
    # connections opened and closed by two threads at once race in DuckDB).
    with connect(settings.build_path) as con, WriteBehind() as writer:
        for start in range(0, len(plan.to_read), INGEST_BATCH):
            batch = plan.to_read[start:start + INGEST_BATCH]
            results = read_files(settings.raw_dir, batch, settings.extract_workers, settings.limits)
            rows = ingest_rows(IngestPlan(to_read=batch, removed=[], unchanged=0), results, now)
            for rejection in rows.rejected:
                context.log.warning(f"rejected {rejection['path']}: {rejection['reason']}")
            writer.submit(_write_batch, con.cursor(), [state.path for state in batch], rows)
            documents_loaded += len(rows.documents)
            rejected_this_run += len(rows.rejected)
            del results, rows

    with connect(settings.build_path) as con:
        # a removed file's documents and rejections go; its row of raw.source_files stays, marked
        for (table, schema), key in zip(_INGEST_TABLES[:2], ("path", "source_path")):
            if plan.removed:
                replace_rows(con, table, raw_tables.to_arrow([], schema), key, plan.removed)
        if plan.restamped:  # touched, not changed: remember the new stamp, read nothing
            con.register("restamped", pa.table({"path": [state.path for state in plan.restamped],
                                                "stamp": [state.stamp for state in plan.restamped]}))
            con.execute("update raw.source_files f set stamp = r.stamp from restamped r where f.path = r.path")
            con.unregister("restamped")
        if plan.removed:
            con.execute("update raw.source_files set status = 'removed', removed_at = ?, document_count = 0 "
                        "where list_contains(?::varchar[], path)", [now, plan.removed])
        total_documents = con.execute("select count(distinct document_id) from raw.documents").fetchone()[0]
        total_rejected = con.execute("select count(*) from raw.rejected_files").fetchone()[0]

    summary = {"files_read": len(plan.to_read), "files_unchanged": plan.unchanged,
               "files_removed": len(plan.removed), "documents_loaded": documents_loaded}
    yield dg.MaterializeResult(
        asset_key=["raw", "documents"],
        metadata={**summary, "distinct_documents": total_documents},
    )
    yield dg.MaterializeResult(
        asset_key=["raw", "rejected_files"],
        metadata={"rejected_this_run": rejected_this_run, "rejected_total": total_rejected},
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
    """The reference data the extractor reads (clusterhouse/reference/), published beside the figures;
    written again only when the files changed."""
    settings = clusterhouse.settings()
    prepare_build(settings.build_path, settings.warehouse_path)
    with connect(settings.build_path) as con:
        tables = write_reference_tables(con)
    for table in tables:
        yield dg.MaterializeResult(asset_key=table.table.split("."),
                                   metadata={"rows": table.rows, "written": table.written})
