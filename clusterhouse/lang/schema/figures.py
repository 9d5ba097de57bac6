"""figures.yaml: the words that say what an amount or a count measures, whose it is, and when a
number is not a figure of the cluster at all."""

from __future__ import annotations

import re
from dataclasses import dataclass

from clusterhouse.lang.schema.kinds import (
    fragment_table,
    fragments,
    pattern,
    pattern_pairs,
    patterns,
    phrase_table,
    phrases,
    value,
    word_values,
)


@dataclass(frozen=True)
class FigureWords:
    # --- money: what an amount measures -------------------------------------------------------
    metric_cues: tuple[tuple[str, re.Pattern], ...] = phrase_table(
        "Cue phrases naming what an amount measures, by metric; the file's order is the priority on a tie "
        "(online_sales, trade_value, export_value, output_value, sales_value)")
    other_money_cues: re.Pattern = phrases(
        "Amounts that are none of our metrics: tax, investment, tourism, wages, an order…")
    currency_before: tuple[tuple[re.Pattern, str], ...] = pattern_pairs(
        "[pattern ending right before the number, ISO currency code]")
    currency_after: tuple[tuple[re.Pattern, str], ...] = pattern_pairs(
        "[pattern starting right after the number, ISO currency code]")
    restatement_gap: re.Pattern = pattern(
        "What may stand between an amount and the same amount in another currency: '(', 'or', 'about', 约合",
        ignore_case=True)
    change_before: re.Pattern = pattern(
        "Ends right before an amount that is a change, not a level: 'up by', 'aumento di', 增加了",
        ignore_case=True)
    comparison_before: re.Pattern = pattern(
        "Introduces an earlier amount of the same metric: 'compared with', 'down from', 'contre', 较",
        ignore_case=True)
    comparison_base_before: re.Pattern = pattern(
        "Right before a time: it is the base of a comparison ('than a year earlier', 'from 2019'), not when a "
        "figure applies")
    online_before: re.Pattern = phrases(
        "Earlier in the sentence of a sales amount: the sales were made online (e-commerce shops, 电商)")
    of_the_whole: re.Pattern = pattern(
        "Right after a bare amount: it is a share of the amount named before ('4 billion of it', 'davon')")
    online_after: re.Pattern = phrases(
        "After a sales amount: the sales were made online ('sold … online')", bounded=False)
    # --- counts: what a number counts ---------------------------------------------------------
    count_nouns: dict[str, tuple[str, ...]] = fragment_table(
        "Nouns (or measure words) after a number, by unit: firms, people, countries, units; 'other' for things "
        "counted that are none of ours (stores, households, hectares), so a number is not read as counting a "
        "noun further on")
    max_words_to_noun: int = value("How many modifier words may stand between a number and its noun", int)
    rise_to_before: re.Pattern = pattern(
        "Ends right before the second number of 'rose from X to Y' ('da 2.761 a', 'from 300 to'): Y counts "
        "the noun named before the change (the firms whose number rose)", ignore_case=True)
    measure_words: bool = value(
        "Counts take measure words between number and noun (300家, 5个国家): the longest measure word wins, "
        "the noun follows it, and the count's context is its clause", bool)
    function_words: re.Pattern = phrases(
        "Words that cannot be the thing a number counts ('in', 'last', 'of'): a bare count needs a noun")
    count_suffix: re.Pattern = pattern(
        "A qualifier glued to a count before its noun: '1,200-plus', '300-odd', '5,000+'", ignore_case=True)
    of_words: tuple[str, ...] = fragments(
        "Words linking a number to what it counts: '80 million pairs of shoes', '300 milioni di cravatte'")
    per_year_words: tuple[str, ...] = fragments(
        "'a year', 'ogni anno': after (or before) a count, it is a yearly production volume")
    measure_nouns: tuple[str, ...] = fragments(
        "Measures that are not pieces (tonnes, hectares, hours): a yearly amount of them is no volume")
    work_verbs: tuple[str, ...] = fragments("'8,000 painters and dealers work here': the counted people work")
    employment_cues: re.Pattern = phrases("Make a count of people a count of employees")
    beneficiary_cues: re.Pattern = phrases(
        "In the clause of a count of people: they are helped, not employed ('lifted out of poverty', 增收)")
    market_cues: re.Pattern = phrases("Make a count of countries a count of export markets")
    production_cues: re.Pattern = phrases("Make a count of pieces a production volume")
    variety_nouns: re.Pattern = phrases(
        "The counted noun names kinds of product, not pieces: designs, models, brands, 品种")
    equipment_nouns: re.Pattern = phrases(
        "Machines and production lines: a count of them is no production volume (carding machines, 生产设备)")
    requirement_words: re.Pattern = phrases(
        "What one product needs: a count of the parts it takes to make one is no production volume "
        "(一架钢琴所需的8800个零件, the 300 parts a guitar needs)")
    production_verbs: tuple[str, ...] = fragments(
        "Verbs saying things were made, when right before a count of them: 'turned out 45 million lighters'")
    capacity_words: re.Pattern = phrases(
        "What could be made, not what was: a count with one of these in its clause is no production volume")
    short_rate_words: re.Pattern = phrases(
        "A count per day, hour, week or month: a rate, not a year's production ('3 million bags a day', 日产)")
    part_of_whole: re.Pattern = pattern(
        "Between a part and its whole: '12,000 of the county's 90,000 residents' (the part is counted)")
    not_firms_before: re.Pattern = pattern(
        "Right before a count of firms: the counted are not enterprises (合作社, 商户, 网店)")
    subset_predicates: re.Pattern = phrases(
        "In the clause of a count of firms: only those that did or have something (registered a trademark, "
        "received a subsidy, 具备资质)")
    past_time_words: re.Pattern = phrases(
        "A count of an earlier, unnamed time ('back then', 那时): no figure of today's cluster")
    firm_words: re.Pattern = pattern("Words for a firm that override not_firms_before (企业, 厂, 公司)")
    present_stock_cues: re.Pattern = phrases(
        "Say a count is of today even when a year was named before it: 'is home to', 'there are', 'il y a'")
    vague_before: re.Pattern = pattern(
        "Right before a number: it is an order of magnitude, not a figure (上千, 数万, 几百)")
    decade_before: re.Pattern = pattern("Right before a number: it is a decade ('años noventa', 年代)", ignore_case=True)
    # --- qualifiers ---------------------------------------------------------------------------
    qualifier_before: tuple[tuple[re.Pattern, str], ...] = pattern_pairs(
        "[pattern ending right before the number, qualifier]: more_than, about, less_than")
    qualifier_after: tuple[tuple[re.Pattern, str], ...] = pattern_pairs(
        "[pattern starting right after the number, qualifier]")
    # --- whose figure it is -------------------------------------------------------------------
    company_cues: re.Pattern = phrases(
        "The sentence is about one firm, person, platform, order or fair", bounded=False)
    counting_units: dict[str, int] = word_values(
        "Right after a number of pieces: a unit of several ('3 million dozen gloves' is 36 million gloves)")
    total_after_threshold: re.Pattern = phrases(
        "Between two amounts: the first was a threshold crossed on the way to the second, the total "
        "('passed 10 billion for the first time, ending the year at 10.6 billion', 首次突破100亿元，全年达到106亿元)",
        bounded=False)
    official_bodies: re.Pattern = phrases(
        "Shortly after a company cue: a public body, so the cue names an official ('directeur adjoint du bureau "
        "du commerce', 'director of the county commerce bureau'), whose quoted figures are the cluster's")
    subset_cues: re.Pattern = phrases(
        "Before a count: it counts a subset of the cluster's firms or workers (above designated size, of which)")
    subset_after: re.Pattern = phrases("Right after the counted noun: a subset ('120 firms with sales over …')")
    subset_money: re.Pattern = phrases(
        "Before an amount: it belongs to a subset of firms (规上, 'of which')", bounded=False)
    subset_spans_sentence: bool = value(
        "A subset named earlier in the sentence (其中规上企业213家，实现产值…) carries over its commas: the language "
        "continues a topic across clauses; otherwise only the amount's own clause counts", bool)
    whole_again: re.Pattern = pattern(
        "Where a sentence names the whole again (全市陶瓷产业, 全县): a subset carried over commas ends there "
        "(only read when subset_spans_sentence is true)")
    part_of_previous: re.Pattern = pattern(
        "Shortly before an amount of the same metric as the one before it: a part of that figure (其中)")
    threshold_before: tuple[re.Pattern, ...] = patterns(
        "Ending right before an amount: a threshold ('firms with annual sales of over'), not a figure")
    threshold_after: re.Pattern = pattern(
        "Starting right after an amount: a threshold (2000万元以上的企业)")
    destination_cues: re.Pattern = phrases(
        "Exports to one market, not the cluster's exports ('exports to the US')", bounded=False)
    market_subject: re.Pattern = phrases(
        "A market hall or trade centre: its turnover is not the cluster's sales", bounded=False)
    park_words: re.Pattern = phrases("An industrial park: its firms are not all of the cluster's")
    whole_area_cues: re.Pattern = phrases(
        "The sentence is about a wider area's whole economy ('the province as a whole')", bounded=False)
    share_of_later: re.Pattern = pattern(
        "Between an amount and a larger one of the same metric later in the sentence: the first is a share "
        "of the second ('9.7 billion yuan, or 25 percent of the town's total sales of 38.6 billion'); a whole "
        "of the nation or the world keeps the part a figure", ignore_case=True)
    fraction_before: re.Pattern = phrases(
        "Shortly before an amount: it is a fraction of a larger total, so a part, not the whole "
        "('half of the turnover (3.2 billion euros)', 近一半的产值)", bounded=False)
    whole_economy_before: re.Pattern = phrases(
        "In the clause before an amount: it is the place's whole economy, not the cluster's "
        "(the town's industrial output value, 全镇工业总产值)", bounded=False)
    several_industries: re.Pattern = phrases(
        "Right before an amount, in its clause: it is the total of several industries, not one cluster's "
        "('the five industries' combined output', 五大产业的综合产值)")
    national_subject: re.Pattern = phrases(
        "The country is the subject of the figure: 'China's toy exports', 全国", bounded=False)
    share_before_nation: re.Pattern = pattern(
        "Ends right before a word for the nation that is the whole of a share, not a subject ('30 percent of "
        "China's', 占全国): it makes an amount national only in its own clause", ignore_case=True)
    national_scope: re.Pattern = phrases(
        "The sentence speaks of the whole country (needed for a national rank)", bounded=False)
    foreign_places: tuple[str, ...] = fragments(
        "Other countries, their people and foreign clusters: a figure about them is a comparison")
    future_cues: re.Pattern = phrases("Targets and forecasts are not figures", bounded=False)
    clause_breaks: re.Pattern = pattern(
        "Where a clause ends: punctuation and the conjunctions that join clauses", ignore_case=False)
    # --- ranks --------------------------------------------------------------------------------
    rank_patterns: tuple[re.Pattern, ...] = patterns(
        "A national rank, with a named group `rank` or `rank2` (ordinal) or `first` (the largest)")
    one_of_before: re.Pattern = pattern(
        "Right before a rank phrase: 'one of the largest' is no rank", ignore_case=True)
    one_of_after: re.Pattern = pattern("Right after a rank phrase: 'one of' said after (之一)")
    world_words: re.Pattern = pattern(
        "The world or global: the world's largest is also the country's largest", ignore_case=True)
