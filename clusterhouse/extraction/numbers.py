"""Find and parse numbers in news text, in any language with a folder under clusterhouse/lang.

Every word this module reads (number words, scale words, ordinals, percent and currency words,
month names, Chinese numerals and markers) is language data: `numbers.yaml` of each language
(and `time.yaml` for month names). A document's own language decides how digits group and which
number words are read; a document of unknown language (None, or a code without a folder) reads
them as the language marked `reads_unknown_languages` does, and so do the Latin-script words of
a language without number words of its own (Chinese). Percent, currency, range and date words and
Chinese numerals are recognised in a document of any language. The examples below are English,
Italian, Spanish, French, German and Chinese.

`find_numbers` returns every number a reader would call a figure, with its span in the input,
its value with any scale word applied ("5.17 billion" -> 5.17e9, "2.5万亿" -> 2.5e12) and flags
that let callers skip what is not a figure (years, ordinals, percentages, truncated numbers).
Dates and times are not returned, except the year of a date, flagged `is_year`.

Rules that decide ambiguous cases (kept deliberately conservative: skip rather than guess):
- Separators: a `.` or `,` followed by exactly three digits is grouping in a language whose
  grouping character it is (`thousands_mark`: `,` in en/zh/unknown, `.` in it/es/fr/de);
  otherwise it is the decimal mark. So `12.500` is 12.5 in English and 12500 in Italian, `3,500`
  is 3500 in English and 3.5 in Italian, `1.2` is 1.2 everywhere. Two different marks
  (`1.234,5`, `1,234.5`): the last one is the decimal. No-break/thin spaces and apostrophes
  (`3 500`, `3'500`) group everywhere; a plain space groups only where `space_groups_thousands`
  (fr/es/de) and only before exactly three digits.
- Number words: only values >= 2, or any word followed by a scale word. "one", "a", "un(a)",
  "une", "ein(e)" are read only before a scale word ("a million", "un milione", "eine
  Milliarde"); Italian "sei" (also "you are") and French "neuf" (also "new") likewise. Plural
  scale words alone ("millions of", "migliaia", "dozens", "数十万") are vague and skipped.
- Single-letter abbreviations "m" and "b" mean a scale only next to money ("$5m", "5 M€");
  elsewhere they are units (metres) and the number is skipped when glued ("5m"). A glued
  lower-case "k" is always thousand ("800k pairs"); a glued capital alone is a code ("4K", "5G").
- Truncation: a number at the very end of the text, or followed there only by "." or "," (a cut
  "5.17" looks like "5."), or by an ellipsis, is flagged; so is a sentence that really ends in a
  bare number at the end of the text: callers drop it, which is the safe side.
- Dates: day and month numbers of a date ("Dec. 28, 2017", "28/12/2017", "2021-12-14",
  "12月14日", "14 dicembre", "1-9月", "三季度") and clock times ("10:30") are dropped; the year of
  a date stays, flagged is_year like any bare 4-digit 1900-2099 number.
- Codes are not figures: digits glued to preceding letters ("G20", "COVID-19") or followed by a
  single capital ("5G", "3D") are skipped, except after a currency code ("RMB5bn").
- Fractions ("one-third", "due terzi", "三分之一") are not counts and are skipped; so are numbers
  with a leading zero or after "+" (phone numbers, codes).
- Chinese: digits or numerals with 十百千万亿 (萬億) combine ("1亿2000万", "3千万", "一万二");
  多/余/几 inside or right after give inner_qualifier 'more_than' ("4万多", "20余万", "十几万").
  A numeral written only in characters is read when it has a digit and a unit ("三千"), or is a
  single digit >= 2 before a measure word ("三家"), or is units alone before a measure word or
  currency ("百万元", "千万元", "近万家"): so "一带一路", "四川", "五金", "千万不要", "十分" are not
  numbers, nor "十四五" (two digits in a row) nor vague "数十万"/"几百". A 4-digit number right
  before a measure word ("2000家") is a count, not a year.
- Percentages (%, per cent, per cento, por ciento, pour cent, Prozent, 百分之…, 个百分点) are
  returned with is_percent; the span holds the number only.
- Ranges ("3-5 million", "3 to 5 billion", "between 3 and 5 billion", "3-5亿", "3-5%"): the first
  number takes the scale or percent of the second.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from clusterhouse.lang import Language, all_languages, language
from clusterhouse.text.quick_test import QuickTest, possible_items, quick_test
from clusterhouse.text.words import word_then_digit

__all__ = ["NumberMention", "find_numbers", "parse_decimal"]


@dataclass(frozen=True)
class NumberMention:
    start: int  # character span in the input text (digits/words and any scale word)
    end: int
    text: str
    value: float  # full value with scale applied
    inner_qualifier: str | None = None  # 'more_than' for Chinese 多/余/几 inside the number
    is_year: bool = False
    is_ordinal: bool = False
    truncated: bool = False
    is_percent: bool = False


# ---------------------------------------------------------------- normalisation

# Full-width ASCII (digits, %, $, -, ~, :) maps one-to-one, so offsets survive. The full-width
# comma and full stop are Chinese punctuation unless they sit between full-width digits.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if cp not in (0xFF0C, 0xFF0E)}
_FULLWIDTH[0x3000] = 0x20


_ANY_FULLWIDTH = re.compile("[" + "".join(map(chr, sorted(_FULLWIDTH))) + "]")


def _normalise(text: str) -> str:
    if not _ANY_FULLWIDTH.search(text):  # str.translate looks up every character of a non-ASCII text
        return text
    out = text.translate(_FULLWIDTH)
    if "，" in text or "．" in text:
        chars = list(out)
        for k in range(1, len(text) - 1):
            if text[k] in "，．" and _is_fw_digit(text[k - 1]) and _is_fw_digit(text[k + 1]):
                chars[k] = "," if text[k] == "，" else "."
        out = "".join(chars)
    return out


def _is_fw_digit(c: str) -> bool:
    return "０" <= c <= "９"


def _isdigit(c: str) -> bool:
    return "0" <= c <= "9"


_LATIN_LETTERS = "A-Za-zÀ-ÖØ-öø-ɏ"
_LATIN_RE = re.compile(f"[{_LATIN_LETTERS}]")


def _is_latin(c: str) -> bool:
    return bool(c) and bool(_LATIN_RE.match(c))


# ---------------------------------------------------------------- language tables

NUM, SMALL, BIG, ABBR, ART, HALF = "num", "small", "big", "abbr", "art", "half"
Piece = tuple[str, float]  # (kind, value) of one piece of a number

_ORDINAL_INDICATORS = ("º", "ª")  # typographic ordinal marks, read where a language has no suffixes
_LONGEST_PIECE = 9  # letters of the longest compound piece tried ("diciannove" is not)


@dataclass(frozen=True)
class _Words:
    """How Latin-script number words are read in a document (numbers.yaml of its language)."""

    lexicon: dict[str, Piece]
    compound_pieces: dict[str, Piece]  # empty where numbers are not written as one word
    hyphenated: re.Pattern | None  # number words written with a hyphen ("quatre-vingts")
    scales_alone: frozenset[str]
    read_only_in_longer: frozenset[str]
    connectors: frozenset[str]
    tens_before_teens: frozenset[int]
    ordinals: dict[str, int]
    ordinal_articles: frozenset[str]
    elided_articles: tuple[str, ...]  # articles glued to the ordinal ("l'ottavo")
    all_ordinals_need_article: bool
    ordinals_needing_article: frozenset[str]
    time_unit_ordinals: frozenset[str]
    per_words: frozenset[str]
    ordinal_after_indefinite: frozenset[str]
    fraction_of: re.Pattern

    def pieces(self, word: str) -> list[Piece] | None:
        """The number pieces of a word ("duecentomila" -> due, cento, mila), or None."""
        lower = word.lower()
        if lower in self.lexicon:
            return [self.lexicon[lower]]
        if self.compound_pieces and len(lower) >= 5:
            pieces = _segment(lower, self.compound_pieces)
            if pieces and len(pieces) > 1:
                return [p for p in pieces if p[1] or p[0] != NUM]  # drop a joining piece (German "und")
        return None


@dataclass(frozen=True)
class _Reading:
    """How numbers are read in a document of one language (or of an unknown one)."""

    thousands_mark: str
    space_groups: bool
    ordinal_suffix: re.Pattern
    words: _Words


def _compound_kind(value: int) -> str:
    return BIG if value >= 1000 else SMALL if value >= 100 else NUM


def _words_of(lang: Language) -> _Words:
    numbers = lang.numbers
    lexicon: dict[str, Piece] = {}
    for kind, table in ((NUM, numbers.cardinals), (ART, dict.fromkeys(numbers.one_words, 1)),
                        (HALF, dict.fromkeys(numbers.half_words, 0.5)), (SMALL, numbers.unit_words),
                        (BIG, numbers.scale_words), (ABBR, numbers.scale_abbreviations)):
        lexicon |= {word: (kind, float(value)) for word, value in table.items()}
    compounds = {}
    if numbers.compound_pieces:
        compounds = {word: (NUM, float(value)) for word, value in numbers.cardinals.items()}
        compounds |= {word: (_compound_kind(value), float(value))
                      for word, value in numbers.compound_pieces.items()}
    flags = re.IGNORECASE if lang.about.ignore_case else 0
    hyphenated = [word for word in numbers.cardinals if "-" in word]
    return _Words(
        lexicon=lexicon,
        compound_pieces=compounds,
        hyphenated=(re.compile(rf"(?:{_plain(hyphenated, bounded=False)})(?![^\W\d_])", flags)
                    if hyphenated else None),
        scales_alone=numbers.scales_read_alone,
        read_only_in_longer=numbers.read_only_in_longer,
        connectors=numbers.and_words if numbers.and_joins_number_words else frozenset(),
        tens_before_teens=numbers.tens_before_teens,
        ordinals=numbers.ordinals,
        ordinal_articles=numbers.ordinal_articles,
        elided_articles=tuple(article for article in numbers.ordinal_articles if article.endswith("'")),
        all_ordinals_need_article=numbers.all_ordinals_need_article,
        ordinals_needing_article=numbers.ordinals_needing_article,
        time_unit_ordinals=numbers.ordinals_also_time_units,
        per_words=numbers.per_words,
        ordinal_after_indefinite=numbers.ordinal_after_indefinite,
        fraction_of=re.compile(rf"[ \u00a0](?:{_plain(numbers.fraction_of_words, bounded=True)})"),
    )


@lru_cache(maxsize=1)
def _default_language() -> Language:
    """The language whose number words are read where a document's language has none."""
    return next(lang for lang in all_languages() if lang.numbers.reads_unknown_languages)


