{#- A value in words for notes: '22 billion CNY', '1.5 million USD', '1,100 firms'. -#}
{% macro readable_amount(value, unit) -%}
case
    when {{ value }} is null then null
    when {{ unit }} in ('CNY', 'USD', 'EUR') and abs({{ value }}) >= 1e9
        then format('{:.4g} billion {}', {{ value }} / 1e9, {{ unit }})
    when {{ unit }} in ('CNY', 'USD', 'EUR') and abs({{ value }}) >= 1e6
        then format('{:.4g} million {}', {{ value }} / 1e6, {{ unit }})
    when {{ unit }} = 'rank' then format('rank {}', round({{ value }})::bigint)
    else format('{:,} {}', round({{ value }})::bigint, {{ unit }})
end
{%- endmacro %}
