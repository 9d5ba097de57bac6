"""products.yaml: which product synonyms may match in a language, how its compounds join a product
word, the words that make a product mention a cluster's ('toy industry', 'distretto della seta',
茶产业), and false friends ('Silk Road', 奶茶).

Product words are matched on a folded copy of the text (lower case, simplified Chinese), so every
entry here except the false friends is written in lower case."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from clusterhouse.lang.schema.kinds import SchemaError, fragments, pattern, phrases, raw, words


def _one_for_one(value: Any, where: str) -> dict[str, str]:
    """A mapping of one character to one character (so that folding keeps every offset)."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
            isinstance(key, str) and isinstance(item, str) and len(key) == len(item) == 1
            for key, item in value.items()):
        raise SchemaError(f"{where}: expected a mapping of one character to one character")
    return dict(value)


@dataclass(frozen=True)
class ProductWords:
    synonym_languages: frozenset[str] = words(
        "Codes of the languages whose product synonyms may match in a document of this language, its own "
        "included: Chinese words cannot collide with Latin ones, and Chinese news write English acronyms "
        "(LED, PCB) as they are")
    compound_heads: re.Pattern = pattern(
        "What a synonym of this language may run into as one word, linking letters included "
        "(German Spielwaren|industrie, Möbel|hersteller); null where compounds are written apart",
        ignore_case=False)
    cluster_words: tuple[str, ...] = fragments(
        "Words right after a product mention, or ending it, that make it a cluster's ('toy industry', "
        "'plush toy makers', 茶产业); whole words where the language has word edges")
    cluster_words_before: tuple[str, ...] = fragments(
        "Words ending right before a product mention that make it a cluster's ('capital of the', "
        "'distretto della', 'capitale mondiale de la', 中国)")
    variant_characters: dict[str, str] = raw(
        "Variant characters that OpenCC's traditional-to-simplified conversion leaves as they are, each "
        "with the standard character product words are written with (家俱 for 家具)", _one_for_one)
    false_friends: frozenset[str] = words(
        "Phrases that contain a product word but are not about the product ('Silk Road', 'milk tea', 奶茶): "
        "a mention inside one is dropped, in a document of any language. Plain text; a capital letter "
        "must be a capital in the text", lower=False)
    industry_words: re.Pattern = phrases(
        "The article is about an industry even when its product is not in the taxonomy ('industry', "
        "'cluster', 'distretto', 产业, 之乡): it is kept, its product unclassified", bounded=False)
    industry_name: re.Pattern = pattern(
        "An industry named by its product, the product in a group ('the lantern industry', 花灯产业): the "
        "name an unclassified cluster is shown with; null where no such pattern")
