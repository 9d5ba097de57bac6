from pathlib import Path

import pytest

from clusterhouse.documents import language
from clusterhouse.documents.language import SUPPORTED_LANGUAGES, detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lamp makers export more.", "en"),
        ("灯饰企业出口增长", "zh"),
        ("燈飾企業出口增長", "zh"),
        ("Le fabbriche di bottoni crescono.", "it"),
        ("Las fábricas de calcetines crecen.", "es"),
        ("Les usines de chaussures embauchent.", "fr"),
        ("Die Möbelfabriken wachsen weiter.", "de"),
    ],
)
def test_short_texts(text, expected):
    assert detect_language(text) == expected


LONG_TEXTS = {
    "en": (
        "Datang, a town in Zhejiang province, is known across China for its socks. Thousands of "
        "small family workshops knit, dye and pack them, and traders ship the goods to buyers in "
        "dozens of countries. Local officials say the town is investing in automated machines."
    ),
    "zh": (
        "大唐镇位于浙江省诸暨市，是全国闻名的袜业生产基地。当地数千家家庭作坊从事织袜、"
        "染色和包装，产品销往几十个国家和地区。近年来，当地政府大力推动自动化织袜设备的应用。"
    ),
    "zh-Hant": (
        "臺中市是全球重要的自行車生產基地，聚集了上千家零組件企業。近年來，當地業者"
        "積極研發電動自行車，產品大量銷往歐洲與美國市場，帶動整體產業升級。"
    ),
    "it": (
        "Datang, una cittadina della provincia dello Zhejiang, è famosa in tutta la Cina per "
        "le sue calze. Migliaia di piccoli laboratori familiari producono e tingono i prodotti, "
        "che vengono venduti all'estero."
    ),
    "es": (
        "Datang, una localidad de la provincia de Zhejiang, es famosa en toda China por sus "
        "calcetines. Miles de pequeños talleres familiares tejen y tiñen los productos, que se "
        "venden en el extranjero."
    ),
    "fr": (
        "Datang, une petite ville de la province du Zhejiang, est célèbre dans toute la Chine "
        "pour ses chaussettes. Des milliers d'ateliers familiaux les tricotent et les teignent "
        "avant de les exporter."
    ),
    "de": (
        "Datang, eine Kleinstadt in der Provinz Zhejiang, ist in ganz China für ihre Socken "
        "bekannt. Tausende kleine Familienbetriebe stricken und färben die Ware, die ins Ausland "
        "verkauft wird."
    ),
}


@pytest.mark.parametrize("variant", sorted(LONG_TEXTS))
def test_long_texts(variant):
    assert detect_language(LONG_TEXTS[variant]) == variant.split("-")[0]


def test_chinese_with_an_english_byline_is_chinese():
    text = (
        "By Li Ming, China Daily | Updated: 2022-05-03\n\n"
        "古镇灯饰企业积极开拓海外市场，产品销往一百多个国家和地区，LED照明产品订单增长明显。"
    )
    assert detect_language(text) == "zh"


@pytest.mark.parametrize("text", ["", None, "12345 678", "  \n ", "—— !!"])
def test_no_letters_no_language(text):
    assert detect_language(text) is None


def test_detector_is_built_once():
    assert language._get_detector() is language._get_detector()


def test_short_samples_get_the_high_accuracy_detector():
    short, long = "a" * (language.LOW_ACCURACY_FROM_CHARS - 1), "a" * language.LOW_ACCURACY_FROM_CHARS
    assert language._get_detector(short) is not language._get_detector(long)
    assert language._get_detector(long) is language._get_detector("b" * 3000)
    assert language.WINDOW_CHARS >= language.LOW_ACCURACY_FROM_CHARS  # windows read fast


def test_codes_are_iso_639_1():
    assert all(len(code) == 2 for code in SUPPORTED_LANGUAGES)
    assert {"en", "zh", "it", "es", "fr", "de"} <= set(SUPPORTED_LANGUAGES)


ITALIAN_PARAGRAPHS = [
    "Nel distretto di Anxi, nella provincia del Fujian, migliaia di artigiani intrecciano il rattan "
    "e saldano il ferro per produrre mobili da giardino che finiscono nei negozi di mezza Europa.",
    "Le imprese della zona hanno investito negli ultimi anni in nuove linee di verniciatura e in "
    "magazzini più grandi, mentre le vendite online sono cresciute più in fretta di quelle nei negozi.",
    "Secondo l'associazione locale dei produttori, la maggior parte delle aziende resta a conduzione "
    "familiare e impiega meno di cinquanta persone, spesso parenti e vicini del villaggio.",
    "Gli acquirenti stranieri chiedono però certificazioni ambientali sempre più severe, e molte "
    "fabbriche stanno cambiando fornitori di legno e di vernici per non perdere gli ordini.",
    "Il governo della contea ha promesso sgravi fiscali a chi sposta la produzione nel nuovo parco "
    "industriale, dove le strade sono più larghe e i camion arrivano fino ai porti della costa.",
]
ENGLISH_QUOTE = (
    "\"We used to sell almost everything through trading companies in Xiamen, but now our buyers in "
    "Germany and the Netherlands place their orders with us directly and ask for smaller batches with "
    "new colours every season,\" the manager of one workshop told the visiting delegation."
)


