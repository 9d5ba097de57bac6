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


def word_then_digit(words: Iterable[str], gap: str) -> str:
    """A lookahead for "a word as long as one of these, an optional dot, ``gap``, a digit", to put
    before a case-blind alternation of many words (every language's month names) that would
    otherwise be tried at every word edge: the engine checks the lookahead first (the date patterns
    that start with a month name, 2.5-3x faster with it). Empty when a word is not all letters."""
    words = list(words)
    if not words or not all(word.isalpha() for word in words):
        return ""
    return rf"(?=[^\W\d_]{{{min(map(len, words))},{max(map(len, words))}}}\.?{gap}\d)"