def _code(language_code: str | None) -> str | None:
    """The code of the language folder that reads this language, or None."""
    lang = language(language_code)
    return lang.code if lang else None


def _reading(language_code: str | None) -> _Reading:
    return _reading_of(_code(language_code))


@lru_cache(maxsize=None)
def _reading_of(code: str | None) -> _Reading:
    lang, default = language(code), _default_language()
    suffixes = (lang.numbers.ordinal_suffixes if lang else ()) or (
        default.numbers.ordinal_suffixes + _ORDINAL_INDICATORS)
    digits_of = lang or default
    return _Reading(
        thousands_mark=digits_of.numbers.thousands_mark,
        space_groups=digits_of.numbers.space_groups_thousands,
        ordinal_suffix=re.compile(rf"(?:{'|'.join(suffixes)})(?![^\W\d_])"),
        words=_words_of(lang if lang and lang.numbers.cardinals else default),
    )


def _plain(entries: Iterable[str], *, bounded: bool) -> str:
    """Plain words as alternatives, longest first; ``bounded``: a word ending in a letter must end
    at a word edge."""
    return "|".join(re.escape(entry) + (r"(?!\w)" if bounded and re.match(r"\w", entry[-1]) else "")
                    for entry in sorted(entries, key=lambda entry: (-len(entry), entry))) or r"(?!x)x"


def _in_every_language(field: str, *, plain: bool, ignore_case: bool | None = None) -> str:
    """One alternation of a numbers field's entries in every language, each in its language's
    letter case and, where the language has word edges, ending at one."""
    parts = []
    for lang in all_languages():
        entries = tuple(getattr(lang.numbers, field))
        if not entries:
            continue
        edge = lang.about.word_boundaries
        body = (_plain(entries, bounded=edge) if plain
                else "|".join(entry + (r"(?!\w)" if edge else "") for entry in entries))
        case = lang.about.ignore_case if ignore_case is None else ignore_case
        parts.append(f"(?i:{body})" if case else f"(?:{body})")
    return "|".join(parts) or r"(?!x)x"


