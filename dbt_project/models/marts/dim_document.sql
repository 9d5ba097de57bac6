with documents as (
    select * from {{ ref('int_documents__deduplicated') }}
),

figure_counts as (
    select document_id, count(*) as figure_count
    from {{ ref('int_figures__attributed') }}
    group by document_id
)

select
    documents.document_id,
    documents.file_name,
    documents.source_path,
    documents.file_format,
    documents.text_encoding,
    documents.language,
    documents.published_date,
    documents.published_date_source,
    documents.title,
    documents.source_outlet,
    documents.url,
    documents.text_length,
    documents.copy_count,
    copies.original_document_id,
    copies.copy_kind,
    copies.copy_similarity,
    coalesce(figure_counts.figure_count, 0) as figure_count,
    documents.loaded_at
from documents
left join figure_counts using (document_id)
left join {{ ref('int_documents__copies') }} as copies using (document_id)
