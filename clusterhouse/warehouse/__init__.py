"""The DuckDB side: connections, the raw tables the Python assets write, publishing, exports."""

from clusterhouse.warehouse.connect import connect, ensure_tables, prepare_build, replace_rows
from clusterhouse.warehouse.publish import export_marts, publish

__all__ = ["connect", "ensure_tables", "export_marts", "prepare_build", "publish", "replace_rows"]
