"""Document-level extraction: which cluster each figure is about, and when.

Reads a document paragraph by paragraph. Within a paragraph the place and the time a
sentence names carry over to the next sentences that name none (news writes "By the end of
2022, X had ... . Its products are exported to ..."). A figure with no place falls back to the
document's main cluster; one with no time to the publication year.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from clusterhouse.extraction.figures import STOCK_METRICS, FigureRules, SentenceFigure, figure_rules, find_sentence_figures
from clusterhouse.extraction.periods import TimeExpression, find_time_expressions
from clusterhouse.extraction.places import Gazetteer, Place, PlaceMention
from clusterhouse.extraction.products import Product, ProductCatalog
from clusterhouse.lang import language as language_data
from clusterhouse.settings import extractor_version
from clusterhouse.text.chinese import to_simplified
from clusterhouse.text.sentences import Span, paragraphs, sentences

PARALLEL_THRESHOLD = 200
_CLUSTER_LEVELS = {"town": 0, "county": 1, "prefecture": 2, "province": 3}
# a named settlement below county level that the gazetteer may not know ("Dafen village", "军埔村")
_SETTLEMENT = re.compile(
    r"\b([A-Z][a-z]+(?:-[a-z]+)?) (?:[Vv]illage|[Tt]own|[Tt]ownship|[Ss]ubdistrict)\b"
    r"|\b(?:village|town|township|villaggio|paese|borgo|pueblo|aldea|bourg|village) (?:of |di |de |d')?([A-Z][a-z]+)\b"
    r"|([\u4e00-\u9fff]{2,3})(?:村|镇|乡|街道)"
)
# the article is about an industry, even when its product is not in the taxonomy
_INDUSTRY = re.compile(r"\bindustr\w*|\bclusters?\b|production base|capital of|产业|之乡|之都|生产基地|"
                       r"\bdistrett\w*|\bsettore\b|\bsector\b|\bfilière\b|\bBranche\b", re.IGNORECASE)
# "SHENZHEN, June 12 (Xinhua) --", "Pechino, 27 apr (Agenzia Nova) -", "新华社杭州3月3日电": where the
# reporter filed from, not what the article is about
_DATELINE = re.compile(
    r"[^\n]{0,80}?(?:\((?:Xinhua|ANSA|EFE|AFP|dpa|Reuters|AP|Agenzia Nova|Nova|Chinanews|CGTN|Xinhuanet)\)|\s--\s|"
    r"\s[-–—]\s|电）|电\s|讯）|讯\s)"
)
_WHOLE_YEAR = re.compile(r"全年|(?:the )?(?:full|whole|entire) year|l'intero anno|todo el año|toute l'année|das ganze Jahr",
                         re.IGNORECASE)
_INDUSTRY_NAME = re.compile(r"([\u4e00-\u9fff]{2,4})产业|\b([a-z][\w-]*(?: [a-z][\w-]*)?) (?:industry|cluster)\b")
_CAPTION = re.compile(r"\((?:photo|photos|foto|file photo|xinhua|chinanews)[^)]*\)\s*$|^photo shows|图为|（[^）]*摄）|摄影",
                      re.IGNORECASE)


@dataclass(frozen=True)
class DocumentInput:
    document_id: str
    text: str
    language: str | None
    published_date: date | None
    title: str | None = None


@dataclass
class ExtractionResult:
    document_id: str
    figures: list[dict] = field(default_factory=list)
    clusters: list[dict] = field(default_factory=list)
    error: str | None = None  # a document the rules could not process: recorded, the run goes on
    skipped: str | None = None  # why a document was not read at all (a language without a folder)


@dataclass(frozen=True)
class _Subject:
    place: Place | None
    ambiguous: bool
    text: str | None


@lru_cache(maxsize=1)
def _resources() -> tuple[Gazetteer, ProductCatalog]:
    return Gazetteer.load(), ProductCatalog.load()


def _is_headline(text: str, span: Span, title: str | None) -> bool:
    body = text[span.start: span.end].strip()
    if title and title.strip() and title.strip() in body and len(body) <= len(title.strip()) + 40:
        return True
    return len(body) < 200 and not re.search(r"[.。!?！？]$", body) and span.start < 5


def _dateline_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for paragraph in paragraphs(text)[:3]:
        match = _DATELINE.match(text, paragraph.start, paragraph.end)
        # a dateline carries a date or an agency: "Guzhen - the lighting capital" is a headline
        if match and re.search(r"\d|\([A-Za-z ]+\)|电|讯", match.group()):
            spans.append((paragraph.start, match.end()))
    return spans


def _primary_place(mentions: list[PlaceMention], text: str) -> PlaceMention | None:
    """The place the document is mainly about: the most-mentioned place below province level
    (counties and towns over their prefecture on a tie); a province only when nothing else.
    A dateline's city does not count."""
    counts: dict[str, int] = {}
    first: dict[str, PlaceMention] = {}
    datelines = _dateline_spans(text)
    for mention in mentions:
        if mention.place is None or any(start <= mention.start < end for start, end in datelines):
            continue
        key = _place_key(mention.place)
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, mention)
    if not counts:
        return None

    def score(key: str) -> tuple:
        place = first[key].place
        below_province = place.level != "province"
        return (below_province, counts[key], -_CLUSTER_LEVELS.get(place.level, 3), -first[key].start)

    best = first[max(counts, key=score)]
    if best.place.level == "prefecture" and _names_a_settlement_repeatedly(text):
        # "Dafen Village in Shenzhen's Longgang District": a settlement the gazetteer does not
        # know, inside the only county-level division the article names in that city
        counties = {_place_key(m.place): m for m in mentions if m.place is not None
                    and m.place.level == "county" and _is_within(m.place, best.place)}
        if len(counties) == 1:
            return next(iter(counties.values()))
    return best


