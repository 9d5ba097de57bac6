"""Reference data the extractor and the warehouse share: places (GB/T 2260 divisions, towns,
aliases) and products (taxonomy and synonyms), with the script that builds the gazetteer."""

from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent
PLACES_DIR = REFERENCE_DIR / "places"
PRODUCTS_DIR = REFERENCE_DIR / "products"
