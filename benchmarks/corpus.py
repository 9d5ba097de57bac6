"""A generated news corpus with known facts, for timing the refresh and measuring F1 at scale.

Each document is a news article written from this module's own sentence templates (seven
languages) around one cluster: a county of the gazetteer and a product of the taxonomy
(clusterhouse/reference). It has the shapes of the annotated corpora: a headline, an outlet and a
date line, a byline or dateline, four to nine paragraphs of which two to four state figures
(output value, exports, enterprises, employees, export markets, each with its year), the rest
colour without figures, sometimes a photo caption and site boilerplate. Formats: .txt, .md, .html
and JSON Lines feeds of 50 articles. Every document differs (places, figures, years, the choice
and order of sentences, names). No PDF: writing one with text costs more than it tells.

The gold of every document is written in the format `clusterhouse evaluate` reads
(docs/annotation_format.md), one JSON file per document under ``gold/``.

    .venv/bin/python -m benchmarks.corpus /tmp/bench/raw 10000
"""

from __future__ import annotations

import csv
import html
import json
import random
import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from clusterhouse.reference import PLACES_DIR, PRODUCTS_DIR

LANGUAGES = ("en", "en", "en", "zh", "zh", "it", "es", "fr", "de", "pt")  # about the corpora's mix


@dataclass(frozen=True)
class County:
    admin_code: str
    name_en: str
    name_zh: str
    kind: str  # county | county-level city
    province_en: str
    province_zh: str
    prefecture_en: str | None


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# A synonym that already names the industry ("toy industry", "玩具产业"): the templates add that
# word to the product's name, and "the toy industry industry of Zhada" is no sentence a paper prints
NAMES_THE_INDUSTRY = re.compile(r"(?:\b(?:industry|industria|industrie|indústria|sector|settore|secteur)|产业|行业)$",
                                re.IGNORECASE)


def load_reference() -> tuple[list[County], dict[str, dict[str, str]]]:
    """Counties whose English and Chinese names are unambiguous nationally, and one name per
    language for each product."""
    rows = _read(PLACES_DIR / "gazetteer.csv")
    by_code = {r["admin_code"]: r for r in rows}
    english: dict[str, set[str]] = {}
    short: dict[str, set[str]] = {}
    for r in rows:
        english.setdefault(r["name_en"].lower(), set()).add(r["admin_code"])
        english.setdefault(r["name_pinyin"].lower(), set()).add(r["admin_code"])
        short.setdefault(r["short_zh"], set()).add(r["admin_code"])
    towns = {t["short_zh"] for t in _read(PLACES_DIR / "places_towns.csv")} | {
        t["name_en"].lower() for t in _read(PLACES_DIR / "places_towns.csv")}
    counties = []
    for r in rows:
        if r["level"] != "county" or r["division_type"] not in ("county", "county-level city"):
            continue
        if r["name_en_safe"] != "1" or r["short_zh_safe"] != "1" or len(r["short_zh"]) < 2:
            continue
        if len(english[r["name_en"].lower()]) > 1 or len(short[r["short_zh"]]) > 1:
            continue
        if r["short_zh"] in towns or r["name_en"].lower() in towns or not r["name_en"].isalpha():
            continue
        province = by_code[r["province_code"]]
        prefecture = by_code.get(r["prefecture_code"])
        counties.append(County(r["admin_code"], r["name_en"], r["name_zh"], r["division_type"],
                               province["name_en"], province["name_zh"],
                               prefecture["name_en"] if prefecture else None))
    synonyms: dict[str, dict[str, list[str]]] = {}
    for r in _read(PRODUCTS_DIR / "product_synonyms.csv"):
        synonyms.setdefault(r["product_id"], {}).setdefault(r["language"], []).append(r["synonym"])
    products = {}
    for product_id, by_language in synonyms.items():
        names = {}
        for lang, words in by_language.items():
            first, second = words[0], words[1] if len(words) > 1 else words[0]
            name = second if len(second) >= len(first) else first
            if NAMES_THE_INDUSTRY.search(name):
                name = next((word for word in words if not NAMES_THE_INDUSTRY.search(word)), name)
            names[lang] = name
        if {"en", "zh", "it", "es", "fr", "de", "pt"} <= set(names):
            products[product_id] = names
    return counties, products


