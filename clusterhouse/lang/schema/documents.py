"""documents.yaml: the words that frame an article rather than report on it: date labels, bylines,
source labels and outlet words, page numbers, abbreviations that do not end a sentence, and what a
language's legacy encodings are.

These are read before (or without) knowing the document's language, so the engine uses every
language's entries together: a field holds the words of its own language only.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Any

from clusterhouse.lang.schema.kinds import SchemaError, fragments, pattern, phrases, raw, value, words


def _codec_names(value: Any, where: str) -> tuple[str, ...]:
    """Python codec names, in the order they are tried."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise SchemaError(f"{where}: expected a list of codec names")
    for name in value:
        try:
            codecs.lookup(name)
        except LookupError as error:
            raise SchemaError(f"{where}: {name!r} is no Python codec") from error
    return tuple(value)


def _characters(value: Any, where: str) -> frozenset[str]:
    """A string of characters (spaces and line breaks between them are ignored)."""
    if value is None:
        return frozenset()
    if not isinstance(value, str):
        raise SchemaError(f"{where}: expected a string of characters")
    return frozenset("".join(value.split()))


@dataclass(frozen=True)
class DocumentWords:
    date_labels: tuple[str, ...] = fragments(
        "Labels that may stand before a date stamp glued to the first line ('Published 2023-09-21 Headline'), "
        "so that the line is still read as a title")
    bylines: tuple[str, ...] = fragments(
        "Words that open a byline or photo credit ('By', 'Di', '记者'): a first line starting with one, "
        "followed by a space, colon or slash, is no title")
    source_labels: tuple[str, ...] = fragments(
        "Labels before the name of the outlet an article comes from ('Source:', 'Fonte:', '来源：')")
    credit_labels: tuple[str, ...] = fragments(
        "Labels of an author, editor or photographer credit that may follow the outlet's name on a "
        "source line ('Source: Xinhua Editor: …'): the name ends before them")
    outlet_words: tuple[str, ...] = fragments(
        "Words that make an unknown credited name an outlet rather than a data source ('Daily', "
        "'Zeitung', a name ending in 报); matched anywhere in the name unless the entry anchors itself")
    outlet_dateline: re.Pattern = pattern(
        "A dateline that names the outlet, with the name in a group `name` (新华社北京3月5日电); "
        "null where datelines do not name the outlet")
    own_outlet: frozenset[str] = words(
        "Plain words that begin a dateline's name when the paper names itself rather than an outlet "
        "(本报 'this paper')", lower=False)
    page_labels: tuple[str, ...] = fragments(
        "Words before a page number on a line of its own ('page 3'): such lines are dropped from PDF text")
    page_of: tuple[str, ...] = fragments("Words between a page number and the page count ('3 of 12')")
    placeholder_titles: tuple[str, ...] = fragments(
        "Titles an authoring tool gives a file that has none ('Untitled'): no title of the article")
    abbreviations: frozenset[str] = words(
        "Abbreviations whose full stop does not end a sentence, without the stop ('Mr', 'dott', 'z.b')")
    month_abbreviations: bool = value(
        "The month abbreviations of time.yaml (the spellings after each full name) do not end a sentence "
        "either ('Dec. 28'). Sentences are split before the language is known, so this applies to every "
        "text: false where an abbreviation is a common word of another language (Italian 'set', 'ago', "
        "Spanish 'may')", bool)
    legacy_encodings: tuple[str, ...] = raw(
        "Python codec names of the pre-Unicode encodings the language was written in, tried in order on "
        "bytes that are not UTF-8 (gb18030, cp950); [] when such files are read as cp1252/latin-1",
        _codec_names)
    common_characters: frozenset[str] = raw(
        "The language's most frequent characters, as one string: bytes decoded with the right legacy "
        "encoding are made largely of them (null when legacy_encodings is empty)", _characters)
    script_characters: re.Pattern = pattern(
        "A character class of the script the common characters are counted among (Chinese: the CJK "
        "unified ideographs); null when legacy_encodings is empty", ignore_case=False)
    dateline_end: re.Pattern = pattern(
        "How a dateline ends before the story, after where it was filed from: ' -- ', ' - ', 电 after the "
        "date (新华社杭州3月3日电). An agency credited in brackets ('(Xinhua)') ends one in any language")
    caption_cues: re.Pattern = phrases(
        "A photo caption: its places do not say what the article is about and it states no figures "
        "('(Photo: …)' at the end, 'Photo shows', 图为, （…摄）)", bounded=False)
