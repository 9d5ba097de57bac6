#!/usr/bin/env bash
# Make docs/report.png: a throw-away warehouse from the sample corpus (raw/) plus the documents
# written to disagree (tests/fixtures/reconciliation), its report, drawn by headless Chromium
# (Debian's chromium; Chinese text needs a CJK font, e.g. apt-get install fonts-wqy-zenhei).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/raw"
cp -r raw/. "$work/raw/"
cp -r tests/fixtures/reconciliation "$work/raw/reconciliation"
export CLUSTERHOUSE_RAW_DIR="$work/raw" CLUSTERHOUSE_WAREHOUSE="$work/clusterhouse.duckdb" \
       CLUSTERHOUSE_EXPORT_DIR="$work/exports" DAGSTER_HOME="$work/dagster_home"
unset CLUSTERHOUSE_BUILD_WAREHOUSE
.venv/bin/clusterhouse refresh >"$work/refresh.log" 2>&1 || { tail -n 30 "$work/refresh.log"; exit 1; }
.venv/bin/clusterhouse report -o "$work/report.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --virtual-time-budget=15000 \
  --window-size=1300,2900 --screenshot="$PWD/docs/report.png" "file://$work/report.html" 2>/dev/null
echo "wrote docs/report.png"
