"""Per-language word tables for figure extraction.

Adding a language is adding a ``Lexicon`` here (and tests), not changing the extractor. Each
entry is a regular expression fragment; the extractor compiles them once per language.
Money metrics are told apart by the cue nearest to the amount; counts by the noun that follows
the number (or the Chinese measure word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MONEY_METRICS = ("online_sales", "trade_value", "export_value", "output_value", "sales_value")

# "produces 400 million lenses a year": pieces made per year, whatever the noun
ANNUAL_WORDS = {
    "en": r"a year|per year|annually|each year|every year|per annum",
    "it": r"ogni anno|all'anno|l'anno|annui|annue",
    "es": r"al año|cada año|por año|anuales",
    "fr": r"par an|chaque année|par année",
    "de": r"pro Jahr|jährlich|im Jahr|jedes Jahr",
}
# "about 8,000 painters, framers and dealers work here": people who work, whatever they are called
WORK_VERBS = {
    "en": r"work|are employed|are working",
    "it": r"lavorano|sono impiegat[ie]",
    "es": r"trabajan|están empleados",
    "fr": r"travaillent|sont employés",
    "de": r"arbeiten|sind beschäftigt",
}
# Other countries and their people: a sentence about them ("In Italia, Maniago…", "西班牙…") is a
# comparison, not the Chinese cluster
FOREIGN_PLACES = {
    "en": r"Italy|Italian|Spain|Spanish|France|French|Germany|German|Europe|European|Portugal|Portuguese|Turkey|"
          r"Turkish|Vietnam|Vietnamese|India|Indian|Bangladesh|Japan|Japanese|Korea|Korean|the United States|"
          r"the U\.S\.|Mexico|Brazil|Pakistan|Cambodia|Indonesia|Biella|Prato|Solingen|Nuremberg|Barcelona",
    "it": r"Italia|italian[oiae]|toscan[oiae]|veneto|lombard[oiae]|Spagna|Francia|Germania|Europa|europe[oiae]|"
          r"Portogallo|Turchia|Vietnam|India|Giappone|Corea|Stati Uniti|Padova|Venezia|Prato|Biella|Milano|Firenze|"
          r"Napoli|Torino|Friuli|Brenta|Montebelluna|Maniago",
    "es": r"España|español(?:a|es|as)?|Italia|italian[oa]s?|Francia|Alemania|Europa|europe[oa]s?|Portugal|Turquía|"
          r"Vietnam|India|Japón|Corea|Estados Unidos|México|Barcelona|Madrid|Valencia|Alicante|Elche",
    "fr": r"France|français(?:e|es)?|Italie|italien(?:ne)?s?|Espagne|Allemagne|Europe|européen(?:ne)?s?|Portugal|"
          r"Turquie|Vietnam|Inde|Japon|Corée|États-Unis|charentais(?:e)?|région charentaise",
    "de": r"Deutschland|deutsch\w*|Italien|italienisch\w*|Spanien|Frankreich|Europa|europäisch\w*|Portugal|"
          r"Türkei|Vietnam|Indien|Japan|Korea|USA|Solingen|Bayern|Baden-Württemberg|Nürnberg|München|Stuttgart|"
          r"Hunsrück|Idar-Oberstein|unterfränkisch\\w*|fränkisch\\w*",
    "zh": r"意大利|西班牙|法国|德国|欧洲|葡萄牙|土耳其|越南|印度|孟加拉|日本|韩国|美国|墨西哥|巴西",
}

MEASURE_NOUNS = (r"tonnes?|tons?|kilo\w*|kg|metres?|meters?|square|cubic|hectares?|mu|litres?|liters?|"
                 r"tonnellate|toneladas|Tonnen|metri|metros|mètres|Meter|km|miles?|hours?|days?|years?|kWh|MW|GW")


@dataclass(frozen=True)
class Lexicon:
    # money: cue phrases naming what an amount measures, by metric (order = priority on a tie)
    metric_cues: dict[str, tuple[str, ...]]
    # phrases whose amounts are none of our metrics (tax, investment, tourism, an order...)
    other_money_cues: tuple[str, ...]
    currency_before: tuple[tuple[str, str], ...]  # (pattern ending right before the number, ISO code)
    currency_after: tuple[tuple[str, str], ...]  # (pattern starting right after the number, ISO code)
    count_nouns: dict[str, tuple[str, ...]]  # unit -> nouns (or measure words) after the number
    max_words_to_noun: int  # how many modifier words may stand between number and noun
    employment_cues: tuple[str, ...]  # make "people" employees
    market_cues: tuple[str, ...]  # make "countries" export markets
    production_cues: tuple[str, ...]  # make "pieces" output volume
    qualifier_before: tuple[tuple[str, str], ...]
    qualifier_after: tuple[tuple[str, str], ...]
    company_cues: tuple[str, ...]  # the subject is one firm, platform, order or fair
    subset_cues: tuple[str, ...]  # before the number: the count is a subset of the cluster's firms or workers
    subset_after: tuple[str, ...]  # right after the counted noun: "120 firms with sales over …"
    destination_cues: tuple[str, ...]  # exports to one market, not the cluster's exports
    market_subject: tuple[str, ...]  # a market hall or trade centre: its turnover is not the cluster's sales
    threshold_cues: tuple[str, ...]  # "firms with annual sales of over 20 million yuan": a threshold, not a figure
    whole_area_cues: tuple[str, ...]  # "the province as a whole": a wider area than the cluster
    future_cues: tuple[str, ...]  # targets and forecasts are not figures
    rank_patterns: tuple[str, ...]  # with a named group `rank` (ordinal or number) or `first`
    national_scope: tuple[str, ...]
    subset_money: tuple[str, ...] = ()  # before an amount: it belongs to a subset of firms (规上, of which)
    national_subject: tuple[str, ...] = ()  # the country is the subject: "China's toy exports", 全国
    online_after: tuple[str, ...] = ()  # "sold goods worth 12 billion yuan online"
    case_insensitive: bool = True



EN = Lexicon(
    metric_cues={
        "online_sales": (r"online (?:retail )?sales", r"e-?commerce (?:sales|turnover|transactions?)",
                         r"(?:sold|sales) online", r"online (?:transaction|turnover)"),
        "trade_value": (r"imports? and exports?", r"exports? and imports?", r"import-export", r"foreign trade",
                        r"total trade", r"trade volume", r"trade value"),
        "export_value": (r"exports?", r"exported", r"export (?:value|volume|sales|revenue)", r"overseas sales",
                         r"shipped abroad"),
        "output_value": (r"output value", r"output", r"production value", r"value of (?:its |their )?production",
                         r"gross (?:industrial )?output", r"industrial output", r"produced goods worth",
                         r"industry (?:was|is) worth", r"scale of the industry", r"industrial scale"),
        "sales_value": (r"sales(?: revenue| value| volume)?", r"revenue", r"turnover", r"transaction (?:value|volume)",
                        r"trading volume", r"sold", r"business volume"),
    },
    other_money_cues=(r"tax(?:es)?", r"investments?", r"invested", r"investors?", r"tourism", r"tourists?", r"GDP",
                      r"fund(?:s|ing)?", r"loans?", r"subsid(?:y|ies)", r"budget", r"profits?", r"wages?",
                      r"salar(?:y|ies)", r"income", r"orders?", r"contracts?", r"deals?", r"registered capital",
                      r"per capita", r"financing", r"fiscal", r"worth of (?:goods|products) (?:were|was) (?:bought|purchased)"),
    currency_before=((r"(?:US|U\.S\.)\s?\$\s?$", "USD"), (r"\$\s?$", "USD"), (r"USD\s?$", "USD"),
                     (r"(?:RMB|CNY|Rmb)\s?$", "CNY"), (r"[¥￥]\s?$", "CNY"), (r"€\s?$", "EUR"), (r"EUR\s?$", "EUR")),
    currency_after=((r"^\s*(?:of\s+)?(?:yuan|RMB|renminbi|CNY)\b", "CNY"),
                    (r"^\s*(?:of\s+)?(?:US\s+|U\.S\.\s+|American\s+)?dollars?\b", "USD"),
                    (r"^\s*(?:USD|US\$)\b", "USD"),
                    (r"^\s*(?:of\s+)?euros?\b", "EUR"), (r"^\s*EUR\b", "EUR")),
    count_nouns={
        "firms": (r"enterprises?", r"companies", r"company", r"firms?", r"businesses", r"manufacturers?",
                  r"factories", r"producers?", r"makers?", r"plants", r"workshops", r"market entities", r"suppliers",
                  r"business entities"),
        "people": (r"workers?", r"employees?", r"people", r"persons?", r"jobs", r"staff", r"employed",
                   r"craftsmen", r"artisans", r"villagers", r"residents", r"practitioners", r"laborers",
                   r"labourers", r"farmers", r"growers"),
        "countries": (r"countries", r"countries and regions", r"countries and territories", r"nations",
                      r"(?:overseas|foreign|export|international) markets"),
        "units": (r"pieces", r"pairs", r"sets", r"units", r"items", r"pcs"),
    },
    max_words_to_noun=4,
    employment_cues=(r"employ\w*", r"jobs?", r"workers?", r"employees?", r"staff", r"work(?:s|ing)? (?:in|for|at)",
                     r"labou?r force", r"workforce", r"practitioners", r"farmers", r"growers", r"grow\w*"),
    market_cues=(r"export\w*", r"sold", r"sell\w*", r"shipped", r"markets?", r"(?:customers|buyers|clients) in",
                 r"reach(?:es|ed|ing)?", r"distributed", r"go(?:es)? to", r"found in", r"ships? to"),
    production_cues=(r"produc\w*", r"output", r"manufactur\w*", r"made", r"make[s]?", r"annual capacity",
                     r"capacity", r"turn(?:s|ed|ing)? out", r"roll(?:s|ed)? out", r"churn(?:s|ed)? out"),
    qualifier_before=((r"(?:more than|over|above|exceeding|exceeded|in excess of|upwards of|at least|surpass\w*|topp\w*)\s*$",
                       "more_than"),
                      (r"(?:nearly|almost|about|around|approximately|roughly|some|close to|an estimated|estimated|approx\.?|circa)\s*$",
                       "about"),
                      (r"(?:less than|under|below|fewer than|up to|no more than)\s*$", "less_than")),
    qualifier_after=((r"^\s*(?:or more|plus)\b", "more_than"), (r"^-?\s*plus\b", "more_than"), (r"^\+", "more_than"),
                     (r"^-odd\b", "about")),
    company_cues=(r"\b(?:the|his|her|its|their|our|my|a|one) (?:[\w'’-]+ ){0,2}(?:company|firm|factory|enterprise|plant|"
                  r"platform|group|manufacturer|maker|store|shop|brand|order|operator|supplier|workshop)\b",
                  r"\bone of (?:them|the (?:larger|largest|biggest|leading|major|bigger|top) )", r"\bits own\b",
                  r"\bwho runs\b", r"\b(?:founder|chairman|owner|boss|general manager|CEO)\b", r"\b(?:he|she)\b",
                  r"\b(?:craftsman|craftswoman|artisan|master|entrepreneur)\b",
                  r"\bCo\.", r"\bLtd\b", r"\bInc\b", r"\bCorp\b", r"\bGroup\b", r"\bplatform\b",
                  r"\b(?:trade )?fair\b", r"\bexpo\b", r"\bexhibition\b", r"\border\b", r"\bcontract\b",
                  r"\b(?:the|this) (?:market|mall|store|shop)\b", r"\bsaid (?:he|she)\b",
                  r"\bone of the [\w'’ -]{0,30}(?:firms|companies|enterprises|makers|manufacturers|factories)\b",
                  r"\bCo(?:\.|,|\b)(?=[\s,.])"),
    subset_cues=(r"above (?:designated|a certain) size", r"with (?:annual )?(?:sales|revenue|output)",
                 r"(?:high-tech|high-and-new-tech|listed|leading|key|backbone|supporting|specialised|specialized|"
                 r"foreign-funded|large|large-scale|major|new|newly)\s+(?:\w+\s+)?(?:enterprises|companies|firms)",
                 r"of (?:which|whom)", r"among (?:them|which|whom)", r"including", r"new jobs", r"newly",
                 r"closed", r"relocated", r"shut down", r"eliminated", r"added", r"attracted", r"moved",
                 r"most", r"each", r"per", r"average", r"every", r"park", r"zone's", r"shortage", r"among"),
    subset_after=(r"with (?:an )?(?:annual )?(?:sales|revenue|output|turnover)", r"above (?:designated|a certain) size"),
    destination_cues=(r"exports? to (?:the )?(?!more|over|about|nearly|some|\d)[A-Z]\w+",
                      r"exported to (?:the )?(?!more|over|about|nearly|some|\d)[A-Z]\w+",
                      r"(?:to|in) (?:the )?(?:US|U\.S\.|United States|EU|European Union|ASEAN|Africa|Russia|Japan)\b"),
    market_subject=(r"\bmarkets?\b", r"\bMarket\b", r"Trade City", r"Commodity City", r"wholesale", r"mall\b",
                    r"trading (?:centre|center|hall)", r"exchange\b"),
    threshold_cues=(r"(?:with|whose) (?:an? )?(?:annual |yearly )?(?:sales|revenue|output|turnover|business income)s? "
                    r"(?:of |value of )?(?:more than |over |above |exceeding |at least )$",
                    r"(?:sales|revenue|output|turnover) (?:of )?(?:more than|over|above|exceeding) $",
                    r"each with (?:more than |over )?$"),
    subset_money=(r"above designated size", r"above-designated-size", r"\bof which\b", r"\bamong\b",
                  r"with annual (?:revenue|sales|output)s? of (?:at least|over|more than)",
                  r"large-scale (?:enterprises|firms)"),
    whole_area_cues=(r"as a whole", r"at the provincial level", r"province-wide", r"overall economy", r"all industries", r"whole province", r"whole city",
                     r"total foreign trade", r"which includes"),
    future_cues=(r"\bwill\b", r"\bexpected to\b", r"\bis set to\b", r"\bare set to\b", r"\btarget\w*\b", r"\baims? to\b",
                 r"\bplans? to\b", r"\bgoal\b", r"\bprojected\b", r"\bforecast\w*\b", r"\bstrive\w* to\b", r"\bby 20[3-9]\d\b"),
    rank_patterns=(r"(?:the |China's )?(?P<rank>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                   r"\d{1,2}(?:st|nd|rd|th))[- ](?:largest|biggest)\b",
                   r"\b(?:rank(?:s|ed|ing)?|placed|placing) (?:the )?(?P<rank2>first|second|third|fourth|fifth|"
                   r"\d{1,2}(?:st|nd|rd|th)|No\. ?\d{1,2})\b",
                   r"\b(?:the|China's|the country's|the nation's|the world's) (?P<first>largest|biggest) [\w -]{0,60}?(?:base|producer|"
                   r"cluster|centre|center|hub|manufacturer|supplier|exporter|distribution centre|distribution center)\b"),
    national_subject=(r"\bChina's\b(?!\s+(?:largest|biggest|top|leading|first|second|third))", r"\bthe country's\b(?!\s+(?:largest|biggest))",
                      r"\bnationwide\b", r"\bnational (?:total|output|exports)\b", r"\bChina (?:exported|produced|made|sold)\b",
                      r"\bacross China\b", r"\bthe whole country\b"),
    online_after=(r"\bonline\b", r"\bon (?:the internet|e-commerce platforms)\b", r"\bthrough e-commerce\b", r"\bvia e-commerce\b"),
    national_scope=(r"in China\b", r"\bChina's\b", r"nationwide", r"in the country\b", r"nationally", r"the country's",
                    r"\bChinese\b",
                    r"the nation's",
                    r"across China", r"of China\b", r"in the nation\b", r"domestic"),
)

ZH = Lexicon(
    metric_cues={
        "online_sales": (r"(?:网络|网上|线上|电商|直播|电子商务)(?:零售|销售|交易|成交)额", r"网销额?", r"直播带货"),
        "trade_value": (r"进出口(?:总)?额?", r"进出口贸易额?", r"外贸(?:总)?额", r"外贸进出口", r"贸易总额"),
        "export_value": (r"出口(?:总)?额", r"出口交货值", r"出口值", r"出口"),
        "output_value": (r"(?:总)?产值", r"生产总值", r"产业规模", r"总规模", r"产业产值"),
        "sales_value": (r"销售(?:总)?额", r"销售收入", r"营业收入", r"营收", r"交易额", r"成交额", r"销售额?", r"主营业务收入"),
    },
    other_money_cues=(r"税", r"投资", r"旅游", r"GDP", r"财政", r"资金", r"贷款", r"补贴", r"利润", r"工资", r"(?<!销售)(?<!营业)(?<!业务)收入",
                      r"订单", r"合同", r"签约", r"注册资本", r"人均", r"融资", r"基金"),
    currency_before=((r"(?:人民币|RMB)\s*$", "CNY"), (r"[¥￥]\s*$", "CNY"), (r"(?:US)?\$\s*$", "USD"),
                     (r"美元\s*$", "USD"), (r"€\s*$", "EUR")),
    currency_after=((r"^\s*(?:多|余)?(?:元人民币|元|人民币)", "CNY"), (r"^\s*(?:多|余)?美元", "USD"),
                    (r"^\s*(?:多|余)?欧元", "EUR")),
    count_nouns={
        "firms": (r"家",),
        "people": (r"人", r"名", r"余人", r"多人"),
        "countries": (r"个?国家(?:和|及|与)?(?:地区)?", r"个国家", r"国(?:家)?和地区"),
        "units": (r"件", r"双", r"套", r"只", r"台", r"辆", r"支", r"把", r"条", r"顶", r"副", r"盏", r"粒", r"颗",
                  r"个", r"张", r"片", r"根", r"枚", r"瓶", r"箱", r"块", r"株"),
    },
    max_words_to_noun=0,
    employment_cues=(r"就业", r"从业", r"员工", r"工人", r"职工", r"用工", r"务工", r"带动", r"茶农", r"农户", r"农民"),
    market_cues=(r"出口", r"销往", r"远销", r"销售到", r"覆盖", r"市场"),
    production_cues=(r"年产", r"产量", r"生产", r"产能", r"制造", r"年产量", r"产出"),
    qualifier_before=((r"(?:超过|超|逾|突破|高达|达到?了?超过|以上|多达|不少于|至少)\s*$", "more_than"),
                      (r"(?:近|约|接近|将近|大约|约为|近乎)\s*$", "about"),
                      (r"(?:不到|不足|少于|低于)\s*$", "less_than")),
    qualifier_after=((r"^\s*(?:多|余|以上|有余)", "more_than"), (r"^\s*左右", "about")),
    company_cues=(r"公司", r"集团", r"该企业", r"这家", r"一家", r"平台", r"订单", r"展会", r"博览会", r"交易会", r"门店",
                  r"旗舰店", r"本厂", r"我们厂", r"我们公司", r"董事长", r"总经理", r"厂长", r"的工厂", r"的作坊", r"的网店",
                  r"告诉记者"),
    subset_cues=(r"规上", r"规模以上", r"限上", r"高新技术", r"龙头", r"骨干", r"上市", r"其中", r"新增", r"新引进",
                 r"专精特新", r"亿元以上", r"千万元以上", r"百强", r"关停", r"取缔", r"淘汰", r"新建", r"新培育", r"认定",
                 r"(?<![及和与])配套",
                 r"缺口", r"园区", r"产业园", r"工业园", r"入驻"),
    subset_after=(),
    destination_cues=(r"对(?:美|欧|日|韩|东盟|非|俄)", r"出口(?:到|至)(?!\d)", r"对[^，。]{1,6}出口"),
    market_subject=(r"市场", r"交易中心", r"商城", r"批发城", r"专业街", r"[\u4e00-\u9fff]{1,4}城[^，。；]{0,8}(?:交易额|成交额|销售额)"),
    threshold_cues=(),  # Chinese thresholds follow the amount (2000万元以上的企业): see figures._is_threshold
    subset_money=(r"规上", r"规模以上", r"限上", r"龙头企业", r"重点企业"),
    whole_area_cues=(r"放眼", r"从全(?:省|市)看", r"全省[^，。；]{0,10}(?:实现|完成|达到|达|共有|拥有)", r"全省(?:外贸|进出口|GDP)", r"全市(?:外贸|进出口|GDP)", r"其中一环", r"各行业"),
    future_cues=(r"将", r"预计", r"力争", r"目标", r"计划", r"有望", r"到20[2-9]\d年", r"达产后", r"建成后", r"投产后",
                 r"可年产"),
    rank_patterns=(r"(?:居|位居|排名|排|名列|位列)?(?:全国|国内|中国|内地)[\u4e00-\u9fff]{0,6}?(?:第(?P<rank>[一二三四五六七八九十\d]+)(?!批|届|次|个)|(?P<first>最大|首位|之首))",
                   r"(?:全国|国内|中国|内地)(?:最大|第一大)"),
    national_subject=(r"全国(?!最大|第一|前列|同类|之首|首位)", r"我国", r"中国(?!最大|第一)"),
    online_after=(r"^[^，。；]{0,6}(?:网上|线上|网络)",),
    national_scope=(r"全国", r"国内", r"中国", r"内地"),
    case_insensitive=False,
)

IT = Lexicon(
    metric_cues={
        "online_sales": (r"vendite online", r"vendite (?:sulle piattaforme )?(?:di )?e-commerce", r"commercio elettronico"),
        "trade_value": (r"import(?:azioni)?[- ]export(?:azioni)?", r"importazioni ed esportazioni", r"interscambio",
                        r"commercio estero", r"scambi commerciali"),
        "export_value": (r"esportazion[ei]", r"esportat[oiae]", r"esporta(?:to|no)?", r"export"),
        "output_value": (r"valore (?:della|di) produzione", r"valore della produzione", r"produzione", r"valore produttivo",
                         r"output", r"valore (?:totale|complessivo)(?: della filiera| del comparto| del settore)?",
                         r"ha(?:nno)? prodotto", r"produce"),
        "sales_value": (r"vendite", r"fatturato", r"ricavi", r"giro d'affari", r"volume (?:d'affari|commerciale|degli scambi)",
                        r"venduto", r"transazioni"),
    },
    other_money_cues=(r"tass[ae]", r"impost[ae]", r"investiment[oi]", r"investit[oi]", r"turismo", r"PIL", r"fond[oi]",
                      r"prestit[oi]", r"sussid[io]", r"utili", r"salari", r"ordin[ei]", r"contratt[oi]"),
    currency_before=((r"(?:US)?\$\s?$", "USD"), (r"€\s?$", "EUR"), (r"(?:RMB|CNY)\s?$", "CNY")),
    currency_after=((r"^\s*(?:di\s+)?(?:yuan|renminbi|RMB)\b", "CNY"),
                    (r"^\s*(?:di\s+)?dollari(?:\s+(?:USA|statunitensi|americani))?\b", "USD"),
                    (r"^\s*(?:di\s+)?euro\b", "EUR")),
    count_nouns={
        "firms": (r"aziende", r"imprese", r"societ[àa]", r"fabbriche", r"produttori", r"ditte", r"stabilimenti"),
        "people": (r"addetti", r"lavorator[ie]", r"dipendenti", r"occupati", r"persone", r"operai", r"artigiani",
                   r"posti di lavoro"),
        "countries": (r"paesi", r"Paesi", r"nazioni", r"mercati esteri", r"mercati internazionali"),
        "units": (r"pezzi", r"paia", r"set", r"unit[àa]", r"articoli", r"capi"),
    },
    max_words_to_noun=3,
    employment_cues=(r"occup\w*", r"impieg\w*", r"lavor\w*", r"addetti", r"dipendenti", r"posti di lavoro"),
    market_cues=(r"esport\w*", r"vendut[ieoa]", r"vend\w*", r"mercati", r"raggiung\w*", r"distribuit\w*", r"verso",
                 r"spedit\w*", r"arriva\w*"),
    production_cues=(r"produc\w*", r"produz\w*", r"prodott[ieoa]", r"produce", r"producono", r"fabbricat\w*",
                     r"capacit[àa]", r"sfornat\w*"),
    qualifier_before=((r"(?:oltre|più di|piu di|superiore a|sopra|almeno|ben oltre)\s*(?:[ai]\s+|i\s+|gli\s+)?$",
                       "more_than"),
                      (r"(?:quasi|circa|intorno a(?:i|gli)?|all'incirca|pressoché|approssimativamente|una? stima di|"
                       r"sfiorato (?:i |gli |le )?|sfiora (?:i |gli |le )?)\s*$",
                       "about"),
                      (r"(?:meno di|inferiore a|sotto i)\s*$", "less_than")),
    qualifier_after=((r"^\s*(?:e oltre|o più)\b", "more_than"),),
    company_cues=(r"\b(?:il|lo|la|l'|un|una|uno|suo|sua)\s*(?:\w+\s+)?(?:azienda|fabbrica|laboratorio|impresa|ditta|"
                  r"stabilimento|cooperativa|negozio|marchio|bottega)\b",
                  r"\bl'azienda\b", r"\bla società\b", r"\b(?:una delle|uno dei)\s+[\w' ]{0,30}(?:aziende|imprese|produttori|fabbriche|gruppi)\b", r"\bla sua\b",
                  r"\bil suo\b", r"\bfondatore\b", r"\bpresidente\b", r"\bdirett(?:ore|rice)\b", r"\btitolare\b", r"\bla ditta\b", r"\bpiattaforma\b", r"\bCo\.", r"\bLtd\b",
                  r"\bgruppo\b", r"\bfiera\b", r"\bordin[ei]\b", r"\bcontratto\b", r"\bla sua (?:azienda|impresa)\b",
                  r"\bsistema\b"),
    subset_cues=(r"di grandi dimensioni", r"sopra (?:una certa|la) soglia", r"con (?:un )?fatturato",
                 r"(?:high-tech|quotate|leader|principali|nuove)\s+(?:aziende|imprese)", r"di cui", r"tra cui", r"tra queste",
                 r"parco", r"marchi"),
    subset_after=(r"con (?:un )?fatturato", r"di grandi dimensioni"),
    destination_cues=(r"(?:esport\w*|vendut\w*) (?:verso|negli?|in) (?:gli )?(?:Stati Uniti|USA|Europa|UE|Giappone|Africa)",
                      r"verso (?:gli )?(?:Stati Uniti|USA|l'Europa|l'UE|il Giappone)"),
    market_subject=(r"\bmercato\b", r"\bmercati all'ingrosso\b", r"\bfiera\b"),
    threshold_cues=(r"con (?:un )?(?:fatturato|vendite|ricavi) (?:annu[oie] )?(?:superior[ei] a(?:i|gli|l)?|di oltre|oltre) $",),
    whole_area_cues=(r"nel (?:suo )?complesso", r"nel suo insieme", r"intera provincia", r"a livello (?:provinciale|nazionale)"),
    future_cues=(r"\bprevist[oa]\b", r"\bprevede\b", r"\bobiettivo\b", r"\bpunta a\b", r"\bentro il 20[3-9]\d\b",
                 r"\braggiungerà\b", r"\bdovrebbe\b", r"\bsarà\b"),
    rank_patterns=(r"(?:il |la )?(?P<rank>primo|prima|secondo|seconda|terzo|terza|quarto|quarta|quinto|quinta)\s+"
                   r"(?:più grande|maggiore|produttore|polo|distretto|centro|base)\b",
                   r"\b(?P<first>il più grande|la più grande|il maggiore|la maggiore)\s+[\w ]{0,50}?"
                   r"(?:polo|distretto|centro|base|produttore|esportatore)\b"),
    national_subject=(r"\bdella Cina\b(?! (?:più|maggior))", r"\bnazionale\b", r"\bin tutta la Cina\b", r"\bil paese\b",
                      r"^\s*(?:La )?Cina\b"),
    online_after=(r"\bonline\b", r"\bin rete\b", r"\bsulle piattaforme di e-commerce\b"),
    national_scope=(r"in Cina\b", r"della Cina\b", r"cines[ei]\b", r"nazional[ei]\b", r"del paese\b", r"del Paese\b"),
)

ES = Lexicon(
    metric_cues={
        "online_sales": (r"ventas (?:en línea|online|por internet)", r"comercio electrónico"),
        "trade_value": (r"importaciones y exportaciones", r"exportaciones e importaciones", r"comercio exterior",
                        r"intercambio comercial"),
        "export_value": (r"exportaciones", r"exportó", r"exportaron", r"exportado", r"exportación", r"export\w*"),
        "output_value": (r"valor de (?:la )?producción", r"producción", r"valor productivo", r"valor de producción",
                         r"produjo", r"produjeron",
                         r"valor total(?: de la (?:industria|cadena industrial|cadena))?", r"valor bruto"),
        "sales_value": (r"ventas", r"facturación", r"factur\w+", r"ingresos", r"volumen de negocio",
                        r"volumen de ventas", r"transacciones", r"vendió"),
    },
    other_money_cues=(r"impuestos?", r"inversi[oó]n(?:es)?", r"invirti\w*", r"turismo", r"PIB", r"fondos?", r"préstamos?",
                      r"subsidios?", r"beneficios", r"salarios?", r"pedidos?", r"contratos?"),
    currency_before=((r"(?:US)?\$\s?$", "USD"), (r"€\s?$", "EUR"), (r"(?:RMB|CNY)\s?$", "CNY")),
    currency_after=((r"^\s*(?:de\s+)?(?:yuanes|yuan|renminbis?|RMB)\b", "CNY"),
                    (r"^\s*(?:de\s+)?d[oó]lares(?:\s+(?:estadounidenses|americanos))?\b", "USD"),
                    (r"^\s*(?:de\s+)?euros?\b", "EUR")),
    count_nouns={
        "firms": (r"empresas", r"compañías", r"fábricas", r"fabricantes", r"productores", r"firmas", r"talleres"),
        "people": (r"trabajadores", r"empleados", r"personas", r"empleos", r"puestos de trabajo", r"artesanos", r"obreros"),
        "countries": (r"países", r"naciones", r"mercados (?:extranjeros|internacionales|exteriores)"),
        "units": (r"piezas", r"pares", r"juegos", r"unidades", r"artículos", r"prendas"),
    },
    max_words_to_noun=3,
    employment_cues=(r"emple\w*", r"trabaj\w*", r"ocupa\w*", r"puestos de trabajo"),
    market_cues=(r"export\w*", r"vend\w*", r"mercados", r"llega\w*", r"distribu\w*", r"destino"),
    production_cues=(r"produc\w*", r"produj\w*", r"fabric\w*", r"capacidad", r"elabor\w*"),
    qualifier_before=((r"(?:más de|mas de|por encima de|superior a|al menos|supera\w*)\s*(?:los\s+|las\s+)?$", "more_than"),
                      (r"(?:casi|cerca de|alrededor de|aproximadamente|unos|unas|en torno a|próximo a)\s*(?:los\s+|las\s+)?$",
                       "about"),
                      (r"(?:menos de|por debajo de|inferior a)\s*$", "less_than")),
    qualifier_after=(),
    company_cues=(r"\b(?:la|el|una|un|su)\s+(?:\w+\s+)?(?:empresa|fábrica|compañía|taller|cooperativa|tienda|marca|"
                  r"firma)\b",
                  r"\bla empresa\b", r"\bla compañía\b", r"\b(?:uno de los|una de las)\s+[\w' ]{0,30}(?:empresas|fabricantes|fábricas|grupos)\b", r"\bsu propia\b",
                  r"\bfundador\b", r"\bpresidente\b", r"\bdirector(?:a)?\b", r"\bgerente\b", r"\bdueñ[oa]\b", r"\bplataforma\b", r"\bCo\.", r"\bLtd\b", r"\bgrupo\b",
                  r"\bferia\b", r"\bpedidos?\b", r"\bcontrato\b", r"\bsu empresa\b"),
    subset_cues=(r"de gran escala", r"con (?:unas )?ventas", r"(?:líderes|principales|nuevas)\s+empresas", r"de las cuales",
                 r"entre ellas", r"parque", r"nuevas"),
    subset_after=(r"con (?:unas )?ventas", r"con una facturación"),
    destination_cues=(r"(?:hacia|a) (?:los )?(?:Estados Unidos|EE\.? ?UU\.?|Europa|la UE|Japón|África|América Latina)",),
    market_subject=(r"\b[Mm]ercado\b", r"\bferia\b"),
    threshold_cues=(r"con (?:unas )?(?:ventas|facturación|ingresos) (?:anuales )?(?:superiores a|de más de|por encima de) $",),
    whole_area_cues=(r"en su conjunto", r"en total la provincia", r"toda la provincia", r"a nivel (?:provincial|nacional)"),
    future_cues=(r"\bprevé\b", r"\bprevisto\b", r"\bobjetivo\b", r"\bmeta\b", r"\bespera\b", r"\balcanzará\b",
                 r"\bpara 20[3-9]\d\b"),
    rank_patterns=(r"(?:el |la )?(?P<rank>primer|primera|primero|segundo|segunda|tercer|tercero|tercera|cuarto|cuarta|quinto|quinta)\s+"
                   r"(?:mayor|más grande|productor|polo|centro|base)\b",
                   r"\b(?P<first>el mayor|la mayor|el más grande|la más grande)\s+[\w ]{0,50}?"
                   r"(?:polo|centro|base|productor|exportador|clúster|cluster)\b"),
    national_subject=(r"\bde China\b(?! (?:más|mayor))", r"\bnacional(?:es)?\b", r"\ben toda China\b", r"\bel país\b",
                      r"^\s*China\b"),
    online_after=(r"\ben línea\b", r"\bonline\b", r"\bpor internet\b", r"\ben internet\b"),
    national_scope=(r"de China\b", r"en China\b", r"chin[oa]s?\b", r"del país\b", r"nacional\b"),
)

FR = Lexicon(
    metric_cues={
        "online_sales": (r"ventes en ligne", r"commerce électronique", r"e-commerce"),
        "trade_value": (r"importations et (?:les )?exportations", r"exportations et (?:les )?importations",
                        r"commerce extérieur", r"échanges commerciaux"),
        "export_value": (r"exportations", r"exporté", r"exportée?s?", r"export\w*"),
        "output_value": (r"valeur de (?:la )?production", r"production", r"valeur produite", r"valeur totale"),
        "sales_value": (r"chiffre d'affaires", r"ventes", r"recettes", r"volume d'affaires", r"transactions", r"vendu"),
    },
    other_money_cues=(r"impôts?", r"taxes?", r"investissements?", r"investi", r"tourisme", r"PIB", r"fonds", r"prêts?",
                      r"subventions?", r"bénéfices?", r"salaires?", r"commandes?", r"contrats?"),
    currency_before=((r"(?:US)?\$\s?$", "USD"), (r"€\s?$", "EUR"), (r"(?:RMB|CNY)\s?$", "CNY")),
    currency_after=((r"^\s*(?:de\s+|d')?(?:yuans?|renminbis?|RMB)\b", "CNY"),
                    (r"^\s*(?:de\s+|d')?dollars?(?:\s+(?:américains|US))?\b", "USD"),
                    (r"^\s*(?:de\s+|d')?euros?\b", "EUR")),
    count_nouns={
        "firms": (r"entreprises", r"sociétés", r"usines", r"fabricants", r"producteurs", r"ateliers", r"firmes"),
        "people": (r"salariés", r"employés", r"personnes", r"travailleurs", r"emplois", r"ouvriers", r"artisans"),
        "countries": (r"pays", r"nations", r"marchés (?:étrangers|internationaux|extérieurs)"),
        "units": (r"pièces", r"paires", r"ensembles", r"unités", r"articles", r"vêtements"),
    },
    max_words_to_noun=3,
    employment_cues=(r"emplo\w*", r"travaill\w*", r"salariés", r"emplois", r"main-d'œuvre"),
    market_cues=(r"export\w*", r"vend\w*", r"marchés", r"distribu\w*", r"atteint"),
    production_cues=(r"produi\w*", r"product\w*", r"fabriqu\w*", r"capacité"),
    qualifier_before=((r"(?:plus de|au-delà de|au moins|supérieur à|dépass\w*)\s*$", "more_than"),
                      (r"(?:près de|presque|environ|quelque|autour de|approximativement|quasiment)\s*$", "about"),
                      (r"(?:moins de|inférieur à)\s*$", "less_than")),
    qualifier_after=(),
    company_cues=(r"\b(?:l'|la|le|une|un|son|sa)\s*(?:\w+\s+)?(?:entreprise|usine|société|atelier|coopérative|boutique|"
                  r"marque)\b",
                  r"\bl'entreprise\b", r"\bla société\b", r"\bl'une? des\s+[\w' ]{0,30}(?:entreprises|fabricants|usines|groupes|sociétés)\b", r"\bsa propre\b",
                  r"\bfondat(?:eur|rice)\b", r"\bprésident(?:e)?\b", r"\bdirect(?:eur|rice)\b", r"\bpatron(?:ne)?\b", r"\bplateforme\b", r"\bCo\.", r"\bLtd\b", r"\bgroupe\b",
                  r"\bfoire\b", r"\bsalon\b", r"\bcommandes?\b", r"\bcontrat\b"),
    subset_cues=(r"de grande taille", r"avec un chiffre d'affaires", r"(?:principales|nouvelles|grandes)\s+entreprises",
                 r"dont", r"parmi (?:elles|lesquelles)", r"parc", r"nouvelles?", r"zone"),
    subset_after=(r"avec un chiffre d'affaires", r"de grande taille"),
    destination_cues=(r"(?:vers|aux?) (?:les )?(?:États-Unis|Etats-Unis|Europe|l'UE|Japon|Afrique)",),
    market_subject=(r"\b[Mm]arché\b", r"\bfoire\b", r"\bCity\b"),
    threshold_cues=(r"(?:avec|dont le) (?:un )?chiffre d'affaires (?:annuel )?(?:dépasse |supérieur à |de plus de )$",),
    whole_area_cues=(r"dans son ensemble", r"toute la province", r"l'ensemble de la province", r"de la région",
                     r"au niveau (?:provincial|national)", r"à l'échelle (?:provinciale|nationale)",
                     r"la région dans"),
    future_cues=(r"\bdevrait\b", r"\bprévu\b", r"\bprévoit\b", r"\bobjectif\b", r"\bvise\b", r"\batteindra\b",
                 r"\bd'ici 20[3-9]\d\b"),
    rank_patterns=(r"(?:le |la )?(?P<rank>premier|première|deuxième|second|seconde|troisième|quatrième|cinquième)\s+"
                   r"(?:plus grand|producteur|pôle|centre|base|site|bassin|foyer)\b",
                   r"\b(?P<first>le plus grand|la plus grande)\s+[\w' -]{0,50}?(?:pôle|centre|base|producteur|exportateur)\b"),
    national_subject=(r"\bde la Chine\b", r"\bde Chine\b(?! (?:plus|premier))", r"\bnational(?:e|es)?\b", r"\bdans toute la Chine\b",
                      r"^\s*La Chine\b"),
    online_after=(r"\ben ligne\b", r"\bsur internet\b"),
    national_scope=(r"de Chine\b", r"en Chine\b", r"chinois\w*", r"du pays\b", r"national\w*"),
)

DE = Lexicon(
    metric_cues={
        "online_sales": (r"Online-Umsatz", r"Online-Verkäufe", r"E-Commerce-Umsatz", r"Onlinehandel", r"online"),
        "trade_value": (r"Import und Export", r"Im- und Export", r"Ein- und Ausfuhr", r"Außenhandel\w*",
                        r"Handelsvolumen"),
        "export_value": (r"Export\w*", r"Ausfuhr\w*", r"exportiert\w*"),
        "output_value": (r"Produktionswert", r"Produktion\w*", r"Output", r"Wertschöpfung"),
        "sales_value": (r"Umsatz\w*", r"Umsätze", r"Verkäufe", r"Erlös\w*", r"Transaktionsvolumen", r"verkauft"),
    },
    other_money_cues=(r"Steuer\w*", r"Investition\w*", r"investiert", r"Tourismus", r"BIP", r"Fonds", r"Kredit\w*",
                      r"Subvention\w*", r"Gewinn\w*", r"Löhne", r"Gehälter", r"Auftr[aä]g\w*", r"Vertr[aä]g\w*"),
    currency_before=((r"(?:US)?\$\s?$", "USD"), (r"€\s?$", "EUR"), (r"(?:RMB|CNY)\s?$", "CNY")),
    currency_after=((r"^\s*(?:Yuan|Renminbi|RMB)\b", "CNY"), (r"^\s*(?:US-)?Dollar\b", "USD"),
                    (r"^\s*Euro\b", "EUR")),
    count_nouns={
        "firms": (r"[\wäöüß-]*(?:unternehmen|firmen|betriebe|hersteller|fabriken|produzenten|werkstätten|zulieferer|"
                  r"lieferanten)",),
        "people": (r"Beschäftigte\w*", r"Mitarbeiter\w*", r"[\wäöüß-]*arbeiter\w*", r"Menschen", r"Personen",
                   r"Arbeitsplätze", r"Arbeitskräfte", r"Handwerker", r"Bauern"),
        "countries": (r"Länder\w*", r"Staaten", r"Auslandsmärkte"),
        "units": (r"Stück", r"Paar", r"Sets", r"Einheiten", r"Artikel"),
    },
    max_words_to_noun=3,
    employment_cues=(r"beschäftig\w*", r"arbeit\w*", r"Mitarbeiter\w*", r"Arbeitsplätze", r"Jobs", r"Lohn und Brot"),
    market_cues=(r"export\w*", r"verkauft", r"Märkte", r"geliefert", r"vertrieben", r"gehen (?:in|nach)"),
    production_cues=(r"produzi\w*", r"hergestellt", r"fertig\w*", r"gefertigt", r"Produktion", r"Kapazität", r"stell(?:t|en)\b"),
    qualifier_before=((r"(?:mehr als|über|gut|mindestens|knapp über)\s*$", "more_than"),
                      (r"(?:fast|rund|etwa|circa|ca\.|ungefähr|knapp|nahezu|beinahe)\s*$", "about"),
                      (r"(?:weniger als|unter)\s*$", "less_than")),
    qualifier_after=(),
    company_cues=(r"\b(?:der|das|ein|eines|einer|sein|seines|seinem|dessen)\s+[\w-]*(?:hersteller|fabrik|firma|betrieb|"
                  r"konzern|unternehmen|werk)(?:e?s|en|n)?\b", r"\bdessen\b", r"\bsagt\b",
                  r"\b(?:die|eine|ihre|seine)\s+[\w-]*(?:firma|fabrik|werkstatt|manufaktur)\b",
                  r"\bdas Unternehmen\b", r"\bdie Firma\b", r"\beine[rs]? der\s+[\w ]{0,30}(?:Unternehmen|Hersteller|Firmen|Betriebe|Konzerne)\b", r"\bGründer\w*\b", r"\bChef\w*\b",
                  r"\bInhaber\w*\b", r"\bGeschäftsführer\w*\b", r"\b\w*besitzer\w*\b", r"\bPlattform\b", r"\bCo\.", r"\bLtd\b", r"\bKonzern\b",
                  r"\bMesse\b", r"\bAuftr[aä]g\w*\b", r"\bVertrag\b", r"\bsein\w* (?:Firma|Unternehmen)\b"),
    subset_cues=(r"mit einem Umsatz", r"(?:führende|größere|neue)\s+Unternehmen", r"darunter", r"davon", r"Park",
                 r"Einwohner\w*"),
    subset_after=(r"mit einem (?:Jahres)?umsatz",),
    destination_cues=(r"(?:nach|in die) (?:den )?(?:USA|Vereinigten Staaten|Europa|EU|Japan|Afrika)",),
    market_subject=(r"[Mm]arkt(?:es|s)?\b", r"[Mm]ärkte\b", r"\bMesse\b"),
    threshold_cues=(r"mit (?:einem )?(?:Jahres)?[Uu]msatz von (?:mehr als |über )?$",),
    whole_area_cues=(r"insgesamt", r"als Ganzes", r"die ganze Provinz", r"auf Provinzebene"),
    future_cues=(r"\bsoll\b", r"\bsollen\b", r"\berwartet\b", r"\bZiel\b", r"\bbis 20[3-9]\d\b",
                 r"\bgeplant\b"),
    rank_patterns=(r"(?:der |die |das )?(?P<rank>erste|zweite|dritte|vierte|fünfte)[nrs]?\s*(?:größte|wichtigste)\w*\b",
                   r"\b(?P<first>der größte|die größte|das größte|zum größten|zur größten|Chinas größter?|Chinas größtes)\s+[\w -]{0,50}?"
                   r"(?:[Ss]tandort|[Zz]entrum|[Pp]roduzent|[Hh]ersteller|[Bb]asis|[Cc]luster)\w*\b"),
    national_subject=(r"\bChinas\b(?! (?:größt|wichtigst))", r"\blandesweit\b", r"\bganz China\b", r"\bdes Landes\b",
                      r"^\s*China (?:ist|hat|produziert|exportiert|stellt)\b"),
    online_after=(r"\bonline\b", r"\bim Internet\b"),
    national_scope=(r"in China\b", r"Chinas\b", r"chinesisch\w*", r"des Landes\b", r"landesweit"),
)

LEXICONS: dict[str, Lexicon] = {"en": EN, "zh": ZH, "it": IT, "es": ES, "fr": FR, "de": DE}


def lexicon_for(language: str | None) -> Lexicon:
    return LEXICONS.get((language or "en")[:2], EN)


@dataclass(frozen=True)
class CompiledLexicon:
    language: str
    lexicon: Lexicon
    metric_cues: tuple[tuple[str, re.Pattern], ...]
    other_money: re.Pattern
    currency_before: tuple[tuple[re.Pattern, str], ...]
    currency_after: tuple[tuple[re.Pattern, str], ...]
    count_after: tuple[tuple[re.Pattern, str], ...]
    employment: re.Pattern
    market: re.Pattern
    production: re.Pattern
    qualifier_before: tuple[tuple[re.Pattern, str], ...]
    qualifier_after: tuple[tuple[re.Pattern, str], ...]
    company: re.Pattern
    subset: re.Pattern
    subset_after: re.Pattern
    subset_money: re.Pattern
    destination: re.Pattern
    future: re.Pattern
    market_subject: re.Pattern
    threshold: tuple[re.Pattern, ...]
    whole_area: re.Pattern
    rank: tuple[re.Pattern, ...]
    national: re.Pattern
    national_subject: re.Pattern
    online_after: re.Pattern


def _alternation(patterns: tuple[str, ...], flags: int, words: bool) -> re.Pattern:
    if not patterns:
        return re.compile(r"(?!x)x")
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)" if words else f"(?:{body})", flags)


@lru_cache(maxsize=None)
def compiled(language: str | None) -> CompiledLexicon:
    code = (language or "en")[:2]
    lex = lexicon_for(code)
    flags = re.IGNORECASE if lex.case_insensitive else 0
    words = code != "zh"
    metric_cues = tuple(
        (metric, _alternation(lex.metric_cues[metric], flags, words)) for metric in MONEY_METRICS if metric in lex.metric_cues
    )
    gap = "" if lex.max_words_to_noun == 0 else rf"(?:[^\W\d_][\w'’-]*[\s-]+){{0,{lex.max_words_to_noun}}}?"
    count_after = tuple(
        (re.compile(rf"^\s*{gap}(?:{'|'.join(nouns)})" + (r"(?!\w)" if words else ""), flags), unit)
        for unit, nouns in lex.count_nouns.items()
    )
    return CompiledLexicon(
        language=code,
        lexicon=lex,
        metric_cues=metric_cues,
        other_money=_alternation(lex.other_money_cues, flags, words),
        currency_before=tuple((re.compile(p, flags), c) for p, c in lex.currency_before),
        currency_after=tuple((re.compile(p, flags), c) for p, c in lex.currency_after),
        count_after=count_after,
        employment=_alternation(lex.employment_cues, flags, words),
        market=_alternation(lex.market_cues, flags, words),
        production=_alternation(lex.production_cues, flags, words),
        qualifier_before=tuple((re.compile(p, flags), q) for p, q in lex.qualifier_before),
        qualifier_after=tuple((re.compile(p, flags), q) for p, q in lex.qualifier_after),
        company=re.compile("|".join(f"(?:{p})" for p in lex.company_cues), flags),
        subset=_alternation(lex.subset_cues, flags, words),
        subset_after=_alternation(lex.subset_after, flags, words),
        subset_money=re.compile("|".join(f"(?:{p})" for p in lex.subset_money) or r"(?!x)x", flags),
        destination=re.compile("|".join(f"(?:{p})" for p in lex.destination_cues) or r"(?!x)x", flags),
        future=re.compile("|".join(f"(?:{p})" for p in lex.future_cues), flags),
        market_subject=re.compile("|".join(f"(?:{p})" for p in lex.market_subject), flags),
        threshold=tuple(re.compile(p, flags) for p in lex.threshold_cues),
        whole_area=re.compile("|".join(f"(?:{p})" for p in lex.whole_area_cues), flags),
        rank=tuple(re.compile(p, flags) for p in lex.rank_patterns),
        national=_alternation(lex.national_scope, flags, False),
        national_subject=re.compile("|".join(f"(?:{p})" for p in lex.national_subject) or r"(?!x)x", flags),
        online_after=re.compile("|".join(f"(?:{p})" for p in lex.online_after) or r"(?!x)x", flags),
    )
