"""How a field of language data is written in YAML and what the engine receives.

Every field of a section declares its kind with one of the functions below; the loader reads the
YAML value, checks it and converts it. Entries are regular expression fragments unless the kind
says words. A language's ``language.yaml`` decides the defaults: whether fragments are bounded by
word edges (scripts with spaces between words) and whether matching ignores case.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

NEVER = re.compile(r"(?!x)x")  # the pattern of an empty list: matches nothing


class SchemaError(ValueError):
    """Language data that does not fit the schema; the message names the file and the field."""


@dataclass(frozen=True)
class Script:
    """What the engine needs to know about how a language is written (from language.yaml)."""

    word_boundaries: bool  # words are separated, so a cue must start and end at a word edge
    ignore_case: bool


@dataclass(frozen=True)
class Kind:
    convert: Callable[[Any, Script, str], Any]
    description: str


def _flags(script: Script, ignore_case: bool | None) -> int:
    return re.IGNORECASE if (script.ignore_case if ignore_case is None else ignore_case) else 0


def _compile(source: str, flags: int, where: str) -> re.Pattern:
    try:
        return re.compile(source, flags)
    except re.error as error:
        raise SchemaError(f"{where}: pattern {source!r} does not compile: {error}") from error


def _string_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise SchemaError(f"{where}: expected a list of strings")
    duplicates = sorted({item for item in value if value.count(item) > 1})
    if duplicates:
        raise SchemaError(f"{where}: duplicate entries {duplicates}")
    for item in value:
        if not item.strip():
            raise SchemaError(f"{where}: empty entry")
    return value


def alternation(fragments: list[str], flags: int, bounded: bool) -> re.Pattern:
    """One pattern matching any of the fragments (longest alternatives are the writer's job)."""
    if not fragments:
        return NEVER
    body = "|".join(f"(?:{fragment})" for fragment in fragments)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)" if bounded else f"(?:{body})", flags)


def _field(kind: Kind, doc: str) -> Any:
    return field(metadata={"kind": kind, "doc": doc})


def phrases(doc: str, *, bounded: bool | None = None, ignore_case: bool | None = None) -> Any:
    """A list of fragments compiled into one alternation (``re.Pattern``). ``bounded``: the match
    starts and ends at a word edge (default: where the script has word edges)."""

    def convert(value: Any, script: Script, where: str) -> re.Pattern:
        fragments = _string_list(value, where)
        flags = _flags(script, ignore_case)
        for fragment in fragments:
            _compile(fragment, flags, where)
        return alternation(fragments, flags, script.word_boundaries if bounded is None else bounded)

    return _field(Kind(convert, "list of regex fragments, matched as one alternation"), doc)


def fragments(doc: str) -> Any:
    """A list of fragments the engine composes into larger patterns (``tuple[str, ...]``)."""

    def convert(value: Any, script: Script, where: str) -> tuple[str, ...]:
        items = _string_list(value, where)
        for item in items:
            _compile(item, 0, where)
        return tuple(items)

    return _field(Kind(convert, "list of regex fragments"), doc)


def patterns(doc: str, *, ignore_case: bool | None = None) -> Any:
    """A list of patterns tried in order (``tuple[re.Pattern, ...]``)."""

    def convert(value: Any, script: Script, where: str) -> tuple[re.Pattern, ...]:
        flags = _flags(script, ignore_case)
        return tuple(_compile(item, flags, where) for item in _string_list(value, where))

    return _field(Kind(convert, "list of regular expressions, tried in order"), doc)


def pattern(doc: str, *, ignore_case: bool | None = None) -> Any:
    """One regular expression (``re.Pattern``); null or an empty string matches nothing."""

    def convert(value: Any, script: Script, where: str) -> re.Pattern:
        if value in (None, ""):
            return NEVER
        if not isinstance(value, str):
            raise SchemaError(f"{where}: expected a regular expression")
        return _compile(value, _flags(script, ignore_case), where)

    return _field(Kind(convert, "one regular expression"), doc)


