with source as (
    select * from {{ source('raw', 'document_clusters') }}
),

renamed as (
    select
        document_id,
        place_code,
        nullif(town_name_en, '') as town_name_en,
        nullif(town_name_zh, '') as town_name_zh,
        nullif(town_code, '') as town_code,
        place_text,
        product_id,
        product_text,
        is_primary,
        mention_count
    from source
)

select * from renamed
