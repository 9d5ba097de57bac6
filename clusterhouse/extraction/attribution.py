"""The fifth stage of extraction: which cluster each sentence figure is about, and when.

Reads the document's sentences in order, paragraph by paragraph. Within a paragraph the place and
the time a sentence names carry over to the next sentences that name none (news writes "By the
end of 2022, X had … . Its products are exported to …"). A figure with no place falls back to the
document's main cluster; one with no time to the publication year. Figures that are not the
cluster's (targets, wider areas, foreign comparisons, national figures) are dropped here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from clusterhouse.extraction.figures import STOCK_METRICS, FigureRules, SentenceFigure
from clusterhouse.extraction.geography import CLUSTER_LEVELS, is_within, place_key
from clusterhouse.extraction.mentions import DocumentMentions, SentenceMentions
from clusterhouse.extraction.periods import TimeExpression
from clusterhouse.extraction.places import Place, PlaceMention
from clusterhouse.extraction.products import Product
from clusterhouse.lang import all_languages
from clusterhouse.lang.schema.kinds import NEVER


@dataclass(frozen=True)
class Subject:
    """The place a figure is about, as the text names it (place None: a name the text leaves ambiguous)."""

    place: Place | None
    ambiguous: bool
    text: str | None
    source: str = "sentence"  # sentence | context | document | inferred (by the prior, not the text)


@dataclass(frozen=True)
class Timing:
    year: int | None
    period: str | None  # FY, as_of, H1, Q1-Q3…
    explicit: bool  # the sentence or its context named the year (not the publication year by default)
    source: str  # where the year comes from: sentence | context | publication | none


# How much each kind of evidence is trusted (the confidence of a figure is their product with the
# sentence's reading of metric and unit). A figure the text places and dates itself scores 1.
PLACE_TRUST = {"sentence": 1.0, "context": 0.95, "document": 0.9, "inferred": 0.85, "ambiguous": 0.6}
YEAR_TRUST = {"sentence": 1.0, "context": 0.95, "publication": 0.85, "publication_stock": 0.95, "none": 0.9}


@dataclass(frozen=True)
class AttributedFigure:
    """A sentence figure with the cluster, product and time it belongs to."""

    figure: SentenceFigure
    sentence: SentenceMentions
    subject: Subject
    product: Product | None
    timing: Timing
    confidence: float  # 0-1: how directly the text supports this reading (see PLACE_TRUST, YEAR_TRUST)
    dropped: str | None = None  # why this candidate is not a figure of the cluster

    @property
    def value_start(self) -> int:  # offset in the document
        return self.sentence.span.start + self.figure.value_start

    @property
    def value_end(self) -> int:
        return self.sentence.span.start + self.figure.value_end


@dataclass
class ClusterMention:
    """A cluster (place + product) the document reports on, and how often it is named."""

    place: Place
    place_text: str | None
    product: Product
    product_text: str | None  # the product as named: the taxonomy's name, or the article's words
    is_primary: bool
    mention_count: int = 1


@dataclass
class _Context:
    """What a paragraph has said so far: the place and time its later sentences inherit."""

    subject: Subject | None = None
    time: TimeExpression | None = None
    earlier_year: TimeExpression | None = None  # the last year named in earlier paragraphs ("that same year")
    # the sentence before was about the nation and ended in a semicolon: its subject goes on
    national_clause: bool = False


@dataclass
class Attribution:
    figures: list[AttributedFigure] = field(default_factory=list)
    dropped: list[AttributedFigure] = field(default_factory=list)  # candidates turned down, with the reason
    clusters: dict[tuple[str, str], ClusterMention] = field(default_factory=dict)

    def add_cluster(self, place: Place, place_text: str | None, product: Product | None, is_primary: bool) -> None:
        if product is None:
            return
        key = (place_key(place), product.product_id)
        known = self.clusters.get(key)
        if known is not None:
            known.mention_count += 1
            known.is_primary = known.is_primary or is_primary
            return
        self.clusters[key] = ClusterMention(place, place_text, product, product.name_en, is_primary)


def attribute(
    mentions: DocumentMentions, figures: list[list[SentenceFigure]], rules: FigureRules, published: date | None
) -> Attribution:
    """Attribute every sentence's figures (``figures[i]`` are those of ``mentions.sentences[i]``)."""
    primary = Subject(mentions.primary.place, False, mentions.primary.text)
    result = Attribution()
    result.add_cluster(primary.place, primary.text, mentions.main_product, is_primary=True)
    if mentions.main_product.product_id == "unclassified":
        for cluster in result.clusters.values():
            cluster.product_text = mentions.product_name  # the article's own words, if it has any
    last_year: TimeExpression | None = None
    context, paragraph = _Context(), None
    for sentence, sentence_figures in zip(mentions.sentences, figures):
        if sentence.in_headline:
            continue
        if sentence.paragraph != paragraph:
            context, paragraph = _Context(earlier_year=last_year), sentence.paragraph
        national_from: int | None = None  # where a figure of the nation stood earlier in the sentence
        for figure in sentence_figures:
            attributed = _attribute_figure(figure, sentence, context, primary, mentions, rules, published)
            if attributed.dropped is None and _still_national(national_from, attributed, sentence):
                attributed = replace(attributed, dropped="national")
            if attributed.dropped == "national":
                national_from = attributed.value_start
            if attributed.dropped is not None:
                result.dropped.append(attributed)
                continue
            result.figures.append(attributed)
            place = attributed.subject.place
            if not figure.is_company and place is not None:
                result.add_cluster(place, attributed.subject.text, attributed.product, is_primary=False)
        last_year = _carry_over(sentence, context, primary.place, rules) or last_year
    return result