@dataclass(frozen=True)
class _Numerals:
    """Numbers written with characters (Chinese), read in a document of any language."""

    digits: dict[str, int]
    units: dict[str, int]
    scales: dict[str, float]
    starts: frozenset[str]  # digits and units: a numeral number starts with one
    points: frozenset[str]
    more_than: frozenset[str]
    vague: frozenset[str]
    year: tuple[re.Pattern, ...]
    measure_words: frozenset[str]
    followers: frozenset[str]  # what may follow a number of numerals only: measure words, currencies
    units_only_after: frozenset[str]
    unit_breakers: tuple[str, ...]
    fraction_infixes: tuple[str, ...]
    percent_prefixes: tuple[str, ...]
    ordinal_prefixes: tuple[str, ...]
    reading: _Reading  # grouping of Arabic digits inside a numeral number


@dataclass(frozen=True)
class _Shared:
    """Words recognised around numbers in a document of any language."""

    percent: re.Pattern
    currency_after: re.Pattern
    fraction_words: frozenset[str]
    and_a_half: re.Pattern
    money_only: frozenset[str]
    number_signs: frozenset[str]  # before a full stop, in this case
    number_sign_words: frozenset[str]  # before ° or º, any case
    range_gap: re.Pattern
    and_gap: re.Pattern
    between_before: re.Pattern
    dates: _DatePatterns
    numerals: _Numerals


def _union(sets: Iterable[Iterable[str]]) -> frozenset[str]:
    return frozenset(entry for entries in sets for entry in entries)


def _numerals() -> _Numerals:
    languages = all_languages()
    writers = [lang for lang in languages if lang.numbers.numeral_digits]
    digits = {c: v for lang in writers for c, v in lang.numbers.numeral_digits.items()}
    units = {c: v for lang in writers for c, v in lang.numbers.numeral_units.items()}
    measure_words = _union(lang.numbers.measure_words for lang in languages)
    currencies = _union(lang.numbers.currency_words for lang in writers)
    return _Numerals(
        digits=digits,
        units=units,
        scales={c: float(v) for lang in writers for c, v in lang.numbers.numeral_scales.items()},
        starts=frozenset(digits) | frozenset(units),
        points=_union(lang.numbers.numeral_decimal_points for lang in languages),
        more_than=_union(lang.numbers.numeral_more_than for lang in languages),
        vague=_union(lang.numbers.numeral_vague for lang in languages),
        year=tuple(lang.numbers.numeral_year for lang in writers),
        measure_words=measure_words,
        followers=measure_words | frozenset(c for c in currencies if len(c) == 1),
        units_only_after=_union(lang.numbers.units_only_after for lang in languages),
        unit_breakers=tuple(sorted(_union(lang.numbers.numeral_unit_breakers for lang in languages))),
        fraction_infixes=tuple(sorted(_union(lang.numbers.fraction_infixes for lang in languages))),
        percent_prefixes=tuple(sorted(_union(lang.numbers.percent_prefixes for lang in languages))),
        ordinal_prefixes=tuple(sorted(_union(lang.numbers.ordinal_prefixes for lang in languages))),
        reading=_reading_of(writers[0].code if writers else None),
    )


_MaskPatterns = tuple[tuple[re.Pattern, tuple[int, ...]], ...]  # a pattern and its groups to mask


@dataclass(frozen=True)
class _DatePatterns:
    """Dates and clock times: the groups are masked (a day, month or time is not a figure; the
    year of a date stays)."""

    every: _MaskPatterns  # tried on a sentence with a digit
    without_digits: _MaskPatterns  # the languages' own (12月14日, 三季度): the only ones that match without one
    quick_every: QuickTest | None  # which of them may match a sentence (most sentences hold no date)
    quick_without_digits: QuickTest | None


def _date_patterns() -> _DatePatterns:
    own = tuple((date, (1,)) for lang in all_languages() for date in lang.numbers.date_patterns)
    every = _digit_date_patterns() + own
    return _DatePatterns(every=every, without_digits=own, quick_every=quick_test([date for date, _ in every]),
                         quick_without_digits=quick_test([date for date, _ in own]))


def _digit_date_patterns() -> _MaskPatterns:
    """Dates written with a day, month or time in digits, in every language; each pattern needs a
    digit, which is what lets a sentence without one skip them all."""
    languages = all_languages()
    capital_months = _union(lang.numbers.months_needing_capital for lang in languages)
    month_names = _union((name for month in lang.time.months for name in month) for lang in languages)
    months = _plain(month_names - {month.lower() for month in capital_months}, bounded=False)
    day = rf"\d{{1,2}}(?:{'|'.join(suffix for lang in languages for suffix in lang.numbers.day_suffixes)})?"
    joiners = _plain(_union(lang.numbers.day_month_joiners for lang in languages), bounded=False)
    hour_marks = _plain(_union(lang.numbers.hour_marks for lang in languages) | {":"}, bounded=False)
    clock_words = _plain(_union(lang.numbers.clock_words for lang in languages), bounded=True)
    month_then_day = word_then_digit(month_names, r"[ \u00a0]")
    patterns = [
        # 2021-12-14, 2021/12/14, 2021.12.14: keep the year, drop month and day
        (re.compile(r"(?<![\d.,])(?:19|20)\d\d([-/.]\d{1,2}[-/.]\d{1,2})(?![\d])"), (1,)),
        # 28/12/2017, 28.12.2017, 12-28-17: drop day and month (and a 2-digit year)
        (re.compile(r"(?<![\d.,])(\d{1,2}[-/.]\d{1,2}[-/.])(?:(?:19|20)\d\d|(\d\d))(?![\d])"), (1, 2)),
        (re.compile(r"(?<![\d.,/])(\d{1,2}/\d{1,2})(?![\d/])"), (1,)),  # 14/12 or a fraction 3/4
        (re.compile(r"(?<![\d.,])(?:19|20)\d\d[-/–]([0-9]{2})(?![\d])"), (1,)),  # 2019-20, 2019/20
        (re.compile(rf"(?<![\d.,:])(\d{{1,2}}(?:{hour_marks})\d\d(?::\d\d)?)(?![\d])"), (1,)),  # 10:30
        (re.compile(rf"(?<![\d.,])(\d{{1,2}}(?:[.:]\d\d)?)[ \u00a0]?(?:{clock_words})", re.IGNORECASE), (1,)),
        # a day before its month: 14 dicembre, 1er janvier, 28th of December
        (re.compile(rf"(?<![\d.,])({day})[ \u00a0]?(?:(?:{joiners}) )?(?:{months})\b", re.IGNORECASE), (1,)),
        # a day after its month: Dec. 28, December 28th
        (re.compile(rf"\b{month_then_day}(?:{months})\.?[ \u00a0]({day})(?![\d.,]\d)(?!\d)",
                    re.IGNORECASE), (1,)),
    ]
    if capital_months:
        capitals = _plain(capital_months, bounded=False)
        patterns.append((re.compile(rf"\b(?:{capitals})[ \u00a0](\d{{1,2}})(?!\d)"), (1,)))
    return tuple(patterns)


