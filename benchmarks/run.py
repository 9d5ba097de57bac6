"""The benchmark: generated news corpora of each size, refreshed as the nightly job does, timed,
scored, and written to BENCHMARKS.md.

    .venv/bin/python -m benchmarks.run --sizes 10000                 # 6-9 minutes here
    .venv/bin/python -m benchmarks.run --sizes 1000 10000            # 15-25 minutes (1k three times)
    .venv/bin/python -m benchmarks.run --sizes 1000 10000 100000     # 31 minutes here, the machine at rest
    .venv/bin/python -m benchmarks.run --sizes 100000 --also 1000 10000   # 100k alone; reports all three

For each size: the corpus (benchmarks/corpus.py, with its gold) is generated once under
``--work``; then, ``--repeats`` times, a full refresh from an empty warehouse, a refresh with
nothing new and one with 1 % new documents, each as `clusterhouse refresh` in a new process (as
the schedule runs it), each with its wall time, the time of every Dagster step (from the run's
events), the peak memory of the refresh and its workers together, the machine's speed just
before and after it (a fixed workload of one core, timed) and the share of CPU time the host took
away during it (steal, from /proc/stat). Reported: the median of the repeats.
Beside them the floors on the same bytes (reading and hashing every file; one bare `re` scan of
the text), and facts F1 of the full refresh's warehouse against the gold.

Timings are never asserted by tests: this is a measurement, run by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from benchmarks.corpus import write_corpus
from benchmarks.score import score

ROOT = Path(__file__).resolve().parents[1]
# Dagster steps by stage (the step key is the asset function's name)
STAGES = {"ingest_documents": "ingest", "reference_tables": "ingest", "detect_reprints": "reprints",
          "extract_figures": "extract", "warehouse_models": "dbt", "published_warehouse": "publish",
          "analyst_exports": "exports"}
STAGE_ORDER = ("ingest", "reprints", "extract", "dbt", "publish", "exports")
NIGHTS = 3  # quiet and 1 % nights measured at each size
NO_RUN = "the check before a run (none started: nothing new)"
TARGETS = """\
Targets (issue 11), at 100,000 documents: a full refresh in ≤ 6 minutes (aim ≤ 3, ≥ 550 documents/s
end to end); extraction within 20× of the bare scan floor; a refresh with nothing new in ≤ 15 s,
not growing with the corpus; 1 % new documents in ≤ 10 % of a full refresh; peak memory ≤ 2 GB;
facts F1 not falling as the corpus grows."""


@dataclass
class Refresh:
    wall: float
    peak_mb: float
    stages: dict[str, float] = field(default_factory=dict)
    load: float = 0.0  # mean 1-minute load average of the machine during the run (other work included)
    peak_stage: str = ""  # the stage running when memory peaked
    speed: float = 0.0  # seconds the fixed workload of machine_speed() took, before and after (mean)
    steal: float = 0.0  # share of the machine's CPU time the host took away during the run (/proc/stat)
    cpu: float = 0.0  # CPU seconds (user + system) of the refresh and every process it waited for


def _pss_kb(pid: int) -> int:
    """Proportional set size: resident memory with pages shared by forked workers counted once."""
    with open(f"/proc/{pid}/smaps_rollup") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("Pss:"))


def _tree_memory_mb(root_pid: int) -> float:
    """Memory of a process and all its descendants (the workers, dbt), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                parent = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        try:
            total += _pss_kb(pid)
        except (OSError, StopIteration, ValueError):
            pass
        todo.extend(children.get(pid, ()))
    return total / 1024


def machine_speed() -> float:
    """Seconds of wall time a fixed workload of one core takes now (a Python loop and a `re` scan,
    about 0.2 s on this machine at rest). The machine's speed moves two- to threefold within a
    run (it slows after minutes of full load), and nothing in a refresh's own figures tells that
    apart from a change in the code: this does. Timed on an idle machine, between refreshes."""
    text = "In 2023 the output of the town reached 120 billion yuan, up 5.2 percent. " * 200
    number = re.compile(r"\d+(?:\.\d+)?")
    started = time.perf_counter()
    total = sum(i % 7 for i in range(2_000_000))
    for _ in range(30):
        total += len(number.findall(text))
    return time.perf_counter() - started


