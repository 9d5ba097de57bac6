{{ config(materialized='incremental', incremental_strategy='append', pre_hook="{{ delete_changed_clusters() }}") }}
-- incremental by cluster (macros/changed_clusters.sql); depends_on: {{ ref('int_clusters__changed') }}
-- Every cluster figure with where it comes from (its document, or the original its document
-- copies) and, when other figures for the same cluster, metric, year and period say otherwise,
-- whether it is a likely unit slip.
--
-- Outlier rule. Figures are compared on one scale (yuan for money, else the stated unit) with
-- the others of their key, one vote per independent source and value (a reprint repeating its
-- original adds nothing); a vote from an original weighs 1, from a translation or reprint 0.5;
-- a figure whose scope is stated differently (e.g. above-designated-size firms only) is not
-- compared. A figure's *support* is the weight of the votes within a factor of 10^0.2 (about
-- 1.6) of it; a *rival* group is the weight of the votes 10, 100, 1,000 or 10,000 times away
-- (within 10^0.15 of that power). The figure is a likely slip when its strongest rival
-- outweighs its support, or weighs the same and the cluster's figures for other years
-- (their median, same metric and period) are clearly nearer the rival. Its outlier_factor is
-- the power of ten it is off by; outlier_cause says what usually causes that factor.
with figures as (
    select
        figures.* exclude (input_digest),  -- the attribution's bookkeeping, not the figure's
        copies.original_document_id,
        copies.copy_kind,
        coalesce(copies.original_document_id, figures.document_id) as source_document_id,
        case when figures.unit in ('CNY', 'USD', 'EUR') then figures.value_cny else figures.value end
            as comparable_value
    from {{ ref('int_figures__attributed') }} as figures
    left join {{ ref('int_documents__copies') }} as copies using (document_id)
    where true {{ only_changed_clusters('figures.cluster_id') }}
),

comparable as (
    select *
    from figures
    where year is not null and not is_restatement and comparable_value > 0
),

votes as (
    select
        cluster_id,
        metric,
        year,
        period,
        scope,
        source_document_id,
        min(comparable_value) as vote_value,
        max(case when copy_kind is null then 1.0 else 0.5 end) as weight
    from comparable
    group by cluster_id, metric, year, period, scope, source_document_id, round(ln(comparable_value) * 100)
),

distances as (
    select
        figure.figure_id,
        vote.weight,
        log10(figure.comparable_value / vote.vote_value) as log_ratio,
        round(log10(figure.comparable_value / vote.vote_value)) as power
    from comparable as figure
    inner join votes as vote
        on vote.cluster_id = figure.cluster_id
        and vote.metric = figure.metric
        and vote.year = figure.year
        and vote.period is not distinct from figure.period
        and (vote.scope is null or figure.scope is null or vote.scope = figure.scope)
),

support as (
    select figure_id, sum(weight) as support_weight
    from distances
    where abs(log_ratio) <= 0.2
    group by figure_id
),

rivals as (
    select figure_id, power, sum(weight) as rival_weight
    from distances
    where power <> 0 and abs(power) <= 4 and abs(log_ratio - power) <= 0.15
    group by figure_id, power
    qualify row_number() over (partition by figure_id order by sum(weight) desc, abs(power)) = 1
),

-- the cluster's figures for the same metric and period in other years
other_years as (
    select
        figure.figure_id,
        median(other.comparable_value) as other_years_median
    from comparable as figure
    inner join comparable as other
        on other.cluster_id = figure.cluster_id
        and other.metric = figure.metric
        and other.period is not distinct from figure.period
        and other.year <> figure.year
    where figure.figure_id in (select figure_id from rivals)
    group by figure.figure_id
),

judged as (
    select
        comparable.figure_id,
        coalesce(support.support_weight, 0) as support_weight,
        rivals.rival_weight,
        rivals.power,
        rivals.rival_weight > coalesce(support.support_weight, 0)
        or (
            rivals.rival_weight = coalesce(support.support_weight, 0)
            and abs(log10(comparable.comparable_value / other_years.other_years_median) - rivals.power) + 0.5
                < abs(log10(comparable.comparable_value / other_years.other_years_median))
        ) as is_outlier
    from comparable
    left join support using (figure_id)
    inner join rivals using (figure_id)
    left join other_years using (figure_id)
)

select
    figures.*,
    coalesce(judged.is_outlier, false) as is_outlier,
    case when judged.is_outlier then power(10, judged.power) end as outlier_factor,
    case when judged.is_outlier then
        case judged.power
            when 1 then '10 times the other sources: a 亿 (100 million) read as a billion, or a decimal point moved'
            when -1 then 'a tenth of the other sources: a billion read as 亿 (100 million), or a decimal point moved'
            when 2 then '100 times the other sources: 亿 (100 million) read as 百万 (million) units, or a per-cent figure read as a value'
            when -2 then 'a hundredth of the other sources: 百万 (million) read where 亿 (100 million) was meant'
            when 3 then '1,000 times the other sources: thousands read as units (千元, thousand yuan), or million read as billion'
            when -3 then 'a thousandth of the other sources: billion read as million, or a figure in thousands read as units'
            when 4 then '10,000 times the other sources: a 万 (10,000) counted twice, or added in translation'
            when -4 then 'a ten-thousandth of the other sources: a 万 (10,000) lost, e.g. in translation'
        end
    end as outlier_cause
from figures
left join judged using (figure_id)
