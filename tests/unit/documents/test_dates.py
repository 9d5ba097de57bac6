from datetime import date

import pytest

from clusterhouse.documents.dates import (
    find_published_date,
    infer_year,
    iter_full_dates,
    mentioned_years,
    parse_metadata_date,
)

FILLER = (
    "Local officials said the industrial park keeps attracting suppliers, and that new logistics "
    "routes have shortened delivery times for customers in several provinces. "
) * 4


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-12-14", date(2021, 12, 14)),
        ("2021-12-14T23:30:00-05:00", date(2021, 12, 14)),
        ("Tue, 14 Dec 2021 09:00:00 +0100", date(2021, 12, 14)),
        ("2021/12/14", date(2021, 12, 14)),
        ("14.12.2021", date(2021, 12, 14)),
        ("20211214", date(2021, 12, 14)),
        ("2021年12月14日", date(2021, 12, 14)),
        ("March 5, 2022", date(2022, 3, 5)),
        ("not a date", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_metadata_date(value, expected):
    assert parse_metadata_date(value) == expected


def test_metadata_wins_over_text():
    text = "Published: 5 March 2022\n\nThe bicycle makers of Tianjin expanded."
    assert find_published_date(text, "en", "2022-03-07") == (date(2022, 3, 7), "metadata")


def test_unparseable_metadata_falls_back_to_text():
    text = "Published: 5 March 2022\n\nThe bicycle makers of Tianjin expanded."
    assert find_published_date(text, "en", "yesterday") == (date(2022, 3, 5), "text")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "date 2023-09-21 Sock makers in Datang look abroad\n\nDatang produces socks.",
            "en",
            date(2023, 9, 21),
        ),
        ("Zipper town keeps growing\n\n" + FILLER + "\n\nPost time: Aug-02-2020", "en", date(2020, 8, 2)),
        ("Published: 5 March 2022\n\nQiaotou makes buttons for the world.", "en", date(2022, 3, 5)),
        ("Posted on Jul 23, 2021\n\nShengze weaves silk.", "en", date(2021, 7, 23)),
        ("Updated: 2022-03-05 10:31\n\nPingxiang makes fireworks.", "en", date(2022, 3, 5)),
        ("2021年12月14日 09:30 来源：南方网\n\n佛山陶瓷企业加快转型。", "zh", date(2021, 12, 14)),
        ("发布时间：2021-12-14\n\n义乌小商品出口增长。", "zh", date(2021, 12, 14)),
        ("發布時間：2022年1月3日\n\n臺中自行車出口增長。", "zh", date(2022, 1, 3)),
        (
            "Pubblicato il 14 dicembre 2021\n\nIl distretto di Prato produce tessuti.",
            "it",
            date(2021, 12, 14),
        ),
        ("Roma, 3 novembre 2021\n\nLe imprese di Wenzhou puntano sulle scarpe.", "it", date(2021, 11, 3)),
        (
            "Publicado el 3 de mayo de 2022\n\nLas fábricas de Jinjiang fabrican zapatillas.",
            "es",
            date(2022, 5, 3),
        ),
        ("Publié le 1er juin 2022\n\nLa ville de Dehua fabrique de la porcelaine.", "fr", date(2022, 6, 1)),
        ("Veröffentlicht am 14. Dezember 2021\n\nYiwu ist ein Großmarkt.", "de", date(2021, 12, 14)),
        ("Stand: 07.04.2022\n\nFoshan baut Möbel.", "de", date(2022, 4, 7)),
        ("Xinhua | 2021-12-14\n\nShaoxing dyes textiles.", "en", date(2021, 12, 14)),
        ("Date: 12/05/2021\n\nCixi makes appliances.", "en", date(2021, 12, 5)),
        ("Datum: 12.05.2021\n\nCixi baut Haushaltsgeräte.", "de", date(2021, 5, 12)),
        ("Tongxiang sweaters\n\n" + FILLER + "\n\n23-Jul-2021", "en", date(2021, 7, 23)),
    ],
)
def test_date_markers_in_head_or_tail(text, language, expected):
    assert find_published_date(text, language) == (expected, "text")


def test_published_marker_beats_updated_marker():
    text = "Updated: 2022-03-09\nPublished: 2022-03-05\n\nNingbo makes stationery."
    assert find_published_date(text, "en")[0] == date(2022, 3, 5)


@pytest.mark.parametrize(
    "text",
    [
        "The glove factory, founded on Dec. 28, 2017, now employs many workers in the county.",
        "该公司成立于2017年12月28日，主要生产灯具。",
        "La fabbrica, aperta il 14 dicembre 2019 alla periferia della città, produce bottoni.",
        "Shoe makers\n\n" + FILLER + "The park opened on 14 May 2021 with twenty tenants. " + FILLER,
        "No date here at all, only words about furniture.",
        "",
    ],
)
def test_event_dates_in_the_body_are_not_publication_dates(text):
    assert find_published_date(text, None) == (None, None)


