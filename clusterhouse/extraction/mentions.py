"""The second and third stages of extraction: a document's layout (paragraphs, sentences, which
of them are headlines or captions) and everything it mentions, found once per document: places,
products, and per sentence the numbers and time expressions.

Later stages read these values and never search the text again.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from clusterhouse.extraction.geography import CLUSTER_LEVELS, is_within, place_key
from clusterhouse.extraction.numbers import NumberMention, find_numbers
from clusterhouse.extraction.periods import TimeExpression, find_time_expressions
from clusterhouse.extraction.places import Gazetteer, PlaceMention
from clusterhouse.extraction.products import Product, ProductCatalog, ProductMention
from clusterhouse.lang import Language, all_languages
from clusterhouse.lang.schema.kinds import NEVER
from clusterhouse.reference.names import outlet_aliases
from clusterhouse.text.chinese import to_simplified
from clusterhouse.text.sentences import Span, paragraphs, sentences
from clusterhouse.text.words import NOTHING, every_language


@lru_cache(maxsize=1)
def _settlements() -> re.Pattern:
    """Named settlements below county level, as every language writes them (an article may quote
    "Dafen village" in any language)."""
    return re.compile("|".join(f"(?:{lang.places.settlement_names.pattern})" for lang in all_languages()
                               if lang.places.settlement_names.pattern != NEVER.pattern) or NOTHING)


@lru_cache(maxsize=1)
def _agency_credit() -> re.Pattern:
    """An agency credited in brackets ends a dateline in any language: "SHENZHEN, June 12 (Xinhua) --"."""
    aliases = sorted({alias for names in outlet_aliases().values() for alias in names}, key=len, reverse=True)
    return re.compile(r"\((?:" + "|".join(map(re.escape, aliases)) + r")\)", re.IGNORECASE)


_DATELINES: dict[str, re.Pattern] = {}


def _dateline(lang: Language) -> re.Pattern:
    """Where the reporter filed from, not what the article is about: up to 80 characters of a first
    paragraph ending with an agency credit or the language's dateline ending."""
    if lang.code not in _DATELINES:
        _DATELINES[lang.code] = re.compile(
            rf"[^\n]{{0,80}}?(?:{_agency_credit().pattern}|{lang.documents.dateline_end.pattern})", re.IGNORECASE)
    return _DATELINES[lang.code]


@lru_cache(maxsize=1)
def _credit_caption() -> re.Pattern:
    """A photo credited to an agency in brackets at the end of a sentence: "(Xinhua/Li Ming)"."""
    aliases = sorted({alias for names in outlet_aliases().values() for alias in names}, key=len, reverse=True)
    return re.compile(r"\((?:" + "|".join(map(re.escape, aliases)) + r")[^)]*\)\s*$", re.IGNORECASE)


def _is_caption(text: str, lang: Language, start: int = 0, end: int | None = None) -> bool:
    end = len(text) if end is None else end
    return bool(lang.documents.caption_cues.search(text, start, end) or _credit_caption().search(text, start, end))


@dataclass(frozen=True)
class SentenceMentions:
    """One sentence and what it mentions. Offsets of numbers, times and product spans are in the
    sentence; place mentions keep their document offsets."""

    paragraph: int  # index of its paragraph: context carries over within a paragraph only
    span: Span
    text: str  # the sentence as matched (simplified script where the language asks for it)
    in_headline: bool  # the sentence belongs to a headline paragraph: no figures, no context
    is_caption: bool  # a photo caption: no figures, but its times still set the context
    ends_document: bool  # nothing follows it: a number cut off at its end is dropped
    numbers: tuple[NumberMention, ...]
    times: tuple[TimeExpression, ...]
    places: tuple[PlaceMention, ...]
    product_spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class DocumentMentions:
    """Everything a document mentions that extraction needs, found once."""

    language: Language
    places: tuple[PlaceMention, ...]  # the places a figure may be attributed to
    products: tuple[ProductMention, ...]
    primary: PlaceMention  # the place the document is mainly about
    main_product: Product
    product_name: str | None  # the article's own words for a product outside the taxonomy
    products_by_place: dict[str, Product]  # place key -> the product that place is named with
    sentences: tuple[SentenceMentions, ...]


