"""Phrasings real news use that our first rules missed or misread (issue 8), each in several
languages, in sentences written for these tests."""

from datetime import date

import pytest

from clusterhouse.extraction import DocumentInput, extract
from clusterhouse.extraction.figures import find_sentence_figures


def figures(sentence, language):
    return [(f.metric, f.value, f.unit, f.qualifier) for f in find_sentence_figures(sentence, language)
            if not f.is_company and not f.is_restatement]


def metrics(sentence, language):
    return [(f[0], f[1]) for f in figures(sentence, language)]


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("Last year the county's workshops turned out 45 million lighters.", "en", [("output_volume", 45e6)]),
    ("Factories here churn out roughly 12 million bicycle helmets.", "en", [("output_volume", 12e6)]),
    ("Le aziende del distretto hanno prodotto 60 milioni di bottoni.", "it", [("output_volume", 60e6)]),
    ("Sus talleres fabricaron 5 millones de guitarras en 2023.", "es", [("output_volume", 5e6)]),
    ("La ville a fabriqué 20 millions de parapluies l'an dernier.", "fr", [("output_volume", 20e6)]),
    ("Die Betriebe produzieren 3 Millionen Regenschirme.", "de", [("output_volume", 3e6)]),
    # measures, kinds of product and shares are no pieces
    ("The county produced 3 million tonnes of apples.", "en", []),
    ("The factories produced 200 new designs last year.", "en", []),
    ("Il distretto ha prodotto 300 nuovi modelli.", "it", []),
])
def test_a_production_verb_before_a_count_of_things_is_a_volume(sentence, language, expected):
    assert metrics(sentence, language) == expected


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("The makers turn out buttons by the ton, with annual sales exceeding 4 billion yuan.", "en",
     [("sales_value", 4e9, "CNY", "more_than")]),
    ("Together the companies bring in an annual revenue of over 1 billion yuan.", "en",
     [("sales_value", 1e9, "CNY", "more_than")]),
    ("Il distretto ha un fatturato di oltre 2 miliardi di euro.", "it", [("sales_value", 2e9, "EUR", "more_than")]),
    # a threshold names firms before it
    ("The county counts many firms with annual sales of over 20 million yuan.", "en", []),
    ("Nel distretto ci sono molte aziende con un fatturato superiore a 10 milioni di euro.", "it", []),
])
def test_a_total_is_no_threshold_unless_firms_are_counted_by_it(sentence, language, expected):
    assert figures(sentence, language) == expected


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("Some 12,000 of the county's 90,000 residents work in the carpet industry.", "en", [("employees", 12000)]),
    ("Circa 9.000 dei 40.000 abitanti del borgo lavorano nel settore del mobile.", "it", [("employees", 9000)]),
    ("Unos 7.000 de los 30.000 vecinos del pueblo trabajan en los talleres de cerámica.", "es", [("employees", 7000)]),
])
def test_the_part_that_works_is_counted_not_the_whole_population(sentence, language, expected):
    assert metrics(sentence, language) == expected


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("About 30,000 villagers take part in growing and processing the tea.", "en", [("employees", 30000)]),
    ("Nella filiera sono coinvolte oltre 15mila persone.", "it", [("employees", 15000)]),
    ("Los invernaderos dan empleo a 25.000 vecinos de la comarca.", "es", [("employees", 25000)]),
    ("Die Branche beschäftigt direkt oder indirekt 40.000 Menschen.", "de", [("employees", 40000)]),
])
def test_people_who_take_part_or_are_given_work_are_employees(sentence, language, expected):
    assert metrics(sentence, language) == expected


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("Its lanterns are sold in more than 60 markets worldwide.", "en", [("export_markets", 60)]),
    ("Ausgeführt werden die Trommeln in mehr als 25 Länder.", "de", [("export_markets", 25)]),
    ("Die Schirme werden in 40 Länder ausgeliefert.", "de", [("export_markets", 40)]),
])
def test_markets_abroad_in_more_wordings(sentence, language, expected):
    assert metrics(sentence, language) == expected


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("Die Region erzielt einen Jahresumsatz von 2 Milliarden Euro.", "de", [("sales_value", 2e9)]),
    ("I produttori hanno realizzato un incasso complessivo di 300 milioni di yuan.", "it", [("sales_value", 300e6)]),
    ("The shoe industry generated about 35 billion yuan last year.", "en", [("output_value", 35e9)]),
    ("In 2019 the city turned out some 200 million umbrellas worth 6 billion yuan.", "en",
     [("output_volume", 200e6), ("output_value", 6e9)]),
    ("Geerntet wurden 80.000 Tonnen Äpfel mit einem Wert von 300 Millionen Yuan.", "de", [("output_value", 300e6)]),
    ("Se cosecharon 50.000 toneladas de ajo por un valor de 900 millones de yuanes.", "es", [("output_value", 900e6)]),
])
def test_sales_and_output_in_more_wordings(sentence, language, expected):
    assert metrics(sentence, language) == expected


