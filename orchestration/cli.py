"""`clusterhouse`: refresh the warehouse, query it, score extraction against annotations."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from orchestration.settings import export_environment, load_settings

DAGSTER_YAML = """\
# Written by `clusterhouse` when missing. DuckDB has one writer per file: one run at a time,
# and one slot in the pool every warehouse-writing asset uses.
concurrency:
  runs:
    max_concurrent_runs: 1
  pools:
    default_limit: 1
telemetry:
  enabled: false
"""


def ensure_dagster_home(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text(DAGSTER_YAML, encoding="utf-8")


def run_refresh(quiet: bool = False) -> bool:
    """Materialise every asset once through the refresh job; True when the run succeeded."""
    settings = load_settings()
    export_environment(settings)
    ensure_dagster_home(settings.dagster_home)
    import dagster as dg

    from orchestration.definitions import build_definitions

    job = build_definitions().resolve_job_def("refresh")
    log_level = "WARNING" if quiet else "INFO"
    with dg.DagsterInstance.get() as instance:
        result = job.execute_in_process(
            instance=instance,
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": log_level}}}},
        )
    if not quiet:
        status = "succeeded" if result.success else "FAILED"
        print(f"refresh {status} (run {result.run_id}); warehouse: {settings.warehouse_path}")
        if result.success:
            print(_summary(settings.warehouse_path))
        if not result.success:
            for event in result.all_events:
                if event.is_failure and event.event_specific_data is not None:
                    error = getattr(event.event_specific_data, "error", None)
                    if error is not None:
                        print(f"  {event.step_key}: {error.message.strip()}", file=sys.stderr)
    return result.success


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

        writer = csv.writer(sys.stdout)
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


def run_sql(query: str, fmt: str) -> int:
    import duckdb

    settings = load_settings()
    if not settings.warehouse_path.exists():
        print(f"no warehouse at {settings.warehouse_path}: run `clusterhouse refresh` first", file=sys.stderr)
        return 2
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        cursor = con.execute(query)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        rows = cursor.fetchall() if columns else []
    except duckdb.Error as exc:
        print(f"query failed: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    _print_rows(columns, rows, fmt)
    return 0


def run_ui(port: int) -> int:
    """Start the Dagster UI and daemon (schedules tick) on this project's instance."""
    settings = load_settings()
    export_environment(settings)
    ensure_dagster_home(settings.dagster_home)
    dagster = Path(sys.executable).with_name("dagster")
    workspace = Path(__file__).resolve().parents[1] / "workspace.yaml"
    command = [str(dagster), "dev", "-w", str(workspace), "-p", str(port)]
    print(f"Dagster UI on http://localhost:{port} (instance: {settings.dagster_home}); Ctrl-C stops it")
    os.execvpe(command[0], command, os.environ)
    return 0  # not reached


def run_evaluate(docs: Path, gold: Path, verbose: bool, min_f1: float) -> int:
    import shutil
    import tempfile

    from orchestration.scoring import format_report, score_warehouse

    work = Path(tempfile.mkdtemp(prefix="clusterhouse-evaluate-"))
    try:
        raw = work / "raw"
        shutil.copytree(docs, raw)
        os.environ.update(
            CLUSTERHOUSE_RAW_DIR=str(raw),
            CLUSTERHOUSE_WAREHOUSE=str(work / "clusterhouse.duckdb"),
            CLUSTERHOUSE_BUILD_WAREHOUSE=str(work / "build.duckdb"),
            CLUSTERHOUSE_EXPORT_DIR=str(work / "exports"),
            DAGSTER_HOME=str(work / "dagster_home"),
        )
        if not run_refresh(quiet=True):
            print("refresh of the evaluation warehouse failed", file=sys.stderr)
            return 2
        report = score_warehouse(work / "clusterhouse.duckdb", gold)
        print(format_report(report, verbose=verbose))
        return 0 if report.f1 >= min_f1 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="clusterhouse", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("refresh", help="materialise every asset once (the nightly job) and publish")
    ui = commands.add_parser("ui", help="start the Dagster UI and the schedule daemon (dagster dev)")
    ui.add_argument("--port", type=int, default=3000)
    sql = commands.add_parser("sql", help="run one read-only query against the published warehouse")
    sql.add_argument("query")
    sql.add_argument("--format", choices=["table", "csv", "json"], default="table")
    evaluate = commands.add_parser("evaluate", help="build a throw-away warehouse from DOCS and score it against GOLD")
    evaluate.add_argument("docs", type=Path)
    evaluate.add_argument("gold", type=Path)
    evaluate.add_argument("--verbose", action="store_true", help="list every match, miss and extra")
    evaluate.add_argument("--min-f1", type=float, default=0.0, help="exit 1 when facts F1 is below this")
    args = parser.parse_args(argv)

    if args.command == "refresh":
        return 0 if run_refresh() else 1
    if args.command == "ui":
        return run_ui(args.port)
    if args.command == "sql":
        return run_sql(args.query, args.format)
    if args.command == "evaluate":
        return run_evaluate(args.docs, args.gold, args.verbose, args.min_f1)
    return 2


if __name__ == "__main__":
    sys.exit(main())
