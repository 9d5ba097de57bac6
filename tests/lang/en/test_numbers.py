"""A document of unknown language reads numbers as English does, plus the ordinal indicators."""

from clusterhouse.extraction.numbers import find_numbers


def _read(text: str, language: str | None) -> list[tuple[str, float, bool]]:
    return [(m.text, m.value, m.is_ordinal) for m in find_numbers(text, language)]


def test_an_unknown_language_reads_english_number_words_and_grouping():
    text = "It has two hundred and fifty members and sold 1,250 pairs, the 3rd plant."
    expected = [("two hundred and fifty", 250, False), ("1,250", 1250, False), ("3", 3, True)]
    assert _read(text, None) == _read(text, "ru") == _read(text, "en") == expected


def test_ordinal_indicators_are_read_where_the_language_has_no_suffixes_of_its_own():
    assert _read("the 1º plant", None) == [("1", 1, True)]
    assert _read("the 1º plant", "en") == [("1", 1, False)]


def test_may_is_a_month_only_with_a_capital_before_a_day():
    assert _read("On May 14 the plant opened.", "en") == []
    assert _read("Sales of 14 may rise.", "en") == [("14", 14, False)]
