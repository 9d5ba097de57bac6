"""Checks on extracted figures: the evidence is where it says it is, and no figure is from the future."""

import dagster as dg

from clusterhouse.warehouse import connect
from orchestration.defs.resources import ClusterhouseResource

# DuckDB strings are 1-based; offsets are Python's 0-based character offsets. A document read from
# two files has a row for each (the same article, its text perhaps spaced otherwise): a figure is
# misplaced when its spans fit neither. Joined, not grouped first: grouping every text by document
# took twice as long (1.3 s at 100,000 documents).
_MISPLACED_EVIDENCE = """
    select f.figure_id, min(d.path) as path
    from raw.figures f
    join raw.documents d using (document_id)
    group by f.figure_id
    having not bool_or(
        substring(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) = f.evidence
        and f.value_start >= f.sentence_start and f.value_end <= f.sentence_end
        and substring(d.text, f.value_start + 1, f.value_end - f.value_start) = f.value_text)
    order by f.figure_id
"""


@dg.asset_check(
    asset=dg.AssetKey(["raw", "figures"]),
    description="Each figure's evidence sentence and value are exactly the text at their character spans.",
)
def evidence_spans_point_into_the_text(clusterhouse: ClusterhouseResource) -> dg.AssetCheckResult:
    with connect(clusterhouse.settings().build_path, read_only=True) as con:
        bad = con.execute(_MISPLACED_EVIDENCE).fetchall()
        total = con.execute("select count(*) from raw.figures").fetchone()[0]
    return dg.AssetCheckResult(
        passed=not bad,
        metadata={"figures": total, "misplaced": len(bad), "examples": dg.MetadataValue.json(bad[:20])},
    )


@dg.asset_check(
    asset=dg.AssetKey(["raw", "figures"]),
    description="No figure refers to a year after its document was published.",
)
def no_figure_after_publication(clusterhouse: ClusterhouseResource) -> dg.AssetCheckResult:
    with connect(clusterhouse.settings().build_path, read_only=True) as con:
        bad = con.execute("""
            select f.figure_id, f.year, d.published_date
            from raw.figures f join raw.documents d using (document_id)
            where f.year > year(d.published_date)""").fetchall()
    return dg.AssetCheckResult(passed=not bad, metadata={"figures_after_publication": len(bad)})


@dg.asset_check(
    asset=dg.AssetKey(["raw", "extracted_documents"]),
    description="Every document went through extraction without an error.",
)
def documents_extracted_without_errors(clusterhouse: ClusterhouseResource) -> dg.AssetCheckResult:
    with connect(clusterhouse.settings().build_path, read_only=True) as con:
        failed = con.execute(
            "select document_id, error from raw.extracted_documents where error is not null order by 1").fetchall()
    return dg.AssetCheckResult(
        passed=not failed,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"failed": len(failed), "errors": dg.MetadataValue.json(dict(failed[:50]))},
    )
