-- Output value per cluster, year and period: the canonical rows of fct_cluster_series.
{{ config(materialized='view') }}
{{ series_view(metrics=['output_value']) }}