def _names_a_settlement_repeatedly(text: str) -> bool:
    """The article is about one village or town: the same one is named at least twice."""
    names: dict[str, int] = {}
    for match in _SETTLEMENT.finditer(text):
        name = next(group for group in match.groups() if group)
        names[name] = names.get(name, 0) + 1
    return bool(names) and max(names.values()) >= 2


def _place_key(place: Place) -> str:
    return f"{place.admin_code}|{place.town_name_en or ''}"


def _is_within(inner: Place, outer: Place) -> bool:
    if _place_key(inner) == _place_key(outer):
        return False
    if outer.level == "province":
        return inner.province_code == outer.admin_code
    if outer.level == "prefecture":
        return inner.prefecture_code == outer.admin_code
    if outer.level == "county":
        return inner.level == "town" and inner.admin_code == outer.admin_code
    return False


def _sentence_subject(
    sentence_mentions: list[PlaceMention], value_start: int, sentence: str, sentence_start: int
) -> _Subject | None:
    """The place a figure at ``value_start`` (absolute offset) is about, from this sentence:
    the nearest place named before it (else after it), narrowed to a place inside it that the
    sentence also names ("Humen, a town in Dongguan" is Humen)."""
    if not sentence_mentions:
        return None
    before = [m for m in sentence_mentions if m.end <= value_start]
    chosen = before[-1] if before else sentence_mentions[0]
    if chosen.place is None:
        return _Subject(None, True, chosen.text)
    resolved = [m for m in sentence_mentions if m.place is not None]
    inner = [m for m in resolved if _is_within(m.place, chosen.place)]
    if inner:
        chosen = min(inner, key=lambda m: _CLUSTER_LEVELS.get(m.place.level, 3))
    if chosen.place.level == "province" and not _province_is_subject(chosen, sentence, sentence_start):
        return None
    return _Subject(chosen.place, False, chosen.text)


