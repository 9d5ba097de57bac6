"""Find the publication date of a news article.

Order of evidence:
1. a date from the document's metadata (HTML meta tags, JSON fields, front matter);
2. an explicit, labelled or stand-alone date in the head or the tail of the text
   (`Published: 5 March 2022`, `Post time: Jul-23-2021`, `2021年12月14日 来源：…`);
3. a dateline (`BEIJING, Dec. 14 (Xinhua) --`, `CANTON, 14 DIC -`, `新华社广州12月14日电`), whose
   year is inferred from the years the text itself mentions — never invented;
4. an `Updated: …` marker.

A date inside the body (`founded on Dec. 28, 2017`) is an event, not a publication date, so only
the head and tail windows are searched, and unlabelled dates there must stand on their own.

Why small regex tables rather than `dateparser`: we need only a dozen shapes in six languages,
the shapes below read in one screen, run in microseconds, and cannot silently fill a missing
year from the clock (dateparser's `search_dates` takes the year of "14 DIC" from RELATIVE_BASE).
The words in them (month names, labels, cues) are every language's `time` data at once.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from functools import lru_cache

from clusterhouse.lang import Language, all_languages
from clusterhouse.lang import language as language_data
from clusterhouse.lang.schema.kinds import NEVER
from clusterhouse.text.quick_test import QuickTest, possible_items, quick_test
from clusterhouse.text.words import word_then_digit

HEAD_CHARS = 1000  # scraped pages put menus and notices before the byline
TAIL_CHARS = 400
METADATA = "metadata"
TEXT = "text"

_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"
_DAY = r"(?P<day>[0-3]?\d)"
_NEVER = NEVER.pattern
# letter edges: "marzo" is not in "marzolino"
_LETTER_BEFORE, _LETTER_AFTER = r"(?<![^\W\d_])", r"(?![^\W\d_])"
# Datelines: a city at the start of a line, then day and month without a year.
# The city starts with a capital even though the month ("DIC", "dic") is matched in any case.
_CITY = r"(?P<city>(?-i:[A-ZÀ-ÖØ-Þ])[A-Za-zÀ-ÖØ-öø-ÿ.'’ \-]{1,40}?(?:\s*\([A-Za-zÀ-ÖØ-öø-ÿ .'’-]{2,25}\))?)"
_AGENCY_PREFIX = r"(?:\s*\([^()\n]{2,30}\)\s*[-–—]+)?"
UNLABELLED_RANK = 1
DATELINE_RANK = 1.5
# Years the text mentions, with the context that makes a number a year.
_YEAR_MENTION = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d.,]\d|\d)")


def _every_language(field: str, before: str = "", after: str = "") -> str:
    """One alternation of a field's fragments in every language, each with its own letter case, and
    between the edges ``before`` and ``after`` where the script separates words; a pattern matching
    nothing where no language has any."""
    alternatives = []
    for lang in all_languages():
        fragments = getattr(lang.time, field)
        if not fragments:
            continue
        body = "|".join(f"(?:{fragment})" for fragment in fragments)
        if lang.about.word_boundaries:
            body = f"{before}(?:{body}){after}"
        alternatives.append(f"(?{'i' if lang.about.ignore_case else '-i'}:{body})")
    return "|".join(alternatives) or _NEVER


def _union(patterns: list[re.Pattern]) -> re.Pattern:
    """One pattern matching what any of the compiled phrases matches, each with its own letter case."""
    sources = [f"(?{'i' if pattern.flags & re.IGNORECASE else '-i'}:{pattern.pattern})"
               for pattern in patterns if pattern.pattern != _NEVER]
    return re.compile("|".join(sources) or _NEVER)


def _month_numbers() -> dict[str, int]:
    """Every language's month spellings; a spelling naming two months would be ambiguous here."""
    months: dict[str, int] = {}
    for lang in all_languages():
        for number, spellings in enumerate(lang.time.months, start=1):
            for spelling in spellings:
                if months.setdefault(spelling, number) != number:
                    raise ValueError(f"{spelling!r} names two months across languages ({lang.code})")
    return months