@pytest.mark.parametrize(("sentence", "language"), [
    ("Five local firms drafted the national standard for the product.", "en"),
    ("Two exporters shipped the first containers in 2019.", "en"),
    ("Otto aziende hanno firmato il disciplinare di produzione.", "it"),
    ("其中3家企业参与制定了国家标准。", "zh"),
    ("The mill runs more than 50,000 cashmere carding machines.", "en"),
    ("各类生产设备7.2万余台(套)。", "zh"),
    ("这“五金制造”四个字早已刻进了当地人的记忆。", "zh"),
])
def test_a_few_actors_machines_and_small_things_are_no_cluster_figures(sentence, language):
    assert figures(sentence, language) == []


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("The county has the third-largest bicycle production capacity in the country.", "en", [("rank", 3)]),
    ("Il distretto è il terzo produttore nazionale di bottoni.", "it", [("rank", 3)]),
    ("Es el segundo productor de ajo del país.", "es", [("rank", 2)]),
    ("这里是中国最大的毛笔生产基地。", "zh", [("rank", 1)]),
    ("当地毛笔产业规模居全国第二。", "zh", [("rank", 2)]),
])
def test_national_ranks_in_more_wordings(sentence, language, expected):
    assert metrics(sentence, language) == expected


def doc_figures(text, language, published=date(2023, 6, 1)):
    result = extract(DocumentInput("doc", text, language, published, None))
    return [(f["metric"], f["value"], f["unit"], f["year"], f["period"]) for f in result.figures
            if f["subject"] == "cluster" and not f["is_restatement"]]


def test_a_stock_stated_in_the_present_is_the_publication_years_even_beside_a_dated_flow():
    text = ("Anxi furniture\n\nAnxi county in Fujian makes rattan furniture. "
            "In 2021 its furniture output value reached 20 billion yuan, and today the county is home to "
            "1,200 furniture firms.")
    found = doc_figures(text, "en")
    assert ("output_value", 20e9, "CNY", 2021, "FY") in found
    assert ("enterprises", 1200, "firms", 2023, "as_of") in found


def test_the_base_of_a_comparison_is_not_the_year_of_the_figure():
    text = ("Haimen textiles\n\nHaimen in Jiangsu makes home textiles. In the first quarter, taxable sales of "
            "the sector rose 9.3 percent year on year to 2.39 billion yuan.")
    found = doc_figures(text, "en", published=date(2020, 4, 24))
    assert ("sales_value", 2.39e9, "CNY", 2020, "Q1") in found


def test_an_amount_without_its_currency_takes_the_one_just_named():
    text = ("Datang socks\n\nDatang, a town in Zhuji, makes socks. Its sock output value passed 10 billion yuan "
            "for the first time in 2022, ending the year at 10.6 billion.\n\n"
            "Sock sales reached 12 billion yuan last year. Exports made up 4 billion of that.")
    found = doc_figures(text, "en")
    assert ("output_value", 10.6e9, "CNY", 2022, "FY") in found
    assert ("export_value", 4e9, "CNY", 2022, "FY") in found


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("A grand piano needs 8,800 parts, and the town produced 50,000 pianos last year.", "en",
     [("output_volume", 50000)]),
    ("The 300 parts a guitar needs are all made in the town, which turned out 2 million guitars in 2023.", "en",
     [("output_volume", 2e6)]),
    ("一把吉他所需的300多个零件在镇上都能配齐，全镇年产吉他600万把。", "zh", [("output_volume", 6e6)]),
    ("Per un violino servono 70 componenti, e il distretto produce 400.000 violini all'anno.", "it",
     [("output_volume", 400000)]),
])
def test_the_parts_one_product_needs_are_no_volume(sentence, language, expected):
    assert metrics(sentence, language) == expected