def _province_is_subject(mention: PlaceMention, sentence: str, sentence_start: int) -> bool:
    """A province named in passing ("in Fujian province") is not the subject of a figure;
    "Zhejiang's textile exports", "Zhejiang exported" and "浙江省纺织品出口" are."""
    start, end = mention.start - sentence_start, mention.end - sentence_start
    after = sentence[end: end + 12]
    if re.match(r"(?:\s+province)?(?:'s|’s)", after, re.IGNORECASE):
        return True
    lead = sentence[:start]
    return bool(re.fullmatch(r"\s*(?:(?:in|nel|en|im|dans)\s+\d{4}\s*,?\s*)?|.*[，。；]\s*|.*\d{4}年[^，]{0,4}", lead,
                             re.IGNORECASE))


_CURRENCY_WORDS = frozenset({"yuan", "renminbi", "rmb", "yuanes", "yuans"})


def _sentence_of(starts: list[int], position: int) -> int:
    """Index of the sentence holding ``position``, given the sorted sentence starts."""
    return bisect.bisect_right(starts, position) - 1


def _cluster_place_mentions(
    mentions: list[PlaceMention], products: list, primary: PlaceMention, starts: list[int]
) -> list[PlaceMention]:
    """Places a figure may be attributed to: the main place, places inside it, and places named
    in a sentence that also names a product (a second cluster). A port, a customer's city or a
    venue named in passing is not a cluster."""
    product_sentences = {_sentence_of(starts, product.start) for product in products}
    with_product = {
        _place_key(m.place) for m in mentions
        if m.place is not None and _sentence_of(starts, m.start) in product_sentences
    }
    # a place the article keeps coming back to is a second cluster, even if its product is
    # named in a form the taxonomy misses ("Lagerbranche")
    times_named: dict[str, int] = {}
    for m in mentions:
        if m.place is not None:
            times_named[_place_key(m.place)] = times_named.get(_place_key(m.place), 0) + 1
    with_product |= {key for key, count in times_named.items() if count >= 2}
    kept = []
    for mention in mentions:
        if mention.place is None:
            kept.append(mention)
            continue
        key = _place_key(mention.place)
        same = key == _place_key(primary.place)
        inside = _is_within(mention.place, primary.place)
        wider = _is_within(primary.place, mention.place)
        if same or inside or wider or key in with_product:
            kept.append(mention)
    return kept


def _products_by_place(mentions: list[PlaceMention], products: list, starts: list[int]) -> dict[str, Product]:
    """The product each place is named with most often, counting sentences that name that
    place and no other (an article on two clusters names each with its own product)."""
    places_in: dict[int, set[str]] = {}
    for m in mentions:
        if m.place is not None:
            places_in.setdefault(_sentence_of(starts, m.start), set()).add(_place_key(m.place))
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


@dataclass
class _Context:
    subject: _Subject | None = None
    time: TimeExpression | None = None
    earlier_year: TimeExpression | None = None  # the last year named in earlier paragraphs ("that same year")


