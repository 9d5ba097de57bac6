"""Build the report: one HTML file that opens with no network (plotly.js and the data inline).

Sections: output and exports over time per cluster; the clusters on a map of China's provinces
(a scatter on longitude and latitude from the gazetteer, bubbles sized by output); the biggest
clusters by metric; and the table of conflicts and likely unit slips, each linked to the
sentences that state the figures (listed at the end of the page).
"""

from __future__ import annotations

import datetime as dt
import html
import os
from dataclasses import dataclass
from pathlib import Path

from clusterhouse.warehouse.connect import connect

BIGGEST = (("output_value", "Output value, billion yuan", 1e9), ("export_value", "Exports, billion yuan", 1e9),
           ("enterprises", "Enterprises", 1.0), ("employees", "Employees", 1.0))
TOP_N = 10
# lines in the over-time chart: one per cluster stops being readable long before the tens of
# thousands a large warehouse holds (and drawing them took minutes); the mart has every series
SERIES_CLUSTERS = 20
TABLE_ROWS = 200  # rows of each table (and the evidence they link to); the marts hold the rest
_CONFIG = {"displaylogo": False, "responsive": True}


@dataclass
class ReportData:
    series: list[dict]  # FY output and exports per cluster and year
    clusters: list[dict]  # every cluster with its position and latest output
    provinces: list[dict]  # province names and positions
    biggest: dict[str, list[dict]]  # metric -> top clusters by their latest value
    conflicts: list[dict]  # series rows with disagreement or slips
    slips: list[dict]  # figures flagged as likely unit slips
    evidence: list[dict]  # every figure the tables link to
    counts: dict[str, int]