@pytest.mark.parametrize(("text", "language"), [
    ("清溪竹笋\n\n清溪镇盛产竹笋。截至2023年底，这五大产业的综合产值已超300亿元，竹笋产业产值达到80亿元。", "zh"),
    ("Anxi tea\n\nAnxi county in Fujian grows tea. The county's three leading industries had a combined "
     "output value of 60 billion yuan in 2022, while tea alone reached 30 billion yuan.", "en"),
    ("Anxi tè\n\nLa contea di Anxi, nel Fujian, coltiva tè. Nel 2022 i tre settori principali della contea "
     "hanno prodotto un valore di 60 miliardi di yuan.", "it"),
])
def test_the_total_of_several_industries_is_no_cluster_figure(text, language):
    values = [f[1] for f in doc_figures(text, language)]
    assert 300e8 not in values and 60e9 not in values


def test_scaled_decimals_keep_the_value_the_text_wrote():
    assert metrics("半年下来全产业链产值已经达到32.45亿元。", "zh") == [("output_value", 3245000000.0)]
    assert metrics("Exports reached 4.1 billion yuan.", "en") == [("export_value", 4100000000.0)]


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("A fine marzo i calzaturifici attivi in città sono saliti da 2.761 a 3.647 in un anno.", "it", [("enterprises", 3647)]),
    ("The number of shoe factories rose from 2,761 to 3,647 last year.", "en", [("enterprises", 3647)]),
    ("Le nombre d'entreprises est passé de 300 à 1 200 en dix ans.", "fr", [("enterprises", 1200)]),
    ("Las empresas pasaron de 300 a 1.200 en una década.", "es", [("enterprises", 1200)]),
    ("Die Zahl der Unternehmen stieg von 300 auf 1.200 an.", "de", [("enterprises", 1200)]),
])
def test_a_count_that_rose_from_one_number_to_another_is_the_second(sentence, language, expected):
    assert metrics(sentence, language) == expected


def test_a_subset_carried_over_commas_ends_where_the_whole_is_named_again():
    sentence = "目前，全市共有陶瓷企业757家，其中规上企业272家，产品覆盖4000多个品种，全市陶瓷产业集群每年创造产值约740亿元。"
    assert metrics(sentence, "zh") == [("enterprises", 757), ("output_value", 740e8)]
    assert metrics("其中规上企业272家，实现产值300亿元。", "zh") == []


@pytest.mark.parametrize(("sentence", "language"), [
    ("Kunming, regarded as the heart of China's flower market, recorded a trade volume of 11.2 billion yuan.", "en"),
])
def test_a_market_in_lower_case_is_no_market_hall(sentence, language):
    assert [f.is_company for f in find_sentence_figures(sentence, language)] == [False]
    assert [f.is_company for f in find_sentence_figures(
        "The Yiwu International Trade Market had a turnover of 200 billion yuan.", "en")] == [True]


@pytest.mark.parametrize(("text", "language", "absent", "kept"), [
    ("Maozui trousers\n\nMaozui town in Hubei makes trousers. The town's industrial output value reached 3 billion "
     "yuan in 2022, and its trouser makers sold goods worth 2 billion yuan.", "en", 3e9, 2e9),
    ("毛嘴服装\n\n毛嘴镇是服装之乡。2022年，全镇工业总产值达30亿元，服装产业产值20亿元。", "zh", 30e8, 20e8),
])
def test_a_towns_whole_industrial_output_is_no_cluster_figure(text, language, absent, kept):
    values = [f[1] for f in doc_figures(text, language)]
    assert absent not in values and kept in values


