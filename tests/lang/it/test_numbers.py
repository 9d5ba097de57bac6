"""Italian numbers: dateline abbreviations of time.yaml, ordinals that need an article."""

from clusterhouse.extraction.numbers import find_numbers


def _read(text: str) -> list[tuple[str, float, bool]]:
    return [(m.text, m.value, m.is_ordinal) for m in find_numbers(text, "it")]


def test_the_day_of_an_abbreviated_dateline_is_no_figure():
    assert _read("(ANSA) - PECHINO, 9 OTT - Il distretto conta 3.000 aziende.") == [("3.000", 3000, False)]


def test_an_ordinal_is_read_after_an_article_only():
    assert _read("Il secondo distretto, secondo lui.") == [("secondo", 2, True)]
    assert _read("Dell'ottavo distretto.") == [("ottavo", 8, True)]


def test_a_compound_number_word():
    assert _read("Lavorano duecentocinquantamila persone.") == [("duecentocinquantamila", 250000, False)]
