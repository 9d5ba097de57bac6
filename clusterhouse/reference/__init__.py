"""Reference data the extractor and the warehouse share: places (GB/T 2260 divisions, towns,
aliases, how place names are written) and products (taxonomy and synonyms), with the script that
builds the gazetteer; and the news outlets articles are credited to."""

from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent
PLACES_DIR = REFERENCE_DIR / "places"
PRODUCTS_DIR = REFERENCE_DIR / "products"