def _still_national(national_from: int | None, attributed: AttributedFigure, sentence: SentenceMentions) -> bool:
    """A sentence about the nation stays about it ("Chinese tile output grew to…, tableware to…, and
    sanitary ware to…") until it names a place: no figure after a national one without a place
    named between them is the cluster's."""
    if national_from is None or attributed.figure.is_company:
        return False
    return not any(national_from <= m.start < attributed.value_start for m in sentence.places)


def _carry_over(
    sentence: SentenceMentions, context: _Context, primary_place: Place, rules: FigureRules
) -> TimeExpression | None:
    """Update the paragraph's context from a sentence; the year it names, if any."""
    context.national_clause = (bool(rules.words.national_subject.match(sentence.text)) and not sentence.places
                               and sentence.text.rstrip().endswith((";", "；")))
    named_year = None
    named = [t for t in _figure_times(sentence, rules) if t.has_year or t.period]
    if named:
        context.time = _resolved(named[-1], sentence.times, context)
        if context.time.has_year:
            named_year = context.time
    # the sentence's subject carries over: its first place that is not a wider area around the
    # cluster (a dateline's prefecture, "in Zhejiang province")
    narrow = [m for m in sentence.places if m.place is not None and not is_within(primary_place, m.place)]
    if narrow:
        context.subject = _sentence_subject(narrow[:1], sentence.span.end, sentence) or context.subject
    return named_year


def _attribute_figure(
    figure: SentenceFigure, sentence: SentenceMentions, context: _Context, primary: Subject,
    mentions: DocumentMentions, rules: FigureRules, published: date | None,
) -> AttributedFigure:
    """The cluster, product and time of a figure, how far the text supports them, and why it is
    not the cluster's figure when it is not."""
    times = _figure_times(sentence, rules, figure.value_start)
    timing, time_dropped = _figure_time(figure, times, context, published, sentence.text,
                                        mentions.language.time.whole_year_words)
    subject, subject_dropped = _figure_subject(figure, sentence, context, primary, mentions, rules)
    dropped = figure.dropped or time_dropped or _sentence_dropped(figure, sentence, rules) or subject_dropped
    place = subject.place
    main_product = mentions.main_product
    if place is not None and place_key(place) != place_key(primary.place):
        main_product = mentions.products_by_place.get(place_key(place), main_product)
    product = _figure_product(sentence, mentions, main_product)
    place_trust = PLACE_TRUST["ambiguous" if subject.ambiguous else subject.source]
    confidence = round(figure.reading * place_trust * YEAR_TRUST[timing.source], 3)
    return AttributedFigure(figure, sentence, subject, product, timing, confidence, dropped)


def _figure_times(sentence: SentenceMentions, rules: FigureRules, figure_start: int | None = None
                  ) -> tuple[TimeExpression, ...]:
    """The sentence's time expressions that can say when a figure applies: not the base of a
    comparison ("7 percent more than a year earlier", "up from 2019")."""
    base = rules.words.comparison_base_before
    return tuple(t for t in sentence.times if not base.search(sentence.text, max(0, t.start - 25), t.start)
                 and _compared_amount_dated(t, sentence, rules) in (None, figure_start))


