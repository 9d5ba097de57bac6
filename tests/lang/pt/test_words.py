"""Portuguese data of the places, products and documents sections, and the Portuguese rows of the
reference data (exonyms, product synonyms, outlets), seen through the engine."""

from datetime import date

import pytest

from clusterhouse.documents.outlets import find_source_outlet
from clusterhouse.extraction.mentions import find_document_mentions
from clusterhouse.extraction.places import Gazetteer
from clusterhouse.extraction.products import ProductCatalog
from clusterhouse.lang import language
from clusterhouse.text.sentences import paragraphs, sentences


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def catalog() -> ProductCatalog:
    return ProductCatalog.load()


def codes(gaz, text, language="pt"):
    return [(m.text, m.place.admin_code) for m in gaz.find_mentions(text, language) if m.place is not None]


def ids(catalog, text):
    return [m.product.product_id for m in catalog.find_mentions(text, "pt")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Pequim anunciou novas regras.", [("Pequim", "110000")]),
    ("As fábricas de Xangai exportam.", [("Xangai", "310000")]),
    ("A feira de Cantão abriu.", [("Cantão", "440100")]),
    ("Empresas de Nanquim investem.", [("Nanquim", "320100")]),
    ("O Tibete e a Mongólia Interior.", [("Tibete", "540000"), ("Mongólia Interior", "150000")]),
])
def test_portuguese_exonyms(gaz, text, expected):
    assert codes(gaz, text) == expected


def test_exonyms_apply_only_in_their_language(gaz):
    assert codes(gaz, "Pequim is a word we do not read in English.", "en") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("O distrito de Jinjiang fica em Chengdu.", [("Jinjiang", "510104"), ("Chengdu", "510100")]),
    ("A cidade de Jinjiang fica em Fujian.", [("Jinjiang", "350582"), ("Fujian", "350000")]),
    ("A vila de Datang produz meias.", [("Datang", "330681")]),               # a town needs its type word
    ("Datang produz meias.", []),
])
def test_type_words_before_a_name(gaz, text, expected):
    assert codes(gaz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("brinquedos e brinquedos de pelúcia", ["toys", "plush_toys"]),
    ("meias e calçado desportivo", ["socks", "sports_shoes"]),
    ("óculos de sol e óculos", ["sunglasses", "eyewear"]),
    ("iluminação e candeeiros LED", ["lighting", "led_lighting"]),
    ("luminárias de LED", ["led_lighting"]),
    ("perucas e fogos de artifício", ["wigs", "fireworks"]),
    ("peles e casacos de pele", ["fur", "fur"]),
    ("pequenas mercadorias", ["small_commodities"]),
    ("a indústria moveleira e os móveis de madeira", ["furniture", "wooden_furniture"]),
])
def test_product_synonyms(catalog, text, expected):
    assert ids(catalog, text) == expected


@pytest.mark.parametrize("text", [
    "a Nova Rota da Seda",               # silk
    "o delta do Rio das Pérolas",        # pearls
    "Macau, a Pérola do Oriente",        # pearls
    "uma lua de mel",                    # honey
    "os telefones móveis e os pagamentos móveis",  # 'móveis' is also 'mobile'
    "desempenha um papel importante",    # 'papel' is also 'role'
    "as ações cotadas em bolsa",         # 'bolsa' is also the stock exchange
])
def test_false_friends(catalog, text):
    assert [p for p in ids(catalog, text) if p not in ("smartphones",)] == []


@pytest.mark.parametrize(("text", "outlet"), [
    ("Pequim, 9 nov 2023 (Lusa) - A cidade exporta.", "Lusa"),
    ("Fonte: Agência Brasil\n\nO polo cresce.", "Agência Brasil"),
    ("Macau, 7 jun (Macauhub) - A vila produz meias.", "Macau Hub"),
    ("Fonte: Xinhua Edição: Ana Lima\n\nO polo cresce.", "Xinhua"),
])
def test_outlets(text, outlet):
    assert find_source_outlet(text) == outlet


def test_abbreviations_do_not_end_a_sentence():
    text = "O Eng. Li dirige a fábrica. A vila tem 300 fábricas."
    assert [text[s.start:s.end] for p in paragraphs(text) for s in sentences(text, p)] == [
        "O Eng. Li dirige a fábrica.", "A vila tem 300 fábricas."]


def test_an_industry_outside_the_taxonomy_is_named_by_its_product():
    text = "Cachimbos de Yiwu\n\nA cidade de Yiwu, em Zhejiang, tem uma indústria de cachimbos de madeira."
    found = find_document_mentions(text, language("pt"), date(2024, 1, 1), None)
    assert (found.main_product.product_id, found.product_name) == ("unclassified", "cachimbos")
