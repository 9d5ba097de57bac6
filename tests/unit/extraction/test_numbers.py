"""Numbers in news text: separators, scale words, number words, ordinals, percentages, dates."""

import math

import pytest

from clusterhouse.extraction.numbers import NumberMention, find_numbers, parse_decimal

# ---------------------------------------------------------------- parse_decimal

DECIMALS = [
    ("1,250", "en", 1250),
    ("2,200", "en", 2200),
    ("5.17", "en", 5.17),
    ("1875", "en", 1875),
    ("12.500", "en", 12.5),  # "." is the English decimal mark
    ("1,234.5", "en", 1234.5),
    ("1,250,000", "en", 1250000),
    ("3,5", "en", 3.5),  # not followed by three digits: decimal
    ("12.000", "it", 12000),
    ("12.000", "es", 12000),
    ("12.000", "de", 12000),
    ("12.000", "fr", 12000),
    ("48.700", "it", 48700),
    ("48.700", "de", 48700),
    ("48,7", "it", 48.7),
    ("48,7", "es", 48.7),
    ("48,7", "fr", 48.7),
    ("48,7", "de", 48.7),
    ("9,29", "it", 9.29),
    ("3,500", "it", 3.5),  # "," is never Italian grouping
    ("12.500", "it", 12500),
    ("1.2", "it", 1.2),  # a decimal point in Italian text: not three digits, so decimal
    ("1.250.000", "it", 1250000),
    ("1.234,5", "de", 1234.5),
    ("1.234,5", "en", 1234.5),  # two different marks: the last is the decimal
    ("3 500", "fr", 3500),
    ("3\u00a0500", "fr", 3500),
    ("3\u202f500", "fr", 3500),
    ("3\u202f500", "en", 3500),  # narrow no-break space groups in any language
    ("3'500", "fr", 3500),
    ("3’500,50", "de", 3500.5),
    ("12 500 000", "es", 12500000),
    ("1,250", "zh", 1250),
    ("2.5", "zh", 2.5),
    ("１２３", "zh", 123),
    ("１，２５０", "zh", 1250),
    ("１２．５", "zh", 12.5),
    ("1,250", None, 1250),
    ("1,250", "zh-Hant", 1250),
    ("12.000", "it-IT", 12000),
]


@pytest.mark.parametrize("token, language, expected", DECIMALS)
def test_parse_decimal(token, language, expected):
    assert parse_decimal(token, language) == pytest.approx(expected)


@pytest.mark.parametrize("token", ["1,2,3", "1.2,3,4", "12,34.567.8", "abc", "", "1.23.456"])
def test_parse_decimal_rejects_malformed(token):
    assert parse_decimal(token, "en") is None


# ---------------------------------------------------------------- find_numbers
# Each case: language, text, expected mentions as (text, value, flags), flags from
# y = is_year, o = is_ordinal, p = is_percent, t = truncated, + = inner 'more_than'.

