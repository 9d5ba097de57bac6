"""Chinese administrative divisions (GB/T 2260) and the resolution of place names in article text.

The gazetteer is read from the CSVs in clusterhouse/reference/places/ (built by build_gazetteer.py,
towns and aliases curated by hand). `find_mentions` finds Chinese names (simplified or traditional,
with or without the type word) and romanised names (pinyin, customary English, historic spellings,
exonyms) and decides between same-named places only from what the document itself says.
"""

from __future__ import annotations

import bisect
import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from clusterhouse.lang import all_languages
from clusterhouse.reference import PLACES_DIR as REFERENCE
from clusterhouse.reference.names import place_naming
from clusterhouse.text.chinese import MAY_BE_TRADITIONAL
from clusterhouse.text.dictionary import SurfaceAutomaton
from clusterhouse.text.words import any_language, every_language


@dataclass(frozen=True)
class Place:
    admin_code: str  # 6-digit code of the division (for a town: of its county-level division)
    name_zh: str
    name_en: str
    level: str  # 'province' | 'prefecture' | 'county' | 'town'
    division_type: str
    county_code: str | None
    prefecture_code: str | None
    province_code: str
    town_name_en: str | None = None
    town_name_zh: str | None = None
    former_names: tuple[str, ...] = ()
    town_code: str | None = None  # 9-digit code of a township-level division
    short_zh: str | None = None  # a town's name without its type (分水 for 分水镇)


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str  # character span in the input text
    place: Place | None  # None when ambiguous
    candidates: tuple[Place, ...]  # all candidates (len > 1 when ambiguous)
    # decided by the prior, not by the text: the customary reading (Xi'an the city) or the well-known
    # cluster town (Dalang, Dongguan) of a name several divisions share
    inferred: bool = False


# --- type words ----------------------------------------------------------------------------------
# hint -> (division types that fit exactly, levels that fit loosely)
HINTS = {
    "province": ({"province", "autonomous region", "SAR", "municipality"}, {"province"}),
    "autonomous region": ({"autonomous region"}, {"province"}),
    "SAR": ({"SAR"}, {"province"}),
    "municipality": ({"municipality"}, {"province"}),
    "city": ({"municipality", "prefecture-level city", "county-level city"},
             {"province", "prefecture", "county"}),
    "county": ({"county", "autonomous county"}, {"county"}),
    "district": ({"district", "new district", "special district", "forestry district"}, {"county"}),
    "prefecture": ({"prefecture-level city", "autonomous prefecture", "prefecture", "league"},
                   {"prefecture"}),
    "banner": ({"banner", "autonomous banner"}, {"county"}),
    "league": ({"league"}, {"prefecture"}),
    "town": ({"town", "township", "subdistrict", "development zone"}, {"town"}),
    "zone": ({"development zone"}, {"town"}),
}


# A text may quote names the way another language writes them: the words of every language apply.
@lru_cache(maxsize=1)
def _prefix_hints() -> dict[str, str]:
    """Type word before a name (lower-case) -> the kind of division it names."""
    hints: dict[str, str] = {}
    for lang in all_languages():
        unknown = set(lang.places.type_words_before.values()) - set(HINTS)
        if unknown:
            raise ValueError(f"{lang.code}/places.yaml: type_words_before names unknown kinds {sorted(unknown)}")
        hints.update(lang.places.type_words_before)
    return hints


@lru_cache(maxsize=1)
def _prefix_type() -> re.Pattern:
    """A type word and its link ending right where a name starts ("contea di Anxi", "Kreis Anxi")."""
    type_words = any_language(lambda lang: map(re.escape, lang.places.type_words_before))
    links = any_language(lambda lang: lang.places.type_word_links)
    return re.compile(rf"(?:\b(?P<w>{type_words})\s+(?:{links})?)$")


@lru_cache(maxsize=1)
def _type_words_before() -> frozenset[str] | None:
    """The last word of every type word, folded as the words of a text are; None when some type
    word has no Latin word to look for."""
    last_words = set()
    for word in every_language(lambda lang: lang.places.type_words_before):
        tokens = _latin_tokens(word)
        if not tokens:
            return None
        last_words.add(tokens[-1])
    return frozenset(last_words)


