{#- fct_cluster_output and fct_cluster_exports: money metrics of fct_cluster_series, with the
    columns they have always had first. -#}
{% macro series_view(metrics) %}
select
    cluster_id,
    cluster_name,
    metric,
    year,
    period,
    value_cny,
    value_usd,
    stated_value,
    stated_unit,
    qualifier,
    document_count,
    min_value_cny,
    max_value_cny,
    figure_id,
    document_id,
    evidence,
    scope,
    n_documents,
    n_copies,
    n_conflicting,
    n_outliers,
    n_other_scope,
    chosen_because,
    reconciliation_note,
    file_name,
    source_outlet,
    published_date
from {{ ref('fct_cluster_series') }}
where metric in ({% for metric in metrics %}'{{ metric }}'{% if not loop.last %}, {% endif %}{% endfor %})
  and unit = 'CNY'
{% endmacro %}
