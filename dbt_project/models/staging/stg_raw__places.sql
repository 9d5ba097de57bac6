with source as (
    select * from {{ source('raw', 'places') }}
),

renamed as (
    select
        admin_code,
        name_zh,
        name_en,
        name_pinyin,
        level as place_level,
        division_type,
        nullif(parent_code, '') as parent_code,
        nullif(prefecture_code, '') as prefecture_code,
        nullif(province_code, '') as province_code,
        latitude,
        longitude,
        nullif(former_names, '') as former_names
    from source
)

select * from renamed