@dataclass(frozen=True)
class _DateWords:
    """The time words of every language at once: publication dates are looked for before the
    language of a page is known, and one spelling never means two things across our languages."""

    months: dict[str, int]
    full_dates: tuple[re.Pattern, ...]  # each names the groups year, month, day
    quick_full_dates: QuickTest | None  # which of them may match a text
    label_ranks: tuple[tuple[re.Pattern, int], ...]  # labels before a date: 0 published, 1 "date", 2 updated
    event_cues: re.Pattern  # make a date an event in the sentence ("founded on", "成立于"), not a stamp
    datelines: tuple[tuple[re.Pattern, re.Pattern | None], ...]  # (dateline, what any match of it holds)
    year_word_after: re.Pattern  # 2021年
    year_cue_before: re.Pattern
    target_cue_before: re.Pattern
    last_year: re.Pattern
    this_year: re.Pattern
    appositive_year: re.Pattern
    part_of_year: re.Pattern
    future_statement: re.Pattern


@lru_cache(maxsize=1)
def _date_words() -> _DateWords:
    months = _month_numbers()
    # month names are plain words, lower-cased by the loader: they match in any case
    month = f"(?i:{'|'.join(sorted(map(re.escape, months), key=len, reverse=True)) or _NEVER})"
    named_month = rf"{_LETTER_BEFORE}(?P<month>{month}){_LETTER_AFTER}\.?"
    month_then_day = word_then_digit(months, r"[\s\-]*")  # checked first: month names case-blind are slow
    words = {field: _every_language(field) for field in (
        "year_words", "month_words", "day_words", "day_suffixes", "date_connectors", "clock_suffixes",
        "published_labels", "date_labels", "updated_labels", "dateline_words", "appositive_year_words",
        "part_of_year_words", "future_words")}
    year_word, month_word, day_word = words["year_words"], words["month_words"], words["day_words"]
    suffix, connector = words["day_suffixes"], words["date_connectors"]
    full_dates = (
        # 2021-12-14, 2021/12/14, 2021.12.14 (optionally followed by a time)
        re.compile(rf"(?<![\d.]){_YEAR}[-/.](?P<month>[01]?\d)[-/.]{_DAY}(?!\d)"),
        # 2021年12月14日
        re.compile(rf"{_YEAR}\s*(?:{year_word})\s*(?P<month>[01]?\d)\s*(?:{month_word})\s*{_DAY}"
                   rf"\s*(?:{day_word})"),
        # 14.12.2021, 14/12/2021 (day first; see _date_from_match for the month-first order)
        re.compile(rf"(?<![\d.]){_DAY}(?P<sep>[./])\s?(?P<month>[01]?\d)(?P=sep)\s?{_YEAR}"),
        # 14 dicembre 2021, 14 de diciembre de 2021, 1er décembre 2021, 14. Dezember 2021, 23-Jul-2021
        re.compile(rf"(?<!\d){_DAY}(?:{suffix}|º|°|\.)?[\s\-/]*(?:(?:{connector})\s+)?{named_month}"
                   rf"[\s\-/,]*(?:(?:{connector})\s+)?{_YEAR}", re.IGNORECASE),
        # Dec. 14, 2021, July 23 2021, Jul-23-2021
        re.compile(rf"{_LETTER_BEFORE}{month_then_day}{named_month}[\s\-]*{_DAY}(?:{suffix})?(?!\d)[\s,\-]*{_YEAR}",
                   re.IGNORECASE),
    )
    # "Published: 6:00am, 14 Jun 2023": a time of day may stand between the label and the date
    label_end = rf"\s*[:：]?\s*(?:\d{{1,2}}[:.]\d{{2}}\s*(?:{words['clock_suffixes']})?,?\s*)?$"
    label_ranks = (
        (re.compile(rf"(?:{words['published_labels']}){label_end}", re.IGNORECASE), 0),
        (re.compile(rf"{_LETTER_BEFORE}(?:{words['date_labels']}){label_end}", re.IGNORECASE), 1),
        (re.compile(rf"(?:{words['updated_labels']}){label_end}", re.IGNORECASE), 2),
    )
    day_slash_month = r"(?<!\d)(?P<day>[0-3]?\d)/(?P<month>[01]?\d)(?![/\d])"
    datelines = (
        # BEIJING, Dec. 14 (Xinhua) --   /   GUANGZHOU, Dec 14 --
        (re.compile(rf"^{_AGENCY_PREFIX}\s*{_CITY},\s+{named_month}\s*{_DAY}(?!\d)\s*(?:\(|[-–—/,])",
                    re.MULTILINE | re.IGNORECASE), None),
        # CANTON, 14 DIC -   /   Peking, 14. Dezember (dpa) -   /   PEKÍN, 14 de diciembre (EFE)
        (re.compile(rf"^{_AGENCY_PREFIX}\s*{_CITY},\s+{_DAY}(?:{suffix}|\.)?\s*(?:(?:{connector})\s+)?"
                    rf"{named_month}\s*(?:\d{{1,2}}[:.]\d{{2}}\s*)?(?:\(|[-–—/,])",
                    re.MULTILINE | re.IGNORECASE), None),
        # 新华社广州12月14日电, 本报北京12月14日讯
        (re.compile(rf"(?P<month>[01]?\d)\s*(?:{month_word})\s*(?P<day>[0-3]?\d)\s*(?:{day_word})\s*"
                    rf"(?:{words['dateline_words']})"), re.compile(month_word)),
        # "Dernière mise à jour à 16h00 le 15/06": a labelled day and month, day first. Looked for
        # only in a head that holds such a day and month: its search tries every language's
        # labels, case-blind, at each position, and was two thirds of the time spent finding a
        # publication date (an eighth of reading a document)
        (re.compile(rf"(?:{words['published_labels']}|{words['updated_labels']}|{words['date_labels']})"
                    rf"[^\n\d]{{0,30}}(?:\d{{1,2}}[:h.]\d{{2}}[^\n\d]{{0,12}})?{day_slash_month}", re.IGNORECASE),
         re.compile(r"\d/\d")),  # what any day/month holds, found five times faster than it
    )
    event_cues = _every_language("date_event_cues", before=_LETTER_BEFORE, after=_LETTER_AFTER)
    year_cues = _every_language("year_cues_before", before=_LETTER_BEFORE)
    target_cues = _every_language("target_cues_before", before=_LETTER_BEFORE)
    return _DateWords(
        months=months,
        full_dates=full_dates,
        quick_full_dates=quick_test(full_dates),
        label_ranks=label_ranks,
        event_cues=re.compile(event_cues, re.IGNORECASE),
        datelines=datelines,
        year_word_after=re.compile(rf"\s?(?:{year_word})"),
        year_cue_before=re.compile(rf"(?:{year_cues}|{month}\.?|[-–/(])\s*$", re.IGNORECASE),
        target_cue_before=re.compile(rf"(?:{target_cues})\s*$", re.IGNORECASE),
        last_year=_union([lang.time.last_year for lang in all_languages()]),
        this_year=_union([lang.time.this_year for lang in all_languages()]),
        # A relative phrase names a year only when the year stands right beside it, as an apposition;
        # "this year compared with 2019" says nothing about which year "this year" is.
        appositive_year=re.compile(
            rf"[\s,，:(（]*(?:(?:{words['appositive_year_words']})\s+)?((?:19|20)\d{{2}})(?!\d)",
            re.IGNORECASE),
        # A year named with part of itself ("January to September 2023", "nei primi tre trimestri del
        # 2021", "2023年1至9月") is the current year; a whole year ("In 2022, output reached…") is
        # normally reported the year after.
        part_of_year=re.compile(rf"(?:{month}|{words['part_of_year_words']}|{month_word})", re.IGNORECASE),
        future_statement=re.compile(
            rf"(?:{words['future_words']})(?:(?!\.\s)[^。;；]){{0,100}}$", re.IGNORECASE),
    )


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(token: str) -> int | None:
    return _date_words().months.get(token.lower().rstrip("."))


