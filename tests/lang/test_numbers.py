"""What the number scanner needs from every language's numbers.yaml."""

from __future__ import annotations

import pytest

from clusterhouse.lang import all_languages, language, supported_languages


def test_exactly_one_language_reads_documents_of_unknown_language():
    readers = [lang.code for lang in all_languages() if lang.numbers.reads_unknown_languages]
    assert len(readers) == 1, readers
    assert language(readers[0]).numbers.cardinals, "the reader of unknown languages needs number words"


@pytest.mark.parametrize("code", supported_languages())
def test_ordinals_give_the_first_five_ranks(code):
    assert {1, 2, 3, 4, 5} <= set(language(code).numbers.ordinals.values())


@pytest.mark.parametrize("code", supported_languages())
def test_compound_pieces_go_with_cardinals(code):
    numbers = language(code).numbers
    assert not numbers.compound_pieces or numbers.cardinals


def test_chinese_numerals_have_values_for_every_digit():
    digits = {value for lang in all_languages() for value in lang.numbers.numeral_digits.values()}
    assert digits == set(range(10))
