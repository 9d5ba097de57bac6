"""Reference data the warehouse publishes as raw tables: the gazetteer with former names, and the
product taxonomy with its synonyms (the same files the extractor reads)."""

from __future__ import annotations

import csv
from pathlib import Path

from clusterhouse.reference import PLACES_DIR, PRODUCTS_DIR


def _read(name: str, folder: Path = PLACES_DIR) -> list[dict[str, str]]:
    with open(folder / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _float(value: str | None) -> float | None:
    return float(value) if value not in (None, "") else None


def place_rows() -> list[dict[str, object]]:
    """One row per division of gazetteer.csv, with former names/codes joined in, then one per
    township-level division of townships.csv (level 'town', 9-digit code, its county as parent)."""
    divisions = _division_rows()
    return divisions + _township_rows({row["admin_code"]: row for row in divisions})


def _township_rows(divisions: dict[str, dict[str, object]]) -> list[dict[str, object]]:
    # the curated cluster towns carry the English name news use (Chang'an, not Chang'an's pinyin variants)
    customary = {(row["name_zh"], row["county_code"]): row["name_en"] for row in _read("places_towns.csv")}
    rows = []
    for row in _read("townships.csv"):
        county = divisions[row["gazetteer_code"]]
        rows.append({
            "admin_code": row["town_code"],
            "name_zh": row["name_zh"],
            "name_en": customary.get((row["name_zh"], row["gazetteer_code"]), row["name_pinyin"]),
            "name_pinyin": row["name_pinyin"],
            "level": "town",
            "division_type": row["town_type"],
            "parent_code": row["gazetteer_code"],
            "prefecture_code": county["prefecture_code"] if county["level"] == "county" else county["admin_code"],
            "province_code": county["province_code"],
            "latitude": None,
            "longitude": None,
            "former_names": None,
        })
    return rows


def _division_rows() -> list[dict[str, object]]:
    former: dict[str, list[str]] = {}
    for row in _read("places_former.csv"):
        label = f"{row['former_name_zh']} ({row['former_name_en']}, {row['former_code']}, until {row['year']})"
        former.setdefault(row["current_code"], []).append(label)
    return [
        {
            "admin_code": row["admin_code"],
            "name_zh": row["name_zh"],
            "name_en": row["name_en"],
            "name_pinyin": row["name_pinyin"],
            "level": row["level"],
            "division_type": row["division_type"],
            "parent_code": row["parent_code"] or None,
            "prefecture_code": row["prefecture_code"] or None,
            "province_code": row["province_code"] or None,
            "latitude": _float(row.get("latitude")),
            "longitude": _float(row.get("longitude")),
            "former_names": "; ".join(former.get(row["admin_code"], [])) or None,
        }
        for row in _read("gazetteer.csv")
    ]


def product_rows() -> list[dict[str, object]]:
    """One row per product of the taxonomy; empty cells are NULL."""
    return [{key: (value or None) for key, value in row.items()} for row in _read("product_taxonomy.csv", PRODUCTS_DIR)]


def product_synonym_rows() -> list[dict[str, object]]:
    return _read("product_synonyms.csv", PRODUCTS_DIR)
