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
    """One row per division of gazetteer.csv, with former names/codes joined in."""
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
