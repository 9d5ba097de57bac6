"""The Dagster UI serves the code location: assets, the refresh job and the nightly schedule.

The GraphQL checks need only the webserver; the page check needs headless Chromium (Debian's
`chromium`, installed by .ci/run) and skips, saying so, where it is missing.
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

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("ui")]
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def webserver(tmp_path_factory):
    home = tmp_path_factory.mktemp("dagster_home")
    port = _free_port()
    env = dict(os.environ, DAGSTER_HOME=str(home))
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("dagster-webserver")), "-w", str(ROOT / "workspace.yaml"),
         "-h", "127.0.0.1", "-p", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/server_info", timeout=2):
                    break
            except OSError:
                if process.poll() is not None:
                    pytest.fail("dagster-webserver exited during start-up")
                time.sleep(0.5)
        else:
            pytest.fail("dagster-webserver did not answer within 90 s")
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def graphql(url: str, query: str) -> dict:
    request = urllib.request.Request(f"{url}/graphql", data=json.dumps({"query": query}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())["data"]


def test_the_ui_lists_every_asset_the_job_and_the_schedule(webserver):
    data = graphql(webserver, """
        { assetNodes { assetKey { path } groupName }
          repositoriesOrError { ... on RepositoryConnection { nodes { location { name }
              jobs { name } schedules { name cronSchedule executionTimezone } } } } }""")
    keys = {"/".join(node["assetKey"]["path"]) for node in data["assetNodes"]}
    assert {"raw/documents", "raw/figures", "marts/dim_cluster", "marts/fct_cluster_metric",
            "exports/mart_files"} <= keys
    repository = data["repositoriesOrError"]["nodes"][0]
    assert repository["location"]["name"] == "clusterhouse"
    assert "refresh" in {job["name"] for job in repository["jobs"]}
    assert {"name": "nightly_refresh", "cronSchedule": "0 2 * * *", "executionTimezone": "Asia/Shanghai"} in (
        repository["schedules"])


def test_the_asset_catalog_renders_in_a_browser(webserver, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium); page rendering not checked")
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=20000",
         f"--screenshot={tmp_path / 'assets.png'}", "--window-size=1400,2400", "--dump-dom",
         f"{webserver}/assets?view=flat"],
        capture_output=True, text=True, timeout=120,
    )
    assert (tmp_path / "assets.png").exists() or "fct_cluster_metric" in result.stdout
    assert "fct_cluster_metric" in result.stdout