def test_invalid_calendar_dates_are_ignored():
    assert iter_full_dates("Published: 2021-02-30") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "(XINHUA) - PECHINO, 9 NOV - La produzione di calze nei primi tre trimestri "
                "del 2021 è salita, "
                "e quest'anno le imprese puntano sull'export."
            ),
            date(2021, 11, 9),
        ),
        (
            (
                "(ANSA) - ROMA, 2 FEB - Le vendite di bottoni di Qiaotou sono cresciute "
                "l'anno scorso, nel 2020, "
                "grazie all'e-commerce."
            ),
            date(2021, 2, 2),
        ),
        ("新华社广州12月14日电 去年（2020年），当地家具出口增长较快。", date(2021, 12, 14)),
        # the year of a full date the article states elsewhere (a photo caption, an event)
        ("PÉKIN, 15 juin (Xinhua) -- Photo prise le 9 juin 2021 dans un atelier de Qianjiang.", date(2021, 6, 15)),
        ("Dernière mise à jour à 16h00 le 15/06\n\nLe 9 juin 2021, à Qianjiang, on décortique.", date(2021, 6, 15)),
    ],
)
def test_dateline_year_is_inferred_from_the_text(text, expected):
    assert find_published_date(text, None) == (expected, "text")


@pytest.mark.parametrize(
    "text",
    [
        # a year named alone, or with part of itself, may be last year's news: no year is invented
        "BEIJING, Dec. 14 (Xinhua) -- Textile exports from Keqiao rose in the first 11 months of 2021.",
        "中新网泉州3月2日电 2021年1-11月，当地鞋服产业产值继续增长，2020年受疫情影响。",
        "PEKÍN, 3 mar (EFE).- Las exportaciones de juguetes crecieron en 2022.",
        "PÉKIN, 5 avr (AFP) - Les ventes de lampes ont progressé en 2021 selon la mairie.",
        "Peking, 14. Dezember (dpa) - Die Möbelindustrie wuchs im Jahr 2021 deutlich.",
        "GUANGZHOU, Jan. 5 (Xinhua) -- The plan aims to double output by 2025; in 2021 output grew.",
    ],
)
def test_a_dateline_whose_year_the_text_does_not_state_has_none(text):
    assert find_published_date(text, None) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "BEIJING, Dec. 14 (Xinhua) -- Textile exports from Keqiao rose sharply this year.",
        "(ANSA) - ROMA, 14 DIC - Il distretto cresce e le imprese assumono.",
        "新华社广州12月14日电 当地家具出口增长较快。",
    ],
)
def test_dateline_without_any_year_gives_none(text):
    assert find_published_date(text, None) == (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales rose in 2020 and again in 2021.", None),
        ("Sales rose from January to September 2021.", None),
        ("From January to September 2021 sales rose, and this year exports rose too.", 2021),
        ("The fair opened on 3 March 2023.", 2023),
        ("Le vendite sono cresciute l'anno scorso, nel 2020.", 2021),
        ("This year, 2022, the fair moved online; by 2025 the town wants to double sales.", 2022),
        ("今年（2022年）以来，出口继续增长。", 2022),
        ("去年（2021年）全镇产值增长。", 2022),
        ("The target is to reach 50 billion yuan by 2025.", None),
        ("The town has 2000 workshops and 2021 was not mentioned as a year.", None),
        ("No years here.", None),
    ],
)
def test_infer_year(text, expected):
    assert infer_year(text) == expected


def test_mentioned_years_skip_counts_and_targets():
    assert mentioned_years("About 2000 firms; output in 2019 rose; 到2025年产值翻番") == [2019]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le vendite sono cresciute l’anno scorso, nel 2020.", 2021),
        ("Quest’anno (2022) la fiera torna in presenza.", 2022),
        ("This year sales rose compared with 2019.", None),
        ("Output in 2021 rose compared with last year.", None),
    ],
)
def test_relative_years_only_link_to_a_year_beside_them(text, expected):
    assert infer_year(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an agency dateline with a time of day; the year is never guessed from a reported year
        ("Roma, 27 apr 11:20 - (Agenzia Nova) - Nel 2020 il distretto ha prodotto scarpe per 9 miliardi.", None),
        # a city with its country in brackets
        ("Wenzhou (China), 2 jun (EFE).- Las ventas sumaron 3.000 millones de yuanes en 2022.", None),
        ("Wenzhou (China), 2 jun (EFE).- Este año (2023) las ventas crecieron.", date(2023, 6, 2)),
        # "this year" spoken of without a year beside it says nothing of which year
        ("HANGZHOU, 2 dic (Xinhua) -- En 2018 facturó 5.000 millones; de enero a octubre de este año, más.", None),
        # a forecast year is not the present, even with a grouped number before it
        ("NANNING, 8 nov (Xinhua) -- La ville prévoit que la production atteindra 40.000 millions en 2025. "
         "De janvier à septembre 2023, elle a atteint 21,6 milliards.", None),
        ("NANNING, 8 nov (Xinhua) -- La ville prévoit que la production atteindra 40.000 millions en 2025. "
         "De janvier à septembre 2023, elle a atteint 21,6 milliards, et cette année l'export a doublé.",
         date(2023, 11, 8)),
    ],
)
def test_dateline_years_from_how_the_text_speaks_of_years(text, expected):
    assert find_published_date(text, None)[0] == expected


