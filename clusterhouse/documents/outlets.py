"""The outlet an article comes from, from metadata or from how the text credits itself."""

from __future__ import annotations

import re
from functools import lru_cache

from clusterhouse.documents.identity import identity_key
from clusterhouse.documents.tidy import SPACES
from clusterhouse.lang import all_languages
from clusterhouse.reference.names import outlet_aliases
from clusterhouse.text.quick_test import QuickTest, possible_items, quick_test
from clusterhouse.text.words import any_language, every_language

_CREDIT = re.compile(r"[(（]\s*(?P<name>[^()（）\n]{2,40}?)\s*[)）]")
_WEB_ADDRESS = r"\.com|\.cn"  # a name with a web address is an outlet's
_WINDOW = 600


@lru_cache(maxsize=1)
def _outlet_by_key() -> dict[str, str]:
    """Every spelling of a known outlet (compared as identity keys) -> its canonical name."""
    return {identity_key(alias): name for name, aliases in outlet_aliases().items() for alias in aliases}


# Credits are read without knowing the document's language: the words of every language apply.
@lru_cache(maxsize=1)
def _source_label() -> re.Pattern:
    labels = any_language(lambda lang: lang.documents.source_labels)
    return re.compile(rf"(?:^|\n|\s|[|丨])(?:{labels})\s*[:：]\s*(?P<name>[^\n|丨,，。;；]{{2,60}})")


@lru_cache(maxsize=1)
def _source_label_quick() -> QuickTest | None:
    """Whether a window may hold a source label at all: most hold none, and `re` tries the
    labels of every language at each space to find out (a third of finding the outlet)."""
    return quick_test([_source_label()])


@lru_cache(maxsize=1)
def _outlet_datelines() -> tuple[tuple[re.Pattern, ...], QuickTest | None]:
    """Each language's dateline naming its outlet, in the order of the languages, and which of
    them may match a text."""
    patterns = tuple(lang.documents.outlet_dateline for lang in all_languages())
    return patterns, quick_test(patterns)


@lru_cache(maxsize=1)
def _name_stop() -> re.Pattern:
    """What ends an outlet's name on a source line: a wide gap, or a credit label after a space (or,
    where words are not spaced, right before its colon)."""
    spaced = any_language(lambda lang: lang.documents.credit_labels)
    glued = any_language(lambda lang: () if lang.about.word_boundaries else lang.documents.credit_labels)
    return re.compile(rf"\s{{2,}}|\s(?:{spaced})\b|\s*(?:{glued})[:：]")


@lru_cache(maxsize=1)
def _outlet_words() -> re.Pattern:
    return re.compile(rf"(?i:{_WEB_ADDRESS})|{any_language(lambda lang: lang.documents.outlet_words)}")


@lru_cache(maxsize=1)
def _own_outlet() -> tuple[str, ...]:
    return tuple(sorted(every_language(lambda lang: lang.documents.own_outlet)))


def canonical_outlet(name: str | None, allow_unknown: bool = True) -> str | None:
    """Canonical spelling of an outlet name; unknown names are returned tidied (or None)."""
    if not name:
        return None
    cleaned = SPACES.sub(" ", str(name)).strip(" -–—|:：,.;()（）[]【】")
    known = _outlet_by_key().get(identity_key(cleaned))
    if known or not allow_unknown:
        return known
    return cleaned if 2 <= len(cleaned) <= 60 else None


def _outlet_dateline(head: str) -> re.Match | None:
    """A dateline naming its outlet (新华社北京3月5日电), in the first language whose datelines do."""
    patterns, quick = _outlet_datelines()
    for pattern in possible_items(quick, patterns, head):
        if match := pattern.search(head):
            return match
    return None


def find_source_outlet(text: str) -> str | None:
    """The outlet the text credits itself to (`Source: China Daily`, `(XINHUA)`, `新华社北京3月5日电`)."""
    head, tail = text[:_WINDOW], text[-_WINDOW:]
    quick = _source_label_quick()
    for window in (head, tail):
        if quick is not None and not quick.possible(window):
            continue
        for match in _source_label().finditer(window):
            name = _name_stop().split(match.group("name"))[0]
            outlet = canonical_outlet(name, allow_unknown=False)
            if outlet or (_outlet_words().search(name.strip()) and len(name.split()) <= 6):
                return outlet or canonical_outlet(name)
    match = _outlet_dateline(head)
    if match:
        # The match may start a few characters early ("据新华社…电"): try each ending of it.
        name = match.group("name")
        for start in range(len(name) - 1):
            outlet = canonical_outlet(name[start:], allow_unknown=False)
            if outlet:
                return outlet
        at_line_start = match.start() == 0 or head[match.start() - 1] in "\n 　。，"
        if at_line_start and not name.startswith(_own_outlet()):  # 本报 = "this paper", not a name
            return canonical_outlet(name)
    for window in (head, tail):
        for match in _CREDIT.finditer(window):
            first = re.split(r"[/|]", match.group("name"))[0]
            outlet = canonical_outlet(first, allow_unknown=False)
            if outlet:
                return outlet
    return None

