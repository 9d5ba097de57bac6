"""Facts F1 of a warehouse against a generated corpus's gold, with the matching rules of
`clusterhouse evaluate` (clusterhouse/evaluation/scoring.py) but grouped by document, so that it
stays linear at 100,000 documents."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from clusterhouse.evaluation.scoring import SCORED_METRICS, Report, _fact_matches

_PREDICTIONS = """
    select d.file_name, c.place_name, c.county, c.prefecture, c.province, c.admin_code,
           f.metric, f.year, f.period, f.value, f.unit, f.qualifier, f.evidence
    from marts.fct_cluster_metric f
    join marts.dim_document d using (document_id)
    join marts.dim_cluster c using (cluster_id)
"""
_COLUMNS = ["file", "place", "county", "prefecture", "province", "admin_code",
            "metric", "year", "period", "value", "unit", "qualifier", "evidence"]


def score(warehouse: Path, gold_dir: Path) -> Report:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(_PREDICTIONS).fetchall()
    finally:
        con.close()
    by_file: dict[str, list[dict]] = {}
    for row in rows:
        prediction = dict(zip(_COLUMNS, row))
        if prediction["metric"] in SCORED_METRICS:
            by_file.setdefault(prediction["file"], []).append(prediction)
    report = Report()
    for path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        clusters = {c["key"]: c for c in gold["clusters"]}
        predictions = by_file.get(gold["doc"], [])
        used: set[int] = set()
        for fact in gold["facts"]:
            hit = next((i for i, p in enumerate(predictions) if i not in used and _fact_matches(p, fact, clusters)),
                       None)
            if hit is None:
                report.false_negatives += 1
            else:
                used.add(hit)
                report.true_positives += 1
        report.false_positives += len(predictions) - len(used)
    return report
