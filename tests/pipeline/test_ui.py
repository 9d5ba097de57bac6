"""The Dagster UI as users see it: `clusterhouse ui` (webserver and daemon, `dg dev`) on loopback.

GraphQL shows every asset, the refresh job, the nightly schedule and the sensor. Headless
Chromium, driven by Playwright, opens the asset graph, the schedule and the sensor, launches a
materialisation from the page while `clusterhouse refresh` starts from a terminal, and waits for
the run to succeed: the two runs never write at the same time. Screenshots are saved under the
test's temporary folder. Last, the UI stops cleanly on Ctrl-C (SIGINT to its process group). The browser test skips, saying so, where Chromium or Playwright is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import dagster as dg
import pytest

from tests.conftest import FIXTURES, copy_documents

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("ui")]
ROOT = Path(__file__).resolve().parents[2]
CLI = str(Path(sys.executable).with_name("clusterhouse"))
WRITERS = ("ingest_documents", "reference_tables", "extract_figures", "warehouse_models", "exports__published_warehouse",
           "analyst_exports", "detect_reprints")
SKIPPED_WHEN_NOTHING_CHANGED = ("exports__published_warehouse", "analyst_exports")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _environment(work: Path) -> dict[str, str]:
    (work / "raw").mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, CLUSTERHOUSE_RAW_DIR=str(work / "raw"),
               CLUSTERHOUSE_WAREHOUSE=str(work / "warehouse" / "clusterhouse.duckdb"),
               CLUSTERHOUSE_EXPORT_DIR=str(work / "warehouse" / "exports"), DAGSTER_HOME=str(work / "dagster_home"),
               CLUSTERHOUSE_EXTRACT_WORKERS="1")
    env.pop("CLUSTERHOUSE_BUILD_WAREHOUSE", None)
    return env


def start_ui(work: Path) -> tuple[subprocess.Popen, str, dict[str, str]]:
    """`clusterhouse ui` in a session of its own (as a terminal runs it), once it answers."""
    env, port = _environment(work), _free_port()
    log = open(work / "ui.log", "w")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen([CLI, "ui", "--port", str(port), "--host", "127.0.0.1"], cwd=ROOT, env=env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/server_info", timeout=2):
                return process, url, env
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"clusterhouse ui exited during start-up:\n{(work / 'ui.log').read_text()[-3000:]}")
            time.sleep(0.5)
    os.killpg(process.pid, signal.SIGKILL)
    pytest.fail("clusterhouse ui did not answer within 120 s")


def processes_in_group(pgid: int) -> list[str]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            found.append(stat.parent.name)
    return found


def stops_cleanly(process: subprocess.Popen, signum: int, work: Path) -> None:
    started = time.monotonic()
    os.killpg(process.pid, signum)
    try:
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert time.monotonic() - started < 45
    time.sleep(0.5)
    assert processes_in_group(process.pid) == [], "every process of the UI is gone"
    assert "Dagster UI stopped" in (work / "ui.log").read_text()


@pytest.fixture(scope="module")
def ui(tmp_path_factory):
    work = tmp_path_factory.mktemp("ui")
    copy_documents(FIXTURES / "pipeline", work / "raw")
    process, url, env = start_ui(work)
    yield process, url, env, work
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)


def graphql(url: str, query: str) -> dict:
    request = urllib.request.Request(f"{url}/graphql", data=json.dumps({"query": query}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())["data"]


def test_the_ui_lists_every_asset_the_job_the_schedule_and_the_sensor(ui):
    _, url, _, _ = ui
    data = graphql(url, """
        { assetNodes { assetKey { path } groupName }
          repositoriesOrError { ... on RepositoryConnection { nodes { location { name }
              jobs { name }
              schedules { name cronSchedule executionTimezone scheduleState { status } }
              sensors { name sensorState { status } } } } } }""")
    keys = {"/".join(node["assetKey"]["path"]) for node in data["assetNodes"]}
    assert {"raw/documents", "raw/figures", "marts/dim_cluster", "marts/fct_cluster_metric",
            "exports/mart_files"} <= keys
    repository = data["repositoriesOrError"]["nodes"][0]
    assert repository["location"]["name"] == "clusterhouse"
    assert "refresh" in {job["name"] for job in repository["jobs"]}
    assert {"name": "nightly_refresh", "cronSchedule": "0 2 * * *", "executionTimezone": "Asia/Shanghai",
            "scheduleState": {"status": "STOPPED"}} in repository["schedules"]
    assert {"name": "new_raw_files", "sensorState": {"status": "STOPPED"}} in repository["sensors"]


def _writing_spans(instance: dg.DagsterInstance, run_id: str) -> list[tuple[float, float]]:
    starts, spans = {}, []
    for entry in instance.all_logs(run_id):
        event = entry.dagster_event
        if event is None or event.step_key not in WRITERS:
            continue
        if event.event_type_value == "STEP_START":
            starts[event.step_key] = entry.timestamp
        elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
            spans.append((starts[event.step_key], entry.timestamp))
    return spans


def test_a_user_materialises_everything_from_the_page_while_a_refresh_runs_from_the_terminal(ui, tmp_path):
    _, url, env, work = ui
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium): the UI is not checked in a browser")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    started = time.monotonic()
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.set_default_timeout(60_000)
        page.goto(f"{url}/asset-groups", wait_until="networkidle")
        # the community sign-up dialog of a new instance, whenever it opens (on a slow machine,
        # after the asset groups show)
        page.add_locator_handler(page.get_by_role("button", name="Skip"), lambda skip: skip.click())
        for group in ("ingest", "extract", "staging", "intermediate", "marts", "exports"):
            page.get_by_text(group, exact=True).first.wait_for()  # the graph renders after the network is idle
            assert page.get_by_text(group, exact=True).first.is_visible()
        page.screenshot(path=tmp_path / "asset_graph.png")

        page.goto(f"{url}/locations/clusterhouse/schedules/nightly_refresh", wait_until="networkidle")
        page.get_by_text("Asia/Shanghai").wait_for()
        assert page.get_by_text("0 2 * * *").count()
        page.screenshot(path=tmp_path / "schedule.png")
        page.goto(f"{url}/locations/clusterhouse/sensors/new_raw_files", wait_until="networkidle")
        page.get_by_text("Launches a refresh when files are added").wait_for()
        page.screenshot(path=tmp_path / "sensor.png")

        # the nightly job's page: its assets (the partitioned path by arrival date is a job of its own)
        page.goto(f"{url}/locations/clusterhouse/jobs/refresh", wait_until="networkidle")
        page.get_by_role("button", name="Materialize all").click()
        page.get_by_text("Launched run").wait_for()
        terminal = subprocess.Popen([CLI, "refresh"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True)
        page.get_by_role("link", name="View").first.click()
        page.wait_for_url("**/runs/**")
        run_id = page.url.rstrip("/").split("/runs/")[1].split("?")[0]
        page.get_by_text("Success", exact=True).first.wait_for(timeout=900_000)  # slow on a busy machine
        page.screenshot(path=tmp_path / "run_succeeded.png")
        browser.close()
    output, _ = terminal.communicate(timeout=600)
    assert terminal.returncode == 0, output[-3000:]
    print(f"screenshots in {tmp_path}; UI flow took {time.monotonic() - started:.0f} s")
    for name in ("asset_graph.png", "schedule.png", "sensor.png", "run_succeeded.png"):
        assert (tmp_path / name).stat().st_size > 10_000

    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        from_page = instance.get_run_by_id(run_id)
        from_terminal = [run for run in instance.get_runs() if run.tags.get("clusterhouse/trigger") == "cli"]
        assert from_page.status == dg.DagsterRunStatus.SUCCESS
        assert [run.status for run in from_terminal] == [dg.DagsterRunStatus.SUCCESS]
        runs = [_writing_spans(instance, run_id), _writing_spans(instance, from_terminal[0].run_id)]
    first, second = sorted(runs)
    assert len(first) == len(WRITERS)
    # nothing changed in between: the second run reads the folder and skips the build's publish and exports
    assert len(second) == len(WRITERS) - len(SKIPPED_WHEN_NOTHING_CHANGED)
    spans = sorted(first + second)
    assert all(end <= next_start for (_, end), (next_start, _) in zip(spans, spans[1:])), (
        "two runs wrote the warehouse at the same time")


def test_the_ui_stops_cleanly_on_ctrl_c(ui):
    """SIGINT to its process group, as a terminal's Ctrl-C sends it; SIGTERM and SIGHUP take the
    same way, checked with a stand-in for `dg dev` (tests/orchestration/test_ui_signals.py)."""
    process, _, _, work = ui
    stops_cleanly(process, signal.SIGINT, work)
