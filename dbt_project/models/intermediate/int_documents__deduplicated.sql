-- The same article in two files is one document: keep the first path, count the copies.
with documents as (
    -- the text's length, not the text: the window below would otherwise carry every article's text
    select * exclude (body_text), length(body_text) as text_length
    from {{ ref('stg_raw__documents') }}
),

ranked as (
    select
        *,
        row_number() over (partition by document_id order by source_path) as copy_rank,
        count(*) over (partition by document_id) as copy_count
    from documents
)

select
    document_id,
    source_path,
    file_name,
    file_format,
    text_encoding,
    title,
    language,
    source_outlet,
    url,
    published_date,
    published_date_source,
    text_length,
    copy_count,
    loaded_at
from ranked
where copy_rank = 1