def _month_first(language: Language | str | None) -> bool:
    lang = language if isinstance(language, Language) else language_data(language)
    return lang is not None and lang.time.slash_dates_month_first


def _date_from_match(match: re.Match, language: Language | str | None) -> dt.date | None:
    groups = match.groupdict()
    year, day = int(groups["year"]), int(groups["day"])
    month_token = groups["month"]
    if month_token.isdigit():
        month = int(month_token)
        if groups.get("sep") == "/" and month <= 12 and day <= 12 and _month_first(language):
            # English pages write 12/05/2021 month first; elsewhere the day comes first.
            day, month = month, day
        elif month > 12 and day <= 12:
            day, month = month, day
    else:
        month = _month_number(month_token)
    return _make_date(year, month, day) if month else None


def iter_full_dates(text: str, language: Language | str | None = None):
    """Yield (start, end, date) for every full date (with a year) in `text`, left to right."""
    found: list[tuple[int, int, dt.date]] = []
    taken: list[tuple[int, int]] = []
    words = _date_words()
    for pattern in possible_items(words.quick_full_dates, words.full_dates, text):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            parsed = _date_from_match(match, language)
            if parsed:
                found.append((start, end, parsed))
                taken.append((start, end))
    return sorted(found)


def parse_metadata_date(value: str | None) -> dt.date | None:
    """Parse a date string from metadata: ISO 8601, RFC 2822, 2021/12/14, 14.12.2021, 20211214…"""
    if not value:
        return None
    value = str(value).strip()
    if re.fullmatch(r"(?:19|20)\d{6}", value):
        return _make_date(int(value[:4]), int(value[4:6]), int(value[6:]))
    iso = re.match(r"((?:19|20)\d{2})-(\d{2})-(\d{2})", value)
    if iso:
        return _make_date(*map(int, iso.groups()))
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    dates = iter_full_dates(value)
    return dates[0][2] if dates else None


