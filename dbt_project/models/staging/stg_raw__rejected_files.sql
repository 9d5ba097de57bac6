with source as (
    select * from {{ source('raw', 'rejected_files') }}
),

renamed as (
    select
        path as rejected_path,
        source_path,
        reason,
        file_sha256,
        cast(rejected_at as timestamp) as rejected_at
    from source
)

select * from renamed