def test_a_published_label_with_a_time_of_day_before_the_date():
    text = "Furniture town looks to the Gulf\n\nPublished: 6:00am, 14 Jun 2023\n\nLecong is a town in Foshan."
    assert find_published_date(text, "en") == (date(2023, 6, 14), "text")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a wire service's slug between the dateline's date and its dash
        ("PÉKIN, 2 juillet 2022 /PRNewswire/ -- Mercredi, un indice a été dévoilé.", "fr", date(2022, 7, 2)),
        ("BEIJING, March 18, 2024 /Xinhua/ -- The town makes lamps.", "en", date(2024, 3, 18)),
        # spaced day. month. year on a site's header line
        ("| spanish.china.org.cn | 10. 09. 2025 | Editor: Teresa Zheng |\nLas nuevas especialidades", "es",
         date(2025, 9, 10)),
        # numerals written with characters, and full-width digits
        ("发布时间：二〇二三年三月五日\n\n当地袜业产值增长。", "zh", date(2023, 3, 5)),
        ("２０２３年３月５日 来源：新华社\n\n当地袜业产值增长。", "zh", date(2023, 3, 5)),
        # the outlet glued to the date: the patterns decline, dateparser (strict) reads the line
        ("Un distretto in crescita\n(Il Giornale)martedì 4 marzo 2025\nNel distretto di Zhili si cuce.", "it",
         date(2025, 3, 4)),
        ("Post time: Jul-23-2021\n\nThe town makes socks.", "en", date(2021, 7, 23)),
    ],
)
def test_dates_as_outlets_print_them(text, language, expected):
    assert find_published_date(text, language) == (expected, "text")


def test_the_library_fallback_reads_stamps_not_sentences():
    sentence = "Un distretto in crescita\nLa fabbrica aprì il 4 marzo 2025 in periferia.\nPoi crebbe."
    assert find_published_date(sentence, "it") == (None, None)


def test_the_library_fallback_is_asked_only_of_lines_with_a_day_and_a_year_in_digits(monkeypatch):
    import dateparser.search

    asked = []
    real = dateparser.search.search_dates
    monkeypatch.setattr(dateparser.search, "search_dates", lambda line, **kw: asked.append(line) or real(line, **kw))
    text = ("Un distretto in crescita\nDi Maria Rossi\n(La Gazzetta)giovedì 6 marzo 25\n"
            "Nel distretto di Zhili si cuce.")
    assert find_published_date(text, "it") == (date(2025, 3, 6), "text")
    assert asked == ["(La Gazzetta)giovedì 6 marzo 25"]  # the headline and the byline hold no date


@pytest.mark.parametrize("text, language, expected", [
    ("Crece la juguetería\nLa Voz — 2019-07-25\nLa ciudad fabrica juguetes.", "es", date(2019, 7, 25)),
    ("Lampade in crescita\nIl Quotidiano — 21 ottobre 2024\nIl distretto produce lampade.", "it", date(2024, 10, 21)),
    ("Sock town grows\nThe Daily | 03/04/2023 | By A. Writer\nThe town makes socks.", "en", date(2023, 3, 4)),
])
def test_a_stamp_line_our_patterns_read_needs_no_library(text, language, expected, monkeypatch):
    import dateparser.search

    asked = []
    monkeypatch.setattr(dateparser.search, "search_dates", lambda line, **kw: asked.append(line))
    assert find_published_date(text, language) == (expected, "text")
    assert asked == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Updated Dec. 14, 2021 at 9:00", date(2021, 12, 14)),
        ("posted on SEPTEMBER 5, 2020 by the editors", date(2020, 9, 5)),
        ("(July 23 2021)", date(2021, 7, 23)),
        ("ref 7Jul-23-2021", date(2021, 7, 23)),  # a digit before the month name is no letter
        ("publicado el 3 de marzo de 2024; Feb 29, 2024", date(2024, 3, 3)),
        ("il 12 settembre 2019", date(2019, 9, 12)),
    ],
)
def test_a_month_name_before_its_day_is_found_where_it_stands(text, expected):
    assert iter_full_dates(text)[0][2] == expected


def test_the_month_name_lookahead_needs_names_of_letters_only():
    from clusterhouse.text.words import word_then_digit

    assert word_then_digit(["may", "june", "september"], r"[\s\-]*") == r"(?=[^\W\d_]{3,9}\.?[\s\-]*\d)"
    assert word_then_digit(["sept.", "may"], r"[\s\-]*") == ""
    assert word_then_digit([], r"[\s\-]*") == ""
