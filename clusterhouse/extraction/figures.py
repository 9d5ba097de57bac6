"""Figures stated in one sentence: value, unit, metric, qualifier, and who they are about.

A number becomes a figure only when its unit and metric are both clear from the words around
it; anything unclear is dropped (a wrong number is worse than a missing one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from clusterhouse.extraction.numbers import NumberMention, find_numbers
from clusterhouse.lang import Language, language
from clusterhouse.lang.schema import FigureWords
from clusterhouse.lang.schema.kinds import NEVER
from clusterhouse.text.quick_test import QuickTest, quick_test

STOCK_METRICS = frozenset({"enterprises", "employees", "export_markets"})
MONEY_UNITS = frozenset({"CNY", "USD", "EUR"})
# Below these a count names a few actors ("five local firms drafted the standard", "four characters"),
# not a cluster: the smallest clusters in our annotated corpora have 51 firms and 2,000 workers.
FEWEST = {"enterprises": 20, "employees": 100, "output_volume": 100}
# A cluster's sales, output or exports below this (in any currency) are one firm's or a threshold's
SMALLEST_AMOUNT = 5e6
_WINDOW = 120  # characters of context considered on each side of a number


@dataclass(frozen=True)
class SentenceFigure:
    metric: str
    value: float
    unit: str
    qualifier: str
    value_start: int  # offsets within the sentence
    value_end: int
    value_text: str
    is_company: bool  # about one firm, platform, order or fair
    money_metric_cue: int | None = None  # where the cue naming the metric sits (for attribution)
    is_restatement: bool = False  # the previous amount in another currency: "5 billion yuan ($712 million)"
    # how directly the sentence states metric and unit: 1 for a cue or noun right beside the number
    reading: float = 1.0
    dropped: str | None = None  # why a candidate is not a figure (kept only when asked for)


@dataclass(frozen=True)
class FigureRules:
    """A language's figure words, with the patterns the rules compose from them (built once)."""

    words: FigureWords
    flags: int  # the language's letter-case rule, for patterns composed here
    count_after: tuple[tuple[re.Pattern, str], ...]  # a count noun after the number, by unit
    count_noun_right_after: re.Pattern  # "2000 workers": a year-like number right before firms or people
    count_noun_near_after: re.Pattern  # "more than 2000 textile and garment enterprises"
    labelled_counts: tuple[tuple[re.Pattern, str], ...]  # "Employees: more than 160,000"
    product_gap: re.Pattern  # between a number and a product name it counts
    linked_noun: re.Pattern  # the noun right after a number, through an "of"
    per_year_after: re.Pattern  # "800 million pens a year"
    per_year: re.Pattern
    measure_noun: re.Pattern
    workers_after: re.Pattern  # "8,000 painters and dealers work here"
    work_verb: re.Pattern
    foreign_place: re.Pattern
    made_before: re.Pattern  # "turned out some" right before a number
    bare_noun_after: re.Pattern  # the noun phrase right after a number, through an "of"
    firm_noun: re.Pattern  # any noun for firms
    nouns_anywhere: tuple[tuple[re.Pattern, str], ...]  # the nouns of firms, people and countries, as words
    ordinals: dict[str, int]  # the language's ordinal words (numbers.yaml), lower-cased, for ranks
    company_cues: QuickTest | None  # whether a sentence may name a firm at all (most do not)
    rank_scope: QuickTest | None  # whether a sentence may speak of the nation or the world (a rank's scope)


def _either(fragments: tuple[str, ...]) -> str:
    return "|".join(fragments) or NEVER.pattern