def _label_rank(prefix: str) -> int | None:
    for pattern, rank in _date_words().label_ranks:
        if pattern.search(prefix):
            return rank
    return None


# A dateline with a full date: "ZHONGSHAN, Guangdong, March 18, 2024 (Outlet) --", "ZHUJI (Zhejiang), 9 ottobre 2023 -"
_DATELINE_PREFIX = re.compile(r"^\s*(?:\([^()\n]{2,30}\)\s*[-–—]+\s*)?[A-ZÀ-Þ][\w .,'’()-]{1,50},\s*$")
# after the date: an agency in brackets, or a wire service's slug ("/PRNewswire/ --"), then a dash
_DATELINE_FOLLOWER = re.compile(r"\s*(?:\([^()\n]{1,50}\)\s*|/[^/\n]{2,30}/\s*)?(?:--|[-–—:])")


def _marker_rank(window: str, start: int, end: int | None = None) -> float | None:
    """Rank of the date starting at `start` as a publication stamp, or None if it is not one."""
    line_start = window.rfind("\n", 0, start) + 1
    dateline = window[line_start:start]
    if (end is not None and _DATELINE_PREFIX.match(dateline) and _DATELINE_FOLLOWER.match(window[end:])
            and len(dateline.split()) <= 4 and not _date_words().event_cues.search(dateline)):
        return UNLABELLED_RANK
    line_end = window.find("\n", start)
    line_end = len(window) if line_end == -1 else line_end
    prefix = window[line_start:start]
    rank = _label_rank(prefix[-40:])
    if rank is not None:
        return rank
    bare_prefix = prefix.strip(" \t|丨·•-–—,:：[](（）)")
    if not bare_prefix:
        return UNLABELLED_RANK  # the date starts its line
    # A short line such as "Roma, 14 dicembre 2021" or "Xinhua | 2021-12-14" stamps the article.
    short_line = line_end - line_start <= 60 and len(bare_prefix) <= 30
    if short_line and not _date_words().event_cues.search(bare_prefix):
        return UNLABELLED_RANK
    if re.search(r"[|丨]\s*$", prefix):
        return UNLABELLED_RANK
    return None


@lru_cache(maxsize=1)
def _numeral_date_part() -> tuple[re.Pattern, dict[str, int]]:
    """Numerals written with characters before a year, month or day word (二〇二三年三月五日)."""
    values: dict[str, int] = {}
    for lang in all_languages():
        values.update(lang.numbers.numeral_digits)
        values.update({char: value for char, value in lang.numbers.numeral_units.items() if value == 10})
    words = _every_language("year_words") + "|" + _every_language("month_words") + "|" + _every_language("day_words")
    chars = "".join(sorted(values))
    return re.compile(rf"([{re.escape(chars)}]{{1,4}})(?=\s*(?:{words}))") if chars else re.compile(_NEVER), values


