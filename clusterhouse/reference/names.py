"""Reference facts about names in news on China, read from the data files beside this module:
news outlets and the spellings they are credited by (``outlets.yaml``), and how Chinese place names
are typed, shortened and romanised (``places/naming.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from clusterhouse.reference import PLACES_DIR, REFERENCE_DIR


def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=1)
def outlet_aliases() -> dict[str, tuple[str, ...]]:
    """Canonical outlet name -> the spellings it is credited by (the name itself included)."""
    return {name: tuple(aliases) for name, aliases in _read_yaml(REFERENCE_DIR / "outlets.yaml").items()}


@dataclass(frozen=True)
class PlaceNaming:
    """places/naming.yaml: the words around a Chinese place name (see the file for each)."""

    type_words_after_name: dict[tuple[str, ...], str]  # ('county', 'level', 'city') -> 'city'
    ethnic_words: frozenset[str]  # ethnic groups and the words that join them
    after_ethnic_groups: str
    surnames: frozenset[str]
    fused_type_words: dict[str, str]  # division type -> syllable
    short_form_endings: dict[str, str]  # division type -> character
    former_type_endings: dict[str, str]  # division type -> character
    short_names: dict[str, str]  # division code -> short name


@lru_cache(maxsize=1)
def place_naming() -> PlaceNaming:
    data = _read_yaml(PLACES_DIR / "naming.yaml")
    return PlaceNaming(
        type_words_after_name={tuple(phrase.split()): kind for phrase, kind in data["type_words_after_name"].items()},
        ethnic_words=frozenset(data["ethnic_groups"]) | frozenset(data["ethnic_group_joiners"]),
        after_ethnic_groups=data["after_ethnic_groups"],
        surnames=frozenset(data["surnames"]),
        fused_type_words=dict(data["fused_type_words"]),
        short_form_endings=dict(data["short_form_endings"]),
        former_type_endings=dict(data["former_type_endings"]),
        short_names={str(code): name for code, name in data["short_names"].items()},
    )
