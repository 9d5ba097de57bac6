-- The fastest-growing exporters: average yearly growth of canonical whole-year exports between
-- the first and the last year a cluster has, over at least two years (in yuan, so exchange-rate
-- swings do not count as growth).
with exports as (
    select cluster_id, cluster_name, year, value_cny
    from {{ ref('fct_cluster_exports') }}
    where metric = 'export_value' and period = 'FY'
),

spans as (
    select
        cluster_id,
        any_value(cluster_name) as cluster_name,
        arg_min(value_cny, year) as first_value_cny,
        min(year) as first_year,
        arg_max(value_cny, year) as last_value_cny,
        max(year) as last_year
    from exports
    group by cluster_id
    having max(year) - min(year) >= 2
)

select
    cluster_name,
    first_year,
    last_year,
    round(first_value_cny / 1e9, 2) as first_bn_cny,
    round(last_value_cny / 1e9, 2) as last_bn_cny,
    round(100 * (power(last_value_cny / first_value_cny, 1.0 / (last_year - first_year)) - 1), 1)
        as yearly_growth_pct
from spans
where first_value_cny > 0
order by yearly_growth_pct desc