@lru_cache(maxsize=1)
def _shared() -> _Shared:
    languages = all_languages()
    signs = _union(lang.numbers.number_signs for lang in languages)
    percent = _in_every_language("percent_words", plain=False)
    currency = _in_every_language("currency_words", plain=True, ignore_case=False)
    and_a_half = _in_every_language("and_a_half", plain=False)
    range_words = _in_every_language("range_words", plain=True)
    and_words = _in_every_language("and_words", plain=True)
    between = _in_every_language("between_words", plain=True)
    return _Shared(
        percent=re.compile(rf"[ \u00a0\u202f]?(?:%|‰|{percent})"),
        currency_after=re.compile(rf"[ \u00a0]?(?:€|\$|£|USD\b|CNY\b|RMB\b|EUR\b|HKD\b|{currency})"),
        fraction_words=_union(lang.numbers.fraction_words for lang in languages),
        and_a_half=re.compile(rf"[ \u00a0](?:{and_a_half})"),
        money_only=_union(lang.numbers.money_only_abbreviations for lang in languages),
        number_signs=signs,
        number_sign_words=frozenset(sign.lower() for sign in signs),
        range_gap=re.compile(rf"[ \u00a0]?(?:-|–|—|~|〜|{range_words})[ \u00a0]?$"),
        and_gap=re.compile(rf"[ \u00a0](?:{and_words})[ \u00a0]$"),
        between_before=re.compile(rf"(?<!\w)(?:{between})[ \u00a0]+[^\w\s]{{0,4}}[ \u00a0]?$"),
        dates=_date_patterns(),
        numerals=_numerals(),
    )


# ---------------------------------------------------------------- digits and separators

_SPACE_SEPS = "\u00a0\u202f\u2009"  # no-break, narrow no-break, thin space: always grouping
_APOSTROPHES = "'’"  # Swiss grouping


def _digits_end(s: str, i: int) -> int:
    while i < len(s) and _isdigit(s[i]):
        i += 1
    return i


def _digit_token_end(s: str, i: int, reading: _Reading, masked: list[bool]) -> int:
    """End of the digit token at i: digits joined by separators that are followed by digits."""
    n = len(s)
    j = _digits_end(s, i)
    first_group = j - i
    has_mark = False  # a "." or "," seen: spaces no longer group after it
    while j < n:
        c = s[j]
        if c in ".," and j + 1 < n and _isdigit(s[j + 1]) and not masked[j + 1]:
            j = _digits_end(s, j + 1)
            has_mark = True
            continue
        if c in _SPACE_SEPS or c in _APOSTROPHES or (c == " " and reading.space_groups):
            k = _digits_end(s, j + 1)
            if k - (j + 1) == 3 and first_group <= 3 and not has_mark and not masked[j + 1]:
                j = k
                continue
        break
    return j


_TOKEN_RE = re.compile(r"\d+(?:[.,'’ \u00a0\u202f\u2009]\d+)*")


def _parse_token(token: str, reading: _Reading) -> tuple[float, bool] | None:
    """(value, has_separator) of a digit token, or None when its separators make no sense."""
    if not _TOKEN_RE.fullmatch(token):
        return None
    parts = re.split(r"([.,'’ \u00a0\u202f\u2009])", token)
    groups, seps = parts[0::2], parts[1::2]
    if not seps:
        return float(token), False
    marks = [k for k, sep in enumerate(seps) if sep in ".,"]
    decimal_at: int | None = None  # index of the separator that is the decimal mark
    if len({seps[k] for k in marks}) == 2:
        decimal_at = marks[-1]  # "1.234,5" / "1,234.5": the last mark is the decimal
        if seps[decimal_at] in seps[decimal_at + 1:]:
            return None
    elif len(marks) == 1:
        k = marks[0]
        spaced = k > 0  # "3 500,5": after space grouping a mark can only be decimal
        grouping = seps[k] == reading.thousands_mark and len(groups[k + 1]) == 3 and len(groups[0]) <= 3
        if spaced or not grouping:
            decimal_at = k
    elif len(marks) > 1 and len({seps[k] for k in marks}) == 1 and marks[-1] == len(seps) - 1:
        pass  # "1.250.000" / "1,250,000": every mark groups
    elif marks:
        return None
    last_group = decimal_at if decimal_at is not None else len(seps)
    # every grouped block after the first has exactly three digits; the first has 1-3
    if last_group > 0 and (len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:last_group + 1])):
        return None
    integer = "".join(groups[: last_group + 1])
    fraction = "".join(groups[last_group + 1:])
    return float(f"{integer}.{fraction}" if fraction else integer), True


def parse_decimal(token: str, language: str | None) -> float | None:
    """Value of a digit token with grouping/decimal separators, by the rules in the module doc."""
    parsed = _parse_token(_normalise(token).strip(), _reading(language))
    return parsed[0] if parsed else None


# ---------------------------------------------------------------- symbols around numbers

_CURRENCY_BEFORE = re.compile(
    r"(?:US\$|HK\$|NT\$|A\$|C\$|S\$|R\$|\$|€|£|¥|￥|RMB|Rmb|CNY|USD|EUR|GBP|HKD|JPY|CHF|Rs\.?)[ \u00a0]?$")