@lru_cache(maxsize=None)
def figure_rules(code: str) -> FigureRules:
    lang = language(code)
    words = lang.figures
    flags = re.IGNORECASE if lang.about.ignore_case else 0
    edge = r"(?!\w)" if lang.about.word_boundaries else ""
    # modifier words between a number and its noun, a list among them ("150 leatherware, bags and toy firms")
    gap = "" if words.max_words_to_noun == 0 else rf"(?:[^\W\d_][\w'’-]*,?[\s-]+){{0,{words.max_words_to_noun}}}?"
    nouns = words.count_nouns
    people_and_firms = _either(nouns["firms"] + nouns["people"])
    per_year, measures, work = _either(words.per_year_words), _either(words.measure_nouns), _either(words.work_verbs)
    of_words = _either(words.of_words)
    places = _either(words.foreign_places)
    return FigureRules(
        words=words,
        flags=flags,
        ordinals={word.lower(): value for word, value in lang.numbers.ordinals.items()},
        company_cues=quick_test([words.company_cues]),
        rank_scope=quick_test([words.national_scope, words.world_words]),
        count_after=tuple((re.compile(rf"^\s*{gap}(?:{'|'.join(fragments)}){edge}", flags), unit)
                          for unit, fragments in nouns.items()),
        count_noun_right_after=re.compile(rf"\s*(?:{people_and_firms})(?!\w)", flags),
        count_noun_near_after=re.compile(rf"\s*{gap}(?:{people_and_firms}){edge}", flags),
        labelled_counts=tuple(
            (re.compile(rf"([^\n:：]{{0,30}}(?:{_either(nouns[unit])}))\s*[:：]\s*[^\d:：.;]{{0,25}}$", flags), unit)
            for unit in ("firms", "people", "countries")),
        product_gap=re.compile(rf"\s*(?:(?:{_either(nouns['units'])})\s*)?(?:{of_words})?\s*"),
        linked_noun=re.compile(rf"\s+(?:(?:{of_words})\s*)?([^\W\d_][\w'’-]*)", re.IGNORECASE),
        per_year_after=re.compile(rf"\s+((?:[^\W\d_][\w'’-]*\s+){{1,3}}?)(?:{per_year})\b", re.IGNORECASE),
        per_year=re.compile(rf"\b(?:{per_year})\b", re.IGNORECASE),
        measure_noun=re.compile(rf"\b(?:{measures})\b", re.IGNORECASE),
        workers_after=re.compile(rf"\s+(?:[^\W\d_][\w'’-]*,?\s+){{1,6}}?(?:{work})\b", re.IGNORECASE),
        work_verb=re.compile(rf"\b(?:{work})\b", re.IGNORECASE),
        foreign_place=re.compile(rf"\b(?:{places})\b" if lang.about.word_boundaries else places),
        made_before=re.compile(rf"(?<!\w)(?:{_either(words.production_verbs)})\s+(?:[^\W\d_][\w'’-]*\s+){{0,2}}$",
                               re.IGNORECASE),
        bare_noun_after=re.compile(rf"\s+(?:(?:{of_words})\s+)?((?:[^\W\d_][\w'’-]*\s+){{0,2}}[^\W\d_][\w'’-]*)",
                                   re.IGNORECASE),
        nouns_anywhere=tuple(
            (re.compile(rf"(?<!\w)(?:{_either(nouns[unit])})(?!\w)" if lang.about.word_boundaries
                        else _either(nouns[unit]), flags), unit)
            for unit in ("firms", "people", "countries")),
        firm_noun=re.compile(rf"(?<!\w)(?:{_either(nouns['firms'])})(?!\w)" if lang.about.word_boundaries
                             else _either(nouns["firms"]), flags),
    )


def _qualifier(sentence: str, start: int, end: int, rules: FigureRules, mention: NumberMention) -> str:
    if mention.inner_qualifier:
        return mention.inner_qualifier
    before = sentence[max(0, start - 40): start]
    for pattern, qualifier in rules.words.qualifier_before:
        if pattern.search(before):
            return qualifier
    after = sentence[end: end + 12]
    for pattern, qualifier in rules.words.qualifier_after:
        if pattern.search(after):
            return qualifier
    return "exact"


def _currency(sentence: str, mention: NumberMention, rules: FigureRules) -> tuple[str | None, int, int]:
    """The currency of an amount and the span covering symbol, number and currency word."""
    before = sentence[max(0, mention.start - 8): mention.start]
    for pattern, code in rules.words.currency_before:
        match = pattern.search(before)
        if match:
            return code, mention.start - (len(before) - match.start()), mention.end
    # the full stop of an abbreviated scale word ("58,3 Mrd. Yuan") belongs to the number
    skip = 1 if sentence[mention.end: mention.end + 1] == "." and mention.text[-1:].isalpha() else 0
    after = sentence[mention.end + skip: mention.end + skip + 30]
    for pattern, code in rules.words.currency_after:
        match = pattern.search(after)
        if match:
            return code, mention.start, mention.end + skip + match.end()
    return None, mention.start, mention.end


