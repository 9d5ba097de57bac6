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
the tables below read in one screen, run in microseconds, and cannot silently fill a missing
year from the clock (dateparser's `search_dates` takes the year of "14 DIC" from RELATIVE_BASE).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

HEAD_CHARS = 400
TAIL_CHARS = 400
METADATA = "metadata"
TEXT = "text"

# Month names and abbreviations in en, it, es, fr, de, pt. No spelling maps to two different
# months across these languages, so one merged table serves every language.
_MONTH_NAMES = {
    1: "january jan gennaio gen enero ene janvier janv januar jänner jaenner janeiro",
    2: "february feb febbraio febrero février fevrier févr fevr fév fev februar fevereiro",
    3: "march mar marzo mars märz maerz mär mrz março marco",
    4: "april apr aprile abril abr avril avr",
    5: "may maggio mag mayo mai maio",
    6: "june jun giugno giu junio juin juni junho",
    7: "july jul luglio lug julio juillet juil juli julho",
    8: "august aug agosto ago août aout",
    9: "september sept sep settembre set septiembre setiembre septembre setembro",
    10: "october oct ottobre ott octubre octobre oktober okt outubro",
    11: "november nov novembre noviembre novembro",
    12: "december dec dicembre dic diciembre décembre decembre déc dezember dez dezembro",
}
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}
_MONTH = "(?:" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + ")"
# Letters on either side would make the month part of another word ("marzo" in "marzolino").
_M = rf"(?<![^\W\d_])(?P<month>{_MONTH})(?![^\W\d_])\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"
_DAY = r"(?P<day>[0-3]?\d)"

# Full dates (with a year). Each pattern names the groups year, month, day.
_FULL_DATE_PATTERNS = [
    # 2021-12-14, 2021/12/14, 2021.12.14 (optionally followed by a time)
    re.compile(rf"(?<![\d.]){_YEAR}[-/.](?P<month>[01]?\d)[-/.]{_DAY}(?!\d)"),
    # 2021年12月14日
    re.compile(rf"{_YEAR}\s*年\s*(?P<month>[01]?\d)\s*月\s*{_DAY}\s*[日号號]"),
    # 14.12.2021, 14/12/2021 (day first; see _numeric_day_month for the US order)
    re.compile(rf"(?<![\d.]){_DAY}(?P<sep>[./])(?P<month>[01]?\d)(?P=sep){_YEAR}"),
    # 14 dicembre 2021, 14 de diciembre de 2021, 1er décembre 2021, 14. Dezember 2021, 23-Jul-2021
    re.compile(
        rf"(?<!\d){_DAY}(?:er|º|°|\.)?[\s\-/]*(?:de\s+)?{_M}[\s\-/,]*(?:de\s+|del\s+)?{_YEAR}",
        re.IGNORECASE,
    ),
    # Dec. 14, 2021, July 23 2021, Jul-23-2021
    re.compile(rf"{_M}[\s\-]*{_DAY}(?:st|nd|rd|th)?(?!\d)[\s,\-]*{_YEAR}", re.IGNORECASE),
]

