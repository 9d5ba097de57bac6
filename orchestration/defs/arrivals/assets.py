"""Ingest and extraction partitioned by arrival date: the path past one machine, proven here.

Each day's partition reads the files that arrived in the raw folder that day (the day, in UTC,
they were last written) and extracts their documents; a partition replaces only its own rows
(delete-and-insert by ``arrival_date``), so partitions can run in any order, again, or side by
side on several machines (Dagster's Celery or Kubernetes executor) once the warehouse takes
several writers (docs/scaling.md). The nightly `refresh` job does not include these assets: it
keeps reading the whole folder incrementally; they run through the `refresh_by_arrival` job, one
run per day, e.g. a backfill.
"""

from datetime import date, datetime, timezone

import dagster as dg

from clusterhouse.documents.inventory import IngestPlan, arrival_date, ingest_rows, read_files, scan
from clusterhouse.extraction import DocumentInput
from clusterhouse.settings import extractor_version
from clusterhouse.warehouse import connect, ensure_tables, prepare_build, raw_tables, replace_rows
from orchestration.defs.extract.assets import extract_within_limits
from orchestration.defs.resources import WAREHOUSE_POOL, ClusterhouseResource

ARRIVALS = dg.DailyPartitionsDefinition(start_date="2020-01-01", timezone="UTC", end_offset=1)  # today's too
DOCUMENTS = ("raw.documents_by_arrival", raw_tables.DOCUMENTS_BY_ARRIVAL)
FIGURES = ("raw.figures_by_arrival", raw_tables.FIGURES_BY_ARRIVAL)


def replace_day(con, table: str, rows: list[dict], schema, day: date) -> int:
    """The rows of one arrival day, replaced in one transaction."""
    return replace_rows(con, table, raw_tables.to_arrow(rows, schema), "arrival_date", [day])


@dg.asset(key=["raw", "documents_by_arrival"], partitions_def=ARRIVALS, group_name="arrivals", pool=WAREHOUSE_POOL,
          description="Articles of the files that arrived in the raw folder on the partition's day (UTC).")
def documents_by_arrival(context: dg.AssetExecutionContext, clusterhouse: ClusterhouseResource) -> dg.MaterializeResult:
    settings = clusterhouse.settings()
    day = date.fromisoformat(context.partition_key)
    prepare_build(settings.build_path, settings.warehouse_path)
    states = scan(settings.raw_dir, settings.limits, only=lambda entry: arrival_date(entry) == day)
    results = read_files(settings.raw_dir, states, settings.extract_workers, settings.limits)
    rows = ingest_rows(IngestPlan(to_read=states, removed=[], unchanged=0), results, datetime.now(timezone.utc))
    with connect(settings.build_path) as con:
        ensure_tables(con, [DOCUMENTS])
        loaded = replace_day(con, DOCUMENTS[0], [{**row, "arrival_date": day} for row in rows.documents],
                             DOCUMENTS[1], day)
    return dg.MaterializeResult(metadata={"files_read": len(states), "documents_loaded": loaded,
                                          "rejected": len(rows.rejected)})


@dg.asset(key=["raw", "figures_by_arrival"], partitions_def=ARRIVALS, group_name="arrivals", pool=WAREHOUSE_POOL,
          deps=[documents_by_arrival],
          description="Figures of the documents that arrived on the partition's day (UTC).")
def figures_by_arrival(context: dg.AssetExecutionContext, clusterhouse: ClusterhouseResource) -> dg.MaterializeResult:
    settings = clusterhouse.settings()
    day = date.fromisoformat(context.partition_key)
    with connect(settings.build_path) as con:
        ensure_tables(con, [DOCUMENTS, FIGURES])
        pending = [DocumentInput(*row) for row in con.execute(
            f"select distinct on (document_id) document_id, text, language, published_date, title "
            f"from {DOCUMENTS[0]} where arrival_date = ? order by document_id", [day]).fetchall()]
    results = extract_within_limits(pending, settings)
    version = extractor_version()
    figures = [{**row, "extractor_version": version, "arrival_date": day}
               for result in results for row in result.figures]
    with connect(settings.build_path) as con:
        written = replace_day(con, FIGURES[0], figures, FIGURES[1], day)
    return dg.MaterializeResult(metadata={"documents_extracted": len(pending), "figures": written,
                                          "documents_failed": sum(1 for result in results if result.error)})


refresh_by_arrival = dg.define_asset_job(
    name="refresh_by_arrival",
    selection=dg.AssetSelection.assets(documents_by_arrival, figures_by_arrival),
    partitions_def=ARRIVALS,
    description="Ingest and extract the files that arrived on one day (a partition); backfill a range of days.",
)