# ------------------------------------------------------------------------------ language data
# Numbers as each language writes them; facts in yuan are stated in billions (亿 in Chinese).

def _decimal(value: float, comma: bool) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if comma else text


def _count(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


MONEY = {
    "en": lambda bn: f"{_decimal(bn, False)} billion yuan",
    "zh": lambda bn: f"{_decimal(bn * 10, False)}亿元",
    "it": lambda bn: f"{_decimal(bn, True)} miliardi di yuan",
    "es": lambda bn: f"{_decimal(bn, True)} mil millones de yuanes",
    "fr": lambda bn: f"{_decimal(bn, True)} milliards de yuans",
    "de": lambda bn: f"{_decimal(bn, True)} Milliarden Yuan",
    "pt": lambda bn: f"{_decimal(bn, True)} bilhões de yuans",
}
COUNT_SEP = {"en": ",", "zh": "", "it": ".", "es": ".", "fr": "\u202f", "de": ".", "pt": "."}

# One template list per metric; {place} is the county, {P} its province, {product} the product.
FACTS = {
    "en": {
        "output_value": ["In {year}, the output value of {place}'s {product} industry reached {money}.",
                         "The {product} industry of {place} generated an output value of {money} in {year}.",
                         "Official data show that {place}'s {product} makers recorded an output value of {money} in {year}."],
        "export_value": ["Exports of {product} from {place} were worth {money} in {year}.",
                         "In {year}, {place} exported {product} worth {money}."],
        "enterprises": ["By the end of {year}, {place} had {count} {product} enterprises.",
                        "In {year}, {place} was home to {count} {product} companies."],
        "employees": ["In {year}, the {product} industry of {place} employed {count} people.",
                      "The sector gave jobs to {count} workers in {place} in {year}."],
        "export_markets": ["In {year}, {product} made in {place} were sold to {count} countries and regions."],
    },
    "zh": {
        "output_value": ["{year}年，{place}{product}产业实现产值{money}。", "{year}年{place}{product}产业总产值达到{money}。"],
        "export_value": ["{year}年，{place}{product}出口额达{money}。"],
        "enterprises": ["截至{year}年底，{place}共有{product}企业{count}家。", "{year}年，{place}拥有{product}生产企业{count}家。"],
        "employees": ["{year}年，{place}{product}产业从业人员达{count}人。"],
        "export_markets": ["{year}年，{place}{product}产品出口到{count}个国家和地区。"],
    },
    "it": {
        "output_value": ["Nel {year} il valore della produzione del distretto di {product} di {place} ha raggiunto {money}.",
                         "Nel {year} il distretto di {product} di {place} ha registrato un valore della produzione di {money}."],
        "export_value": ["Nel {year} le esportazioni di {product} di {place} hanno raggiunto {money}."],
        "enterprises": ["Nel {year} a {place} operavano {count} imprese di {product}."],
        "employees": ["Nel {year} il distretto di {place} dava lavoro a {count} addetti."],
        "export_markets": ["Nel {year} i prodotti di {place} sono stati esportati in {count} Paesi."],
    },
    "es": {
        "output_value": ["En {year}, el valor de producción de la industria de {product} de {place} alcanzó {money}.",
                         "La industria de {product} de {place} registró en {year} un valor de producción de {money}."],
        "export_value": ["En {year}, las exportaciones de {product} de {place} alcanzaron {money}."],
        "enterprises": ["En {year}, {place} contaba con {count} empresas de {product}."],
        "employees": ["En {year}, la industria de {product} de {place} empleaba a {count} personas."],
        "export_markets": ["En {year}, los productos de {place} se vendieron en {count} países y regiones."],
    },
    "fr": {
        "output_value": ["En {year}, la valeur de production de l'industrie des {product} de {place} a atteint {money}.",
                         "L'industrie des {product} de {place} a réalisé en {year} une valeur de production de {money}."],
        "export_value": ["En {year}, les exportations de {product} de {place} ont atteint {money}."],
        "enterprises": ["En {year}, {place} comptait {count} entreprises de {product}."],
        "employees": ["En {year}, l'industrie des {product} de {place} employait {count} personnes."],
        "export_markets": ["En {year}, les produits de {place} étaient vendus dans {count} pays et régions."],
    },
    "de": {
        "output_value": ["Im Jahr {year} erreichte der Produktionswert der {product}-Industrie von {place} {money}.",
                         "{year} lag der Produktionswert der {product}branche in {place} bei {money}."],
        "export_value": ["Im Jahr {year} exportierte {place} {product} im Wert von {money}."],
        "enterprises": ["Im Jahr {year} gab es in {place} {count} Unternehmen der {product}-Branche."],
        "employees": ["Im Jahr {year} beschäftigte die {product}-Industrie in {place} {count} Menschen."],
        "export_markets": ["Im Jahr {year} wurden Produkte aus {place} in {count} Länder und Regionen exportiert."],
    },
    "pt": {
        "output_value": ["Em {year}, o valor da produção da indústria de {product} de {place} atingiu {money}.",
                         "A indústria de {product} de {place} registrou em {year} um valor de produção de {money}."],
        "export_value": ["Em {year}, as exportações de {product} de {place} atingiram {money}."],
        "enterprises": ["Em {year}, {place} contava com {count} empresas de {product}."],
        "employees": ["Em {year}, a indústria de {product} de {place} empregava {count} pessoas."],
        "export_markets": ["Em {year}, os produtos de {place} foram vendidos para {count} países e regiões."],
    },
}

# How a place is introduced the first time (then named bare) and the headline.
INTRO = {
    "en": ["{place}, a {kind} in {P}, has made {product} for decades.",
           "{place} in {P} is one of China's best-known bases for {product}."],
    "zh": ["{P}{place_full}是全国知名的{product}产业基地。", "位于{P}的{place_full}，{product}产业历史悠久。"],
    "it": ["{place}, nella provincia del {P}, produce {product} da decenni.", "{place}, nel {P}, è uno dei poli cinesi di {product}."],
    "es": ["{place}, en la provincia de {P}, fabrica {product} desde hace décadas."],
    "fr": ["{place}, dans la province du {P}, fabrique des {product} depuis des décennies."],
    "de": ["{place} in der Provinz {P} stellt seit Jahrzehnten {product} her."],
    "pt": ["{place}, na província de {P}, fabrica {product} há décadas."],
}
HEADLINE = {
    "en": ["{place} {product} makers look abroad", "How {place} became a hub for {product}",
           "{place}'s {product} sector bets on new markets", "Inside the {product} town of {place}"],
    "zh": ["{place}{product}产业加快转型升级", "{place}：小{product}做成大产业", "走进{place}{product}产业集群"],
    "it": ["{place}, il distretto dei {product} guarda all'estero", "Viaggio a {place}, capitale dei {product}"],
    "es": ["{place}, la capital china de {product}", "La industria de {product} de {place} mira al exterior"],
    "fr": ["{place}, capitale chinoise des {product}", "À {place}, l'industrie des {product} se transforme"],
    "de": ["{place} setzt auf {product} für den Weltmarkt", "Zu Besuch in {place}, der Hauptstadt der {product}"],
    "pt": ["{place}, a capital chinesa de {product}", "A indústria de {product} de {place} olha para fora"],
}
# Colour: sentences without figures, built from parts so that no two articles share many.
COLOUR = {
    "en": (["Local officials", "Factory owners", "Industry insiders", "Several managers", "Trade analysts", "Young entrepreneurs"],
           ["said", "noted", "explained", "told reporters", "pointed out", "agreed"],
           ["that automation has changed the workshops", "that online orders keep growing",
            "that design matters more than price now", "that the next step is building brands",
            "that rising labour costs push firms to upgrade", "that logistics have become faster and cheaper",
            "that buyers from Europe ask for greener materials", "that small workshops are merging into larger firms"]),
    "zh": (["当地官员", "企业负责人", "业内人士", "多位经营者", "行业分析人士", "年轻创业者"],
           ["表示", "介绍", "认为", "告诉记者", "指出"],
           ["自动化正在改变生产车间", "线上订单持续增长", "设计比价格更重要", "下一步要打造自主品牌",
            "用工成本上升推动企业升级", "物流越来越快也越来越便宜", "欧洲客户要求更环保的材料", "小作坊正在整合为大企业"]),
    "it": (["I funzionari locali", "Gli imprenditori", "Gli addetti ai lavori", "Alcuni dirigenti", "Gli analisti"],
           ["hanno detto", "hanno spiegato", "sostengono", "osservano"],
           ["che l'automazione ha cambiato i laboratori", "che gli ordini online continuano a crescere",
            "che il design conta più del prezzo", "che il prossimo passo è creare marchi propri",
            "che i costi del lavoro spingono le imprese a innovare", "che la logistica è diventata più rapida"]),
    "es": (["Los funcionarios locales", "Los empresarios", "Los expertos del sector", "Varios directivos", "Los analistas"],
           ["dijeron", "explicaron", "señalaron", "aseguran"],
           ["que la automatización ha cambiado los talleres", "que los pedidos en línea siguen creciendo",
            "que el diseño importa más que el precio", "que el siguiente paso es crear marcas propias",
            "que el coste laboral empuja a las empresas a modernizarse", "que la logística es ahora más rápida"]),
    "fr": (["Les responsables locaux", "Les chefs d'entreprise", "Les professionnels du secteur", "Plusieurs dirigeants", "Les analystes"],
           ["ont indiqué", "ont expliqué", "estiment", "soulignent"],
           ["que l'automatisation a transformé les ateliers", "que les commandes en ligne continuent de croître",
            "que le design compte plus que le prix", "que la prochaine étape est de créer des marques",
            "que la hausse des salaires pousse les entreprises à se moderniser", "que la logistique est devenue plus rapide"]),
    "de": (["Lokale Beamte", "Unternehmer", "Branchenkenner", "Mehrere Manager", "Analysten"],
           ["sagten", "erklärten", "betonen", "meinen"],
           ["dass die Automatisierung die Werkstätten verändert hat", "dass Online-Bestellungen weiter zunehmen",
            "dass Design wichtiger ist als der Preis", "dass eigene Marken der nächste Schritt sind",
            "dass steigende Löhne die Firmen zur Modernisierung zwingen", "dass die Logistik schneller geworden ist"]),
    "pt": (["Os responsáveis locais", "Os empresários", "Os especialistas do setor", "Vários gestores", "Os analistas"],
           ["disseram", "explicaram", "afirmam", "observam"],
           ["que a automação mudou as oficinas", "que as encomendas online continuam a crescer",
            "que o design importa mais do que o preço", "que o próximo passo é criar marcas próprias",
            "que o custo da mão de obra obriga as empresas a modernizar-se", "que a logística ficou mais rápida"]),
}
# Where a colour sentence's claim holds: always the article's own town (with its product or
# province at times), as real news places it. With the three lists above alone, two sentences in
# three were found in other articles of the corpus too (none of the dev corpus's are). German
# puts it after "dass", Chinese before the clause, the others after it.
COLOUR_WHERE = {
    "en": ["in {place}", "among {place}'s {product} makers", "in {place}'s {product} trade",
           "across {place} and the rest of {P}", "for the {product} workshops of {place}"],
    "zh": ["{place}", "{place}{product}行业", "{place}{product}产业", "{P}{place}", "{place}的{product}企业"],
    "it": ["a {place}", "tra i produttori di {product} di {place}", "nel settore dei {product} di {place}",
           "a {place} e in tutto il {P}"],
    "es": ["en {place}", "entre los fabricantes de {product} de {place}", "en el sector de {product} de {place}",
           "en {place} y en toda la provincia de {P}"],
    "fr": ["à {place}", "chez les fabricants de {product} de {place}", "dans le secteur des {product} de {place}",
           "à {place} et dans toute la province du {P}"],
    "de": ["in {place}", "bei den {product}-Herstellern in {place}", "in der {product}-Branche von {place}",
           "in {place} und der ganzen Provinz {P}"],
    "pt": ["em {place}", "entre os fabricantes de {product} de {place}", "no setor de {product} de {place}",
           "em {place} e em toda a província de {P}"],
}
# A named person says it at times (a trader, a workshop owner), with a verb in the singular.
COLOUR_PERSON = {
    "en": (["{person}, a {product} trader,", "{person}, who runs a workshop in {place},"],
           ["said", "noted", "explained", "told reporters", "pointed out"]),
    "zh": (["{product}经销商{person}", "在{place}经营作坊的{person}"], ["表示", "介绍", "认为", "告诉记者", "指出"]),
    "it": (["{person}, commerciante di {product},", "{person}, titolare di un laboratorio a {place},"],
           ["ha detto", "ha spiegato", "sostiene", "osserva"]),
    "es": (["{person}, comerciante de {product},", "{person}, dueño de un taller en {place},"],
           ["dijo", "explicó", "señaló", "asegura"]),
    "fr": (["{person}, négociant en {product},", "{person}, qui dirige un atelier à {place},"],
           ["a indiqué", "a expliqué", "estime", "souligne"]),
    "de": (["{person}, Händler für {product},", "{person}, der in {place} eine Werkstatt führt,"],
           ["sagte", "erklärte", "betont", "meint"]),
    "pt": (["{person}, comerciante de {product},", "{person}, dono de uma oficina em {place},"],
           ["disse", "explicou", "afirma", "observa"]),
}
SURNAMES = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu"]
GIVEN = ["Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Tao", "Ning", "Hui", "Qiang", "Ling", "Bo", "Xin", "Yu", "Jun"]
ZH_NAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡"
ZH_GIVEN = "伟芳敏静磊燕涛宁辉强玲波欣宇军"
OUTLETS = {"en": ["China Daily", "Global Times", "South China Morning Post", "Xinhua", "CGTN"],
           "zh": ["人民日报", "新华网", "经济日报", "中国新闻网"],
           "it": ["Il Sole 24 Ore", "Agenzia Nova"], "es": ["El País", "Xinhua Español"],
           "fr": ["Le Monde", "Xinhua Français"], "de": ["Handelsblatt", "Deutsche Welle"],
           "pt": ["Xinhua Português", "Macau Hub"]}
BYLINE = {"en": "By {name}", "zh": "记者 {name}", "it": "di {name}", "es": "Por {name}", "fr": "Par {name}",
          "de": "Von {name}", "pt": "Por {name}"}
CAPTION = {"en": "Photo: A worker at a {product} workshop in {place}. (Xinhua/{name})",
           "zh": "图为{place}一家{product}企业的生产车间。（新华社记者 {name} 摄）",
           "it": "Foto: un laboratorio di {product} a {place}. (Xinhua/{name})",
           "es": "Foto: un taller de {product} en {place}. (Xinhua/{name})",
           "fr": "Photo : un atelier de {product} à {place}. (Xinhua/{name})",
           "de": "Foto: Eine Werkstatt für {product} in {place}. (Xinhua/{name})",
           "pt": "Foto: uma oficina de {product} em {place}. (Xinhua/{name})"}
BOILERPLATE = {"en": ["Share this article", "Copyright 1995-2024 All rights reserved.", "Related stories"],
               "zh": ["责任编辑：{name}", "版权所有 未经许可不得转载", "相关新闻"],
               "it": ["Condividi questo articolo", "Riproduzione riservata"],
               "es": ["Compartir este artículo", "Todos los derechos reservados"],
               "fr": ["Partager cet article", "Tous droits réservés"],
               "de": ["Artikel teilen", "Alle Rechte vorbehalten"],
               "pt": ["Partilhar este artigo", "Todos os direitos reservados"]}
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
KIND = {"county": "county", "county-level city": "county-level city"}
METRIC_UNITS = {"output_value": "CNY", "export_value": "CNY", "enterprises": "firms", "employees": "people",
                "export_markets": "countries"}


@dataclass(frozen=True)
class Article:
    file_name: str
    language: str
    title: str
    body: str  # everything after the headline, paragraphs separated by blank lines
    published: date
    outlet: str
    gold: dict


def _person(rng: random.Random, language: str) -> str:
    if language == "zh":
        return rng.choice(ZH_NAMES) + rng.choice(ZH_GIVEN) + rng.choice(["", *ZH_GIVEN])
    return f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}{rng.choice(['', *GIVEN]).lower()}"


