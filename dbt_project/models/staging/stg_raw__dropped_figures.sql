with source as (
    select * from {{ source('raw', 'dropped_figures') }}
),

renamed as (
    select
        figure_id,
        document_id,
        subject,
        place_code,
        nullif(town_name_en, '') as town_name_en,
        nullif(town_name_zh, '') as town_name_zh,
        nullif(town_code, '') as town_code,
        coalesce(place_ambiguous, false) as is_place_ambiguous,
        product_id,
        metric,
        cast(value as double) as value,
        unit,
        qualifier,
        cast(year as integer) as year,
        period,
        evidence,
        sentence_start,
        sentence_end,
        value_start,
        value_end,
        value_text,
        coalesce(is_restatement, false) as is_restatement,
        year_stated,
        nullif(trim(scope), '') as scope,
        cast(confidence as double) as confidence,
        drop_reason,
        extractor_version
    from source
)

select * from renamed
