-- A cluster is a place at its own level (a division, or a town inside one) plus a product
-- family. Its id hashes that natural key, so it is the same in every run, document and language.
with document_clusters as (
    select document_id, place_code, town_name_en, town_name_zh, town_code, product_id, product_text
    from {{ ref('stg_raw__document_clusters') }}
    where place_code is not null and product_id is not null
),

figure_clusters as (
    select document_id, place_code, town_name_en, town_name_zh, town_code, product_id, null as product_text
    from {{ ref('stg_raw__figures') }}
    where subject = 'cluster' and place_code is not null and product_id is not null
),

mentions as (
    select * from document_clusters
    union all
    select * from figure_clusters
),

products as (
    select * from {{ ref('stg_raw__product_taxonomy') }}
),

keyed as (
    select
        mentions.*,
        products.product_family,
        mentions.place_code || '|' || coalesce(lower(mentions.town_name_en), '') || '|' || products.product_family
            as cluster_key
    from mentions
    inner join products using (product_id)
),

-- The product named most often (then the most specific, then by name) names the cluster.
product_choice as (
    select
        cluster_key,
        product_id,
        row_number() over (
            partition by cluster_key
            order by count(distinct document_id) desc, count(*) desc, product_id
        ) as product_rank
    from keyed
    group by cluster_key, product_id
)

select
    left(md5(keyed.cluster_key), 16) as cluster_id,
    keyed.cluster_key,
    any_value(keyed.place_code) as admin_code,
    any_value(keyed.town_name_en) as town_name_en,
    any_value(keyed.town_name_zh) as town_name_zh,
    -- the town's 9-digit code (the key stays the name, so ids do not change when a code is learnt)
    mode(keyed.town_code) as town_code,
    any_value(keyed.product_family) as product_family,
    any_value(product_choice.product_id) as product_id,
    -- for a product the taxonomy does not know yet, the words the articles use for it
    max(case when keyed.product_id = 'unclassified' then keyed.product_text end) as product_text,
    count(distinct keyed.document_id) as document_count
from keyed
inner join product_choice
    on product_choice.cluster_key = keyed.cluster_key and product_choice.product_rank = 1
group by keyed.cluster_key