def _rows(con, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def load_report_data(warehouse_path: Path) -> ReportData:
    with connect(warehouse_path, read_only=True) as con:
        series = _rows(con, """
            with charted as (
                select cluster_id, metric, year, value_cny, cluster_name, n_documents, n_conflicting, qualifier
                from marts.fct_cluster_series
                where metric in ('output_value', 'export_value') and period = 'FY' and unit = 'CNY'
            ),
            largest as (
                select cluster_id from charted group by cluster_id
                order by max(value_cny) desc nulls last, cluster_id limit ?
            )
            select cluster_name, metric, year, value_cny, n_documents, n_conflicting, qualifier
            from charted where cluster_id in (select cluster_id from largest)
            order by cluster_name, metric, year""", [SERIES_CLUSTERS])
        clusters = _rows(con, """
            with latest_output as (
                select cluster_id, value_cny, year
                from marts.fct_cluster_series
                where metric = 'output_value' and period = 'FY'
                qualify row_number() over (partition by cluster_id order by year desc) = 1
            )
            select c.cluster_id, c.cluster_name, c.province, c.place_name, c.parent_cluster_id,
                   p.longitude, p.latitude, o.value_cny as output_cny, o.year as output_year
            from marts.dim_cluster c
            join marts.dim_place p using (admin_code)
            left join latest_output o using (cluster_id)
            where p.longitude is not null
            order by o.value_cny desc nulls last, c.cluster_name""")
        provinces = _rows(con, """
            select place_name, longitude, latitude from marts.dim_place
            where place_level = 'province' and longitude is not null order by place_name""")
        biggest = {}
        for metric, _, _ in BIGGEST:
            biggest[metric] = _rows(con, """
                select cluster_name, value, unit, year, period
                from marts.fct_cluster_series
                where metric = ? and period in ('FY', 'as_of')
                qualify row_number() over (partition by cluster_id order by year desc, period) = 1
                order by value desc limit ?""", [metric, TOP_N])
        conflicts = _rows(con, """
            select cluster_name, metric, year, period, value, unit, qualifier, min_value, max_value,
                   n_documents, n_conflicting, n_outliers, reconciliation_note, figure_id,
                   cluster_id
            from marts.fct_cluster_series
            where n_conflicting > 0 or n_outliers > 0
            order by n_conflicting + n_outliers desc, cluster_name, metric, year, period
            limit ?""", [TABLE_ROWS])
        slips = _rows(con, """
            select c.cluster_name, m.metric, m.year, m.period, m.value, m.unit, m.value_cny, m.outlier_factor,
                   m.outlier_cause, m.figure_id, d.file_name, d.language
            from marts.fct_cluster_metric m
            join marts.dim_cluster c using (cluster_id)
            join marts.dim_document d using (document_id)
            where m.is_outlier
            order by c.cluster_name, m.metric, m.year, m.figure_id
            limit ?""", [TABLE_ROWS])
        evidence = _rows(con, """
            with keys as (
                select cluster_id, metric, year, period from marts.fct_cluster_series
                where n_conflicting > 0 or n_outliers > 0
                order by n_conflicting + n_outliers desc, cluster_name, metric, year, period
                limit ?
            ),
            slips as (
                select m.figure_id from marts.fct_cluster_metric m join marts.dim_cluster c using (cluster_id)
                where m.is_outlier order by c.cluster_name, m.metric, m.year, m.figure_id limit ?
            )
            select m.figure_id, c.cluster_name, m.metric, m.year, m.period, m.value, m.unit, m.qualifier,
                   m.value_text, m.evidence, m.is_outlier, m.copy_kind, d.file_name, d.source_outlet,
                   d.published_date, d.language,
                   m.value_start - m.sentence_start as value_offset, m.value_end - m.sentence_start as value_stop
            from marts.fct_cluster_metric m
            join marts.dim_cluster c on c.cluster_id = m.cluster_id
            join marts.dim_document d on d.document_id = m.document_id
            where m.figure_id in (select figure_id from slips)
               or exists (select 1 from keys k where k.cluster_id = m.cluster_id and k.metric = m.metric
                          and k.year = m.year and k.period is not distinct from m.period)
            order by c.cluster_name, m.metric, m.year, d.published_date, m.figure_id""", [TABLE_ROWS, TABLE_ROWS])
        counts = _rows(con, """
            select (select count(*) from marts.dim_document) as documents,
                   (select count(*) from marts.dim_cluster) as clusters,
                   (select count(*) from marts.fct_cluster_metric) as figures,
                   (select count(*) from marts.fct_cluster_series) as series_rows,
                   (select count(*) from marts.dim_document where copy_kind is not null) as copies,
                   (select count(*) from marts.fct_cluster_series where n_conflicting > 0 or n_outliers > 0)
                       as conflict_rows,
                   (select count(*) from marts.fct_cluster_metric where is_outlier) as slip_rows""")[0]
    return ReportData(series, clusters, provinces, biggest, conflicts, slips, evidence, counts)


def _series_figure(data: ReportData):
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    figure = make_subplots(rows=1, cols=2, subplot_titles=("Output value (FY)", "Exports (FY)"),
                           horizontal_spacing=0.08)
    names = sorted({row["cluster_name"] for row in data.series})
    palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
               "#bcbd22", "#17becf"]
    by_line: dict[tuple[str, str], list[dict]] = {}
    for row in data.series:
        by_line.setdefault((row["cluster_name"], row["metric"]), []).append(row)
    shown = set()
    for i, name in enumerate(names):
        for col, metric in ((1, "output_value"), (2, "export_value")):
            rows = by_line.get((name, metric), [])
            if not rows:
                continue
            figure.add_trace(go.Scatter(
                x=[row["year"] for row in rows], y=[row["value_cny"] / 1e9 for row in rows],
                mode="lines+markers", name=name, legendgroup=name, showlegend=name not in shown,
                line={"color": palette[i % len(palette)]}, marker={"size": 8},
                customdata=[[row["n_documents"], row["n_conflicting"]] for row in rows],
                hovertemplate=f"{html.escape(name)}<br>%{{x}}: %{{y:.2f}} bn yuan<br>"
                              "%{customdata[0]} independent documents, %{customdata[1]} disagreeing<extra></extra>",
            ), row=1, col=col)
            shown.add(name)
    figure.update_yaxes(title_text="billion yuan", rangemode="tozero")
    figure.update_xaxes(title_text="year", dtick=1)
    figure.update_layout(height=460, margin={"t": 40, "l": 60, "r": 20, "b": 40}, legend={"font": {"size": 10}})
    return figure


def _map_figure(data: ReportData):
    import plotly.graph_objects as go

    figure = go.Figure()
    figure.add_trace(go.Scatter(
        x=[p["longitude"] for p in data.provinces], y=[p["latitude"] for p in data.provinces],
        mode="markers+text", text=[p["place_name"] for p in data.provinces], textposition="top center",
        textfont={"size": 9, "color": "#888"}, marker={"symbol": "square", "size": 5, "color": "#ccc"},
        name="province capitals", hoverinfo="text"))
    with_output = [c for c in data.clusters if c["output_cny"]]
    without = [c for c in data.clusters if not c["output_cny"]]
    biggest = max((c["output_cny"] for c in with_output), default=1.0)
    if with_output:
        figure.add_trace(go.Scatter(
            x=[c["longitude"] for c in with_output], y=[c["latitude"] for c in with_output], mode="markers",
            marker={"size": [12 + 48 * (c["output_cny"] / biggest) ** 0.5 for c in with_output],
                    "color": "rgba(214, 39, 40, 0.55)", "line": {"color": "#a00", "width": 1}},
            text=[f"{c['cluster_name']} ({c['province']}): {c['output_cny'] / 1e9:.1f} bn yuan in {c['output_year']}"
                  for c in with_output],
            hoverinfo="text", name="clusters, sized by latest output"))
    if without:
        figure.add_trace(go.Scatter(
            x=[c["longitude"] for c in without], y=[c["latitude"] for c in without], mode="markers",
            marker={"size": 9, "color": "rgba(31, 119, 180, 0.6)"},
            text=[f"{c['cluster_name']} ({c['province']}): no output figure" for c in without],
            hoverinfo="text", name="clusters without an output figure"))
    figure.update_xaxes(range=[73, 135], title_text="longitude", showgrid=False, constrain="domain")
    # about 1/cos(35°): degrees of latitude and longitude look the same length in mid China
    figure.update_yaxes(range=[17, 54], title_text="latitude", scaleanchor="x", scaleratio=1.22, showgrid=False)
    figure.update_layout(height=560, margin={"t": 20, "l": 60, "r": 20, "b": 40},
                         legend={"orientation": "h", "y": -0.12}, plot_bgcolor="#f7f9fc")
    return figure


