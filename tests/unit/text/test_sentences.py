import pytest

from clusterhouse.text.sentences import paragraphs, sentences


def split(text):
    return [text[s.start:s.end] for p in paragraphs(text) for s in sentences(text, p)]


def test_abbreviations_and_decimals_do_not_end_sentences():
    text = "The Co. was founded on Dec. 28, 2017 by Mr. Li. Output rose to 5.17 billion yuan. Exports grew."
    assert split(text) == [
        "The Co. was founded on Dec. 28, 2017 by Mr. Li.",
        "Output rose to 5.17 billion yuan.",
        "Exports grew.",
    ]


def test_chinese_sentences():
    text = "全县有企业2000多家。产值达100亿元！出口呢？"
    assert split(text) == ["全县有企业2000多家。", "产值达100亿元！", "出口呢？"]


def test_paragraphs_are_separated_by_blank_lines_and_spans_index_the_text():
    text = "First paragraph here.\n\n  Second one; with a clause.\n"
    spans = paragraphs(text)
    assert [text[s.start:s.end] for s in spans] == ["First paragraph here.", "Second one; with a clause."]
    assert split(text) == ["First paragraph here.", "Second one;", "with a clause."]


@pytest.mark.parametrize("before", ["see No", "abc\n", "U.S", "x" * 200, "the end \n", "", " ", "a.b.c", "déc"])
def test_the_word_before_a_full_stop_is_found_in_the_characters_before_it(before):
    import re

    from clusterhouse.text.sentences import _word_before

    whole = re.search(r"([\w.]+)$", before)  # what the splitter looked for in all the text before
    assert _word_before(before + ". Next", len(before)) == (whole.group(1) if whole else None)


def test_sentence_ends_found_from_their_first_character_are_those_the_whole_pattern_finds():
    import random

    from clusterhouse.text.sentences import _SENTENCE_END, _sentence_ends

    pieces = [".", "!", "?", "。", "！", "？", ";", "；", ":", "：", "\n", " ", "\t", "-", "•", "1", "12", ")",
              "a", "B", "\"", "”", "’", "»", "]", "」", "』", "）", "No", "Dec", "e.g"]
    rnd = random.Random(5)
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30))) for _ in range(20_000)]
    for text in texts:
        expected = [(m.span(), m.group()) for m in _SENTENCE_END.finditer(text)]
        assert [(m.span(), m.group()) for m in _sentence_ends(text)] == expected, repr(text)


def test_a_sentence_end_begins_only_with_a_character_the_quick_search_looks_for():
    from clusterhouse.text.sentences import _SENTENCE_END, _SENTENCE_END_FIRST

    # after a full stop (for the look-behind), followed by what any branch may want after it
    others = [chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000
              and not _SENTENCE_END_FIRST.fullmatch(chr(code))]
    assert [c for c in others if _SENTENCE_END.match("." + c + "\n 1. x", 1)] == []
