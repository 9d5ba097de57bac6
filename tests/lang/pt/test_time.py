"""Portuguese time words: relative years, parts of the year, month ranges, and the publication
dates of Xinhua Português, Lusa, Agência Brasil and Macau Hub pages."""

from datetime import date

import pytest

from clusterhouse.documents.dates import find_published_date
from clusterhouse.extraction.periods import find_time_expressions

PUB = date(2024, 3, 14)


def _times(sentence: str, published: date | None = PUB) -> list[tuple[int | None, str | None, bool]]:
    return [(t.year, t.period, t.as_of) for t in find_time_expressions(sentence, "pt", published)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("No ano passado, as exportações subiram.", [(2023, None, False)]),
    ("O ano passado foi bom.", [(2023, None, False)]),
    ("Neste ano, as vendas caíram.", [(2024, None, False)]),
    ("No ano retrasado, as vendas caíram.", [(2022, None, False)]),   # Brazilian 'the year before last'
    ("Em 2021, a produção cresceu.", [(2021, None, False)]),
    ("No final de 2022, havia 300 empresas.", [(2022, None, True)]),
    ("Atualmente, a vila tem 300 empresas.", [(2024, None, True)]),
    ("Actualmente, a vila tem 300 empresas.", [(2024, None, True)]),   # European spelling before 1990
    ("No primeiro semestre de 2023, as vendas subiram.", [(2023, "H1", False)]),
    ("No segundo semestre, as vendas subiram.", [(None, "H2", False)]),
    ("Nos três primeiros trimestres, as vendas subiram.", [(None, "Q1-Q3", False)]),
    ("No primeiro trimestre, as vendas subiram.", [(None, "Q1", False)]),
    ("Nos primeiros nove meses, as vendas subiram.", [(None, "Q1-Q3", False)]),
    ("Nos primeiros oito meses, as vendas subiram.", [(None, "Jan-Aug", False)]),
    ("Nos primeiros 11 meses, as vendas subiram.", [(None, "Jan-Nov", False)]),
    ("De janeiro a outubro, as vendas subiram.", [(None, "Jan-Oct", False)]),
    ("Entre janeiro e setembro, as vendas subiram.", [(None, "Jan-Sep", False)]),
    ("De jan. a set., as vendas subiram.", [(None, "Jan-Sep", False)]),
    ("A vila produz anualmente 20 milhões de pares.", [(None, "FY", False)]),
])
def test_time_expressions(sentence, expected):
    assert _times(sentence) == expected


def test_relative_years_stay_unknown_without_a_publication_date():
    assert _times("No ano passado, as exportações subiram.", None) == [(None, None, False)]


def test_a_founding_year_and_a_start_are_no_figure_years():
    assert _times("A fábrica, fundada em 1995, cresceu.") == []
    assert _times("Desde 2015, as vendas cresceram.") == []


@pytest.mark.parametrize(("text", "expected"), [
    # Xinhua Português: a dateline with day and month; the year comes from the text ('neste ano, 2024')
    ("Yiwu aposta no comércio digital\n\nPequim, 14 mar (Xinhua) -- Neste ano (2024), a cidade de Yiwu "
     "quer vender mais.", date(2024, 3, 14)),
    # Lusa: day, month abbreviation and year in the dateline
    ("Calçado de Jinjiang\n\nPequim, 9 nov 2023 (Lusa) - A cidade de Jinjiang exporta sapatilhas.",
     date(2023, 11, 9)),
    # Agência Brasil: a labelled stamp with a time of day
    ("Polo chinês de óculos\nPublicado em 12/03/2024 - 10:15\n\nDanyang produz lentes.", date(2024, 3, 12)),
    # Macau Hub: a date line of its own, written out
    ("Macau Hub\n7 de junho de 2023\n\nA vila de Datang produz meias.", date(2023, 6, 7)),
    ("Notícia\nAtualizado em 03/05/2022\n\nA vila de Datang produz meias.", date(2022, 5, 3)),
])
def test_publication_dates(text, expected):
    assert find_published_date(text, "pt")[0] == expected