def _count_unit(
    sentence: str, mention: NumberMention, rules: FigureRules, product_spans: tuple[tuple[int, int], ...] = ()
) -> tuple[str | None, int, float]:
    """(unit, end of the counted noun, reading) for the number. Latin scripts: the nearest noun
    within a few modifier words; Chinese: the longest measure word (个国家 over 个). A product
    name right after the number ("80 million pumps", "300 milioni di cravatte") counts pieces;
    the other ways of telling the unit read less directly (``reading`` below 1)."""
    # "1,200-plus enterprises", "300-odd firms", "5,000+ workers": the qualifier, not a modifier word
    suffix = rules.words.count_suffix.match(sentence[mention.end: mention.end + 6])
    offset = mention.end + (suffix.end() if suffix else 0)
    after = sentence[offset: offset + 80]
    best: tuple[int, str] | None = None
    for pattern, unit in rules.count_after:
        match = pattern.search(after)
        if match is None:
            continue
        longest = rules.words.measure_words
        better = match.end() > best[0] if (best and longest) else (best is None or match.end() < best[0])
        if better:
            best = (match.end(), unit)
    if best is None:
        for start, end in product_spans:
            gap = sentence[mention.end: start]
            if start >= mention.end and rules.product_gap.fullmatch(gap):
                return "units", end, 0.9
        if rules.words.per_year_words:
            match = rules.per_year_after.match(after)
            if match and not rules.measure_noun.search(match.group(1)):
                return "units", offset + match.end(1), 0.85
            # "produit chaque année environ 500 millions de pulls": the yearly word before the number
            before = sentence[max(0, mention.start - 60): mention.start]
            noun = rules.linked_noun.match(after)
            clause = before + sentence[mention.end: mention.end + 60]
            if (noun and rules.per_year.search(before) and rules.words.production_cues.search(clause)
                    and not rules.measure_noun.fullmatch(noun.group(1))):
                return "units", offset + noun.end(1), 0.85
        made = _made_count(sentence, mention, rules)
        if made is not None:
            return "units", made, 0.85
        if rules.words.work_verbs:
            match = rules.workers_after.match(after)
            if match:
                return "people", offset + match.end(), 0.85
        # a labelled list item: "Employees: more than 160,000", "Wire mesh enterprises: about 13,000"
        label = sentence[max(0, mention.start - 50): mention.start]
        for pattern, unit in rules.labelled_counts:
            labelled = pattern.search(label)
            if labelled:
                subset = rules.words.subset_cues.search(labelled.group(1))
                return (None, mention.end, 0.0) if subset else (unit, mention.end, 0.9)
        changed = _noun_before_change(sentence, mention, rules)
        if changed:
            return changed, mention.end, 0.85
        return None, mention.end, 0.0
    return best[1], offset + best[0], 1.0


def _noun_before_change(sentence: str, mention: NumberMention, rules: FigureRules) -> str | None:
    """'i calzaturifici attivi … sono saliti da 2.761 a 3.647', 'firms grew from 300 to 1,200': the
    second number counts the noun its clause named before the change."""
    change = rules.words.rise_to_before.search(sentence, max(0, mention.start - 40), mention.start)
    if change is None:
        return None
    clause_start = _clause_bounds(sentence, change.start(), change.start(), rules)[0]
    named = [(match.end(), unit) for pattern, unit in rules.nouns_anywhere
             for match in pattern.finditer(sentence, clause_start, change.start())]
    return max(named)[1] if named else None


def _modifies(noun_end: int, phrase_start: int, sentence: str) -> bool:
    """A phrase right after a noun, with no clause break between, qualifies that noun."""
    gap = sentence[noun_end: phrase_start]
    return len(gap) <= 15 and not re.search(r"[,;:，；：]", gap)


def _made_count(sentence: str, mention: NumberMention, rules: FigureRules) -> int | None:
    """'turned out some 45 million lighters': a production verb right before the number and a
    noun right after it that is no measure, kind of product or machine. The end of that noun."""
    if not rules.words.production_verbs or not rules.made_before.search(sentence[max(0, mention.start - 40): mention.start]):
        return None
    noun = rules.bare_noun_after.match(sentence, mention.end)
    if noun is None:
        return None
    phrase = noun.group(1)
    words = rules.words
    first_word = phrase.split()[0]
    head = " ".join(phrase.split()[:2])  # "metric tons", not the "year" of "pianos last year"
    if (words.function_words.fullmatch(first_word) or rules.measure_noun.search(head)
            or words.variety_nouns.search(phrase) or words.equipment_nouns.search(phrase)):
        return None
    return noun.end(1)


def _clause_bounds(sentence: str, start: int, end: int, rules: FigureRules) -> tuple[int, int]:
    left = 0
    for match in rules.words.clause_breaks.finditer(sentence, 0, start):
        left = match.end()
    right_match = rules.words.clause_breaks.search(sentence, end)
    return left, right_match.start() if right_match else len(sentence)


def _nearest_money_metric(
    sentence: str, start: int, end: int, rules: FigureRules, amount_spans
) -> tuple[str | None, int | None, float]:
    """(metric, where its cue starts, reading): the metric named by the cue nearest the amount,
    to its left without crossing another amount, else just after it ("5 billion yuan in
    exports"). A cue far from the amount reads it less directly."""
    left_limit = max([e for s, e in amount_spans if e <= start] or [0])
    right_limit = min([s for s, e in amount_spans if s >= end] or [len(sentence)])
    best: tuple[int, str, int] | None = None  # (distance, metric, position)
    for metric, pattern in rules.words.metric_cues:
        for match in pattern.finditer(sentence, max(left_limit, start - _WINDOW), start):
            distance = start - match.end()
            if best is None or distance < best[0]:
                best = (distance, metric, match.start())
    if best is not None:
        # "tax revenue", "investment in output": another kind of money named at or after the cue
        if rules.words.other_money_cues.search(sentence, max(left_limit, best[2] - 20), start):
            return None, None, 0.0
        return best[1], best[2], 1.0 if best[0] <= 25 else (0.9 if best[0] <= 60 else 0.8)
    if rules.words.other_money_cues.search(sentence, max(left_limit, start - _WINDOW), start):
        return None, None, 0.0
    for metric, pattern in rules.words.metric_cues:
        match = pattern.search(sentence, end, min(right_limit, end + 40))
        if match and not rules.words.other_money_cues.search(sentence, end, match.start()):
            return metric, match.start(), 0.9
    return None, None, 0.0


