"""places.yaml: the words a language writes around a Chinese place name ('contea di Anxi',
'Kreis Anxi', "dell'Anhui"). Type words after a romanised name ('Anxi County', 'Humen Zhen') are the
same in every language and live with the gazetteer (clusterhouse/reference/places/naming.yaml).

A text may quote names the way another language writes them, so the engine uses every language's
entries together."""

from __future__ import annotations

from dataclasses import dataclass

from clusterhouse.lang.schema.kinds import fragments, word_values, words


@dataclass(frozen=True)
class PlaceWords:
    type_words_before: dict[str, str] = word_values(
        "Words for a kind of division that stand before a place name ('county of Anxi', 'contea di Anxi', "
        "'Kreis Anxi'), each with the kind it names: province, prefecture, city, county, district or town",
        str)
    type_word_links: tuple[str, ...] = fragments(
        "What may join a type word to the name after it, with the space that follows ('of\\s+(?:the\\s+)?', "
        "'di\\s+', \"d'\"); the type word may also stand right before the name")
    elisions: frozenset[str] = words(
        "Articles and prepositions elided onto a name with an apostrophe, without it (dell'Anhui, d'Anxi): "
        "the name starts after the apostrophe")
    possessive_endings: frozenset[str] = words(
        "Endings glued to a name with an apostrophe that are not part of it ('s in Yiwu's)")
    words_after_town_names: tuple[str, ...] = fragments(
        "Words that begin with the last character of a town's type (乡村, 乡镇, 镇江): a township's name "
        "followed by one of them is part of another phrase (城乡一体化), not the township")
    everyday_words: frozenset[str] = words(
        "Everyday words that a romanised place name spells once its apostrophe is dropped (De'an as "
        "'dean'): such names are not matched without the apostrophe")
