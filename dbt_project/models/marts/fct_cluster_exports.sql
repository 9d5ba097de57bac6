-- Exports (export_value) and imports-and-exports (trade_value) per cluster, year and period:
-- the canonical rows of fct_cluster_series; the two flows are never mixed.
{{ config(materialized='view') }}
{{ series_view(metrics=['export_value', 'trade_value']) }}
