"""Document-level extraction: which cluster a figure is about, and when."""

from datetime import date

import pytest

from clusterhouse.extraction import DocumentInput, extract


def figures(text, language, published=date(2024, 3, 1), subject="cluster"):
    result = extract(DocumentInput("doc", text, language, published, None))
    return [(f["metric"], f["value"], f["unit"], f["year"], f["period"], f["place_code"], f["town_name_en"])
            for f in result.figures if f["subject"] == subject]


def test_two_clusters_each_get_their_own_figures():
    text = (
        "Two garment towns in Guangdong\n\n"
        "Humen, a town in Dongguan, has more than 2,500 garment makers. "
        "Its garment sales reached 80 billion yuan in 2023.\n\n"
        "Xintang, in Guangzhou's Zengcheng district, is known for jeans. "
        "The town produced 300 million pairs of jeans in 2023."
    )
    found = figures(text, "en")
    assert ("enterprises", 2500, "firms", 2024, "as_of", "441900", "Humen") in found
    assert ("sales_value", 80e9, "CNY", 2023, "FY", "441900", "Humen") in found
    assert ("output_volume", 300e6, "units", 2023, "FY", "440118", "Xintang") in found


def test_a_province_wide_figure_is_not_the_county_clusters():
    text = (
        "Shengzhou ties\n\n"
        "Shengzhou, a city in Zhejiang, makes most of China's neckties. "
        "In 2023 the city's necktie output value reached 12 billion yuan. "
        "Zhejiang's textile industry as a whole had revenue of 1 trillion yuan."
    )
    found = figures(text, "en")
    assert [f[:2] for f in found] == [("output_value", 12e9)]


def test_company_and_quoted_figures_are_kept_apart():
    text = (
        "Danyang lenses\n\n"
        "Danyang, in Jiangsu, has 1,600 eyewear enterprises. "
        "A local lens company said its sales reached 900 million yuan last year. "
        "\"We now ship to 60 countries,\" said its founder."
    )
    assert [f[:2] for f in figures(text, "en")] == [("enterprises", 1600)]
    company = figures(text, "en", subject="company")
    assert ("sales_value", 900e6) in [f[:2] for f in company]


def test_relative_years_resolve_from_the_publication_date_and_stay_unknown_without_one():
    text = "Yiwu socks\n\nYiwu, in Zhejiang, exported socks worth 5 billion yuan last year."
    assert figures(text, "en", date(2023, 5, 2))[0][3] == 2022
    assert figures(text, "en", None)[0][3] is None


def test_a_target_year_after_publication_is_not_a_figure():
    text = "Jinjiang shoes\n\nJinjiang, in Fujian, plans to lift shoe output value to 500 billion yuan by 2027."
    assert figures(text, "en", date(2024, 1, 1)) == []


def test_time_carries_over_within_a_paragraph_but_not_across():
    text = (
        "Guzhen lighting\n\n"
        "By the end of 2022, Guzhen in Zhongshan had 16,000 lighting firms. "
        "Its lamps are sold to more than 130 countries and regions.\n\n"
        "Guzhen employs about 200,000 people in the lighting industry."
    )
    found = {f[0]: f[3] for f in figures(text, "en", date(2023, 6, 1))}
    assert found == {"enterprises": 2022, "export_markets": 2022, "employees": 2023}


def test_a_headline_and_a_truncated_figure_are_not_figures():
    text = (
        "Yangjiang knife exports top 10 billion yuan\n\n"
        "Yangjiang, in Guangdong, is China's knife capital. Exports of knives reached 1."
    )
    assert figures(text, "en") == []


def test_traditional_chinese_is_read_like_simplified():
    text = "晉江鞋業\n\n2023年，福建晉江鞋服產業產值逾3000億元，從業人員約50萬人。"
    found = figures(text, "zh")
    assert ("output_value", 300e9, "CNY", 2023, "FY", "350582", None) in found
    assert ("employees", 500e3, "people", 2023, "as_of", "350582", None) in found


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Il distretto delle perle\n\nNel 2023 a Zhuji, nello Zhejiang, il valore della produzione di perle "
         "ha superato i 40 miliardi di yuan.", "it", ("output_value", 40e9, "CNY", 2023)),
        ("Calcetines de Datang\n\nEn 2022, las exportaciones de calcetines de Zhuji, en Zhejiang, sumaron "
         "unos 1.500 millones de dólares.", "es", ("export_value", 1.5e9, "USD", 2022)),
        ("Les briquets de Shaodong\n\nEn 2022, Shaodong, dans le Hunan, a produit environ 7 milliards de "
         "briquets.", "fr", ("output_volume", 7e9, "units", 2022)),
        ("Sanitärkeramik aus Chaozhou\n\nIm Jahr 2022 erzielte die Keramikindustrie in Chaozhou in der Provinz "
         "Guangdong einen Produktionswert von 60 Milliarden Yuan.", "de", ("output_value", 60e9, "CNY", 2022)),
    ],
)
def test_figures_in_other_languages(text, language, expected):
    assert expected in [f[:4] for f in figures(text, language)]