CASES = [
    # --- English: digits, scale words, currency glued
    ("en", "Guzhen's lighting makers sold $712 million abroad.", [("712 million", 712e6, "")]),
    ("en", "Output hit 5.17 billion yuan last year.", [("5.17 billion", 5.17e9, "")]),
    ("en", "The town has 1,250 lamp factories.", [("1,250", 1250, "")]),
    ("en", "It employs 2,200 people in 48 workshops.", [("2,200", 2200, ""), ("48", 48, "")]),
    ("en", "Revenue was US$1.2bn, up from a year ago.", [("1.2bn", 1.2e9, "")]),
    ("en", "A $5m grant went to the zipper park.", [("5m", 5e6, "")]),
    ("en", "Sales of RMB5bn were booked.", [("5bn", 5e9, "")]),
    ("en", "Exports fell to 3.4 mn pieces of luggage.", [("3.4 mn", 3.4e6, "")]),
    ("en", "A 2 trillion yuan economy depends on it.", [("2 trillion", 2e12, "")]),
    ("en", "About 800k pairs of socks leave daily.", [("800k", 8e5, "")]),
    ("en", "Its tax take reached €40k per firm.", [("40k", 4e4, "")]),
    ("en", "The 5m tower is a landmark.", []),  # metres, not a million
    ("en", "Datang knits 25 billion pairs of socks.", [("25 billion", 25e9, "")]),
    ("en", "It processed 1,234.5 tonnes of rattan.", [("1,234.5", 1234.5, "")]),
    ("en", "It shipped 12.500 tonnes.", [("12.500", 12.5, "")]),
    ("en", "Workers number 3\u202f500 in the park.", [("3\u202f500", 3500, "")]),
    ("en", "Yiwu counts 75,000 booths and 210 markets.", [("75,000", 75000, ""), ("210", 210, "")]),
    # --- English: words
    ("en", "Two thousand firms make buttons there.", [("Two thousand", 2000, "")]),
    ("en", "Nearly a million workers came from inland.", [("a million", 1e6, "")]),
    ("en", "Half a million visitors attend the fair.", [("Half a million", 5e5, "")]),
    ("en", "Some twenty-five factories closed.", [("twenty-five", 25, "")]),
    ("en", "It has two hundred and fifty members.", [("two hundred and fifty", 250, "")]),
    ("en", "Three hundred thousand people work in the trade.", [("Three hundred thousand", 3e5, "")]),
    ("en", "Exports grew by two million three hundred thousand units.",
     [("two million three hundred thousand", 2.3e6, "")]),
    ("en", "One hundred brands were on show.", [("One hundred", 100, "")]),
    ("en", "Seven counties take part.", [("Seven", 7, "")]),
    ("en", "Shengzhou is one of the largest necktie hubs.", []),
    ("en", "One factory there is new.", []),
    ("en", "Dozens of workshops and thousands of workers.", []),
    ("en", "Millions of pens are made there.", []),
    ("en", "One-third of output is exported.", []),
    ("en", "Two-thirds of the firms are small.", []),
    ("en", "A third of the world's pianos come from here.", []),
    ("en", "A hundred firms joined.", [("A hundred", 100, "")]),
    # --- English: ordinals
    ("en", "It is China's second-largest hosiery base.", [("second", 2, "o")]),
    ("en", "Ranked 1st nationwide for several years.", [("1", 1, "o")]),
    ("en", "The 21st edition of the fair opened.", [("21", 21, "o")]),
    ("en", "The third factory opened in the park.", [("third", 3, "o")]),
    ("en", "It is the fourth cluster in the province.", [("fourth", 4, "o")]),
    ("en", "The first-largest maker is here.", [("first", 1, "o")]),
    ("en", "The town is the No. 1 producer of pianos.", [("1", 1, "o")]),
    ("en", "Machines stitch 30 per second.", [("30", 30, "")]),
    # --- English: percentages, ranges, dates, truncation
    ("en", "Exports rose 12.5% in the period.", [("12.5", 12.5, "p")]),
    ("en", "Exports rose 7 per cent and 3 percent.", [("7", 7, "p"), ("3", 3, "p")]),
    ("en", "Share grew 2.5 percentage points.", [("2.5", 2.5, "p")]),
    ("en", "Sales of 3-5 million units are expected.", [("3", 3e6, ""), ("5 million", 5e6, "")]),
    ("en", "Output of 3 to 5 billion yuan.", [("3", 3e9, ""), ("5 billion", 5e9, "")]),
    ("en", "Output between $300 and $500 million a year.",
     [("300", 3e8, ""), ("500 million", 5e8, "")]),
    ("en", "Margins of 3-5% are common.", [("3", 3, "p"), ("5", 5, "p")]),
    ("en", "Between 2019-2021 it grew.", [("2019", 2019, "y"), ("2021", 2021, "y")]),
    ("en", "Posted on Dec. 28, 2017 at 10:30 by the editor.", [("2017", 2017, "y")]),
    ("en", "Updated 28/12/2017 and 2021-12-14 in the archive.", [("2017", 2017, "y"), ("2021", 2021, "y")]),
    ("en", "On December 14 the fair opened.", []),
    ("en", "The fair opens on 3 March each year.", []),
    ("en", "In 2021 the cluster grew.", [("2021", 2021, "y")]),
    ("en", "Since the 1990s the town has grown.", [("1990", 1990, "y")]),
    ("en", "G20 members and 5G networks, after COVID-19.", []),
    ("en", "Sales of the cluster reached 12", [("12", 12, "t")]),
    ("en", "Sales of the cluster reached 5.", [("5", 5, "t")]),
    ("en", "Sales of the cluster reached 3,", [("3", 3, "t")]),
    ("en", "Sales of the cluster reached 5 billion.", [("5 billion", 5e9, "")]),
    ("en", "The town has 500 firms.", [("500", 500, "")]),
    ("en", "Sales of the cluster reached 7\u2026 read more", [("7", 7, "t")]),
    ("en", "Sales reached 2 trillion", [("2 trillion", 2e12, "t")]),
    ("en", "It costs $2000 a set.", [("2000", 2000, "")]),  # money, not a year
    # --- Italian
    ("it", "Il distretto conta 12.000 addetti.", [("12.000", 12000, "")]),
    ("it", "Le imprese attive sono 48.700 in tutto.", [("48.700", 48700, "")]),
    ("it", "Le imprese attive sono 48.700.", [("48.700", 48700, "t")]),  # could be a cut "48.700.000"
    ("it", "La crescita è stata del 48,7 per cento.", [("48,7", 48.7, "p")]),
    ("it", "Un export di 9,29 miliardi di euro.", [("9,29 miliardi", 9.29e9, "")]),
    ("it", "Il fatturato ha toccato €3,5 miliardi.", [("3,5 miliardi", 3.5e9, "")]),
    ("it", "Le vendite sono state di 1.2 milioni di pezzi.", [("1.2 milioni", 1.2e6, "")]),
    ("it", "Ci lavorano 3mila persone.", [("3mila", 3000, "")]),
    ("it", "Un milione di scarpe ogni anno.", [("Un milione", 1e6, "")]),
    ("it", "Ha raggiunto un miliardo di euro.", [("un miliardo", 1e9, "")]),
    ("it", "Una delle aziende più grandi è qui.", []),
    ("it", "Un'azienda su dieci esporta.", [("dieci", 10, "")]),
    ("it", "Valgono due miliardi e tre milioni di pezzi.",
     [("due miliardi", 2e9, ""), ("tre milioni", 3e6, "")]),
    ("it", "Sono duecentocinquantamila i lavoratori.", [("duecentocinquantamila", 250000, "")]),
    ("it", "Ventitremila posti di lavoro e centoventi marchi.",
     [("Ventitremila", 23000, ""), ("centoventi", 120, "")]),
    ("it", "Mille imprese del tessile.", [("Mille", 1000, "")]),
    ("it", "Sei il benvenuto, disse; sei milioni di paia.", [("sei milioni", 6e6, "")]),
    ("it", "Un milione e mezzo di occhiali.", [("Un milione e mezzo", 1.5e6, "")]),
    ("it", "È il secondo distretto italiano.", [("secondo", 2, "o")]),
    ("it", "Secondo i dati della camera di commercio.", []),
    ("it", "La prima azienda e la terza.", [("prima", 1, "o"), ("terza", 3, "o")]),
    ("it", "Due terzi della produzione.", []),
    ("it", "Dal 14 dicembre 2021 in vigore.", [("2021", 2021, "y")]),
    ("it", "Le quote sono passate da 3 a 5 milioni.", [("3", 3e6, ""), ("5 milioni", 5e6, "")]),
    ("it", "Negli anni '90 il distretto esplose.", []),
    ("it", "Il giro d'affari vale 2 mld.", [("2 mld", 2e9, "")]),
    # --- Spanish
    ("es", "La industria emplea a 12 mil personas.", [("12 mil", 12000, "")]),
    ("es", "Las ventas sumaron 3 mil millones de dólares.", [("3 mil millones", 3e9, "")]),
    ("es", "Exporta dos mil millones de pares.", [("dos mil millones", 2e9, "")]),
    ("es", "Invirtió un millón de euros.", [("un millón", 1e6, "")]),
    ("es", "Facturó 1,5 millones y 12.000 unidades.", [("1,5 millones", 1.5e6, ""), ("12.000", 12000, "")]),
    ("es", "Una empresa local, un sector.", []),
    ("es", "Produce 4 millardos de piezas.", [("4 millardos", 4e9, "")]),
    ("es", "Un billón de pesos.", [("Un billón", 1e12, "")]),
    ("es", "Hay treinta y cinco fábricas.", [("treinta y cinco", 35, "")]),
    ("es", "Trabajan doscientos cincuenta mil obreros.", [("doscientos cincuenta mil", 250000, "")]),
    ("es", "Mil empresas textiles.", [("Mil", 1000, "")]),
    ("es", "Creció un 12,5 % y un 3 por ciento.", [("12,5", 12.5, "p"), ("3", 3, "p")]),
    ("es", "Es el segundo mayor productor.", [("segundo", 2, "o")]),
    ("es", "El primer polo y la cuarta ciudad.", [("primer", 1, "o"), ("cuarta", 4, "o")]),
    ("es", "Ocupa el 1.º puesto.", [("1", 1, "o")]),
    ("es", "El 14 de diciembre de 2021 abrió.", [("2021", 2021, "y")]),
    ("es", "Las ventas llegaron a 12 mil", [("12 mil", 12000, "t")]),
    ("es", "Tiene 3 500 empleados.", [("3 500", 3500, "")]),
    ("es", "Entre 3 y 5 millones de pares.", [("3", 3e6, ""), ("5 millones", 5e6, "")]),
    # --- French
    ("fr", "La filière compte 3 500 salariés.", [("3 500", 3500, "")]),
    ("fr", "Elle compte 3\u202f500 salariés.", [("3\u202f500", 3500, "")]),
    ("fr", "Un chiffre de 2,5 milliards d'euros.", [("2,5 milliards", 2.5e9, "")]),
    ("fr", "Il exporte deux milliards de boutons.", [("deux milliards", 2e9, "")]),
    ("fr", "Un million de paires.", [("Un million", 1e6, "")]),
    ("fr", "Une usine, un atelier.", []),
    ("fr", "Vingt et un ateliers et quatre-vingt-dix boutiques.",
     [("Vingt et un", 21, ""), ("quatre-vingt-dix", 90, "")]),
    ("fr", "Soixante-dix-sept marques et quatre-vingts usines.",
     [("Soixante-dix-sept", 77, ""), ("quatre-vingts", 80, "")]),
    ("fr", "Neuf usines, un bâtiment neuf.", []),
    ("fr", "Cent entreprises et mille salariés.", [("Cent", 100, ""), ("mille", 1000, "")]),
    ("fr", "Une hausse de 5 pour cent.", [("5", 5, "p")]),
    ("fr", "Un tiers de la production.", []),
    ("fr", "Le premier pôle et la troisième ville.", [("premier", 1, "o"), ("troisième", 3, "o")]),
    ("fr", "Le 1er janvier 2022, la filière a recruté.", [("2022", 2022, "y")]),
    ("fr", "La 2e place nationale.", [("2", 2, "o")]),
    ("fr", "Un budget de 5 M€ a été voté.", [("5 M", 5e6, "")]),
    ("fr", "Le site ouvre à 10h30 chaque jour.", []),
    ("fr", "Le marché de 12.000 tonnes.", [("12.000", 12000, "")]),
    # --- German
    ("de", "Es wurden 1.234,5 Tonnen verkauft.", [("1.234,5", 1234.5, "")]),
    ("de", "Der Umsatz lag bei 2,5 Mrd. Euro.", [("2,5 Mrd", 2.5e9, "")]),
    ("de", "Der Cluster setzt 5 Mio. Euro um.", [("5 Mio", 5e6, "")]),
    ("de", "Zwei Milliarden Paar Socken.", [("Zwei Milliarden", 2e9, "")]),
    ("de", "Eine Million Spielzeuge.", [("Eine Million", 1e6, "")]),
    ("de", "Einer der größten Standorte; ein Betrieb.", []),
    ("de", "Zweihundertfünfundzwanzigtausend Beschäftigte.",
     [("Zweihundertfünfundzwanzigtausend", 225000, "")]),
    ("de", "Einundzwanzig Firmen und dreißig Läden.", [("Einundzwanzig", 21, ""), ("dreißig", 30, "")]),
    ("de", "Es gibt 48.700 Betriebe.", [("48.700", 48700, "")]),
    ("de", "Eine Billion Euro und 3 Tausend Stück.", [("Eine Billion", 1e12, ""), ("3 Tausend", 3000, "")]),
    ("de", "Die dritte Fabrik und der erste Standort.", [("dritte", 3, "o"), ("erste", 1, "o")]),
    ("de", "Ein Plus von 3,5 Prozent.", [("3,5", 3.5, "p")]),
    ("de", "Am 14. Dezember 2021 um 10 Uhr.", [("2021", 2021, "y")]),
    ("de", "Termin am 28.12.2017 im Werk.", [("2017", 2017, "y")]),
    ("de", "Zwei Drittel der Produktion.", []),
    ("de", "Zwischen 3 und 5 Milliarden Euro.", [("3", 3e9, ""), ("5 Milliarden", 5e9, "")]),
    # --- Chinese: digits with scale characters
    ("zh", "全市产值达2.5万亿元。", [("2.5万亿", 2.5e12, "")]),
    ("zh", "出口额1.2亿美元。", [("1.2亿", 1.2e8, "")]),
    ("zh", "从业人员3万人。", [("3万", 30000, "")]),
    ("zh", "从业人员4万多人。", [("4万多", 40000, "+")]),
    ("zh", "带动就业20余万人。", [("20余万", 200000, "+")]),
    ("zh", "现有企业3000多家。", [("3000多", 3000, "+")]),
    ("zh", "年销售额突破百万元。", [("百万", 1e6, "")]),
    ("zh", "投资千万元建设园区。", [("千万", 1e7, "")]),
    ("zh", "总投资十亿元。", [("十亿", 1e9, "")]),
    ("zh", "年产3千万件。", [("3千万", 3e7, "")]),
    ("zh", "产量1万2千吨。", [("1万2千", 12000, "")]),
    ("zh", "营收1亿2000万元。", [("1亿2000万", 1.2e8, "")]),
    ("zh", "交易额达¥20亿元。", [("20亿", 2e9, "")]),
    ("zh", "产值1,250万元。", [("1,250万", 1.25e7, "")]),
    ("zh", "销售额１２．５亿元，企业１，２５０家。", [("１２．５亿", 1.25e9, ""), ("１，２５０", 1250, "")]),
    ("zh", "出口额3-5亿美元。", [("3", 3e8, ""), ("5亿", 5e8, "")]),
    ("zh", "有9至10万名工人。", [("9", 9e4, ""), ("10万", 1e5, "")]),
    ("zh", "產值達12億元，從業人員3萬餘人。", [("12億", 1.2e9, ""), ("3萬餘", 30000, "+")]),
    # --- Chinese: numerals in characters
    ("zh", "三千家企业聚集于此。", [("三千", 3000, "")]),
    ("zh", "两万人从事这一行业。", [("两万", 20000, "")]),
    ("zh", "共有一百二十家工厂。", [("一百二十", 120, "")]),
    ("zh", "建成十二个园区。", [("十二", 12, "")]),
    ("zh", "年销售两亿元。", [("两亿", 2e8, "")]),
    ("zh", "产品销往五十多个国家。", [("五十多", 50, "+")]),
    ("zh", "出口额三点五亿美元。", [("三点五亿", 3.5e8, "")]),
    ("zh", "工人一万二千名。", [("一万二千", 12000, "")]),
    ("zh", "工人一万二。", [("一万二", 12000, "")]),
    ("zh", "带动十几万人就业。", [("十几万", 100000, "+")]),
    ("zh", "三家企业入选。", [("三", 3, "")]),
    ("zh", "近万家企业，上万名工人。", [("万", 1e4, ""), ("万", 1e4, "")]),
    ("zh", "一带一路，四川五金，两岸三地。", []),
    ("zh", "十分重要，万一出错，十四五规划。", []),
    ("zh", "数十万人和几百家企业。", []),
    ("zh", "三分之一的产品出口。", []),
    ("zh", "增长百分之十二。", [("十二", 12, "p")]),
    ("zh", "增长12.5%，提高3.5个百分点。", [("12.5", 12.5, "p"), ("3.5", 3.5, "p")]),
    ("zh", "位居全国第一，全省第四。", [("第一", 1, "o"), ("第四", 4, "o")]),
    ("zh", "排名第2位。", [("第2", 2, "o")]),
    ("zh", "2021年产值增长。", [("2021", 2021, "y")]),
    ("zh", "二〇二一年产值增长。", [("二〇二一", 2021, "y")]),
    ("zh", "2021年12月14日发布。", [("2021", 2021, "y")]),
    ("zh", "1-9月出口增长，三季度回落，第一季度平稳。", []),
    ("zh", "现有2000家企业。", [("2000", 2000, "")]),  # a count: followed by a measure word
    ("zh", "现有2000多家企业。", [("2000多", 2000, "+")]),
    ("zh", "产值达到12", [("12", 12, "t")]),
    ("zh", "营收達5.", [("5", 5, "t")]),
    # --- more phrasings seen in cluster reports
    ("en", "A 4K screen, 3B shares, a $5K bonus, 10kg bags.", [("5K", 5e3, ""), ("10", 10, "")]),
    ("en", "Call 0917-1234567 or +86 29 8888 1234 for the 300 stalls.", [("300", 300, "")]),
    ("en", "Sales in 2019-20 and in 2019/20 rose.", [("2019", 2019, "y"), ("2019", 2019, "y")]),
    ("en", "Nine-tenths of the firms are family-run.", []),
    ("en", "Output rose from 1.8 billion yuan in 2015 to 4.1 billion yuan.",
     [("1.8 billion", 1.8e9, ""), ("2015", 2015, "y"), ("4.1 billion", 4.1e9, "")]),
    ("en", "It ranks third in the country and first in the province.",
     [("third", 3, "o"), ("first", 1, "o")]),
    ("en", "Nearly 70 per cent of the world's pearls, from 1,600 farms.",
     [("70", 70, "p"), ("1,600", 1600, "")]),
    ("it", "Il 60% delle vendite, l'80 per cento dei marchi.", [("60", 60, "p"), ("80", 80, "p")]),
    ("it", "Ci lavorano 5 mila persone in 1.500 imprese.", [("5 mila", 5000, ""), ("1.500", 1500, "")]),
    ("it", "Il primo distretto, la quarta provincia, i primi mesi.",
     [("primo", 1, "o"), ("quarta", 4, "o"), ("primi", 1, "o")]),
    ("it", "Il 3° produttore europeo.", [("3", 3, "o")]),
    ("it", "Prima della crisi lavorava per conto terzi; è al terzo posto.", [("terzo", 3, "o")]),
    ("it", "Il distretto è n. 1 in Europa.", [("1", 1, "o")]),
    ("es", "Dijo que no. 3 empresas cerraron.", [("3", 3, "")]),
    ("en", "Five third-party sellers and 5 third-party sellers.", [("Five", 5, ""), ("5", 5, "")]),
    ("en", "One fifth of sales and two fifths of firms.", []),
    ("es", "Exportó 1.200 millones de dólares, un 15% más.",
     [("1.200 millones", 1.2e9, ""), ("15", 15, "p")]),
    ("es", "El tercer exportador y la primera feria.", [("tercer", 3, "o"), ("primera", 1, "o")]),
    ("fr", "Plus de 20 000 emplois et 35 % des exportations.", [("20 000", 20000, ""), ("35", 35, "p")]),
    ("fr", "La quatrième région, la 3ème ville, la 1re place.",
     [("quatrième", 4, "o"), ("3", 3, "o"), ("1", 1, "o")]),
    ("fr", "La seconde usine ouvre dans une seconde.", [("seconde", 2, "o")]),
    ("de", "Die zweite Halle, im vierten Quartal, die fünften Werke.",
     [("zweite", 2, "o"), ("vierten", 4, "o"), ("fünften", 5, "o")]),
    ("de", "Rund 1.200 Unternehmen und drei Millionen Paar Schuhe.",
     [("1.200", 1200, ""), ("drei Millionen", 3e6, "")]),
    ("zh", "全镇有灯饰企业一万多家，年产值超百亿元。", [("一万多", 10000, "+"), ("百亿", 1e10, "")]),
    ("zh", "产品销往100多个国家，从业人员10万余人。", [("100多", 100, "+"), ("10万余", 100000, "+")]),
    ("zh", "第三届展会于10月15日开幕，前三季度产值增长。", [("第三", 3, "o")]),
    ("zh", "约占全国的三成，零售额达5亿元，零部件和百货。", [("5亿", 5e8, "")]),
    ("zh", "虎門鎮年產值近千億元，企業兩千餘家。", [("千億", 1e11, ""), ("兩千餘", 2000, "+")]),
    ("zh", "2022年1-10月出口额12.3亿元，增长25.6%。",
     [("2022", 2022, "y"), ("12.3亿", 1.23e9, ""), ("25.6", 25.6, "p")]),
    ("zh", "营收2千亿元，投资1000万元。", [("2千亿", 2e11, ""), ("1000万", 1e7, "")]),
    # --- no language given: English conventions
    (None, "Exports of 1,250 units worth $3.2 billion.", [("1,250", 1250, ""), ("3.2 billion", 3.2e9, "")]),
]


