"""A quick test may let a pattern through for nothing, but must never hold back one that matches."""

import re
from pathlib import Path
from re._casefix import _EXTRA_CASES

import pytest

from clusterhouse.text.quick_test import quick_test, superset

TESTS = Path(__file__).resolve().parents[2]


def _possible(patterns, text):
    test = quick_test(patterns)
    assert test is not None
    return set(test.possible(text))


@pytest.mark.parametrize("pattern, text", [
    (r"(?i)(?<!\w)(?:last year)(?!\w)", "Output grew LAST YEAR."),  # case-blind, assertions left out
    (r"(?i)istanbul", "İstanbul"),  # re lowers İ to i; RE2 does not fold them
    (r"(?i)is\b", "ıs"),  # dotless i: one of re's extra cases
    (r"(?i)ss", "ſs"),  # the long s
    (r"\d{4}", "in ٢٠٢٣"),  # Arabic-Indic digits are \d for re
    (r"\d{4}", "in ２０２３"),  # full-width digits too
    (r"year$", "last year\n"),  # $ before a final newline
    (r"^\s+2021", "\u3000\u20282021"),  # every space of re's \s
    (r"[^\W\d_]+ 5", "été 5"),  # a negated class with categories: any character
    (r"[^a-c]x", "dx"),
    (r"\w+城", "义乌城"),
    (r"(?=(?i:million|mila))[a-z]", "due mila"),
    (r"(?i)ıs", "is"),  # the extra case in the pattern
    (r"(?i)[\u0100-\u017f]x", "ix"),  # a range holding ı  # a lookahead at the end: its text
    (r"a(?=b)b(?!c)", "ab"),
    (r"x{2000}", "x" * 2000),  # beyond RE2's counted repetitions: read as unbounded
    (r"(?>ab|a)c", "ac"),  # an atomic group
    (r"(?i:(?-i:[A-Z])ear)", "YEAR"),
    (r"\bQ1\b", "Q1"),
])
def test_a_pattern_that_matches_is_possible(pattern, text):
    compiled = re.compile(pattern)
    assert compiled.search(text)
    assert 0 in _possible([compiled], text), superset(compiled)


def test_patterns_that_cannot_match_are_left_out():
    patterns = [re.compile(r"(?<!\w)last year(?!\w)", re.I), re.compile(r"\d{4}"), re.compile("上半年")]
    assert _possible(patterns, "Output grew last year.") == {0}
    assert _possible(patterns, "In 2023 the town grew.") == {1}
    assert not _possible(patterns, "The town makes socks.")
    assert _possible(patterns, "今年上半年，2023") == {1, 2}


def test_of_a_lookahead_and_what_follows_it_the_one_needing_more_letters_is_kept():
    """Both are supersets of the pattern; the quick test keeps the more telling one."""
    month_then_day = re.compile(r"(?=[^\W\d_]{3,10} \d)(?:March|May) \d")
    assert _possible([month_then_day], "on May 5") == {0}
    assert not _possible([month_then_day], "about 5 and again 7")  # the lookahead alone would pass it
    words_ahead = re.compile(r"(?=(?i:million|mila))[a-z]")
    assert not _possible([words_ahead], "a few words")  # the letter alone would pass them


def test_a_back_reference_is_read_as_its_group_and_a_conditional_group_is_always_possible():
    patterns = [re.compile(r"(?P<d>\d)-(?P=d)"), re.compile(r"(a)?(?(1)b|c)"), re.compile("year")]
    assert _possible(patterns, "3-3") == {0, 1}
    assert _possible(patterns, "a year") == {1, 2}
    assert quick_test([re.compile(r"(a)?(?(1)b|c)")]) is None  # nothing RE2 can read


def test_every_case_re_folds_to_a_letter_is_possible():
    """Each character whose lower case is another one: re matches it case-blind with that one,
    and the quick test must let it through (by RE2's folding or by the guard)."""
    pairs = [(chr(code), chr(code).lower()) for code in range(0x80, 0x110000)
             if len(chr(code).lower()) == 1 and chr(code).lower() != chr(code)]
    pairs += [("\u0130", "i")] + [(chr(code), chr(other)) for code, others in _EXTRA_CASES.items() for other in others]
    patterns = [re.compile(re.escape(lower), re.IGNORECASE) for _, lower in pairs]
    test = quick_test(patterns)
    assert test is not None
    for index, ((character, _), pattern) in enumerate(zip(pairs, patterns)):
        if pattern.fullmatch(character):
            assert index in test.possible(character), (hex(ord(character)), pattern.pattern)


def _sentences():
    from clusterhouse.text.sentences import paragraphs, sentences

    for path in sorted((TESTS / "corpus" / "docs").iterdir()) + sorted((TESTS / "heldout" / "docs").iterdir()):
        if path.suffix in (".txt", ".md"):
            text = path.read_text(encoding="utf-8")
            for paragraph in paragraphs(text):
                for span in sentences(text, paragraph):
                    yield text[span.start:span.end]


@pytest.mark.parametrize("code", ["en", "zh", "it", "es", "fr", "de", "pt"])
def test_the_engines_quick_tests_hold_every_match_in_the_test_corpora(code):
    from clusterhouse.extraction.figures import figure_rules
    from clusterhouse.extraction.numbers import _shared
    from clusterhouse.extraction.periods import _rules

    time_rules, dates = _rules(code), _shared().dates
    checks = [([pattern for pattern, _, _ in time_rules.patterns], time_rules.quick),
              ([pattern for pattern, _ in dates.every], dates.quick_every),
              ([pattern for pattern, _ in dates.without_digits], dates.quick_without_digits),
              ([figure_rules(code).words.company_cues], figure_rules(code).company_cues)]
    from clusterhouse.documents.dates import _date_words

    checks.append((list(_date_words().full_dates), _date_words().quick_full_dates))
    from clusterhouse.documents.outlets import _outlet_datelines, _source_label, _source_label_quick

    checks += [(list(_outlet_datelines()[0]), _outlet_datelines()[1]), ([_source_label()], _source_label_quick())]
    matched = 0
    for sentence in _sentences():
        for patterns, test in checks:
            assert test is not None
            possible = test.possible(sentence)
            for index, pattern in enumerate(patterns):
                if pattern.search(sentence):
                    matched += 1
                    assert index in possible, (pattern.pattern[:80], sentence)
    assert matched > 100