def _compared_amount_dated(time: TimeExpression, sentence: SentenceMentions, rules: FigureRules) -> int | None:
    """'…hit 72.6 billion yuan in 2022, up from 64.1 billion yuan in 2021': the year right after the
    amount a comparison introduces is that amount's, no other figure's. Where that amount starts."""
    for number in sentence.numbers:
        gap = sentence.text[number.end: time.start]
        if number.end <= time.start and len(gap) <= 20 and not re.search(r"[,;，；。]", gap):
            if rules.words.comparison_before.search(sentence.text, max(0, number.start - 25), number.start):
                return number.start
    return None


def _sentence_dropped(figure: SentenceFigure, sentence: SentenceMentions, rules: FigureRules) -> str | None:
    """Why the sentence makes a figure no figure of the cluster, or None."""
    text = sentence.text
    if _is_future(figure, text, rules):
        return "target or forecast"
    if rules.words.whole_area_cues.search(text):
        return "wider area"  # the whole province's or city's economy, not the cluster's
    if _in_clause_before(rules.words.fraction_before, text, figure.value_start, rules, reach=30):
        return "a fraction of a larger total"  # "Quasi metà del fatturato (3,2 miliardi di euro)"
    if _in_clause_before(rules.words.whole_economy_before, text, figure.value_start, rules):
        return "wider area"  # "the town's industrial output value reached…": every industry of the town
    if _in_clause_before(rules.words.several_industries, text, figure.value_start, rules):
        return "several industries"  # 五大产业的综合产值: a total over clusters
    if _names_foreign_subject(figure.value_start, sentence, rules):
        return "foreign comparison"  # a comparison with a cluster abroad ("In Italia, Maniago…")
    return None


def _is_future(figure: SentenceFigure, text: str, rules: FigureRules) -> bool:
    """A target or forecast: its cue ('will', 'plans to', 力争, 预计) comes before the value in the
    sentence, or after it in the value's own clause (a list's 'and output will exceed 40 billion'
    is no cue for the figure before it)."""
    if rules.words.future_cues.search(text, max(0, figure.value_start - 250), figure.value_start):
        return True
    clause_end = rules.words.clause_breaks.search(text, figure.value_end)
    end = min(figure.value_end + 40, clause_end.start() if clause_end else len(text))
    return rules.words.future_cues.search(text, figure.value_start, end) is not None


def _in_clause_before(pattern, text: str, position: int, rules: FigureRules, reach: int = 90) -> bool:
    """The pattern is found in the clause that ends at ``position``, within ``reach`` characters (an
    amount in brackets belongs to the words before them: "metà del fatturato (3,2 miliardi)")."""
    before = text[:position].rstrip()
    if before.endswith(("(", "（")):
        position = len(before) - 1
    start = max(0, position - reach)
    for match in rules.words.clause_breaks.finditer(text, start, position):
        start = match.end()
    return pattern.search(text, start, position) is not None


def _figure_subject(
    figure: SentenceFigure, sentence: SentenceMentions, context: _Context, primary: Subject,
    mentions: DocumentMentions, rules: FigureRules,
) -> tuple[Subject, str | None]:
    """The place a figure is about, and why it is not the cluster's when it is about a wider area
    or the nation (the subject is then where the figure would have gone)."""
    text, places = sentence.text, sentence.places
    fallback = context.subject or primary
    value_start = sentence.span.start + figure.value_start
    first = places[0] if places else None
    nearest = ([m for m in places if m.end <= value_start] or [None])[-1]
    if (first is not None and first.place is not None and first.start - sentence.span.start <= 3
            and is_within(primary.place, first.place) and not _is_the_cluster(nearest, primary)):
        # "Jiangxi province, which also has furniture makers in…": the sentence is about the wider area
        return Subject(first.place, False, first.text), "wider area"
    subject = _sentence_subject(list(places), value_start, sentence)
    if context.national_clause and not places:
        return fallback, "national"  # "China is the largest maker; the industry's sales reached…"
    if not figure.is_company and not any(m.end <= value_start for m in places):
        # (a firm's figure is the firm's even in a sentence calling it "the national leader")
        clause_start = max(0, figure.value_start - 160)
        national = _nation_named_before(text, clause_start, figure.value_start, rules)
        if national and (figure.metric != "rank" or national.start() < 3):
            return subject or fallback, "national"  # "China's toy exports", "La Cina resta il primo produttore"
        if rules.words.national_subject.match(text):
            return subject or fallback, "national"  # "China es el mayor exportador…: en 2022 vendió…"
    if subject is None:
        subject = replace(context.subject, source="context") if context.subject else replace(primary, source="document")
    if (subject.place is not None and is_within(primary.place, subject.place)
            and not (subject.place.level == "county" and _names_the_product(sentence, mentions))):
        return subject, "wider area"  # the cluster's province or city (a county that makes its product is one too)
    return subject, None


