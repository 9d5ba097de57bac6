"""Time a full refresh, a no-change refresh and a refresh after editing 1% of the files.

    .venv/bin/python benchmarks/run_refresh.py /tmp/bench_raw

Each refresh runs as `clusterhouse refresh` in a fresh process (as the schedule would), on a
temporary warehouse; peak memory is the child's maximum resident set size.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def refresh(env: dict[str, str]) -> tuple[float, float]:
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "clusterhouse"), "refresh"], env=env,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"refresh failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return elapsed, peak / 1024


def main() -> None:
    raw = Path(sys.argv[1]).resolve()
    files = sorted(p for p in raw.rglob("*.txt"))
    with tempfile.TemporaryDirectory(prefix="clusterhouse-bench-") as work:
        env = dict(os.environ, CLUSTERHOUSE_RAW_DIR=str(raw), CLUSTERHOUSE_WAREHOUSE=f"{work}/clusterhouse.duckdb",
                   CLUSTERHOUSE_EXPORT_DIR=f"{work}/exports", DAGSTER_HOME=f"{work}/dagster_home")
        env.pop("CLUSTERHOUSE_BUILD_WAREHOUSE", None)
        for label in ("full refresh", "no-change refresh"):
            seconds, peak_mb = refresh(env)
            print(f"{label}: {seconds:.1f} s, peak RSS {peak_mb:.0f} MB")
        for path in files[:: 100]:
            path.write_text(path.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
        seconds, peak_mb = refresh(env)
        print(f"refresh after editing {len(files[::100])} files: {seconds:.1f} s, peak RSS {peak_mb:.0f} MB")
        size = Path(f"{work}/clusterhouse.duckdb").stat().st_size / 1e6
        print(f"documents: {len(files)} files + feed; warehouse {size:.0f} MB")


if __name__ == "__main__":
    main()
