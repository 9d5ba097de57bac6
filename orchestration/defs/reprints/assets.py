"""Reprints: near-duplicate articles found after ingest, so that a copy's figures count once.

Each document's MinHash signature is computed once (raw.document_signatures); a run with new
documents looks for their near-duplicates among all documents and keeps every verified pair in
raw.near_duplicates. Which of a pair is the original is dbt's call (int_documents__copies).
"""

import dagster as dg
import pyarrow as pa

from clusterhouse.documents import reprints
from clusterhouse.settings import Settings
from clusterhouse.warehouse import connect, ensure_tables, raw_tables, replace_rows
from clusterhouse.workers import Stopped, bounded_map
from orchestration.defs.resources import WAREHOUSE_POOL, ClusterhouseResource

SIGNATURE_READ_BATCH = 10_000  # texts read from the warehouse at a time
SIGNATURE_CHUNK = 500  # documents hashed by one worker task
CANDIDATE_MEMORY = "800MB"  # DuckDB's limit while the LSH join runs
log = dg.get_dagster_logger()
_TABLES = [("raw.document_signatures", raw_tables.DOCUMENT_SIGNATURES), ("raw.near_duplicates", raw_tables.NEAR_DUPLICATES)]


def _for_documents(con, ids: list[str], query: str) -> list[tuple]:
    """The rows of ``query`` (which reads the wanted ids from `wanted_ids`) for these documents."""
    if not ids:
        return []
    con.register("wanted_ids", pa.table({"document_id": pa.array(ids, pa.string())}))
    rows = con.execute(query).fetchall()
    con.unregister("wanted_ids")
    return rows


def _texts(con, ids: list[str]) -> dict[str, str]:
    rows = _for_documents(con, ids, """
        select document_id, any_value(text) from raw.documents
        where document_id in (select document_id from wanted_ids) group by document_id""")
    return {document_id: text or "" for document_id, text in rows}


def _shingle_counts(con, ids: list[str]) -> dict[str, int]:
    return dict(_for_documents(con, ids, """
        select document_id, shingle_count from raw.document_signatures
        where document_id in (select document_id from wanted_ids)"""))


def _signatures(documents: list[tuple[str, str]], settings: Settings) -> list[reprints.Signature]:
    """Signatures on every core, SIGNATURE_CHUNK documents to a task (the hashing is Python: 40 s
    for 100,000 documents on one core). A chunk whose hashing is stopped (its time, its memory)
    gives its documents empty signatures, never paired, and the log says so."""
    chunks = [documents[start:start + SIGNATURE_CHUNK] for start in range(0, len(documents), SIGNATURE_CHUNK)]
    outcomes = bounded_map(reprints.signatures, chunks, workers=settings.extract_workers,
                           seconds=settings.limits.seconds_per_document * len(chunks[0]) if chunks else 0,
                           memory_bytes=settings.limits.worker_memory_bytes, what="hashing for reprints",
                           batch_size=1, prepare=reprints.warm_up)
    found = []
    for chunk, outcome in zip(chunks, outcomes):
        if isinstance(outcome, Stopped):
            log.warning(f"reprint hashing stopped for {len(chunk)} documents ({outcome.reason}); "
                        "they are not compared with others")
            outcome = [reprints.Signature(document_id, 0, ()) for document_id, _ in chunk]
        found += outcome
    return found


def _store_signatures(con, new_ids: list[str], settings: Settings) -> None:
    """Hash the new documents, reading their texts a batch at a time (never the corpus at once)."""
    for start in range(0, len(new_ids), SIGNATURE_READ_BATCH):
        batch = new_ids[start:start + SIGNATURE_READ_BATCH]
        found = _signatures(list(_texts(con, batch).items()), settings)
        replace_rows(con, "raw.document_signatures", raw_tables.to_arrow(
            [{"document_id": s.document_id, "shingle_count": s.shingle_count, "hashvalues": list(s.hashvalues),
              "method": reprints.METHOD} for s in found], raw_tables.DOCUMENT_SIGNATURES),
            "document_id", batch)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", "document_signatures"], deps=[["raw", "documents"]],
                     description="MinHash signature of each document's shingles (computed once per document)."),
        dg.AssetSpec(["raw", "near_duplicates"], deps=[["raw", "documents"]],
                     description="Pairs of documents of which one reprints the other (other boilerplate, a cut-off "
                                 "ending), with their shingle containment and Jaccard similarity."),
    ],
    group_name="ingest",
    pool=WAREHOUSE_POOL,
    can_subset=False,
)
def detect_reprints(context: dg.AssetExecutionContext, clusterhouse: ClusterhouseResource):
    settings = clusterhouse.settings()
    with connect(settings.build_path) as con:
        ensure_tables(con, _TABLES)
        # signatures or pairs made with other parameters are made again
        con.execute("delete from raw.document_signatures where method <> ?", [reprints.METHOD])
        con.execute("delete from raw.near_duplicates where method <> ?", [reprints.METHOD])
        for table, column in (("raw.document_signatures", "document_id"), ("raw.near_duplicates", "document_id"),
                              ("raw.near_duplicates", "other_document_id")):
            con.execute(f"delete from {table} where {column} not in (select document_id from raw.documents)")
        new_ids = [row[0] for row in con.execute("""
            select distinct document_id from raw.documents
            where document_id not in (select document_id from raw.document_signatures) order by 1""").fetchall()]
        added: list[reprints.NearDuplicate] = []
        if new_ids:
            _store_signatures(con, new_ids, settings)
            con.register("new_ids", pa.table({"document_id": pa.array(new_ids, pa.string())}))
            # the join spills to disk past this, instead of taking most of the machine (1.8 GB at
            # 100,000 documents unbounded, under 1 GB so, in 16 s instead of 14 s)
            con.execute(f"set memory_limit = '{CANDIDATE_MEMORY}'")
            pairs = reprints.candidate_pairs(con, "raw.document_signatures", "new_ids")
            con.execute("reset memory_limit")
            con.unregister("new_ids")
            paired = sorted({document_id for pair in pairs for document_id in pair})
            added = reprints.near_duplicates(pairs, _texts(con, paired), _shingle_counts(con, paired))
            rows = [{"document_id": pair.document_id, "other_document_id": pair.other_document_id,
                     "containment": pair.containment, "number_containment": pair.number_containment,
                     "jaccard": pair.jaccard, "method": reprints.METHOD} for pair in added]
            # a pair is stored once, smaller id first; pairs of new documents are replaced as a whole
            con.execute("begin transaction")
            con.register("new_ids", pa.table({"document_id": pa.array(new_ids, pa.string())}))
            con.execute("""delete from raw.near_duplicates where document_id in (select document_id from new_ids)
                           or other_document_id in (select document_id from new_ids)""")
            con.unregister("new_ids")
            con.execute("commit")
            replace_rows(con, "raw.near_duplicates", raw_tables.to_arrow(rows, raw_tables.NEAR_DUPLICATES),
                         "document_id", [])
        total = con.execute("select count(*) from raw.near_duplicates").fetchone()[0]
    context.log.info(f"{len(new_ids)} new documents hashed; {len(added)} new near-duplicate pairs ({total} in all)")
    yield dg.MaterializeResult(asset_key=["raw", "document_signatures"], metadata={"documents_hashed": len(new_ids)})
    yield dg.MaterializeResult(asset_key=["raw", "near_duplicates"],
                               metadata={"pairs_added": len(added), "pairs_total": total, "method": reprints.METHOD})
