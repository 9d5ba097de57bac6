-- One row per cluster. A town-level cluster names its town and keeps the county's code; a
-- cluster inside a wider cluster of the same family links to it (parent_cluster_id), so
-- figures are never summed twice.
with clusters as (
    select * from {{ ref('int_clusters__identified') }}
),

places as (
    select * from {{ ref('int_places__with_lineage') }}
),

products as (
    select * from {{ ref('stg_raw__product_taxonomy') }}
),

named as (
    select
        clusters.cluster_id,
        clusters.admin_code,
        clusters.town_name_en,
        clusters.town_code,
        clusters.product_family,
        coalesce(clusters.town_name_en, places.name_en) as place_name,
        coalesce(clusters.town_name_zh, places.name_zh) as place_name_zh,
        case when clusters.town_name_en is not null then 'town' else places.place_level end as place_level,
        places.county_name_en as county,
        places.prefecture_name_en as prefecture,
        places.province_name_en as province,
        places.prefecture_code,
        places.province_code,
        products.product_id,
        coalesce(case when products.product_id = 'unclassified' then clusters.product_text end, products.product_name)
            as product_name,
        clusters.document_count
    from clusters
    inner join places using (admin_code)
    inner join products using (product_id)
),

-- the nearest enclosing cluster of the same family: the town's own division, then the
-- prefecture, then the province
parents as (
    select
        child.cluster_id,
        parent.cluster_id as parent_cluster_id,
        row_number() over (
            partition by child.cluster_id
            order by case
                when parent.admin_code = child.admin_code then 1
                when parent.admin_code = child.prefecture_code then 2
                else 3
            end
        ) as nearness
    from named as child
    inner join named as parent
        on parent.product_family = child.product_family
        and parent.cluster_id <> child.cluster_id
        and parent.town_name_en is null
        and (
            (child.town_name_en is not null and parent.admin_code = child.admin_code)
            or parent.admin_code = child.prefecture_code
            or parent.admin_code = child.province_code
        )
)

select
    named.cluster_id,
    named.place_name || ' ' || lower(named.product_name) as cluster_name,
    named.product_id,
    named.product_name,
    named.product_family,
    named.place_name,
    named.place_name_zh,
    named.place_level,
    named.admin_code,
    named.town_code,
    named.county,
    named.prefecture,
    named.province,
    parents.parent_cluster_id,
    named.document_count
from named
left join parents on parents.cluster_id = named.cluster_id and parents.nearness = 1