@lru_cache(maxsize=1)
def _elisions() -> frozenset[str]:
    return every_language(lambda lang: lang.places.elisions)


@lru_cache(maxsize=1)
def _possessive_endings() -> tuple[str, ...]:
    return tuple(sorted(every_language(lambda lang: lang.places.possessive_endings)))


@lru_cache(maxsize=1)
def _everyday_words() -> frozenset[str]:
    return every_language(lambda lang: lang.places.everyday_words)


@lru_cache(maxsize=1)
def _words_after_town_names() -> re.Pattern:
    return re.compile(any_language(lambda lang: lang.places.words_after_town_names))


def _starts_another_word(text: str, end: int, entries: list["_Entry"]) -> bool:
    """The last character of a township's name begins a word here (城乡|一体化, 某镇|江)."""
    return any(e.minor for e in entries) and bool(_words_after_town_names().match(text, end - 1))


LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "town": 3}

PREFIX_REACH = 40  # characters before a name in which a type word and its link are looked for
LATIN_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]+(?:['’][A-Za-zÀ-ÖØ-öø-ɏ]+)*")
SENTENCE_END = re.compile(r"[.!?;。！？；\n]")
GAP_ONLY_SPACE = re.compile(r"[\s\-]*")


def _fold(text: str) -> str:
    """Lower case without accents; ü -> u; curly apostrophe -> straight."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def _read(name: str) -> list[dict]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        return [dict(zip(header, row)) for row in rows]


@dataclass(slots=True)
class _Entry:
    place: Place
    safe: bool  # may match without a type word
    primary: bool = True  # False for derived spellings (Jinan for Jin'an)
    languages: frozenset[str] | None = None  # exonyms used only in these languages
    customary: bool = False  # an established English name (Xi'an): wins when the text cannot decide
    # one of the 41,000 townships: its name is kept only when the text decides it from places
    # named beside it, never from a place named elsewhere
    minor: bool = False


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    candidates: tuple[Place, ...]
    extra: dict = field(default_factory=dict)


class Gazetteer:
    def __init__(self) -> None:
        self._places: dict[str, Place] = {}
        self._former_to_current: dict[str, str] = {}
        self._zh: dict[str, list[_Entry]] = {}
        self._zh_automaton = SurfaceAutomaton(())  # every Chinese name, built once loaded
        self._latin: dict[tuple[str, ...], list[_Entry]] = {}
        self._latin_lengths: dict[str, list[int]] = {}
        self._t2s: dict[int, str] = {}

    # --- loading ---------------------------------------------------------------------------------
    @classmethod
    def load(cls) -> "Gazetteer":
        gaz = cls()
        rows = _read("gazetteer.csv")
        former = _read("places_former.csv")
        former_names: dict[str, list[str]] = {}
        for f in former:
            former_names.setdefault(f["current_code"], []).append(f["former_name_zh"])
            gaz._former_to_current[f["former_code"]] = f["current_code"]
        for r in rows:
            code, level = r["admin_code"], r["level"]
            place = Place(
                admin_code=code, name_zh=r["name_zh"], name_en=r["name_en"], level=level,
                division_type=r["division_type"], county_code=code if level == "county" else None,
                prefecture_code=r["prefecture_code"] or None, province_code=r["province_code"],
                former_names=tuple(former_names.get(code, ())),
            )
            gaz._places[code] = place
            gaz._index_division(place, r)
        for f in former:
            place = gaz._places[f["current_code"]]
            gaz._add_zh(f["former_name_zh"], _Entry(place, True))
            bare = _strip_type_words(_fold(f["former_name_en"]).split())
            gaz._add_latin(bare, _Entry(place, len(bare) > 1 or len(bare[0]) > 4))
            if len(f["former_name_zh"]) == 2 and f["former_name_zh"].endswith("县"):  # 横县 is also written Hengxian
                gaz._add_latin((bare[0] + place_naming().fused_type_words.get("county", ""),), _Entry(place, True))
        townships = _read("townships.csv")
        town_codes = {(row["name_zh"], row["gazetteer_code"]): row["town_code"] for row in townships}
        curated = set()
        for t in _read("places_towns.csv"):
            gaz._index_town(t, town_codes.get((t["name_zh"], t["county_code"])))
            curated.add((t["name_zh"], t["county_code"]))
        for row in townships:
            if (row["name_zh"], row["gazetteer_code"]) not in curated:  # the curated row has the customary name
                gaz._index_township(row)
        for a in _read("places_aliases.csv"):
            langs = frozenset(a["language"].split()) if a["kind"] == "exonym" else None
            place = gaz._places[a["admin_code"]]
            gaz._add_latin(tuple(_latin_tokens(a["alias"])), _Entry(place, True, True, langs))
        gaz._t2s = {ord(r["traditional"]): r["simplified"] for r in _read("places_t2s.csv")}
        # Longest first, so the scanners try 宁夏回族自治区 before 宁夏.
        for key in gaz._latin:
            gaz._latin_lengths.setdefault(key[0], set()).add(len(key))
        for first, found in gaz._latin_lengths.items():
            gaz._latin_lengths[first] = sorted(found, reverse=True)
        gaz._zh_automaton = SurfaceAutomaton(gaz._zh)
        return gaz

    def _index_division(self, place: Place, row: dict) -> None:
        short, dtype = row["short_zh"], row["division_type"]
        naming = place_naming()
        self._add_zh(place.name_zh, _Entry(place, True))
        if short != place.name_zh:
            self._add_zh(short, _Entry(place, row["short_zh_safe"] == "1"))
            # Customary shortened forms: 延边州, 景宁县, 鄂伦春旗.
            tail = naming.short_form_endings.get(dtype)
            if tail and len(short) >= 2:
                self._add_zh(short + tail, _Entry(place, True))
        if place.admin_code in naming.short_names:  # 内蒙
            self._add_zh(naming.short_names[place.admin_code], _Entry(place, True))
        safe = row["name_en_safe"] == "1"
        for name in {row["name_en"], row["name_pinyin"]}:
            tokens = _strip_type_words(_latin_tokens(name))
            single_syllable = len(short) == 1
            # The pinyin of 陕西 is "Shanxi", but in English "Shanxi" is 山西: the customary name wins.
            primary = name == row["name_en"]
            customary = primary and row["name_en_customary"] == "1"
            self._add_latin(tokens, _Entry(place, safe and not single_syllable, primary, None, customary))
            if single_syllable and place.level == "county":  # She County is also written Shexian
                fused = tokens[0] + naming.fused_type_words.get(dtype, "")
                self._add_latin((fused,), _Entry(place, True))

    def _town_place(self, division_code: str, name_zh: str, name_en: str, town_type: str, town_code: str | None,
                    short_zh: str | None = None) -> Place:
        county = self._places[division_code]
        has_county = county.level == "county"
        return Place(
            admin_code=county.admin_code, name_zh=name_zh, name_en=name_en, level="town",
            division_type=town_type, county_code=county.admin_code if has_county else None,
            prefecture_code=county.prefecture_code, province_code=county.province_code,
            town_name_en=name_en, town_name_zh=name_zh, town_code=town_code, short_zh=short_zh,
        )

    def _index_township(self, row: dict) -> None:
        """A township of the national table: its full Chinese name matches anywhere (when it has a
        type word), its short name only right after its county or city, its pinyin only with a type
        word ('Wengang town')."""
        name_en = row["name_pinyin"]
        place = self._town_place(row["gazetteer_code"], row["name_zh"], name_en, row["town_type"], row["town_code"],
                                 row["short_zh"])
        # a name without a type word (农场, 综合保税区, 城区: farms, zones, districts) is a common noun as
        # often as a name: like a short name, it counts only right after its county or city
        self._add_zh(row["name_zh"], _Entry(place, row["name_zh"] != row["short_zh"], minor=True))
        if len(row["short_zh"]) >= 2 and row["short_zh"] != row["name_zh"]:
            self._add_zh(row["short_zh"], _Entry(place, False, minor=True))
        if row["town_type"] != "other":
            self._add_latin(tuple(_latin_tokens(name_en)), _Entry(place, False, minor=True))

    def _index_town(self, row: dict, town_code: str | None = None) -> None:
        place = self._town_place(row["county_code"], row["name_zh"], row["name_en"], row["town_type"], town_code,
                                 row["short_zh"])
        # a well-known cluster town is the customary reading of a name its namesakes share
        self._add_zh(row["name_zh"], _Entry(place, True, customary=True))
        self._add_zh(row["short_zh"], _Entry(place, row["short_zh_safe"] == "1", customary=True))
        former_ending = place_naming().former_type_endings.get(row["town_type"])
        if former_ending:  # most subdistricts were towns until recently
            self._add_zh(row["short_zh"] + former_ending, _Entry(place, True))
        # a town name that is also a word or a company's name in Latin text needs its type word
        self._add_latin(tuple(_latin_tokens(row["name_en"])), _Entry(place, row["name_en_safe"] == "1", customary=True))

    def _add_zh(self, surface: str, entry: _Entry) -> None:
        entries = self._zh.setdefault(surface, [])
        if all(e.place is not entry.place for e in entries):
            entries.append(entry)

    def _add_latin(self, tokens: tuple[str, ...], entry: _Entry) -> None:
        tokens = tuple(tokens)
        if not tokens:
            return
        self._add_latin_key(tokens, entry)
        plain = tuple(t.replace("'", "") for t in tokens)
        if plain != tokens and "".join(plain) not in _everyday_words():  # Xi'an is also written Xian
            variant = _Entry(entry.place, entry.safe, False, entry.languages, entry.customary, entry.minor)
            self._add_latin_key(plain, variant)

    def _add_latin_key(self, tokens: tuple[str, ...], entry: _Entry) -> None:
        entries = self._latin.setdefault(tokens, [])
        for known in entries:
            if known.place is entry.place:  # Pékin (fr) and Pekín (es) fold to one key
                known.safe |= entry.safe
                known.primary |= entry.primary
                known.customary |= entry.customary
                if known.languages is not None:
                    known.languages = None if entry.languages is None else known.languages | entry.languages
                return
        entries.append(entry)

    # --- lookups ---------------------------------------------------------------------------------
    def get(self, admin_code: str) -> Place | None:
        """The current division for a current or former code."""
        return self._places.get(admin_code) or self._places.get(self._former_to_current.get(admin_code, ""))

    def lineage(self, place: Place) -> dict:
        """English names of the county, prefecture and province a place lies in (itself included)."""

        def name(code: str | None) -> str | None:
            found = self._places.get(code) if code else None
            return found.name_en if found else None

        return {"county": name(place.county_code), "prefecture": name(place.prefecture_code),
                "province": name(place.province_code)}

    # --- mentions --------------------------------------------------------------------------------
    def find_mentions(self, text: str, language: str | None = None) -> list[PlaceMention]:
        simplified = self._simplified(text)
        raws = self._scan_latin(text, language) + self._scan_chinese(simplified)
        raws.sort(key=lambda r: r.start)
        return _named_again(simplified, _resolve(text, raws))

    def _simplified(self, text: str) -> str:
        """The text with traditional characters simplified: same length, so spans stay valid. A text
        with no CJK character is its own: str.translate with a dict looks up every character of a
        text with any non-ASCII one (0.09 s for 2,000 articles, done twice, for nothing in Europe)."""
        return text.translate(self._t2s) if MAY_BE_TRADITIONAL.search(text) else text

    def _scan_chinese(self, simplified: str) -> list[_Raw]:
        raws: list[_Raw] = []
        i = 0  # names do not overlap: a name found here hides any that start inside it
        for start, lengths in self._zh_automaton.by_start(simplified):
            if start < i:
                continue
            for length in lengths:
                raw = self._zh_candidates(simplified, self._zh[simplified[start:start + length]], start, length, raws)
                if raw:
                    raws.append(raw)
                    i = start + length
                    break
        return raws

    def _zh_candidates(
        self, text: str, entries: list[_Entry], start: int, length: int, previous: list[_Raw]
    ) -> _Raw | None:
        if _starts_another_word(text, start + length, entries):
            entries = [e for e in entries if not e.minor]  # 城乡 in 城乡一体化, 镇江 after a town's name
        if any(e.safe for e in entries):
            places = [e.place for e in entries if e.safe or not e.minor]
            if len(places) > 1 and any(p.level == "province" for p in places):
                places = [p for p in places if p.level == "province"]  # 吉林 is the province, 吉林市 the city
            customary = [e.place for e in entries if e.customary and e.place in places]
            return _Raw(start, start + length, tuple(places), {"minor": all(e.minor for e in entries if e.safe),
                                                                "customary": customary[0] if len(customary) == 1 else None})
        # A name that is also a word counts only right after a parent: 中山古镇, 北京朝阳, 南昌文港.
        if previous and previous[-1].end == start:
            parents = previous[-1].candidates
            fitting = [e for e in entries if any(_is_ancestor(p, e.place) for p in parents)]
            if fitting:
                return _Raw(start, start + length, tuple(e.place for e in fitting),
                            {"minor": all(e.minor for e in fitting)})
        return None

    def _scan_latin(self, text: str, language: str | None) -> list[_Raw]:
        tokens = _latin_words(text)
        lengths_by_word = self._latin_lengths
        raws: list[_Raw] = []
        i = 0  # names do not overlap: a name found here hides any that start inside it
        # only a capitalised word that begins some name can start one: the loop visits those alone
        # (one word in 26), picked out by a comprehension
        for k in [k for k, (start, _, folded) in enumerate(tokens)
                  if folded in lengths_by_word and text[start].isupper()]:
            if k < i:
                continue
            matched = 0
            for length in lengths_by_word[tokens[k][2]]:
                if k + length > len(tokens):  # cut short, the words would spell a shorter name
                    continue
                entries = self._latin.get(tuple(t[2] for t in tokens[k:k + length]))
                if entries and _tokens_adjacent(text, tokens, k, length):
                    raw = self._latin_candidates(text, tokens, k, length, entries, language, raws)
                    if raw:
                        raws.append(raw)
                        matched = raw.extra["tokens"]
                    break
            i = k + (matched or 1)
        return raws

    def _latin_candidates(self, text, tokens, i, length, entries, language, previous) -> _Raw | None:
        start, end = tokens[i][0], tokens[i + length - 1][1]
        entries = [e for e in entries if e.languages is None or language is None or language in e.languages]
        hint, used = _suffix_hint(text, tokens, i + length)
        if used:
            end = tokens[i + length + used - 1][1]
        if not hint and _after_a_type_word(tokens, i):
            m = _prefix_type().search(text, max(0, start - PREFIX_REACH), start)
            hint = _prefix_hints()[m.group("w").lower()] if m else None
        if not hint:
            if length == 1 and i > 0 and _is_person_name(text, tokens, i):
                return None
            # a name that is also a word counts right after a parent it lies in: "Kunming Dounan"
            parent = previous[-1] if previous and text[previous[-1].end:start] == " " else None
            entries = [e for e in entries
                       if e.safe or (parent is not None and any(_is_ancestor(p, e.place) for p in parent.candidates))]
        if any(e.primary for e in entries):  # "Jinan" is 济南; Jin'an districts need their apostrophe
            entries = [e for e in entries if e.primary]
        if not entries:
            return None
        places = _filter_by_hint([e.place for e in entries], hint)
        customary = [e.place for e in entries if e.customary and e.place in places]
        minor = {id(e.place) for e in entries if e.minor}
        extra = {"tokens": length + used, "customary": customary[0] if len(customary) == 1 else None,
                 "minor": all(id(place) in minor for place in places)}
        return _Raw(start, end, tuple(places), extra=extra)


def _latin_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded) of every Latin word of a text; an elided article before a name and a
    possessive ending after one are not part of it (dell'Anhui, Yiwu's)."""
    tokens = [(m.start(), m.end(), _fold(m.group())) for m in LATIN_TOKEN.finditer(text)]
    for k in [k for k, token in enumerate(tokens) if "'" in token[2]]:  # _fold made every ’ a '
        tokens[k] = _apostrophe_word(text, *tokens[k][:2])
    return tokens


def _apostrophe_word(text: str, start: int, end: int) -> tuple[int, int, str]:
    word = text[start:end]
    head, _, rest = word.replace("’", "'").partition("'")
    if head.lower() in _elisions() and rest[:1].isupper():  # dell'Anhui, d'Anxi
        start, word = start + len(head) + 1, word[len(head) + 1:]
    for ending in _possessive_endings():  # Yiwu's
        if word.replace("’", "'").lower().endswith(ending):
            word = word[:-len(ending)]
            break
    return start, start + len(word), _fold(word)


def _latin_tokens(name: str) -> list[str]:
    if name.isascii() and name.isalpha():  # most names: one plain word (saves a third of load time)
        return [name.lower()]
    return [_fold(m.group()) for m in LATIN_TOKEN.finditer(name)]


def _strip_type_words(tokens: list[str]) -> tuple[str, ...]:
    tokens = list(tokens)
    while len(tokens) > 1 and (tokens[-1],) in place_naming().type_words_after_name:
        tokens.pop()
    return tuple(tokens)


def _after_a_type_word(tokens: list, i: int) -> bool:
    """A word ending in the PREFIX_REACH characters before the name of token ``i`` is a type word
    ("contea di Anxi", "county of the X"): the only case in which _prefix_type can match there,
    checked first because its search tries every position of those characters before each name (a
    fifth of finding places). The part after an elision is the word (l'provincia)."""
    words = _type_words_before()
    if words is None:
        return True
    reach_start = tokens[i][0] - PREFIX_REACH
    k = i - 1
    while k >= 0 and tokens[k][1] > reach_start:
        if tokens[k][2].rpartition("'")[2] in words:
            return True
        k -= 1
    return False


def _tokens_adjacent(text: str, tokens: list, i: int, length: int) -> bool:
    """The tokens of a multi-word name are separated by spaces or hyphens only (Inner Mongolia)."""
    return all(GAP_ONLY_SPACE.fullmatch(text, tokens[k - 1][1], tokens[k][0])
               for k in range(i + 1, i + length))


def _suffix_hint(text: str, tokens: list, j: int) -> tuple[str | None, int]:
    """The type word right after a name, and how many tokens it takes (ethnic words included)."""
    naming = place_naming()
    ethnic, autonomous = naming.ethnic_words, naming.after_ethnic_groups
    skip = 0
    while (j + skip < len(tokens) and tokens[j + skip][2] in ethnic
           and j + skip + 1 < len(tokens) and (tokens[j + skip + 1][2] in ethnic
                                               or tokens[j + skip + 1][2] == autonomous)):
        skip += 1
    k = j + skip
    if k >= len(tokens):
        return None, 0
    for phrase, hint in _type_phrases(tokens[k][2]):  # the file puts longer phrases first
        if skip and phrase[0] != autonomous:
            continue
        if k + len(phrase) <= len(tokens) and all(
            tokens[k + n][2] == word
            and GAP_ONLY_SPACE.fullmatch(text, tokens[k + n - 1][1], tokens[k + n][0])
            for n, word in enumerate(phrase)
        ):
            return hint, skip + len(phrase)
    return None, 0


def _type_phrases(first: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The type phrases after a name that start with this word, in the file's order."""
    return _type_phrases_by_first_word().get(first, ())


@lru_cache(maxsize=1)
def _type_phrases_by_first_word() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, hint in place_naming().type_words_after_name.items():
        index.setdefault(phrase[0], []).append((phrase, hint))
    return {first: tuple(phrases) for first, phrases in index.items()}


def _is_person_name(text: str, tokens: list, i: int) -> bool:
    prev_start, prev_end, prev = tokens[i - 1]
    return (prev in place_naming().surnames and text[prev_start].isupper() and text[prev_end:tokens[i][0]] == " ")


def _filter_by_hint(places: list[Place], hint: str | None) -> list[Place]:
    if not hint:
        if len(places) > 1 and any(p.level == "province" for p in places):
            return [p for p in places if p.level == "province"]  # "Jilin" is the province
        return places
    types, levels = HINTS[hint]
    exact = [p for p in places if p.division_type in types]
    loose = [p for p in places if p.level in levels]
    return exact or loose or places


def _ancestor_codes(place: Place) -> set[str]:
    codes = {place.prefecture_code, place.province_code}
    if place.level == "town":
        codes.add(place.admin_code)
    codes.discard(None)
    if place.level != "town":
        codes.discard(place.admin_code)
    return codes


def _is_ancestor(outer: Place, inner: Place) -> bool:
    return (outer.level != "town" and outer is not inner
            and LEVEL_RANK[outer.level] < LEVEL_RANK[inner.level]
            and outer.admin_code in _ancestor_codes(inner))


def _relation(candidate: Place, anchor: Place) -> float:
    if candidate is anchor:
        return 3.0
    if _is_ancestor(candidate, anchor) or _is_ancestor(anchor, candidate):
        return 2.0
    if candidate.prefecture_code and candidate.prefecture_code == anchor.prefecture_code:
        return 1.0
    if candidate.province_code == anchor.province_code:
        return 0.5
    return 0.0


def _resolve(text: str, raws: list[_Raw]) -> list[PlaceMention]:
    sentence_ends = [m.start() for m in SENTENCE_END.finditer(text)]
    sentence = [bisect.bisect(sentence_ends, r.start) for r in raws]
    by_sentence: dict[int, list[int]] = {}
    for i, s in enumerate(sentence):
        by_sentence.setdefault(s, []).append(i)
    resolved: dict[int, Place] = {i: r.candidates[0] for i, r in enumerate(raws) if len(r.candidates) == 1}
    relation_cache: dict[tuple[int, int], float] = {}

    def relation(c: Place, a: Place) -> float:
        key = (id(c), id(a))
        if key not in relation_cache:
            relation_cache[key] = _relation(c, a)
        return relation_cache[key]

    def score(i: int, c: Place, counts: dict[int, tuple[Place, int]]) -> float:
        # Every other mention counts once; one in the same sentence twice; right next to it four times
        # ("Ziyang county, Ankang", "Quanzhou Anxi"). A township is decided only by its own sentence.
        total = 0.0 if raws[i].extra.get("minor") else sum(relation(c, a) * n for a, n in counts.values())
        for j in by_sentence[sentence[i]]:
            if j == i:
                continue
            a, b = (raws[i], raws[j]) if i < j else (raws[j], raws[i])
            nearness = 3.0 if b.start - a.end <= 12 else 1.0
            if j in resolved:
                total += relation(c, resolved[j]) * nearness
            elif not raws[j].extra.get("minor"):
                # two undecided names that fit together ("Guzhen, Zhongshan": the town and its city)
                # support each other's consistent readings, at half weight (an undecided township's
                # namesakes are too many to support anything)
                total += 0.5 * nearness * max(relation(c, other) for other in raws[j].candidates)
        return total

    inferred: set[int] = set()
    for _ in range(3):  # decisions feed the next round: Anxi -> Quanzhou -> Fujian's Fuzhou
        counts: dict[int, tuple[Place, int]] = {}
        for place in resolved.values():
            counts[id(place)] = (place, counts.get(id(place), (place, 0))[1] + 1)
        decided = {}
        for i, raw in enumerate(raws):
            if i in resolved:
                continue
            scores = [score(i, c, counts) for c in raw.candidates]
            choice = _decide(raw.candidates, scores)
            customary = raw.extra.get("customary")
            if not choice and customary and scores[raw.candidates.index(customary)] >= max(scores):
                choice = customary  # "Xi'an" is the city unless the text points at a Xi'an district
                inferred.add(i)
            if choice:
                decided[i] = choice
        if not decided:
            break
        resolved.update(decided)
    _mend_homophones(raws, resolved)
    # a township the sentence does not decide is left out, never given to a namesake elsewhere, and so
    # is one written right after a county or city it does not lie in (湖州…洛社镇: a slip, not Wuxi's town)
    return [PlaceMention(r.start, r.end, text[r.start:r.end], resolved.get(i), r.candidates, i in inferred)
            for i, r in enumerate(raws)
            if not r.extra.get("minor") or (i in resolved and not _after_another_parent(text, raws, resolved, i))]


def _mend_homophones(raws: list[_Raw], resolved: dict[int, Place]) -> None:
    """A town spelt like another the text has placed is that town (湖州洛舍镇 … 洛社镇: the same sound,
    one lying under a city the document names, its namesake far away under none): a slip of the pen."""
    named = {p.admin_code for p in resolved.values() if p.level in ("county", "prefecture")}

    def placed(town: Place) -> bool:
        return town.admin_code in named or town.prefecture_code in named

    anchored: dict[str, Place] = {}
    for place in resolved.values():
        if place.level == "town" and place.town_name_en and placed(place):
            anchored.setdefault(place.town_name_en.lower(), place)
    for i, place in list(resolved.items()):
        if place.level == "town" and place.town_name_en and not placed(place):
            twin = anchored.get(place.town_name_en.lower())
            if twin is not None and twin.division_type == place.division_type:
                resolved[i] = twin


def _after_another_parent(text: str, raws: list[_Raw], resolved: dict[int, Place], i: int) -> bool:
    town, start = resolved[i], raws[i].start
    for j in range(i - 1, -1, -1):
        if raws[j].end < start - 6 or re.search(r"[\s,.;:，。；：、]", text[raws[j].end:start]):
            return False
        parent = resolved.get(j)
        if parent is not None and parent.level in ("county", "prefecture") and not _is_ancestor(parent, town):
            return True
    return False


def _named_again(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A town the text has named in full ("Maozui town", 分水镇) is meant where its bare name
    comes again ("Maozui's garment park", 分水是…): the same town, found once the text has said which."""
    towns = {m.place.town_code or m.place.name_zh: m.place for m in mentions if m.place is not None and m.place.level == "town"}
    if not towns:
        return mentions
    spelt: dict[int, set[str]] = {}  # names as this text writes them (洛社 where the town is 洛舍)
    for m in mentions:
        place = m.place
        if place is not None and place.level == "town" and place.town_name_zh and place.short_zh:
            type_word = place.town_name_zh[len(place.short_zh):]
            surface = text[m.start:m.end]
            if type_word and surface.endswith(type_word) and len(surface) > len(type_word) + 1:
                spelt.setdefault(id(place), set()).add(surface[:-len(type_word)])
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for place in towns.values():
        for name in {place.town_name_en, place.short_zh, *spelt.get(id(place), ())} - {None}:
            if len(name) < 2:
                continue
            bare = re.compile(rf"(?<![\w]){re.escape(name)}(?![^\W\d_])" if name.isascii() else re.escape(name))
            for match in bare.finditer(text):
                start, end = match.span()
                if not any(s < end and start < e for s, e in taken):
                    found.append(PlaceMention(start, end, text[start:end], place, (place,)))
                    taken.append((start, end))
    return sorted(mentions + found, key=lambda m: m.start)


def _decide(candidates: tuple[Place, ...], scores: list[float]) -> Place | None:
    best = max(scores)
    top = [c for c, s in zip(candidates, scores) if s >= best - 1e-9]
    if len(top) == 1 and best > 0:
        return top[0]
    # 长沙 is 长沙市 or its 长沙县; 朝阳 next to 辽宁 is 朝阳市 or its 朝阳县: either reading lies in the
    # prefecture, so the prefecture is no guess. Anything else the document must decide.
    outer = min(top, key=lambda p: LEVEL_RANK[p.level])
    if all(p is outer or _is_ancestor(outer, p) for p in top):
        return outer
    return None