def extract(doc: DocumentInput) -> ExtractionResult:
    gazetteer, catalog = _resources()
    result = ExtractionResult(doc.document_id)
    lang = language_data(doc.language)
    if lang is None:
        result.skipped = f"unsupported language: {doc.language or 'unknown'}"
        return result
    language = lang.code
    text = doc.text
    matching_text = to_simplified(text) if lang.about.simplify_script else text
    datelines = _dateline_spans(matching_text)
    place_mentions = [m for m in gazetteer.find_mentions(matching_text, language)
                      if m.text.lower() not in _CURRENCY_WORDS
                      and not any(start <= m.start < end for start, end in datelines)]
    primary = _primary_place(place_mentions, matching_text)
    main_product = catalog.main_product(matching_text, language)
    product_mentions = catalog.find_mentions(matching_text, language)
    if main_product is None and _INDUSTRY.search(matching_text):
        main_product = catalog.get("unclassified")  # recall over a taxonomy gap; the name is kept below
    if primary is None or main_product is None:
        return result
    # split once: the helpers below and the main loop share the sentence boundaries
    layout = [(paragraph, sentences(text, paragraph)) for paragraph in paragraphs(text)]
    sentence_starts = [span.start for _, spans in layout for span in spans]
    place_mentions = _cluster_place_mentions(place_mentions, product_mentions, primary, sentence_starts)
    place_products = _products_by_place(place_mentions, product_mentions, sentence_starts)
    primary_subject = _Subject(primary.place, False, primary.text)
    clusters: dict[tuple[str, str], dict] = {}
    _add_cluster(clusters, primary.place, primary.text, main_product, None, is_primary=True)
    if main_product is not None and main_product.product_id == "unclassified":
        named = _INDUSTRY_NAME.search(matching_text)
        for cluster in clusters.values():
            cluster["product_text"] = next((g for g in named.groups() if g), None) if named else None

    last_year: TimeExpression | None = None
    for paragraph, spans in layout:
        if _is_headline(text, paragraph, doc.title):
            continue
        context = _Context(earlier_year=last_year)
        for span in spans:
            sentence = matching_text[span.start: span.end]
            times = find_time_expressions(sentence, language, doc.published_date)
            in_sentence = [m for m in place_mentions if span.start <= m.start and m.end <= span.end]
            products_here = tuple((m.start - span.start, m.end - span.start) for m in product_mentions
                                  if span.start <= m.start and m.end <= span.end)
            if not _CAPTION.search(sentence):
                ends_document = not text[span.end:].strip()
                for figure in find_sentence_figures(sentence, lang, products_here, ends_document):
                    row = _figure_row(doc, language, span, sentence, figure, times, context, in_sentence,
                                      primary_subject, product_mentions, main_product, place_products)
                    if row is not None:
                        result.figures.append(row)
                        if row["subject"] == "cluster" and row["place_code"]:
                            place = gazetteer.get(row["place_code"])
                            if place is not None:
                                _add_cluster(clusters, place, row["_place_text"], catalog.get(row["product_id"]),
                                             row["town_name_en"], is_primary=False, town_zh=row["town_name_zh"])
            named = [t for t in times if t.has_year or t.period]
            if named:
                context.time = _resolved(named[-1], times, context)
                if context.time.has_year:
                    last_year = context.time
            # the sentence's subject carries over: its first place that is not a wider area around
            # the cluster (a dateline's prefecture, "in Zhejiang province")
            narrow = [m for m in in_sentence if m.place is not None
                      and not _is_within(primary.place, m.place)]
            if narrow:
                context.subject = _sentence_subject(narrow[:1], span.end, sentence, span.start) or context.subject
    for row in result.figures:
        row.pop("_place_text", None)
    result.clusters = list(clusters.values())
    return result


def _add_cluster(clusters, place: Place, place_text, product: Product | None, town_en, is_primary, town_zh=None):
    if product is None:
        return
    key = (_place_key(place), product.product_id)
    if key in clusters:
        clusters[key]["mention_count"] += 1
        clusters[key]["is_primary"] = clusters[key]["is_primary"] or is_primary
        return
    clusters[key] = {
        "document_id": None, "place_code": place.admin_code,
        "town_name_en": place.town_name_en, "town_name_zh": place.town_name_zh,
        "place_text": place_text, "product_id": product.product_id, "product_text": product.name_en,
        "is_primary": is_primary, "mention_count": 1,
    }


def _resolved(anchor: TimeExpression, times: list[TimeExpression], context: _Context) -> TimeExpression:
    """An expression that names no year ("in the first half", "that year") takes the year
    named before it in the sentence, else the paragraph's."""
    if anchor.has_year:
        return anchor
    earlier = [t for t in times if t.end <= anchor.start and t.has_year]
    source = earlier[-1] if earlier else (context.time if context.time is not None and context.time.has_year else None)
    if source is None and anchor.same_year:
        source = context.earlier_year  # "Ese mismo año" opening a paragraph
    if source is None:
        return anchor
    year = source.year + anchor.offset if source.year is not None else None
    period = anchor.period or (source.period if anchor.same_year and not anchor.offset else None)
    return TimeExpression(anchor.start, anchor.end, year, period, anchor.as_of, True)


