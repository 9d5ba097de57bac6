from datetime import date

import pytest

from clusterhouse.extraction.periods import find_time_expressions

PUB = date(2023, 6, 15)


def first(sentence, language, published=PUB):
    found = find_time_expressions(sentence, language, published)
    assert found, f"no time expression in {sentence!r}"
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "language", "year", "period", "as_of"),
    [
        ("In 2021, the county's bearing output reached 30 billion yuan.", "en", 2021, None, False),
        ("By the end of 2022, Yiwu had 1,200 sock makers.", "en", 2022, None, True),
        ("Last year the town exported 2 billion yuan of lamps.", "en", 2022, None, False),
        ("In the first half of this year, sales rose.", "en", 2023, "H1", False),
        ("In the first three quarters of 2021, output reached 9 billion yuan.", "en", 2021, "Q1-Q3", False),
        ("From January to July this year, exports reached 3 billion yuan.", "en", 2023, "Jan-Jul", False),
        ("In the first 11 months, exports rose.", "en", None, "Jan-Nov", False),
        ("2022年，全县袜业产值达到300亿元。", "zh", 2022, None, False),
        ("今年1至8月，出口额达12亿元。", "zh", 2023, "Jan-Aug", False),
        ("前三季度，产值突破50亿元。", "zh", None, "Q1-Q3", False),
        ("去年全镇灯饰销售额超过200亿元。", "zh", 2022, None, False),
        ("截至2022年底，全市共有企业826家。", "zh", 2022, None, True),
        ("上半年，出口增长明显。", "zh", None, "H1", False),
        ("Nel 2020 il distretto ha prodotto 5 miliardi di pezzi.", "it", 2020, None, False),
        ("Nei primi sei mesi dell'anno le vendite sono cresciute.", "it", None, "H1", False),
        ("L'anno scorso le esportazioni hanno raggiunto 1,2 miliardi di euro.", "it", 2022, None, False),
        ("Da gennaio a luglio di quest'anno il distretto ha esportato merci.", "it", 2023, "Jan-Jul", False),
        ("De enero a octubre, las exportaciones crecieron.", "es", None, "Jan-Oct", False),
        ("El año pasado la ciudad vendió 300 millones de pares.", "es", 2022, None, False),
        ("Au premier semestre, les ventes ont progressé.", "fr", None, "H1", False),
        ("L'an dernier, la ville a exporté pour 2 milliards de yuans.", "fr", 2022, None, False),
        ("Im ersten Halbjahr stieg der Umsatz deutlich.", "de", None, "H1", False),
        ("Im vergangenen Jahr exportierte die Stadt Waren.", "de", 2022, None, False),
    ],
)
def test_time_expressions(sentence, language, year, period, as_of):
    expressions = find_time_expressions(sentence, language, PUB)
    merged_year = next((e.year for e in expressions if e.has_year), None)
    merged_period = next((e.period for e in expressions if e.period), None)
    assert merged_year == year
    assert merged_period == period
    assert any(e.as_of for e in expressions) == as_of


def test_relative_year_without_publication_date_is_unknown():
    expression = first("Last year the cluster exported more.", "en", published=None)
    assert expression.has_year and expression.year is None


def test_since_a_year_is_not_the_figures_year():
    expressions = find_time_expressions("Since 2010 the town has grown into a hub.", "en", PUB)
    assert not any(e.has_year for e in expressions)


def test_period_and_year_merge_into_one_expression():
    expressions = find_time_expressions("In the first half of 2021, exports rose.", "en", PUB)
    assert len(expressions) == 1
    assert (expressions[0].year, expressions[0].period) == (2021, "H1")


def test_the_previous_year_is_relative_to_the_year_named_before_it():
    expressions = find_time_expressions("Exports fell to 2.9 billion in 2022, from 3.1 billion the previous year.", "en", PUB)
    previous = [e for e in expressions if e.same_year]
    assert previous and previous[0].offset == -1


def test_an_events_year_is_not_a_figures_year():
    expressions = find_time_expressions("The craft, inscribed by Unesco in 2009, employs 8,000 people.", "en", PUB)
    assert not any(e.has_year for e in expressions)


JOIN_SENTENCES = [
    "Exports rose last year to 3 billion dollars.", "In the first half of 2023 output grew.",
    "From January to July, sales reached 5 million.", "The town has 300 firms.", "Currently, 40 % is sold abroad.",
    "去年全县产值120亿元。", "2021年前三季度出口增长。", "1至8月销售额达到5亿元。", "全镇有企业三百家。", "目前产品销往80个国家。",
    "Nel primo semestre del 2023 l'export è cresciuto.", "L'anno scorso le vendite sono salite.", "Il distretto conta 300 aziende.",
    "En el primer semestre de 2023 crecieron.", "El año pasado se vendieron 5 millones.", "La ciudad tiene 300 fábricas.",
    "Au premier semestre 2023, les ventes ont augmenté.", "L'an dernier, 5 millions.", "La ville compte 300 usines.",
    "Im ersten Halbjahr 2023 stieg der Export.", "Im vergangenen Jahr wuchs der Umsatz.", "Die Stadt hat 300 Firmen.",
    "No primeiro semestre de 2023 as vendas subiram.", "No ano passado, 5 milhões.", "A cidade tem 300 fábricas.",
    "", "2019", "JANUARY-MARCH", "ogni anno", "annual output", "that same year", "du 1er janvier au 30 juin",
]


@pytest.mark.parametrize("code", ["en", "zh", "it", "es", "fr", "de", "pt"])
def test_the_joined_pattern_matches_exactly_where_one_of_the_patterns_does(code):
    from clusterhouse.extraction.periods import _rules

    rules = _rules(code)
    assert rules.any_pattern is not None
    for sentence in JOIN_SENTENCES:
        one = any(pattern.search(sentence) for pattern, _, _ in rules.patterns)
        assert bool(rules.any_pattern.search(sentence)) == one, sentence


def test_patterns_that_cannot_be_joined_are_not():
    import re

    from clusterhouse.extraction.periods import _any_of

    assert _any_of([re.compile(r"(?P<y>\d{4})-(?P=y)")]) is None  # a back-reference
    assert _any_of([re.compile(r"(\d{4})-\1")]) is None  # a numbered one
    assert _any_of([re.compile("year", re.MULTILINE)]) is None
    assert _any_of([re.compile(r"(?P<y>\d{4})"), re.compile("last year", re.IGNORECASE)]).pattern == (
        r"(?:(?:\d{4}))|(?i:last year)")