def test_a_long_article_is_its_language_whatever_part_is_read_first():
    text = "\n\n".join(ITALIAN_PARAGRAPHS)
    assert len(text) > 800
    assert detect_language(text) == "it"


@pytest.mark.parametrize("at", [1, 2, 3])
def test_a_long_quote_in_another_language_does_not_decide_the_article(at):
    """Parts of a long text may be read first; a passage in another language where one of them
    falls must not decide what the whole sample says."""
    paragraphs = ITALIAN_PARAGRAPHS[:at] + [ENGLISH_QUOTE] + ITALIAN_PARAGRAPHS[at:]
    assert detect_language("\n\n".join(paragraphs)) == "it"


def test_portuguese_and_spanish_long_articles_are_told_apart():
    portuguese = (
        "O distrito de Liulin tornou-se nos últimos anos um dos principais centros de produção de "
        "circuitos integrados do interior da China. As fábricas instaladas no parque industrial "
        "empregam sobretudo jovens técnicos formados nas escolas profissionais da região, e muitas "
        "delas trabalham por encomenda para empresas de eletrónica da costa. As autoridades locais "
        "afirmam que o número de empresas duplicou desde a abertura do parque, e que as exportações "
        "seguem agora para o Sudeste Asiático e para a Europa. Os empresários queixam-se, contudo, "
        "da falta de engenheiros experientes e do preço elevado da energia durante o verão. "
        "Para atrair mais investimento, a administração do distrito prometeu novos dormitórios, "
        "uma linha de autocarro até à estação e apoio às empresas que contratem licenciados da "
        "própria região."
    )
    spanish = (
        "El distrito de Liulin se ha convertido en los últimos años en uno de los principales centros "
        "de producción de circuitos integrados del interior de China. Las fábricas instaladas en el "
        "parque industrial emplean sobre todo a jóvenes técnicos formados en las escuelas "
        "profesionales de la región, y muchas de ellas trabajan por encargo para empresas de "
        "electrónica de la costa. Las autoridades locales afirman que el número de empresas se ha "
        "duplicado desde la apertura del parque, y que las exportaciones van ahora al Sudeste "
        "Asiático y a Europa. Los empresarios se quejan, sin embargo, de la falta de ingenieros con "
        "experiencia y del alto precio de la energía durante el verano, cuando las fábricas "
        "funcionan día y noche. Para atraer más inversión, la administración del distrito ha "
        "prometido nuevas residencias, una línea de autobús hasta la estación y ayudas a las "
        "empresas que contraten a titulados de la región."
    )
    assert len(portuguese) > 800 and len(spanish) > 800
    assert detect_language(portuguese) == "pt"
    assert detect_language(spanish) == "es"


def _lingua(text: str) -> str | None:
    """What lingua alone says of a sample (the path before common words were counted)."""
    sample = text[:language.SAMPLE_CHARS]
    found = language._window_language(sample) or language._get_detector(sample).detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found else None