def _arabic_date_numerals(text: str) -> str:
    """二〇二三年三月二十五日 -> 2023年3月25日, so the date patterns read it."""
    pattern, values = _numeral_date_part()

    def arabic(match: re.Match) -> str:
        digits = [values[char] for char in match.group(1)]
        if 10 not in digits:
            return "".join(map(str, digits))  # 二〇二三: digit by digit
        tens_at = digits.index(10)
        tens = digits[tens_at - 1] if tens_at else 1
        ones = digits[tens_at + 1] if tens_at + 1 < len(digits) else 0
        return str(tens * 10 + ones)  # 十二, 二十五

    return pattern.sub(arabic, text)


def find_marker_date(text: str, language: Language | str | None = None) -> tuple[dt.date, float] | None:
    """Best explicit date marker in the head or tail of the text, with its rank."""
    head = _arabic_date_numerals(text[:HEAD_CHARS])
    tail = _arabic_date_numerals(text[-TAIL_CHARS:]) if len(text) > HEAD_CHARS else ""
    candidates = []
    for window_order, window in enumerate((head, tail)):
        for start, end, parsed in iter_full_dates(window, language):
            rank = _marker_rank(window, start, end)
            if rank is not None:
                candidates.append((rank, window_order, start, parsed))
    if not candidates:
        return None
    rank, _order, _start, parsed = min(candidates)
    return parsed, rank


def _year_is_target(text: str, start: int) -> bool:
    return bool(_date_words().target_cue_before.search(text[max(0, start - 25) : start]))


def _linked_year(text: str, match: re.Match) -> int | None:
    """The year set right after a relative phrase: "last year, in 2020", "今年（2022年）"."""
    year = _date_words().appositive_year.match(text, match.end())
    return int(year.group(1)) if year else None


def _bare_years(text: str):
    """(year, start, end) of each bare year the text states as a year: not a count like
    "2000 workers", not a target like "by 2025"."""
    words = _date_words()
    for match in _YEAR_MENTION.finditer(text):
        start, end = match.span()
        before = text[max(0, start - 25) : start]
        is_year = words.year_word_after.match(text, end) or words.year_cue_before.search(before)
        if is_year and not _year_is_target(text, start):
            yield int(match.group(1)), start, end


def mentioned_years(text: str) -> list[int]:
    """Years the text states as years, in full dates or alone."""
    years = [found.year for start, _end, found in iter_full_dates(text) if not _year_is_target(text, start)]
    return years + [year for year, _start, _end in _bare_years(text)]


def _names_part_of_year(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 30): start]
    # not across a dateline or a sentence end ("PEKÍN, 3 mar (EFE).- En 2022 …")
    before = re.split(r"[.;!?)]\s|\s[-–—]+\s|\n", before)[-1]
    return bool(_date_words().part_of_year.search(before + " " + text[end: end + 12]))


def infer_year(text: str, month: int | None = None) -> int | None:
    """The year of an article whose dateline gives day and month only, from what the text itself
    says of the present; None when it says nothing, never a guess (a wrong year shifts every
    relative year of the article).

    "this year (2021)" settles it, and "last year, in 2020" means 2021; otherwise the latest full
    date the text states (a caption's "9 June 2021" beside a "15/06" stamp), or a part of a year
    named beside "this year" ("the first three quarters of 2021…, from January to July this
    year"). A year named alone or with part of itself ("in the first half of 2022") may be last
    year's news: it decides nothing.
    Targets ("by 2025") and forecasts are never the present.
    """
    words = _date_words()
    this_year = [y for m in words.this_year.finditer(text) if (y := _linked_year(text, m))]
    if this_year:
        return max(this_year)
    last_year = [y + 1 for m in words.last_year.finditer(text) if (y := _linked_year(text, m))]
    if last_year:
        return max(last_year)
    stated = [found.year for start, _end, found in iter_full_dates(text)
              if not _year_is_target(text, start) and not _is_future_statement(text, start)]
    stated += _years_of_this_year(text)
    return max(stated) if stated else None


