select
    product_id,
    product_name,
    product_name_zh,
    product_family,
    parent_product_id,
    hs_code,
    gbt4754_code
from {{ ref('stg_raw__product_taxonomy') }}
