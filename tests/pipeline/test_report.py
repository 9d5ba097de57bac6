"""The report, drawn by headless Chromium: every chart has its SVG and its marks, the conflict
and slip tables link to the evidence, and nothing is fetched from the network.

Needs Debian's `chromium` (installed by .ci/run); skips, saying so, where it is missing. The
screenshot is kept in the test's temporary folder; set CLUSTERHOUSE_SCREENSHOT=path to keep a copy
(docs/report.png is made that way)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from clusterhouse.report import write_report

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.xdist_group("refreshed")]

CHARTS = ("chart-series", "chart-map", "chart-biggest")


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium); report rendering not checked")
    return found


def render(browser: str, page: Path, work: Path, screenshot: Path | None = None) -> str:
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={work / 'profile'}", "--virtual-time-budget=15000", "--window-size=1300,2600"]
    if screenshot is not None:
        flags.append(f"--screenshot={screenshot}")
    else:
        flags.append("--dump-dom")
    result = subprocess.run([*flags, page.as_uri()], capture_output=True, text=True, timeout=180)
    return result.stdout


def test_the_report_is_one_file_that_needs_no_network(refreshed, tmp_path):
    page = write_report(refreshed.warehouse_path, tmp_path / "report.html")
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=\"?https?:", text), "no external script or style"
    assert "Plotly" in text and all(f'id="{chart}"' in text for chart in CHARTS)


def test_the_report_draws_every_chart_in_a_browser_and_links_conflicts_to_evidence(refreshed, tmp_path):
    browser = chromium()
    page = write_report(refreshed.warehouse_path, tmp_path / "report.html")
    dom = render(browser, page, tmp_path)
    for chart in CHARTS:
        start = dom.index(f'id="{chart}"')
        ends = [dom.find(f'id="{other}"', start + 1) for other in CHARTS] + [dom.find('id="conflicts"')]
        block = dom[start:min(end for end in ends if end > start)]
        assert 'class="main-svg"' in block, f"{chart}: no SVG drawn"
        marks = len(re.findall(r'class="point"', block)) + len(re.findall(r'class="js-line"', block))
        assert marks > 0, f"{chart}: no points, bars or lines drawn"
    conflicts = dom[dom.index('id="conflicts"'):dom.index('id="evidence"')]
    links = set(re.findall(r'href="#(fig-[0-9a-f]+)"', conflicts))
    assert links and all(f'id="{anchor}"' in dom for anchor in links)
    assert "Shengzhou" in conflicts and "÷10" in conflicts
    screenshot = tmp_path / "report.png"
    render(browser, page, tmp_path, screenshot)
    assert screenshot.stat().st_size > 50_000
    if os.environ.get("CLUSTERHOUSE_SCREENSHOT"):
        shutil.copyfile(screenshot, os.environ["CLUSTERHOUSE_SCREENSHOT"])
