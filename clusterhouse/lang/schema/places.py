"""places.yaml: the words a language writes around a Chinese place name ('contea di Anxi',
'Kreis Anxi', "dell'Anhui"). Type words after a romanised name ('Anxi County', 'Humen Zhen') are the
same in every language and live with the gazetteer (clusterhouse/reference/places/naming.yaml).

A text may quote names the way another language writes them, so the engine uses every language's
entries together."""

from __future__ import annotations

import re
from dataclasses import dataclass

from clusterhouse.lang.schema.kinds import fragments, pattern, word_values, words


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
    settlement_names: re.Pattern = pattern(
        "A named settlement below county level the gazetteer may not know, its name in a group ('Dafen "
        "village', 'borgo di X', 军埔村): an article naming the same one twice is about it", ignore_case=False)
    province_possessive: re.Pattern = pattern(
        "Right after a province's name: the province owns what follows, so it is the figure's subject "
        "(\"Zhejiang's textile exports\"); null where the language has no such ending")
    subject_lead: re.Pattern = pattern(
        "All the text before a province's name when the province opens its clause as its subject (nothing, "
        "'In 2022,', …，浙江省…, 2022年浙江…); a province named anywhere else is named in passing")
