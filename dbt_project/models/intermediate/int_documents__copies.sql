-- Which document each document copies, if any, so that a copy's figures count once.
--
-- A reprint is half of a near-duplicate pair (raw.near_duplicates, found with MinHash after
-- ingest): of the documents a document is paired with, itself included, the original is the one
-- published first, then the longer text, then the smaller id; a second hop is followed so a
-- reprint of a reprint names the first original.
--
-- A translation is a document in another language that repeats an earlier document's figures:
-- at least 3 of its figures (same cluster, metric, year and period, values within 0.5 %) are in
-- the other document, and they are at least three quarters of its figures. The original is
-- the earlier publication; on the same day or with no date, the Chinese text, then the
-- smaller id. Two articles quoting the same three official figures in different languages can
-- look like this: the rule is a heuristic and says so (copy_kind = 'translation').
with documents as (
    select document_id, language, published_date, text_length
    from {{ ref('int_documents__deduplicated') }}
),

pairs as (
    select document_id, other_document_id, containment from {{ ref('stg_raw__near_duplicates') }}
    union all
    select other_document_id, document_id, containment from {{ ref('stg_raw__near_duplicates') }}
),

reprint_choice as (
    select
        pairs.document_id,
        pairs.other_document_id as candidate_id,
        pairs.containment,
        candidate.published_date,
        candidate.text_length
    from pairs
    inner join documents as candidate on candidate.document_id = pairs.other_document_id
    union all
    select document_id, document_id, 1.0, published_date, text_length
    from documents
    where document_id in (select document_id from pairs)
),

first_hop as (
    select document_id, candidate_id as reprint_of, containment
    from reprint_choice
    qualify row_number() over (
        partition by document_id
        order by published_date asc nulls last, text_length desc, candidate_id
    ) = 1
),

reprints as (
    select
        first_hop.document_id,
        coalesce(second_hop.reprint_of, first_hop.reprint_of) as original_document_id,
        first_hop.containment
    from first_hop
    left join first_hop as second_hop
        on second_hop.document_id = first_hop.reprint_of
        and second_hop.reprint_of <> second_hop.document_id
    where first_hop.reprint_of <> first_hop.document_id
),

-- translations are looked for among documents that are not reprints themselves
figures as (
    select figures.*, coalesce(figures.value_cny, figures.value) as comparable_value
    from {{ ref('int_figures__attributed') }} as figures
    where not figures.is_restatement
      and figures.document_id not in (select document_id from reprints)
),

figure_counts as (
    select document_id, count(*) as figure_count from figures group by document_id
),

matches as (
    select
        copy.document_id,
        source.document_id as source_document_id,
        count(distinct copy.figure_id) as matched_figures
    from figures as copy
    inner join figures as source
        on source.cluster_id = copy.cluster_id
        and source.metric = copy.metric
        and source.year is not distinct from copy.year
        and source.period is not distinct from copy.period
        and source.document_id <> copy.document_id
        and abs(source.comparable_value - copy.comparable_value)
            <= 0.005 * greatest(abs(source.comparable_value), abs(copy.comparable_value))
    group by copy.document_id, source.document_id
),

translation_choice as (
    select
        matches.document_id,
        matches.source_document_id,
        matches.matched_figures,
        figure_counts.figure_count,
        source.published_date as source_published_date,
        source.language as source_language
    from matches
    inner join figure_counts using (document_id)
    inner join documents as copy on copy.document_id = matches.document_id
    inner join documents as source on source.document_id = matches.source_document_id
    where copy.language <> source.language
      and matches.matched_figures >= 3
      and matches.matched_figures >= 0.75 * figure_counts.figure_count
      -- the source comes first: earlier, or the same day (or undated) and Chinese, or the smaller id
      and (
          source.published_date < copy.published_date
          or (copy.published_date is null and source.published_date is not null)
          or (
              source.published_date is not distinct from copy.published_date
              and (
                  (source.language = 'zh' and copy.language <> 'zh')
                  or ((source.language = 'zh') = (copy.language = 'zh') and source.document_id < copy.document_id)
              )
          )
      )
),

translations as (
    select
        document_id,
        source_document_id as original_document_id,
        matched_figures::double / figure_count as figure_share
    from translation_choice
    qualify row_number() over (
        partition by document_id
        order by source_published_date asc nulls last, (source_language = 'zh') desc, source_document_id
    ) = 1
)

select
    documents.document_id,
    -- a reprint of a translation counts with the translation's original
    coalesce(reprint_source.original_document_id, reprints.original_document_id, translations.original_document_id)
        as original_document_id,
    case
        when reprints.document_id is not null then 'reprint'
        when translations.document_id is not null then 'translation'
    end as copy_kind,
    -- reprint: share of the shorter text's shingles found in the other; translation: share of
    -- its figures the original states
    coalesce(reprints.containment, translations.figure_share) as copy_similarity
from documents
left join reprints using (document_id)
left join translations using (document_id)
left join translations as reprint_source on reprint_source.document_id = reprints.original_document_id