@pytest.mark.parametrize(("text", "language"), [
    ("戴南不锈钢\n\n戴南镇是不锈钢之乡。该集聚区所涉及的三市七镇，不锈钢制品企业已有数千家，不锈钢制品年销售额达到150亿元。", "zh"),
    ("Dainan steel\n\nDainan town in Jiangsu makes stainless steel. Across three cities and seven towns, the "
     "stainless steel makers had sales of 15 billion yuan in 2008.", "en"),
])
def test_an_area_of_several_cities_is_wider_than_the_cluster(text, language):
    assert 15e9 not in [f[1] for f in doc_figures(text, language)]


def test_a_national_sentence_stays_national_until_it_names_a_place():
    text = ("Piastrelle\n\nFoshan, nel Guangdong, produce piastrelle. In vent'anni la produzione cinese di piastrelle "
            "è cresciuta fino a 1.868 milioni di metri quadrati, quella di stoviglie è passata a 16.470 milioni di "
            "pezzi nel 2002, mentre i sanitari sono arrivati a 60 milioni di pezzi l'anno.")
    assert doc_figures(text, "it") == []


def test_a_cue_of_the_future_after_a_figure_counts_only_in_its_clause():
    text = ("Yudu garments\n\nYudu county in Jiangxi makes garments. At present the county counts more than 2,000 "
            "garment enterprises, a total industry output value of 28 billion yuan, and output value will exceed "
            "40 billion yuan next year.")
    values = [f[1] for f in doc_figures(text, "en")]
    assert 28e9 in values and 40e9 not in values


@pytest.mark.parametrize(("text", "language", "fraction"), [
    ("Piastrelle\n\nFoshan, nel Guangdong, produce piastrelle. Nel 2022 quasi metà del fatturato (3,2 miliardi di "
     "euro) è venuta dalle piastrelle.", "it", 3.2e9),
    ("Foshan tiles\n\nFoshan in Guangdong makes tiles. In 2022 half of the turnover (3.2 billion euros) came from "
     "tiles.", "en", 3.2e9),
])
def test_a_fraction_of_a_larger_total_is_a_part(text, language, fraction):
    assert fraction not in [f[1] for f in doc_figures(text, language)]


def test_a_fraction_in_the_clause_before_is_not_the_amounts():
    text = "洛舍钢琴\n\n浙江湖州洛舍镇是钢琴之乡。产量占全国的七分之一，钢琴产业总产值已突破4.7亿元。"
    assert 4.7e8 in [f[1] for f in doc_figures(text, "zh")]


@pytest.mark.parametrize(("text", "language", "part", "whole"), [
    ("Humen garments\n\nHumen town in Guangdong makes garments. Last year its children's wear makers sold goods "
     "worth about 9.7 billion yuan ($1.6 billion), or 25 percent of Humen's total apparel sales of 38.6 billion "
     "yuan.", "en", 9.7e9, 38.6e9),
    ("虎门服装\n\n虎门镇是服装名镇。去年童装销售额97亿元，占全镇服装销售总额386亿元的25%。", "zh", 97e8, 386e8),
])
def test_a_share_of_a_total_stated_after_it_is_a_part(text, language, part, whole):
    values = [f[1] for f in doc_figures(text, language)]
    assert part not in values and whole in values and 1.6e9 not in values


def test_a_share_of_the_nations_total_is_the_clusters_figure_and_the_total_is_not():
    text = ("Anxi tea\n\nAnxi county in Fujian grows tea. In 2022 its tea exports reached 5 billion yuan, or 10 "
            "percent of China's total tea exports of 50 billion yuan.")
    values = [f[1] for f in doc_figures(text, "en")]
    assert 5e9 in values and 50e9 not in values


