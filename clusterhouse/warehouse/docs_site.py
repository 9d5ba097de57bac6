"""The dbt docs site as static files: `dbt docs generate --static` against the build warehouse.

The result is one self-contained page (`index.html`, manifest and catalog inlined) that opens
from disk with no server, plus the manifest and catalog beside it for tools that read them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from clusterhouse.settings import DBT_PROJECT_DIR
from clusterhouse.warehouse.build_state import reuse_partial_parse


def generate_docs_site(build_path: Path, target_dir: Path, project_dir: Path = DBT_PROJECT_DIR) -> Path:
    """Write the docs site for the warehouse at ``build_path`` into ``target_dir``; returns index.html."""
    dbt = Path(sys.executable).with_name("dbt")
    with tempfile.TemporaryDirectory(prefix="clusterhouse-dbt-docs-") as work:
        reuse_partial_parse(build_path, Path(work))  # the build's parse: no second full parse
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
    return target_dir / "index.html"
