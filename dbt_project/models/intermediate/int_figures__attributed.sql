{{ config(materialized='incremental', incremental_strategy='append', pre_hook="{{ delete_changed_documents() }}") }}
-- Cluster figures with their cluster id and money in both yuan and dollars; a figure a
-- document states twice (same cluster, metric, time and value) is kept once. Figures whose
-- confidence is below var('min_confidence') stay out (they are in fct_figure_candidate).
--
-- Incremental by document (macros/changed_documents.sql): a night computes the documents it
-- read, not the 300,000 figures of the others again (at 100,000 documents writing them was the
-- longest step of the nightly build's critical path). Sound only after a green build of the same
-- project and code, as for int_clusters__changed: the refresh runs dbt with --full-refresh otherwise.
with digests as (
    {{ document_figure_digests() }}
),

figures as (
    select figures.*, digests.input_digest
    from {{ ref('stg_raw__figures') }} as figures
    inner join digests using (document_id)
    where {{ eligible_cluster_figures('figures') }}
    {%- if is_incremental() %}
        and not exists (
            select 1 from {{ this }} as kept
            where kept.document_id = figures.document_id and kept.input_digest = digests.input_digest
        )
    {%- endif %}
),

products as (
    select product_id, product_family from {{ ref('stg_raw__product_taxonomy') }}
),

documents as (
    select document_id, published_date from {{ ref('int_documents__deduplicated') }}
),

rates as (
    select * from {{ ref('stg_seeds__exchange_rates') }}
),

-- each currency's first and last year in the table (the euro starts in 1999)
rate_years as (
    select currency, min(rate_year) as first_year, max(rate_year) as last_year
    from rates
    group by currency
),

keyed as (
    select
        figures.*,
        products.product_family,
        documents.published_date,
        left(md5(
            figures.place_code || '|' || coalesce(lower(figures.town_name_en), '') || '|' || products.product_family
        ), 16) as cluster_id,
        -- a figure with no year is converted at the rate of its publication year, else the latest;
        -- a year outside the table uses the currency's nearest year (counts follow the dollar's years)
        greatest(
            least(
                coalesce(figures.year, year(documents.published_date), rate_years.last_year),
                rate_years.last_year
            ),
            rate_years.first_year
        ) as rate_year
    from figures
    inner join products using (product_id)
    inner join documents using (document_id)
    left join rate_years
        on rate_years.currency = case when figures.unit in ('CNY', 'USD', 'EUR') then figures.unit else 'USD' end
),

converted as (
    select
        keyed.*,
        case when keyed.unit in ('CNY', 'USD', 'EUR') then keyed.value * own_rate.cny_per_unit end as value_cny,
        case when keyed.unit in ('CNY', 'USD', 'EUR')
            then keyed.value * own_rate.cny_per_unit / usd_rate.cny_per_unit end as value_usd
    from keyed
    left join rates as own_rate
        on own_rate.currency = keyed.unit
        and own_rate.rate_year = keyed.rate_year
    left join rates as usd_rate
        on usd_rate.currency = 'USD'
        and usd_rate.rate_year = keyed.rate_year
),

deduplicated as (
    select
        *,
        row_number() over (
            partition by document_id, cluster_id, metric, year, period, value, unit
            order by sentence_start, value_start
        ) as repeat_rank
    from converted
)

select * exclude (repeat_rank)
from deduplicated
where repeat_rank = 1
