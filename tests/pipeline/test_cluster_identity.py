"""One cluster, three languages: the same cluster_id, with its place resolved to its code."""

import duckdb
import pytest

from clusterhouse.cli import run_refresh
from tests.conftest import FIXTURES, copy_documents

pytestmark = pytest.mark.slow


def test_the_same_cluster_in_english_chinese_and_italian_is_one_cluster(settings):
    copy_documents(FIXTURES / "identity", settings.raw_dir)
    assert run_refresh(settings, quiet=True, exports=False)
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    clusters = con.execute(
        "select cluster_id, place_name, place_name_zh, admin_code, prefecture, province, product_family "
        "from marts.dim_cluster").fetchall()
    per_language = con.execute("""
        select d.language, count(distinct m.cluster_id), min(m.cluster_id)
        from marts.fct_cluster_metric m join marts.dim_document d using (document_id)
        where m.metric = 'output_value' group by 1 order by 1""").fetchall()
    output = con.execute(
        "select year, value_cny, document_count from marts.fct_cluster_output").fetchall()
    con.close()
    assert len(clusters) == 1
    cluster_id, place, place_zh, code, prefecture, province, family = clusters[0]
    assert (place, place_zh, code, prefecture, province) == ("Shengzhou", "嵊州市", "330683", "Shaoxing", "Zhejiang")
    assert [row[:2] for row in per_language] == [("en", 1), ("it", 1), ("zh", 1)]
    assert {row[2] for row in per_language} == {cluster_id}
    assert output == [(2022, 22e9, 3)]
