"""The committed township table (clusterhouse/reference/places/townships.csv) and the name rules of
the script that builds it (clusterhouse/reference/build_townships.py). No network: the table is
read as committed, the rules are called on examples."""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from functools import cache

import pytest

from clusterhouse.reference import PLACES_DIR
from clusterhouse.reference.build_townships import (
    COLUMNS,
    clean_name,
    resolve_county,
    type_and_short,
)

TOWN_TYPES = {"town", "township", "ethnic township", "subdistrict", "sumu", "other"}
MATCHES = {"code", "former", "renamed", "curated", "prefecture", "province"}
# Curated towns the statistical data places elsewhere (the build script prints why):
# 周庄镇 (Kunshan) is folded into 昆山旅游度假区 by the statistics; 白沟镇 sits under the
# 保定白沟新城 zone (so only its prefecture is known); 恒口示范区 is the zone around 恒口镇.
CURATED_NOT_IN_TABLE = {("周庄镇", "320583"), ("白沟镇", "130684"), ("恒口示范区", "610902")}


def _read(name: str) -> list[dict[str, str]]:
    with open(PLACES_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def towns() -> list[dict[str, str]]:
    return _read("townships.csv")


@cache
def gazetteer() -> dict[str, dict[str, str]]:
    return {r["admin_code"]: r for r in _read("gazetteer.csv")}


def by_name(name_zh: str) -> list[dict[str, str]]:
    return [r for r in towns() if r["name_zh"] == name_zh]


def test_shape_columns_and_size():
    with open(PLACES_DIR / "townships.csv", encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == COLUMNS
    assert 41_000 <= len(towns()) <= 42_000
    assert (PLACES_DIR / "townships.csv").stat().st_size < 5_000_000


def test_codes_are_nine_digits_unique_and_sorted():
    codes = [r["town_code"] for r in towns()]
    assert all(re.fullmatch(r"\d{9}", c) for c in codes)
    assert len(set(codes)) == len(codes)
    assert codes == sorted(codes)
    assert all(r["county_code"] == r["town_code"][:6] for r in towns())


def test_every_row_belongs_to_a_gazetteer_division():
    gaz = gazetteer()
    former = {r["former_code"]: r["current_code"] for r in _read("places_former.csv")}
    for r in towns():
        target, how, county = r["gazetteer_code"], r["gazetteer_match"], r["county_code"]
        assert target in gaz, r
        assert how in MATCHES, r
        if how == "code":
            assert target == county
        elif how == "former":
            assert former[county] == target
        elif how == "renamed":  # a newer code of the same place (米林县 540422 -> 米林市 540481)
            assert gaz[target]["short_zh"] and target[:4] == county[:4]
        elif how == "prefecture":  # a statistics-only zone (苏州工业园区 320576)
            assert target == county[:4] + "00" and gaz[target]["level"] == "prefecture"
    matched = Counter(r["gazetteer_match"] for r in towns())
    assert matched["code"] > 0.98 * len(towns())


def test_every_county_of_the_gazetteer_has_townships():
    gaz = gazetteer()
    covered = {r["gazetteer_code"] for r in towns()}
    counties = {c for c, g in gaz.items() if g["level"] == "county"}
    assert counties - covered == set()


def test_known_towns():
    def one(name, code):
        hits = [r for r in by_name(name) if r["gazetteer_code"] == code]
        assert len(hits) == 1, (name, code, by_name(name))
        return hits[0]

    humen = one("虎门镇", "441900")
    assert (humen["short_zh"], humen["town_type"], humen["name_pinyin"]) == ("虎门", "town", "Humen")
    assert humen["town_code"].startswith("441900")
    assert one("大朗镇", "441900")["name_pinyin"] == "Dalang"
    guzhen = one("古镇镇", "442000")
    assert guzhen["short_zh"] == "古镇" and guzhen["name_pinyin"] == "Guzhen"
    assert one("容桂街道", "440606")["town_type"] == "subdistrict"
    assert one("盛泽镇", "320509")["short_zh_safe"] == "1"


def test_shared_names_sit_in_different_counties():
    huangqiao = by_name("黄桥镇")
    assert len(huangqiao) >= 4
    assert len({r["gazetteer_code"] for r in huangqiao}) == len(huangqiao)
    assert all(r["short_zh_count"] == str(len([t for t in towns() if t["short_zh"] == "黄桥"]))
               for r in huangqiao)
    assert len({r["gazetteer_code"] for r in by_name("西河镇")}) >= 10
    assert len(by_name("城关镇")) > 50


def test_shared_name_columns_agree_with_the_rows():
    short = Counter(r["short_zh"] for r in towns())
    pinyin = Counter(r["name_pinyin"] for r in towns() if r["name_pinyin"])
    in_county = Counter((r["gazetteer_code"], r["short_zh"]) for r in towns())
    for r in towns():
        assert int(r["short_zh_count"]) == short[r["short_zh"]]
        assert int(r["name_pinyin_count"]) == (pinyin[r["name_pinyin"]] if r["name_pinyin"] else 0)
        unique = in_county[(r["gazetteer_code"], r["short_zh"])] == 1
        assert r["short_zh_unique_in_county"] == str(int(unique))


def test_names_types_and_pinyin():
    for r in towns():
        assert r["town_type"] in TOWN_TYPES, r
        assert r["name_zh"].startswith(r["short_zh"]) or r["short_zh"] == r["name_zh"], r
        if r["town_type"] == "other":
            assert r["short_zh"] == r["name_zh"] and r["name_pinyin"] == "" and r["short_zh_safe"] == "0"
            continue
        assert len(r["short_zh"]) >= 2 or r["short_zh"] == r["name_zh"], r
        assert not re.search(r"[（()）\-]", r["name_zh"]), r
        assert re.fullmatch(r"[A-Z][a-zü']+", r["name_pinyin"]), r
        assert r["source_name"] != r["name_zh"]
    types = Counter(r["town_type"] for r in towns())
    assert types["town"] > 20_000 and types["subdistrict"] > 8_000 and types["township"] > 7_000


def test_cleaned_names_keep_the_published_one():
    cleaned = {r["source_name"]: r["name_zh"] for r in towns() if r["source_name"]}
    assert 100 <= len(cleaned) <= 300
    assert cleaned["三星镇（叠石桥家纺产业园区）"] == "三星镇"
    assert cleaned["四平市铁东区叶赫满族镇"] == "叶赫满族镇"


def test_short_name_safety():
    gaz = gazetteer()
    taken = {g["short_zh"] for g in gaz.values()} | {g["name_zh"] for g in gaz.values()}
    for r in towns():
        if r["short_zh"] in taken or r["short_zh"] == r["name_zh"] or int(r["short_zh_count"]) >= 20:
            assert r["short_zh_safe"] == "0", r
    safe = {r["short_zh"]: r["short_zh_safe"] for r in towns()}
    assert safe["盛泽"] == "1" and safe["织里"] == "1"
    # generic, a city, a river and jieba's word; 虎门 (a well-known name in jieba) too: the curated
    # places_towns.csv is the one that says which famous towns may be matched by their short name.
    assert {safe[s] for s in ("城关", "九江", "长江", "桥头", "虎门")} == {"0"}


def test_curated_towns_are_in_the_table():
    index = defaultdict(set)
    for r in towns():
        index[r["name_zh"]].add(r["gazetteer_code"])
    missing = {(t["name_zh"], t["county_code"]) for t in _read("places_towns.csv")
               if t["county_code"] not in index[t["name_zh"]]}
    assert missing == CURATED_NOT_IN_TABLE


@pytest.mark.parametrize("raw, prefixes, name", [
    ("三星镇（叠石桥家纺产业园区）", [], "三星镇"),
    ("科技城（东渚街道）", [], "东渚街道"),
    ("（工业园区）城南街道", [], "城南街道"),
    ("浒墅关经开区（镇）", [], "浒墅关镇"),
    ("化学新材料产业园-沿江街道", [], "沿江街道"),
    ("四平市铁东区平东街道", ["四平市", "铁东区", "吉林省"], "平东街道"),
    ("郑州经济技术开发区明湖街道", ["郑州经济技术开发区", "郑州市"], "明湖街道"),
    ("敖汉旗人民政府新州街道", ["敖汉旗"], "新州街道"),
    ("柏泉办事处街道", [], "柏泉街道"),
    ("兆麟街道地区", [], "兆麟街道"),
    ("七星区街道", ["七星区"], "七星区街道"),  # cutting would leave no name
    ("青县农场", ["青县"], "青县农场"),  # farms and zones keep their names
    ("长白山保护开发区池西区特殊乡镇", [], "长白山保护开发区池西区特殊乡镇"),
    ("中国（上海）自由贸易试验区（保税片区）", [], "中国（上海）自由贸易试验区（保税片区）"),
])
def test_clean_name(raw, prefixes, name):
    assert clean_name(raw, prefixes) == name


@pytest.mark.parametrize("name, town_type, short", [
    ("虎门镇", "town", "虎门"),
    ("容桂街道", "subdistrict", "容桂"),
    ("长哨营满族乡", "ethnic township", "长哨营"),
    ("庙子沟蒙古族满族乡", "ethnic township", "庙子沟"),
    ("音河达斡尔鄂温克民族乡", "ethnic township", "音河"),
    ("东固畲族少数民族乡", "ethnic township", "东固"),
    ("叶赫满族镇", "town", "叶赫"),
    ("巴彦塔拉苏木", "sumu", "巴彦塔拉"),
    ("古镇镇", "town", "古镇"),
    ("江镇", "town", "江镇"),  # one character left: the whole name stays
    ("八五〇农场", "other", "八五〇农场"),
    ("通化经济开发区特殊乡镇", "other", "通化经济开发区特殊乡镇"),
])
def test_type_and_short(name, town_type, short):
    assert type_and_short(name) == (town_type, short)


def test_resolve_county():
    gaz = gazetteer()
    former = {r["former_code"]: r["current_code"] for r in _read("places_former.csv")}
    assert resolve_county("441900", "东莞市", gaz, former) == ("441900", "code")
    assert resolve_county("540481", "米林市", gaz, former) == ("540422", "renamed")
    assert resolve_county("620201", "嘉峪关市", gaz, former) == ("620200", "renamed")
    assert resolve_county("460322", "南沙群岛", gaz, former) == ("460303", "curated")
    assert resolve_county("320576", "苏州工业园区", gaz, former) == ("320500", "prefecture")
    some_former = next(iter(former))
    assert resolve_county(some_former, "", gaz, former) == (former[some_former], "former")