def _years_of_this_year(text: str) -> list[int]:
    """A part of a year named in a sentence that also says "this year" ("in the first three
    quarters of 2021…, while from January to July this year…"): that year is the present."""
    words, years = _date_words(), []
    for sentence in re.split(r"(?<=[.!?。！？])\s+|\n", text):
        if words.this_year.search(sentence):
            years += [year for year, start, end in _bare_years(sentence)
                      if _names_part_of_year(sentence, start, end) and not _is_future_statement(sentence, start)]
    return years


def _is_future_statement(text: str, start: int) -> bool:
    """"…prévoit que la valeur de la production atteindra 40 milliards en 2025": a forecast."""
    return bool(_date_words().future_statement.search(text[max(0, start - 120): start]))


def find_dateline_date(text: str) -> dt.date | None:
    """Date of a dateline in the head of the text, with the year inferred from the text."""
    head = text[:HEAD_CHARS]
    for pattern, held in _date_words().datelines:
        match = pattern.search(head) if held is None or held.search(head) else None
        if not match:
            continue
        month_token = match.group("month")
        month = int(month_token) if month_token.isdigit() else _month_number(month_token)
        year = infer_year(text, month)
        if month and year:
            return _make_date(year, month, int(match.group("day")))
        return None
    return None


def find_published_date(
    text: str, language: Language | str | None, metadata_date: str | None = None
) -> tuple[dt.date | None, str | None]:
    """Publication date and where it came from ('metadata' or 'text'), or (None, None)."""
    from_metadata = parse_metadata_date(metadata_date)
    if from_metadata:
        return from_metadata, METADATA
    text = text or ""
    marker = find_marker_date(text, language)
    if marker and marker[1] < DATELINE_RANK:
        return marker[0], TEXT
    dateline = find_dateline_date(text)
    if dateline:
        return dateline, TEXT
    if marker:
        return marker[0], TEXT
    fallback = _date_on_first_lines(text, language)
    if fallback:
        return fallback, TEXT
    return None, None


# the first lines of an article, where outlets stamp it; short lines only (a sentence with a date
# in it tells of an event)
FIRST_LINES, STAMP_LINE_CHARS = 6, 100
_TWO_DIGITS = re.compile(r"\d\D*\d")


def _date_on_first_lines(text: str, language: Language | str | None) -> dt.date | None:
    """A full date on one of the first short lines, where outlets stamp it: our own full-date
    shapes first ("Outlet — 2024-10-21"), else dateparser in strict mode, which catches the shapes
    our patterns miss ("(Il Giornale)martedì 4 marzo 2025"). Strict: day, month and year all
    written; no relative or partial date, nothing taken from the clock."""
    lines = [line.strip() for line in text[:HEAD_CHARS].splitlines() if line.strip()][:FIRST_LINES]
    for line in lines:
        if len(line) > STAMP_LINE_CHARS or line.endswith((".", "。", "!", "?", "！", "？")):
            continue  # a sentence tells of an event; a stamp is a short line of its own
        if not _TWO_DIGITS.search(line):
            continue  # day and year are written in digits: no full date here
        ours = [(line[start:end], date) for start, end, date in iter_full_dates(line, language)]
        for matched, moment in ours or _library_dates(line, language):  # the library: ~5 ms a line
            before = line[max(0, line.find(matched) - 15): line.find(matched)]
            if 1900 <= moment.year <= 2100 and not _date_words().event_cues.search(before):
                return moment
    return None


def _library_dates(line: str, language: Language | str | None) -> list[tuple[str, dt.date]]:
    """Full dates dateparser finds on one line, in strict mode."""
    from dateparser.search import search_dates  # 0.3 s to import: only when our patterns found nothing

    lang = language if isinstance(language, Language) else None
    code = lang.code if lang else (language if isinstance(language, str) else None)
    settings = {"PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
                "DATE_ORDER": "MDY" if _month_first(language) else "DMY"}
    try:
        found = search_dates(line, languages=[code] if code else None, settings=settings) or []
    except Exception:  # noqa: BLE001 - a library failure on odd text means no date, not a failed file
        found = []
    return [(matched, moment.date()) for matched, moment in found]