def article(rng: random.Random, index: int, counties: list[County], products: dict[str, dict[str, str]],
            language: str) -> Article:
    county = rng.choice(counties)
    product_id = rng.choice(sorted(products))
    product = products[product_id][language]
    zh = language == "zh"
    place = county.name_zh[:-1] if zh and len(county.name_zh) > 2 else (county.name_zh if zh else county.name_en)
    names = dict(place=place, place_full=county.name_zh, P=county.province_zh if zh else county.province_en,
                 product=product, kind=KIND[county.kind])
    published = date(2019, 1, 1) + timedelta(days=rng.randrange(6 * 365))
    outlet = rng.choice(OUTLETS[language])
    title = rng.choice(HEADLINE[language]).format(**names)
    sep = "" if zh else " "

    facts, fact_paragraphs = [], []
    metrics = rng.sample(sorted(FACTS[language]), k=rng.randint(2, 4))
    for metric in metrics:
        year = rng.randint(published.year - 3, published.year - 1)
        if metric in ("output_value", "export_value"):
            bn = round(rng.uniform(1.2, 180.0), 1)
            value, stated = bn * 1e9, MONEY[language](bn)
            fields = {"money": stated}
        else:
            low, high = {"enterprises": (120, 9000), "employees": (3000, 250000), "export_markets": (20, 190)}[metric]
            value = rng.randint(low, high)
            fields = {"count": _count(value, COUNT_SEP[language])}
        sentence = rng.choice(FACTS[language][metric]).format(year=year, **names, **fields)
        colour = _colour(rng, language, names)
        fact_paragraphs.append(sep.join([sentence, colour] if rng.random() < 0.6 else [colour, sentence]))
        facts.append({"cluster": "c", "metric": metric, "value": value, "unit": METRIC_UNITS[metric],
                      "qualifier": "exact", "year": year,
                      "period": "FY" if metric in ("output_value", "export_value") else "as_of", "evidence": sentence})

    paragraphs = [sep.join([rng.choice(INTRO[language]).format(**names), _colour(rng, language, names)])]
    colour_paragraphs = [sep.join(_colour(rng, language, names) for _ in range(rng.randint(1, 4)))
                         for _ in range(rng.randint(2, 5))]
    rest = fact_paragraphs + colour_paragraphs
    rng.shuffle(rest)
    paragraphs += rest
    if rng.random() < 0.3:
        paragraphs.insert(rng.randint(1, len(paragraphs)), CAPTION[language].format(**names, name=_person(rng, language)))
    if rng.random() < 0.5:
        paragraphs.append(rng.choice(BOILERPLATE[language]).format(name=_person(rng, language)))

    if zh:
        date_line = f"{outlet} {published.year}年{published.month}月{published.day}日"
    elif language == "en":
        date_line = f"{outlet} | Updated: {published.isoformat()} {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}"
    else:
        date_line = f"{outlet} — {published.isoformat()}"
    byline = BYLINE[language].format(name=_person(rng, language))
    body = "\n\n".join([date_line + "\n" + byline, *paragraphs])

    file_name = f"{index:06d}_{county.name_en.lower()}_{product_id}"
    gold = {
        "doc": file_name, "language": language, "published": published.isoformat(), "source": outlet,
        "clusters": [{"key": "c", "place": county.name_en, "place_zh": county.name_zh, "admin_code": county.admin_code,
                      "county": county.name_en, "prefecture": county.prefecture_en, "province": county.province_en,
                      "product": product_id}],
        "facts": facts, "optional_facts": [], "company_facts": [], "events": [],
    }
    return Article(file_name, language, title, body, published, outlet, gold)


