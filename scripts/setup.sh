#!/usr/bin/env bash
# Create .venv from the committed lock (idempotent; quick when nothing changed) and parse the
# dbt project so Dagster can load its manifest. Needs only Python 3.11 and pip.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3.11}
command -v "$python" >/dev/null 2>&1 || python=python3
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=.venv/.clusterhouse-lock.sha256
want=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
fi
(cd dbt_project && CLUSTERHOUSE_BUILD_WAREHOUSE="${CLUSTERHOUSE_BUILD_WAREHOUSE:-$PWD/target/parse.duckdb}" \
  ../.venv/bin/dbt parse --quiet)
