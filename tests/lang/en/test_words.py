"""English and romanised words around place names, seen through the gazetteer."""

import pytest

from clusterhouse.extraction.places import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def mentions(gaz, text):
    return [m.text for m in gaz.find_mentions(text, "en")]


def test_a_town_name_that_is_also_a_word_needs_its_type_word(gaz):
    assert mentions(gaz, "Samples were tested In Situ.") == []
    assert mentions(gaz, "Situ Town makes spectacle frames.") == ["Situ Town"]


def test_ethnic_groups_and_their_joiner_stand_before_the_type_words(gaz):
    text = "Xiangxi Tujia and Miao Autonomous Prefecture grows tea."
    assert mentions(gaz, text) == ["Xiangxi Tujia and Miao Autonomous Prefecture"]


def test_a_surname_makes_the_next_name_a_given_name(gaz):
    assert mentions(gaz, "Zhang Yiwu said so.") == []
    assert mentions(gaz, "Yiwu sells socks.") == ["Yiwu"]


def test_a_name_without_its_apostrophe_that_is_a_word_is_no_place(gaz):
    assert mentions(gaz, "The Dean spoke.") == []
    assert mentions(gaz, "De'an makes furniture.") == ["De'an"]