def _rank_figures(sentence: str, rules: FigureRules) -> list[SentenceFigure]:
    """The sentence's national or world rank, as the cluster's (the caller marks a firm's)."""
    figures = []
    if rules.rank_scope is not None and not rules.rank_scope.possible(sentence):
        return figures
    national = bool(rules.words.national_scope.search(sentence))
    if not national and not rules.words.world_words.search(sentence):
        return figures
    for pattern in rules.words.rank_patterns:
        for match in pattern.finditer(sentence):
            lead = sentence[max(0, match.start() - 20): match.start()]
            if rules.words.one_of_before.search(lead + ("" if lead.endswith(" ") else " ")) or rules.words.one_of_after.match(
                sentence[match.end():]
            ):
                continue
            groups = match.groupdict()
            token = groups.get("rank") or groups.get("rank2")
            if token:
                value = _ordinal_value(token, rules)
            elif groups.get("first") is not None or pattern.groups == 0:
                value = 1
            else:
                continue
            if value is None or (not national and value != 1):
                continue
            market = rules.words.market_subject
            if market.search(match.group()) or market.search(sentence[match.end(): match.end() + 8]):
                continue  # the largest market hall, not the largest cluster
            figures.append(SentenceFigure("rank", float(value), "rank", "exact", match.start(), match.end(),
                                          match.group(), False))
            return figures
    return figures


def _ordinal_value(token: str, rules: FigureRules) -> int | None:
    """The place a rank phrasing names: its digits ('No. 1', '1st', '第1') or its ordinal word."""
    digits = re.search(r"\d{1,2}", token)
    if digits:
        return int(digits.group())
    return rules.ordinals.get(token.strip().lower())


def _is_count_not_year(sentence: str, mention: NumberMention, rules: FigureRules) -> bool:
    """'2000 workers' is a count; 'in 2000' is a year: a year-like number directly followed by a
    noun for firms or people is a count, and so is one with a qualifier before it and such a noun
    a few words on ('more than 2000 textile and garment enterprises')."""
    if not mention.is_year:
        return False
    after = sentence[mention.end: mention.end + 60]
    if rules.count_noun_right_after.match(after):
        return True
    qualified = any(pattern.search(sentence[max(0, mention.start - 40): mention.start])
                    for pattern, _ in rules.words.qualifier_before)
    return qualified and bool(rules.count_noun_near_after.match(after))


def _is_threshold(sentence: str, start: int, end: int, rules: FigureRules) -> bool:
    """'firms with annual sales of over 20 million yuan': the amount sorts firms. Without firms
    counted before it ('…, with annual sales exceeding 4 billion yuan') it is the cluster's total."""
    window_start = max(0, start - 70)
    for pattern in rules.words.threshold_before:
        match = pattern.search(sentence, window_start, start)
        # the sorted are firms, or brands and products
        sorted_nouns = (noun for pattern in (rules.firm_noun, rules.words.variety_nouns)
                        for noun in pattern.finditer(sentence, max(0, match.start() - 40), match.start() + 1))
        if match and any(_modifies(noun.end(), match.start(), sentence) for noun in sorted_nouns):
            return True
    return bool(rules.words.threshold_after.match(sentence[end: end + 12]))  # 年销售额2000万元以上的企业


@dataclass(frozen=True)
class _Amount:
    """A number with its currency, if it has one, and the span covering symbol, number and word."""

    mention: NumberMention
    currency: str | None
    start: int
    end: int
    inherited: bool = False  # the currency was named with an earlier amount, not with this one


