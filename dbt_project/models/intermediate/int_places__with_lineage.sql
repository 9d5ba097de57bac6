-- Each division with the English names of its county, prefecture and province.
with places as (
    select * from {{ ref('stg_raw__places') }}
)

select
    place.admin_code,
    place.name_zh,
    place.name_en,
    place.name_pinyin,
    place.place_level,
    place.division_type,
    place.parent_code,
    place.prefecture_code,
    place.province_code,
    place.latitude,
    place.longitude,
    place.former_names,
    case place.place_level when 'county' then place.name_en when 'town' then county.name_en end as county_name_en,
    case when place.place_level = 'prefecture' then place.name_en else prefecture.name_en end as prefecture_name_en,
    case when place.place_level = 'province' then place.name_en else province.name_en end as province_name_en
from places as place
left join places as county on county.admin_code = place.parent_code and place.place_level = 'town'
left join places as prefecture on prefecture.admin_code = place.prefecture_code
left join places as province on province.admin_code = place.province_code
