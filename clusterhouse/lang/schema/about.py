"""language.yaml: what the engine must know about a language before reading its words."""

from __future__ import annotations

from dataclasses import dataclass

from clusterhouse.lang.schema.kinds import value, words


@dataclass(frozen=True)
class About:
    code: str = value("ISO 639-1 code; the folder's name", str)
    name: str = value("English name of the language", str)
    word_boundaries: bool = value(
        "Words are separated by spaces, so every cue must start and end at a word edge (false for Chinese)", bool)
    ignore_case: bool = value("Cues match in any letter case", bool)
    simplify_script: bool = value(
        "Traditional characters are matched as simplified (OpenCC t2s, one character for one)", bool)
    common_words: frozenset[str] = words(
        "The most frequent short words of running text (articles, prepositions, conjunctions, auxiliaries): "
        "a document plainly made of them is read as this language without asking the statistical detector; "
        "a word another language lists too tells neither ([] where the script tells the language)")