_CURRENCY_CODE_BEFORE = re.compile(r"(?:RMB|Rmb|CNY|USD|EUR|GBP|HKD|JPY|CHF|Rs|US|HK|NT)$")
_PHONE_TAIL = re.compile(r"(?:[- ]?\d+)*")
_WORD_RE = re.compile(f"[{_LATIN_LETTERS}]+")
_DIGITS_AFTER_SCALE = re.compile(r"[ \u00a0](\d{1,3})(?=[ \u00a0])")  # "billion 230 million"
_GAP_RE = re.compile(r"[ \u00a0\u202f]{1,2}|-(?=[A-Za-zÀ-ÿ])")
_ANY_DIGIT = re.compile(r"\d")  # as the date patterns read \d: any script's decimal digits
_CUT_MARK = re.compile(r"\s*(?:…|\.\.\.|\[…\]|\[\.\.\.\]|\(…\)|\(\.\.\.\))")


def _match_word(s: str, p: int, words: _Words) -> re.Match | None:
    """The word at p; a number word written with a hyphen ("quatre-vingts") is one word."""
    return (words.hyphenated and words.hyphenated.match(s, p)) or _WORD_RE.match(s, p)


def _date_mask(s: str, dates: _DatePatterns) -> list[bool]:
    masked = [False] * len(s)
    # most sentences state no number in digits: the patterns that need one cannot match
    patterns, quick = ((dates.every, dates.quick_every) if _ANY_DIGIT.search(s)
                       else (dates.without_digits, dates.quick_without_digits))
    for pattern, groups in possible_items(quick, patterns, s):
        for m in pattern.finditer(s):
            for g in groups:
                if m.group(g) is not None:
                    masked[m.start(g):m.end(g)] = [True] * (m.end(g) - m.start(g))
    return masked


# ---------------------------------------------------------------- scanning


@dataclass
class _Found:
    start: int
    end: int
    value: float
    base: float | None = None  # the number before its scale word ("5" in "5 million")
    has_scale: bool = False
    inner_qualifier: str | None = None
    is_year: bool = False
    is_ordinal: bool = False
    is_percent: bool = False


def _evaluate(items: list[Piece]) -> float:
    """Value of a sequence of number pieces: digits/words (additive), small units that multiply
    the number before them (hundred, 十百千), scale words that multiply everything before them
    (thousand, million, 万, 亿; a larger scale after a smaller one multiplies: "mil millones",
    "万亿"; a smaller one after a larger one adds: "two million three hundred thousand")."""
    total, section, number, last_big, half = 0.0, 0.0, None, None, 1.0
    for kind, v in items:
        if kind == HALF:
            half = v
        elif kind in (NUM, ART):
            number = (number or 0) + v
        elif kind == SMALL:
            section += (1 if number is None else number) * v
            number = None
        else:  # BIG / ABBR
            group = section + (number or 0)
            if last_big is not None and v > last_big:
                total = (total + group) * v
            else:
                total += (group or 1) * v
            section, number, last_big = 0.0, None, v
    return (total + section + (number or 0)) * half


def _split_base(items: list[Piece]) -> tuple[float | None, bool]:
    """(base, has_scale) where base is the value of the pieces before the first scale word."""
    for k, (kind, _) in enumerate(items):
        if kind in (SMALL, BIG, ABBR):
            return (_evaluate(items[:k]) if k else 1.0), True
    return None, False


def _segment(word: str, pieces: dict[str, Piece]) -> list[Piece] | None:
    """Split a compound number word ("duecentomila", "fünfundzwanzig") into pieces, or None."""
    if not word:
        return []
    for size in range(min(len(word), _LONGEST_PIECE), 1, -1):
        piece = pieces.get(word[:size])
        if piece:
            rest = _segment(word[size:], pieces)
            if rest is not None:
                return [piece, *rest]
    return None


def _prev_word(s: str, i: int) -> str:
    m = re.search(r"([^\W\d_]+)['’]?[ \u00a0-]*$", s[max(0, i - 30):i])
    return m.group(1).lower() if m else ""


def _prefix_at(s: str, i: int, prefixes: tuple[str, ...]) -> str | None:
    return next((prefix for prefix in prefixes if s.startswith(prefix, i)), None)


@lru_cache(maxsize=None)
def _number_starts(code: str | None) -> re.Pattern:
    """Where the scan may find a number in a document of this language: a digit, a numeral or
    scale character, the first character of a percent or ordinal prefix, or a Latin word that can
    begin a number (a number word, an ordinal or a number sign of the language, or a word that
    starts with a piece of a number written as one word: "duecentomila"). Any other position
    would only move the scan on, so the scan jumps from one such position to the next; most words
    of a sentence are passed over without being read (2,000 news documents: 318,000 words read
    before, 35,000 now)."""
    zh = _shared().numerals
    chars = set("0123456789") | zh.starts | set(zh.scales) | {p[0] for p in zh.percent_prefixes + zh.ordinal_prefixes if p}
    words = _reading_of(code).words
    # a word read_word acts on is one of these, or begins with one (any case); the scan only
    # starts at Latin letters, so an entry that does not begin with one is never read
    beginnings = {entry.split("-")[0] for entry in (*words.lexicon, *words.ordinals, *words.compound_pieces,
                                                     *_shared().number_sign_words)}
    beginnings = {entry for entry in beginnings if entry and _is_latin(entry[0])}
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + f"]|(?<![{_LATIN_LETTERS}])"
                      + rf"(?=(?:{_by_first_letter(beginnings)}))[{_LATIN_LETTERS}]")


def _by_first_letter(words: Iterable[str]) -> str:
    """A pattern that matches at a Latin letter wherever ``(?i:word|word|…)`` does, with the words
    grouped under a class of their first letter's case variants. `re` passes over a branch that
    begins with a class without entering it, where it enters every case-blind branch in turn;
    the number scan asks this at every word of a document (8 % of extraction before)."""
    groups: dict[str, set[str]] = {}
    for word in words:
        groups.setdefault(_latin_case_variants(word[0]), set()).add(word[1:])
    branches = []
    for variants, rests in sorted(groups.items()):
        first = "[" + "".join(map(re.escape, variants)) + "]"
        rest = "|".join(re.escape(rest) for rest in sorted(rests, key=lambda rest: (-len(rest), rest)))
        branches.append(first if "" in rests else f"{first}(?i:{rest})")  # a one-letter word needs no rest
    return "|".join(branches) or r"(?!x)x"


