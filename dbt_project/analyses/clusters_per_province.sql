-- Clusters per province: how many, which product families, and the output value of the ones
-- that state one (latest whole year, top-level clusters only so towns are not counted twice).
with latest_output as (
    select cluster_id, value_cny
    from {{ ref('fct_cluster_output') }}
    where period = 'FY'
    qualify row_number() over (partition by cluster_id order by year desc) = 1
)

select
    clusters.province,
    count(*) as clusters,
    count(*) filter (where clusters.parent_cluster_id is null) as top_level_clusters,
    string_agg(distinct clusters.product_family, ', ' order by clusters.product_family) as product_families,
    round(sum(latest_output.value_cny) filter (where clusters.parent_cluster_id is null) / 1e9, 1)
        as stated_output_bn_cny
from {{ ref('dim_cluster') }} as clusters
left join latest_output using (cluster_id)
group by clusters.province
order by clusters desc, clusters.province
