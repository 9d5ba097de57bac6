"""Checks on extracted figures: the evidence is where it says it is, and no figure is from the future."""

import dagster as dg
from pydantic import Field

from clusterhouse.warehouse import connect
from clusterhouse.warehouse.evidence_check import check_evidence
from orchestration.defs.resources import ClusterhouseResource


class EvidenceCheckConfig(dg.Config):
    every_figure: bool = Field(
        default=False, description="Read every figure, not only those extracted or re-read since the last pass.")


@dg.asset_check(
    asset=dg.AssetKey(["raw", "figures"]),
    description="Each figure's evidence sentence and value are exactly the text at their character spans "
                "(the figures extracted or re-read since the last pass; `every_figure: true` reads them all).",
)
def evidence_spans_point_into_the_text(config: EvidenceCheckConfig,
                                       clusterhouse: ClusterhouseResource) -> dg.AssetCheckResult:
    with connect(clusterhouse.settings().build_path) as con:
        checked = check_evidence(con, every_figure=config.every_figure)
    return dg.AssetCheckResult(
        passed=checked.passed,
        metadata={"figures": checked.figures_total, "figures_read": checked.figures_read,
                  "every_figure_read": checked.every_figure, "misplaced": len(checked.misplaced),
                  "examples": dg.MetadataValue.json(checked.misplaced[:20])},
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