@pytest.mark.parametrize(("text", "language"), [
    ("Keqiao textiles\n\nKeqiao district in Zhejiang trades textiles. Exports hit 72.6 billion yuan in 2022, up "
     "from 64.1 billion yuan in 2021. The district's fabrics are sold to 192 countries and regions.", "en"),
    ("Keqiao tessile\n\nIl distretto di Keqiao, nello Zhejiang, commercia tessuti. Le esportazioni hanno raggiunto "
     "72,6 miliardi di yuan nel 2022, rispetto ai 64,1 miliardi di yuan nel 2021. I tessuti sono esportati in "
     "192 Paesi e regioni.", "it"),
])
def test_the_year_of_a_compared_amount_dates_that_amount_only(text, language):
    found = {(f[0], f[1]): f[3] for f in doc_figures(text, language)}
    assert found[("export_value", 72.6e9)] == 2022 and found[("export_value", 64.1e9)] == 2021
    assert found[("export_markets", 192)] == 2022


@pytest.mark.parametrize(("sentence", "language"), [
    ("Im vergangenen Jahr wurden Seidenschals im Wert von 1,4 Milliarden Yuan über Onlineshops verkauft.", "de"),
    ("L'an dernier, des foulards en soie d'une valeur de 1,4 milliard de yuans ont été vendus en ligne.", "fr"),
    ("L'anno scorso sono stati venduti online foulard di seta per 1,4 miliardi di yuan.", "it"),
    ("No ano passado, lenços de seda no valor de 1,4 bilhão de yuans foram vendidos pela internet.", "pt"),
    ("Last year silk scarves worth 1.4 billion yuan were sold through e-commerce platforms.", "en"),
])
def test_a_sale_online_named_after_the_amount_is_online_sales(sentence, language):
    assert metrics(sentence, language) == [("online_sales", 1.4e9)]


@pytest.mark.parametrize(("sentence", "language"), [
    ("The city now has 45 smart factories and 30 digital workshops.", "en"),
    ("La ville compte désormais 45 usines intelligentes et ateliers numériques.", "fr"),
    ("La città conta ormai 45 fabbriche intelligenti.", "it"),
    ("La ciudad cuenta ya con 45 fábricas inteligentes.", "es"),
    ("A cidade já tem 45 fábricas inteligentes.", "pt"),
    ("Die Stadt hat inzwischen 45 intelligente Fabriken.", "de"),
    ("全市已建成智能工厂45家、数字化车间30个。", "zh"),
])
def test_smart_or_model_factories_are_a_subset_of_the_firms(sentence, language):
    assert metrics(sentence, language) == []


@pytest.mark.parametrize(("text", "language"), [
    ("Yudu garments\n\nYudu county in Jiangxi makes garments. The county hopes to lift garment sales to 50 billion "
     "yuan, and aspires to exports of 9 billion yuan.", "en"),
    ("Textiles de Yudu\n\nEl distrito de Yudu, en Jiangxi, fabrica ropa. Las autoridades aspiran a que las ventas de "
     "ropa superen los 50.000 millones de yuanes.", "es"),
    ("Tessile di Yudu\n\nLa contea di Yudu, nel Jiangxi, produce abbigliamento. Le autorità ambiscono a un fatturato "
     "dell'abbigliamento di 50 miliardi di yuan.", "it"),
    ("Textil aus Yudu\n\nDer Kreis Yudu in Jiangxi stellt Kleidung her. Der Kreis will den Umsatz der Bekleidung auf "
     "50 Milliarden Yuan steigern.", "de"),
])
def test_a_hope_or_an_aspiration_is_no_figure(text, language):
    assert [f for f in doc_figures(text, language) if f[1] in (50e9, 9e9)] == []


@pytest.mark.parametrize(("sentence", "language"), [
    ("Zhang runs one of the largest companies in the trade, which had sales of 90 million yuan in 2023.", "en"),
    ("Allí, Zhang dirige una de las mayores compañías del sector, que en 2023 facturó 90 millones de yuanes.", "es"),
    ("Zhang guida una delle maggiori società del settore, che nel 2023 ha fatturato 90 milioni di yuan.", "it"),
    ("Le leader local, un fabricant de robinets, a réalisé un chiffre d'affaires de 90 millions de yuans.", "fr"),
    ("The local leader, a tap maker, had revenue of 90 million yuan last year.", "en"),
    ("Der Marktführer am Ort setzte 2023 rund 90 Millionen Yuan um.", "de"),
    ("O líder local, um fabricante de torneiras, faturou 90 milhões de yuans em 2023.", "pt"),
])
def test_one_large_firm_or_the_local_leader_owns_its_figure(sentence, language):
    assert [f for f in find_sentence_figures(sentence, language) if not f.is_company] == []