def _nation_named_before(text: str, start: int, position: int, rules: FigureRules) -> re.Match | None:
    """The nation as the subject of what comes before ``position``: a nation that is the whole of a
    share ("占全国的七分之一，总产值…", "30 percent of China's") counts only in the amount's own clause
    ("…, or 10 percent of China's exports of 50 billion yuan")."""
    for match in rules.words.national_subject.finditer(text, start, position):
        if (rules.words.share_before_nation.search(text, max(0, match.start() - 20), match.start())
                and rules.words.clause_breaks.search(text, match.end(), position)):
            continue
        return match
    return None


def _is_the_cluster(mention: PlaceMention | None, primary: Subject) -> bool:
    """The place named is the document's cluster, or a town inside it ("据诸暨市统计，大唐袜业…")."""
    if mention is None or mention.place is None:
        return False
    return place_key(mention.place) == place_key(primary.place) or is_within(mention.place, primary.place)


def _names_the_product(sentence: SentenceMentions, mentions: DocumentMentions) -> bool:
    """The sentence names a product of the document's product family."""
    family = mentions.main_product.family
    span = sentence.span
    return any(span.start <= m.start and m.end <= span.end and m.product.family == family for m in mentions.products)


def _period(figure: SentenceFigure, year: int | None, period: str | None, as_of: bool, explicit: bool,
            source: str) -> Timing:
    if figure.metric in STOCK_METRICS:
        period = "as_of"
    elif figure.metric == "rank":
        period = "FY" if (explicit and not as_of and period in (None, "FY")) else "as_of"
    else:
        period = period or "FY"
    return Timing(year, period, explicit, source)


def _sentence_subject(places: list[PlaceMention], value_start: int, sentence: SentenceMentions) -> Subject | None:
    """The place a figure at ``value_start`` (document offset) is about, from this sentence:
    the nearest place named before it (else after it), narrowed to a place inside it that the
    sentence also names ("Humen, a town in Dongguan" is Humen)."""
    if not places:
        return None
    before = [m for m in places if m.end <= value_start]
    chosen = before[-1] if before else places[0]
    if chosen.place is None:
        return Subject(None, True, chosen.text)
    resolved = [m for m in places if m.place is not None]
    inner = [m for m in resolved if is_within(m.place, chosen.place)]
    if inner:
        chosen = min(inner, key=lambda m: CLUSTER_LEVELS.get(m.place.level, 3))
    if chosen.place.level == "province" and not _province_is_subject(chosen, sentence):
        return None
    return Subject(chosen.place, False, chosen.text, "inferred" if chosen.inferred else "sentence")


def _province_is_subject(mention: PlaceMention, sentence: SentenceMentions) -> bool:
    """A province named in passing ("in Fujian province") is not the subject of a figure;
    "Zhejiang's textile exports", "Zhejiang exported" and "浙江省纺织品出口" are."""
    start, end = mention.start - sentence.span.start, mention.end - sentence.span.start
    possessive, lead = _province_subject_words()
    if possessive.match(sentence.text, end):
        return True
    return bool(lead.fullmatch(sentence.text, 0, start))


@lru_cache(maxsize=1)
def _province_subject_words() -> tuple[re.Pattern, re.Pattern]:
    """Every language's possessive endings and subject leads (places.yaml): a text may quote another
    language's way of naming a place."""
    def together(pick) -> re.Pattern:
        found = [pick(lang).pattern for lang in all_languages() if pick(lang).pattern != NEVER.pattern]
        return re.compile("|".join(f"(?:{p})" for p in found) or NEVER.pattern, re.IGNORECASE)
    return together(lambda lang: lang.places.province_possessive), together(lambda lang: lang.places.subject_lead)


