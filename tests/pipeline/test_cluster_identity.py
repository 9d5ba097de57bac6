"""One cluster, three languages: the same cluster_id, with its place resolved to its code.

The three articles (tests/fixtures/identity/) are refreshed with every annotated corpus
(``every_corpus`` in conftest.py, folder identity/), beside other articles on the same cluster:
what is checked is that these three, in English, Chinese and Italian, land on one cluster."""

import pytest

from tests.conftest import query

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("corpora")]


def test_the_same_cluster_in_english_chinese_and_italian_is_one_cluster(every_corpus):
    figures = query(every_corpus.warehouse, """
        select d.language, m.cluster_id, m.value, m.year
        from marts.fct_cluster_metric m join marts.dim_document d using (document_id)
        where d.source_path like 'identity/%' and m.metric = 'output_value' order by 1""")
    assert [(language, value, year) for language, _, value, year in figures] == [
        ("en", 22e9, 2022), ("it", 22e9, 2022), ("zh", 22e9, 2022)]
    cluster_ids = {cluster_id for _, cluster_id, _, _ in figures}
    assert len(cluster_ids) == 1
    cluster_id = cluster_ids.pop()
    cluster = query(every_corpus.warehouse, f"""
        select place_name, place_name_zh, admin_code, prefecture, province, product_family
        from marts.dim_cluster where cluster_id = '{cluster_id}'""")
    assert [row[:5] for row in cluster] == [("Shengzhou", "嵊州市", "330683", "Shaoxing", "Zhejiang")]
    counted = query(every_corpus.warehouse, f"""
        select document_count from marts.fct_cluster_series
        where cluster_id = '{cluster_id}' and metric = 'output_value' and year = 2022""")
    assert counted and counted[0][0] >= 3, "the three are counted in the cluster's series"
