-- One row per figure a document states about a cluster, with its evidence and where it sits
-- in the document's text.
select
    figures.figure_id,
    figures.cluster_id,
    figures.document_id,
    figures.metric,
    figures.year,
    figures.period,
    figures.value,
    figures.unit,
    figures.qualifier,
    figures.value_cny,
    figures.value_usd,
    figures.evidence,
    figures.sentence_start,
    figures.sentence_end,
    figures.value_start,
    figures.value_end,
    figures.value_text,
    figures.is_restatement,
    figures.published_date,
    figures.extractor_version
from {{ ref('int_figures__attributed') }} as figures
inner join {{ ref('dim_cluster') }} as clusters using (cluster_id)
