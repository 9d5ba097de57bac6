"""The typed schema of a language folder: one section class per YAML file.

``clusterhouse/lang/<code>/<section>.yaml`` holds the fields of ``SECTIONS[section]``; every field
must be present in every language (an empty list or null where a language has nothing of the
kind), and nothing else may be. Each field says in its declaration what it is for.
"""

from __future__ import annotations

from dataclasses import dataclass

from clusterhouse.lang.schema.about import About
from clusterhouse.lang.schema.documents import DocumentWords
from clusterhouse.lang.schema.figures import FigureWords
from clusterhouse.lang.schema.kinds import SchemaError, Script
from clusterhouse.lang.schema.numbers import NumberWords
from clusterhouse.lang.schema.places import PlaceWords
from clusterhouse.lang.schema.products import ProductWords
from clusterhouse.lang.schema.time import TimeWords

# file name (without .yaml) -> section class; `language` is read first, it sets the script
SECTIONS: dict[str, type] = {
    "language": About,
    "numbers": NumberWords,
    "time": TimeWords,
    "figures": FigureWords,
    "places": PlaceWords,
    "products": ProductWords,
    "documents": DocumentWords,
}


@dataclass(frozen=True)
class Language:
    """Everything the engine knows about one language, read from its folder."""

    about: About
    numbers: NumberWords
    time: TimeWords
    figures: FigureWords
    places: PlaceWords
    products: ProductWords
    documents: DocumentWords

    @property
    def code(self) -> str:
        return self.about.code

    @property
    def script(self) -> Script:
        return Script(word_boundaries=self.about.word_boundaries, ignore_case=self.about.ignore_case)


__all__ = ["SECTIONS", "About", "DocumentWords", "FigureWords", "Language", "NumberWords", "PlaceWords",
           "ProductWords", "SchemaError", "Script", "TimeWords"]
