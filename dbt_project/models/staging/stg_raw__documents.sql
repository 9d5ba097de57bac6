with source as (
    select * from {{ source('raw', 'documents') }}
),

renamed as (
    select
        document_id,
        path as source_path,
        file_name,
        file_sha256,
        format as file_format,
        encoding as text_encoding,
        nullif(trim(title), '') as title,
        text as body_text,
        language,
        source_outlet,
        url,
        cast(published_date as date) as published_date,
        published_date_source,
        cast(loaded_at as timestamp) as loaded_at
    from source
)

select * from renamed
