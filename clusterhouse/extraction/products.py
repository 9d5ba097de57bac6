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
from functools import lru_cache
from pathlib import Path

from clusterhouse.lang import all_languages, supported_languages
from clusterhouse.lang import language as language_data
from clusterhouse.reference import PRODUCTS_DIR
from clusterhouse.text.chinese import to_simplified
from clusterhouse.text.dictionary import SurfaceAutomaton
from clusterhouse.text.words import NOTHING, every_language

LANGUAGES = supported_languages()  # every product has a synonym in each


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


# Cue words are read in text of any language (a text may quote another's): every language's apply.
@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Words right after a mention, words ending a mention ("tea industry", "茶产业"), and words right
    before it ("capital of", "distretto della"), matched on folded text. Where a language has word
    edges, a cluster word is a whole word, after a space or a possessive ("toy's industry")."""
    after, ending = [], []
    for lang in all_languages():
        words = "|".join(lang.products.cluster_words)
        if not words:
            continue
        if lang.about.word_boundaries:
            after.append(rf"(?:[ ']s?\s*)?(?:{words})\b")
            ending.append(rf"(?<= )(?:{words})")
        else:
            after.append(f"(?:{words})")
            ending.append(f"(?:{words})")
    before = "|".join(fragment for lang in all_languages() for fragment in lang.products.cluster_words_before)
    return (re.compile("|".join(after) or NOTHING), re.compile(f"(?:{'|'.join(ending) or NOTHING})$"),
            re.compile(f"(?:{before or NOTHING})$"))


_DASHES_AND_SPACES = "-\u2010\u2011\u2012\u2013\u2014\u2212\n\r\t\f\v\u00a0\u2009\u200a\u202f\u3000"
_APOSTROPHES = "\u2019\u2018`\u00b4"


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Dashes and odd spaces to a space, apostrophes to ', and every language's variant characters
    to the standard ones: one character for one."""
    table = str.maketrans(_DASHES_AND_SPACES + _APOSTROPHES, " " * len(_DASHES_AND_SPACES) + "'" * len(_APOSTROPHES))
    for lang in all_languages():
        table.update(str.maketrans(lang.products.variant_characters))
    return table


@lru_cache(maxsize=4)  # an article is folded for its mentions and again for its main product
def fold(text: str) -> str:
    """Lower-case, simplify Chinese, and unify dashes, spaces and apostrophes, keeping the length."""
    folded = to_simplified(text).translate(_fold_table())
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
        for phrase in sorted(every_language(lambda lang: lang.products.false_friends)):
            self._add_surface(phrase, None, "*")
        # a synonym's language -> what it may run into as one word (German compounds)
        self._compound_heads = {lang.code: lang.products.compound_heads for lang in all_languages()}
        self._automaton = SurfaceAutomaton(self._surfaces)

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
        lang = language_data(language)
        allowed = lang.products.synonym_languages if lang else None
        candidates: list[tuple[int, int, str | None]] = []
        for i, lengths in self._automaton.by_start(folded):
            starts_word = i == 0 or not _is_word_char(folded[i - 1])
            if not starts_word and _is_word_char(folded[i]):
                continue  # inside a Latin word: every Latin surface needs a word start
            for length in lengths:
                entries = self._surfaces[folded[i : i + length]]
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
                compound_head = self._compound_heads.get(entry.language)
                if compound_head is None or not compound_head.match(folded, end):
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

    def main_product(
        self, text: str, language: str | None = None, mentions: list[ProductMention] | None = None
    ) -> Product | None:
        """The product a document is mainly about, or None when it names none; ``mentions`` are
        the text's product mentions when the caller has found them already.

        Each mention counts 1, +1 in the title or first paragraph, +2 when worded as a cluster
        ("X industry", "capital of X", "X之都", "distretto della X"). A mention of a broader product
        also half-supports the narrower products the document names (toys -> plush toys)."""
        if mentions is None:
            mentions = self.find_mentions(text, language)
        if not mentions:
            return None
        folded = fold(text)
        lead_end = _lead_end(text)
        cue_after, cue_ending, cue_before = _cues()
        scores: dict[str, float] = defaultdict(float)
        first_seen: dict[str, int] = {}
        for m in mentions:
            pid = m.product.product_id
            weight = 1.0
            if m.start < lead_end:
                weight += 1.0
            if (
                cue_after.match(folded, m.end)
                or cue_ending.search(folded, m.start + 1, m.end)  # "plush toy industry", "茶产业"
                or cue_before.search(folded[max(0, m.start - 40) : m.start])
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
