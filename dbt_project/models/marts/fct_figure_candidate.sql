-- Every number the extractor read as a cluster figure but did not publish as one, with the reason:
-- the rules turned it down (a target, a subset of firms, a national total…), or its confidence is
-- below the project's threshold (var min_confidence). An analyst checking a missing figure, or
-- tuning the threshold, starts here; nothing in this table reaches the figure marts.
with documents as (
    select document_id from {{ ref('int_documents__deduplicated') }}
),

dropped as (
    select *, 'dropped by a rule' as decision
    from {{ ref('stg_raw__dropped_figures') }}
),

below_threshold as (
    select
        *,
        'confidence ' || round(confidence, 3) || ' below the threshold ' || {{ var('min_confidence') }} as drop_reason,
        'below the confidence threshold' as decision
    from {{ ref('stg_raw__figures') }}
    where subject = 'cluster' and confidence < {{ var('min_confidence') }}
),

candidates as (
    select * from dropped
    union all by name
    select * from below_threshold
)

select
    candidates.figure_id,
    candidates.document_id,
    candidates.decision,
    candidates.drop_reason,
    candidates.subject,
    candidates.place_code,
    candidates.town_name_en,
    candidates.town_name_zh,
    candidates.town_code,
    candidates.is_place_ambiguous,
    candidates.product_id,
    candidates.metric,
    candidates.value,
    candidates.unit,
    candidates.qualifier,
    candidates.year,
    candidates.period,
    candidates.year_stated,
    candidates.scope,
    candidates.confidence,
    candidates.evidence,
    candidates.sentence_start,
    candidates.sentence_end,
    candidates.value_start,
    candidates.value_end,
    candidates.value_text,
    candidates.is_restatement,
    candidates.extractor_version
from candidates
inner join documents using (document_id)
