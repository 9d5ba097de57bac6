-- Events with the cluster they belong to: the event's own place and product when the extractor
-- gives both, else the document's main cluster (at the event's place, when it names one).
-- Events that fit no cluster the figures and documents know are left out.
with events as (
    select * from {{ ref('stg_raw__events') }}
),

products as (
    select product_id, product_family from {{ ref('stg_raw__product_taxonomy') }}
),

own_cluster as (
    select
        events.event_id,
        left(md5(
            events.place_code || '|' || coalesce(lower(events.town_name_en), '') || '|' || products.product_family
        ), 16) as cluster_id
    from events
    inner join products using (product_id)
    where events.place_code is not null
),

primary_cluster as (
    select
        events.event_id,
        left(md5(
            document_clusters.place_code || '|' || coalesce(lower(document_clusters.town_name_en), '') || '|'
            || products.product_family
        ), 16) as cluster_id
    from events
    inner join {{ ref('stg_raw__document_clusters') }} as document_clusters
        on document_clusters.document_id = events.document_id
        and (events.place_code is null or events.place_code = document_clusters.place_code)
    inner join products on products.product_id = document_clusters.product_id
    where document_clusters.place_code is not null
    qualify row_number() over (
        partition by events.event_id
        order by document_clusters.is_primary desc, document_clusters.mention_count desc nulls last,
            document_clusters.place_code
    ) = 1
),

copies as (
    select * from {{ ref('int_documents__copies') }}
),

documents as (
    select document_id, published_date, language from {{ ref('int_documents__deduplicated') }}
)

select
    events.event_id,
    coalesce(own_cluster.cluster_id, primary_cluster.cluster_id) as cluster_id,
    case when own_cluster.cluster_id is not null then 'event' else 'document' end as cluster_from,
    events.document_id,
    copies.original_document_id,
    copies.copy_kind,
    coalesce(copies.original_document_id, events.document_id) as source_document_id,
    documents.published_date,
    documents.language,
    events.event_type,
    events.year,
    events.event_date,
    events.authority,
    events.event_name,
    events.evidence,
    events.sentence_start,
    events.sentence_end,
    events.extractor_version
from events
inner join documents using (document_id)
left join own_cluster using (event_id)
left join primary_cluster using (event_id)
left join copies using (document_id)
where coalesce(own_cluster.cluster_id, primary_cluster.cluster_id) is not null
