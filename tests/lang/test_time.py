"""The time section across languages: publication dates read every language's month names at once,
so no spelling may name two months; counted phrases need their {count}; a sentence in a language
without a folder has no time expressions (it is not read as English)."""

from __future__ import annotations

from datetime import date

import pytest

from clusterhouse.documents.dates import iter_full_dates
from clusterhouse.extraction.periods import find_time_expressions
from clusterhouse.lang import all_languages
from clusterhouse.lang.loader import problems

from .test_schema import _copy, _edit

PUB = date(2023, 6, 15)


def test_no_month_spelling_names_two_months_across_languages():
    seen: dict[str, tuple[int, str]] = {}
    for lang in all_languages():
        for number, spellings in enumerate(lang.time.months, start=1):
            for spelling in spellings:
                other = seen.setdefault(spelling, (number, lang.code))
                assert other[0] == number, f"{spelling!r}: month {number} in {lang.code}, {other[0]} in {other[1]}"


def test_a_counted_phrase_without_its_count_is_reported(tmp_path):
    folder = _copy(tmp_path)
    _edit(folder, "time", lambda data: data["first_months"].append("first months"))
    found = problems("en", root=tmp_path)
    assert any("first_months" in problem and "{count}" in problem for problem in found), found


def test_a_language_without_a_folder_has_no_time_expressions():
    assert find_time_expressions("In 2021 groeide de export.", "nl", PUB) == []
    assert find_time_expressions("In 2021, exports rose.", None, PUB) == []


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("前十一个月，出口增长。", "Jan-Nov"),  # numerals of numbers.yaml, not a table of their own
        ("前两个月，出口增长。", "Jan-Feb"),
        ("十一至十二月，出口增长。", "Nov-Dec"),
        ("1~3月，出口增长。", "Jan-Mar"),
    ],
)
def test_chinese_months_and_counts_are_numerals(sentence, period):
    assert [e.period for e in find_time_expressions(sentence, "zh", PUB)] == [period]


@pytest.mark.parametrize(
    ("sentence", "language", "period"),
    [
        ("From Jan. to Mar. exports rose.", "en", "Jan-Mar"),
        ("Von Jänner bis März stieg der Umsatz.", "de", "Jan-Mar"),  # every spelling of time.yaml's months
        ("De setiembre a octubre crecieron.", "es", "Sep-Oct"),
    ],
)
def test_month_ranges_read_every_spelling_of_the_months(sentence, language, period):
    assert [e.period for e in find_time_expressions(sentence, language, PUB)] == [period]


def test_slash_dates_are_month_first_only_where_the_language_says_so():
    assert iter_full_dates("12/05/2021", "en")[0][2] == date(2021, 12, 5)
    assert iter_full_dates("12/05/2021", "it")[0][2] == date(2021, 5, 12)
    assert iter_full_dates("12/05/2021", "pt")[0][2] == date(2021, 5, 12)
