{#- Incremental by cluster (int_clusters__changed says why it is sound): the models whose rows a
    cluster's figures alone decide read only the changed clusters' inputs, after their old rows
    are deleted by the model's pre-hook. A full refresh, or a first build, reads everything.
    A model using these needs `-- depends_on: {{ ref('int_clusters__changed') }}`: dbt parses
    with is_incremental() false and would not see the ref inside it. -#}
{% macro only_changed_clusters(column) %}
    {%- if is_incremental() %}
    and {{ column }} in (select cluster_id from {{ ref('int_clusters__changed') }} where is_changed)
    {%- endif %}
{% endmacro %}

{% macro delete_changed_clusters() %}
    {%- if is_incremental() %}
    delete from {{ this }} where cluster_id in (select cluster_id from {{ ref('int_clusters__changed') }} where is_changed)
    {%- endif %}
{% endmacro %}
