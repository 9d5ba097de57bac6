"""Generate a synthetic corpus of N news-style documents for timing the refresh.

The documents recombine sentence templates (en, zh, it) with real cluster places and random
figures; they are for speed and memory measurements only, never for accuracy.

    .venv/bin/python benchmarks/generate_corpus.py /tmp/bench_raw 20000
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

CLUSTERS = [
    ("Yiwu", "义乌", "socks"), ("Danyang", "丹阳", "eyeglasses"), ("Dehua", "德化", "ceramics"),
    ("Yangjiang", "阳江", "knives"), ("Cixi", "慈溪", "small appliances"), ("Jinjiang", "晋江", "sports shoes"),
    ("Shengzhou", "嵊州", "neckties"), ("Xuchang", "许昌", "wigs"), ("Liuzhou", "柳州", "luosifen"),
    ("Wenling", "温岭", "pumps"), ("Yongkang", "永康", "hardware"), ("Huangyan", "黄岩", "molds"),
]
EN = [
    "In {year}, the output value of {place}'s {product} industry reached {bn} billion yuan.",
    "{place} is home to more than {firms:,} {product} enterprises employing about {people:,} workers.",
    "Its products are exported to more than {countries} countries and regions.",
    "Exports of {product} from {place} exceeded {bn2} billion yuan last year.",
    "Local officials said the industry keeps upgrading its equipment and brands.",
]
ZH = [
    "{year}年，{place_zh}{product}产业产值达到{bn}亿元。",
    "全市现有相关企业{firms}多家，从业人员{people}余人。",
    "产品远销{countries}多个国家和地区。",
    "当地政府持续推动产业转型升级。",
]
IT = [
    "Nel {year} il valore della produzione di {product} di {place} ha raggiunto {bn} miliardi di yuan.",
    "Nel distretto operano oltre {firms} aziende con circa {people} addetti.",
    "I prodotti sono esportati in più di {countries} Paesi.",
]


def document(rng: random.Random, index: int) -> tuple[str, str]:
    place, place_zh, product = rng.choice(CLUSTERS)
    values = dict(place=place, place_zh=place_zh, product=product, year=rng.randint(2015, 2023),
                  bn=round(rng.uniform(1, 300), 1), bn2=round(rng.uniform(0.5, 50), 1),
                  firms=rng.randint(100, 30000), people=rng.randint(1000, 300000), countries=rng.randint(20, 200))
    language = rng.choice(["en", "en", "zh", "it"])
    templates = {"en": EN, "zh": ZH, "it": IT}[language]
    sep = "" if language == "zh" else " "
    paragraphs = [sep.join(t.format(**values) for t in rng.sample(templates, k=len(templates))) for _ in range(3)]
    title = f"{place} {product} report {index}"
    header = f"{title}\n\nDate: 2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n\n"
    return language, header + "\n\n".join(paragraphs) + "\n"


def main() -> None:
    target, count = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(20261123)
    target.mkdir(parents=True, exist_ok=True)
    feed_lines = []
    for index in range(count):
        language, text = document(rng, index)
        if index % 10 == 0:  # a tenth of the corpus arrives as JSON Lines feed entries
            feed_lines.append(json.dumps({"title": text.splitlines()[0], "text": text, "source": "bench"},
                                         ensure_ascii=False))
            continue
        folder = target / f"batch_{index // 1000:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"doc_{index:06d}_{language}.txt").write_text(text, encoding="utf-8")
    (target / "feed.jsonl").write_text("\n".join(feed_lines) + "\n", encoding="utf-8")
    print(f"wrote {count} documents to {target}")


if __name__ == "__main__":
    main()
