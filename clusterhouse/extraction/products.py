"""Product taxonomy and product detection in news text.

The taxonomy and its synonyms live in ``clusterhouse/reference/products/``: this module reads them,
and the reference asset publishes the same files as raw tables, so there is one source of truth.

Detection is dictionary matching on a *folded* copy of the text that keeps every character at its
offset (lower case, traditional -> simplified Chinese, dashes and line breaks -> spaces), so spans
found in the folded text are spans of the original. At each span the longest, then the most
specific, product wins; phrases such as "Silk Road" or "Pearl River" block the products inside them.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from clusterhouse.reference import PRODUCTS_DIR

LANGUAGES = ("en", "zh", "it", "es", "fr", "de")


@dataclass(frozen=True)
class Product:
    product_id: str
    name_en: str
    name_zh: str
    family: str
    parent_product_id: str | None
    hs_code: str | None
    gbt4754_code: str | None


@dataclass(frozen=True)
class ProductMention:
    start: int
    end: int
    text: str
    product: Product


# Phrases that contain a product word but are not about the product (false friends). A candidate
# mention that overlaps one of these is dropped. Written as plain text; folded like the synonyms.
EXCLUDED_PHRASES = (
    # silk
    "silk road", "silk roads", "丝绸之路", "via della seta", "vie della seta", "ruta de la seda",
    "route de la soie", "routes de la soie", "Seidenstraße", "Seidenstrasse",
    # pearl
    "pearl river", "pearl harbor", "pearl harbour", "oriental pearl", "pearl of the", "珍珠港",
    "珍珠奶茶", "fiume delle perle", "perla del", "perla della", "perla dell'",
    "río de las perlas", "rio de las perlas", "la perla de", "rivière des perles",
    "la perle de", "perle rare",
    # tea
    "tea party", "milk tea", "bubble tea", "tea break", "奶茶",
    # apples: the company, not the fruit
    "apple inc", "苹果公司", "苹果产业链", "苹果供应链", "苹果概念", "苹果iphone",
    # honeymoon, potatoes, funeral homes, idioms
    "luna de miel", "lune de miel", "pomme de terre", "pommes de terre", "pompes funèbres",
    "pen name", "pen pal", "pig pen", "hat trick", "auf der Hut", "di stampo",
    # other Chinese false friends
    "眼镜蛇", "汽车站", "汽车客运站", "pizza hut",
)

# Language of a document -> languages whose synonyms may be matched in it. Chinese words cannot
# collide with Latin ones, and Chinese news write English acronyms (LED, PCB) as they are.
_LANGUAGES_FOR = {
    "en": ("en", "zh"),
    "zh": ("zh", "en"),
    "it": ("it", "zh"),
    "es": ("es", "zh"),
    "fr": ("fr", "zh"),
    "de": ("de", "zh"),
}

# German writes compounds as one word (Spielwarenindustrie, Möbelhersteller): a German synonym may
# run into one of these heads, optionally through a linking s/n/e/en.
_GERMAN_COMPOUND_HEAD = re.compile(
    r"(?:s|n|e|en)?(?:industrie|branche|hersteller|herstellung|produktion|produzent|markt|fabrik|"
    r"export|sektor|cluster|zentrum|hauptstadt|stadt|handel|unternehmen|firmen|messe|werk|zuliefer|"
    r"händler|region|betrieb|sparte|geschäft)",
)

# Words around a mention that say the document is about a cluster making that product.
_CUE_WORDS_LATIN = (
    r"(?:industry|industries|industrial|cluster|clusters|sector|production base|manufacturing base|"
    r"base|hub|capital|town|city|county|belt|makers|manufacturers|manufacturing|producers|production|"
    r"enterprises|companies|firms|factories|exporters|market|park|zone|industria|distretto|settore|"
    r"industrie|branche|hersteller|produktion|sektor|filière|secteur|pôle|clúster|sector)"
)
_CUE_WORDS_CHINESE = (
    r"(?:产业|行业|集群|之都|之乡|名城|名镇|生产基地|基地|产业带|企业|产值|出口|特色产业|专业镇|"
    r"市场|制造|加工|产区|小镇)"
)
_CUE_AFTER = re.compile(rf"(?:[ ']s?\s*)?{_CUE_WORDS_LATIN}\b|{_CUE_WORDS_CHINESE}")
_CUE_ENDING = re.compile(rf"(?:(?<= ){_CUE_WORDS_LATIN}|{_CUE_WORDS_CHINESE})$")  # "tea industry"
_CUE_BEFORE = re.compile(
    r"(?:(?:capital|hometown|home|kingdom|centre|center|hub|base|city|town) of (?:the )?"
    r"(?:world'?s |china'?s |chinese |global |world |national )?"
    r"|(?:distretto|industria|settore|capitale(?: mondiale)?|polo|filiera|produzione|produttori)"
    r" (?:del|della|dello|dei|degli|delle|di) ?"
    r"|(?:distretto|industria|settore|capitale(?: mondiale)?|polo|filiera) dell'"
    r"|(?:industria|capital(?: mundial)?|clúster|cluster|sector|polo|centro|fabricantes)"
    r" (?:del|de la|de los|de las|de) "
    r"|(?:industrie|capitale(?: mondiale)?|filière|secteur|pôle|fabricants?|producteurs?)"
    r" (?:du|de la|des|de|d') ?"
    r"|(?:industrie|capitale(?: mondiale)?|filière|secteur|pôle) de l'"
    r"|(?:hauptstadt|zentrum|branche) (?:des|der|für) "
    r"|中国|世界)$"
)

# Traditional -> simplified for the characters used by the synonyms and cue words (one character
# each, so offsets are kept). Generated with OpenCC (s2t, s2tw, s2hk) and checked back with t2s.
_TRADITIONAL = (
    "乾俬俱傘備傢內兩剛動區參單國圍園圓堅場墊壓壺妝學實寶專導層屬崗巖帳帶幹廚強應拋掛揚數斷時桿"
    "條業極樂標樹機櫃氣涼減準溫滌漁漢潔濃烏無煙熱燈燭牀牆獼產異療發磚禮競筆箏節築簽簾籃粵紅紉紐"
    "紗紙紡紹組絨絲綠綢維網綸緊線編縫縮繅織繡纖纜聖聲腦膠臍興莊華葉藝藥蘇蘋蝦螄蠟蠶術衛衞裝製褲"
    "襪襯視觀計記設誕調護變貨費質車軟軸輪輸轉辦農遊運達遙鄉醃醫醬針釣釦鈕鉛鋁鋰鋸鋼錦錶鍋鍾鎖鎮"
    "鏈鏡鏽鐘鐵鑄鑽門開閒閘閥關陳陽雙離電響領頭類顯風飯飲飾養餞馬體髮魚鮮鹹黃齒龍綫"
)
_SIMPLIFIED = (
    "干私具伞备家内两刚动区参单国围园圆坚场垫压壶妆学实宝专导层属岗岩帐带干厨强应抛挂扬数断时杆"
    "条业极乐标树机柜气凉减准温涤渔汉洁浓乌无烟热灯烛床墙猕产异疗发砖礼竞笔筝节筑签帘篮粤红纫纽"
    "纱纸纺绍组绒丝绿绸维网纶紧线编缝缩缫织绣纤缆圣声脑胶脐兴庄华叶艺药苏苹虾蛳蜡蚕术卫卫装制裤"
    "袜衬视观计记设诞调护变货费质车软轴轮输转办农游运达遥乡腌医酱针钓扣钮铅铝锂锯钢锦表锅钟锁镇"
    "链镜锈钟铁铸钻门开闲闸阀关陈阳双离电响领头类显风饭饮饰养饯马体发鱼鲜咸黄齿龙线"
)

_DASHES_AND_SPACES = "-\u2010\u2011\u2012\u2013\u2014\u2212\n\r\t\f\v\u00a0\u2009\u200a\u202f\u3000"
_FOLD_TABLE = str.maketrans(
    _TRADITIONAL + _DASHES_AND_SPACES + "\u2019\u2018`\u00b4",
    _SIMPLIFIED + " " * len(_DASHES_AND_SPACES) + "''''",
)


def fold(text: str) -> str:
    """Lower-case, simplify Chinese, and unify dashes, spaces and apostrophes, keeping the length."""
    folded = text.translate(_FOLD_TABLE)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    # A few characters lower-case to two (İ); keep those as they are so offsets stay put.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)


def _is_word_char(c: str) -> bool:
    """A letter or digit of an alphabetic script (CJK characters are not word characters here)."""
    return c.isalnum() and not _is_cjk(c)


def _is_cjk(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\U00020000" <= c <= "\U0002ffff"


@dataclass(frozen=True)
class _Entry:
    """One surface form of a product (product_id None: an excluded phrase)."""

    product_id: str | None
    language: str
    upper_offsets: tuple[int, ...]  # letters written in capitals must be capitals in the text
    latin_start: bool
    latin_end: bool


class ProductCatalog:
    def __init__(self, products: list[Product], synonyms: list[tuple[str, str, str]]):
        self.products: tuple[Product, ...] = tuple(products)
        self._by_id = {p.product_id: p for p in products}
        self._depth = {p.product_id: len(self.ancestors(p.product_id)) for p in products}
        self._surfaces: dict[str, list[_Entry]] = defaultdict(list)
        for product_id, language, synonym in synonyms:
            if product_id not in self._by_id:
                raise ValueError(f"synonym {synonym!r} names unknown product {product_id!r}")
            self._add_surface(synonym, product_id, language)
        for phrase in EXCLUDED_PHRASES:
            self._add_surface(phrase, None, "*")
        # Candidate lengths per first two characters (one for one-character surfaces), longest first.
        lengths: dict[str, set[int]] = defaultdict(set)
        for surface in self._surfaces:
            lengths[surface[:2]].add(len(surface))
        self._lengths = {key: tuple(sorted(ls, reverse=True)) for key, ls in lengths.items()}

    def _add_surface(self, synonym: str, product_id: str | None, language: str) -> None:
        synonym = synonym.strip()
        if not synonym:
            return
        surface = fold(synonym)
        entry = _Entry(
            product_id=product_id,
            language=language,
            upper_offsets=tuple(i for i, c in enumerate(synonym) if c.isupper()),
            latin_start=_is_word_char(surface[0]),
            latin_end=_is_word_char(surface[-1]),
        )
        if entry not in self._surfaces[surface]:
            self._surfaces[surface].append(entry)

    @classmethod
    def load(cls, products_dir: Path | None = None) -> "ProductCatalog":
        """Read the taxonomy and synonym seeds (by default from the repo's dbt_project/seeds)."""
        products_dir = products_dir or PRODUCTS_DIR
        with open(products_dir / "product_taxonomy.csv", encoding="utf-8", newline="") as f:
            products = [
                Product(
                    product_id=row["product_id"],
                    name_en=row["name_en"],
                    name_zh=row["name_zh"],
                    family=row["family"],
                    parent_product_id=row["parent_product_id"] or None,
                    hs_code=row["hs_code"] or None,
                    gbt4754_code=row["gbt4754_code"] or None,
                )
                for row in csv.DictReader(f)
            ]
        with open(products_dir / "product_synonyms.csv", encoding="utf-8", newline="") as f:
            synonyms = [(row["product_id"], row["language"], row["synonym"]) for row in csv.DictReader(f)]
        return cls(products, synonyms)

    def get(self, product_id: str) -> Product | None:
        return self._by_id.get(product_id)

    def ancestors(self, product_id: str) -> list[str]:
        """Parent, grandparent, … of a product (empty for a top-level product)."""
        chain: list[str] = []
        parent = self._by_id[product_id].parent_product_id if product_id in self._by_id else None
        while parent and parent not in chain:
            chain.append(parent)
            parent = self._by_id[parent].parent_product_id if parent in self._by_id else None
        return chain

    # ---------------------------------------------------------------- detection

    def find_mentions(self, text: str, language: str | None = None) -> list[ProductMention]:
        """Every product mention in the text, in order, non-overlapping.

        ``language`` (ISO 639-1) limits matching to that language's synonyms plus Chinese (plus
        English for Chinese text), which keeps out cross-language false friends such as German
        "hat" or Italian "piano". With None, or a language without synonyms, all are used, and a
        word that means different products in different languages is skipped."""
        folded = fold(text)
        allowed = _LANGUAGES_FOR.get((language or "").lower()[:2])
        candidates: list[tuple[int, int, str | None]] = []
        n = len(folded)
        for i, c in enumerate(folded):
            starts_word = i == 0 or not _is_word_char(folded[i - 1])
            if not starts_word and _is_word_char(c):
                continue  # inside a Latin word: every Latin surface needs a word start
            lengths = self._lengths.get(folded[i : i + 2], ()) + self._lengths.get(c, ())
            for length in lengths:
                if i + length > n:
                    continue
                entries = self._surfaces.get(folded[i : i + length])
                if not entries:
                    continue
                product_id = self._pick(entries, text, folded, i, length, starts_word, allowed)
                if product_id is not _NO_MATCH:
                    candidates.append((i, i + length, product_id))
                    break  # longest surface at this start
        return [
            ProductMention(start, end, text[start:end], self._by_id[product_id])
            for start, end, product_id in self._select(candidates)
        ]

    def _pick(self, entries, text, folded, start, length, starts_word, allowed):
        """The product meant by a surface found at text[start:start+length], or _NO_MATCH."""
        end = start + length
        right_open = end == len(folded) or not _is_word_char(folded[end])
        products: set[str | None] = set()
        for entry in entries:
            if entry.language != "*" and allowed is not None and entry.language not in allowed:
                continue
            if entry.latin_start and not starts_word:
                continue
            if entry.latin_end and not right_open:
                if entry.language != "de" or not _GERMAN_COMPOUND_HEAD.match(folded, end):
                    continue
            if any(not text[start + k].isupper() for k in entry.upper_offsets):
                continue
            products.add(entry.product_id)
        if None in products:
            return None  # an excluded phrase
        if len(products) == 1:
            return products.pop()
        # No entry, or a surface that means different products in different languages
        # (Italian "seta" silk, Spanish "seta" mushroom) when the language is unknown.
        return _NO_MATCH

    def _select(self, candidates):
        """Longest first, then most specific; drop anything overlapping an excluded phrase."""
        blocked = [(s, e) for s, e, pid in candidates if pid is None]
        chosen: list[tuple[int, int, str]] = []
        ranked = sorted(
            (c for c in candidates if c[2] is not None),
            key=lambda c: (-(c[1] - c[0]), -self._depth[c[2]], c[0]),
        )
        for start, end, product_id in ranked:
            if any(s < end and start < e for s, e in blocked):
                continue
            if any(s < end and start < e for s, e, _ in chosen):
                continue
            chosen.append((start, end, product_id))
        return sorted(chosen)

    def main_product(self, text: str, language: str | None = None) -> Product | None:
        """The product a document is mainly about, or None when it names none.

        Each mention counts 1, +1 in the title or first paragraph, +2 when worded as a cluster
        ("X industry", "capital of X", "X之都", "distretto della X"). A mention of a broader product
        also half-supports the narrower products the document names (toys -> plush toys)."""
        mentions = self.find_mentions(text, language)
        if not mentions:
            return None
        folded = fold(text)
        lead_end = _lead_end(text)
        scores: dict[str, float] = defaultdict(float)
        first_seen: dict[str, int] = {}
        for m in mentions:
            pid = m.product.product_id
            weight = 1.0
            if m.start < lead_end:
                weight += 1.0
            if (
                _CUE_AFTER.match(folded, m.end)
                or _CUE_ENDING.search(folded, m.start + 1, m.end)  # "plush toy industry", "茶产业"
                or _CUE_BEFORE.search(folded[max(0, m.start - 40) : m.start])
            ):
                weight += 2.0
            scores[pid] += weight
            first_seen.setdefault(pid, m.start)
        totals = {
            pid: score + 0.5 * sum(scores.get(a, 0.0) for a in self.ancestors(pid))
            for pid, score in scores.items()
        }
        best = max(totals, key=lambda pid: (totals[pid], self._depth[pid], -first_seen[pid]))
        return self._by_id[best]


_NO_MATCH = object()


def _lead_end(text: str) -> int:
    """End of the title and first paragraph: the part of an article that says what it is about."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    if not lines:
        return 0
    if len(lines) == 1:
        return min(len(text), 300)
    first_start, first_end = lines[0]
    if first_end - first_start <= 150:  # a title: take the paragraph after it too
        return lines[1][1]
    return first_end
