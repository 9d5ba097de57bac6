import pytest

from clusterhouse.text import language
from clusterhouse.text.language import SUPPORTED_LANGUAGES, detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lamp makers export more.", "en"),
        ("灯饰企业出口增长", "zh"),
        ("燈飾企業出口增長", "zh"),
        ("Le fabbriche di bottoni crescono.", "it"),
        ("Las fábricas de calcetines crecen.", "es"),
        ("Les usines de chaussures embauchent.", "fr"),
        ("Die Möbelfabriken wachsen weiter.", "de"),
    ],
)
def test_short_texts(text, expected):
    assert detect_language(text) == expected


LONG_TEXTS = {
    "en": (
        "Datang, a town in Zhejiang province, is known across China for its socks. Thousands of "
        "small family workshops knit, dye and pack them, and traders ship the goods to buyers in "
        "dozens of countries. Local officials say the town is investing in automated machines."
    ),
    "zh": (
        "大唐镇位于浙江省诸暨市，是全国闻名的袜业生产基地。当地数千家家庭作坊从事织袜、"
        "染色和包装，产品销往几十个国家和地区。近年来，当地政府大力推动自动化织袜设备的应用。"
    ),
    "zh-Hant": (
        "臺中市是全球重要的自行車生產基地，聚集了上千家零組件企業。近年來，當地業者"
        "積極研發電動自行車，產品大量銷往歐洲與美國市場，帶動整體產業升級。"
    ),
    "it": (
        "Datang, una cittadina della provincia dello Zhejiang, è famosa in tutta la Cina per "
        "le sue calze. Migliaia di piccoli laboratori familiari producono e tingono i prodotti, "
        "che vengono venduti all'estero."
    ),
    "es": (
        "Datang, una localidad de la provincia de Zhejiang, es famosa en toda China por sus "
        "calcetines. Miles de pequeños talleres familiares tejen y tiñen los productos, que se "
        "venden en el extranjero."
    ),
    "fr": (
        "Datang, une petite ville de la province du Zhejiang, est célèbre dans toute la Chine "
        "pour ses chaussettes. Des milliers d'ateliers familiaux les tricotent et les teignent "
        "avant de les exporter."
    ),
    "de": (
        "Datang, eine Kleinstadt in der Provinz Zhejiang, ist in ganz China für ihre Socken "
        "bekannt. Tausende kleine Familienbetriebe stricken und färben die Ware, die ins Ausland "
        "verkauft wird."
    ),
}


@pytest.mark.parametrize("variant", sorted(LONG_TEXTS))
def test_long_texts(variant):
    assert detect_language(LONG_TEXTS[variant]) == variant.split("-")[0]


def test_chinese_with_an_english_byline_is_chinese():
    text = (
        "By Li Ming, China Daily | Updated: 2022-05-03\n\n"
        "古镇灯饰企业积极开拓海外市场，产品销往一百多个国家和地区，LED照明产品订单增长明显。"
    )
    assert detect_language(text) == "zh"


@pytest.mark.parametrize("text", ["", None, "12345 678", "  \n ", "—— !!"])
def test_no_letters_no_language(text):
    assert detect_language(text) is None


def test_detector_is_built_once():
    assert language._get_detector() is language._get_detector()


def test_codes_are_iso_639_1():
    assert all(len(code) == 2 for code in SUPPORTED_LANGUAGES)
    assert {"en", "zh", "it", "es", "fr", "de"} <= set(SUPPORTED_LANGUAGES)