COMMON_WORD_PARAGRAPHS = {
    "en": ("The county has been known for its brushes since the 1980s, when the first workshops opened "
           "in the villages along the river. Today most of them are run by the children of their founders, "
           "who sell to wholesalers in the coastal cities and, more and more, to buyers abroad through "
           "online platforms. Officials said that the new industrial park would give the larger firms room "
           "to grow, but many owners are not sure they can afford the rent."),
    "it": ("Il distretto è noto per le sue spazzole dagli anni Ottanta, quando i primi laboratori aprirono "
           "nei villaggi lungo il fiume. Oggi la maggior parte delle aziende è guidata dai figli dei "
           "fondatori, che vendono ai grossisti delle città della costa e, sempre più spesso, agli "
           "acquirenti stranieri attraverso le piattaforme online. Secondo il comune il nuovo parco "
           "industriale darà spazio alle imprese più grandi, ma molti titolari non sono sicuri di poterne "
           "pagare l'affitto."),
    "es": ("El condado es conocido por sus cepillos desde los años ochenta, cuando los primeros talleres "
           "abrieron en los pueblos a lo largo del río. Hoy la mayoría de ellos está en manos de los hijos "
           "de sus fundadores, que venden a los mayoristas de las ciudades de la costa y, cada vez más, a "
           "compradores del extranjero a través de plataformas en línea. Según las autoridades, el nuevo "
           "parque industrial dará espacio a las empresas más grandes, pero muchos dueños no saben si "
           "podrán pagar el alquiler."),
    "fr": ("Le district est connu pour ses brosses depuis les années 1980, quand les premiers ateliers ont "
           "ouvert dans les villages le long du fleuve. Aujourd'hui la plupart sont dirigés par les enfants "
           "de leurs fondateurs, qui vendent aux grossistes des villes de la côte et, de plus en plus, à des "
           "acheteurs étrangers sur des plateformes en ligne. Selon les autorités, le nouveau parc "
           "industriel donnera de la place aux plus grandes entreprises, mais beaucoup de patrons ne sont "
           "pas sûrs de pouvoir payer le loyer."),
    "de": ("Der Kreis ist seit den achtziger Jahren für seine Bürsten bekannt, als die ersten Werkstätten in "
           "den Dörfern am Fluss öffneten. Heute werden die meisten von den Kindern ihrer Gründer geführt, "
           "die an Großhändler in den Küstenstädten und immer mehr auch über Plattformen im Internet an "
           "Käufer im Ausland verkaufen. Nach Angaben der Behörden soll der neue Industriepark den größeren "
           "Firmen Platz bieten, aber viele Inhaber wissen nicht, ob sie die Miete bezahlen können."),
    "pt": ("O distrito é conhecido pelas suas escovas desde os anos oitenta, quando as primeiras oficinas "
           "abriram nas aldeias ao longo do rio. Hoje a maioria delas é dirigida pelos filhos dos seus "
           "fundadores, que vendem aos grossistas das cidades da costa e, cada vez mais, a compradores "
           "estrangeiros através de plataformas na internet. Segundo as autoridades, o novo parque "
           "industrial vai dar espaço às empresas maiores, mas muitos donos não sabem se vão conseguir "
           "pagar a renda."),
}


@pytest.mark.parametrize("code", sorted(COMMON_WORD_PARAGRAPHS))
def test_running_text_is_told_by_its_common_words_as_lingua_tells_it(code):
    text = COMMON_WORD_PARAGRAPHS[code]
    assert language._common_words_language(text) == code
    assert _lingua(text) == code
    assert detect_language(text) == code


# Dutch and Indonesian have no folder: they share a few short words with ours ("die", "is", "di"),
# never enough to be read as one of them
DUTCH = ("De gemeente ligt in het zuiden van de provincie en is bekend om haar meubelindustrie. Volgens de "
         "lokale overheid werken er meer dan tienduizend mensen in de sector, die vooral voor de export "
         "produceert. Het afgelopen jaar stegen de verkopen met twaalf procent, maar de bedrijven maken zich "
         "zorgen over de kosten van grondstoffen. Als de handel met de Verenigde Staten verder afneemt, zullen "
         "veel kleine werkplaatsen moeten sluiten, zegt een woordvoerder van de vereniging.")
INDONESIAN = ("Kota ini terletak di bagian selatan provinsi dan terkenal dengan industri mebelnya. Menurut "
              "pemerintah daerah, lebih dari sepuluh ribu orang bekerja di sektor ini, yang sebagian besar "
              "memproduksi untuk ekspor. Tahun lalu penjualan naik dua belas persen, tetapi perusahaan khawatir "
              "tentang biaya bahan baku di pasar dunia.")


@pytest.mark.parametrize("text", [DUTCH, INDONESIAN, "The county exports brushes."])
def test_other_languages_and_short_texts_are_left_to_lingua(text):
    assert language._common_words_language(text) is None


def test_dutch_is_still_dutch():
    assert detect_language(DUTCH) == "nl"


def test_a_word_two_languages_list_tells_neither():
    owners = language._common_word_owners()
    for shared in ("de", "la", "a", "en", "e", "que"):
        assert shared not in owners
    assert owners["the"] == "en" and owners["und"] == "de" and owners["della"] == "it"


def test_an_article_with_a_long_quote_in_another_language_is_not_read_as_the_quote():
    paragraphs = ITALIAN_PARAGRAPHS[:2] + [ENGLISH_QUOTE] + ITALIAN_PARAGRAPHS[2:]
    assert language._common_words_language("\n\n".join(paragraphs)) in (None, "it")


def test_the_test_corpus_is_told_by_common_words_as_lingua_tells_it():
    from clusterhouse.documents.build import read_file

    root = Path(__file__).resolve().parents[2] / "corpus" / "docs"
    decided = 0
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        for document in read_file(path, root)[0]:
            sample = (document.text or "")[:language.SAMPLE_CHARS]
            by_words = language._common_words_language(sample)
            if by_words and not language._script_language(sample):
                decided += 1
                assert by_words == _lingua(sample), path.name
    assert decided >= 20
