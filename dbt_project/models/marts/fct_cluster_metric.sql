{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail', pre_hook="{{ delete_changed_clusters() }}") }}
-- incremental by cluster (macros/changed_clusters.sql); depends_on: {{ ref('int_clusters__changed') }}
-- One row per figure a document states about a cluster, with its evidence and where it sits
-- in the document's text; copies and likely unit slips are marked, never removed.
select
    figures.figure_id,
    figures.cluster_id,
    figures.document_id,
    figures.metric,
    figures.year,
    figures.period,
    figures.value,
    figures.unit,
    figures.qualifier,
    figures.value_cny,
    figures.value_usd,
    figures.rate_year,
    figures.evidence,
    figures.sentence_start,
    figures.sentence_end,
    figures.value_start,
    figures.value_end,
    figures.value_text,
    figures.is_restatement,
    figures.scope,
    figures.year_stated,
    figures.confidence,
    figures.original_document_id,
    figures.copy_kind,
    figures.source_document_id,
    figures.is_outlier,
    figures.outlier_factor,
    figures.outlier_cause,
    figures.published_date,
    figures.extractor_version
from {{ ref('int_figures__flagged') }} as figures
inner join {{ ref('dim_cluster') }} as clusters using (cluster_id)
where true {{ only_changed_clusters('figures.cluster_id') }}