def _colour(rng: random.Random, language: str, names: dict[str, str]) -> str:
    subjects, verbs, clauses = COLOUR[language]
    if rng.random() < 0.4:
        subjects, verbs = COLOUR_PERSON[language]
    subject = rng.choice(subjects).format(**names, person=_person(rng, language))
    verb, clause = rng.choice(verbs), rng.choice(clauses)
    where = rng.choice(COLOUR_WHERE[language]).format(**names)
    if language == "zh":
        return f"{subject}{verb}，{where}{clause}。"
    if language == "de":  # "dass in Yiwu die Automatisierung …": the verb stays last
        return f"{subject} {verb} {clause.replace('dass ', f'dass {where} ', 1)}."
    return f"{subject} {verb} {clause} {where}."


# ------------------------------------------------------------------------------ files

def _as_html(a: Article) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in a.body.split("\n\n"))
    return (f"<!DOCTYPE html>\n<html lang=\"{a.language}\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(a.title)}</title>"
            f"<meta property=\"article:published_time\" content=\"{a.published.isoformat()}\"></head>\n"
            f"<body><nav><a href=\"/\">Home</a> <a href=\"/business\">Business</a></nav>\n<article>"
            f"<h1>{html.escape(a.title)}</h1>\n{paragraphs}\n</article>\n"
            f"<footer>Contact us · Terms of use · Privacy</footer></body></html>\n")


