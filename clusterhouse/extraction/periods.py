"""Time expressions in a sentence: which year, and which part of it, a figure refers to.

Per-language tables of patterns; relative years ("last year", 去年, l'anno scorso) resolve from
the publication date and stay unknown without one. A year after the publication date is never
a figure's year (it is a target or forecast).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

MONTHS = {
    "en": ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
           "novembre", "dicembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "de": ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "dezember"],
}
MONTH_ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
              "十一": 11, "十二": 12}
_ORDINAL_COUNTS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9,
    "dieci": 10, "undici": 11, "dos": 2, "tres": 3, "cuatro": 4, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "once": 11, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
    "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
}


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
        return MONTH_ABBREVIATIONS[first - 1]
    return f"{MONTH_ABBREVIATIONS[first - 1]}-{MONTH_ABBREVIATIONS[last - 1]}"


def _months_count(count: int) -> str:
    return {3: "Q1", 6: "H1", 9: "Q1-Q3", 12: "FY"}.get(count, _month_range(1, count))


# Patterns per language: (regex, kind). Kinds: 'year' (group y or rel), 'period' (fixed
# period in group p or computed), 'as_of'. Relative words map to year offsets.
_RELATIVE = {
    "en": {r"last year|the past year": -1, r"this year|the current year|so far this year": 0,
           r"the year before last": -2},
    "zh": {r"去年|上年": -1, r"今年|本年": 0, r"前年": -2},
    "it": {r"l'anno scorso|lo scorso anno|l'anno passato|lo scorso esercizio": -1, r"quest'anno|l'anno in corso": 0},
    "es": {r"el año pasado|el pasado año|el año anterior": -1, r"este año|el año en curso": 0},
    "fr": {r"l'an dernier|l'année dernière|l'an passé|l'année précédente": -1, r"cette année|l'année en cours": 0},
    "de": {r"im vergangenen Jahr|vergangenes Jahr|letztes Jahr|im letzten Jahr": -1,
           r"in diesem Jahr|dieses Jahr|im laufenden Jahr": 0},
}
_YEAR_PREFIX = {
    "en": r"(?:in|for|during|of|throughout|by|as of|at the end of|by the end of|end of|in the year) (?:the year )?",
    "it": r"(?:nel|del|nell'anno|durante il|per il|entro il|a fine|alla fine del|fine) ",
    "es": r"(?:en|de|del|durante|para|a finales de|al cierre de|a fines de|hasta finales de) (?:el )?",
    "fr": r"(?:en|de|pour|au cours de|durant|fin|à la fin de|d'ici fin) (?:l'année )?",
    "de": r"(?:im Jahr|im Jahre|in|für|Ende|bis Ende|seit Ende) ",
}
_AS_OF = {
    "en": r"by the end of|as of the end of|at the end of|as of|by end-|end of|end-|so far|to date|currently|at present|now|"
          r"as at",
    "it": r"alla fine del|a fine|entro la fine del|fino alla fine del|attualmente|oggi|ad oggi|finora",
    "es": r"a finales de|al cierre de|a fines de|hasta finales de|actualmente|hoy en día|hasta la fecha|a fin de",
    "fr": r"fin|à la fin de|à la fin|actuellement|aujourd'hui|à ce jour",
    "de": r"Ende|bis Ende|derzeit|aktuell|heute|inzwischen",
}
# Words for "now": a current-state figure refers to the publication year.
_NOW = {
    "en": r"now|currently|at present|presently|today|to date|so far|nowadays",
    "it": r"oggi|attualmente|ad oggi|finora|ora|oggigiorno|al momento",
    "es": r"hoy|actualmente|hoy en día|hasta la fecha|ahora|en la actualidad",
    "fr": r"aujourd'hui|actuellement|à ce jour|désormais|à présent",
    "de": r"heute|derzeit|aktuell|inzwischen|mittlerweile|gegenwärtig|zurzeit",
    "zh": r"截至目前|目前|当前|现有|现已|至今|如今|现在|眼下",
}
_SAME_YEAR = {
    "en": r"the same year|that same year|that year|in the same period",
    "it": r"lo stesso anno|nello stesso anno|quello stesso anno|quell'anno|nello stesso periodo",
    "es": r"el mismo año|ese mismo año|aquel mismo año|ese año|aquel año|en el mismo periodo",
    "fr": r"la même année|cette même année|cette année-là|sur la même période",
    "de": r"im selben Jahr|im gleichen Jahr|in diesem Zeitraum|im selben Zeitraum",
    "zh": r"同年|当年|同期",
}
# "…, up from 3.1 billion the previous year": one before the year named earlier, not before publication
_PREVIOUS_YEAR = {
    "en": r"the previous year|the year before|a year earlier|the prior year",
    "it": r"dell'anno precedente|l'anno precedente|l'anno prima",
    "es": r"del año anterior|el año anterior",
    "fr": r"de l'année précédente|l'année précédente|l'an précédent",
    "de": r"im (?:gesamten )?Vorjahr|des Vorjahres|im Jahr davor",
    "zh": r"前一年|上一年度",
}
# an event's year describes history, not the figure: "listed by Unesco in 2009", "founded in 1998"
_EVENT_BEFORE = re.compile(
    r"(?:founded|established|set up|listed|inscribed|designated|named|opened|built|fondat[oa]|iscritt[oa]|"
    r"istituit[oa]|fundad[oa]|inscrit[oa]|declarad[oa]|fondée?|inscrite?|classée?|gegründet|eröffnet|"
    r"成立|创建|创办|列入|建成|始建)[^.。;；,，]{0,25}$",
    re.IGNORECASE,
)
_SINCE = r"(?:since|from|dal|dall'|desde|depuis|seit|自|从)\s*$"
_PERIODS = {
    "en": [
        (r"(?:the )?first three quarters", "Q1-Q3"), (r"(?:the )?first half(?: of the year)?|H1|first six months", "H1"),
        (r"(?:the )?second half(?: of the year)?|H2", "H2"), (r"(?:the )?first quarter|Q1", "Q1"),
        (r"(?:the )?second quarter|Q2", "Q2"), (r"(?:the )?third quarter|Q3", "Q3"), (r"(?:the )?fourth quarter|Q4", "Q4"),
        (r"first (?P<count>two|three|four|five|seven|eight|nine|ten|eleven|\d{1,2}) months", None),
    ],
    "it": [
        (r"(?:nei )?primi tre trimestri", "Q1-Q3"), (r"(?:nel )?primo semestre|(?:nei )?primi sei mesi", "H1"),
        (r"(?:nel )?secondo semestre", "H2"), (r"(?:nel )?primo trimestre", "Q1"),
        (r"(?:nei )?primi (?P<count>due|tre|quattro|cinque|sette|otto|nove|dieci|undici|\d{1,2}) mesi", None),
    ],
    "es": [
        (r"(?:los )?(?:tres primeros|primeros tres) trimestres", "Q1-Q3"),
        (r"(?:el )?primer semestre|(?:los )?(?:seis primeros|primeros seis) meses", "H1"),
        (r"(?:el )?primer trimestre", "Q1"),
        (r"(?:los )?(?:primeros (?P<count>dos|tres|cuatro|cinco|siete|ocho|nueve|diez|once|\d{1,2})|"
         r"(?P<count2>dos|tres|cuatro|cinco|siete|ocho|nueve|diez|once|\d{1,2}) primeros) meses", None),
    ],
    "fr": [
        (r"(?:des |les )?trois premiers trimestres", "Q1-Q3"),
        (r"(?:au )?premier semestre|(?:les |des )?six premiers mois", "H1"),
        (r"(?:au )?second semestre", "H2"), (r"(?:au )?premier trimestre", "Q1"),
        (r"(?:les |des )?(?P<count>deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|\d{1,2}) premiers mois", None),
    ],
    "de": [
        (r"(?:in den )?ersten drei Quartalen", "Q1-Q3"), (r"(?:im )?ersten Halbjahr|(?:in den )?ersten sechs Monaten", "H1"),
        (r"(?:im )?zweiten Halbjahr", "H2"), (r"(?:im )?ersten Quartal", "Q1"),
        (r"(?:in den )?ersten (?P<count>zwei|drei|vier|fünf|sieben|acht|neun|zehn|elf|\d{1,2}) Monaten", None),
    ],
    "zh": [
        (r"前三季度|1[-—–至到]3季度", "Q1-Q3"), (r"上半年", "H1"), (r"下半年", "H2"), (r"(?:第)?一季度", "Q1"),
        (r"前(?P<count>[一二两三四五六七八九十]{1,2}|\d{1,2})个月", None),
    ],
}
_RANGE_WORDS = {
    "en": (r"(?:from |between )?", r"(?:to|through|and|[-–—])"),
    "it": (r"(?:da |tra )?", r"(?:a|e|[-–—])"),
    "es": (r"(?:de |entre )?", r"(?:a|y|hasta|[-–—])"),
    "fr": (r"(?:de |entre )?", r"(?:à|et|[-–—])"),
    "de": (r"(?:von )?", r"(?:bis|[-–—])"),
}


def _month_alternation(language: str) -> tuple[str, dict[str, int]]:
    names = MONTHS.get(language, MONTHS["en"])
    lookup: dict[str, int] = {}
    for number, name in enumerate(names, start=1):
        lookup[name] = number
        lookup[name[:3]] = number
        if language == "en" and name != "may":
            lookup[name[:3] + "."] = number
    alternation = "|".join(sorted((re.escape(k) for k in lookup), key=len, reverse=True))
    return alternation, lookup


@lru_cache(maxsize=None)
def _compiled(language: str):
    flags = re.IGNORECASE
    patterns: list[tuple[re.Pattern, str, object]] = []
    relative = _RELATIVE.get(language, _RELATIVE["en"])
    for pattern, offset in relative.items():
        bounded = pattern if language == "zh" else rf"(?<!\w)(?:{pattern})(?!\w)"
        patterns.append((re.compile(bounded, flags), "relative", offset))
    if language == "zh":
        patterns.append((re.compile(r"(?P<asof>截至|截止|到)?(?P<y>(?:19|20)\d{2})年(?!代)(?P<end>底|末|年底|年末)?"), "year", None))
        patterns.append((re.compile(r"(?P<m1>\d{1,2}|[一二三四五六七八九十]{1,2})[-—–至到~](?P<m2>\d{1,2}|[一二三四五六七八九十]{1,2})月"),
                         "months", None))
        patterns.append((re.compile(_NOW["zh"]), "now", None))
        patterns.append((re.compile(_SAME_YEAR["zh"]), "same_year", None))
        patterns.append((re.compile(_PREVIOUS_YEAR["zh"]), "previous_year", None))
        patterns.append((re.compile(r"全年|年产|每年|年均|一年"), "annual", None))
    else:
        prefix = _YEAR_PREFIX.get(language, _YEAR_PREFIX["en"])
        as_of = _AS_OF.get(language, _AS_OF["en"])
        patterns.append((re.compile(rf"(?<!\w)(?:(?P<asof>{as_of})\s+)?(?:{prefix})?(?P<y>(?:19|20)\d{{2}})(?![\d.,]\d|\d|s\b|'s\b|er\b|年代)", flags),
                         "year", None))
        months, lookup = _month_alternation(language)
        start_word, joiner = _RANGE_WORDS.get(language, _RANGE_WORDS["en"])
        patterns.append((re.compile(rf"(?<!\w){start_word}(?P<m1>{months})\s*{joiner}\s*(?P<m2>{months})(?!\w)", flags),
                         "months", lookup))
        patterns.append((re.compile(rf"(?<!\w)(?:{_NOW.get(language, _NOW['en'])})(?!\w)", flags), "now", None))
        patterns.append((re.compile(rf"(?<!\w)(?:{_SAME_YEAR.get(language, _SAME_YEAR['en'])})(?!\w)", flags),
                         "same_year", None))
        patterns.append((re.compile(rf"(?<!\w)(?:{_PREVIOUS_YEAR.get(language, _PREVIOUS_YEAR['en'])})(?!\w)", flags),
                         "previous_year", None))
        annual = {"en": r"annual(?:ly)?|a year|per year|each year|every year|per annum|yearly|(?:the )?(?:full|whole) year",
                  "it": r"annu[ao]|annualmente|all'anno|ogni anno|l'intero anno",
                  "es": r"anual(?:es|mente)?|al año|cada año|todo el año",
                  "fr": r"annuel(?:le)?s?|par an|chaque année|toute l'année", "de": r"jährlich\w*|pro Jahr|im Jahr|das ganze Jahr"}
        patterns.append((re.compile(rf"(?<!\w)(?:{annual.get(language, annual['en'])})(?!\w)", flags), "annual", None))
    for pattern, period in _PERIODS.get(language, _PERIODS["en"]):
        patterns.append((re.compile(rf"(?<!\w)(?:{pattern})" if language != "zh" else pattern, flags), "period", period))
    return patterns


def _zh_month(token: str) -> int:
    return int(token) if token.isdigit() else _ZH_DIGITS.get(token, 0)


def _count(token: str) -> int:
    token = token.lower()
    if token.isdigit():
        return int(token)
    return _ZH_DIGITS.get(token) or _ORDINAL_COUNTS.get(token, 0)


def find_time_expressions(sentence: str, language: str | None, published: date | None) -> list[TimeExpression]:
    """Time expressions in order of appearance; overlapping matches keep the longest."""
    code = (language or "en")[:2]
    pub_year = published.year if published else None
    found: list[TimeExpression] = []
    for pattern, kind, data in _compiled(code):
        for match in pattern.finditer(sentence):
            expression = _interpret(match, kind, data, code, pub_year, sentence)
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


def _interpret(match: re.Match, kind: str, data, language: str, pub_year: int | None, sentence: str):
    start, end = match.start(), match.end()
    if kind == "relative":
        year = pub_year + data if pub_year is not None else None
        return TimeExpression(start, end, year, None, False, True)
    if kind == "year":
        if re.search(_SINCE, sentence[max(0, start - 8): start], re.IGNORECASE) or _EVENT_BEFORE.search(
            sentence[max(0, start - 40): start]
        ):
            return None
        year = int(match.group("y"))
        groups = match.groupdict()
        as_of = bool(groups.get("asof")) or bool(groups.get("end"))
        return TimeExpression(start, end, year, None, as_of, True)
    if kind == "months":
        if language == "zh":
            first, last = _zh_month(match.group("m1")), _zh_month(match.group("m2"))
        else:
            first, last = data[match.group("m1").lower()], data[match.group("m2").lower()]
        if not (1 <= first <= last <= 12):
            return None
        return TimeExpression(start, end, None, _month_range(first, last), False, False)
    if kind == "period":
        period = data
        if period is None:
            token = match.groupdict().get("count") or match.groupdict().get("count2") or ""
            count = _count(token)
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