@pytest.mark.parametrize(("text", "language"), [
    ("Juguetes de Chenghai\n\nCHENGHAI, 3 de abril de 2024\n\nEl sector del juguete de Chenghai, que en 2023 facturó "
     "80.000 millones de yuanes, emplea a miles de personas.", "es"),
    ("Jouets de Chenghai\n\nCHENGHAI, 3 avril 2024\n\nL'industrie du jouet de Chenghai, qui en 2023 a réalisé un "
     "chiffre d'affaires de 80 milliards de yuans, emploie des milliers de personnes.", "fr"),
    ("Brinquedos de Chenghai\n\nCHENGHAI, 3 de abril de 2024\n\nO setor de brinquedos de Chenghai, que em 2023 "
     "faturou 80 bilhões de yuans, emprega milhares de pessoas.", "pt"),
])
def test_a_relative_pronoun_before_a_year_is_no_comparison(text, language):
    assert [(f[1], f[3]) for f in doc_figures(text, language) if f[1] == 80e9] == [(80e9, 2023)]


@pytest.mark.parametrize(("sentence", "language"), [
    ("Les autorités ont fermé plus de 500 petits ateliers depuis 2017.", "fr"),
    ("Le autorità hanno chiuso oltre 500 piccole officine dal 2017.", "it"),
    ("Las autoridades cerraron más de 500 talleres desde 2017.", "es"),
    ("As autoridades fecharam mais de 500 oficinas desde 2017.", "pt"),
    ("Die Behörden haben seit 2017 mehr als 500 kleine Werkstätten geschlossen.", "de"),
    ("The authorities have shut down more than 500 small workshops since 2017.", "en"),
])
def test_firms_closed_are_no_count_of_the_clusters_firms(sentence, language):
    assert metrics(sentence, language) == []


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("Fewer than 300 firms employ more than 100 workers.", "en", []),
    ("Moins de 300 entreprises emploient plus de 100 salariés.", "fr", []),
    ("Meno di 300 aziende impiegano più di 100 addetti.", "it", []),
    ("Menos de 300 empresas emplean a más de 100 trabajadores.", "es", []),
    ("Weniger als 300 Betriebe beschäftigen allerdings mehr als 100 Mitarbeiter.", "de", []),
    ("员工超过100人的企业不到300家。", "zh", []),
    # more people than firms: the cluster's firms and workforce
    ("The town has 3,000 firms employing 100,000 workers.", "en", [("enterprises", 3000), ("employees", 100000)]),
    ("全镇有企业3000家，从业人员10万人。", "zh", [("enterprises", 3000), ("employees", 100000)]),
])
def test_a_count_of_people_below_the_count_of_firms_is_a_size_per_firm(sentence, language, expected):
    assert metrics(sentence, language) == expected


@pytest.mark.parametrize(("sentence", "language"), [
    ("The county has 500 exporting firms.", "en"),
    ("La ville compte 500 entreprises exportatrices.", "fr"),
    ("Il distretto conta 500 aziende esportatrici.", "it"),
    ("La ciudad tiene 500 empresas exportadoras.", "es"),
    ("A cidade tem 500 empresas exportadoras.", "pt"),
    ("Die Stadt zählt 500 Exportunternehmen.", "de"),
    ("其中，陶瓷出口企业500多家。", "zh"),
])
def test_the_firms_that_export_are_a_subset_of_the_firms(sentence, language):
    assert metrics(sentence, language) == []


def test_a_speakers_own_company_owns_its_figure():
    assert figures('"We see what buyers want," said Liu Min, whose company employs 800 people.', "en") == []


