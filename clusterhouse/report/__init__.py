"""The analysts' report: one self-contained HTML file of charts and tables built from the marts."""

from clusterhouse.report.build import build_report, write_report

__all__ = ["build_report", "write_report"]
