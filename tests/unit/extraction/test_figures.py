import pytest

from clusterhouse.extraction.figures import find_sentence_figures


def figures(sentence, language):
    return [(f.metric, f.value, f.unit, f.qualifier) for f in find_sentence_figures(sentence, language)
            if not f.is_company and not f.is_restatement]


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("Last year the town's lighting output value reached 21.5 billion yuan.", "en",
         [("output_value", 21.5e9, "CNY", "exact")]),
        ("Exports of socks topped $1.2 billion, while sales reached 60 billion yuan.", "en",
         [("export_value", 1.2e9, "USD", "more_than"), ("sales_value", 60e9, "CNY", "exact")]),
        ("Its imports and exports totalled 3.4 billion yuan.", "en", [("trade_value", 3.4e9, "CNY", "exact")]),
        ("Online retail sales of eyeglasses hit 8 billion yuan.", "en", [("online_sales", 8e9, "CNY", "exact")]),
        ("The county is home to nearly 3,000 knife makers employing 120,000 workers.", "en",
         [("enterprises", 3000, "firms", "about"), ("employees", 120000, "people", "exact")]),
        ("Its pumps are sold to more than 120 countries and regions.", "en",
         [("export_markets", 120, "countries", "more_than")]),
        ("The town produces 5 billion pairs of socks a year.", "en", [("output_volume", 5e9, "units", "exact")]),
        ("Tax revenue from the industry reached 2 billion yuan.", "en", []),
        ("The fair attracted 200,000 visitors.", "en", []),
        ("The population of the county is 800,000 people.", "en", []),
        ("2022年，全县袜业产值达到300亿元，出口额超过50亿元。", "zh",
         [("output_value", 300e8, "CNY", "exact"), ("export_value", 50e8, "CNY", "more_than")]),
        ("全镇现有灯饰企业4万多家，从业人员20余万人。", "zh",
         [("enterprises", 40000, "firms", "more_than"), ("employees", 200000, "people", "more_than")]),
        ("产品远销120多个国家和地区。", "zh", [("export_markets", 120, "countries", "more_than")]),
        ("年产灯具2亿套。", "zh", [("output_volume", 2e8, "units", "exact")]),
        ("进出口总额约12.5亿元。", "zh", [("trade_value", 12.5e8, "CNY", "about")]),
        ("其中规上企业120家。", "zh", []),
        ("Il valore della produzione ha raggiunto i 9,29 miliardi di yuan.", "it",
         [("output_value", 9.29e9, "CNY", "exact")]),
        ("Le esportazioni hanno superato i 2,5 miliardi di dollari.", "it", [("export_value", 2.5e9, "USD", "exact")]),
        ("Nel distretto operano oltre 1.500 aziende con circa 48.700 addetti.", "it",
         [("enterprises", 1500, "firms", "more_than"), ("employees", 48700, "people", "about")]),
        ("Las exportaciones alcanzaron los 3.200 millones de dólares.", "es",
         [("export_value", 3.2e9, "USD", "exact")]),
        ("Le chiffre d'affaires a atteint 48,7 milliards de yuans.", "fr",
         [("sales_value", 48.7e9, "CNY", "exact")]),
        ("Der Umsatz lag bei rund 12 Milliarden Yuan.", "de", [("sales_value", 12e9, "CNY", "about")]),
    ],
)
def test_sentence_figures(sentence, language, expected):
    assert figures(sentence, language) == expected


def test_a_second_currency_restating_the_first_is_kept_and_marked():
    found = find_sentence_figures("Output value was 5.17 billion yuan ($712 million).", "en")
    assert [(f.metric, f.value, f.unit, f.is_restatement) for f in found] == [
        ("output_value", 5.17e9, "CNY", False), ("output_value", 712e6, "USD", True)]


def test_company_sentences_are_marked():
    found = find_sentence_figures("The company employs over 500 workers.", "en")
    assert [f.is_company for f in found] == [True]


@pytest.mark.parametrize(
    ("sentence", "language", "rank"),
    [
        ("It is the third largest lighting base in China.", "en", 3),
        ("Its output ranks first in China.", "en", 1),
        ("The town is the largest sock production base in China.", "en", 1),
        ("灯饰产量居全国第一。", "zh", 1),
        ("È il primo polo calzaturiero della Cina.", "it", 1),
    ],
)
def test_national_rank(sentence, language, rank):
    ranks = [f.value for f in find_sentence_figures(sentence, language) if f.metric == "rank"]
    assert ranks == [rank]


