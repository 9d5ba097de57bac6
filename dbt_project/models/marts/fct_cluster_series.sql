{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail', pre_hook="{{ delete_changed_clusters() }}") }}
-- incremental by cluster (macros/changed_clusters.sql); depends_on: {{ ref('int_clusters__changed') }}
-- One canonical figure per cluster, metric, year and period, chosen among every document's
-- figures (fct_cluster_metric) by this precedence, each rule deciding only when the ones
-- before it tie:
--   1. not a likely unit slip (int_figures__flagged), unless every figure is one;
--   2. exact over approximate ('about'), approximate over a bound ('more than', 'less than');
--   3. an original over a translation or reprint;
--   4. the newer publication;
--   5. a stated year over one defaulted to the publication year (year_stated; unknown between);
--   6. the higher confidence (NULL last);
--   7. the first stated (position in the text, then figure id), so the choice is stable.
-- Figures with no year and restatements in a second currency are not candidates. Money is
-- compared in yuan; other metrics in their unit. Sources count once: a reprint or translation
-- is counted with its original (n_documents); document_count counts every document.
with figures as (
    select
        metric.*,
        documents.file_name,
        documents.source_outlet,
        case when metric.unit in ('CNY', 'USD', 'EUR') then metric.value_cny else metric.value end
            as comparable_value,
        case when metric.unit in ('CNY', 'USD', 'EUR') then 'CNY' else metric.unit end as comparable_unit
    from {{ ref('fct_cluster_metric') }} as metric
    inner join {{ ref('dim_document') }} as documents using (document_id)
    where metric.year is not null
      and not metric.is_restatement
      {{ only_changed_clusters('metric.cluster_id') }}
),

candidates as (
    select
        *,
        is_outlier and count(*) filter (where not is_outlier) over (
            partition by cluster_id, metric, year, period
        ) > 0 as is_set_aside,
        case qualifier when 'exact' then 0 when 'about' then 1 else 2 end as qualifier_rank,
        case when year_stated then 0 when year_stated is null then 1 else 2 end as year_rank,
        -- the interval a statement allows: exact within 2 % (rounding), about within 10 %
        case qualifier when 'less_than' then 0 when 'about' then 0.9 * comparable_value
            else 0.98 * comparable_value end as allowed_low,
        case qualifier when 'more_than' then 'infinity'::double when 'about' then 1.1 * comparable_value
            else 1.02 * comparable_value end as allowed_high
    from figures
    where comparable_value is not null
),

ranked as (
    select
        *,
        row_number() over (
            partition by cluster_id, metric, year, period
            order by
                is_set_aside,
                qualifier_rank,
                copy_kind is not null,
                published_date desc nulls last,
                year_rank,
                confidence desc nulls last,
                value_start,
                figure_id
        ) as precedence
    from candidates
),

chosen as (
    select * from ranked where precedence = 1
),

runner_up as (
    select * from ranked where precedence = 2
),

-- how each candidate stands against the chosen figure
compared as (
    select
        ranked.*,
        ranked.allowed_low <= chosen.allowed_high and chosen.allowed_low <= ranked.allowed_high as agrees,
        -- a figure whose scope is stated otherwise (or stated where the chosen one's is not) covers
        -- something else: not a conflict
        ranked.scope is not distinct from chosen.scope as same_scope
    from ranked
    inner join chosen
        on chosen.cluster_id = ranked.cluster_id
        and chosen.metric = ranked.metric
        and chosen.year = ranked.year
        and chosen.period is not distinct from ranked.period
),

sources as (
    select
        cluster_id, metric, year, period, source_document_id,
        bool_or(agrees) as agrees
    from compared
    where not is_set_aside and same_scope
    group by cluster_id, metric, year, period, source_document_id
),

conflicts as (
    select cluster_id, metric, year, period, count(*) filter (where not agrees) as n_conflicting
    from sources
    group by cluster_id, metric, year, period
),

summary as (
    select
        cluster_id, metric, year, period,
        count(distinct document_id) as document_count,
        count(distinct source_document_id) as n_documents,
        count(distinct document_id) filter (where copy_kind is not null) as n_copies,
        count(*) filter (where is_set_aside) as n_outliers,
        count(distinct source_document_id) filter (where not same_scope) as n_other_scope,
        min(comparable_value) filter (where not is_set_aside) as min_value,
        max(comparable_value) filter (where not is_set_aside) as max_value,
        string_agg(distinct
            case when is_set_aside then
                case when outlier_factor >= 1 then format('×{:,}', outlier_factor::bigint)
                    else format('÷{:,}', (1 / outlier_factor)::bigint) end
            end, ', ') as outlier_factors,
        string_agg(distinct case when not same_scope then scope end, ', ') as other_scopes
    from compared
    group by cluster_id, metric, year, period
),

decided as (
    select
        chosen.*,
        case
            when runner_up.figure_id is null then 'the only figure'
            when runner_up.is_set_aside and not chosen.is_set_aside then 'the others are likely unit slips'
            when chosen.qualifier_rank < runner_up.qualifier_rank then 'an exact figure over an approximate one'
            when chosen.copy_kind is null and runner_up.copy_kind is not null then 'an original over a ' || runner_up.copy_kind
            when chosen.published_date > runner_up.published_date
                or (chosen.published_date is not null and runner_up.published_date is null)
                then 'the newer publication'
            when chosen.year_rank < runner_up.year_rank then 'a stated year over a defaulted one'
            when coalesce(chosen.confidence, -1) > coalesce(runner_up.confidence, -1) then 'the higher confidence'
            else 'the first stated (nothing else tells them apart)'
        end as chosen_because
    from chosen
    left join runner_up
        on runner_up.cluster_id = chosen.cluster_id
        and runner_up.metric = chosen.metric
        and runner_up.year = chosen.year
        and runner_up.period is not distinct from chosen.period
)

select
    decided.cluster_id,
    clusters.cluster_name,
    decided.metric,
    decided.year,
    decided.period,
    decided.comparable_value as value,
    decided.comparable_unit as unit,
    decided.value_cny,
    decided.value_usd,
    decided.value as stated_value,
    decided.unit as stated_unit,
    decided.qualifier,
    decided.scope,
    decided.year_stated,
    decided.confidence,
    summary.document_count,
    summary.n_documents,
    summary.n_copies,
    coalesce(conflicts.n_conflicting, 0) as n_conflicting,
    summary.n_outliers,
    summary.n_other_scope,
    summary.min_value,
    summary.max_value,
    case when decided.comparable_unit = 'CNY' then summary.min_value end as min_value_cny,
    case when decided.comparable_unit = 'CNY' then summary.max_value end as max_value_cny,
    decided.chosen_because,
    concat_ws(' ',
        format('Stated by {} document{}', summary.document_count, case when summary.document_count > 1 then 's' else '' end)
            || case when summary.n_copies > 0
                then format(' ({} independent; {} {} counted with {})', summary.n_documents, summary.n_copies,
                            case when summary.n_copies > 1 then 'reprints or translations' else 'reprint or translation' end,
                            case when summary.n_copies > 1 then 'their originals' else 'its original' end)
                else '' end || '.',
        format('Chosen: {} ({}) from {}{}{}, {}.',
            {{ readable_amount('decided.comparable_value', 'decided.comparable_unit') }},
            replace(decided.qualifier, '_', ' '),
            decided.file_name,
            coalesce(', ' || decided.source_outlet, ''),
            coalesce(', published ' || strftime(decided.published_date, '%Y-%m-%d'), ''),
            decided.chosen_because),
        case
            when coalesce(conflicts.n_conflicting, 0) > 0 then format('{} source{} disagree{}: range {} to {}.',
                conflicts.n_conflicting,
                case when conflicts.n_conflicting > 1 then 's' else '' end,
                case when conflicts.n_conflicting > 1 then '' else 's' end,
                {{ readable_amount('summary.min_value', 'decided.comparable_unit') }},
                {{ readable_amount('summary.max_value', 'decided.comparable_unit') }})
            when summary.n_documents > 1 then 'The sources agree.'
        end,
        case when summary.n_outliers > 0 then format('{} figure{} set aside as likely unit slip{} ({}).',
            summary.n_outliers,
            case when summary.n_outliers > 1 then 's' else '' end,
            case when summary.n_outliers > 1 then 's' else '' end,
            summary.outlier_factors) end,
        case when decided.is_outlier then 'The chosen figure itself looks like a unit slip: ' || decided.outlier_cause || '.' end,
        case when summary.n_other_scope > 0 then format('{} source{} cover{} another scope ({}), not counted as disagreeing.',
            summary.n_other_scope,
            case when summary.n_other_scope > 1 then 's' else '' end,
            case when summary.n_other_scope > 1 then '' else 's' end,
            summary.other_scopes) end
    ) as reconciliation_note,
    decided.figure_id,
    decided.document_id,
    decided.file_name,
    decided.source_outlet,
    decided.published_date,
    decided.evidence,
    decided.value_text,
    decided.value_start,
    decided.value_end
from decided
inner join summary
    on summary.cluster_id = decided.cluster_id
    and summary.metric = decided.metric
    and summary.year = decided.year
    and summary.period is not distinct from decided.period
left join conflicts
    on conflicts.cluster_id = decided.cluster_id
    and conflicts.metric = decided.metric
    and conflicts.year = decided.year
    and conflicts.period is not distinct from decided.period
inner join {{ ref('dim_cluster') }} as clusters on clusters.cluster_id = decided.cluster_id