def test_a_document_the_rules_cannot_process_is_reported_not_raised(monkeypatch):
    import clusterhouse.extraction.pipeline as extraction

    def broken(doc):
        raise ValueError("unexpected shape")

    monkeypatch.setattr(extraction, "extract", broken)
    [result] = extraction.extract_many([DocumentInput("doc", "text", "en", None)], workers=1)
    assert result.error == "ValueError: unexpected shape" and result.figures == []


def test_a_comparison_with_a_cluster_abroad_is_not_the_chinese_clusters():
    text = (
        "Shoes of Wuhou\n\n"
        "Nel 2022 il distretto di Wuhou, a Chengdu nel Sichuan, ha prodotto scarpe per 20 miliardi di yuan.\n\n"
        "In Italia, la Riviera del Brenta conta circa 500 calzaturifici e 10 mila addetti."
    )
    assert [f[:2] for f in figures(text, "it")] == [("output_value", 20e9)]


def test_a_village_named_again_and_again_belongs_to_the_only_county_named():
    text = (
        "The oil painting village\n\n"
        "Dafen village in Shenzhen's Longgang district is full of easels. "
        "Dafen village has more than 1,000 galleries and workshops employing 8,000 workers.\n\n"
        "Shenzhen is better known for electronics."
    )
    assert {f[5] for f in figures(text, "en")} == {"440307"}


def test_firms_in_one_industrial_park_are_not_the_clusters_firms():
    text = (
        "Toothbrushes of Hangji\n\n"
        "Hangji, in Yangzhou, Jiangsu, has more than 1,300 toothbrush enterprises. "
        "The town invested 500 million yuan in an innovation park that now hosts 56 enterprises."
    )
    assert [f[:2] for f in figures(text, "en")] == [("enterprises", 1300)]


def test_a_share_of_the_province_is_not_a_provincial_figure():
    text = "临清轴承\n\n2021年，山东临清市轴承产业实现产值350.2亿元，占全省轴承行业产值的四成以上。"
    assert [f[:2] for f in figures(text, "zh")] == [("output_value", 350.2e8)]


def test_that_same_year_opening_a_paragraph_is_the_year_named_before():
    text = (
        "El té de Pu'er\n\n"
        "La ciudad de Pu'er, en Yunnan, produjo en 2021 unas 136.000 toneladas de té.\n\n"
        "Ese mismo año, el valor total de la industria del té de Pu'er alcanzó los 38.000 millones de yuanes."
    )
    assert [f[:4] for f in figures(text, "es", date(2022, 5, 1))] == [("output_value", 38e9, "CNY", 2021)]


def test_the_previous_year_and_a_january_article():
    text = (
        "Changshu fashion\n\n"
        "Changshu, in Suzhou, Jiangsu, exported garments worth 2.9 billion dollars in 2022, "
        "down from 3.1 billion dollars the previous year."
    )
    found = {f[1]: f[3] for f in figures(text, "en", date(2023, 7, 1))}
    assert found == {2.9e9: 2022, 3.1e9: 2021}
    annual = "Zheng'an guitars\n\nZheng'an, in Guizhou, sold guitars worth 780 million yuan online over the full year."
    assert figures(annual, "en", date(2024, 1, 18))[0][3] == 2023


def test_an_annual_figure_in_a_february_article_is_this_years_but_a_full_year_is_last_years():
    annual = "Zigong lanterns\n\nZigong, in Sichuan, has a lantern industry with an annual output value of 5 billion yuan."
    assert figures(annual, "en", date(2023, 2, 6))[0][3] == 2023


def test_production_and_supporting_firms_are_all_the_clusters_firms():
    text = "興城泳裝\n\n遼寧興城是內地最大的泳裝生產基地。目前當地共有泳裝生產及配套企業1,200多家，從業人員約10萬人。"
    found = [f[:2] for f in figures(text, "zh", date(2023, 7, 18))]
    assert ("enterprises", 1200) in found and ("employees", 100000) in found


def test_the_dateline_city_is_not_the_articles_place():
    text = (
        "Carta Xuan\n\n"
        "Pechino, 09 ott 17:20 - (Agenzia Nova) - La contea di Jingxian, nell'Anhui, è la culla della carta Xuan. "
        "Oggi la filiera della carta Xuan coinvolge oltre 300 imprese."
    )
    assert {f[5] for f in figures(text, "it", date(2023, 10, 9))} == {"341823"}
