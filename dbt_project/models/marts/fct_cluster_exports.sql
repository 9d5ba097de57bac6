-- Exports (export_value) and imports-and-exports (trade_value) per cluster, year and period,
-- reconciled across documents like fct_cluster_output; the two flows are never mixed.
{{ reconcile_cluster_figures(metrics=['export_value', 'trade_value']) }}
