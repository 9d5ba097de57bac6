"""Ingest: source files under the raw folder become rows of `raw.documents`.

Only new or changed files are read (by content hash); removed files drop out. Unreadable files
become rows of `raw.rejected_files` with a plain reason, and the run goes on.
"""


from datetime import datetime, timezone

import dagster as dg

from orchestration import raw_tables
from orchestration.defs.resources import WAREHOUSE_POOL, ClusterhouseResource
from orchestration.ingest import plan_ingest, read_files, scan
from orchestration.reference_tables import place_rows
from orchestration.warehouse import connect, prepare_build, replace_rows


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

    now = datetime.now(timezone.utc)
    sha_by_path = {state.path: state.file_sha256 for state in plan.to_read}
    docs_per_file: dict[str, int] = {}
    for doc in documents:
        docs_per_file[doc.path] = docs_per_file.get(doc.path, 0) + 1
    rejected_rows = []
    rejected_sources: set[str] = set()
    for rejection in rejected:
        source = rejection.path if rejection.path in sha_by_path else rejection.path.rsplit("#", 1)[0]
        rejected_sources.add(source)
        rejected_rows.append(
            {"source_path": source, "path": rejection.path, "reason": rejection.reason,
             "file_sha256": sha_by_path.get(source), "rejected_at": now}
        )
    file_rows = []
    for state in plan.to_read:
        count = docs_per_file.get(state.path, 0)
        status = "loaded" if state.path not in rejected_sources else ("partly_rejected" if count else "rejected")
        file_rows.append({"path": state.path, "file_sha256": state.file_sha256, "size_bytes": state.size_bytes,
                          "status": status, "document_count": count, "loaded_at": now})
    document_rows = [
        {**doc.__dict__, "loaded_at": now} for doc in documents
    ]

    touched = [state.path for state in plan.to_read] + plan.removed
    with connect(settings.build_path) as con:
        con.execute("create schema if not exists raw")
        replace_rows(con, "raw.documents", raw_tables.to_arrow(document_rows, raw_tables.DOCUMENTS), "path", touched)
        replace_rows(con, "raw.rejected_files", raw_tables.to_arrow(rejected_rows, raw_tables.REJECTED_FILES),
                     "source_path", touched)
        replace_rows(con, "raw.source_files", raw_tables.to_arrow(file_rows, raw_tables.SOURCE_FILES), "path", touched)
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


@dg.asset(
    key=["raw", "places"],
    group_name="ingest",
    pool=WAREHOUSE_POOL,
    description="The gazetteer of Chinese administrative divisions (GB/T 2260) the place resolver uses.",
)
def places(context: dg.AssetExecutionContext, clusterhouse: ClusterhouseResource) -> dg.MaterializeResult:
    settings = clusterhouse.settings()
    prepare_build(settings.build_path, settings.warehouse_path)
    rows = place_rows()
    with connect(settings.build_path) as con:
        con.execute("create schema if not exists raw")
        count = replace_rows(con, "raw.places", raw_tables.to_arrow(rows, raw_tables.PLACES))
    return dg.MaterializeResult(metadata={"places": count})
