-- Figures about one company, order, platform or market: kept apart from cluster figures so
-- they never inflate a cluster's totals, but still traceable.
with figures as (
    select * from {{ ref('stg_raw__figures') }}
    where subject = 'company'
)

select
    figure_id,
    document_id,
    metric,
    year,
    period,
    value,
    unit,
    qualifier,
    evidence,
    sentence_start,
    sentence_end,
    value_start,
    value_end,
    place_code,
    product_id
from figures
where document_id in (select document_id from {{ ref('int_documents__deduplicated') }})
