"""`clusterhouse`: refresh the warehouse, query it, draw the report, score extraction against annotations.

`refresh`, `evaluate` and `ui` run Dagster: they reach ``orchestration.commands`` when called (the
only way from this package into the Dagster glue), so importing clusterhouse never imports Dagster.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path

from clusterhouse.settings import Settings, load_settings


def run_refresh(settings: Settings, quiet: bool = False, exports: bool = True, rebuild: bool = False) -> bool:
    """Materialise every asset once through the refresh job; True when the run succeeded.
    ``exports=False`` stops at the published warehouse (for throw-away warehouses); ``rebuild``
    runs dbt and the exports even when nothing they read has changed.

    When nothing a run reads has changed since the last refresh that ran everything, and what it
    published and exported is still in place, no run is started (warehouse/last_refresh.py)."""
    from clusterhouse.warehouse.last_refresh import refresh_inputs, unchanged_since_last_refresh

    inputs = refresh_inputs(settings) if exports else None
    last = None if rebuild else unchanged_since_last_refresh(settings, inputs)
    if last is not None:
        if not quiet:
            print(f"nothing new since the refresh that ended {last.finished_at}: the raw folder, the settings "
                  "and the code are as they were then, and the published warehouse and its exports are still "
                  f"those it wrote; no run started (`clusterhouse refresh --rebuild` runs one anyway); "
                  f"warehouse: {settings.warehouse_path}")
            print(_summary(settings.warehouse_path))
        return True
    from orchestration.commands import run_refresh_job

    succeeded = run_refresh_job(settings, quiet=quiet, exports=exports, rebuild=rebuild, inputs=inputs)
    if succeeded and not quiet:
        print(_summary(settings.warehouse_path))
    return succeeded


def _summary(warehouse: Path) -> str:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        counts = con.execute("""
            select (select count(*) from marts.dim_document), (select count(*) from raw.rejected_files),
                   (select count(*) from marts.dim_cluster), (select count(*) from marts.fct_cluster_metric)
        """).fetchone()
    finally:
        con.close()
    return (f"  {counts[0]} documents ({counts[1]} files or lines rejected: see raw.rejected_files), "
            f"{counts[2]} clusters, {counts[3]} cluster figures")


def _print_rows(columns: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps([dict(zip(columns, row)) for row in rows], default=str, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        import csv

        # \n line ends, as the DuckDB CLI and the CSV exports write them
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    print(" | ".join(c.ljust(w) for c, w in zip(columns, widths)))
    print("-+-".join("-" * w for w in widths))
    for row in cells:
        print(" | ".join(v.ljust(w) for v, w in zip(row, widths)))
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


def run_sql(query: str, fmt: str, allow_files: bool = False) -> int:
    from clusterhouse.warehouse.query import QueryRefused, run_query

    settings = load_settings()
    if not settings.warehouse_path.exists():
        print(f"no warehouse at {settings.warehouse_path}: run `clusterhouse refresh` first", file=sys.stderr)
        return 2
    try:
        columns, rows = run_query(settings.warehouse_path, query, allow_files)
    except QueryRefused as refused:
        print(refused, file=sys.stderr)
        return 1
    _print_rows(columns, rows, fmt)
    return 0


def run_report(output: Path | None) -> int:
    from clusterhouse.report import write_report

    settings = load_settings()
    if not settings.warehouse_path.exists():
        print(f"no warehouse at {settings.warehouse_path}: run `clusterhouse refresh` first", file=sys.stderr)
        return 2
    target = write_report(settings.warehouse_path, (output or settings.export_dir / "report.html").resolve())
    print(f"report written to {target} (one file; opens in a browser with no network)")
    return 0


def run_evaluate(docs: Path, gold: Path, verbose: bool, min_f1: float) -> int:
    import shutil
    import tempfile

    work = Path(tempfile.mkdtemp(prefix="clusterhouse-evaluate-"))
    try:
        raw = work / "raw"
        shutil.copytree(docs, raw)
        settings = load_settings(
            raw_dir=raw, warehouse_path=work / "clusterhouse.duckdb", build_path=work / "build.duckdb",
            export_dir=work / "exports", dagster_home=work / "dagster_home",
        )
        # dbt's own progress lines would land between the scores: a throw-away run says nothing
        with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
            refreshed = run_refresh(settings, quiet=True, exports=False)
        if not refreshed:
            print("refresh of the evaluation warehouse failed", file=sys.stderr)
            return 2
        return _print_score(work / "clusterhouse.duckdb", gold, verbose, min_f1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run_score(gold: Path, verbose: bool, min_f1: float) -> int:
    """Score the published warehouse against annotations of documents it holds (no refresh)."""
    settings = load_settings()
    if not settings.warehouse_path.exists():
        print(f"no warehouse at {settings.warehouse_path}: run `clusterhouse refresh` first", file=sys.stderr)
        return 2
    return _print_score(settings.warehouse_path, gold, verbose, min_f1)


def _print_score(warehouse: Path, gold: Path, verbose: bool, min_f1: float) -> int:
    from clusterhouse.evaluation.scoring import format_report, score_warehouse

    try:
        report = score_warehouse(warehouse, gold)
    except ValueError as error:  # no annotations in the folder
        print(error, file=sys.stderr)
        return 2
    print(format_report(report, verbose=verbose))
    return 0 if report.f1 >= min_f1 else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="clusterhouse", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    refresh = commands.add_parser("refresh", help="materialise every asset once (the nightly job) and publish")
    refresh.add_argument("--rebuild", action="store_true",
                         help="run dbt, the publish and the exports even when nothing they read has changed "
                              "(by default a night with nothing new skips them)")
    ui = commands.add_parser(
        "ui", help="start the Dagster UI and the daemon that runs the schedule and the sensor (dg dev)")
    ui.add_argument("--port", type=int, default=3000)
    ui.add_argument("--host", default="127.0.0.1", help="address to serve on (default: this machine only)")
    sql = commands.add_parser(
        "sql", help="run one read-only query against the published warehouse",
        description="Run one read-only query against the published warehouse. Statements that would "
                    "change it are refused, and queries cannot touch the machine's files "
                    "(read_csv('/path'), COPY ... TO) unless --allow-files is given.")
    sql.add_argument("query")
    sql.add_argument("--format", choices=["table", "csv", "json"], default="table")
    sql.add_argument("--allow-files", action="store_true",
                     help="let the query read and write files on this machine (read_csv, read_text, COPY ... TO, "
                          "EXPORT DATABASE), with your permissions; off by default so that a query pasted "
                          "from elsewhere can only read the warehouse")
    report = commands.add_parser("report", help="write the HTML report of the published warehouse (charts, conflicts)")
    report.add_argument("-o", "--output", type=Path, default=None,
                        help="file to write [the export folder's report.html]")
    evaluate = commands.add_parser("evaluate", help="build a throw-away warehouse from DOCS and score it against GOLD")
    evaluate.add_argument("docs", type=Path)
    evaluate.add_argument("gold", type=Path)
    evaluate.add_argument("--verbose", action="store_true", help="list every match, miss and extra")
    evaluate.add_argument("--min-f1", type=float, default=0.0, help="exit 1 when facts F1 is below this")
    score = commands.add_parser(
        "score", help="score the published warehouse against GOLD (annotations of documents it holds)",
        description="Score the published warehouse, as last night's refresh left it, against gold annotations "
                    "(../shared/corpus/FORMAT.md) of documents in its raw folder; matched by file name. "
                    "`evaluate` does the same on a throw-away warehouse built from a folder of documents.")
    score.add_argument("gold", type=Path)
    score.add_argument("--verbose", action="store_true", help="list every match, miss and extra")
    score.add_argument("--min-f1", type=float, default=0.0, help="exit 1 when facts F1 is below this")
    args = parser.parse_args(argv)

    if args.command == "refresh":
        return 0 if run_refresh(load_settings(), rebuild=args.rebuild) else 1
    if args.command == "ui":
        from orchestration.commands import run_ui

        return run_ui(load_settings(), args.port, args.host)
    if args.command == "sql":
        return run_sql(args.query, args.format, args.allow_files)
    if args.command == "report":
        return run_report(args.output)
    if args.command == "evaluate":
        return run_evaluate(args.docs, args.gold, args.verbose, args.min_f1)
    if args.command == "score":
        return run_score(args.gold, args.verbose, args.min_f1)
    return 2


if __name__ == "__main__":
    sys.exit(main())
