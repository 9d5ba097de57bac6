with source as (
    select * from {{ source('raw', 'near_duplicates') }}
),

renamed as (
    select
        document_id,
        other_document_id,
        cast(containment as double) as containment,
        cast(number_containment as double) as number_containment,
        cast(jaccard as double) as jaccard,
        method as detection_method
    from source
)

select * from renamed
