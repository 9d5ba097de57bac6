-- Which clusters' figures must be computed again: one row per cluster with a digest of every
-- input its rows in int_figures__flagged, fct_cluster_metric and fct_cluster_series are made
-- from, compared with the digest this table held after the last build. Those three models are
-- incremental by cluster (every rule in them compares a figure only with figures of its own
-- cluster), so a night with a few new documents recomputes the clusters they touch, not all.
--
-- The inputs of a cluster: its attributed figures (every column), whether each figure's document
-- is a copy and of what, the document's file name and outlet (named in the series' note), and
-- the cluster's name and presence in dim_cluster. A new document that turns an old one into its
-- reprint changes the old document's figures' inputs too, so their clusters count as changed.
--
-- Sound only when the last build finished: the refresh runs dbt with --full-refresh whenever the
-- warehouse's last build did not end green or the dbt project or the code's versions changed
-- (clusterhouse/warehouse/build_state.py); by hand, `dbt build --full-refresh` starts afresh.
{% set previous = adapter.get_relation(database=this.database, schema=this.schema, identifier=this.identifier) %}

with inputs as (
    select
        figures.cluster_id,
        -- DuckDB hashes a row of the table as one struct value
        hash(figures, copies.original_document_id, copies.copy_kind, documents.file_name, documents.source_outlet)
            as row_hash
    from {{ ref('int_figures__attributed') }} as figures
    left join {{ ref('int_documents__copies') }} as copies using (document_id)
    left join {{ ref('int_documents__deduplicated') }} as documents using (document_id)
),

digests as (
    select
        inputs.cluster_id,
        count(*) as input_rows,
        -- order-free: the sum of the rows' hashes, with the cluster's name (NULL: not in dim_cluster)
        hash(sum(inputs.row_hash::hugeint), count(*), any_value(clusters.cluster_name)) as input_digest
    from inputs
    left join {{ ref('dim_cluster') }} as clusters using (cluster_id)
    group by inputs.cluster_id
)

{% if previous is none or flags.FULL_REFRESH %}
select cluster_id, input_rows, input_digest, true as is_changed
from digests
{% else %}
select
    coalesce(digests.cluster_id, previous.cluster_id) as cluster_id,
    coalesce(digests.input_rows, 0) as input_rows,
    digests.input_digest,
    previous.input_digest is distinct from digests.input_digest as is_changed
from digests
full outer join {{ previous }} as previous using (cluster_id)
-- a cluster whose figures are all gone is changed once (its rows are deleted), then forgotten
where digests.cluster_id is not null or previous.input_digest is not null
{% endif %}
