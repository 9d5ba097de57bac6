{#- Shared by fct_cluster_output and fct_cluster_exports: one row per cluster, metric, year and
    period from the money figures of fct_cluster_metric, the latest published figure chosen. -#}
{% macro reconcile_cluster_figures(metrics) %}
with figures as (
    select *
    from {{ ref('fct_cluster_metric') }}
    where metric in ({% for metric in metrics %}'{{ metric }}'{% if not loop.last %}, {% endif %}{% endfor %})
      and year is not null
      and value_cny is not null
      and not is_restatement
),

ranked as (
    select
        *,
        row_number() over (
            partition by cluster_id, metric, year, period
            order by published_date desc nulls last, (qualifier = 'exact') desc, figure_id
        ) as preference,
        count(distinct document_id) over (partition by cluster_id, metric, year, period) as document_count,
        min(value_cny) over (partition by cluster_id, metric, year, period) as min_value_cny,
        max(value_cny) over (partition by cluster_id, metric, year, period) as max_value_cny
    from figures
)

select
    ranked.cluster_id,
    clusters.cluster_name,
    ranked.metric,
    ranked.year,
    ranked.period,
    ranked.value_cny,
    ranked.value_usd,
    ranked.value as stated_value,
    ranked.unit as stated_unit,
    ranked.qualifier,
    ranked.document_count,
    ranked.min_value_cny,
    ranked.max_value_cny,
    ranked.figure_id,
    ranked.document_id,
    ranked.evidence
from ranked
inner join {{ ref('dim_cluster') }} as clusters using (cluster_id)
where ranked.preference = 1
{% endmacro %}
