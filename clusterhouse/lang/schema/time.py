"""time.yaml: month names, relative years, periods of the year, and the other ways a language
says when a figure applies or when an article was published."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from clusterhouse.lang.schema.kinds import SchemaError, raw


def _months(value: Any, where: str) -> tuple[tuple[str, ...], ...]:
    """Twelve lists of spellings, January first; the full name first, then abbreviations."""
    if value is None:
        return ()
    if not (isinstance(value, list) and len(value) == 12 and all(
            isinstance(month, list) and month and all(isinstance(name, str) and name for name in month)
            for month in value)):
        raise SchemaError(f"{where}: expected twelve lists of month names (January first), or null")
    spellings = [name.lower() for month in value for name in month]
    duplicates = sorted({name for name in spellings if spellings.count(name) > 1})
    if duplicates:
        raise SchemaError(f"{where}: a spelling names two months or appears twice: {duplicates}")
    return tuple(tuple(name.lower() for name in month) for month in value)


@dataclass(frozen=True)
class TimeWords:
    months: tuple[tuple[str, ...], ...] = raw(
        "Month names, January first: the full name first, then abbreviations (null where months are "
        "written with numbers, as in Chinese 3月)", _months)