def pattern_pairs(doc: str, value_type: type = str, *, ignore_case: bool | None = None) -> Any:
    """A list of ``[pattern, value]`` pairs tried in order (``tuple[tuple[re.Pattern, value], ...]``)."""

    def convert(value: Any, script: Script, where: str) -> tuple[tuple[re.Pattern, Any], ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise SchemaError(f"{where}: expected a list of [pattern, value] pairs")
        pairs = []
        seen = set()
        for item in value:
            if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)
                    and isinstance(item[1], value_type)):
                raise SchemaError(f"{where}: expected [pattern, {value_type.__name__}], found {item!r}")
            if item[0] in seen:
                raise SchemaError(f"{where}: duplicate pattern {item[0]!r}")
            seen.add(item[0])
            pairs.append((_compile(item[0], _flags(script, ignore_case), where), item[1]))
        return tuple(pairs)

    return _field(Kind(convert, f"list of [pattern, {value_type.__name__}] pairs"), doc)


def phrase_table(doc: str, *, bounded: bool | None = None, ignore_case: bool | None = None) -> Any:
    """A mapping key -> list of fragments, each list one alternation, in the file's order
    (``tuple[tuple[str, re.Pattern], ...]``): the order is a priority."""

    def convert(value: Any, script: Script, where: str) -> tuple[tuple[str, re.Pattern], ...]:
        if value is None:
            return ()
        if not isinstance(value, dict):
            raise SchemaError(f"{where}: expected a mapping of lists")
        flags = _flags(script, ignore_case)
        edge = script.word_boundaries if bounded is None else bounded
        table = []
        for key, items in value.items():
            items = _string_list(items, f"{where}.{key}")
            for item in items:
                _compile(item, flags, f"{where}.{key}")
            table.append((str(key), alternation(items, flags, edge)))
        return tuple(table)

    return _field(Kind(convert, "mapping of key to list of regex fragments"), doc)


def fragment_table(doc: str) -> Any:
    """A mapping key -> list of fragments the engine composes (``dict[str, tuple[str, ...]]``)."""

    def convert(value: Any, script: Script, where: str) -> dict[str, tuple[str, ...]]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise SchemaError(f"{where}: expected a mapping of lists")
        table = {}
        for key, items in value.items():
            items = _string_list(items, f"{where}.{key}")
            for item in items:
                _compile(item, 0, f"{where}.{key}")
            table[str(key)] = tuple(items)
        return table

    return _field(Kind(convert, "mapping of key to list of regex fragments"), doc)


def words(doc: str, *, lower: bool = True) -> Any:
    """Plain words (no regex), as a ``frozenset[str]``, lower-cased unless ``lower=False``."""

    def convert(value: Any, script: Script, where: str) -> frozenset[str]:
        items = _string_list(value, where)
        return frozenset(item.lower() if lower else item for item in items)

    return _field(Kind(convert, "list of plain words"), doc)


def word_values(doc: str, value_type: type | tuple[type, ...] = (int, float), *, lower: bool = True) -> Any:
    """Plain words with a value each (``dict[str, value]``), e.g. number words or ordinals."""

    def convert(value: Any, script: Script, where: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise SchemaError(f"{where}: expected a mapping of word to value")
        table = {}
        for word, item in value.items():
            if not isinstance(word, str) or not isinstance(item, value_type) or isinstance(item, bool):
                raise SchemaError(f"{where}: {word!r}: expected a word and a {value_type}, found {item!r}")
            key = word.lower() if lower else word
            if key in table:
                raise SchemaError(f"{where}: duplicate word {word!r}")
            table[key] = item
        return table

    return _field(Kind(convert, "mapping of plain word to value"), doc)


def value(doc: str, value_type: type | tuple[type, ...]) -> Any:
    """A single value: a flag, a number or a string."""

    def convert(item: Any, script: Script, where: str) -> Any:
        if not isinstance(item, value_type):
            raise SchemaError(f"{where}: expected {value_type}, found {item!r}")
        return item

    return _field(Kind(convert, f"a {value_type}"), doc)


def raw(doc: str, check: Callable[[Any, str], Any]) -> Any:
    """Structured data checked and converted by ``check(value, where)`` (for the few shapes above
    do not cover, such as a list of month names per month)."""

    def convert(item: Any, script: Script, where: str) -> Any:
        return check(item, where)

    return _field(Kind(convert, "structured data"), doc)