@lru_cache(maxsize=None)
def _latin_case_variants(letter: str) -> str:
    """The Latin letters `re` takes for ``letter`` when it ignores case (its rules, not only upper
    and lower: 's' is also 'ſ'), read off `re` itself."""
    pattern = re.compile(f"(?i:{re.escape(letter)})")
    return "".join(c for c in _latin_letters() if pattern.fullmatch(c))


@lru_cache(maxsize=1)
def _latin_letters() -> str:
    """Every character of _LATIN_LETTERS (none lies past the last character its ranges name)."""
    return "".join(c for c in map(chr, range(max(map(ord, _LATIN_LETTERS)) + 1)) if _LATIN_RE.fullmatch(c))


@lru_cache(maxsize=1)
def _prefix_starts() -> frozenset[str]:
    """First characters of the percent and ordinal prefixes (百分之, 第)."""
    zh = _shared().numerals
    return frozenset(prefix[0] for prefix in zh.percent_prefixes + zh.ordinal_prefixes if prefix)


class _Scanner:
    def __init__(self, text: str, language: str | None):
        self.code = _code(language)
        self.reading = _reading_of(self.code)
        self.words = self.reading.words
        self.shared = _shared()
        self.zh = self.shared.numerals
        self.s = _normalise(text)
        self.prefix_starts = _prefix_starts()
        self.masked: list[bool] = []  # made by run(): two sentences in five hold nothing a number starts with
        self.found: list[_Found] = []

    # -- main loop
    def run(self) -> list[_Found]:
        s, n = self.s, len(self.s)
        starts = _number_starts(self.code)
        start = starts.search(s)
        if start is None:
            return self.found
        self.masked = _date_mask(s, self.shared.dates)
        while start is not None:
            i = start.start()
            i = max(i + 1 if self.masked[i] else self.read_at(i), i + 1)
            start = starts.search(s, i) if i < n else None
        return self.found

    def read_at(self, i: int) -> int:
        """Read the number that may start at ``i``; where the scan goes on."""
        s, n, zh = self.s, len(self.s), self.zh
        c = s[i]
        prefixed = c in self.prefix_starts  # most positions start no prefix: skip looking for one
        if prefixed and (percent := _prefix_at(s, i, zh.percent_prefixes)):
            return self.read_zh(i + len(percent), percent=True)
        if prefixed and (ordinal := _prefix_at(s, i, zh.ordinal_prefixes)) and (k := i + len(ordinal)) < n and (
                s[k] in zh.starts or _isdigit(s[k])):
            return self.read_zh(k, ordinal_from=i)
        if _isdigit(c):
            return self.read_digits(i)
        if c in zh.starts or (c in zh.scales and i and s[i - 1] in zh.units_only_after):
            return self.read_zh(i)
        if _is_latin(c) and (i == 0 or not _is_latin(s[i - 1])):
            return self.read_word(i)
        return i + 1

    # -- digits
    def read_digits(self, i: int) -> int:
        s, n, zh, shared = self.s, len(self.s), self.zh, self.shared
        end = _digit_token_end(s, i, self.reading, self.masked)
        prev = s[i - 1] if i else ""
        if _is_latin(prev) and not _CURRENCY_CODE_BEFORE.search(s[max(0, i - 3):i]):
            return end  # a code: "G20", "A4"
        if (s[i] == "0" and end > i + 1 and _isdigit(s[i + 1])) or prev == "+":
            return _PHONE_TAIL.match(s, end).end()  # "0917-1234567", "+86 …": codes, phones
        if prev == "-" and i >= 2 and _is_latin(s[i - 2]):
            return end  # "COVID-19"
        if prev and prev in _APOSTROPHES and (i < 2 or not _is_latin(s[i - 2])):
            return end  # a decade: "anni '90"
        parsed = _parse_token(s[i:end], self.reading)
        if parsed is None:  # "1.2.3": read the first run of digits only
            end = _digits_end(s, i)
            parsed = float(s[i:end]), False
        value, has_sep = parsed
        after = end + 1 if end < n and s[end] == " " else end
        if (after < n and (s[after] in zh.units or s[after] in zh.scales)) or (
                end < n and s[end] in zh.more_than):
            return self.read_zh(i)
        if not has_sep and (m := self.reading.ordinal_suffix.match(s, end)):
            self.found.append(_Found(i, end, value, is_ordinal=True))
            return m.end()
        items: list[Piece] = [(NUM, value)]
        money = bool(_CURRENCY_BEFORE.search(s[max(0, i - 6):i]))
        stop = self.extend_phrase(items, end, from_digits=True, money=money)
        stop = self.extend_with_lower_scale(items, stop, money)
        base, has_scale = _split_base(items)
        glued = stop < n and _is_latin(s[stop]) and stop == end
        if glued:
            word = _WORD_RE.match(s, stop).group(0)
            if word.lower() in shared.money_only or (len(word) == 1 and word.isupper()):
                return stop + len(word)  # "5m" (metres?), "5G", "3D": not a figure
        found = _Found(i, stop, _evaluate(items), base if has_scale else value, has_scale)
        found.is_year = (not has_sep and not has_scale and end - i == 4 and 1900 <= value <= 2099
                         and not money and not (stop < n and s[stop] in zh.measure_words))
        return self.finish(found, stop)

    def extend_with_lower_scale(self, items: list[Piece], pos: int, money: bool) -> int:
        """'28 billion 230 million': digits and a smaller scale word after a scale word add to it."""
        s = self.s
        while items and items[-1][0] == BIG:
            m = _DIGITS_AFTER_SCALE.match(s, pos)
            if not m:
                break
            more: list[Piece] = [(NUM, float(m.group(1)))]
            stop = self.extend_phrase(more, m.end(1), from_digits=True, money=money)
            if len(more) != 2 or more[-1][0] != BIG or more[-1][1] >= items[-1][1]:
                break
            items.extend(more)
            pos = stop
        return pos

    def extend_phrase(self, items: list[Piece], pos: int, *, from_digits: bool, money: bool) -> int:
        """Append number words/scale words after pos to items; return the end of the last one."""
        s, words, shared = self.s, self.words, self.shared
        end = pos
        last = items[-1][0] if items else None
        while True:
            gap = _GAP_RE.match(s, end)
            p = gap.end() if gap else end
            if gap and gap.group(0) == "-" and from_digits and len(items) == 1:
                break  # "3-5 million" is a range, not a compound
            w = _match_word(s, p, words)
            if not w or (p > 0 and _is_latin(s[p - 1])):
                break
            word = w.group(0)
            if word.lower() in words.connectors and not from_digits:
                g2 = _GAP_RE.match(s, w.end())
                nxt = _match_word(s, g2.end(), words) if g2 else None
                pieces = words.pieces(nxt.group(0)) if nxt else None
                if pieces and pieces[0][0] in (NUM, ART) and last in (NUM, SMALL, BIG):
                    end = w.end()  # "vingt et un", "treinta y cinco"
                    continue
                break
            pieces = words.pieces(word)
            if not pieces:
                break
            kind, value = pieces[0]
            if kind == ART and last == NUM and s[end - 3:end].strip() in words.connectors:
                kind, pieces = NUM, [(NUM, value)]  # the "un" of "vingt et un"
            if kind == ABBR or (kind == BIG and from_digits and word.lower() in shared.money_only):
                if not (from_digits and len(items) == 1 and p - end <= 1):
                    break
                # a unit symbol ("5m") or a capital alone ("5K") is a scale only next to money
                if (word.lower() in shared.money_only or (len(word) == 1 and word.isupper())) and not (
                        money or shared.currency_after.match(s, w.end())):
                    break
            elif kind == NUM:
                if from_digits or last in (ART, HALF):
                    break
                if last == NUM and len(pieces) == 1:
                    prev_value = items[-1][1]
                    zeros = len(str(int(prev_value))) - len(str(int(prev_value)).rstrip("0"))
                    if not (value < 10 ** zeros or (prev_value in words.tens_before_teens and value < 20)):
                        break
            elif kind == SMALL:
                if last in (SMALL, BIG, ABBR, HALF):
                    break
            elif kind in (ART, HALF):
                if not (kind == ART and last == HALF):
                    break
            elif kind == BIG and last == BIG and value <= items[-1][1]:
                break
            items.extend(pieces)
            last = items[-1][0]
            end = w.end()
        if items and items[-1][0] in (BIG, ABBR) and (m := shared.and_a_half.match(s, end)):
            items.append((NUM, 0.5 * items[-1][1]))  # "un milione e mezzo"
            end = m.end()
        return end

    # -- words
    def read_word(self, i: int) -> int:
        s, words, shared = self.s, self.words, self.shared
        word = _match_word(s, i, words).group(0)
        lower = word.lower()
        wend = i + len(word)
        if lower in shared.number_sign_words:  # "No. 1", "Nr. 5", "n° 3"
            mark = r"(?:\.|°|º)" if word in shared.number_signs else r"(?:°|º)"
            if m := re.match(mark + r"[ \u00a0]?(\d{1,3})(?!\d)", s[wend:]):
                start, end = wend + m.start(1), wend + m.end(1)
                self.found.append(_Found(start, end, float(m.group(1)), is_ordinal=True))
                return wend + m.end()
        ordinal = words.ordinals.get(lower)
        if ordinal:
            if self.is_ordinal_context(i, lower, wend):
                self.found.append(_Found(i, wend, float(ordinal), is_ordinal=True))
            return wend
        pieces = words.pieces(word)
        if not pieces or pieces[0][0] == ABBR:
            return wend
        kind = pieces[0][0]
        if kind in (BIG, SMALL) and len(pieces) == 1 and lower not in words.scales_alone:
            return wend  # "millions of", "milioni di": vague; "hundred" without a number
        items = list(pieces)
        stop = self.extend_phrase(items, wend, from_digits=False, money=False)
        kinds = {k for k, _ in items}
        if kinds <= {ART, HALF, NUM} and (kind in (ART, HALF) or (
                len(items) == 1 and lower in words.read_only_in_longer)):
            return stop  # "one of", "un'azienda", "sei" (you are), "neuf" (new)
        if kind == HALF and not kinds & {BIG}:
            return stop
        base, has_scale = _split_base(items)
        found = _Found(i, stop, _evaluate(items), base, has_scale)
        return self.finish(found, stop)

    def is_ordinal_context(self, i: int, lower: str, wend: int) -> bool:
        s, words = self.s, self.words
        prev = _prev_word(s, i)
        before = s[max(0, i - 2):i]
        if re.search(r"\d[ \u00a0-]?$", before):
            return False  # "30 second", "2 terzi"
        prev_pieces = words.pieces(prev) if prev else None
        if prev_pieces and prev_pieces[0][0] in (NUM, ART):
            if not (prev in words.ordinal_after_indefinite and not words.fraction_of.match(s, wend)):
                return False  # a fraction: "one-third", "un terzo", "a third of"
        if words.all_ordinals_need_article or lower in words.ordinals_needing_article:
            glued = s[max(0, i - 8):i].replace("’", "'")  # "l'ottavo", "dell'ottavo"
            elided = any(glued.endswith(article) for article in words.elided_articles)
            return prev in words.ordinal_articles or elided
        if lower in words.time_unit_ordinals:
            return prev not in words.per_words  # "per second"
        return True

    # -- Chinese numerals
    def read_zh(self, i: int, *, percent: bool = False, ordinal_from: int | None = None) -> int:
        s, n, zh = self.s, len(self.s), self.zh
        year = next((m for pattern in zh.year if (m := pattern.match(s, i))), None)
        if year and not percent and ordinal_from is None:
            value = int("".join(str(zh.digits[c]) for c in year.group(0)))
            if 1900 <= value <= 2099:
                self.found.append(_Found(i, year.end(), float(value), is_year=True))
            return year.end()
        items: list[Piece] = []
        j, last, more, arabic, broken, after_zero = i, None, None, False, False, False
        while j < n and not self.masked[j]:
            c = s[j]
            if _isdigit(c):
                if last == NUM:
                    break
                e = _digit_token_end(s, j, zh.reading, self.masked)
                parsed = _parse_token(s[j:e], zh.reading) or (float(s[j:_digits_end(s, j)]), False)
                if parsed[1] is False and e != _digits_end(s, j):
                    e = _digits_end(s, j)
                items.append((NUM, parsed[0]))
                arabic, last, j = True, NUM, e
                if j + 1 < n and s[j] == " " and (s[j + 1] in zh.units or s[j + 1] in zh.scales):
                    j += 1
            elif c in zh.digits:
                value = zh.digits[c]
                if value == 0:
                    after_zero, j = True, j + 1
                    continue
                if last == NUM:
                    broken = True  # "十四五", "三五": not one number
                # colloquial "一万二" = 12000: a last bare digit after a unit counts in the next lower place
                if (last in (SMALL, BIG) and items[-1][1] >= 100 and not after_zero
                        and not (j + 1 < n and (s[j + 1] in zh.units or s[j + 1] in zh.scales
                                                or s[j + 1] in zh.digits or s[j + 1] in zh.points))):
                    value *= items[-1][1] / 10
                items.append((NUM, float(value)))
                last, j = NUM, j + 1
                if j + 1 < n and s[j] in zh.points and s[j + 1] in zh.digits:
                    k = j + 1
                    while k < n and s[k] in zh.digits:
                        k += 1
                    fraction = "".join(str(zh.digits[ch]) for ch in s[j + 1:k])
                    items[-1] = (NUM, float(f"{int(value)}.{fraction}"))
                    j = k
            elif c in zh.units:
                if last == SMALL or _prefix_at(s, j + 1, zh.unit_breakers):  # "十分" (very), "百分点"
                    break
                items.append((SMALL, float(zh.units[c])))
                last, j = SMALL, j + 1
            elif c in zh.scales:
                if not items and not (j == i and i and s[i - 1] in zh.units_only_after):
                    break  # "万一" (just in case); "近万家" is fine
                items.append((BIG, zh.scales[c]))
                last, j = BIG, j + 1
            elif c in zh.more_than and last in (NUM, SMALL, BIG) and not (
                    c in zh.vague and last == NUM and arabic):
                more, last, j = "more_than", "more", j + 1
            else:
                break
            after_zero = after_zero and zh.digits.get(c) == 0
        end = j
        if not items:
            return max(end, i + 1)
        if infix := _prefix_at(s, end, zh.fraction_infixes):  # "三分之一": a fraction
            tail = end + len(infix)
            while tail < n and (s[tail] in zh.starts or s[tail] in zh.scales or _isdigit(s[tail])):
                tail += 1
            return tail
        kinds = [k for k, _ in items]
        has_digit = NUM in kinds
        units = sum(k in (SMALL, BIG) for k in kinds)
        follow = s[end] if end < n else ""
        before = s[i - 1] if i else ""
        if broken:
            return end
        if ordinal_from is None and not percent and not arabic:
            if kinds[0] == SMALL and (not before or before in zh.vague):
                return end  # "数十万", "几百": vague (and so is a unit at the very start)
            if has_digit and not units:
                if not (len(items) == 1 and items[0][1] >= 2 and follow in zh.followers):
                    return end  # "一", "五金", "四川"
            elif not has_digit:
                if not (more or ((units >= 2 or before in zh.units_only_after) and follow in zh.followers)):
                    return end  # "百", "千万不要"
        value = _evaluate(items)
        base, has_scale = _split_base(items)
        if arabic and not has_scale:
            base = value
        if ordinal_from is not None:
            self.found.append(_Found(ordinal_from, end, value, is_ordinal=True))
            return end
        found = _Found(i, end, value, base, has_scale, inner_qualifier=more)
        found.is_percent = percent
        found.is_year = (arabic and len(items) == 1 and not more and s[i:end].isdigit()
                         and end - i == 4 and 1900 <= value <= 2099
                         and follow not in zh.measure_words)
        return self.finish(found, end)

    # -- after a number: percent, fraction
    def finish(self, found: _Found, end: int) -> int:
        s = self.s
        if (m := self.shared.percent.match(s, end)):
            found.is_percent = True
            self.found.append(found)
            return m.end()
        frac = re.match(r"[ \u00a0-]([^\W\d_]+)", s[end:end + 20])
        if frac and frac.group(1).lower() in self.shared.fraction_words and not found.has_scale:
            return end + frac.end()  # "two-thirds", "tre quarti"
        # "one fifth", "due terze"; not "five third-party sellers"
        ordinal = re.match(r"[ \u00a0-]([^\W\d_]+)(?!-[^\W\d_])", s[end:end + 30])
        if (ordinal and not found.has_scale and not _isdigit(s[found.start])
                and self.words.ordinals.get(ordinal.group(1).lower(), 0) >= 3):
            return end + ordinal.end()
        self.found.append(found)
        return end


