-- One row per dated milestone a document states about a cluster (first factory, a national
-- designation and who granted it, a facility opened, a title such as "capital of X"), with its
-- evidence sentence. The same milestone stated by several documents is one milestone:
-- is_canonical marks the statement to show (an original before a copy, then the one with a
-- full date, then the earliest publication), n_documents counts the independent sources.
with events as (
    select * from {{ ref('int_events__attributed') }}
    where cluster_id in (select cluster_id from {{ ref('dim_cluster') }})
),

keyed as (
    select
        *,
        -- the milestone: cluster, kind, year and the name or authority as written (lower case)
        left(md5(concat_ws('|', cluster_id, event_type, year::varchar,
                           lower(coalesce(event_name, authority, '')))), 16) as milestone_id
    from events
)

select
    keyed.event_id,
    keyed.milestone_id,
    keyed.cluster_id,
    clusters.cluster_name,
    keyed.event_type,
    keyed.year,
    keyed.event_date,
    keyed.authority,
    keyed.event_name,
    keyed.evidence,
    keyed.sentence_start,
    keyed.sentence_end,
    keyed.document_id,
    keyed.original_document_id,
    keyed.copy_kind,
    keyed.published_date,
    keyed.language,
    keyed.cluster_from,
    count(distinct keyed.source_document_id) over (partition by keyed.milestone_id) as n_documents,
    row_number() over (
        partition by keyed.milestone_id
        order by keyed.copy_kind is not null, keyed.event_date is null, keyed.published_date asc nulls last,
            keyed.event_id
    ) = 1 as is_canonical
from keyed
inner join {{ ref('dim_cluster') }} as clusters using (cluster_id)