# Labels in front of a date, by rank: 0 published, 1 plain "date", 2 updated.
_PUBLISHED_LABELS = (
    r"published(?:\s+on)?|publication\s+date|date\s+published|posted(?:\s+on)?|post\s+time|"
    r"posting\s+date|release\s+time|released(?:\s+on)?|issued(?:\s+on)?|"
    r"pubblicato(?:\s+il)?|data\s+di\s+pubblicazione|publicado(?:\s+el)?|fecha\s+de\s+publicaci[oó]n|"
    r"publi[ée]+(?:\s+le)?|date\s+de\s+publication|ver[öo]ffentlicht(?:\s+am)?|erschienen(?:\s+am)?|"
    r"发布时间|发布日期|发表时间|发表日期|发布于|發佈時間|發布時間|發表時間|刊发时间|出版日期"
)
_DATE_LABELS = r"date|dated|time|data|fecha|datum|日期|时间|時間"
_UPDATED_LABELS = (
    r"(?:last\s+)?updated(?:\s+on)?|modified|aggiornato(?:\s+il)?|aggiornamento|actualizado(?:\s+el)?|"
    r"actualizaci[oó]n|mis\s+[àa]\s+jour(?:\s+le)?|mise\s+[àa]\s+jour|aktualisiert(?:\s+am)?|stand|"
    r"更新时间|更新于|更新時間"
)
# "Published: 6:00am, 14 Jun 2023": a time of day may stand between the label and the date
_LABEL_SUFFIX = r"\s*[:：]?\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?,?\s*)?$"
_LABEL_RANKS = [
    (re.compile(rf"(?:{_PUBLISHED_LABELS}){_LABEL_SUFFIX}", re.IGNORECASE), 0),
    (re.compile(rf"(?<![^\W\d_])(?:{_DATE_LABELS}){_LABEL_SUFFIX}", re.IGNORECASE), 1),
    (re.compile(rf"(?:{_UPDATED_LABELS}){_LABEL_SUFFIX}", re.IGNORECASE), 2),
]
UNLABELLED_RANK = 1
DATELINE_RANK = 1.5

# Words that make a date an event in the sentence ("founded on", "成立于"), not a stamp.
_EVENT_CUES = re.compile(
    r"(?<![^\W\d_])(?:on|in|since|from|until|by|at|founded|established|nel|dal|il|al|del|el|en|desde|"
    r"le|depuis|am|seit|im|bis)(?![^\W\d_])|成立|自|于|於|从|到|至",
    re.IGNORECASE,
)

# Datelines: a city at the start of a line, then day and month without a year.
# The city starts with a capital even though the month ("DIC", "dic") is matched in any case.
_CITY = r"(?P<city>(?-i:[A-ZÀ-ÖØ-Þ])[A-Za-zÀ-ÖØ-öø-ÿ.'’ \-]{1,40}?(?:\s*\([A-Za-zÀ-ÖØ-öø-ÿ .'’-]{2,25}\))?)"
_AGENCY_PREFIX = r"(?:\s*\([^()\n]{2,30}\)\s*[-–—]+)?"
_DATELINE_PATTERNS = [
    # BEIJING, Dec. 14 (Xinhua) --   /   GUANGZHOU, Dec 14 --
    re.compile(
        rf"^{_AGENCY_PREFIX}\s*{_CITY},\s+{_M}\s*{_DAY}(?!\d)\s*(?:\(|[-–—/,])", re.MULTILINE | re.IGNORECASE
    ),
    # CANTON, 14 DIC -   /   Peking, 14. Dezember (dpa) -   /   PEKÍN, 14 de diciembre (EFE)
    re.compile(
        rf"^{_AGENCY_PREFIX}\s*{_CITY},\s+{_DAY}(?:er|\.)?\s*(?:de\s+)?{_M}\s*(?:\d{{1,2}}[:.]\d{{2}}\s*)?(?:\(|[-–—/,])",
        re.MULTILINE | re.IGNORECASE,
    ),
    # 新华社广州12月14日电, 本报北京12月14日讯
    re.compile(r"(?P<month>[01]?\d)\s*月\s*(?P<day>[0-3]?\d)\s*日\s*(?:电|電|讯|訊)"),
]