def find_sentence_figures(
    sentence: str, lang: Language | str | None, product_spans: tuple[tuple[int, int], ...] = (),
    ends_document: bool = True, numbers: tuple[NumberMention, ...] | None = None, include_dropped: bool = False,
    carried_currency: str | None = None,
) -> list[SentenceFigure]:
    """Figures in one sentence; ``product_spans`` are product names found in it (offsets in the
    sentence), so that "80 million pumps" can be read as pieces produced. A number cut off at
    the end of the text is dropped only where the text really ends (``ends_document``): a list
    item or a heading ends without punctuation too. ``numbers`` are the sentence's numbers when
    the caller has found them already. With ``include_dropped`` the candidates the rules turn
    down come too, each with its ``dropped`` reason. ``carried_currency`` is the currency the
    paragraph named last, for an amount that does not repeat it ("Exports made up 4 billion of that")."""
    lang = language(lang) if isinstance(lang, str | None) else lang
    if lang is None:
        return []  # a language without a folder: no rules to read it by
    rules = figure_rules(lang.code)
    if numbers is None:
        numbers = tuple(find_numbers(sentence, lang.code))
    amounts = _amounts(sentence, _candidate_numbers(sentence, numbers, rules, ends_document), rules, carried_currency)
    # a quotation is no company figure by itself: officials quote the cluster's figures too
    # a firm, person, platform or fair named before a figure's clause ends makes it theirs; one named
    # only in a later clause ("…, and firms on live-streaming platforms sold…") does not. Most
    # sentences hold no amount and no rank: the cue is looked for only where a figure needs it.
    ranks = _rank_figures(sentence, rules)
    company_from = _company_cue_start(sentence, rules) if amounts or ranks else None
    figures = _amount_figures(sentence, amounts, rules, product_spans, company_from) if amounts else []
    if ranks and company_from is not None:
        ranks = [replace(rank, is_company=True) for rank in ranks]
    figures.extend(ranks)
    return figures if include_dropped else [figure for figure in figures if figure.dropped is None]


def _amount_figures(sentence: str, amounts: list[_Amount], rules: FigureRules,
                    product_spans: tuple[tuple[int, int], ...], company_from: int | None) -> list[SentenceFigure]:
    """The money and count figures of a sentence's amounts, in their order."""
    money = [amount for amount in amounts if amount.currency]
    figures = _money_figures(sentence, money, rules, company_from)
    counts = [amount for amount in amounts if not amount.currency]
    wholes = _wholes(sentence, counts, rules)
    for amount in counts:
        is_company = _about_company(sentence, amount.start, amount.end, company_from, rules)
        figure = _count_figure(sentence, amount, rules, product_spans, is_company, wholes.get(id(amount)),
                               is_whole=any(whole is amount for whole in wholes.values()))
        if figure is not None:
            figures.append(figure)
    figures.sort(key=lambda figure: figure.value_start)
    figures = _parts_of_a_later_total(sentence, figures, rules)
    return _size_classes(sentence, figures, rules)


def _parts_of_a_later_total(sentence: str, figures: list[SentenceFigure], rules: FigureRules) -> list[SentenceFigure]:
    """'Together they sold 9.7 billion yuan ($1.6 billion), or 25 percent of Humen's total sales of
    38.6 billion yuan': a segment of the whole stated after it (and its restatement) is no figure of
    the cluster; a share of the nation's or world's total is."""
    marked, part_dropped = [], False
    for index, figure in enumerate(figures):
        if figure.is_restatement:
            marked.append(replace(figure, dropped=figure.dropped or "a share of a total stated after")
                          if part_dropped else figure)
            continue
        part_dropped = False
        for whole in figures[index + 1:]:
            if whole.metric != figure.metric or whole.unit != figure.unit or whole.value <= figure.value:
                continue
            between = sentence[figure.value_end: whole.value_start]
            share = rules.words.share_of_later.search(between)
            if share and not rules.words.national_subject.search(between, share.start()):
                figure, part_dropped = replace(figure, dropped=figure.dropped or "a share of a total stated after"), True
            break
        marked.append(figure)
    return marked


def _size_classes(sentence: str, figures: list[SentenceFigure], rules: FigureRules) -> list[SentenceFigure]:
    """'Fewer than 300 firms employ more than 100 workers', 员工超过100人的企业不到300家: a count of
    people smaller than a count of firms in the same clause is a size per firm, not the cluster's
    workforce, and the firms it sizes are a class of them. (No cluster has fewer people than firms,
    so the values tell this apart from '3,000 firms employing 100,000 workers' in any language.)
    So is 'fewer than 30 firms employ more than 500 workers': few firms, each above a size."""
    for firms in [f for f in figures if f.unit == "firms" and f.dropped is None and not f.is_company]:
        clause = _clause_bounds(sentence, firms.value_start, firms.value_end, rules)
        for people in [f for f in figures if f.unit == "people" and f.dropped is None]:
            few_but_large = firms.qualifier == "less_than" and people.qualifier == "more_than"
            if clause[0] <= people.value_start < clause[1] and (people.value < firms.value or few_but_large):
                figures = [replace(f, dropped="a size per firm") if f is people
                           else replace(f, dropped="subset") if f is firms else f for f in figures]
                break
    return figures


def _candidate_numbers(sentence: str, numbers, rules: FigureRules, ends_document: bool) -> list[NumberMention]:
    """Numbers that may be figures: not cut off, not percentages, ordinals, years, decades or
    orders of magnitude."""
    return [
        m for m in numbers
        if not ((m.truncated and ends_document) or m.is_percent or m.is_ordinal)
        and (not m.is_year or _is_count_not_year(sentence, m, rules))
        and not rules.words.decade_before.search(sentence[max(0, m.start - 12): m.start])
        and not rules.words.vague_before.search(sentence[max(0, m.start - 1): m.start])
    ]


