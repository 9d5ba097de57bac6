select
    admin_code,
    name_en as place_name,
    name_zh as place_name_zh,
    name_pinyin,
    place_level,
    division_type,
    parent_code,
    prefecture_code,
    province_code,
    county_name_en as county,
    prefecture_name_en as prefecture,
    province_name_en as province,
    latitude,
    longitude,
    former_names
from {{ ref('int_places__with_lineage') }}
