"""Time expressions in a sentence: which year, and which part of it, a figure refers to.

The words are each language's `time` data (clusterhouse/lang/<code>/time.yaml); this module
composes them into patterns once per language. Relative years ("last year", 去年, l'anno scorso)
resolve from the publication date and stay unknown without one. A year after the publication date
is never a figure's year (it is a target or forecast). A sentence in a language without data has no
time expressions: it is not read as English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from clusterhouse.lang import Language
from clusterhouse.lang import language as language_data
from clusterhouse.lang.schema.kinds import NEVER
from clusterhouse.lang.schema.time import COUNT
from clusterhouse.text.quick_test import QuickTest, quick_test

# Period labels of the warehouse ("Jan-Jul"), the same in every language, like Q1 and FY
MONTH_LABELS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PERIOD_OF_MONTHS = {3: "Q1", 6: "H1", 9: "Q1-Q3", 12: "FY"}  # the first N months
_RANGE_SIGNS = "[-–—~]"  # a dash or a tilde joins two months in any language
_NOT_ANOTHER_NUMBER = (r"[\d.,]\d", r"\d")  # 2021 in 2021.5 or 20210 is no year


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    year: int | None  # None when relative with no publication date, or no year stated
    period: str | None  # FY, Q1, H1, Q1-Q3, Jan-Jul…; None for a bare year
    as_of: bool  # "by the end of 2022", "currently": a point in time
    has_year: bool  # the expression itself names a year (explicit, relative, or "now")
    same_year: bool = False  # "that year", "the same year": the year named before it
    is_now: bool = False  # "currently", 目前: the publication year
    offset: int = 0  # with same_year: "the previous year" is the year named before it, minus one


def _month_range(first: int, last: int) -> str:
    if first == 1 and last == 12:
        return "FY"
    if first == last:
        return MONTH_LABELS[first - 1]
    return f"{MONTH_LABELS[first - 1]}-{MONTH_LABELS[last - 1]}"


def _months_count(count: int) -> str:
    return _PERIOD_OF_MONTHS.get(count, _month_range(1, count))


def _alternation(fragments: Iterable[str]) -> str:
    return "|".join(f"(?:{fragment})" for fragment in fragments)


@dataclass(frozen=True)
class _Rules:
    """One language's time words, composed into patterns."""

    patterns: tuple[tuple[re.Pattern, str, object], ...]  # (pattern, kind, data) in the order they are tried
    quick: QuickTest | None  # which of them may match a sentence (None: RE2 can read none of them)
    any_pattern: re.Pattern | None  # without a quick test: matches where one of them does (None: not joinable)
    since: re.Pattern  # right before a year: a start, not the figure's year
    event_before: re.Pattern  # before a year: an event's year
    month_names: dict[str, int]  # spelling (abbreviations also with their dot) -> month
    count_words: dict[str, int]
    numeral_digits: dict[str, int]
    numeral_units: dict[str, int]

    def numeral(self, token: str) -> int:
        """A number in digits, numerals (十二) or count words; 0 when it is none."""
        if token.isdigit():
            return int(token)
        if token and all(c in self.numeral_digits or c in self.numeral_units for c in token):
            return _numeral_value(token, self.numeral_digits, self.numeral_units)
        return self.count_words.get(token.lower(), 0)

    def month(self, token: str) -> int:
        return self.month_names.get(token.lower()) or self.numeral(token)


def _numeral_value(token: str, digits: dict[str, int], units: dict[str, int]) -> int:
    """十二 -> 12, 二十 -> 20, 两 -> 2; 0 for a malformed numeral such as 一一."""
    total, digit = 0, None
    for character in token:
        if character in units:
            total += (1 if digit is None else digit) * units[character]
            digit = None
        elif digit is not None:
            return 0
        else:
            digit = digits[character]
    return total + (digit or 0)


def _month_names(months: tuple[tuple[str, ...], ...]) -> dict[str, int]:
    names: dict[str, int] = {}
    for number, spellings in enumerate(months, start=1):
        full, *abbreviations = spellings
        names[full] = number
        for abbreviation in abbreviations:
            names[abbreviation] = names[abbreviation + "."] = number
    return names


