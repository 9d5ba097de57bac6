"""Portuguese numbers: both scales (Brazilian 'bilhões', European 'mil milhões' and 'biliões'),
grouping with dots and spaces, number words joined by 'e', ordinals that are also other words."""

import pytest

from clusterhouse.documents.dates import mentioned_years
from clusterhouse.extraction.numbers import find_numbers


def _read(text: str) -> list[tuple[str, float, bool]]:
    return [(m.text, m.value, m.is_ordinal) for m in find_numbers(text, "pt")]


def _values(text: str) -> list[float]:
    return [m.value for m in find_numbers(text, "pt") if not m.is_year]


@pytest.mark.parametrize(("text", "value"), [
    ("O distrito tem 3.500 empresas.", 3500),
    ("Trabalham ali 12 500 pessoas.", 12500),               # a plain space groups thousands (Portugal)
    ("A produção chegou a 5,2 mil milhões de yuans.", 5.2e9),   # European: mil milhões
    ("As vendas somaram 2,3 bilhões de dólares.", 2.3e9),       # Brazilian: bilhão
    ("O setor faturou 1 bilhão de yuans.", 1e9),
    ("A dívida chega a 1,2 biliões de yuans.", 1.2e12),        # European long scale: bilião is 10^12
    ("O PIB passou de 3 trilhões de reais.", 3e12),
    ("Há mil empresas na vila.", 1000),
    ("São duzentas e cinquenta mil pessoas.", 250000),
    ("Exportou 4,5 milhões de pares.", 4.5e6),
])
def test_values_with_scale_words(text, value):
    assert _values(text) == [value]


def test_brazilian_money_abbreviations_are_scales_next_to_money_only():
    assert _values("O polo faturou US$ 5 bi no ano.") == [5e9]
    assert _values("A empresa investiu R$ 300 mi.") == [300e6]
    assert _values("A cidade fica a 30 mi da costa.") == [30]  # miles: no scale without money
    assert _values("A pista tem 30mi.") == []                    # glued to a unit: no number


def test_the_day_and_month_of_a_dateline_are_no_figures():
    assert _values("Pequim, 14 mar (Xinhua) -- A vila tem 300 fábricas.") == [300]
    assert _values("Macau, 7 de junho de 2023 - O condado tem 420 empresas.") == [420]


def test_out_is_no_month_spelling():
    # 'out' abbreviates outubro, but month names are read in every language and 'out' is an English word
    assert [m.value for m in find_numbers("Workshops turned out 45 million lighters.", "en")] == [45e6]
    assert mentioned_years("About 2000 firms make pumps; output in 2019 rose.") == [2019]


def test_segundo_is_an_ordinal_after_an_article_only():
    # 'segundo' is also 'according to'; 'quarto' is also 'room'
    assert _read("É o segundo maior polo, segundo a Xinhua.") == [("segundo", 2, True)]
    assert _read("Ocupa o terceiro lugar.") == [("terceiro", 3, True)]
    assert _read("Dorme num quarto pequeno.") == []


def test_percentages_are_flagged():
    found = find_numbers("As exportações cresceram 12,5 por cento.", "pt")
    assert [(m.value, m.is_percent) for m in found] == [(12.5, True)]