def _flags(m: NumberMention) -> str:
    return "".join(flag for flag, on in (("y", m.is_year), ("o", m.is_ordinal), ("p", m.is_percent),
                                          ("t", m.truncated), ("+", m.inner_qualifier == "more_than"))
                   if on)


@pytest.mark.parametrize("language, text, expected", CASES, ids=[c[1][:40] for c in CASES])
def test_find_numbers(language, text, expected):
    mentions = find_numbers(text, language)
    got = [(m.text, sorted(_flags(m))) for m in mentions]
    assert got == [(t, sorted(flags)) for t, _, flags in expected], [(m.text, m.value) for m in mentions]
    for m, (_, value, _) in zip(mentions, expected):
        assert math.isclose(m.value, value, rel_tol=1e-9), (m.text, m.value, value)


@pytest.mark.parametrize("language, text, expected", CASES, ids=[c[1][:40] for c in CASES])
def test_spans_match_text(language, text, expected):
    for m in find_numbers(text, language):
        assert text[m.start:m.end] == m.text
        assert m.start < m.end


def test_mention_defaults_and_order():
    mentions = find_numbers("In 2020 it had 30 firms; in 2021, 45 firms.", "en")
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert [m.value for m in mentions] == [2020, 30, 2021, 45]
    assert mentions[1].inner_qualifier is None and not mentions[1].is_percent


