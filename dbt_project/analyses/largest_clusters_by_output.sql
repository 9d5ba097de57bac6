-- The largest clusters by output value: each cluster's latest whole-year canonical figure, in
-- billions of yuan, with how many independent documents state it and whether they disagree.
-- A town's cluster sits inside its county's or city's (parent_cluster_id): never add the two.
with latest as (
    select *
    from {{ ref('fct_cluster_output') }}
    where period = 'FY'
    qualify row_number() over (partition by cluster_id order by year desc) = 1
)

select
    clusters.cluster_name,
    clusters.province,
    latest.year,
    round(latest.value_cny / 1e9, 2) as output_bn_cny,
    round(latest.value_usd / 1e9, 2) as output_bn_usd,
    latest.n_documents,
    latest.n_conflicting,
    clusters.parent_cluster_id is not null as inside_a_wider_cluster
from latest
inner join {{ ref('dim_cluster') }} as clusters using (cluster_id)
order by latest.value_cny desc
limit 20
