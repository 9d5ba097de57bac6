with source as (
    select * from {{ ref('exchange_rates') }}
),

renamed as (
    select
        cast(year as integer) as rate_year,
        currency,
        cast(cny_per_unit as double) as cny_per_unit,
        source as rate_source
    from source
)

select * from renamed