def _figure_time(
    figure: SentenceFigure, times: list[TimeExpression], context: _Context, published: date | None, sentence: str
) -> tuple[int | None, str | None, bool, bool] | None:
    """(year, period, as_of, explicit) for a figure, or None when it must be dropped (a year
    after publication is a target, not a figure)."""
    before = [t for t in times if t.end <= figure.value_start]
    after = [t for t in times if t.start >= figure.value_end]
    anchor = before[-1] if before else (after[0] if after else None)
    if before and after and (after[0].has_year or after[0].same_year) and after[0].start - figure.value_end <= 25 and not re.search(
        r"[,;，；\d]", sentence[figure.value_end: after[0].start]
    ):
        anchor = after[0]  # "…, down from 21 billion yuan in 2019"
    pub_year = published.year if published else None
    if anchor is None:
        anchor = context.time
    elif not anchor.has_year:
        anchor = _resolved(anchor, times, context)
    if anchor is not None and anchor.has_year:
        year = anchor.year
    else:
        year = pub_year
    if year is not None and pub_year is not None and year > pub_year:
        return None
    if (anchor is not None and not anchor.has_year and published is not None and published.month <= 2
            and figure.metric not in STOCK_METRICS and figure.metric != "rank"
            and _WHOLE_YEAR.fullmatch(sentence[anchor.start: anchor.end])):
        year = pub_year - 1  # "全年…" in a January or February article: the year just ended
    if year is not None and year < 1949:
        return None  # history, not a figure of today's cluster
    if (figure.metric in STOCK_METRICS and anchor is context.time and year is not None and pub_year is not None
            and year < pub_year - 2):
        year = pub_year  # a present-tense count after a history paragraph: today's count
    if anchor is None:
        return year, None, False, False
    return year, anchor.period, anchor.as_of, anchor.has_year


