"""The house rules the layout stands on: clusterhouse/ is pure (no Dagster), orchestration/ is glue."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(module, at_top_level) for every import in a file; ``from a import b`` gives a and a.b
    (b may be a module: ``from clusterhouse import documents``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = set(map(id, tree.body))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found += [(name, id(node) in top) for name in (node.module, *(f"{node.module}.{a.name}" for a in node.names))]
    return found


def test_clusterhouse_never_imports_dagster():
    for path in (ROOT / "clusterhouse").rglob("*.py"):
        for module, _ in _imports(path):
            assert not module.startswith(("dagster", "dagster_dbt")), f"{path.relative_to(ROOT)} imports {module}"


def test_only_the_command_line_reaches_into_orchestration_and_only_when_called():
    for path in (ROOT / "clusterhouse").rglob("*.py"):
        for module, top_level in _imports(path):
            if module.startswith("orchestration"):
                assert path.name == "cli.py" and not top_level, f"{path.relative_to(ROOT)} imports {module}"


def test_extraction_never_imports_ingest():
    """Ingest's code (clusterhouse/documents: readers, language detection) is not in the
    extractor's version; were extraction to read it, editing it would leave figures extracted by
    the old code in place."""
    from clusterhouse.settings import _EXTRACTION_INPUTS

    for pattern in _EXTRACTION_INPUTS:
        for path in ROOT.glob(pattern):
            if path.suffix == ".py":
                ingest = [module for module, _ in _imports(path) if module.startswith("clusterhouse.documents")]
                assert not ingest, f"{path.relative_to(ROOT)} imports {ingest}"