@pytest.mark.parametrize(("sentence", "language"), [
    ('"Nos exportations ont atteint 5,3 milliards de yuans", a déclaré Huang, directeur adjoint du bureau du '
     'commerce de la ville.', "fr"),
    ('"Le nostre esportazioni hanno raggiunto 5,3 miliardi di yuan", ha detto Huang, direttore dell\'ufficio del '
     'commercio.', "it"),
    ('"Nuestras exportaciones alcanzaron 5.300 millones de yuanes", dijo Huang, director de la oficina de comercio.',
     "es"),
    ('"As nossas exportações atingiram 5,3 bilhões de yuans", disse Huang, diretor do departamento de comércio.', "pt"),
    ('"Our exports reached 5.3 billion yuan," said Huang, director of the city commerce bureau.', "en"),
    ("„Unsere Exporte erreichten 5,3 Milliarden Yuan“, sagte Huang, Direktor des Handelsamts der Stadt.", "de"),
])
def test_an_official_quoting_the_clusters_figure_is_no_company(sentence, language):
    assert metrics(sentence, language) == [("export_value", 5.3e9)]


@pytest.mark.parametrize(("sentence", "language"), [
    ('"Nos exportations ont atteint 5,3 milliards de yuans", a déclaré Huang, directeur de l\'entreprise.', "fr"),
    ('"Our exports reached 5.3 billion yuan," said Huang, director of the company.', "en"),
])
def test_a_company_director_quoting_exports_is_still_the_company(sentence, language):
    assert metrics(sentence, language) == []


@pytest.mark.parametrize(("sentence", "language"), [
    ("At least 120 enterprises now sell through cross-border e-commerce platforms.", "en"),
    ("Circa 300 aziende vendono ormai direttamente online ai clienti esteri.", "it"),
    ("Plus de 300 entreprises vendent désormais en ligne.", "fr"),
    ("Unas 300 empresas venden ya por internet.", "es"),
    ("Cerca de 300 empresas vendem já pela internet.", "pt"),
    ("Rund 300 Betriebe verkaufen inzwischen direkt online.", "de"),
    ("全县已有300多家企业入驻跨境电商平台。", "zh"),
])
def test_the_firms_that_sell_online_are_a_subset_of_the_firms(sentence, language):
    assert metrics(sentence, language) == []


@pytest.mark.parametrize(("sentence", "language"), [
    ("Sales passed 10 billion yuan ($1.4 billion) for the first time, ending the year at 10.6 billion yuan.", "en"),
    ("销售额首次突破100亿元，全年达到106亿元。", "zh"),
    ("Il fatturato ha superato per la prima volta i 10 miliardi di yuan, chiudendo l'anno a 10,6 miliardi.", "it"),
    ("Las ventas superaron por primera vez los 10.000 millones de yuanes, para cerrar el año en 10.600 millones.",
     "es"),
    ("Le chiffre d'affaires a franchi pour la première fois les 10 milliards de yuans, pour terminer l'année à "
     "10,6 milliards.", "fr"),
    ("Der Umsatz überstieg erstmals 10 Milliarden Yuan und schloss das Jahr mit 10,6 Milliarden Yuan.", "de"),
    ("As vendas ultrapassaram pela primeira vez 10 bilhões de yuans, fechando o ano em 10,6 bilhões.", "pt"),
])
def test_a_threshold_crossed_on_the_way_gives_way_to_the_total(sentence, language):
    assert metrics(sentence, language) == [("sales_value", 10.6e9)]


@pytest.mark.parametrize(("sentence", "language"), [
    ("The town is home to more than 2,000 artisans.", "en"),
    ("La ville compte plus de 2 000 artisans.", "fr"),
    ("Il paese conta oltre 2.000 artigiani.", "it"),
    ("El pueblo cuenta con más de 2.000 artesanos.", "es"),
    ("A vila tem mais de 2.000 artesãos.", "pt"),
    ("全镇有绣娘2000多人。", "zh"),
])
def test_artisans_are_the_clusters_workforce(sentence, language):
    assert metrics(sentence, language) == [("employees", 2000)]


def test_residents_are_no_workforce():
    assert metrics("The city is home to 50,000 residents.", "en") == []