def cpu_jiffies() -> tuple[int, int]:
    """(all CPU time, the part of it stolen by the host) since boot, in clock ticks. On a virtual
    machine the host may take CPU time away in the middle of a run, where machine_speed(), timed
    before and after, does not see it."""
    with open("/proc/stat") as f:
        fields = [int(value) for value in f.readline().split()[1:9]]  # user … softirq, steal
    return sum(fields), fields[7]


def children_cpu_seconds() -> float:
    """User and system CPU seconds of this process's children that have ended, with theirs (the
    refresh's workers and dbt). The work a refresh did: steal lengthens its wall time, not this."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _stolen_share(before: tuple[int, int], after: tuple[int, int]) -> float:
    total = after[0] - before[0]
    return (after[1] - before[1]) / total if total > 0 else 0.0


def refresh(env: dict[str, str]) -> Refresh:
    """One `clusterhouse refresh` in a new process: wall time, peak memory of its process tree,
    step times, the machine's speed just before and after it, the CPU time the host took, and the
    CPU time the refresh used."""
    last_run = _latest_run_id(Path(env["DAGSTER_HOME"]))
    speed_before = machine_speed()
    jiffies_before = cpu_jiffies()
    cpu_before = children_cpu_seconds()
    started = time.perf_counter()
    process = subprocess.Popen([str(ROOT / ".venv" / "bin" / "clusterhouse"), "refresh"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak, loads = [0.0, 0.0], []  # megabytes, and when (epoch seconds)

    def sample() -> None:
        while process.poll() is None:
            memory = _tree_memory_mb(process.pid)
            if memory > peak[0]:
                peak[:] = [memory, time.time()]
            loads.append(os.getloadavg()[0])
            time.sleep(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    wall = time.perf_counter() - started
    steal = _stolen_share(jiffies_before, cpu_jiffies())
    cpu = children_cpu_seconds() - cpu_before
    sampler.join()
    if process.returncode != 0:
        sys.exit(f"refresh failed:\n{output[-4000:]}")
    stages, peak_stage = _stage_seconds(Path(env["DAGSTER_HOME"]), peak[1], last_run)
    speed = (speed_before + machine_speed()) / 2
    return Refresh(wall, peak[0], stages, statistics.mean(loads or [0.0]), peak_stage, speed, steal, cpu)


def _latest_run_id(dagster_home: Path) -> str | None:
    import dagster as dg

    if not (dagster_home / "dagster.yaml").exists():
        return None
    with dg.DagsterInstance.from_config(str(dagster_home)) as instance:
        runs = instance.get_runs(limit=1)
        return runs[0].run_id if runs else None


def _stage_seconds(dagster_home: Path, at: float, before: str | None) -> tuple[dict[str, float], str]:
    """Seconds per stage of the run the refresh started, from its step events, and the stage
    running at ``at``; none when it started no run (nothing new since the last: last_refresh.py)."""
    import dagster as dg

    with dg.DagsterInstance.from_config(str(dagster_home)) as instance:
        run = instance.get_runs(limit=1)[0]
        if run.run_id == before:
            return {}, NO_RUN
        stages: dict[str, float] = {}
        running = "start-up or between steps"
        for step in instance.get_run_step_stats(run.run_id):
            if step.start_time and step.end_time:
                name = step.step_key.rsplit("__", 1)[-1]  # an asset with a key prefix: exports__report
                stage = STAGES.get(name, name)
                stages[stage] = stages.get(stage, 0.0) + step.end_time - step.start_time
                if step.start_time <= at <= step.end_time:
                    running = stage
        return stages, running


def floors(raw: Path) -> dict[str, float]:
    """Reading and hashing every file, and one bare `re` scan (numbers) over the same text."""
    files = sorted(p for p in raw.rglob("*") if p.is_file())
    started = time.perf_counter()
    texts, size = [], 0
    for path in files:
        data = path.read_bytes()
        hashlib.sha256(data).hexdigest()
        size += len(data)
        texts.append(data.decode("utf-8"))
    read_hash = time.perf_counter() - started
    number = re.compile(r"\d+(?:[.,\u202f]\d+)*")
    started = time.perf_counter()
    found = sum(1 for text in texts for _ in number.finditer(text))
    scan = time.perf_counter() - started
    return {"read_hash": read_hash, "re_scan": scan, "bytes": size, "files": len(files), "numbers": found}


def _median(refreshes: list[Refresh]) -> Refresh:
    stages = {stage: statistics.median(r.stages.get(stage, 0.0) for r in refreshes)
              for stage in {s for r in refreshes for s in r.stages}}
    top = max(refreshes, key=lambda r: r.peak_mb)
    return Refresh(statistics.median(r.wall for r in refreshes), top.peak_mb, stages,
                   statistics.mean(r.load for r in refreshes), top.peak_stage,
                   statistics.median(r.speed for r in refreshes), statistics.median(r.steal for r in refreshes),
                   statistics.median(r.cpu for r in refreshes))


def bench_size(size: int, work: Path, repeats: int) -> dict:
    corpus = work / f"corpus_{size}"
    generator = hashlib.sha256((Path(__file__).parent / "corpus.py").read_bytes()).hexdigest()
    if not (corpus / "complete").exists() or (corpus / "complete").read_text() != generator:
        shutil.rmtree(corpus, ignore_errors=True)
        print(f"[{size}] generating the corpus…", flush=True)
        write_corpus(corpus, size)
        (corpus / "complete").write_text(generator)
    raw = corpus / "raw"
    floor = floors(raw)
    new_count = max(1, size // 100)
    # the nights are short: measured NIGHTS times in all, several times after one full refresh
    # where the full refresh runs once (each 1 % night from the same warehouse, copied back)
    nights = max(1, -(-NIGHTS // repeats))
    full, quiet, new, f1s = [], [], [], []
    for repeat in range(repeats):
        run = work / f"run_{size}"
        shutil.rmtree(run, ignore_errors=True)
        shutil.rmtree(raw / "new", ignore_errors=True)
        env = _environment(raw, run)
        full.append(refresh(env))
        print(f"[{size}] full refresh {full[-1].wall:.1f} s", flush=True)
        warehouse_mb = (run / "clusterhouse.duckdb").stat().st_size / 1e6
        report = score(run / "clusterhouse.duckdb", corpus / "gold")
        f1s.append(report)
        for _ in range(nights):
            quiet.append(refresh(env))
            print(f"[{size}] no-change refresh {quiet[-1].wall:.1f} s", flush=True)
        write_corpus(raw.parent / "new_tmp", new_count, start=10_000_000 + repeat * new_count)
        shutil.move(str(raw.parent / "new_tmp" / "raw"), str(raw / "new"))
        shutil.rmtree(raw.parent / "new_tmp")
        before = work / f"run_{size}_before"
        shutil.rmtree(before, ignore_errors=True)
        shutil.copytree(run, before, symlinks=True)
        for night in range(nights):
            if night:  # at the same path: dbt's saved parse is for the warehouse path it was made with
                shutil.rmtree(run)
                shutil.copytree(before, run, symlinks=True)
            new.append(refresh(env))
            print(f"[{size}] refresh with {new_count} new documents {new[-1].wall:.1f} s", flush=True)
        shutil.rmtree(before)
        shutil.rmtree(raw / "new")
    shutil.rmtree(work / f"run_{size}", ignore_errors=True)
    return {"size": size, "repeats": repeats, "nights": len(new), "floor": floor, "full": _median(full),
            "quiet": _median(quiet), "new": _median(new), "new_count": new_count, "f1": f1s[0],
            "warehouse_mb": warehouse_mb}


def _environment(raw: Path, run: Path) -> dict[str, str]:
    """A refresh of ``raw`` into a warehouse, exports and Dagster home of its own under ``run``."""
    return dict(os.environ, CLUSTERHOUSE_RAW_DIR=str(raw), CLUSTERHOUSE_WAREHOUSE=str(run / "clusterhouse.duckdb"),
                CLUSTERHOUSE_BUILD_WAREHOUSE=str(run / "build" / "clusterhouse.duckdb"),
                CLUSTERHOUSE_EXPORT_DIR=str(run / "exports"), DAGSTER_HOME=str(run / "dagster_home"))


def _machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    memory = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")) / 1024 ** 2
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, Python {platform.python_version()}, "
            f"{platform.system()} (load average when written: {load})")


def _stages_text(refresh: Refresh) -> str:
    if not refresh.stages:
        return "no run started: nothing new since the last refresh"
    return ", ".join(f"{stage} {refresh.stages[stage]:.1f}" for stage in STAGE_ORDER if stage in refresh.stages)


def render(results: list[dict], command: str, notes: list[str]) -> str:
    date = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = ["# Benchmarks", "",
             f"Measured {date} on {_machine()}; never asserted by tests. Reproduce with", "",
             "```", command, "```", "",
             "The corpus is generated news (`benchmarks/corpus.py`: seven languages, .txt/.html/.md and JSON Lines "
             "feeds, headlines, datelines, bylines, captions, boilerplate, 2–4 figures a document with known "
             "values and years); its gold is in the format of `clusterhouse evaluate`. Each refresh is "
             "`clusterhouse refresh` in a new process on a temporary warehouse; the figures are the median of the "
             "repeats (peak memory: the largest), memory is that of the refresh, its worker processes and dbt "
             "together (proportional set size, so that pages the forked workers share count once).",
             ""]
    header = "| | " + " | ".join(f"{r['size']:,} docs" for r in results) + " |"
    lines += [header, "|---|" + "---|" * len(results)]

    def row(label: str, cell) -> None:
        lines.append(f"| {label} | " + " | ".join(cell(r) for r in results) + " |")

    row("full refreshes (median of)", lambda r: str(r["repeats"]))
    row("nights with nothing new and with 1 % new (median of, each)", lambda r: str(r.get("nights", r["repeats"])))
    row("machine load during the full refreshes (1-min load average, 2 cores)", lambda r: f"{r['full'].load:.1f}")
    row("machine speed: a fixed workload of one core took (full refresh / nothing new / 1 % new; "
        "about 0.2 s at rest, more on a slowed machine)",
        lambda r: " / ".join(f"{r[night].speed:.2f}" for night in ("full", "quiet", "new")) + " s")
    row("CPU time the host took away during the refreshes (steal, as a share of the machine's; full refresh / "
        "nothing new / 1 % new)",
        lambda r: " / ".join(f"{100 * r[night].steal:.1f}" for night in ("full", "quiet", "new")) + " %")
    row("CPU time the refresh used, all its processes (user + system; full refresh / nothing new / 1 % new): "
        "its work, which the host's steal does not lengthen",
        lambda r: " / ".join(f"{r[night].cpu:.1f}" for night in ("full", "quiet", "new")) + " s")
    row("corpus", lambda r: f"{r['floor']['files']:,} files, {r['floor']['bytes'] / 1e6:.1f} MB")
    row("**full refresh from empty**", lambda r: f"**{r['full'].wall:.1f} s** ({r['size'] / r['full'].wall:.0f} docs/s)")
    for stage in STAGE_ORDER:
        row(f"&nbsp;&nbsp;{stage}", lambda r, s=stage: (
            f"{r['full'].stages.get(s, 0):.1f} s ({r['size'] / r['full'].stages[s]:,.0f} docs/s)"
            if r["full"].stages.get(s) else "–"))
    row("&nbsp;&nbsp;fixed cost (start-up, between steps)",
        lambda r: f"{r['full'].wall - sum(r['full'].stages.values()):.1f} s")
    def peak(r: dict) -> str:
        top = max((r["full"], r["quiet"], r["new"]), key=lambda refresh: refresh.peak_mb)
        return f"{top.peak_mb:,.0f} MB" + (f" (during {top.peak_stage})" if getattr(top, "peak_stage", "") else "")

    row("peak memory (all processes, PSS)", peak)
    row("warehouse size", lambda r: f"{r['warehouse_mb']:.0f} MB")
    row("**refresh with nothing new**", lambda r: f"**{r['quiet'].wall:.1f} s** ({_stages_text(r['quiet'])})")
    row("**refresh with 1 % new documents**",
        lambda r: f"**{r['new'].wall:.1f} s** ({r['new_count']:,} docs, {100 * r['new'].wall / r['full'].wall:.0f} % "
                  f"of full; {_stages_text(r['new'])})")
    row("floor: read and hash every file", lambda r: f"{r['floor']['read_hash']:.2f} s")
    row("floor: one bare `re` scan", lambda r: f"{r['floor']['re_scan']:.2f} s")
    row("extraction ÷ scan floor", lambda r: f"{r['full'].stages.get('extract', 0) / r['floor']['re_scan']:.0f}×")
    row("**facts F1** (P / R)", lambda r: f"**{r['f1'].f1:.3f}** ({r['f1'].precision:.3f} / {r['f1'].recall:.3f})")
    lines += ["", "## Targets", "", TARGETS, "", *notes, ""]
    return "\n".join(lines)


def verdicts(results: list[dict]) -> list[str]:
    """Each target, met or not, at the largest size measured (extrapolated to 100k when smaller)."""
    top = max(results, key=lambda r: r["size"])
    scale = 100_000 / top["size"]
    # the fixed cost of a run (that of a refresh with nothing new; less than a run's when it starts
    # none, which makes the extrapolation err high) plus the cost per document
    fixed = top["quiet"].wall
    full_100k = fixed + (top["full"].wall - fixed) * scale if scale > 1 else top["full"].wall
    said = ("measured" if scale == 1 else
            f"extrapolated from {top['size']:,}: {fixed:.0f} s fixed + {scale:.0f} × {top['full'].wall - fixed:.0f} s")
    ratio = top["full"].stages.get("extract", 0) / top["floor"]["re_scan"]
    f1s = [r["f1"].f1 for r in sorted(results, key=lambda r: r["size"])]
    quiet = [r["quiet"].wall for r in sorted(results, key=lambda r: r["size"])]
    peak_mb = max(top["full"].peak_mb, top["quiet"].peak_mb, top["new"].peak_mb)

    def mark(ok: bool) -> str:
        return "met" if ok else "**not met**"

    return [
        f"- 100k full refresh ≤ 6 min: {mark(full_100k <= 360)} ({full_100k:.0f} s, {said}); "
        f"≤ 3 min: {mark(full_100k <= 180)}.",
        f"- extraction within 20× of the scan floor: {mark(ratio <= 20)} ({ratio:.0f}× at {top['size']:,}).",
        f"- no-change refresh ≤ 15 s: {mark(max(quiet) <= 15)} ({', '.join(f'{q:.1f} s' for q in quiet)} by size)"
        + ("" if scale == 1 else "; not measured at 100k") + ".",
        f"- 1 % new ≤ 10 % of a full refresh: {mark(top['new'].wall <= 0.1 * top['full'].wall)} "
        f"({100 * top['new'].wall / top['full'].wall:.0f} % at {top['size']:,}).",
        f"- peak memory ≤ 2 GB: {mark(peak_mb <= 2000)} ({peak_mb:,.0f} MB at {top['size']:,}"
        + ("" if scale == 1 else "; not measured at 100k") + ").",
        f"- facts F1 not falling with size: {mark(all(b >= a - 0.005 for a, b in zip(f1s, f1s[1:])))} "
        f"({' → '.join(f'{f:.3f}' for f in f1s)}).",
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeats", type=int, default=0, help="runs per size (default: 3 up to 1k, then 1)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/clusterhouse-bench"))
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--note", action="append", default=[], help="a line to add under the targets")
    parser.add_argument("--also", type=int, nargs="*", default=[],
                        help="sizes measured by an earlier run (saved under --work) to report beside these")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    results = []
    for size in args.sizes:
        results.append(bench_size(size, args.work, args.repeats or (3 if size <= 1000 else 1)))
        (args.work / f"result_{size}.pkl").write_bytes(pickle.dumps(results[-1]))
    results += [pickle.loads((args.work / f"result_{size}.pkl").read_bytes()) for size in args.also]
    results.sort(key=lambda r: r["size"])
    command = ".venv/bin/python -m benchmarks.run " + " ".join(sys.argv[1:] if argv is None else argv)
    text = render(results, command, verdicts(results) + args.note)
    args.output.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