def _figure_row(doc, language, span, sentence, figure, times, context, in_sentence, primary_subject,
                product_mentions, main_product, place_products) -> dict | None:
    rules = figure_rules(language)
    timing = _figure_time(figure, times, context, doc.published_date, sentence)
    if timing is None:
        return None
    year, period, as_of, explicit = timing
    clause = sentence[max(0, figure.value_start - 80): figure.value_end + 40]
    if rules.words.future_cues.search(clause):
        return None
    absolute_value_start = span.start + figure.value_start
    if rules.words.whole_area_cues.search(sentence):
        return None  # the whole province's or city's economy, not the cluster's
    if _names_foreign_subject(sentence, figure.value_start, in_sentence, span.start, rules):
        return None  # a comparison with a cluster abroad ("In Italia, Maniago…")
    first = in_sentence[0] if in_sentence else None
    if (first is not None and first.place is not None and primary_subject.place is not None
            and first.start - span.start <= 3 and _is_within(primary_subject.place, first.place)):
        return None  # "Jiangxi province, which also has furniture makers in…": the sentence is about the wider area
    subject = _sentence_subject(in_sentence, absolute_value_start, sentence, span.start)
    place_before = any(m.end <= absolute_value_start for m in in_sentence)
    if not place_before:
        clause_start = max(0, figure.value_start - 80)
        national = rules.words.national_subject.search(sentence[clause_start: figure.value_start])
        if national and (figure.metric != "rank" or national.start() + clause_start < 3):
            return None  # a national figure ("China's toy exports", "La Cina resta il primo produttore")
        if rules.words.national_subject.match(sentence):
            return None  # "China es el mayor exportador…: en 2022 vendió…"
    if subject is None:
        subject = context.subject or primary_subject
    primary_place = primary_subject.place
    if subject.place is not None and primary_place is not None and _is_within(primary_place, subject.place):
        return None  # a wider area around the cluster (its province, its city)
    if figure.metric in STOCK_METRICS:
        period = "as_of"
    elif figure.metric == "rank":
        period = "FY" if (explicit and not as_of and period in (None, "FY")) else "as_of"
    else:
        period = period or "FY"
    place = subject.place
    if place is not None and primary_subject.place is not None and _place_key(place) != _place_key(primary_subject.place):
        main_product = place_products.get(_place_key(place), main_product)
    product = _figure_product(span, product_mentions, main_product)
    subject_kind = "company" if figure.is_company else "cluster"
    figure_id = hashlib.sha256(
        f"{doc.document_id}|{absolute_value_start}|{figure.metric}|{figure.unit}".encode()
    ).hexdigest()[:16]
    original_sentence = doc.text[span.start: span.end]
    return {
        "figure_id": figure_id,
        "document_id": doc.document_id,
        "subject": subject_kind,
        "place_code": place.admin_code if place else None,
        "town_name_en": place.town_name_en if place else None,
        "town_name_zh": place.town_name_zh if place else None,
        "place_ambiguous": subject.ambiguous,
        "product_id": product.product_id if product else None,
        "metric": figure.metric,
        "value": figure.value,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "year": year,
        "period": period,
        "evidence": original_sentence,
        "sentence_start": span.start,
        "sentence_end": span.end,
        "value_start": absolute_value_start,
        "value_end": span.start + figure.value_end,
        "value_text": original_sentence[figure.value_start: figure.value_end],
        "is_restatement": figure.is_restatement,
        "extractor_version": extractor_version(),
        "_place_text": subject.text,
    }


def _names_foreign_subject(sentence: str, value_start: int, in_sentence, sentence_start: int, rules: FigureRules) -> bool:
    """A foreign country, city or people is what the figure is about: named in the sentence
    (nearer the figure than any Chinese place before it), and not as a market the cluster sells to."""
    matches = list(rules.foreign_place.finditer(sentence))
    if not matches:
        return False
    words = rules.words
    foreign = [m for m in matches if not words.market_cues.search(sentence[: m.start()])
               and not words.destination_cues.search(sentence[max(0, m.start() - 40): m.end()])]
    if not foreign:
        return False
    chinese_before = [m.end - sentence_start for m in in_sentence if m.end - sentence_start <= value_start]
    foreign_before = [m.end() for m in foreign if m.end() <= value_start]
    # named after the figure, a foreign place is where materials come from or goods go
    return bool(foreign_before) and (not chinese_before or max(foreign_before) > max(chinese_before))


def _figure_product(span: Span, product_mentions, main_product: Product | None) -> Product | None:
    """The product named in the sentence when it is of the main product's family, else the
    document's main product (a sentence naming 'toys' in a plush-toy article is the same cluster)."""
    in_sentence = [m.product for m in product_mentions if span.start <= m.start and m.end <= span.end]
    if main_product is not None:
        same_family = [p for p in in_sentence if p.family == main_product.family]
        if same_family or not in_sentence:
            return main_product
        return in_sentence[0]
    return in_sentence[0] if in_sentence else None


def _extract_with_id(doc: DocumentInput) -> ExtractionResult:
    try:
        result = extract(doc)
    except Exception as exc:  # noqa: BLE001 - one odd document must not stop the nightly run
        return ExtractionResult(doc.document_id, error=f"{type(exc).__name__}: {exc}")
    for cluster in result.clusters:
        cluster["document_id"] = doc.document_id
    return result


def extract_many(docs: list[DocumentInput], workers: int) -> list[ExtractionResult]:
    if workers > 1 and len(docs) >= PARALLEL_THRESHOLD:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(_extract_with_id, docs, chunksize=32))
    return [_extract_with_id(doc) for doc in docs]