def _biggest_figure(data: ReportData):
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    figure = make_subplots(rows=2, cols=2, subplot_titles=[title for _, title, _ in BIGGEST],
                           horizontal_spacing=0.28, vertical_spacing=0.14)
    for i, (metric, _, scale) in enumerate(BIGGEST):
        rows = list(reversed(data.biggest.get(metric, [])))
        figure.add_trace(go.Bar(
            x=[row["value"] / scale for row in rows], y=[row["cluster_name"] for row in rows], orientation="h",
            text=[f"{row['year']}" for row in rows], textposition="inside", insidetextanchor="end",
            marker={"color": ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"][i]}, showlegend=False,
            hovertemplate="%{y}: %{x:,.4g} (%{text})<extra></extra>"), row=i // 2 + 1, col=i % 2 + 1)
    figure.update_yaxes(tickfont={"size": 10})
    figure.update_layout(height=620, margin={"t": 40, "l": 10, "r": 20, "b": 30})
    return figure


def _fmt(value: float | None, unit: str | None) -> str:
    if value is None:
        return ""
    if unit in ("CNY", "USD", "EUR"):
        if abs(value) >= 1e9:
            return f"{value / 1e9:,.3g} bn {unit}"
        if abs(value) >= 1e6:
            return f"{value / 1e6:,.3g} m {unit}"
    return f"{value:,.0f} {unit or ''}".strip()


def _factor(factor: float | None) -> str:
    if not factor:
        return ""
    return f"×{factor:,.0f}" if factor >= 1 else f"÷{1 / factor:,.0f}"


def _table(headers: list[str], rows: list[list[str]], css: str = "") -> str:
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _link(figure_id: str, label: str) -> str:
    return f'<a href="#fig-{html.escape(figure_id)}">{html.escape(label)}</a>'


def _evidence_sentence(row: dict) -> str:
    sentence = row["evidence"] or ""
    start, stop = row.get("value_offset"), row.get("value_stop")
    if start is None or stop is None or not (0 <= start <= stop <= len(sentence)):
        return html.escape(sentence)
    return (html.escape(sentence[:start]) + "<mark>" + html.escape(sentence[start:stop]) + "</mark>"
            + html.escape(sentence[stop:]))


def _sections_tables(data: ReportData) -> str:
    conflict_rows = [[
        html.escape(row["cluster_name"]), row["metric"], str(row["year"]), html.escape(row["period"] or ""),
        _link(row["figure_id"], _fmt(row["value"], row["unit"])),
        f"{_fmt(row['min_value'], row['unit'])} – {_fmt(row['max_value'], row['unit'])}",
        str(row["n_documents"]), str(row["n_conflicting"]), str(row["n_outliers"]),
        html.escape(row["reconciliation_note"]),
    ] for row in data.conflicts]
    slip_rows = [[
        html.escape(row["cluster_name"]), row["metric"], str(row["year"]),
        _link(row["figure_id"], _fmt(row["value"], row["unit"])), _factor(row["outlier_factor"]),
        html.escape(row["outlier_cause"] or ""), html.escape(f"{row['file_name']} ({row['language']})"),
    ] for row in data.slips]
    evidence_rows = "".join(
        f'<li id="fig-{html.escape(row["figure_id"])}"{" class=slip" if row["is_outlier"] else ""}>'
        f'<b>{html.escape(row["cluster_name"])}</b>, {row["metric"]} {row["year"]} {html.escape(row["period"] or "")}: '
        f'{_fmt(row["value"], row["unit"])} ({row["qualifier"]})'
        f'{" — likely unit slip" if row["is_outlier"] else ""}{" — " + row["copy_kind"] if row["copy_kind"] else ""}'
        f'<br><span class="src">{html.escape(row["file_name"])}'
        f'{", " + html.escape(row["source_outlet"]) if row["source_outlet"] else ""}'
        f'{", " + str(row["published_date"]) if row["published_date"] else ""}, {row["language"]}</span>'
        f'<blockquote>{_evidence_sentence(row)}</blockquote></li>'
        for row in data.evidence)
    conflicts = (_table(["cluster", "metric", "year", "period", "canonical", "range", "documents", "disagreeing",
                         "slips", "reconciliation"], conflict_rows, "wide")
                 if conflict_rows else "<p>No two independent sources disagree and no unit slip was found.</p>")
    slips = (_table(["cluster", "metric", "year", "stated", "factor", "likely cause", "document"], slip_rows)
             if slip_rows else "<p>No figure looks like a unit slip.</p>")
    more = data.counts["conflict_rows"] - len(data.conflicts)
    if more > 0:
        conflicts += f"<p>… and {more} more rows: marts.fct_cluster_series where n_conflicting > 0 or n_outliers > 0.</p>"
    more = data.counts["slip_rows"] - len(data.slips)
    if more > 0:
        slips += f"<p>… and {more} more: marts.fct_cluster_metric where is_outlier.</p>"
    return (f'<section id="conflicts"><h2>Where sources disagree</h2>{conflicts}</section>'
            f'<section id="slips"><h2>Likely unit slips</h2><p>Figures 10, 100, 1,000 or 10,000 times away from '
            f'better-supported figures for the same cluster, metric and period; left out of the canonical '
            f'series unless they are the only figure.</p>{slips}</section>'
            f'<section id="evidence"><h2>Evidence</h2><ol class="evidence">{evidence_rows}</ol></section>')


_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif;
       margin: 24px auto; max-width: 1280px; color: #222; padding: 0 16px; }
h1 { margin-bottom: 4px; } .meta { color: #666; margin-top: 0; }
section { margin: 28px 0; } h2 { border-bottom: 1px solid #ddd; padding-bottom: 4px; }
table { border-collapse: collapse; font-size: 13px; width: 100%; }
th, td { border: 1px solid #ddd; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #eef3f9; } table.wide td:last-child { min-width: 360px; }
ol.evidence li { margin-bottom: 10px; } ol.evidence li.slip { background: #fff4f4; }
blockquote { margin: 4px 0 0 0; padding-left: 10px; border-left: 3px solid #ccc; color: #333; }
mark { background: #ffe58a; } .src { color: #666; font-size: 12px; } :target { outline: 2px solid #f90; }
"""


def build_report(warehouse_path: Path, generated_at: dt.datetime | None = None) -> str:
    """The report as one HTML string (about 5 MB: plotly.js is inlined once)."""
    from plotly.offline import get_plotlyjs

    data = load_report_data(warehouse_path)
    generated_at = generated_at or dt.datetime.now(dt.timezone.utc)
    charts = {
        "chart-series": ("Output and exports over time", _series_figure(data) if data.series else None,
                         f"Canonical figures (fct_cluster_series), whole years, in billions of yuan: the "
                         f"{SERIES_CLUSTERS} clusters with the largest figures (every series is in the mart)."),
        "chart-map": ("Clusters on the map", _map_figure(data) if data.clusters else None,
                      "Each cluster at its place's position (gazetteer longitude and latitude), sized by its "
                      "latest output value; grey squares are province capitals."),
        "chart-biggest": ("The biggest clusters", _biggest_figure(data) if data.series or data.clusters else None,
                          f"Top {TOP_N} clusters by their latest canonical figure (year in the bar)."),
    }
    parts = []
    for div_id, (title, figure, caption) in charts.items():
        body = (figure.to_html(full_html=False, include_plotlyjs=False, div_id=div_id, config=_CONFIG)
                if figure is not None else f'<p id="{div_id}">No figures yet.</p>')
        parts.append(f'<section><h2>{title}</h2><p class="meta">{caption}</p>{body}</section>')
    counts = data.counts
    header = (f"<h1>Industrial clusters: what the documents say</h1>"
              f'<p class="meta">{counts["documents"]} documents ({counts["copies"]} reprints or translations), '
              f'{counts["clusters"]} clusters, {counts["figures"]} figures, {counts["series_rows"]} canonical '
              f'series rows; generated {generated_at:%Y-%m-%d %H:%M} UTC from {html.escape(warehouse_path.name)}.</p>')
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>clusterhouse report</title><style>{_CSS}</style>"
            f"<script type=\"text/javascript\">{get_plotlyjs()}</script></head><body>"
            + header + "".join(parts) + _sections_tables(data) + "</body></html>")


def write_report(warehouse_path: Path, target: Path) -> Path:
    """Write the report to ``target`` (aside, then renamed)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(build_report(warehouse_path), encoding="utf-8")
    os.replace(tmp, target)
    return target
