"""What each supported language's words are: one folder of data per language.

``language(code)`` returns the ``Language`` read from ``lang/<code>/`` (cached), or None when no
folder exists for the code: the document is then recorded as in an unsupported language, never
read as if it were English. A new language is a new folder; ``python -m clusterhouse.lang.checker``
checks every folder against the schema.
"""

from __future__ import annotations

from functools import lru_cache

from clusterhouse.lang.loader import LANG_DIR, language_folders, load_language
from clusterhouse.lang.schema import Language


@lru_cache(maxsize=1)
def supported_languages() -> tuple[str, ...]:
    """Codes of every language with a folder under lang/."""
    return tuple(language_folders(LANG_DIR))


def normalise_code(code: str | None) -> str | None:
    """'en-US' -> 'en', 'ZH_Hant' -> 'zh'; None for no code."""
    if not code:
        return None
    return code.strip().lower().replace("_", "-").split("-")[0] or None


@lru_cache(maxsize=None)
def _load(code: str) -> Language:
    return load_language(code)


@lru_cache(maxsize=256)  # asked for every sentence, by a handful of codes
def language(code: str | None) -> Language | None:
    """The language data for a code, or None when the project has no folder for it."""
    key = normalise_code(code)
    if key is None or key not in supported_languages():
        return None
    return _load(key)


def all_languages() -> tuple[Language, ...]:
    """Every supported language (for tables that serve any language, such as month names in dates)."""
    return tuple(_load(code) for code in supported_languages())


__all__ = ["LANG_DIR", "Language", "all_languages", "language", "normalise_code", "supported_languages"]
