with source as (
    select * from {{ source('raw', 'figures') }}
),

renamed as (
    select
        {{ figure_columns() }}
        extractor_version
    from source
)

select * from renamed