def _year_pattern(lang: Language, flags: int) -> re.Pattern:
    words = lang.time
    spaced = lang.about.word_boundaries
    gap, space = (r"\s+", " ") if spaced else ("", "")
    as_of = f"(?:(?P<asof>{_alternation(words.as_of_words)}){gap})?" if words.as_of_words else ""
    prefix = ""
    if words.year_prefixes:
        articles = words.year_prefix_articles
        article = f"(?:(?:{_alternation(articles)}){space})?" if articles else ""
        prefix = f"(?:(?:{_alternation(words.year_prefixes)}){space}{article})?"
    not_a_year = "|".join((*_NOT_ANOTHER_NUMBER, *words.not_a_year_after))
    year_word = f"(?:{_alternation(words.year_words)})" if words.year_words else ""
    year_end = f"(?P<end>{_alternation(words.year_end_words)})?" if words.year_end_words else ""
    edge = r"(?<!\w)" if spaced else ""
    year = rf"(?P<y>(?:19|20)\d{{2}})(?!{not_a_year})"
    return re.compile(f"{edge}{as_of}{prefix}{year}{year_word}{year_end}", flags)


def _numeral_class(lang: Language) -> str:
    characters = [*lang.numbers.numeral_digits, *lang.numbers.numeral_units]
    return f"[{''.join(map(re.escape, characters))}]{{1,2}}" if characters else ""


def _number(lang: Language, words: Iterable[str] = ()) -> str:
    """A small number: count words, a numeral of one or two characters, or one or two digits."""
    return "|".join(part for part in (
        "|".join(map(re.escape, words)), _numeral_class(lang), r"\d{1,2}") if part)


def _month_range_pattern(lang: Language, month_names: dict[str, int], flags: int) -> re.Pattern | None:
    """'from January to July', 'gennaio-marzo', 1至8月."""
    words = lang.time
    if month_names:
        month = "|".join(sorted(map(re.escape, month_names), key=len, reverse=True))
        after = ""
    elif words.month_words:
        month = _number(lang)
        after = f"(?:{_alternation(words.month_words)})"
    else:
        return None
    start = f"(?:(?:{_alternation(words.month_range_starts)}) )?" if words.month_range_starts else ""
    joiner = "|".join(part for part in (_alternation(words.month_range_joiners), _RANGE_SIGNS) if part)
    edge, end = (r"(?<!\w)", r"(?!\w)") if lang.about.word_boundaries else ("", "")
    return re.compile(rf"{edge}{start}(?P<m1>{month})\s*(?:{joiner})\s*(?P<m2>{month}){after}{end}", flags)


@lru_cache(maxsize=None)
def _rules(code: str) -> _Rules:
    lang = language_data(code)
    words = lang.time
    flags = re.IGNORECASE if lang.about.ignore_case else 0
    edge = r"(?<!\w)" if lang.about.word_boundaries else ""
    month_names = _month_names(words.months)
    patterns: list[tuple[re.Pattern, str, object]] = [
        (words.last_year, "relative", -1), (words.this_year, "relative", 0),
        (words.year_before_last, "relative", -2), (_year_pattern(lang, flags), "year", None),
    ]
    month_range = _month_range_pattern(lang, month_names, flags)
    if month_range is not None:
        patterns.append((month_range, "months", None))
    patterns += [(words.now_words, "now", None), (words.same_year, "same_year", None),
                 (words.previous_year, "previous_year", None), (words.annual_words, "annual", None)]
    for period, fragments in words.periods.items():
        patterns.append((re.compile(rf"{edge}(?:{_alternation(fragments)})", flags), "period", period))
    count = f"(?P<count>{_number(lang, words.month_counts)})"
    for phrase in words.first_months:
        patterns.append((re.compile(rf"{edge}(?:{phrase.replace(COUNT, count)})", flags), "period", None))
    since = _alternation(words.since_words) or NEVER.pattern
    event = _alternation(words.event_before_year) or NEVER.pattern
    return _Rules(
        patterns=tuple(patterns),
        quick=quick_test([pattern for pattern, _, _ in patterns]),
        any_pattern=_any_of(pattern for pattern, _, _ in patterns),
        since=re.compile(rf"(?:{since})\s*$", flags),
        event_before=re.compile(rf"(?:{event})[^.。;；,，]{{0,25}}$", flags),
        month_names=month_names,
        count_words=words.month_counts,
        numeral_digits=lang.numbers.numeral_digits,
        numeral_units=lang.numbers.numeral_units,
    )


_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<\w+>")
_NUMBERED_BACK_REFERENCE = re.compile(r"(?<!\\)\\[1-9]")  # the alternation numbers the groups anew
_JOINABLE_FLAGS = re.IGNORECASE | re.UNICODE


