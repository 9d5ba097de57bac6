"""The one Dagster code location, `clusterhouse`: everything under defs/, loaded as a whole.

A new asset, check, schedule or sensor module under defs/ is picked up without being listed here.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def build_definitions() -> dg.Definitions:
    return dg.load_from_defs_folder(project_root=PROJECT_ROOT)


defs = build_definitions()
