"""time.yaml: month names, relative years, periods of the year, and the other ways a language
says when a figure applies or when an article was published."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from clusterhouse.lang.schema.kinds import (
    SchemaError,
    fragment_table,
    fragments,
    phrases,
    raw,
    value,
    word_values,
)

COUNT = "{count}"  # where the number stands in a phrase such as "the first {count} months"


def _months(value: Any, where: str) -> tuple[tuple[str, ...], ...]:
    """Twelve lists of spellings, January first; the full name first, then abbreviations."""
    if value is None:
        return ()
    if not (isinstance(value, list) and len(value) == 12 and all(
            isinstance(month, list) and month and all(isinstance(name, str) and name for name in month)
            for month in value)):
        raise SchemaError(f"{where}: expected twelve lists of month names (January first), or null")
    spellings = [name.lower() for month in value for name in month]
    duplicates = sorted({name for name in spellings if spellings.count(name) > 1})
    if duplicates:
        raise SchemaError(f"{where}: a spelling names two months or appears twice: {duplicates}")
    return tuple(tuple(name.lower() for name in month) for month in value)


def _counted(value: Any, where: str) -> tuple[str, ...]:
    """Regex fragments that each hold the placeholder {count} once."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise SchemaError(f"{where}: expected a list of regex fragments")
    for item in value:
        if item.count(COUNT) != 1:
            raise SchemaError(f"{where}: {item!r} must hold {COUNT} once, where the number stands")
        try:
            re.compile(item.replace(COUNT, "N"))
        except re.error as error:
            raise SchemaError(f"{where}: pattern {item!r} does not compile: {error}") from error
    return tuple(value)


@dataclass(frozen=True)
class TimeWords:
    # --- the calendar -------------------------------------------------------------------------
    months: tuple[tuple[str, ...], ...] = raw(
        "Month names, January first: the full name first, then abbreviations (null where months are "
        "written with numbers, as in Chinese 3月)", _months)
    year_words: tuple[str, ...] = fragments(
        "Written right after the digits of a year as part of it (Chinese 年 in 2022年); where there are "
        "some, a year in a sentence carries one")
    month_words: tuple[str, ...] = fragments(
        "Written right after the number of a month (Chinese 月 in 3月); a language without month names "
        "writes its month ranges with them (1至3月)")
    day_words: tuple[str, ...] = fragments(
        "Written right after the number of a day in a full date (Chinese 日, 号 in 2021年12月14日)")
    day_suffixes: tuple[str, ...] = fragments(
        "Glued to the number of a day: 'er' in 1er juin, 'th' in July 4th")
    date_connectors: tuple[str, ...] = fragments(
        "Between the day, the month and the year of a date: 'de' in 14 de diciembre de 2021")
    slash_dates_month_first: bool = value(
        "Pages in this language write the month first between slashes: 12/05/2021 is December 5", bool)
    clock_suffixes: tuple[str, ...] = fragments(
        "After a time of day between a date label and its date: 'am' in 'Published: 6:00am, 14 Jun 2023'")
    # --- years named from the publication date or from a year named before ----------------------
    last_year: re.Pattern = phrases("The year before the publication year: 'last year', 去年, l'anno scorso")
    this_year: re.Pattern = phrases("The publication year: 'this year', 今年, quest'anno")
    year_before_last: re.Pattern = phrases(
        "Two years before the publication year: 'the year before last', 前年")
    same_year: re.Pattern = phrases("The year named before in the text: 'that same year', 同年")
    previous_year: re.Pattern = phrases(
        "The year before the year named before in the text: 'from 3.1 billion the previous year'")
    now_words: re.Pattern = phrases("Now: a current figure is the publication year's ('currently', 目前)")
    # --- a year in a sentence -----------------------------------------------------------------
    year_prefixes: tuple[str, ...] = fragments(
        "Before a year (and a space), part of the expression: 'in', 'by the end of', 'im Jahr'")
    year_prefix_articles: tuple[str, ...] = fragments(
        "Between a year prefix and the year: 'the year' in 'in the year 2021', 'el' in 'en el 2021'")
    as_of_words: tuple[str, ...] = fragments(
        "Before a year, make it a point in time, not a whole year: 'by the end of', 'a fine', 截至")
    year_end_words: tuple[str, ...] = fragments(
        "Right after a year (and its year word), make it the year's end, a point in time: 底 in 2022年底")
    not_a_year_after: tuple[str, ...] = fragments(
        "Right after four digits, make them no single year: a decade (1990s, 1990er, 1990年代), a possessive")
    event_before_year: tuple[str, ...] = fragments(
        "Up to 25 characters before a year, make it an event's year, not a figure's: 'founded', 成立")
    since_words: tuple[str, ...] = fragments(
        "Right before a year, make it a start, not the figure's year: 'since', 自")
    # --- parts of the year --------------------------------------------------------------------
    periods: dict[str, tuple[str, ...]] = fragment_table(
        "Phrases naming a part of the year, by period (Q1-Q3, H1, H2, Q1…Q4), tried in the file's order")
    first_months: tuple[str, ...] = raw(
        "'the first N months', with {count} where the number stands (a word of month_counts, a numeral "
        "of numbers.yaml or digits)", _counted)
    month_counts: dict[str, int] = word_values(
        "Number words of 'the first N months', with their numbers", int)
    month_range_starts: tuple[str, ...] = fragments(
        "Before a range of month names: 'from' in 'from January to July'")
    month_range_joiners: tuple[str, ...] = fragments(
        "Between the two months of a range: 'to', 'and', 至 (a dash or a tilde always joins)")
    annual_words: re.Pattern = phrases("The whole year: 'annual', 'a year', 全年: the figure is a full year's")
    # --- publication dates: read in every language at once (a page's language is not yet known) --
    published_labels: tuple[str, ...] = fragments(
        "Before a publication date: 'Published:', 'Pubblicato il', 发布时间")
    date_labels: tuple[str, ...] = fragments(
        "Before a date, standing alone (no letter glued before): 'Date:', 'Datum', 日期")
    updated_labels: tuple[str, ...] = fragments(
        "Before an update date, weaker evidence than a publication date: 'Updated:', 'Stand', 更新时间")
    date_event_cues: tuple[str, ...] = fragments(
        "Before a date in its line, make it an event of a sentence, not a stamp: 'on', 'founded', 成立")
    dateline_words: tuple[str, ...] = fragments(
        "After the month and day of a dateline written with numbers: 电 in 新华社广州12月14日电")
    year_cues_before: tuple[str, ...] = fragments(
        "Right before a number, make it a year: 'in', 'fiscal', 'anno'")
    target_cues_before: tuple[str, ...] = fragments(
        "Right before a year, make it a target, not a reported year: 'by the end of', 'entro', 力争")
    future_words: tuple[str, ...] = fragments(
        "Up to 100 characters before a year in its sentence, make it a forecast: 'will', 'prévoit', 预计")
    part_of_year_words: tuple[str, ...] = fragments(
        "Near a year, the text speaks of part of it, so of the current year: 'quarter', 'mesi', 季度 "
        "(month names and month words count too)")
    appositive_year_words: tuple[str, ...] = fragments(
        "Between a relative year and the year it names: 'in' in 'last year, in 2020'")
    whole_year_words: re.Pattern = phrases(
        "The whole year named without its year (全年, 'the full year'): in an article of January or February, "
        "the year just ended")