def test_the_worlds_largest_is_first_in_china_but_the_worlds_third_is_no_national_rank():
    largest = find_sentence_figures("It is the largest button base in the world.", "en")
    assert [f.value for f in largest if f.metric == "rank"] == [1]
    third = find_sentence_figures("It is the third largest button base in the world.", "en")
    assert not [f for f in third if f.metric == "rank"]


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("It is one of the largest toy production bases in China.", "en"),
        ("È uno dei più grandi poli calzaturieri della Cina.", "it"),
        ("Es uno de los mayores centros de producción de China.", "es"),
        ("C'est l'un des plus grands pôles de production de Chine.", "fr"),
        ("Die Stadt ist einer der größten Standorte Chinas.", "de"),
        ("该县是全国最大的纽扣生产基地之一。", "zh"),
    ],
)
def test_one_of_the_largest_is_not_a_rank(sentence, language):
    assert not [f for f in find_sentence_figures(sentence, language) if f.metric == "rank"]


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("The county's hosiery industry generated revenue of 56.8 billion yuan last year, up 8.2 percent.", "en",
         [("sales_value", 56.8e9, "CNY", "exact")]),
        ("There are 1,200-plus enterprises in the town.", "en", [("enterprises", 1200, "firms", "more_than")]),
        ("The industry provides jobs for over 100,000 local residents.", "en",
         [("employees", 100000, "people", "more_than")]),
        ("With an annual output of 1.5 billion pairs of socks, the town leads.", "en",
         [("output_volume", 1.5e9, "units", "exact")]),
        ("Nel distretto operano oltre 5mila imprese con circa 20mila addetti.", "it",
         [("enterprises", 5000, "firms", "more_than"), ("employees", 20000, "people", "about")]),
        ("Rund 2.000 Betriebe mit zusammen 100.000 Beschäftigten erzielen einen Umsatz von 5 Mrd. Euro.", "de",
         [("enterprises", 2000, "firms", "about"), ("employees", 100000, "people", "exact"),
          ("sales_value", 5e9, "EUR", "exact")]),
        ("电商销售额达120亿元，出口额为5.2亿美元，占全国市场份额的60%。", "zh",
         [("online_sales", 120e8, "CNY", "exact"), ("export_value", 5.2e8, "USD", "exact")]),
        ("全县共有童装企业1.3万家，带动就业超过10万人，年销售额突破百亿元。", "zh",
         [("enterprises", 13000, "firms", "exact"), ("employees", 100000, "people", "more_than"),
          ("sales_value", 1e10, "CNY", "more_than")]),
    ],
)
def test_news_phrasings(sentence, language, expected):
    assert figures(sentence, language) == expected


@pytest.mark.parametrize(
    ("sentence", "language", "restated"),
    [
        ("Output value hit 23 billion yuan (about 3.2 billion U.S. dollars) in 2022.", "en", (3.2e9, "USD")),
        ("产值达50亿元（约合7亿美元）。", "zh", (7e8, "USD")),
        ("Un chiffre d'affaires de 10 milliards de yuans (1,3 milliard d'euros).", "fr", (1.3e9, "EUR")),
    ],
)
def test_the_same_amount_in_a_second_currency_is_a_restatement(sentence, language, restated):
    found = find_sentence_figures(sentence, language)
    assert [(f.value, f.unit) for f in found if f.is_restatement] == [restated]
    assert len([f for f in found if not f.is_restatement]) == 1


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Exports rose by 2 billion yuan.", "en"),
        ("比前年多了将近20亿元。", "zh"),
        ("Le chiffre d'affaires a connu une hausse de 1,2 milliard de yuans.", "fr"),
    ],
)
def test_a_change_is_not_a_level(sentence, language):
    assert figures(sentence, language) == []


def test_a_comparison_amount_keeps_the_currency_of_the_first():
    found = figures("Les exportations ont atteint 1,2 milliard de dollars, contre 1,05 milliard en 2022.", "fr")
    assert found == [("export_value", 1.2e9, "USD", "exact"), ("export_value", 1.05e9, "USD", "exact")]


@pytest.mark.parametrize(
    ("sentence", "language", "is_company"),
    [
        ("Its founder says the firm ranks first in China.", "en", True),
        ("Its founder says the firm, with 300 workers, ranks first in China.", "en", True),
        ("The town ranks first in China.", "en", False),
        ("The town, with 300 firms, ranks first in China.", "en", False),
        ("该公司产量居全国第一。", "zh", True),
        ("该镇产量居全国第一。", "zh", False),
    ],
)
def test_a_rank_is_the_companys_when_the_sentence_names_one(sentence, language, is_company):
    """With or without an amount beside it: a sentence without one takes a shorter path."""
    ranks = [f for f in find_sentence_figures(sentence, language) if f.metric == "rank"]
    assert [f.is_company for f in ranks] == [is_company]
