"""Score a built warehouse against gold annotations (format: shared/corpus/FORMAT.md).

The matching rules are the project's scoring contract: same document; same cluster (same
6-digit admin code, or a shared place name in the same province); same metric and unit; same
year when the gold year is known; value within 0.5 %. Optional and also-stated figures count
neither way; metrics outside SCORED_METRICS are ignored.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

SCORED_METRICS = frozenset({
    "output_value", "sales_value", "online_sales", "export_value", "trade_value",
    "enterprises", "employees", "export_markets", "output_volume", "rank",
})
_PLACE_SUFFIX = re.compile(
    r"(\s+(county|district|city|prefecture|province|municipality|autonomous region|town|township))+$"
    r"|(省|市|县|区|镇)$"
)


def normalise_place(name: object) -> str:
    if name is None:
        return ""
    text = str(name).strip().lower().replace("\u2019", "'")
    return _PLACE_SUFFIX.sub("", text).strip()


@dataclass
class DocumentScore:
    file_name: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Report:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    qualifier_ok: int = 0
    period_ok: int = 0
    codes_ok: int = 0
    codes_total: int = 0
    language_ok: int = 0
    published_ok: int = 0
    published_total: int = 0
    documents: list[DocumentScore] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _cluster_matches(pred: dict, cluster: dict) -> bool:
    code = cluster.get("admin_code")
    if code and pred["admin_code"] and str(pred["admin_code"]).strip() == code:
        return True
    predicted = {normalise_place(pred[k]) for k in ("place", "county", "prefecture")} - {""}
    expected = {normalise_place(cluster.get(k)) for k in ("place", "place_zh", "county")} - {""}
    return bool(predicted & expected) and normalise_place(pred["province"]) == normalise_place(cluster.get("province"))


def _fact_matches(pred: dict, fact: dict, clusters: dict) -> bool:
    if pred["metric"] != fact["metric"] or str(pred["unit"] or "").lower() != str(fact["unit"]).lower():
        return False
    if fact.get("year") is not None and pred["year"] != fact["year"]:
        return False
    if pred["value"] is None:
        return False
    gold = float(fact["value"])
    if abs(float(pred["value"]) - gold) > 0.005 * max(abs(gold), 1.0):
        return False
    return _cluster_matches(pred, clusters[fact["cluster"]])


def _neutral_facts(gold: dict, required: list[dict]) -> list[dict]:
    neutral = [f for f in gold["facts"] if f not in required] + list(gold.get("optional_facts", []))
    for fact in gold["facts"] + list(neutral):
        alt = fact.get("also_stated")
        if alt:
            neutral.append(dict(fact, value=alt["value"], unit=alt["unit"]))
    return neutral


def _load(warehouse: Path, names: list[str]) -> tuple[list[dict], dict]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(
            """
            select d.file_name, c.place_name, c.county, c.prefecture, c.province, c.admin_code,
                   f.metric, f.year, f.period, f.value, f.unit, f.qualifier, f.evidence
            from marts.fct_cluster_metric f
            join marts.dim_document d using (document_id)
            join marts.dim_cluster c using (cluster_id)
            where d.file_name in (select unnest(?))
            """,
            [names],
        ).fetchall()
        docs = con.execute(
            "select file_name, language, cast(published_date as varchar) from marts.dim_document "
            "where file_name in (select unnest(?))",
            [names],
        ).fetchall()
    finally:
        con.close()
    columns = ["file", "place", "county", "prefecture", "province", "admin_code",
               "metric", "year", "period", "value", "unit", "qualifier", "evidence"]
    return [dict(zip(columns, row)) for row in rows], {row[0]: (row[1], row[2]) for row in docs}


def score_warehouse(warehouse: Path, gold_dir: Path) -> Report:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(gold_dir).glob("*.json"))]
    if not golds:
        raise ValueError(f"no gold annotations (*.json) in {gold_dir}")
    predictions, documents = _load(warehouse, [g["doc"] for g in golds])
    report = Report()
    for gold in golds:
        doc = DocumentScore(gold["doc"])
        clusters = {c["key"]: c for c in gold["clusters"]}
        preds = [p for p in predictions if p["file"] == gold["doc"] and p["metric"] in SCORED_METRICS]
        required = [f for f in gold["facts"] if f["metric"] in SCORED_METRICS]
        used: set[int] = set()
        for fact in required:
            hit = next((i for i, p in enumerate(preds) if i not in used and _fact_matches(p, fact, clusters)), None)
            label = f"{fact['metric']} {fact['year']} {fact['value']} {fact['unit']}"
            if hit is None:
                report.false_negatives += 1
                doc.lines.append(f"  MISS  {label}  <- {fact['evidence'][:90]}")
                continue
            used.add(hit)
            report.true_positives += 1
            report.qualifier_ok += preds[hit]["qualifier"] == fact.get("qualifier")
            report.period_ok += preds[hit]["period"] == fact.get("period")
            doc.lines.append(f"  ok    {label} (qualifier {preds[hit]['qualifier']}, period {preds[hit]['period']})")
        neutral = _neutral_facts(gold, required)
        for i, pred in enumerate(preds):
            if i in used or any(_fact_matches(pred, f, clusters) for f in neutral):
                continue
            report.false_positives += 1
            doc.lines.append(f"  EXTRA {pred['metric']} {pred['year']} {pred['value']} {pred['unit']} "
                             f"@ {pred['place']}  <- {str(pred['evidence'])[:90]}")
        for cluster in gold["clusters"]:
            if cluster.get("admin_code"):
                report.codes_total += 1
                report.codes_ok += any(str(p["admin_code"]).strip() == cluster["admin_code"] for p in preds)
        language, published = documents.get(gold["doc"], (None, None))
        report.language_ok += language == gold.get("language")
        if gold.get("published"):
            report.published_total += 1
            report.published_ok += (published or "")[:10] == gold["published"]
        doc.lines.insert(0, f"{gold['doc']}: language {language} (gold {gold.get('language')}), "
                            f"published {published} (gold {gold.get('published')})")
        report.documents.append(doc)
    return report


def format_report(report: Report, verbose: bool = False) -> str:
    lines = [line for doc in report.documents for line in doc.lines] if verbose else []
    lines.append(
        f"facts F1 {report.f1:.3f} (P {report.precision:.3f} R {report.recall:.3f}; "
        f"tp {report.true_positives} fp {report.false_positives} fn {report.false_negatives}) | "
        f"qualifier {report.qualifier_ok}/{report.true_positives} period {report.period_ok}/{report.true_positives} | "
        f"admin codes {report.codes_ok}/{report.codes_total} | language {report.language_ok}/{len(report.documents)} | "
        f"published {report.published_ok}/{report.published_total}"
    )
    return "\n".join(lines)
