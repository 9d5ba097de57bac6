"""Words of every supported language at once: for what is read before a document's language is
known (its title, credits, sentences) and for tables that serve text in any language."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from clusterhouse.lang import Language, all_languages

NOTHING = r"(?!x)x"  # an alternation of no words: matches nothing


def any_language(pick: Callable[[Language], Iterable[str]]) -> str:
    """One alternation of a field's fragments across every language, each language's part matched
    with that language's letter-case rule (``(?i:…)`` where it ignores case)."""
    parts = []
    for lang in all_languages():
        fragments = list(pick(lang))
        if fragments:
            body = "|".join(fragments)
            parts.append(f"(?i:{body})" if lang.about.ignore_case else f"(?:{body})")
    return "|".join(parts) or NOTHING


def every_language(pick: Callable[[Language], Iterable[str]]) -> frozenset[str]:
    """The plain words of a field in every language, together."""
    return frozenset(word for lang in all_languages() for word in pick(lang))