def test_empty_and_numberless_text():
    assert find_numbers("", "en") == []
    assert find_numbers("No figures here at all.", "en") == []
    assert find_numbers("没有数字。", "zh") == []


@pytest.mark.parametrize("text", ["º", "ª 5", "$", "第", "百分之", "1.", "，", "万", "No.", "-", "3/", "二〇"])
def test_odd_fragments_do_not_crash(text):
    for language in ("en", "zh", "it", "es", "fr", "de", None):
        for m in find_numbers(text, language):
            assert text[m.start:m.end] == m.text


def test_the_month_lookahead_is_built_only_from_month_names_made_of_letters():
    import re

    from clusterhouse.text.words import word_then_digit

    ahead = re.compile(word_then_digit(["dec", "dicembre", "Dezember"], "[ \u00a0]"))
    assert ahead.match("Dicembre 28") and ahead.match("Dec. 3") and not ahead.match("dicembre scorso")
    assert word_then_digit(["dec", "kanun-i evvel"], "[ \u00a0]") == ""  # a name with a hyphen or a space: no lookahead


@pytest.mark.parametrize("sentence, language", [("Sales reached 40 million on Dec. 28, 2023.", "en"),
                                                ("Sales reached 40 million on DECEMBER 28.", "en"),
                                                ("Le vendite hanno raggiunto 40 milioni il Dicembre 28.", "it")])