@lru_cache(maxsize=1)
def _names_that_are_not_places() -> frozenset[str]:
    """Words that spell a place's name but name something else in news: a currency (yuan, renminbi)
    or an outlet credited as itself ("(Xinhua)", "Source: Xinhua")."""
    currencies = every_language(lambda lang: lang.numbers.currency_words)
    outlets = {alias for aliases in outlet_aliases().values() for alias in aliases}
    return frozenset(word.lower() for word in currencies | outlets | {"renminbi", "yuanes", "yuans", "rmb"})


@lru_cache(maxsize=1)
def reference() -> tuple[Gazetteer, ProductCatalog]:
    """The gazetteer and the product catalog, loaded once per process."""
    return Gazetteer.load(), ProductCatalog.load()


def find_document_mentions(
    text: str, lang: Language, published: date | None, title: str | None
) -> DocumentMentions | None:
    """What the document mentions, or None when it names no place or no product to attribute to."""
    gazetteer, catalog = reference()
    matching_text = to_simplified(text) if lang.about.simplify_script else text
    datelines = _dateline_spans(matching_text, lang)
    not_places = _names_that_are_not_places()
    place_mentions = [m for m in gazetteer.find_mentions(matching_text, lang.code)
                      if m.text.lower() not in not_places
                      and not any(start <= m.start < end for start, end in datelines)]
    product_mentions = catalog.find_mentions(matching_text, lang.code)
    place_mentions = _outside_product_names(matching_text, place_mentions, product_mentions)
    main_product = catalog.main_product(matching_text, lang.code, product_mentions)
    product_name = None
    if main_product is None and lang.products.industry_words.search(matching_text):
        main_product = catalog.get("unclassified")  # recall over a taxonomy gap; the name is kept
        named = lang.products.industry_name.search(matching_text)
        product_name = next((group for group in named.groups() if group), None) if named else None
    if main_product is None:
        return None
    layout = [(paragraph, sentences(text, paragraph)) for paragraph in paragraphs(text)]
    spans = [span for _, spans in layout for span in spans]
    starts = [span.start for span in spans]
    weights = _mention_weights(place_mentions, product_mentions, main_product, spans, matching_text, datelines, lang)
    primary = _primary_place(place_mentions, weights, matching_text)
    if primary is None:
        return None
    places = _cluster_place_mentions(place_mentions, product_mentions, primary, starts)
    return DocumentMentions(
        language=lang,
        places=tuple(places),
        products=tuple(product_mentions),
        primary=primary,
        main_product=main_product,
        product_name=product_name,
        products_by_place=_products_by_place(places, product_mentions, starts),
        sentences=tuple(_document_sentences(text, matching_text, layout, spans, starts, title, lang, published,
                                            places, product_mentions)),
    )


def _outside_product_names(text: str, places: list[PlaceMention], products: list[ProductMention]) -> list[PlaceMention]:
    """The place mentions that are not a product's name. 普洱 in 普洱茶, 大理 in 大理石 and 绍兴 in
    绍兴酒 are part of the product's name, made far from there too (勐海普洱茶, 南安大理石). A name
    that is both (龙井, Longjing; 牡丹) is the product right after another place (新昌龙井), the
    place elsewhere (Longjing in Jilin)."""
    if not products:
        return places
    starts = [product.start for product in products]  # sorted, and product names do not overlap
    kept: list[PlaceMention] = []
    for place in places:
        k = bisect.bisect_right(starts, place.start) - 1
        product = products[k] if k >= 0 and place.end <= products[k].end else None
        if product is None:
            kept.append(place)
        elif (product.start, product.end) == (place.start, place.end) and not (
                kept and not text[kept[-1].end:place.start].strip()):
            kept.append(place)
    return kept


