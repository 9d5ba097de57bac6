"""The dbt docs site as static files: `dbt docs generate --static` against the build warehouse.

The result is one self-contained page (`index.html`, manifest and catalog inlined) that opens
from disk with no server, plus the manifest and catalog beside it for tools that read them.

What the site shows depends on the dbt project and on the tables' columns, not on their rows
(DuckDB's catalog has no row statistics): when neither changed since the site was written, it is
not generated again (`docs_inputs` below; ~5 s a night).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from clusterhouse.settings import DBT_PROJECT_DIR
from clusterhouse.warehouse.build_state import project_digest, reuse_partial_parse
from clusterhouse.warehouse.connect import connect

INPUTS_FILE = ".docs_inputs"


def docs_inputs(build_path: Path, project_dir: Path = DBT_PROJECT_DIR) -> str:
    """A hash of what the docs site is made from: the project's files and every column's type."""
    with connect(build_path, read_only=True) as con:
        columns = con.execute("select table_schema, table_name, column_name, data_type from information_schema.columns "
                              "order by all").fetchall()
    digest = hashlib.sha256(project_digest(project_dir).encode())
    digest.update(repr(columns).encode())
    digest.update(build_path.stem.encode())  # dbt names the database after the file
    return digest.hexdigest()


def generate_docs_site(build_path: Path, target_dir: Path, project_dir: Path = DBT_PROJECT_DIR) -> Path:
    """Write the docs site for the warehouse at ``build_path`` into ``target_dir``, unless the one
    there was made from the same project and columns; returns index.html."""
    inputs = docs_inputs(build_path, project_dir)
    index = target_dir / "index.html"
    try:
        if index.exists() and (target_dir / INPUTS_FILE).read_text(encoding="utf-8").strip() == inputs:
            return index
    except OSError:
        pass
    _generate(build_path, target_dir, project_dir)
    (target_dir / INPUTS_FILE).write_text(inputs + "\n", encoding="utf-8")
    return index


def _generate(build_path: Path, target_dir: Path, project_dir: Path) -> None:
    dbt = Path(sys.executable).with_name("dbt")
    with tempfile.TemporaryDirectory(prefix="clusterhouse-dbt-docs-") as work:
        reuse_partial_parse(build_path, Path(work), project_dir)  # the build's parse: no second full parse
        result = subprocess.run(
            [str(dbt) if dbt.exists() else "dbt", "docs", "generate", "--static", "--quiet",
             "--target-path", work, "--vars", json.dumps({"build_warehouse": str(build_path)})],
            cwd=project_dir, capture_output=True, text=True,
            env={**os.environ, "CLUSTERHOUSE_BUILD_WAREHOUSE": str(build_path)},
        )
        if result.returncode != 0:
            raise RuntimeError(f"dbt docs generate failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        target_dir.mkdir(parents=True, exist_ok=True)
        for name, target_name in (("static_index.html", "index.html"), ("manifest.json", "manifest.json"),
                                  ("catalog.json", "catalog.json")):
            tmp = target_dir / f".{target_name}.tmp"
            shutil.copyfile(Path(work) / name, tmp)
            os.replace(tmp, target_dir / target_name)