def write_corpus(target: Path, count: int, seed: int = 20261130, start: int = 0) -> int:
    """Write ``count`` articles (numbered from ``start``) under target/raw and their gold under
    target/gold; returns the number of files written."""
    rng = random.Random(seed + start)
    counties, products = load_reference()
    raw, gold = target / "raw", target / "gold"
    raw.mkdir(parents=True, exist_ok=True)
    gold.mkdir(parents=True, exist_ok=True)
    files, feed, feed_name = 0, [], None
    for index in range(start, start + count):
        a = article(rng, index, counties, products, rng.choice(LANGUAGES))
        folder = raw / f"batch_{index // 1000:04d}"
        folder.mkdir(exist_ok=True)
        kind = rng.random()
        if kind < 0.12:  # a feed: 50 articles in one JSON Lines file
            feed_name = feed_name or f"batch_{index // 1000:04d}/feed_{index:06d}.jsonl"
            feed.append(a)
            doc = f"{feed_name}#{len(feed)}"
            if len(feed) == 50:
                files += _write_feed(raw / feed_name, feed)
                feed, feed_name = [], None
        else:
            suffix = ".html" if kind < 0.25 else ".md" if kind < 0.35 else ".txt"
            path = folder / (a.file_name + suffix)
            if suffix == ".html":
                path.write_text(_as_html(a), encoding="utf-8")
            elif suffix == ".md":
                path.write_text(f"# {a.title}\n\n{a.body}\n", encoding="utf-8")
            else:
                path.write_text(f"{a.title}\n{a.body}\n", encoding="utf-8")
            files += 1
            doc = path.name
        record = dict(a.gold, doc=doc.rsplit("/", 1)[-1])
        (gold / (record["doc"] + ".json")).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    if feed:
        files += _write_feed(raw / feed_name, feed)
    return files


def _write_feed(path: Path, feed: list[Article]) -> int:
    with open(path, "w", encoding="utf-8") as f:
        for a in feed:
            f.write(json.dumps({"title": a.title, "text": a.body, "published": a.published.isoformat(),
                                "source": a.outlet, "language": a.language}, ensure_ascii=False) + "\n")
    return 1


def main() -> None:
    target, count = Path(sys.argv[1]), int(sys.argv[2])
    files = write_corpus(target, count)
    print(f"{count} documents in {files} files under {target / 'raw'}, gold under {target / 'gold'}")


if __name__ == "__main__":
    main()
