-- Every source behind one number: all statements of a cluster, metric and year, with the
-- document, whether it copies another, whether it looks like a unit slip, and the sentence.
-- Change the three values below.
{% set place_name = 'Shengzhou' %}
{% set metric = 'output_value' %}
{% set year = 2022 %}

select
    documents.file_name,
    documents.source_outlet,
    documents.language,
    documents.published_date,
    metric.value,
    metric.unit,
    metric.qualifier,
    metric.value_cny,
    metric.period,
    metric.copy_kind,
    originals.file_name as copies_file,
    metric.is_outlier,
    metric.outlier_cause,
    metric.figure_id = series.figure_id as is_canonical,
    metric.evidence
from {{ ref('fct_cluster_metric') }} as metric
inner join {{ ref('dim_cluster') }} as clusters using (cluster_id)
inner join {{ ref('dim_document') }} as documents using (document_id)
left join {{ ref('dim_document') }} as originals on originals.document_id = metric.original_document_id
left join {{ ref('fct_cluster_series') }} as series
    on series.cluster_id = metric.cluster_id
    and series.metric = metric.metric
    and series.year = metric.year
    and series.period is not distinct from metric.period
where clusters.place_name = '{{ place_name }}'
  and metric.metric = '{{ metric }}'
  and metric.year = {{ year }}
order by documents.published_date, documents.file_name
