"""BENCHMARKS.md as the runner writes it: every figure in its row, the machine's speed beside them."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

from benchmarks.run import Refresh, _stolen_share, children_cpu_seconds, cpu_jiffies, render, verdicts

STAGES = {"ingest": 10.0, "reprints": 5.0, "extract": 40.0, "dbt": 20.0, "publish": 0.5, "exports": 10.0}


def _result(size: int, speeds: tuple[float, float, float]) -> dict:
    full, quiet, new = (Refresh(wall, 900.0, dict(STAGES), 1.9, "dbt", speed)
                        for wall, speed in zip((100.0, 12.0, 20.0), speeds))
    return {"size": size, "repeats": 1, "nights": 3, "full": full, "quiet": quiet, "new": new,
            "new_count": size // 100, "warehouse_mb": 50.0,
            "floor": {"read_hash": 0.2, "re_scan": 0.5, "bytes": 14_000_000, "files": 8_800, "numbers": 1},
            "f1": SimpleNamespace(f1=0.997, precision=0.997, recall=0.996)}


def test_the_machines_speed_is_reported_beside_each_kind_of_refresh():
    results = [_result(10_000, (0.21, 0.45, 0.62))]
    text = render(results, ".venv/bin/python -m benchmarks.run --sizes 10000", verdicts(results))
    row = next(line for line in text.splitlines() if line.startswith("| machine speed"))
    assert row.endswith("| 0.21 / 0.45 / 0.62 s |")


def test_the_cpu_time_the_host_took_is_reported_beside_each_kind_of_refresh():
    result = _result(10_000, (0.2, 0.2, 0.2))
    result["full"].steal, result["new"].steal = 0.123, 0.004
    text = render([result], "…", verdicts([result]))
    row = next(line for line in text.splitlines() if line.startswith("| CPU time the host took away"))
    assert row.endswith("| 12.3 / 0.0 / 0.4 % |")


def test_the_cpu_time_each_kind_of_refresh_used_is_reported():
    result = _result(10_000, (0.2, 0.2, 0.2))
    result["full"].cpu, result["quiet"].cpu, result["new"].cpu = 812.34, 9.06, 60.0
    text = render([result], "…", verdicts([result]))
    row = next(line for line in text.splitlines() if line.startswith("| CPU time the refresh used"))
    assert row.endswith("| 812.3 / 9.1 / 60.0 s |")


def test_the_cpu_time_of_children_counts_a_child_and_the_processes_it_waited_for():
    before = children_cpu_seconds()
    burn = "import subprocess, sys; subprocess.run([sys.executable, '-c', 'sum(range(20_000_000))'], check=True)"
    subprocess.run([sys.executable, "-c", burn], check=True)
    assert children_cpu_seconds() - before > 0.05  # the grandchild's loop alone: ~0.4 s of CPU here


def test_the_stolen_share_is_of_the_cpu_time_between_two_readings():
    assert _stolen_share((1_000, 10), (1_400, 110)) == 0.25
    assert _stolen_share((1_000, 10), (1_000, 10)) == 0.0
    total, stolen = cpu_jiffies()
    assert 0 <= stolen <= total


def test_results_saved_before_the_speed_was_measured_still_render():
    """--also reads results pickled by an earlier run, whose refreshes had no speed, steal nor CPU
    time (the fields' defaults)."""
    result = _result(1_000, (0.0, 0.0, 0.0))
    for refresh in (result["full"], result["quiet"], result["new"]):
        del refresh.__dict__["speed"], refresh.__dict__["steal"], refresh.__dict__["cpu"]
    text = render([result], "…", verdicts([result]))
    assert "| 0.00 / 0.00 / 0.00 s |" in text and "| 0.0 / 0.0 / 0.0 % |" in text and "| 0.0 / 0.0 / 0.0 s |" in text
