"""numbers.yaml: number words, scale words, ordinals and numerals of a language, and the words
around numbers that the number scanner needs (percent, currency, ranges, dates).

Fields marked "(every language)" are read from all languages at once: a Chinese numeral, a
percent word or a month name is recognised in a document of any language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from clusterhouse.lang.schema.kinds import (
    SchemaError,
    fragments,
    pattern,
    patterns,
    raw,
    value,
    word_values,
    words,
)


def _thousands_mark(item: Any, where: str) -> str:
    if item not in (".", ","):
        raise SchemaError(f"{where}: expected '.' or ',', found {item!r}")
    return item


def _whole_numbers(item: Any, where: str) -> frozenset[int]:
    if item is None:
        return frozenset()
    if not isinstance(item, list) or not all(isinstance(number, int) and not isinstance(number, bool)
                                             for number in item):
        raise SchemaError(f"{where}: expected a list of whole numbers")
    return frozenset(item)


@dataclass(frozen=True)
class NumberWords:
    # -- digits
    thousands_mark: str = raw(
        "The mark that groups thousands, ',' (1,250) or '.' (1.250); the other one is the decimal mark",
        _thousands_mark)
    space_groups_thousands: bool = value(
        "A plain space groups thousands (3 500); no-break and thin spaces group in every language", bool)
    ordinal_suffixes: tuple[str, ...] = fragments(
        "What follows digits to make an ordinal (1st, 1er, 1º); empty: the suffixes of the language that "
        "reads unknown languages, and the ordinal indicators º ª")

    # -- number words (a language with no cardinals reads Latin-script words as an unknown language)
    reads_unknown_languages: bool = value(
        "The number words of this language are read in documents of a language without a folder, and in "
        "Latin-script words of a language without number words of its own (true for one language)", bool)
    cardinals: dict[str, int] = word_values(
        "Number words of value 2 or more, and their value (two, twenty, doscientos); 'one' is in one_words",
        int)
    one_words: frozenset[str] = words(
        "Words for one and the indefinite article (one, a, un, eine): a number only before a scale word "
        "(a million)")
    half_words: frozenset[str] = words("Words for a half (half, mezzo): a number only with a scale word")
    unit_words: dict[str, int] = word_values(
        "Words that multiply the number before them within a group of thousands (hundred 100, dozen 12)", int)
    scale_words: dict[str, int] = word_values(
        "Words that multiply everything before them (thousand, million); plural forms alone are vague "
        "(millions of)", int)
    scale_abbreviations: dict[str, int] = word_values(
        "Abbreviated scale words (k, bn, mln, Mrd), read right after digits only", int)
    money_only_abbreviations: frozenset[str] = words(
        "Scale abbreviations that are also unit symbols (m metres, mm): a scale only next to money ($5m), "
        "(every language)")
    scales_read_alone: frozenset[str] = words(
        "Unit and scale words that are a number by themselves (mille aziende, cent entreprises)")
    read_only_in_longer: frozenset[str] = words(
        "Number words that are also ordinary words (Italian sei 'you are', French neuf 'new'): read only as "
        "part of a longer number")
    compound_pieces: dict[str, int] = word_values(
        "Pieces of numbers written as one word, besides the cardinals (duecentocinquantamila, "
        "fünfundzwanzig): a piece of 100 multiplies the number before it, one of 1000 or more everything "
        "before it, 0 joins; empty where numbers are not written as one word", int)
    tens_before_teens: frozenset[int] = raw(
        "Tens to which a following number below 20 is added (French soixante-dix 70, quatre-vingt-dix 90)",
        _whole_numbers)
    and_words: frozenset[str] = words("The word 'and' (between 3 and 5; one hundred and five)")
    and_joins_number_words: bool = value(
        "'and' joins number words (one hundred and five, vingt et un); false where numbers are one word",
        bool)
    and_a_half: tuple[str, ...] = fragments(
        "'and a half' after a scale word (un milione e mezzo = 1.5 million) (every language)")

    # -- ordinals
    ordinals: dict[str, int] = word_values(
        "Ordinal words and their value (first 1, prima 1, erste 1); Chinese: the numerals read as ordinals "
        "after an ordinal prefix (第三)", int)
    ordinal_articles: frozenset[str] = words(
        "Articles that confirm an ordinal word that needs one (il secondo, le second); one ending in an "
        "apostrophe is glued to the ordinal (l'ottavo)")
    all_ordinals_need_article: bool = value(
        "Every ordinal word is also an ordinary word (Italian secondo 'according to', prima 'before'): "
        "read only after an ordinal article", bool)
    ordinals_needing_article: frozenset[str] = words(
        "Ordinal words read only after an ordinal article (French second, 'a second')")
    ordinals_also_time_units: frozenset[str] = words(
        "Ordinal words that are also a unit of time (second, segundo): not ordinals after a per word")
    per_words: frozenset[str] = words("Words for 'per' before a unit of time (per, every, cada)")
    ordinal_after_indefinite: frozenset[str] = words(
        "Indefinite articles after which an ordinal stays an ordinal (a third plant) unless a fraction-of "
        "word follows (a third of); after any other number word an ordinal is a fraction (one-third)")
    fraction_of_words: frozenset[str] = words("The word 'of' after a fraction (a third of)")
    fraction_words: frozenset[str] = words(
        "Words after a number that make it a fraction, not a count (two-thirds, tre quarti) (every language)")

    # -- around numbers (every language)
    percent_words: tuple[str, ...] = fragments(
        "Words after a number that make it a percentage or percentage points (per cent, Prozent, 个百分点) "
        "(every language)")
    currency_words: frozenset[str] = words(
        "Currency names after a number that make it money (dollars, euro, 元), matched in this letter case; "
        "symbols and ISO codes are the engine's (every language)", lower=False)
    number_signs: frozenset[str] = words(
        "Abbreviations of 'number' before a rank (No. 1, Nr. 1, n° 1): before a full stop only in this "
        "letter case, before ° or º in any (every language)", lower=False)
    range_words: frozenset[str] = words(
        "Words between the two numbers of a range (3 to 5, da 3 a 5, 3 bis 5), besides dashes (every "
        "language)")
    between_words: frozenset[str] = words(
        "Words for 'between' before a range with 'and' (between 3 and 5 billion) (every language)")

    # -- dates and times (every language); month names are time.months
    day_suffixes: tuple[str, ...] = fragments(
        "What may follow a day number next to a month name (1st, 1er, 1º, German 14.)")
    day_month_joiners: frozenset[str] = words("A word between a day and its month (28th of December)")
    months_needing_capital: frozenset[str] = words(
        "Month names that are also common words (May): a month only with a capital, before a day",
        lower=False)
    clock_words: frozenset[str] = words("Words after a time of day (10 Uhr, 9 a.m.)")
    hour_marks: frozenset[str] = words("Letters between hours and minutes besides ':' (10h30)", lower=False)
    date_patterns: tuple[re.Pattern, ...] = patterns(
        "Dates written with numbers and date words (12月14日, 1-9月, 三季度): group 1 is a day, month or "
        "quarter, not a figure")

    # -- numerals written with characters (Chinese); every language reads them
    numeral_digits: dict[str, int] = word_values(
        "Numeral characters for 0-9 in scripts that write numbers with them (Chinese 一, 二, 两, 壹…); "
        "empty for alphabetic languages", int, lower=False)
    numeral_units: dict[str, int] = word_values(
        "Numeral characters that multiply the digit before them within a group (十 10, 百 100, 千 1000)",
        int, lower=False)
    numeral_scales: dict[str, float] = word_values(
        "Numeral characters that multiply everything before them (万 10^4, 亿 10^8)", (int, float), lower=False)
    numeral_decimal_points: frozenset[str] = words("The decimal point between numerals (三点五)", lower=False)
    numeral_more_than: frozenset[str] = words(
        "Characters inside or right after a number meaning 'more than' (4万多, 20余万, 十几万)", lower=False)
    numeral_vague: frozenset[str] = words(
        "Characters before a unit that make the number vague, not read (数十万, 几百); right after digits "
        "they are not 'more than'", lower=False)
    numeral_year: re.Pattern = pattern("A year written numeral by numeral (二〇二一年): the match is the year")
    measure_words: frozenset[str] = words(
        "Measure words and nouns after a number that make it a count, not a year (2000家), and after which "
        "a number of numerals only is read (三家)", lower=False)
    units_only_after: frozenset[str] = words(
        "Characters after which a number of units only is read (近万家, 上百万)", lower=False)
    numeral_unit_breakers: frozenset[str] = words(
        "Characters that, right after a unit, show it is no number (十分 'very', 百分点)", lower=False)
    fraction_infixes: frozenset[str] = words(
        "Words between the two numbers of a fraction (三分之一): the fraction is skipped", lower=False)
    percent_prefixes: frozenset[str] = words("Words before a number that make it a percentage (百分之十二)",
                                             lower=False)
    ordinal_prefixes: frozenset[str] = words("Words before a number that make it an ordinal (第一)", lower=False)
