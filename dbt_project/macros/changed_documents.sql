{#- Incremental by document, for int_figures__attributed: a document's rows there are made from its
    own cluster figures, its publication date and three things every document shares (the product
    taxonomy, the exchange rates and the confidence threshold). The digest of all of them is kept
    on each row; a build deletes the rows of every document whose digest is no longer current
    (changed, or gone) and computes only the documents whose current digest it does not hold. -#}

{% macro eligible_cluster_figures(alias) %}
    {{ alias }}.subject = 'cluster' and {{ alias }}.place_code is not null and {{ alias }}.product_id is not null
    and coalesce({{ alias }}.confidence, 1) >= {{ var('min_confidence') }}
{% endmacro %}

{% macro document_figure_digests() %}
    select
        figures.document_id,
        -- order-free: the sum of the figure rows' hashes (DuckDB hashes a row of the table as one struct)
        hash(sum(hash(figures)::hugeint), count(*), any_value(documents.published_date), shared.digest)
            as input_digest
    from {{ ref('stg_raw__figures') }} as figures
    inner join {{ ref('int_documents__deduplicated') }} as documents using (document_id)
    cross join (
        select hash(
            (select sum(hash(products)::hugeint) from {{ ref('stg_raw__product_taxonomy') }} as products),
            (select sum(hash(rates)::hugeint) from {{ ref('stg_seeds__exchange_rates') }} as rates),
            {{ var('min_confidence') }}
        ) as digest
    ) as shared
    where {{ eligible_cluster_figures('figures') }}
    group by figures.document_id, shared.digest
{% endmacro %}

{% macro delete_changed_documents() %}
    {%- if is_incremental() %}
    delete from {{ this }} as kept
    where not exists (
        select 1 from ({{ document_figure_digests() }}) as current_digests
        where current_digests.document_id = kept.document_id and current_digests.input_digest = kept.input_digest
    )
    {%- endif %}
{% endmacro %}