def _amounts(
    sentence: str, mentions: list[NumberMention], rules: FigureRules, carried_currency: str | None = None
) -> list[_Amount]:
    """Each number with its currency. A bare amount takes the currency named just before it (in
    the sentence, else ``carried_currency`` from the sentences before) when it compares with it
    ("contre 1,05 milliard"), ends its clause ("ending the year at 10.6 billion.") or is a share
    of it ("4 billion of that")."""
    amounts: list[_Amount] = []
    for mention in mentions:
        currency, start, end = _currency(sentence, mention, rules)
        # the amount right before it names the currency (the paragraph's, for a sentence's first)
        last_currency = amounts[-1].currency if amounts else carried_currency
        inherited = currency is None and last_currency is not None and mention.value >= 1e5 and bool(
            rules.words.comparison_before.search(sentence[max(0, start - 25): start])
            or (_is_scaled(mention) and _ends_bare(sentence, end, rules)))
        amounts.append(_Amount(mention, last_currency if inherited else currency, start, end, inherited))
    return amounts


def _is_scaled(mention: NumberMention) -> bool:
    """Written with a scale word ('10.6 billion', '4 Mrd', '30亿'): an amount, not a count."""
    return any(not char.isdigit() and char not in ".,'’ \u00a0\u202f" for char in mention.text)


def _ends_bare(sentence: str, end: int, rules: FigureRules) -> bool:
    rest = sentence[end:]
    return bool(re.match(r"\s*(?:[.,;:!?)）。，；！？]|$)", rest) or rules.words.of_the_whole.match(rest))


def _company_cue_start(sentence: str, rules: FigureRules) -> int | None:
    """Where the sentence first names a firm, person, platform or fair; a title at a public body
    ('directeur du bureau du commerce') names an official, no firm."""
    if rules.company_cues is not None and not rules.company_cues.possible(sentence):
        return None
    for cue in rules.words.company_cues.finditer(sentence):
        after = sentence[cue.end(): cue.end() + 40]
        body = rules.words.official_bodies.search(after)
        if body is None or rules.words.clause_breaks.search(after, 0, body.start()):
            return cue.start()
    return None


def _about_company(sentence: str, start: int, end: int, company_from: int | None, rules: FigureRules) -> bool:
    """A company cue before the figure's clause ends makes the figure the company's; so does one
    anywhere when the figure is quoted (the speaker, "said the chairman of X Co.", owns the quote)."""
    if company_from is None:
        return False
    return company_from < _clause_bounds(sentence, start, end, rules)[1] or _is_quoted(sentence, start)


def _is_quoted(sentence: str, position: int) -> bool:
    """Inside quotation marks: opened before the position, or closed after it (a quote that began
    in an earlier sentence)."""
    before, after = sentence[:position], sentence[position:]
    return (before.count("\u201c") > before.count("\u201d") or after.count("\u201d") > after.count("\u201c")
            or before.count('"') % 2 == 1 or after.count('"') % 2 == 1)


def _money_figures(
    sentence: str, money: list[_Amount], rules: FigureRules, company_from: int | None
) -> list[SentenceFigure]:
    """The amounts of money that are figures, each with the metric its nearest cue names."""
    words = rules.words
    spans = [(amount.start, amount.end) for amount in money]
    figures: list[SentenceFigure] = []
    previous: SentenceFigure | None = None
    for amount in money:
        start, end, value = amount.start, amount.end, amount.mention.value
        qualifier = _qualifier(sentence, start, end, rules, amount.mention)
        # a second currency right after the first ("5 billion yuan ($712 million)") restates it:
        # kept, marked, and never counted twice
        if (previous is not None and amount.currency != previous.unit
                and words.restatement_gap.fullmatch(sentence[previous.value_end: start])):
            figures.append(SentenceFigure(previous.metric, value, amount.currency, qualifier, start, end,
                                          sentence[start:end], previous.is_company, previous.money_metric_cue,
                                          is_restatement=True))
            continue
        metric, cue, reading = _nearest_money_metric(sentence, start, end, rules, [s for s in spans if s != (start, end)])
        gap = sentence[previous.value_end: start] if previous is not None else ""
        crossed = previous is not None and words.total_after_threshold.search(gap) is not None
        if metric is None and previous is not None and (amount.inherited or crossed
                                                        or words.comparison_before.search(gap)):
            # "18 billion, down from 21 billion in 2019"; "passed 10 billion, ending the year at 10.6 billion"
            metric, cue, reading = previous.metric, previous.money_metric_cue, 0.85
        if crossed and metric == previous.metric:
            # the amount before was a threshold crossed on the way to this total
            figures = [replace(f, dropped="a threshold crossed on the way to the total")
                       if f is previous or (f.is_restatement and f.value_start > previous.value_start) else f
                       for f in figures]
        if metric is None:
            continue
        is_company = _about_company(sentence, start, end, company_from, rules)
        dropped = _money_dropped(sentence, start, end, value, is_company, metric, cue, previous, rules)
        about_company = is_company
        if metric == "sales_value":
            clause_end = _clause_bounds(sentence, start, end, rules)[1]
            if words.online_after.search(sentence[end:clause_end]) or words.online_before.search(sentence, 0, start):
                metric = "online_sales"
            elif words.market_subject.search(sentence, 0, start):
                about_company = True  # a market hall's turnover, not the cluster's sales
        figure = SentenceFigure(metric, value, amount.currency, qualifier, start, end, sentence[start:end],
                                about_company, cue, reading=reading, dropped=dropped)
        figures.append(figure)
        if dropped is None:
            previous = figure
    return figures