@pytest.mark.parametrize(("sentence", "language"), [
    ("The county makes 3 million dozen gloves a year.", "en"),
    ("Il distretto produce ogni anno 3 milioni di dozzine di guanti.", "it"),
    ("Le district produit chaque année 3 millions de douzaines de gants.", "fr"),
    ("El distrito produce cada año 3 millones de docenas de guantes.", "es"),
])
def test_a_dozen_counts_twelve_pieces(sentence, language):
    assert metrics(sentence, language) == [("output_volume", 36e6)]


@pytest.mark.parametrize(("sentence", "language"), [
    ("Fewer than 30 companies employ more than 500 workers.", "en"),
    ("Moins de 30 entreprises emploient plus de 500 salariés.", "fr"),
    ("Weniger als 30 Betriebe beschäftigen mehr als 500 Mitarbeiter.", "de"),
])
def test_few_firms_above_a_size_are_a_size_class(sentence, language):
    assert metrics(sentence, language) == []


def test_a_year_before_the_verb_employ_is_no_count_of_people():
    assert metrics("Im Jahr 2019 beschäftigte die Branche 90.675 Menschen.", "de") == [("employees", 90675)]
    assert metrics("In der Branche gibt es 20.000 Beschäftigte.", "de") == [("employees", 20000)]


@pytest.mark.parametrize(("text", "code"), [
    ("勐海普洱茶\n\n勐海县位于云南省西双版纳州。2022年，勐海普洱茶产业总产值达到150亿元。勐海拥有普洱茶生产企业1200家。",
     "532822"),
    ("南安石材\n\n南安市位于福建省泉州市。2022年，南安大理石产业产值达到200亿元，全市拥有大理石企业1500家。", "350583"),
    ("镇平玉雕\n\n镇平县位于河南省南阳市。2022年，镇平和田玉产业产值达到80亿元。", "411324"),
    ("柯桥黄酒\n\n柯桥区的黄酒产业历史悠久。2022年，柯桥绍兴酒产业产值达到20亿元。", "330603"),
    ("新昌茶叶\n\n新昌县位于浙江省。2022年，新昌龙井茶产业产值达到30亿元。", "330624"),
    ("菏泽牡丹\n\n菏泽市位于山东省。2022年，菏泽牡丹产业产值达到100亿元。", "371700"),
])
def test_a_place_in_a_products_name_is_not_where_it_is_made(text, code):
    """Pu'er tea, marble (大理石), Hotan jade, Shaoxing wine, Longjing tea and peonies (牡丹) carry a
    place's name in theirs; the cluster is the place that makes them."""
    result = extract(DocumentInput("doc", text, "zh", date(2023, 6, 1), None))
    assert result.figures
    assert {f["place_code"] for f in result.figures if f["subject"] == "cluster"} == {code}


@pytest.mark.parametrize(("text", "language"), [
    ("Longjing television sets\n\nLongjing, a city in Jilin, makes television sets. In 2021 the city's television "
     "makers exported goods worth 11 billion yuan.", "en"),
    ("龙井电视机\n\n龙井市位于吉林省延边州。2022年，龙井电视机产业产值达到30亿元。", "zh"),
])
def test_a_name_of_both_a_place_and_a_product_is_the_place_with_no_place_before_it(text, language):
    """Longjing is a city in Jilin and a green tea; named alone it is the city."""
    result = extract(DocumentInput("doc", text, language, date(2023, 6, 1), None))
    assert result.figures
    assert {f["place_code"] for f in result.figures if f["subject"] == "cluster"} == {"222405"}


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("2022年，晋江旅游鞋产业产值达到300亿元。", "zh", [("output_value", 300e8)]),
    ("Le chiffre d'affaires du prêt-à-porter de la ville a atteint 2 milliards d'euros.", "fr",
     [("sales_value", 2e9)]),
    # tourism and loans are still no figure
    ("2022年，全县旅游收入达到30亿元。", "zh", []),
    ("La banque a accordé des prêts de 2 milliards d'euros aux entreprises.", "fr", []),
])
def test_a_product_named_after_travel_or_ready_to_wear_is_no_tourism_or_loan(sentence, language, expected):
    assert metrics(sentence, language) == expected