def test_a_day_after_its_month_is_no_figure_whatever_the_case(sentence, language):
    values = [n.value for n in find_numbers(sentence, language)]
    assert 40_000_000 in values and 28 not in values


def test_the_date_patterns_a_sentence_without_digits_skips_cannot_match_without_one():
    """A sentence with no digit is masked with the languages' own date patterns only (三季度,
    五月); the others must need a digit, whatever words stand around it."""
    from clusterhouse.extraction.numbers import _shared
    from clusterhouse.lang import all_languages

    dates = _shared().dates
    own = {id(pattern) for pattern, _ in dates.without_digits}
    skipped = [pattern for pattern, _ in dates.every if id(pattern) not in own]
    assert skipped and own <= {id(pattern) for pattern, _ in dates.every}
    words = sorted({name for lang in all_languages() for month in lang.time.months for name in month}
                   | {word for lang in all_languages() for word in (*lang.numbers.clock_words,
                                                                    *lang.numbers.day_suffixes,
                                                                    *lang.numbers.day_month_joiners,
                                                                    *lang.numbers.hour_marks)})
    text = " ".join(f"{word} {word.capitalize()}. {word.upper()}-{word}/" for word in words)
    assert not any(character.isdigit() for character in text)
    assert [pattern.pattern for pattern in skipped if pattern.search(text)] == []


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("前三季度，全县出口额达到十二亿元。", "zh", [1_200_000_000]),
        ("五月份，当地企业共接到订单三千份。", "zh", [3000]),
        ("In March, the town's forty factories hired two hundred workers.", "en", [40, 200]),
    ],
)
def test_dates_in_sentences_without_digits_are_still_masked(text, language, values):
    assert [mention.value for mention in find_numbers(text, language)] == values


@pytest.mark.parametrize("words", [
    ("million", "mila", "m", "sei", "sette", "Sechs"), ("ſieben",), ("içinde", "İki", "Kilo", "öf"), ()])
def test_words_grouped_by_first_letter_match_where_the_case_blind_alternation_does(words):
    import random
    import re

    from clusterhouse.extraction.numbers import _by_first_letter, _plain

    latin = "[A-Za-zÀ-ÖØ-öø-ɏ]"
    grouped = re.compile(f"(?=(?:{_by_first_letter(words)})){latin}")
    case_blind = re.compile(f"(?=(?i:{_plain(words, bounded=False)})){latin}")
    alphabet = "mMiIlLaAsSſeEtTcChHıİKkKöÖfFñ -1'"
    rnd = random.Random(3)
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        assert ([m.start() for m in grouped.finditer(text)]
                == [m.start() for m in case_blind.finditer(text)]), repr(text)