def _money_dropped(
    sentence: str, start: int, end: int, value: float, is_company: bool, metric: str, cue: int | None,
    previous: SentenceFigure | None, rules: FigureRules,
) -> str | None:
    """Why an amount with a metric is still no figure of the cluster, or None."""
    words = rules.words
    if _is_threshold(sentence, start, end, rules):
        return "threshold"  # "firms with annual sales of over 20 million yuan"
    if value < SMALLEST_AMOUNT and not is_company:
        return "too small for a cluster"  # "only a thousand exceed 500,000 euros of turnover"
    if words.change_before.search(sentence[max(0, start - 30): start]):
        return "change"  # "up by 2 billion yuan": a change, not a level
    cue_start = cue if cue is not None and cue < start else max(0, start - 60)
    clause_end = _clause_bounds(sentence, start, end, rules)[1]
    if metric in ("export_value", "sales_value") and words.destination_cues.search(
        sentence[max(0, min(cue_start, start) - 15): clause_end]
    ):
        return "one destination"  # exports to one market
    if words.subset_spans_sentence:  # up to where the sentence names the whole again (…，全市陶瓷产业集群产值…)
        clause_start = max((m.start() for m in words.whole_again.finditer(sentence, 0, start)), default=0)
    else:
        clause_start = _clause_bounds(sentence, start, end, rules)[0]
    if words.subset_money.search(sentence, min(clause_start, cue_start), start):
        return "subset"  # the amount of a subset of firms (规上企业, "of which")
    if (words.part_of_previous.search(sentence[max(0, start - 20): start]) and previous is not None
            and previous.metric == metric):
        return "part of the figure before"  # 其中跨境电商交易额: a part of the figure before it
    return None


def _wholes(sentence: str, counts: list[_Amount], rules: FigureRules) -> dict[int, _Amount]:
    """'12,000 of the county's 90,000 residents work…': each part (by id) and the whole it is
    taken from; the part is counted with the whole's noun."""
    wholes = {}
    for part, whole in zip(counts, counts[1:]):
        link = rules.words.part_of_whole.match(sentence, part.mention.end)
        if link and link.end() == whole.mention.start:
            wholes[id(part)] = whole
    return wholes


def _count_figure(
    sentence: str, amount: _Amount, rules: FigureRules, product_spans: tuple[tuple[int, int], ...], is_company: bool,
    whole: _Amount | None = None, is_whole: bool = False,
) -> SentenceFigure | None:
    """A count of firms, people, countries or pieces, when its noun and metric are clear. A part
    of a whole takes the whole's noun; a whole of people a part is taken from is a population."""
    mention = amount.mention
    unit, noun_end, reading = _count_unit(sentence, (whole or amount).mention, rules, product_spans)
    if unit is None:
        return None
    metric, dropped = _count_metric(sentence, mention, noun_end, unit, rules)
    if is_whole and unit == "people":
        dropped = dropped or "population"  # "of the county's 90,000 residents": not all of them work
    value = mention.value
    if metric is None or value != int(value) or value <= 0:
        return None
    if unit == "units":
        value *= _counting_unit(sentence, mention.end, rules)  # before the smallest-count check: 'dozen' is 12
    if dropped is None and not is_company and value < FEWEST.get(metric, 0):
        dropped = "too few for a cluster"  # "five local firms drafted the standard"
    qualifier = _qualifier(sentence, amount.start, amount.end, rules, mention)
    return SentenceFigure(metric, value, unit, qualifier, mention.start, mention.end,
                          sentence[mention.start:mention.end], is_company, reading=reading, dropped=dropped)


def _counting_unit(sentence: str, position: int, rules: FigureRules) -> int:
    """How many pieces the word right after a number counts as one ('dozen': 12), else 1."""
    words = re.findall(r"\w+", sentence[position: position + 24])[:2]  # through a 'di' or 'de'
    for word in words[:1] + [w for w in words[1:] if len(words[0]) <= 3]:
        if word.lower() in rules.words.counting_units:
            return rules.words.counting_units[word.lower()]
    return 1