def _document_sentences(text, matching_text, layout, spans, starts, title, lang, published, places, products):
    """Every sentence with what it mentions; each mention is put in the sentence that holds it in
    one pass (every mention was compared with every sentence: 3 % of extraction)."""
    places_in, products_in = _within_sentences(places, spans, starts), _within_sentences(products, spans, starts)
    content_end = len(text.rstrip())  # a sentence that ends here or after ends the document
    number = 0
    for index, (paragraph, paragraph_spans) in enumerate(layout):
        in_headline = _is_headline(text, paragraph, title)
        for span in paragraph_spans:
            yield _sentence_mentions(matching_text, index, span, in_headline, span.end >= content_end, lang,
                                     published, places_in.get(number, ()), products_in.get(number, ()))
            number += 1


def _within_sentences(mentions, spans: list[Span], starts: list[int]) -> dict[int, list]:
    """Sentence number -> the mentions lying wholly inside that sentence, in their order."""
    found: dict[int, list] = {}
    for mention in mentions:
        index = _sentence_of(starts, mention.start)
        if index >= 0 and mention.end <= spans[index].end:
            found.setdefault(index, []).append(mention)
    return found


def _sentence_mentions(matching_text, paragraph, span, in_headline, ends_document, lang, published, places,
                       products) -> SentenceMentions:
    sentence = matching_text[span.start: span.end]
    return SentenceMentions(
        paragraph=paragraph,
        span=span,
        text=sentence,
        in_headline=in_headline,
        is_caption=_is_caption(sentence, lang),
        ends_document=ends_document,
        numbers=tuple(find_numbers(sentence, lang.code)) if not in_headline else (),
        times=tuple(find_time_expressions(sentence, lang.code, published)) if not in_headline else (),
        places=tuple(places),
        product_spans=tuple((m.start - span.start, m.end - span.start) for m in products),
    )


def _is_headline(text: str, span: Span, title: str | None) -> bool:
    body = text[span.start: span.end].strip()
    if title and title.strip() and title.strip() in body and len(body) <= len(title.strip()) + 40:
        return True
    return len(body) < 200 and not re.search(r"[.。!?！？]$", body) and span.start < 5


def _dateline_spans(text: str, lang: Language) -> list[tuple[int, int]]:
    spans = []
    for paragraph in paragraphs(text)[:3]:
        match = _dateline(lang).match(text, paragraph.start, paragraph.end)
        # a dateline carries a date or an agency: "Guzhen - the lighting capital" is a headline
        if match and (re.search(r"\d|\([A-Za-z ]+\)", match.group()) or _agency_credit().search(match.group())
                      or any(word in match.group() for word in lang.time.dateline_words)):
            spans.append((paragraph.start, match.end()))
    return spans


def _mention_weights(
    mentions: list[PlaceMention], products: list[ProductMention], main_product: Product, spans: list[Span],
    text: str, datelines: list[tuple[int, int]], lang: Language,
) -> list[float]:
    """How much each place mention says the document is about that place: 1, and 3 in a sentence
    that names the document's product (the place the industry is told of, not a place in an
    anecdote); nothing in a dateline or a photo caption."""
    starts = [span.start for span in spans]
    product_sentences = {_sentence_of(starts, m.start) for m in products if m.product.family == main_product.family}
    weights = []
    for mention in mentions:
        index = _sentence_of(starts, mention.start)
        sentence = spans[index] if index >= 0 else None
        if any(start <= mention.start < end for start, end in datelines) or (
                sentence is not None and _is_caption(text, lang, sentence.start, sentence.end)):
            weights.append(0.0)
        else:
            weights.append(3.0 if index in product_sentences else 1.0)
    return weights


