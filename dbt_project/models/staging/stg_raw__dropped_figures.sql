with source as (
    select * from {{ source('raw', 'dropped_figures') }}
),

renamed as (
    select
        {{ figure_columns() }}
        drop_reason,
        extractor_version
    from source
)

select * from renamed