def _count_metric(
    sentence: str, mention: NumberMention, noun_end: int, unit: str, rules: FigureRules
) -> tuple[str | None, str | None]:
    """(metric, why it is not the cluster's figure) for a count with its unit; metric None when
    the words around it name none of ours."""
    clause_start, clause_end = _clause_bounds(sentence, mention.start, noun_end, rules)
    clause = sentence[clause_start:clause_end]
    noun_phrase = sentence[mention.start: noun_end]
    # the clause for Chinese (配套企业 in the clause before is a subset); a sentence opening
    # "Among them, 260 enterprises…" counts too
    context_before = sentence[max(clause_start if rules.words.measure_words else 0, mention.start - 40): mention.start]
    metric = _count_metric_named(sentence, mention, noun_end, unit, clause, noun_phrase, rules)
    if metric is None:
        return None, None
    if unit == "firms" and rules.words.park_words.search(sentence[: mention.start]):
        return metric, "one park"  # the firms in one industrial park, not the cluster's
    subset = rules.words.subset_cues
    if subset.search(noun_phrase) or subset.search(context_before) or (unit == "firms" and rules.words.subset_after.match(
        sentence[noun_end: noun_end + 40].lstrip(" ,"))):
        return metric, "subset"
    if unit == "firms" and rules.words.subset_predicates.search(clause):
        return metric, "subset"  # "467 companies have registered trademarks", 具备自营出口资质的企业127家
    if rules.words.past_time_words.search(sentence[clause_start: noun_end]):
        return metric, "of an earlier time"  # "那时南和有50余家饲料企业"
    if unit == "firms":
        counted = sentence[max(clause_start, mention.start - 12): mention.start]
        if rules.words.not_firms_before.search(counted) and not rules.words.firm_words.search(counted):
            return metric, "not firms"  # 合作社860家, 家庭农场1300余家, 商户4000多家: counted, but not enterprises
    if unit == "units":
        return metric, _not_pieces(sentence, mention, noun_end, clause_start, rules)
    if unit == "people" and rules.words.beneficiary_cues.search(clause):
        return metric, "helped, not employed"  # "lifted 20,000 villagers out of poverty", 带动2万人增收
    return metric, None


def _not_pieces(sentence: str, mention: NumberMention, noun_end: int, clause_start: int, rules: FigureRules) -> str | None:
    """Why a count of things is no production volume: kinds of product (200 designs, 1万多个品种)
    or machines (50,000 carding machines, 生产设备7.2万台)."""
    words = rules.words
    if words.measure_words:  # the noun follows the measure word (1万多个品种) or comes before the number (品牌330个)
        counted = sentence[noun_end: noun_end + 3] + "|" + sentence[max(clause_start, mention.start - 4): mention.start]
        before = sentence[max(clause_start, mention.start - 8): mention.start]
    else:  # the noun phrase, and up to two words after it ("cashmere carding machines")
        tail = re.match(r"(?:\s+[^\W\d_][\w'’-]*){0,2}", sentence[noun_end:])
        counted, before = sentence[mention.end: noun_end] + tail.group(), ""
    if words.variety_nouns.search(counted):
        return "kinds of product"
    if words.equipment_nouns.search(counted) or words.equipment_nouns.search(before):
        return "machines"
    if words.requirement_words.search(sentence[max(clause_start, mention.start - 10): noun_end + 20]):
        return "what one product needs"  # 一架钢琴所需的8800多个零件
    if words.short_rate_words.search(sentence[max(0, mention.start - 6): noun_end + 30]):
        return "a rate, not a year's output"  # "3 million bags a day", 日产3万件
    if words.capacity_words.search(sentence[max(clause_start, mention.start - 30): noun_end + 20]):
        return "capacity, not output"  # "an annual capacity of 18 billion pens", 年产180亿支的产能
    return None


def _count_metric_named(
    sentence: str, mention: NumberMention, noun_end: int, unit: str, clause: str, noun_phrase: str, rules: FigureRules
) -> str | None:
    """The metric the words around a count name: firms are enterprises; people are employees
    when work is mentioned; countries are export markets when selling is; pieces are a volume
    when production is."""
    if unit == "firms":
        return "enterprises"
    if unit == "people":
        employment = rules.words.employment_cues
        noun_is_job = employment.search(noun_phrase) or rules.work_verb.search(noun_phrase)
        if noun_is_job or employment.search(sentence[max(0, mention.start - 60): mention.start]) or employment.search(clause):
            return "employees"
        return None
    if unit == "countries":
        window = sentence[max(0, mention.start - 80): noun_end + 30]  # "40 Länder und Regionen ausgeführt"
        return "export_markets" if rules.words.market_cues.search(window) else None
    if unit == "units":
        window = sentence[max(0, mention.start - 80): noun_end + 30]
        return "output_volume" if rules.words.production_cues.search(window) else None
    return None