def _primary_place(mentions: list[PlaceMention], weights: list[float], text: str) -> PlaceMention | None:
    """The place the document is mainly about: the place below province level its mentions weigh
    most for (counties and towns over their prefecture on a tie); a province only when nothing else."""
    counts: dict[str, float] = {}
    first: dict[str, PlaceMention] = {}
    for mention, weight in zip(mentions, weights):
        if mention.place is None or not weight:
            continue
        key = place_key(mention.place)
        counts[key] = counts.get(key, 0) + weight
        first.setdefault(key, mention)
    if not counts:
        return None

    def score(key: str) -> tuple:
        place = first[key].place
        below_province = place.level != "province"
        return (below_province, counts[key], -CLUSTER_LEVELS.get(place.level, 3), -first[key].start)

    best = first[max(counts, key=score)]
    if best.place.level == "prefecture" and _names_a_settlement_repeatedly(text):
        # "Dafen Village in Shenzhen's Longgang District": a settlement the gazetteer does not
        # know, inside the only county-level division the article names in that city
        counties = {place_key(m.place): m for m in mentions if m.place is not None
                    and m.place.level == "county" and is_within(m.place, best.place)}
        if len(counties) == 1:
            return next(iter(counties.values()))
    return best


def _names_a_settlement_repeatedly(text: str) -> bool:
    """The article is about one village or town: the same one is named at least twice."""
    names: dict[str, int] = {}
    for match in _settlements().finditer(text):
        name = next(group for group in match.groups() if group)
        names[name] = names.get(name, 0) + 1
    return bool(names) and max(names.values()) >= 2


def _sentence_of(starts: list[int], position: int) -> int:
    """Index of the sentence holding ``position``, given the sorted sentence starts."""
    return bisect.bisect_right(starts, position) - 1


def _cluster_place_mentions(
    mentions: list[PlaceMention], products: list[ProductMention], primary: PlaceMention, starts: list[int]
) -> list[PlaceMention]:
    """Places a figure may be attributed to: the main place, places inside it, and places named
    in a sentence that also names a product (a second cluster). A port, a customer's city or a
    venue named in passing is not a cluster."""
    product_sentences = {_sentence_of(starts, product.start) for product in products}
    with_product = {
        place_key(m.place) for m in mentions
        if m.place is not None and _sentence_of(starts, m.start) in product_sentences
    }
    # a place the article keeps coming back to is a second cluster, even if its product is
    # named in a form the taxonomy misses ("Lagerbranche")
    times_named: dict[str, int] = {}
    for m in mentions:
        if m.place is not None:
            times_named[place_key(m.place)] = times_named.get(place_key(m.place), 0) + 1
    with_product |= {key for key, count in times_named.items() if count >= 2}
    kept = []
    for mention in mentions:
        if mention.place is None:
            kept.append(mention)
            continue
        key = place_key(mention.place)
        same = key == place_key(primary.place)
        inside = is_within(mention.place, primary.place)
        wider = is_within(primary.place, mention.place)
        if same or inside or wider or key in with_product:
            kept.append(mention)
    return kept


def _products_by_place(mentions: list[PlaceMention], products: list[ProductMention], starts: list[int]) -> dict[str, Product]:
    """The product each place is named with most often, counting sentences that name that
    place and no other (an article on two clusters names each with its own product)."""
    places_in: dict[int, set[str]] = {}
    for m in mentions:
        if m.place is not None:
            places_in.setdefault(_sentence_of(starts, m.start), set()).add(place_key(m.place))
    counts: dict[str, dict[str, int]] = {}
    by_id: dict[str, Product] = {}
    for product in products:
        places = places_in.get(_sentence_of(starts, product.start), set())
        if len(places) != 1:
            continue
        key = next(iter(places))
        by_id[product.product.product_id] = product.product
        tally = counts.setdefault(key, {})
        tally[product.product.product_id] = tally.get(product.product.product_id, 0) + 1
    return {key: by_id[max(tally, key=tally.get)] for key, tally in counts.items()}