# Years the text mentions, with the context that makes a number a year.
_YEAR_MENTION = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d.,]\d|\d)")
_YEAR_CUE_BEFORE = re.compile(
    rf"(?:(?<![^\W\d_])(?:in|of|since|by|until|till|to|from|during|for|year|fiscal|early|late|mid|end|"
    rf"nel|del|dal|al|entro|anno|il|en|de|desde|hasta|año|el|dans|depuis|année|jusqu['’]en|d['’]ici|"
    rf"im|seit|bis|von|jahr|jahres|ende|anfang)|{_MONTH}\.?|[-–/(])\s*$",
    re.IGNORECASE,
)
_TARGET_CUE_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])(?:by|until|till|entro|fino\s+al|hasta|d['’]ici|bis|bis\s+zum|target|goal|plan)"
    r"(?:\s+the\s+end\s+of|\s+il|\s+el)?|到|至|力争|预计|计划|目标)\s*$",
    re.IGNORECASE,
)
_LAST_YEAR = re.compile(
    r"last\s+year|l['’]anno\s+scorso|lo\s+scorso\s+anno|l['’]anno\s+passato|el\s+año\s+pasado|"
    r"el\s+pasado\s+año|l['’]année\s+dernière|l['’]an\s+dernier|l['’]année\s+passée|letztes\s+jahr|"
    r"letzten\s+jahr|vergangenen?\s+jahr|im\s+vorjahr|去年",
    re.IGNORECASE,
)
_THIS_YEAR = re.compile(
    r"this\s+year|quest['’]anno|questo\s+anno|l['’]anno\s+in\s+corso|este\s+año|cette\s+année|"
    r"dieses\s+jahr|diesem\s+jahr|diesen\s+jahres|今年",
    re.IGNORECASE,
)
# A relative phrase names a year only when the year stands right beside it, as an apposition;
# "this year compared with 2019" says nothing about which year "this year" is.
_APPOSITIVE_YEAR = re.compile(
    r"[\s,，:(（]*(?:(?:in|nel|il|el|en|im|del|de|dans|the\s+year|year)\s+)?((?:19|20)\d{2})(?!\d)",
    re.IGNORECASE,
)


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(token: str) -> int | None:
    return MONTHS.get(token.lower().rstrip("."))


def _date_from_match(match: re.Match, language: str | None) -> dt.date | None:
    groups = match.groupdict()
    year, day = int(groups["year"]), int(groups["day"])
    month_token = groups["month"]
    if month_token.isdigit():
        month = int(month_token)
        if groups.get("sep") == "/" and language == "en" and month <= 12 and day <= 12:
            # English pages write 12/05/2021 month first; elsewhere the day comes first.
            day, month = month, day
        elif month > 12 and day <= 12:
            day, month = month, day
    else:
        month = _month_number(month_token)
    return _make_date(year, month, day) if month else None


def iter_full_dates(text: str, language: str | None = None):
    """Yield (start, end, date) for every full date (with a year) in `text`, left to right."""
    found: list[tuple[int, int, dt.date]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _FULL_DATE_PATTERNS:
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
    for pattern, rank in _LABEL_RANKS:
        if pattern.search(prefix):
            return rank
    return None


# A dateline with a full date: "ZHONGSHAN, Guangdong, March 18, 2024 (Outlet) --", "ZHUJI (Zhejiang), 9 ottobre 2023 -"
_DATELINE_PREFIX = re.compile(r"^\s*(?:\([^()\n]{2,30}\)\s*[-–—]+\s*)?[A-ZÀ-Þ][\w .,'’()-]{1,50},\s*$")
_DATELINE_FOLLOWER = re.compile(r"\s*(?:\([^()\n]{1,50}\)\s*)?(?:--|[-–—:])")


def _marker_rank(window: str, start: int, end: int | None = None) -> float | None:
    """Rank of the date starting at `start` as a publication stamp, or None if it is not one."""
    line_start = window.rfind("\n", 0, start) + 1
    dateline = window[line_start:start]
    if (end is not None and _DATELINE_PREFIX.match(dateline) and _DATELINE_FOLLOWER.match(window[end:])
            and len(dateline.split()) <= 4 and not _EVENT_CUES.search(dateline)):
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
    if short_line and not _EVENT_CUES.search(bare_prefix):
        return UNLABELLED_RANK
    if re.search(r"[|丨]\s*$", prefix):
        return UNLABELLED_RANK
    return None


def find_marker_date(text: str, language: str | None = None) -> tuple[dt.date, float] | None:
    """Best explicit date marker in the head or tail of the text, with its rank."""
    head = text[:HEAD_CHARS]
    tail = text[-TAIL_CHARS:] if len(text) > HEAD_CHARS else ""
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
    return bool(_TARGET_CUE_BEFORE.search(text[max(0, start - 25) : start]))


def _linked_year(text: str, match: re.Match) -> int | None:
    """The year set right after a relative phrase: "last year, in 2020", "今年（2022年）"."""
    year = _APPOSITIVE_YEAR.match(text, match.end())
    return int(year.group(1)) if year else None


def _bare_years(text: str):
    """(year, start, end) of each bare year the text states as a year: not a count like
    "2000 workers", not a target like "by 2025"."""
    for match in _YEAR_MENTION.finditer(text):
        start, end = match.span()
        before = text[max(0, start - 25) : start]
        is_year = text[end : end + 2].lstrip().startswith("年") or _YEAR_CUE_BEFORE.search(before)
        if is_year and not _year_is_target(text, start):
            yield int(match.group(1)), start, end


def mentioned_years(text: str) -> list[int]:
    """Years the text states as years, in full dates or alone."""
    years = [found.year for start, _end, found in iter_full_dates(text) if not _year_is_target(text, start)]
    return years + [year for year, _start, _end in _bare_years(text)]


# A year named with part of itself ("January to September 2023", "nei primi tre trimestri del
# 2021", "2023年1至9月") is the current year; a whole year ("In 2022, output reached…") is
# normally reported the year after.
_PART_OF_YEAR = re.compile(
    rf"(?:{_MONTH}|quarter|trimestr\w*|semestr\w*|half|halbjahr\w*|quartal\w*|months|mesi|meses|mois|monat\w*|"
    r"季度|半年|月)",
    re.IGNORECASE,
)


def _names_part_of_year(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 30): start]
    # not across a dateline or a sentence end ("PEKÍN, 3 mar (EFE).- En 2022 …")
    before = re.split(r"[.;!?)]\s|\s[-–—]+\s|\n", before)[-1]
    return bool(_PART_OF_YEAR.search(before + " " + text[end: end + 12]))


def infer_year(text: str, month: int | None = None) -> int | None:
    """The year an undated article was written in, from the years it mentions; None if unknown.

    "this year (2021)" settles it; "last year, in 2020" means 2021; a full date or a part of a
    year ("January to September 2023") names the current year; a whole year the text reports
    figures for ("In 2022, output reached…") was most likely reported the next year. Targets
    such as "by 2025" are excluded. A dateline in November or December may report on its own
    year, so there a whole year counts as the current one. Nothing is guessed from the clock.
    """
    this_year = [y for m in _THIS_YEAR.finditer(text) if (y := _linked_year(text, m))]
    if this_year:
        return max(this_year)
    current = [found.year for start, _end, found in iter_full_dates(text) if not _year_is_target(text, start)]
    reported = []
    for year, start, end in _bare_years(text):
        if not _is_future_statement(text, start):
            (current if _names_part_of_year(text, start, end) else reported).append(year)
    # "this year" without a year beside it: the whole years the text names are past years
    speaks_of_this_year = bool(_THIS_YEAR.search(text))
    next_year = 0 if month is not None and month >= 11 and not speaks_of_this_year else 1
    candidates = set(current) | {year + next_year for year in reported}
    candidates |= {y + 1 for m in _LAST_YEAR.finditer(text) if (y := _linked_year(text, m))}
    return max(candidates) if candidates else None


_FUTURE_STATEMENT = re.compile(
    r"(?:will|expects?|expected|plans?|aims?|targets?|goal|prevede|punta|obiettivo|prevé|aspir\w*|pretend\w*|objetivo|"
    r"meta|prévoit|vise|objectif|ambitionn\w*|soll|wird|Ziel|plant|预计|力争|计划|目标)(?:(?!\.\s)[^。;；]){0,100}$",
    re.IGNORECASE,
)


def _is_future_statement(text: str, start: int) -> bool:
    """"…prévoit que la valeur de la production atteindra 40 milliards en 2025": a forecast."""
    return bool(_FUTURE_STATEMENT.search(text[max(0, start - 120): start]))


def find_dateline_date(text: str) -> dt.date | None:
    """Date of a dateline in the head of the text, with the year inferred from the text."""
    head = text[:HEAD_CHARS]
    for pattern in _DATELINE_PATTERNS:
        match = pattern.search(head)
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
    text: str, language: str | None, metadata_date: str | None = None
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
    return None, None
