"""Figures stated in one sentence: value, unit, metric, qualifier, and who they are about.

A number becomes a figure only when its unit and metric are both clear from the words around
it; anything unclear is dropped (a wrong number is worse than a missing one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clusterhouse.extraction.numbers import NumberMention, find_numbers
from clusterhouse.lang.lexicon import ANNUAL_WORDS, MEASURE_NOUNS, WORK_VERBS, CompiledLexicon, compiled

STOCK_METRICS = frozenset({"enterprises", "employees", "export_markets"})
# between a number and a product name: nothing, "of", "di", "de", a measure word, or a pair/set word
_PRODUCT_GAP = re.compile(r"\s*(?:(?:pairs?|sets?|pieces?|paia|pares|paires|Paar|Stück)\s+)?(?:of|di|de|d'|des|du|von)?\s*"
                          r"|[个件双套只台辆支把条顶副盏粒颗张片根枚]?")
# between an amount and the same amount in another currency: "(", "or", "about", "约合"…
_RESTATEMENT_GAP = re.compile(
    r"\s*[(（,，]?\s*(?:or|about|around|approximately|roughly|some|nearly|equivalent to|worth|circa|pari a|"
    r"equivalenti a|ovvero|cioè|o sea|unos|unas|alrededor de|aproximadamente|soit|environ|près de|rund|etwa|"
    r"umgerechnet|约合|约|合|折合|相当于)?\s*",
    re.IGNORECASE,
)
# "up by 2 billion yuan", "比前年多了20亿元": a change, not a level
_DELTA = re.compile(
    r"(?:\b(?:up|down|increased?|rise|rose|grew|growth|decreased?|drop(?:ped)?|fell)\s+(?:by|of)|"
    r"\b(?:aumento|crescita|calo|incremento) di|\b(?:aumento|crecimiento|caída|incremento) de|"
    r"\b(?:hausse|augmentation|baisse|progression) de|\b(?:Plus|Zuwachs|Anstieg|Rückgang) von|"
    r"(?:多了|增加了?|增长了?|减少了?|下降了?|提高了?|增收))\s*(?:about|nearly|some|more than|over|circa|quasi|"
    r"unos|près de|rund|将近|近|约)?\s*$",
    re.IGNORECASE,
)
# "…, down from 21 billion yuan in 2019": the earlier amount of the same metric
_COMPARISON = re.compile(
    r"(?:compared with|compared to|up from|down from|versus|against|rispetto a|contro|dai|dagli|frente a|comparado con|"
    r"en comparación con|desde|contre|par rapport à|gegenüber|im Vergleich zu|nach|较|比)",
    re.IGNORECASE,
)
_NOT_FIRMS_ZH = re.compile(r"(?:合作社|农场|网店|店铺|门店|摊位|(?<!工)商户|商家|网商|项目|协会|品牌|专利|中心)[^，。；\d]{0,3}$")
_FIRMS_ZH = re.compile(r"企业|厂|公司")
_VARIETIES_ZH = re.compile(r"(?:品种|品类|种类|款|规格|系列|类)")
_PARK = re.compile(r"\b(?:industrial park|innovation park|science park|parc|parco|parque|Industriepark|Gewerbepark)\b|"
                   r"园区|产业园|工业园|产业基地内", re.IGNORECASE)
_VAGUE_ZH = re.compile(r"[上数几成]$")  # 上千个品种, 数万家: an order of magnitude, not a figure
# decades written in words: "años noventa", "the nineties"
_DECADE = re.compile(r"(?:años|anni|années|Jahre|years|年代)\s*$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:，；：、（(]|\s(?:and|while|whereas|mentre|e|y|et|und|但|而)\s")
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


def _qualifier(sentence: str, start: int, end: int, lex: CompiledLexicon, mention: NumberMention) -> str:
    if mention.inner_qualifier:
        return mention.inner_qualifier
    before = sentence[max(0, start - 40): start]
    for pattern, qualifier in lex.qualifier_before:
        if pattern.search(before):
            return qualifier
    after = sentence[end: end + 12]
    for pattern, qualifier in lex.qualifier_after:
        if pattern.search(after):
            return qualifier
    return "exact"


def _currency(sentence: str, mention: NumberMention, lex: CompiledLexicon) -> tuple[str | None, int, int]:
    """The currency of an amount and the span covering symbol, number and currency word."""
    before = sentence[max(0, mention.start - 8): mention.start]
    for pattern, code in lex.currency_before:
        match = pattern.search(before)
        if match:
            return code, mention.start - (len(before) - match.start()), mention.end
    # the full stop of an abbreviated scale word ("58,3 Mrd. Yuan") belongs to the number
    skip = 1 if sentence[mention.end: mention.end + 1] == "." and mention.text[-1:].isalpha() else 0
    after = sentence[mention.end + skip: mention.end + skip + 30]
    for pattern, code in lex.currency_after:
        match = pattern.search(after)
        if match:
            return code, mention.start, mention.end + skip + match.end()
    return None, mention.start, mention.end


def _count_unit(
    sentence: str, mention: NumberMention, lex: CompiledLexicon, product_spans: tuple[tuple[int, int], ...] = ()
) -> tuple[str | None, int]:
    """The counted noun after a number. Latin scripts: the nearest noun within a few modifier
    words; Chinese: the longest measure word (个国家 over 个). A product name right after the
    number ("80 million pumps", "300 milioni di cravatte") counts pieces."""
    # "1,200-plus enterprises", "300-odd firms", "5,000+ workers": the qualifier, not a modifier word
    suffix = re.match(r"(?:-?\s*plus\b|-odd\b|\+)", sentence[mention.end: mention.end + 6], re.IGNORECASE)
    offset = mention.end + (suffix.end() if suffix else 0)
    after = sentence[offset: offset + 80]
    best: tuple[int, str] | None = None
    for pattern, unit in lex.count_after:
        match = pattern.search(after)
        if match is None:
            continue
        better = match.end() > best[0] if (best and lex.language == "zh") else (best is None or match.end() < best[0])
        if better:
            best = (match.end(), unit)
    if best is None:
        for start, end in product_spans:
            gap = sentence[mention.end: start]
            if start >= mention.end and _PRODUCT_GAP.fullmatch(gap):
                return "units", end
        annual = ANNUAL_WORDS.get(lex.language)
        if annual:
            match = re.match(rf"\s+((?:[^\W\d_][\w'’-]*\s+){{1,3}}?)(?:{annual})\b", after, re.IGNORECASE)
            if match and not re.search(rf"\b(?:{MEASURE_NOUNS})\b", match.group(1), re.IGNORECASE):
                return "units", offset + match.end(1)
            # "produit chaque année environ 500 millions de pulls": the yearly word before the number
            before = sentence[max(0, mention.start - 60): mention.start]
            noun = re.match(r"\s+(?:(?:of|di|de|d'|des|von)\s*)?([^\W\d_][\w'’-]*)", after, re.IGNORECASE)
            clause = before + sentence[mention.end: mention.end + 60]
            if (noun and re.search(rf"\b(?:{annual})\b", before, re.IGNORECASE) and lex.production.search(clause)
                    and not re.fullmatch(rf"(?:{MEASURE_NOUNS})", noun.group(1), re.IGNORECASE)):
                return "units", offset + noun.end(1)
        work = WORK_VERBS.get(lex.language)
        if work:
            match = re.match(rf"\s+(?:[^\W\d_][\w'’-]*,?\s+){{1,6}}?(?:{work})\b", after, re.IGNORECASE)
            if match:
                return "people", offset + match.end()
        # a labelled list item: "Employees: more than 160,000", "Wire mesh enterprises: about 13,000"
        label = sentence[max(0, mention.start - 50): mention.start]
        flags = re.IGNORECASE if lex.lexicon.case_insensitive else 0
        for unit in ("firms", "people", "countries"):
            nouns = "|".join(lex.lexicon.count_nouns[unit])
            labelled = re.search(rf"([^\n:：]{{0,30}}(?:{nouns}))\s*[:：]\s*[^\d:：.;]{{0,25}}$", label, flags)
            if labelled:
                return (None, mention.end) if lex.subset.search(labelled.group(1)) else (unit, mention.end)
        return None, mention.end
    return best[1], offset + best[0]


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for match in _CLAUSE_BREAK.finditer(sentence, 0, start):
        left = match.end()
    right_match = _CLAUSE_BREAK.search(sentence, end)
    return left, right_match.start() if right_match else len(sentence)


def _nearest_money_metric(sentence: str, start: int, end: int, lex: CompiledLexicon, amount_spans) -> tuple[str | None, int | None]:
    """The metric named by the cue nearest the amount: to its left without crossing another
    amount, else just after it ("5 billion yuan in exports")."""
    left_limit = max([e for s, e in amount_spans if e <= start] or [0])
    right_limit = min([s for s, e in amount_spans if s >= end] or [len(sentence)])
    best: tuple[int, str, int] | None = None  # (distance, metric, position)
    for metric, pattern in lex.metric_cues:
        for match in pattern.finditer(sentence, max(left_limit, start - _WINDOW), start):
            distance = start - match.end()
            if best is None or distance < best[0]:
                best = (distance, metric, match.start())
    if best is not None:
        # "tax revenue", "investment in output": another kind of money named at or after the cue
        if lex.other_money.search(sentence, max(left_limit, best[2] - 20), start):
            return None, None
        return best[1], best[2]
    if lex.other_money.search(sentence, max(left_limit, start - _WINDOW), start):
        return None, None
    for metric, pattern in lex.metric_cues:
        match = pattern.search(sentence, end, min(right_limit, end + 40))
        if match and not lex.other_money.search(sentence, end, match.start()):
            return metric, match.start()
    return None, None


# "one of the largest" is not a rank
_ONE_OF_BEFORE = re.compile(
    r"(?:one of|among|uno dei|una delle|tra i|tra le|fra i|uno de los|una de las|entre los|entre las|l'un des|"
    r"l'une des|parmi les|einer der|eine der|eines der|zu den)\s+(?:the\s+|i\s+|le\s+|los\s+|las\s+|les\s+|den\s+)?$",
    re.IGNORECASE,
)
# the world's largest is also the country's largest (but the world's third is no national rank)
_WORLD = re.compile(r"world|global|mondo|mondiale|mundo|mundial|monde|mondial|Welt|全球|世界", re.IGNORECASE)
_ONE_OF_AFTER = re.compile(r"^[^，。；,;]{0,40}之一|^\s*(?:ones|ones in)\b")


def _rank_figures(sentence: str, lex: CompiledLexicon, is_company: bool) -> list[SentenceFigure]:
    figures = []
    national = bool(lex.national.search(sentence))
    if not national and not _WORLD.search(sentence):
        return figures
    for pattern in lex.rank:
        for match in pattern.finditer(sentence):
            lead = sentence[max(0, match.start() - 20): match.start()]
            if _ONE_OF_BEFORE.search(lead + ("" if lead.endswith(" ") else " ")) or _ONE_OF_AFTER.match(
                sentence[match.end():]
            ):
                continue
            groups = match.groupdict()
            token = groups.get("rank") or groups.get("rank2")
            if token:
                value = _ordinal_value(token, lex.language)
            elif groups.get("first") is not None or pattern.groups == 0:
                value = 1
            else:
                continue
            if value is None or (not national and value != 1):
                continue
            if lex.market_subject.search(match.group()) or lex.market_subject.search(sentence[match.end(): match.end() + 8]):
                continue  # the largest market hall, not the largest cluster
            figures.append(SentenceFigure("rank", float(value), "rank", "exact", match.start(), match.end(),
                                          match.group(), is_company))
            return figures
    return figures


_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "primo": 1, "prima": 1, "secondo": 2, "seconda": 2, "terzo": 3, "terza": 3,
    "quarto": 4, "quarta": 4, "quinto": 5, "quinta": 5, "primer": 1, "primero": 1, "primera": 1, "segundo": 2,
    "segunda": 2, "tercer": 3, "tercero": 3, "tercera": 3, "cuarto": 4, "cuarta": 4, "premier": 1,
    "première": 1, "deuxième": 2, "seconde": 2, "troisième": 3, "quatrième": 4, "cinquième": 5,
    "erste": 1, "zweite": 2, "dritte": 3, "vierte": 4, "fünfte": 5,
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
}


def _ordinal_value(token: str, language: str) -> int | None:
    token = token.strip().lower()
    digits = re.match(r"(?:no\.\s?)?(\d{1,2})", token)
    if digits:
        return int(digits.group(1))
    return _ORDINAL_WORDS.get(token)


def _is_count_not_year(sentence: str, mention: NumberMention, lex: CompiledLexicon) -> bool:
    """'2000 workers' is a count; 'in 2000' is a year: a year-like number directly followed by
    a noun for firms or people is a count."""
    if not mention.is_year:
        return False
    nouns = "|".join(n for unit in ("firms", "people") for n in lex.lexicon.count_nouns[unit])
    flags = re.IGNORECASE if lex.lexicon.case_insensitive else 0
    return bool(re.match(rf"\s*(?:{nouns})(?!\w)", sentence[mention.end: mention.end + 30], flags))


def _is_threshold(sentence: str, start: int, end: int, lex: CompiledLexicon) -> bool:
    before = sentence[max(0, start - 70): start]
    if any(pattern.search(before) for pattern in lex.threshold):
        return True
    # Chinese: 年销售额2000万元以上的企业
    return lex.language == "zh" and bool(re.match(r"\s*(?:以上|及以上)的?(?:企业|工业企业|规上)", sentence[end: end + 12]))


def find_sentence_figures(
    sentence: str, language: str | None, product_spans: tuple[tuple[int, int], ...] = (), ends_document: bool = True
) -> list[SentenceFigure]:
    """Figures in one sentence; ``product_spans`` are product names found in it (offsets in the
    sentence), so that "80 million pumps" can be read as pieces produced. A number cut off at
    the end of the text is dropped only where the text really ends (``ends_document``): a list
    item or a heading ends without punctuation too."""
    lex = compiled(language)
    mentions = [
        m for m in find_numbers(sentence, lex.language)
        if not ((m.truncated and ends_document) or m.is_percent or m.is_ordinal)
        and (not m.is_year or _is_count_not_year(sentence, m, lex))
        and not _DECADE.search(sentence[max(0, m.start - 12): m.start])
        and not _VAGUE_ZH.search(sentence[max(0, m.start - 1): m.start])
    ]
    amounts = []
    last_currency = None
    for mention in mentions:
        currency, start, end = _currency(sentence, mention, lex)
        if (currency is None and last_currency is not None and mention.value >= 1e5
                and _COMPARISON.search(sentence[max(0, start - 25): start])):
            currency = last_currency  # "1,2 milliard de dollars, contre 1,05 milliard en 2022"
        if currency is not None:
            last_currency = currency
        amounts.append((mention, currency, start, end))
    amount_spans = [(s, e) for _, c, s, e in amounts if c]
    is_company_sentence = bool(lex.company.search(sentence))
    figures: list[SentenceFigure] = []
    previous_money: SentenceFigure | None = None
    for mention, currency, start, end in amounts:
        qualifier = _qualifier(sentence, start, end, lex, mention)
        # a quotation is no company figure by itself: officials quote the cluster's figures too
        is_company = is_company_sentence
        if currency:
            # a second currency right after the first ("5 billion yuan ($712 million)") restates it:
            # kept, marked, and never counted twice
            if (previous_money is not None and currency != previous_money.unit
                    and _RESTATEMENT_GAP.fullmatch(sentence[previous_money.value_end: start])):
                figures.append(SentenceFigure(previous_money.metric, mention.value, currency, qualifier, start, end,
                                              sentence[start:end], previous_money.is_company,
                                              previous_money.money_metric_cue, is_restatement=True))
                continue
            metric, cue = _nearest_money_metric(sentence, start, end, lex, [s for s in amount_spans if s != (start, end)])
            if metric is None and previous_money is not None and _COMPARISON.search(
                sentence[previous_money.value_end: start]
            ):
                metric, cue = previous_money.metric, previous_money.money_metric_cue  # "18 billion, down from 21 billion in 2019"
            if metric is None or _is_threshold(sentence, start, end, lex) or _DELTA.search(sentence[max(0, start - 30): start]):
                continue
            cue_start = cue if cue is not None and cue < start else max(0, start - 60)
            clause_start, clause_end = _clause_bounds(sentence, start, end)
            if metric in ("export_value", "sales_value") and lex.destination.search(
                sentence[max(0, min(cue_start, start) - 15): clause_end]
            ):
                continue
            if lex.subset_money.search(sentence[: start]):
                continue  # the amount of a subset of firms (规上企业, "of which")
            if (lex.language == "zh" and "其中" in sentence[max(0, start - 20): start] and previous_money is not None
                    and previous_money.metric == metric):
                continue  # 其中跨境电商交易额: a part of the figure before it, of the same kind
            if metric == "sales_value":
                if lex.online_after.search(sentence[end:clause_end]):
                    metric = "online_sales"
                elif lex.market_subject.search(sentence, 0, start):
                    is_company = True  # a market hall's turnover, not the cluster's sales
            figure = SentenceFigure(metric, mention.value, currency, qualifier, start, end, sentence[start:end],
                                    is_company, cue)
            figures.append(figure)
            previous_money = figure
            continue
        unit, noun_end = _count_unit(sentence, mention, lex, product_spans)
        if unit is None:
            continue
        metric = _count_metric(sentence, mention, noun_end, unit, lex)
        if metric is None:
            continue
        value = mention.value
        if value != int(value) or value <= 0:
            continue
        figures.append(SentenceFigure(metric, value, unit, qualifier, mention.start, mention.end,
                                      sentence[mention.start:mention.end], is_company))
    figures.extend(_rank_figures(sentence, lex, is_company_sentence))
    return figures


def _count_metric(sentence: str, mention: NumberMention, noun_end: int, unit: str, lex: CompiledLexicon) -> str | None:
    clause_start, clause_end = _clause_bounds(sentence, mention.start, noun_end)
    clause = sentence[clause_start:clause_end]
    noun_phrase = sentence[mention.start: noun_end]
    # the clause for Chinese (配套企业 in the clause before is a subset); a sentence opening
    # "Among them, 260 enterprises…" counts too
    context_before = sentence[max(clause_start if lex.language == "zh" else 0, mention.start - 40): mention.start]
    if unit == "firms" and _PARK.search(sentence[: mention.start]):
        return None  # the firms in one industrial park, not the cluster's
    if lex.subset.search(noun_phrase) or lex.subset.search(context_before) or lex.subset_after.match(
        sentence[noun_end: noun_end + 40].lstrip(" ,")
    ):
        return None
    if unit == "firms":
        counted = sentence[max(clause_start, mention.start - 12): mention.start]
        if lex.language == "zh" and _NOT_FIRMS_ZH.search(counted) and not _FIRMS_ZH.search(counted):
            return None  # 合作社860家, 家庭农场1300余家, 商户4000多家: counted, but not enterprises
        return "enterprises"
    if unit == "people":
        work = WORK_VERBS.get(lex.language)
        noun_is_job = lex.employment.search(noun_phrase) or (work and re.search(rf"\b(?:{work})\b", noun_phrase))
        if noun_is_job or lex.employment.search(sentence[max(0, mention.start - 60): mention.start]) or lex.employment.search(clause):
            return "employees"
        return None
    if unit == "countries":
        window = sentence[max(0, mention.start - 80): noun_end + 20]
        return "export_markets" if lex.market.search(window) else None
    if unit == "units":
        if lex.language == "zh" and _VARIETIES_ZH.match(sentence[noun_end: noun_end + 3]):
            return None  # 1万多个品种: kinds of product, not pieces
        window = sentence[max(0, mention.start - 80): noun_end + 30]
        return "output_volume" if lex.production.search(window) else None
    return None
