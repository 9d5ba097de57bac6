-- Where sources disagree: canonical rows with independent sources that state something else,
-- or with figures set aside as likely unit slips; the note says who and by how much.
select
    cluster_name,
    metric,
    year,
    period,
    value,
    unit,
    min_value,
    max_value,
    round(max_value / nullif(min_value, 0), 2) as spread,
    n_documents,
    n_conflicting,
    n_outliers,
    reconciliation_note
from {{ ref('fct_cluster_series') }}
where n_conflicting > 0 or n_outliers > 0
order by n_conflicting + n_outliers desc, spread desc nulls last, cluster_name
