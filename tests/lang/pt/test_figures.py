"""Portuguese figure words: what an amount or a count measures, its qualifier, and when it is
not the cluster's (a subset, a firm, a market hall, the nation, a target), in sentences written
for these tests in Brazilian and European usage."""

from datetime import date

import pytest

from clusterhouse.extraction import DocumentInput, extract
from clusterhouse.extraction.figures import find_sentence_figures


def figures(sentence):
    return [(f.metric, f.value, f.unit, f.qualifier) for f in find_sentence_figures(sentence, "pt")
            if not f.is_company and not f.is_restatement]


def metrics(sentence):
    return [(f[0], f[1]) for f in figures(sentence)]


def doc_figures(text, published=date(2024, 3, 14)):
    result = extract(DocumentInput("doc", text, "pt", published, None))
    return [(f["metric"], f["value"], f["unit"], f["year"], f["period"]) for f in result.figures
            if f["subject"] == "cluster" and not f["is_restatement"]]


@pytest.mark.parametrize(("sentence", "expected"), [
    # amounts of money
    ("A indústria de meias registou um valor de produção de 10,6 mil milhões de yuans.",
     [("output_value", 10.6e9, "CNY", "exact")]),
    ("O valor bruto da produção do setor atingiu 48 mil milhões de iuanes.",
     [("output_value", 48e9, "CNY", "exact")]),
    ("O faturamento do polo chegou a cerca de 30 bilhões de yuans.", [("sales_value", 30e9, "CNY", "about")]),
    ("A faturação das empresas rondou os 2 mil milhões de euros.", [("sales_value", 2e9, "EUR", "about")]),
    ("O volume de negócios do setor foi de 12 mil milhões de yuan.", [("sales_value", 12e9, "CNY", "exact")]),
    ("As exportações ultrapassaram 2,3 mil milhões de dólares americanos.",
     [("export_value", 2.3e9, "USD", "more_than")]),
    ("As exportações somaram US$ 480 milhões.", [("export_value", 480e6, "USD", "exact")]),
    ("As importações e exportações chegaram a 560 bilhões de yuans.", [("trade_value", 560e9, "CNY", "exact")]),
    ("O comércio externo da cidade somou 600 mil milhões de yuans.", [("trade_value", 600e9, "CNY", "exact")]),
    ("As vendas online chegaram a 8 bilhões de yuans.", [("online_sales", 8e9, "CNY", "exact")]),
    ("As vendas no comércio eletrônico somaram 3 bilhões de yuans.", [("online_sales", 3e9, "CNY", "exact")]),
    ("As vendas atingiram 5 bilhões de yuans pela internet.", [("online_sales", 5e9, "CNY", "exact")]),
    ("As vendas ficaram abaixo de 900 milhões de yuans.", [("sales_value", 900e6, "CNY", "less_than")]),
    # counts
    ("O município conta com mais de 3.000 empresas de calçado.", [("enterprises", 3000, "firms", "more_than")]),
    ("Há cerca de 1.600 fabricantes de óculos na cidade.", [("enterprises", 1600, "firms", "about")]),
    ("O setor emprega cerca de 200 mil trabalhadores.", [("employees", 200000, "people", "about")]),
    ("A indústria dá emprego a perto de 48.700 pessoas.", [("employees", 48700, "people", "about")]),
    ("Mais de 300 mil pessoas trabalham na indústria de brinquedos.", [("employees", 300000, "people", "more_than")]),
    ("Os produtos são exportados para mais de 120 países e regiões.",
     [("export_markets", 120, "countries", "more_than")]),
    ("As lentes chegam a 100 países.", [("export_markets", 100, "countries", "exact")]),
    ("A cidade produz anualmente 800 milhões de pares de meias.", [("output_volume", 800e6, "units", "exact")]),
    ("As oficinas fabricaram 5 milhões de guitarras em 2023.", [("output_volume", 5e6, "units", "exact")]),
    ("O distrito produz cerca de 500 milhões de lentes por ano.", [("output_volume", 500e6, "units", "about")]),
])
def test_figures_by_metric_and_qualifier(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(("sentence", "rank"), [
    ("Danyang é o maior centro de produção de lentes da China.", 1),
    ("É a maior base de produção de meias do mundo.", 1),
    ("Wenling é a segunda maior base de bombas de água do país.", 2),
    ("A vila ocupa o quarto lugar na China em produção de pianos.", 4),
    ("Jinjiang é o primeiro polo de calçado desportivo da China.", 1),
])
def test_national_ranks(sentence, rank):
    assert metrics(sentence) == [("rank", rank)]


def test_a_third_rank_in_portuguese():
    assert metrics("Shaodong é o terceiro maior produtor de isqueiros da China.") == [("rank", 3)]


@pytest.mark.parametrize("sentence", [
    "Um dos maiores polos de calçado da China.",                     # 'one of the largest' is no rank
    "A maior parte da produção é exportada.",                        # 'most of', not 'the largest'
])
def test_no_rank(sentence):
    assert [f for f in metrics(sentence) if f[0] == "rank"] == []


@pytest.mark.parametrize("sentence", [
    # subsets of the cluster's firms
    "Entre elas, 320 empresas acima do tamanho designado.",
    "Há 210 empresas de grande porte no setor.",
    "O polo tem muitas empresas com faturamento anual superior a 20 milhões de yuans.",
    # changes, thresholds and other money
    "As vendas tiveram um aumento de 2 mil milhões de yuans.",
    "O investimento chegou a 5 mil milhões de yuans.",
    "Os impostos pagos somaram 800 milhões de yuans.",
    # a Brazilian real is none of our currencies, and 'R$' is no dollar sign
    "O polo de Franca faturou R$ 5 bilhões.",
    # a Hong Kong dollar is no US dollar
    "As vendas somaram 5 mil milhões de dólares de Hong Kong.",
    # decades, measures, kinds of product, machines, rates
    "Nos anos 90 a vila tinha poucas fábricas.",
    "O condado produziu 3 milhões de toneladas de maçãs.",
    "As fábricas produziram 200 novos modelos.",
    "A fábrica opera mais de 5.000 teares.",
    "A cidade produz 3 milhões de malas por dia.",
    # exports to one destination
    "As exportações para os Estados Unidos somaram 2 mil milhões de dólares.",
    "As exportações para os países de língua portuguesa atingiram 900 milhões de dólares.",
])
def test_no_cluster_figure(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize("sentence", [
    "A empresa de Zhang tem 500 trabalhadores.",
    "Uma fábrica local com 300 funcionários vende para a Europa.",
    "O Mercado Internacional de Yiwu teve um volume de negócios de 200 mil milhões de yuans.",
    "O fundador disse que as vendas chegaram a 120 milhões de yuans.",
    "A Feira de Cantão recebeu encomendas de 20 mil milhões de dólares.",
])
def test_firms_markets_and_fairs_are_no_cluster_figures(sentence):
    assert figures(sentence) == []


def test_passing_the_mark_of_an_amount_is_no_brand():
    # 'a marca de' is 'the mark of', not a firm's brand
    assert figures("O faturamento ultrapassou a marca de 10 bilhões de yuans.") == [
        ("sales_value", 10e9, "CNY", "more_than")]


def test_an_amount_restated_in_another_currency_is_kept_once():
    found = find_sentence_figures(
        "As exportações somaram 5 mil milhões de yuans (cerca de 700 milhões de dólares).", "pt")
    assert [(f.metric, f.value, f.unit, f.is_restatement) for f in found] == [
        ("export_value", 5e9, "CNY", False), ("export_value", 700e6, "USD", True)]


def test_the_part_that_works_is_counted_not_the_whole_population():
    assert metrics("Cerca de 9.000 dos 40.000 habitantes trabalham na indústria de móveis.") == [
        ("employees", 9000)]


@pytest.mark.parametrize(("sentence", "count"), [
    ("O número de fábricas passou de 300 para 1.200 em dez anos.", 1200),
    ("O número de fábricas passou de 300 em 2015 para 1.200 atualmente.", 1200),
    ("O número de empresas passou de 10 mil em 2015 para mais de 20 mil.", 20000),
])
def test_a_count_that_rose_from_one_number_to_another_is_the_second(sentence, count):
    assert metrics(sentence) == [("enterprises", count)]


def test_passing_an_amount_is_more_than_it():
    assert figures("As vendas online passaram de 10 bilhões de yuans no ano passado.") == [
        ("online_sales", 10e9, "CNY", "more_than")]
    assert figures("As vendas passaram dos 10 bilhões de yuans.") == [("sales_value", 10e9, "CNY", "more_than")]


def _doc(title, lead, body):
    return f"{title}\n\n{lead} {body}"


# (text, figures found as (metric, value, year, period), values not found)
DOCUMENTS = {
    "a stock in the present beside a dated flow": (
        _doc("Móveis de Anxi", "O condado de Anxi, na província de Fujian, fabrica móveis de vime.",
             "Em 2022, o valor de produção da indústria de móveis atingiu 20 mil milhões de yuans. Atualmente, o "
             "condado tem 1.200 empresas de móveis."),
        [("output_value", 20e9, 2022, "FY"), ("enterprises", 1200, 2024, "as_of")], []),
    "last year and the first half": (
        _doc("Meias de Datang", "A vila de Datang, em Zhuji, produz meias.",
             "No ano passado, as vendas de meias atingiram 12 mil milhões de yuans. No primeiro semestre deste ano, "
             "as exportações somaram 3 mil milhões de yuans."),
        [("sales_value", 12e9, 2023, "FY"), ("export_value", 3e9, 2024, "H1")], []),
    # 'R$' is no currency of ours, and a bare amount would take the yuan named before it
    "an amount in reais": (
        _doc("Óculos de Danyang", "A cidade de Danyang, em Jiangsu, fabrica óculos.",
             "O faturamento do polo chegou a 15 bilhões de yuans (cerca de R$ 10,5 bilhões) no ano passado. O polo "
             "de Franca faturou R$ 5 bilhões."),
        [("sales_value", 15e9, 2023, "FY")], [10.5e9, 5e9]),
    "the base of a comparison is no year of the next figure": (
        _doc("Yiwu", "A cidade de Yiwu, em Zhejiang, vende pequenas mercadorias.",
             "Em 2023, as importações e exportações somaram 566 bilhões de yuans, um aumento de 18% em relação ao ano "
             "anterior.\n\nAs exportações chegaram a 495 bilhões de yuans no mesmo período."),
        [("trade_value", 566e9, 2023, "FY"), ("export_value", 495e9, 2023, "FY")], []),
    "a share of a total stated after it is a part": (
        _doc("Vestuário de Humen", "A vila de Humen, em Guangdong, fabrica vestuário.",
             "No ano passado, os fabricantes de roupa infantil venderam cerca de 9,7 mil milhões de yuan (1,6 mil "
             "milhões de dólares), ou 25% do total das vendas de vestuário de Humen, de 38,6 mil milhões de yuan."),
        [("sales_value", 38.6e9, 2023, "FY")], [9.7e9, 1.6e9]),
    "a share of the nation's total is the cluster's, the total is not": (
        _doc("Chá de Anxi", "O condado de Anxi, em Fujian, cultiva chá.",
             "Em 2022, as exportações de chá atingiram 5 mil milhões de yuan, ou 10% das exportações de chá da "
             "China, de 50 mil milhões de yuan."),
        [("export_value", 5e9, 2022, "FY")], [50e9]),
    "the year of a compared amount dates that amount only": (
        _doc("Têxteis de Keqiao", "O distrito de Keqiao, em Zhejiang, comercializa tecidos.",
             "As exportações atingiram 72,6 mil milhões de yuan em 2022, face aos 64,1 mil milhões de yuan em 2021. "
             "Os tecidos do distrito são vendidos para 192 países e regiões."),
        [("export_value", 72.6e9, 2022, "FY"), ("export_value", 64.1e9, 2021, "FY"),
         ("export_markets", 192, 2022, "as_of")], []),
}


@pytest.mark.parametrize(("text", "kept", "left_out"), DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_documents(text, kept, left_out):
    found = doc_figures(text)
    assert set(kept) <= {(metric, value, year, period) for metric, value, _unit, year, period in found}
    assert not set(left_out) & {value for _metric, value, *_ in found}


@pytest.mark.parametrize("text", [
    # the nation's figure
    "Brinquedos de Chenghai\n\nO distrito de Chenghai fabrica brinquedos. As exportações de brinquedos da China "
    "atingiram 48 mil milhões de dólares em 2023.",
    # a target
    "Brinquedos de Chenghai\n\nO distrito de Chenghai fabrica brinquedos. A meta é atingir um valor de produção "
    "de 100 mil milhões de yuans até 2026.",
    "Brinquedos de Chenghai\n\nO distrito de Chenghai fabrica brinquedos. O valor de produção deverá "
    "ultrapassar 100 mil milhões de yuans.",
    # a foreign cluster compared with the Chinese one
    "Calçado de Jinjiang\n\nA cidade de Jinjiang fabrica calçado desportivo. No Brasil, Franca produz "
    "30 milhões de pares de sapatos por ano.",
    # a fraction of a larger total
    "Azulejos de Foshan\n\nFoshan, em Guangdong, produz azulejos. Em 2022 quase metade da faturação "
    "(3,2 mil milhões de euros) veio dos azulejos.",
    # a province as a whole
    "Calçado de Jinjiang\n\nA cidade de Jinjiang fabrica calçado. A província de Fujian no seu conjunto "
    "produz 3 mil milhões de pares de sapatos.",
    # the town's whole industry
    "Calças de Maozui\n\nA vila de Maozui, em Hubei, fabrica calças. A produção industrial da vila atingiu "
    "3 mil milhões de yuans em 2022.",
])
def test_figures_that_are_not_the_clusters(text):
    assert doc_figures(text) == []