def _any_of(patterns: Iterable[re.Pattern]) -> re.Pattern | None:
    """One pattern that matches somewhere in a text exactly when one of ``patterns`` does: their
    alternation, each keeping its case-blindness, its named groups made plain (the names would
    clash). Most sentences state no time: one search passes them over instead of one a pattern
    (find_time_expressions was 14 % of extraction). None when a pattern refers back to a group or
    has flags an alternation cannot keep."""
    parts = []
    for pattern in patterns:
        if (pattern.flags & ~_JOINABLE_FLAGS or "(?P=" in pattern.pattern
                or _NUMBERED_BACK_REFERENCE.search(pattern.pattern)):
            return None
        source = _NAMED_GROUP.sub("(?:", pattern.pattern)
        parts.append(f"(?i:{source})" if pattern.flags & re.IGNORECASE else f"(?:{source})")
    try:
        return re.compile("|".join(parts)) if parts else None
    except re.error:  # a global inline flag, "(?i)", inside a pattern
        return None


def _rules_for(language: Language | str | None) -> _Rules | None:
    lang = language if isinstance(language, Language) else language_data(language)
    return _rules(lang.code) if lang is not None else None


def find_time_expressions(
    sentence: str, language: Language | str | None, published: date | None
) -> list[TimeExpression]:
    """Time expressions in order of appearance; overlapping matches keep the longest. None in a
    language without data."""
    rules = _rules_for(language)
    if rules is None:
        return []
    # most sentences state no time, and most that do state one kind: only the patterns that may
    # match are run (in their order, so that the results are the same)
    if rules.quick is not None:
        possible = rules.quick.possible(sentence)
    elif rules.any_pattern is None or rules.any_pattern.search(sentence):
        possible = range(len(rules.patterns))
    else:
        possible = ()
    if not possible:
        return []
    pub_year = published.year if published else None
    found: list[TimeExpression] = []
    for index, (pattern, kind, data) in enumerate(rules.patterns):
        if index not in possible:
            continue
        for match in pattern.finditer(sentence):
            expression = _interpret(match, kind, data, rules, pub_year, sentence)
            if expression is not None:
                found.append(expression)
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[TimeExpression] = []
    for expression in found:
        if kept and expression.start < kept[-1].end:
            kept[-1] = _merge(kept[-1], expression)
            continue
        kept.append(expression)
    return _attach_years(kept)


def _merge(first: TimeExpression, second: TimeExpression) -> TimeExpression:
    """Overlapping matches describe one expression: combine what each knows."""
    return TimeExpression(
        start=min(first.start, second.start),
        end=max(first.end, second.end),
        year=first.year if first.has_year else second.year,
        period=first.period or second.period,
        as_of=first.as_of or second.as_of,
        has_year=first.has_year or second.has_year,
        same_year=first.same_year or second.same_year,
        is_now=first.is_now and second.is_now,
        offset=first.offset or second.offset,
    )


def _attach_years(expressions: list[TimeExpression]) -> list[TimeExpression]:
    """A period next to a year ("the first half of 2021", "2021年前三季度") is one expression."""
    merged: list[TimeExpression] = []
    for expression in expressions:
        if merged:
            previous = merged[-1]
            close = expression.start - previous.end <= 12
            if close and (previous.period is None) != (expression.period is None) and (
                previous.has_year != expression.has_year
            ):
                merged[-1] = _merge(previous, expression)
                continue
        merged.append(expression)
    return merged


def _interpret(match: re.Match, kind: str, data, rules: _Rules, pub_year: int | None, sentence: str):
    start, end = match.start(), match.end()
    if kind == "relative":
        year = pub_year + data if pub_year is not None else None
        return TimeExpression(start, end, year, None, False, True)
    if kind == "year":
        if rules.since.search(sentence[max(0, start - 8): start]) or rules.event_before.search(
            sentence[max(0, start - 40): start]
        ):
            return None
        year = int(match.group("y"))
        groups = match.groupdict()
        as_of = bool(groups.get("asof")) or bool(groups.get("end"))
        return TimeExpression(start, end, year, None, as_of, True)
    if kind == "months":
        first, last = rules.month(match.group("m1")), rules.month(match.group("m2"))
        if not (1 <= first <= last <= 12):
            return None
        return TimeExpression(start, end, None, _month_range(first, last), False, False)
    if kind == "period":
        period = data
        if period is None:
            count = rules.numeral(match.group("count"))
            if not 1 <= count <= 12:
                return None
            period = _months_count(count)
        return TimeExpression(start, end, None, period, False, False)
    if kind == "now":
        return TimeExpression(start, end, pub_year, None, True, pub_year is not None, is_now=True)
    if kind == "same_year":
        return TimeExpression(start, end, None, None, False, False, same_year=True)
    if kind == "previous_year":
        return TimeExpression(start, end, None, None, False, False, same_year=True, offset=-1)
    if kind == "annual":
        return TimeExpression(start, end, None, "FY", False, False)
    return None
