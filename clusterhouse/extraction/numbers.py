"""Find and parse numbers in news text: en, zh, it, es, fr, de.

`find_numbers` returns every number a reader would call a figure, with its span in the input,
its value with any scale word applied ("5.17 billion" -> 5.17e9, "2.5万亿" -> 2.5e12) and flags
that let callers skip what is not a figure (years, ordinals, percentages, truncated numbers).
Dates and times are not returned, except the year of a date, flagged `is_year`.

Rules that decide ambiguous cases (kept deliberately conservative: skip rather than guess):
- Separators: a `.` or `,` followed by exactly three digits is grouping in a language whose
  grouping character it is (`,` for en/zh/unknown, `.` for it/es/fr/de); otherwise it is the
  decimal mark. So `12.500` is 12.5 in English and 12500 in Italian, `3,500` is 3500 in English
  and 3.5 in Italian, `1.2` is 1.2 everywhere. Two different marks (`1.234,5`, `1,234.5`): the
  last one is the decimal. No-break/thin spaces and apostrophes (`3 500`, `3'500`) group
  everywhere; a plain space groups only in fr/es/de and only before exactly three digits.
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
from dataclasses import dataclass

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


def _normalise(text: str) -> str:
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


def _language_key(language: str | None) -> str | None:
    if not language:
        return None
    key = language.lower().replace("_", "-").split("-")[0]
    return key if key in {"en", "zh", "it", "es", "fr", "de"} else None


# ---------------------------------------------------------------- digits and separators

_SPACE_SEPS = "\u00a0\u202f\u2009"  # no-break, narrow no-break, thin space: always grouping
_APOSTROPHES = "'’"  # Swiss grouping
_PLAIN_SPACE_GROUPING = {"fr", "es", "de"}
_POINT_GROUPING = {"it", "es", "fr", "de"}  # "." groups thousands; "," is the decimal mark


def _digits_end(s: str, i: int) -> int:
    while i < len(s) and _isdigit(s[i]):
        i += 1
    return i


def _digit_token_end(s: str, i: int, lang: str | None, masked: list[bool]) -> int:
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
        if c in _SPACE_SEPS or c in _APOSTROPHES or (c == " " and lang in _PLAIN_SPACE_GROUPING):
            k = _digits_end(s, j + 1)
            if k - (j + 1) == 3 and first_group <= 3 and not has_mark and not masked[j + 1]:
                j = k
                continue
        break
    return j


_TOKEN_RE = re.compile(r"\d+(?:[.,'’ \u00a0\u202f\u2009]\d+)*")


def _parse_token(token: str, lang: str | None) -> tuple[float, bool] | None:
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
        grouping_char = "." if lang in _POINT_GROUPING else ","
        if spaced or not (seps[k] == grouping_char and len(groups[k + 1]) == 3 and len(groups[0]) <= 3):
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
    parsed = _parse_token(_normalise(token).strip(), _language_key(language))
    return parsed[0] if parsed else None


# ---------------------------------------------------------------- word lexicons

NUM, SMALL, BIG, ABBR, ART, HALF = "num", "small", "big", "abbr", "art", "half"
_MONEY_ONLY_ABBR = {"m", "b", "mm"}  # scale only next to money; otherwise unit symbols (metres)


def _words(kind: str, table: dict[str, float]) -> dict[str, tuple[str, float]]:
    return {w: (kind, v) for w, v in table.items()}


_EN_NUMS = dict(zip(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split(), range(2, 20)))
_EN_NUMS |= dict(zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), range(20, 100, 10)))
_EN = {
    **_words(NUM, _EN_NUMS),
    **_words(ART, {"one": 1, "a": 1}),
    "half": (HALF, 0.5),
    **_words(SMALL, {"hundred": 100, "dozen": 12}),
    **_words(BIG, {"thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9,
                   "billions": 1e9, "trillion": 1e12}),
    **_words(ABBR, {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9,
                    "tn": 1e12, "trn": 1e12}),
}

_IT_NUMS = dict(zip(
    "due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici "
    "sedici diciassette diciotto diciannove".split(), range(2, 20)))
_IT_NUMS |= dict(zip("venti trenta quaranta cinquanta sessanta settanta ottanta novanta".split(),
                     range(20, 100, 10)))
_IT = {
    **_words(NUM, _IT_NUMS),
    **_words(ART, {"un": 1, "uno": 1, "una": 1}),
    "mezzo": (HALF, 0.5),
    "cento": (SMALL, 100),
    **_words(BIG, {"mille": 1e3, "mila": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9,
                   "miliardi": 1e9}),
    **_words(ABBR, {"mln": 1e6, "mld": 1e9, "mrd": 1e9, "k": 1e3, "m": 1e6}),
}
# Italian writes compounds as one word ("duecentocinquantamila"): these are the pieces.
_IT_MORPHEMES = {
    **{w: (NUM, v) for w, v in _IT_NUMS.items()}, "uno": (NUM, 1), "un": (NUM, 1), "tré": (NUM, 3),
    **{w[:-1]: (NUM, v) for w, v in _IT_NUMS.items() if v >= 20},  # elided: "ventotto"
    "cento": (SMALL, 100), "cent": (SMALL, 100), "mila": (BIG, 1e3),
}

_ES_NUMS = dict(zip(
    "dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis "
    "diecisiete dieciocho diecinueve veinte".split(), range(2, 21)))
_ES_NUMS |= dict(zip("veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis "
                     "veintisiete veintiocho veintinueve".split(), range(21, 30)))
_ES_NUMS |= {"dieciseis": 16, "veintiún": 21, "veintiuna": 21, "veintidos": 22, "veintitres": 23,
             "veintiseis": 26}
_ES_NUMS |= dict(zip("treinta cuarenta cincuenta sesenta setenta ochenta noventa".split(),
                     range(30, 100, 10)))
_ES_NUMS |= {"cien": 100, "ciento": 100}
for _word, _hundreds in zip("dos tres cuatro quinien seis sete ocho nove".split(), range(2, 10)):
    _stem = {"dos": "doscient", "tres": "trescient", "cuatro": "cuatrocient", "quinien": "quinient",
             "seis": "seiscient", "sete": "setecient", "ocho": "ochocient", "nove": "novecient"}[_word]
    _ES_NUMS |= {_stem + "os": _hundreds * 100, _stem + "as": _hundreds * 100}
_ES = {
    **_words(NUM, _ES_NUMS),
    **_words(ART, {"un": 1, "uno": 1, "una": 1}),
    "medio": (HALF, 0.5),
    **_words(BIG, {"mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "millardo": 1e9,
                   "millardos": 1e9, "billón": 1e12, "billon": 1e12, "billones": 1e12}),
    **_words(ABBR, {"mill": 1e6, "mm": 1e6, "k": 1e3, "m": 1e6}),
}
del _word, _hundreds, _stem

_FR_NUMS = dict(zip(
    "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize".split(),
    range(2, 17)))
_FR_NUMS |= {"vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
             "quatre-vingt": 80, "quatre-vingts": 80}
_FR = {
    **_words(NUM, _FR_NUMS),
    **_words(ART, {"un": 1, "une": 1}),
    **_words(SMALL, {"cent": 100, "cents": 100}),
    **_words(BIG, {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9,
                   "milliards": 1e9, "billion": 1e12, "billions": 1e12}),
    **_words(ABBR, {"md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9, "k": 1e3, "m": 1e6}),
}

_DE_NUMS = dict(zip("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split(), range(2, 13)))
_DE_NUMS |= {"fuenf": 5, "zwoelf": 12, "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40,
             "fünfzig": 50, "fuenfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90}
_DE = {
    **_words(NUM, _DE_NUMS),
    **_words(ART, {"ein": 1, "eine": 1, "einen": 1, "einer": 1, "eines": 1, "einem": 1, "eins": 1}),
    "hundert": (SMALL, 100),
    **_words(BIG, {"tausend": 1e3, "million": 1e6, "millionen": 1e6, "milliarde": 1e9,
                   "milliarden": 1e9, "billion": 1e12, "billionen": 1e12}),
    **_words(ABBR, {"tsd": 1e3, "mio": 1e6, "mrd": 1e9, "k": 1e3, "m": 1e6}),
}
_DE_MORPHEMES = {
    **{w: (NUM, v) for w, v in _DE_NUMS.items()}, "ein": (NUM, 1), "sech": (NUM, 6), "sieb": (NUM, 7),
    "und": (NUM, 0), "hundert": (SMALL, 100), "tausend": (BIG, 1e3),
}

_LEXICONS = {"en": _EN, "it": _IT, "es": _ES, "fr": _FR, "de": _DE}
_MORPHEMES = {"it": _IT_MORPHEMES, "de": _DE_MORPHEMES}
# A scale word that is a number by itself ("mille aziende", "mil empresas", "cent entreprises").
_ALONE_OK = {"mille", "mil", "cento", "cien", "cent", "hundert", "tausend"}
# Number words that are also ordinary words: read only as part of a longer number.
_RESTRICTED = {"it": {"sei"}, "fr": {"neuf"}}
_CONNECTORS = {"en": {"and"}, "es": {"y"}, "fr": {"et"}, "de": {"und"}}
_AND_A_HALF = re.compile(
    r"[ \u00a0](?:and a half|e mezzo|y medio|et demi|und ein halb)\b", re.IGNORECASE)

# Ordinal words -> value. Stems with inflections listed in full for clarity.
_ORDINALS: dict[str, dict[str, int]] = {
    "en": {w: v for v, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1)},
    "it": {}, "es": {}, "fr": {}, "de": {},
}
for _v, _stem in enumerate("prim second terz quart quint sest settim ottav non decim".split(), 1):
    _ORDINALS["it"] |= {_stem + e: _v for e in "oaie"}
for _v, _stem in enumerate("primer segund tercer cuart quint sext séptim octav noven décim".split(), 1):
    _ORDINALS["es"] |= {_stem + e: _v for e in ("o", "a", "os", "as")}
_ORDINALS["es"] |= {"primer": 1, "tercer": 3, "septimo": 7, "decimo": 10}
for _v, _stem in enumerate("deux trois quatr cinqu six sept huit neuv dix".split(), 2):
    _ORDINALS["fr"] |= {_stem + e: _v for e in ("ième", "ièmes", "ieme", "iemes")}
_ORDINALS["fr"] |= {"premier": 1, "première": 1, "premiers": 1, "premières": 1, "premiere": 1,
                    "second": 2, "seconde": 2}
for _v, _stem in enumerate("erst zweit dritt viert fünft sechst siebt acht neunt zehnt".split(), 1):
    _ORDINALS["de"] |= {_stem + e: _v for e in ("e", "er", "en", "es", "em")}
_ORDINALS["de"] |= {"fuenfte": 5, "fuenften": 5}
for _word in ("achten", "achte"):  # also the verb "achten" (to heed)
    _ORDINALS["de"].pop(_word)
del _v, _stem, _word

# Ordinals that are also ordinary words: Italian ones ("secondo" = according to, "prima" =
# before, "conto terzi") and French "second(e)" (a second) are read only after an article;
# English "second" not after "per"/"every" (time unit).
_IT_ARTICLES = {"il", "lo", "la", "i", "gli", "le", "al", "allo", "alla", "ai", "agli", "alle", "del",
                "dello", "della", "dei", "degli", "delle", "nel", "nello", "nella", "nei", "negli",
                "nelle", "sul", "sulla", "dal", "dalla", "è"}
_FR_ARTICLES = {"le", "la", "les", "au", "aux", "du", "des"}

# Words after a number that make it a fraction, not a count.
_FRACTION_WORDS = {
    "half", "halves", "thirds", "quarter", "quarters", "fourths", "fifths", "sixths", "tenths",
    "terzo", "terzi", "quarti", "quinti", "decimi",
    "tercio", "tercios", "cuartos", "quintos",
    "tiers", "quart", "quarts", "cinquièmes", "demi",
    "drittel", "viertel", "fünftel", "zehntel", "hälfte",
}

_DIGIT_ORDINAL_SUFFIX = {
    "en": re.compile(r"(?:st|nd|rd|th)(?![^\W\d_])"),
    "fr": re.compile(r"(?:er|re|ère|ème|eme|e)(?![^\W\d_])"),
    "es": re.compile(r"(?:\.?º|\.?ª|er)(?![^\W\d_])"),
    "it": re.compile(r"(?:\.?º|\.?ª|°(?![CF]))(?![^\W\d_])"),
    None: re.compile(r"(?:st|nd|rd|th|º|ª)(?![^\W\d_])"),
}

_PERCENT_RE = re.compile(
    r"[ \u00a0\u202f]?(?:%|‰|per ?cent\b|percent\b|pct\b|per ?cento\b|percento\b|por ?ciento\b|"
    r"pour ?cent\b|prozent(?:punkte?n?)?\b|percentage points?\b|punti percentuali\b|"
    r"puntos porcentuales\b|points? de pourcentage\b|个百分点|個百分點|百分点|百分點)",
    re.IGNORECASE)

_CURRENCY_BEFORE = re.compile(
    r"(?:US\$|HK\$|NT\$|A\$|C\$|S\$|R\$|\$|€|£|¥|￥|RMB|CNY|USD|EUR|GBP|HKD|JPY|CHF|Rs\.?)[ \u00a0]?$")
_CURRENCY_CODE_BEFORE = re.compile(r"(?:RMB|CNY|USD|EUR|GBP|HKD|JPY|CHF|Rs|US|HK|NT)$")
_CURRENCY_AFTER = re.compile(
    r"[ \u00a0]?(?:€|\$|£|yuan\b|dollars?\b|euros?\b|pounds?\b|USD\b|CNY\b|RMB\b|EUR\b|HKD\b|元)")
_PHONE_TAIL = re.compile(r"(?:[- ]?\d+)*")
_WORD_RE = re.compile(f"[{_LATIN_LETTERS}]+")
_FR_EIGHTY_RE = re.compile(r"quatre-vingts?(?![^\W\d_])", re.IGNORECASE)


def _match_word(s: str, p: int, lang: str | None) -> re.Match | None:
    """The word at p; French "quatre-vingt(s)" (80) is one word despite its hyphen."""
    return (lang == "fr" and _FR_EIGHTY_RE.match(s, p)) or _WORD_RE.match(s, p)


_GAP_RE = re.compile(r"[ \u00a0\u202f]{1,2}|-(?=[A-Za-zÀ-ÿ])")

# ---------------------------------------------------------------- Chinese

_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "三": 3,
              "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6, "七": 7,
              "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_ZH_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_ZH_BIG = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}
_ZH_MORE = "多余餘几幾"
_ZH_START = set(_ZH_DIGITS) | set(_ZH_SMALL)
# What may follow a Chinese-numeral-only number for it to be a count: measure words, currencies.
_ZH_FOLLOW = set("个個家名位项項种種条條座所间間台件只隻双雙套批类類支款户戶国國省市县縣镇鎮村倍元美欧港"
                 "吨噸亩畝辆輛箱人")
_ZH_CLASSIFIER_NOT_YEAR = _ZH_FOLLOW - {"元"}
_ZH_YEAR_RE = re.compile(r"[〇零一二三四五六七八九]{4}(?=年)")
_ZH_BEFORE_UNITS_ONLY = set("上近逾超过過破达達约約")

# ---------------------------------------------------------------- dates and times

_MONTHS = (
    "january|february|march|april|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|"
    "enero|febrero|abril|mayo|junio|julio|septiembre|setiembre|octubre|noviembre|diciembre|"
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|octobre|décembre|decembre|"
    "januar|jänner|februar|märz|maerz|juni|juli|oktober|dezember")
_CJK_SMALL_NUM = "[一二三四五六七八九十〇零两]{1,3}"
_DATE_PATTERNS = [
    # 2021-12-14, 2021/12/14, 2021.12.14: keep the year, drop month and day
    (re.compile(r"(?<![\d.,])(?:19|20)\d\d([-/.]\d{1,2}[-/.]\d{1,2})(?![\d])"), 1),
    # 28/12/2017, 28.12.2017, 12-28-17: drop day and month (and a 2-digit year)
    (re.compile(r"(?<![\d.,])(\d{1,2}[-/.]\d{1,2}[-/.])(?:(?:19|20)\d\d|(\d\d))(?![\d])"), (1, 2)),
    (re.compile(r"(?<![\d.,/])(\d{1,2}/\d{1,2})(?![\d/])"), 1),  # 14/12 or a fraction 3/4
    (re.compile(r"(?<![\d.,])(?:19|20)\d\d[-/–]([0-9]{2})(?![\d])"), 1),  # 2019-20, 2019/20
    (re.compile(r"(?<![\d.,:])(\d{1,2}[:h]\d\d(?::\d\d)?)(?![\d])"), 1),  # 10:30, 10h30
    (re.compile(r"(?<![\d.,])(\d{1,2}(?:[.:]\d\d)?)[ \u00a0]?(?:uhr\b|a\.m\.|p\.m\.|am\b|pm\b)",
                re.IGNORECASE), 1),
    # 14 dicembre, 14 de diciembre, 14. Dezember, 1er janvier, 28th of December
    (re.compile(rf"(?<![\d.,])(\d{{1,2}}(?:\.?º|er|st|nd|rd|th|\.)?)[ \u00a0]?(?:de |of )?(?:{_MONTHS})\b",
                re.IGNORECASE), 1),
    # Dec. 28, December 28th
    (re.compile(rf"\b(?:{_MONTHS})\.?[ \u00a0](\d{{1,2}}(?:st|nd|rd|th)?)(?![\d.,]\d)(?!\d)",
                re.IGNORECASE), 1),
    (re.compile(r"\bMay[ \u00a0](\d{1,2})(?!\d)"), 1),
    # 12月14日, 1-9月, 三季度, 第一季度, 前三季度
    (re.compile(rf"((?:\d{{1,2}}|{_CJK_SMALL_NUM})[ ]?[-–—~至到][ ]?(?:\d{{1,2}}|{_CJK_SMALL_NUM}))[ ]?月"), 1),
    (re.compile(rf"((?:\d{{1,2}}|{_CJK_SMALL_NUM})[ ]?(?:月份?|日(?![元本])|号|號))"), 1),
    (re.compile(r"((?:第|前)?(?:[1-4一二三四两])[ ]?季度?)(?=度|[^元亿万])"), 1),
]


def _date_mask(s: str) -> list[bool]:
    masked = [False] * len(s)
    for pattern, groups in _DATE_PATTERNS:
        for m in pattern.finditer(s):
            for g in groups if isinstance(groups, tuple) else (groups,):
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


def _evaluate(items: list[tuple[str, float]]) -> float:
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


def _split_base(items: list[tuple[str, float]]) -> tuple[float | None, bool]:
    """(base, has_scale) where base is the value of the pieces before the first scale word."""
    for k, (kind, _) in enumerate(items):
        if kind in (SMALL, BIG, ABBR):
            return (_evaluate(items[:k]) if k else 1.0), True
    return None, False


def _segment(word: str, morphemes: dict[str, tuple[str, float]]) -> list[tuple[str, float]] | None:
    """Split a compound number word ("duecentomila", "fünfundzwanzig") into pieces, or None."""
    if not word:
        return []
    for size in range(min(len(word), 9), 1, -1):
        piece = morphemes.get(word[:size])
        if piece:
            rest = _segment(word[size:], morphemes)
            if rest is not None:
                return [piece, *rest]
    return None


def _lookup(word: str, lang: str | None) -> list[tuple[str, float]] | None:
    lexicon = _LEXICONS.get(lang or "en", _EN)
    lower = word.lower()
    if lower in lexicon:
        return [lexicon[lower]]
    if lang in _MORPHEMES and len(lower) >= 5:
        pieces = _segment(lower, _MORPHEMES[lang])
        if pieces and len(pieces) > 1:
            return [p for p in pieces if p[1] or p[0] != NUM]  # drop German "und"
    return None


def _prev_word(s: str, i: int) -> str:
    m = re.search(r"([^\W\d_]+)['’]?[ \u00a0-]*$", s[max(0, i - 30):i])
    return m.group(1).lower() if m else ""


class _Scanner:
    def __init__(self, text: str, language: str | None):
        self.lang = _language_key(language)
        self.s = _normalise(text)
        self.masked = _date_mask(self.s)
        self.found: list[_Found] = []

    # -- main loop
    def run(self) -> list[_Found]:
        s, n, i = self.s, len(self.s), 0
        while i < n:
            if self.masked[i]:
                i += 1
                continue
            c = s[i]
            if s.startswith("百分之", i):
                resume = self.read_zh(i + 3, percent=True)
            elif c == "第" and i + 1 < n and (s[i + 1] in _ZH_START or _isdigit(s[i + 1])):
                resume = self.read_zh(i + 1, ordinal_from=i)
            elif _isdigit(c):
                resume = self.read_digits(i)
            elif c in _ZH_START or (c in _ZH_BIG and i and s[i - 1] in _ZH_BEFORE_UNITS_ONLY):
                resume = self.read_zh(i)
            elif _is_latin(c) and (i == 0 or not _is_latin(s[i - 1])):
                resume = self.read_word(i)
            else:
                resume = i + 1
            i = max(resume, i + 1)
        return self.found

    # -- digits
    def read_digits(self, i: int) -> int:
        s, n, lang = self.s, len(self.s), self.lang
        end = _digit_token_end(s, i, lang, self.masked)
        prev = s[i - 1] if i else ""
        if _is_latin(prev) and not _CURRENCY_CODE_BEFORE.search(s[max(0, i - 3):i]):
            return end  # a code: "G20", "A4"
        if (s[i] == "0" and end > i + 1 and _isdigit(s[i + 1])) or prev == "+":
            return _PHONE_TAIL.match(s, end).end()  # "0917-1234567", "+86 …": codes, phones
        if prev == "-" and i >= 2 and _is_latin(s[i - 2]):
            return end  # "COVID-19"
        if prev and prev in _APOSTROPHES and (i < 2 or not _is_latin(s[i - 2])):
            return end  # a decade: "anni '90"
        parsed = _parse_token(s[i:end], lang)
        if parsed is None:  # "1.2.3": read the first run of digits only
            end = _digits_end(s, i)
            parsed = float(s[i:end]), False
        value, has_sep = parsed
        after = end + 1 if end < n and s[end] == " " else end
        if (after < n and (s[after] in _ZH_SMALL or s[after] in _ZH_BIG)) or (
                end < n and s[end] in _ZH_MORE):
            return self.read_zh(i)
        suffix = _DIGIT_ORDINAL_SUFFIX.get(lang if lang in _DIGIT_ORDINAL_SUFFIX else None)
        if suffix and not has_sep and (m := suffix.match(s, end)):
            self.found.append(_Found(i, end, value, is_ordinal=True))
            return m.end()
        items: list[tuple[str, float]] = [(NUM, value)]
        money = bool(_CURRENCY_BEFORE.search(s[max(0, i - 6):i]))
        stop = self.extend_phrase(items, end, from_digits=True, money=money)
        base, has_scale = _split_base(items)
        glued = stop < n and _is_latin(s[stop]) and stop == end
        if glued:
            word = _WORD_RE.match(s, stop).group(0)
            if word.lower() in _MONEY_ONLY_ABBR or (len(word) == 1 and word.isupper()):
                return stop + len(word)  # "5m" (metres?), "5G", "3D": not a figure
        found = _Found(i, stop, _evaluate(items), base if has_scale else value, has_scale)
        found.is_year = (not has_sep and not has_scale and end - i == 4 and 1900 <= value <= 2099
                         and not money and not (stop < n and s[stop] in _ZH_CLASSIFIER_NOT_YEAR))
        return self.finish(found, stop)

    def extend_phrase(self, items: list[tuple[str, float]], pos: int, *, from_digits: bool,
                      money: bool) -> int:
        """Append number words/scale words after pos to items; return the end of the last one."""
        s, lang = self.s, self.lang
        end = pos
        last = items[-1][0] if items else None
        while True:
            gap = _GAP_RE.match(s, end)
            p = gap.end() if gap else end
            if gap and gap.group(0) == "-" and from_digits and len(items) == 1:
                break  # "3-5 million" is a range, not a compound
            w = _match_word(s, p, lang)
            if not w or (p > 0 and _is_latin(s[p - 1])):
                break
            word = w.group(0)
            if word.lower() in _CONNECTORS.get(lang or "en", ()) and not from_digits:
                g2 = _GAP_RE.match(s, w.end())
                nxt = _match_word(s, g2.end(), lang) if g2 else None
                pieces = _lookup(nxt.group(0), lang) if nxt else None
                if pieces and pieces[0][0] in (NUM, ART) and last in (NUM, SMALL, BIG):
                    end = w.end()  # "vingt et un", "treinta y cinco"
                    continue
                break
            pieces = _lookup(word, lang)
            if not pieces:
                break
            kind, value = pieces[0]
            if kind == ART and last == NUM and s[end - 3:end].strip() in ("et", "y", "and"):
                kind, pieces = NUM, [(NUM, value)]  # the "un" of "vingt et un"
            if kind == ABBR or (kind == BIG and from_digits and word.lower() in _MONEY_ONLY_ABBR):
                if not (from_digits and len(items) == 1 and p - end <= 1):
                    break
                if (word.lower() in _MONEY_ONLY_ABBR or word in ("K", "B")) and not (
                        money or _CURRENCY_AFTER.match(s, w.end())):
                    break
            elif kind == NUM:
                if from_digits or last in (ART, HALF):
                    break
                if last == NUM and len(pieces) == 1:
                    prev_value = items[-1][1]
                    zeros = len(str(int(prev_value))) - len(str(int(prev_value)).rstrip("0"))
                    french_tens = lang == "fr" and prev_value in (60, 80) and value < 20
                    if not (value < 10 ** zeros or french_tens):
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
        if items and items[-1][0] in (BIG, ABBR) and (m := _AND_A_HALF.match(s, end)):
            items.append((NUM, 0.5 * items[-1][1]))  # "un milione e mezzo"
            end = m.end()
        return end

    # -- words
    def read_word(self, i: int) -> int:
        s, lang = self.s, self.lang
        word = _match_word(s, i, lang).group(0)
        lower = word.lower()
        wend = i + len(word)
        rank_mark = r"(?:\.|°|º)" if word in {"No", "NO", "Nr", "N", "n"} else r"(?:°|º)"
        if lower in {"no", "nr", "n"} and (m := re.match(rank_mark + r"[ \u00a0]?(\d{1,3})(?!\d)", s[wend:])):
            start = wend + m.start(1)
            self.found.append(_Found(start, wend + m.end(1), float(m.group(1)), is_ordinal=True))
            return wend + m.end()
        ordinal = _ORDINALS.get(lang or "en", _ORDINALS["en"]).get(lower)
        if ordinal:
            if self.is_ordinal_context(i, lower, wend):
                self.found.append(_Found(i, wend, float(ordinal), is_ordinal=True))
            return wend
        pieces = _lookup(word, lang)
        if not pieces or pieces[0][0] == ABBR:
            return wend
        kind = pieces[0][0]
        if kind == BIG and len(pieces) == 1 and lower not in _ALONE_OK:
            return wend  # "millions of", "milioni di": vague
        if kind == SMALL and len(pieces) == 1 and lower not in _ALONE_OK:
            return wend  # "hundred" without a number
        items = list(pieces)
        stop = self.extend_phrase(items, wend, from_digits=False, money=False)
        kinds = {k for k, _ in items}
        if kinds <= {ART, HALF, NUM} and (kind in (ART, HALF) or (
                len(items) == 1 and lower in _RESTRICTED.get(lang, ()))):
            return stop  # "one of", "un'azienda", "sei" (you are), "neuf" (new)
        if kind == HALF and not kinds & {BIG}:
            return stop
        base, has_scale = _split_base(items)
        found = _Found(i, stop, _evaluate(items), base, has_scale)
        return self.finish(found, stop)

    def is_ordinal_context(self, i: int, lower: str, wend: int) -> bool:
        s, lang = self.s, self.lang
        prev = _prev_word(s, i)
        before = s[max(0, i - 2):i]
        if re.search(r"\d[ \u00a0-]?$", before):
            return False  # "30 second", "2 terzi"
        prev_pieces = _lookup(prev, lang) if prev else None
        if prev_pieces and prev_pieces[0][0] in (NUM, ART):
            if not (lang in (None, "en", "zh") and prev == "a" and not re.match(r"[ \u00a0]of\b", s[wend:])):
                return False  # a fraction: "one-third", "un terzo", "a third of"
        if lang == "it":  # "secondo" = according to, "prima" = before, "conto terzi"
            return prev in _IT_ARTICLES or s[max(0, i - 2):i] in ("l'", "l’")
        if lang == "fr" and lower.startswith("second"):
            return prev in _FR_ARTICLES
        if lower == "second" or lower.startswith("segund"):
            return prev not in {"per", "every", "each", "por", "cada"}
        return True

    # -- Chinese
    def read_zh(self, i: int, *, percent: bool = False, ordinal_from: int | None = None) -> int:
        s, n = self.s, len(self.s)
        if (m := _ZH_YEAR_RE.match(s, i)) and not percent and ordinal_from is None:
            year = int("".join(str(_ZH_DIGITS[c]) for c in m.group(0)))
            if 1900 <= year <= 2099:
                self.found.append(_Found(i, m.end(), float(year), is_year=True))
            return m.end()
        items: list[tuple[str, float]] = []
        j, last, more, arabic, broken, after_zero = i, None, None, False, False, False
        while j < n and not self.masked[j]:
            c = s[j]
            if _isdigit(c):
                if last == NUM:
                    break
                e = _digit_token_end(s, j, "zh", self.masked)
                parsed = _parse_token(s[j:e], "zh") or (float(s[j:_digits_end(s, j)]), False)
                if parsed[1] is False and e != _digits_end(s, j):
                    e = _digits_end(s, j)
                items.append((NUM, parsed[0]))
                arabic, last, j = True, NUM, e
                if j + 1 < n and s[j] == " " and (s[j + 1] in _ZH_SMALL or s[j + 1] in _ZH_BIG):
                    j += 1
            elif c in _ZH_DIGITS:
                value = _ZH_DIGITS[c]
                if value == 0:
                    after_zero, j = True, j + 1
                    continue
                if last == NUM:
                    broken = True  # "十四五", "三五": not one number
                # colloquial "一万二" = 12000: a last bare digit after a unit counts in the next lower place
                if (last in (SMALL, BIG) and items[-1][1] >= 100 and not after_zero
                        and not (j + 1 < n and (s[j + 1] in _ZH_SMALL or s[j + 1] in _ZH_BIG
                                                or s[j + 1] in _ZH_DIGITS or s[j + 1] in "点點"))):
                    value *= items[-1][1] / 10
                items.append((NUM, float(value)))
                last, j = NUM, j + 1
                if j + 1 < n and s[j] in "点點" and s[j + 1] in _ZH_DIGITS:
                    k = j + 1
                    while k < n and s[k] in _ZH_DIGITS:
                        k += 1
                    fraction = "".join(str(_ZH_DIGITS[ch]) for ch in s[j + 1:k])
                    items[-1] = (NUM, float(f"{int(value)}.{fraction}"))
                    j = k
            elif c in _ZH_SMALL:
                if last == SMALL or s.startswith("分", j + 1):  # "十分" (very), "百分点"
                    break
                items.append((SMALL, float(_ZH_SMALL[c])))
                last, j = SMALL, j + 1
            elif c in _ZH_BIG:
                if not items and not (j == i and i and s[i - 1] in _ZH_BEFORE_UNITS_ONLY):
                    break  # "万一" (just in case); "近万家" is fine
                items.append((BIG, _ZH_BIG[c]))
                last, j = BIG, j + 1
            elif c in _ZH_MORE and last in (NUM, SMALL, BIG) and not (c in "几幾" and last == NUM and arabic):
                more, last, j = "more_than", "more", j + 1
            else:
                break
            after_zero = after_zero and c in "零〇"
        end = j
        if not items:
            return max(end, i + 1)
        if s.startswith("分之", end):  # "三分之一": a fraction
            tail = end + 2
            while tail < n and (s[tail] in _ZH_START or s[tail] in _ZH_BIG or _isdigit(s[tail])):
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
            if kinds[0] == SMALL and before in "几幾数數":
                return end  # "数十万", "几百": vague
            if has_digit and not units:
                if not (len(items) == 1 and items[0][1] >= 2 and follow in _ZH_FOLLOW):
                    return end  # "一", "五金", "四川"
            elif not has_digit:
                if not (more or ((units >= 2 or before in _ZH_BEFORE_UNITS_ONLY) and follow in _ZH_FOLLOW)):
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
                         and follow not in _ZH_CLASSIFIER_NOT_YEAR)
        return self.finish(found, end)

    # -- after a number: percent, fraction
    def finish(self, found: _Found, end: int) -> int:
        s = self.s
        if (m := _PERCENT_RE.match(s, end)):
            found.is_percent = True
            self.found.append(found)
            return m.end()
        frac = re.match(r"[ \u00a0-]([^\W\d_]+)", s[end:end + 20])
        if frac and frac.group(1).lower() in _FRACTION_WORDS and not found.has_scale:
            return end + frac.end()  # "two-thirds", "tre quarti"
        # "one fifth", "due terze"; not "five third-party sellers"
        ordinal = re.match(r"[ \u00a0-]([^\W\d_]+)(?!-[^\W\d_])", s[end:end + 30])
        ordinals = _ORDINALS.get(self.lang or "en", {})
        if (ordinal and not found.has_scale and not _isdigit(s[found.start])
                and ordinals.get(ordinal.group(1).lower(), 0) >= 3):
            return end + ordinal.end()
        self.found.append(found)
        return end


# ---------------------------------------------------------------- ranges and truncation

_RANGE_GAP = re.compile(r"[ \u00a0]?(?:-|–|—|~|〜|至|到|to|a|à|al|au|bis|or|o|ou|oder)[ \u00a0]?$",
                        re.IGNORECASE)
_AND_GAP = re.compile(r"[ \u00a0](?:and|e|y|et|und)[ \u00a0]$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|tra|fra|entre|zwischen)[ \u00a0]+[^\w\s]{0,4}[ \u00a0]?$",
                             re.IGNORECASE)
_CUT_MARK = re.compile(r"\s*(?:…|\.\.\.|\[…\]|\[\.\.\.\]|\(…\)|\(\.\.\.\))")


def _apply_ranges(s: str, found: list[_Found]) -> None:
    """"3-5 million", "3 to 5 billion", "between 3 and 5 billion", "3-5%": the first number
    takes the scale (or the percent) of the second."""
    for first, second in zip(found, found[1:]):
        gap = _CURRENCY_BEFORE.sub("", s[first.end:second.start])  # "$3 to $5 billion"
        is_range = bool(_RANGE_GAP.fullmatch(gap) or (
            _AND_GAP.fullmatch(gap) and _BETWEEN_BEFORE.search(s[max(0, first.start - 20):first.start])))
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


def find_numbers(text: str, language: str | None) -> list[NumberMention]:
    """Every number in text with its span, value (scale applied) and flags; see module doc."""
    scanner = _Scanner(text, language)
    found = sorted(scanner.run(), key=lambda f: f.start)
    _apply_ranges(scanner.s, found)
    return [
        NumberMention(
            start=f.start, end=f.end, text=text[f.start:f.end], value=f.value,
            inner_qualifier=f.inner_qualifier, is_year=f.is_year, is_ordinal=f.is_ordinal,
            truncated=_is_truncated(scanner.s, f), is_percent=f.is_percent)
        for f in found
    ]

