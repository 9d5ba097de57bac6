"""Reading a language folder into a ``Language``: every YAML file checked against its section.

``load_language(code)`` raises ``SchemaError`` listing every problem of the folder; ``problems``
returns them without raising (the checker and its test use it).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import yaml

from clusterhouse.lang.schema import SECTIONS, Language, SchemaError, Script

LANG_DIR = Path(__file__).resolve().parent


def language_folders(root: Path = LANG_DIR) -> list[str]:
    """The codes of every language folder (a folder with a language.yaml)."""
    return sorted(path.parent.name for path in root.glob("*/language.yaml"))


def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _section(cls: type, data: Any, script: Script, where: str, problems: list[str]) -> Any:
    if not isinstance(data, dict):
        problems.append(f"{where}: expected a mapping of fields")
        return None
    declared = {field.name: field for field in dataclasses.fields(cls)}
    for name in sorted(set(data) - set(declared)):
        problems.append(f"{where}: unknown field {name!r}")
    values = {}
    for name, field in declared.items():
        if name not in data:
            problems.append(f"{where}: missing field {name!r} ({field.metadata['doc']})")
            continue
        try:
            values[name] = field.metadata["kind"].convert(data[name], script, f"{where}: {name}")
        except SchemaError as error:
            problems.append(str(error))
    return cls(**values) if len(values) == len(declared) else None


def read_language(folder: Path) -> tuple[Language | None, list[str]]:
    """The language in ``folder`` and the problems found (the language is None if there are any)."""
    problems: list[str] = []
    sections: dict[str, Any] = {}
    script = Script(word_boundaries=True, ignore_case=True)
    for name, cls in SECTIONS.items():
        path = folder / f"{name}.yaml"
        where = f"{folder.name}/{path.name}"
        if not path.exists():
            problems.append(f"{where}: missing file")
            continue
        try:
            data = _read_yaml(path)
        except yaml.YAMLError as error:
            problems.append(f"{where}: not valid YAML: {error}")
            continue
        if not dataclasses.fields(cls) and data is None:
            data = {}
        section = _section(cls, data, script, where, problems)
        if name == "language" and section is not None:
            script = Script(word_boundaries=section.word_boundaries, ignore_case=section.ignore_case)
            if section.code != folder.name:
                problems.append(f"{where}: code {section.code!r} is not the folder's name")
        sections[name] = section
    for path in sorted(folder.glob("*.yaml")):
        if path.stem not in SECTIONS:
            problems.append(f"{folder.name}/{path.name}: no such section (known: {', '.join(SECTIONS)})")
    if problems:
        return None, problems
    return Language(about=sections.pop("language"), **sections), []


def problems(code: str, root: Path = LANG_DIR) -> list[str]:
    """Everything wrong with one language folder, or [] when it loads."""
    return read_language(root / code)[1]


def load_language(code: str, root: Path = LANG_DIR) -> Language:
    language, found = read_language(root / code)
    if language is None:
        raise SchemaError(f"language data of {code!r} does not fit the schema:\n  " + "\n  ".join(found))
    return language