def _resolved(anchor: TimeExpression, times: tuple[TimeExpression, ...], context: _Context) -> TimeExpression:
    """An expression that names no year ("in the first half", "that year") takes the year
    named before it in the sentence, else the paragraph's."""
    if anchor.has_year or anchor.is_now:
        return anchor  # "now" is the publication year, known or not: never an earlier year
    earlier = [t for t in times if t.end <= anchor.start and (t.has_year or t.is_now)]
    if earlier and earlier[-1].is_now and not earlier[-1].has_year:
        return earlier[-1]  # "如今…每年产出": now, in an article whose date is unknown
    source = earlier[-1] if earlier else (context.time if context.time is not None and context.time.has_year else None)
    if source is None and anchor.same_year:
        source = context.earlier_year  # "Ese mismo año" opening a paragraph
    if source is None:
        return anchor
    year = source.year + anchor.offset if source.year is not None else None
    period = anchor.period or (source.period if anchor.same_year and not anchor.offset else None)
    return TimeExpression(anchor.start, anchor.end, year, period, anchor.as_of, True)


def _figure_time(
    figure: SentenceFigure, times: tuple[TimeExpression, ...], context: _Context, published: date | None, sentence: str,
    whole_year_words: re.Pattern,
) -> tuple[Timing, str | None]:
    """The time a figure refers to, and why it is no figure of today's cluster (a year after
    publication is a target; a year before 1949 is history)."""
    # a year-like number read as the figure itself ("2000 workers") is no time of it
    times = tuple(t for t in times if t.end <= figure.value_start or t.start >= figure.value_end)
    before = [t for t in times if t.end <= figure.value_start]
    after = [t for t in times if t.start >= figure.value_end]
    anchor = before[-1] if before else (after[0] if after else None)
    if before and after and (after[0].has_year or after[0].same_year) and after[0].start - figure.value_end <= 25 and not re.search(
        r"[,;，；\d]", sentence[figure.value_end: after[0].start]
    ):
        anchor = after[0]  # "…, down from 21 billion yuan in 2019"
    source = "sentence"
    pub_year = published.year if published else None
    if anchor is None:
        anchor, source = context.time, "context"
    elif not anchor.has_year:
        anchor = _resolved(anchor, times, context)
    if anchor is not None and anchor.has_year:
        year = anchor.year
    else:
        year = pub_year
        source = "none" if pub_year is None else ("publication_stock" if figure.metric in STOCK_METRICS else "publication")
    dropped = "after publication" if year is not None and pub_year is not None and year > pub_year else None
    if (anchor is not None and not anchor.has_year and published is not None and published.month <= 2
            and figure.metric not in STOCK_METRICS and figure.metric != "rank"
            and whole_year_words.fullmatch(sentence[anchor.start: anchor.end])):
        year = pub_year - 1  # "全年…" in a January or February article: the year just ended
    if dropped is None and year is not None and year < 1949:
        dropped = "history"  # not a figure of today's cluster
    if (figure.metric in STOCK_METRICS and anchor is context.time and year is not None and pub_year is not None
            and year < pub_year - 2):
        year, source = pub_year, "publication_stock"  # a present-tense count after a history paragraph
    if anchor is None:
        return _period(figure, year, None, False, False, source), dropped
    return _period(figure, year, anchor.period, anchor.as_of, anchor.has_year, source), dropped


def _names_foreign_subject(value_start: int, sentence: SentenceMentions, rules: FigureRules) -> bool:
    """A foreign country, city or people is what the figure is about: named in the sentence
    (nearer the figure than any Chinese place before it), and not as a market the cluster sells to."""
    text = sentence.text
    matches = list(rules.foreign_place.finditer(text))
    if not matches:
        return False
    words = rules.words
    foreign = [m for m in matches if not words.market_cues.search(text[: m.start()])
               and not words.destination_cues.search(text[max(0, m.start() - 40): m.end()])]
    if not foreign:
        return False
    chinese_before = [m.end - sentence.span.start for m in sentence.places
                      if m.end - sentence.span.start <= value_start]
    foreign_before = [m.end() for m in foreign if m.end() <= value_start]
    # named after the figure, a foreign place is where materials come from or goods go
    return bool(foreign_before) and (not chinese_before or max(foreign_before) > max(chinese_before))


def _figure_product(sentence: SentenceMentions, mentions: DocumentMentions, main_product: Product | None) -> Product | None:
    """The product named in the sentence when it is of the main product's family, else the
    document's main product (a sentence naming 'toys' in a plush-toy article is the same cluster)."""
    span = sentence.span
    in_sentence = [m.product for m in mentions.products if span.start <= m.start and m.end <= span.end]
    if main_product is not None:
        same_family = [p for p in in_sentence if p.family == main_product.family]
        if same_family or not in_sentence:
            return main_product
        return in_sentence[0]
    return in_sentence[0] if in_sentence else None