# ---------------------------------------------------------------- ranges and truncation


def _apply_ranges(s: str, found: list[_Found], shared: _Shared) -> None:
    """"3-5 million", "3 to 5 billion", "between 3 and 5 billion", "3-5%": the first number
    takes the scale (or the percent) of the second."""
    for first, second in zip(found, found[1:]):
        gap = _CURRENCY_BEFORE.sub("", s[first.end:second.start])  # "$3 to $5 billion"
        between = (shared.and_gap.fullmatch(gap)
                   and shared.between_before.search(s[max(0, first.start - 20):first.start]))
        is_range = bool(shared.range_gap.fullmatch(gap) or between)
        if not is_range or first.is_year or first.is_ordinal or second.is_ordinal:
            continue
        if second.has_scale and not first.has_scale and second.base and first.value <= second.base:
            first.value *= second.value / second.base
            first.has_scale = True
        if second.is_percent and not first.is_percent:
            first.is_percent = True


def _is_truncated(s: str, f: _Found) -> bool:
    rest = s[f.end:]
    if not rest.strip() or _CUT_MARK.match(rest):
        return True
    # "5." / "12," at the very end: the number was cut inside its separators
    return (not f.has_scale and not f.is_percent and _isdigit(s[f.end - 1])
            and rest.rstrip() in {".", ","})


def _clean(value: float) -> float:
    """32.45 × 10⁸ is 3245000000.0000005 in binary floating point: what the text wrote has at most
    a dozen significant digits, so round the noise of the scaling away."""
    return float(f"{value:.12g}") if value else value


def find_numbers(text: str, language: str | None) -> list[NumberMention]:
    """Every number in text with its span, value (scale applied) and flags; see module doc."""
    scanner = _Scanner(text, language)
    found = sorted(scanner.run(), key=lambda f: f.start)
    _apply_ranges(scanner.s, found, scanner.shared)
    return [
        NumberMention(
            start=f.start, end=f.end, text=text[f.start:f.end], value=_clean(f.value),
            inner_qualifier=f.inner_qualifier, is_year=f.is_year, is_ordinal=f.is_ordinal,
            truncated=_is_truncated(scanner.s, f), is_percent=f.is_percent)
        for f in found
    ]
