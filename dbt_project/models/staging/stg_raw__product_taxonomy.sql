with source as (
    select * from {{ source('raw', 'product_taxonomy') }}
),

renamed as (
    select
        product_id,
        name_en as product_name,
        name_zh as product_name_zh,
        family as product_family,
        nullif(parent_product_id, '') as parent_product_id,
        cast(hs_code as varchar) as hs_code,
        cast(gbt4754_code as varchar) as gbt4754_code
    from source
)

select * from renamed
