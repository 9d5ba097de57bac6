with source as (
    select * from {{ source('raw', 'events') }}
),

renamed as (
    select
        event_id,
        document_id,
        place_code,
        nullif(town_name_en, '') as town_name_en,
        nullif(town_name_zh, '') as town_name_zh,
        product_id,
        event_type,
        cast(year as integer) as year,
        cast(event_date as date) as event_date,
        nullif(trim(authority), '') as authority,
        nullif(trim(name), '') as event_name,
        evidence,
        sentence_start,
        sentence_end,
        extractor_version
    from source
)

select * from renamed
