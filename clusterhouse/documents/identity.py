"""Titles and the content identity of an article."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from clusterhouse.documents.dates import iter_full_dates
from clusterhouse.documents.tidy import is_cjk
from clusterhouse.text.words import any_language

DOCUMENT_ID_CHARS = 16

_HEADLINE_END = tuple(".。,，;；:：、")
_ALNUM = re.compile(r"[^\W_]+")


# A title is read before the document's language is known: the labels of every language apply.
@lru_cache(maxsize=1)
def _date_label_prefix() -> re.Pattern:
    """All that stands before a date stamp glued to a title: a date label, if any, and a colon."""
    return re.compile(rf"^(?:{any_language(lambda lang: lang.documents.date_labels)})?\s*[:：]?\s*$")


@lru_cache(maxsize=1)
def _byline() -> re.Pattern:
    return re.compile(rf"^(?:{any_language(lambda lang: lang.documents.bylines)})[\s:：/]")


def strip_leading_date(line: str) -> str:
    """`date 2023-09-21 Some headline` -> `Some headline` (a stamp glued to the first line)."""
    dates = iter_full_dates(line[:60])
    if dates and _date_label_prefix().match(line[: dates[0][0]]):
        rest = line[dates[0][1] :]
        rest = re.sub(r"^\s*\d{1,2}:\d{2}(?::\d{2})?", "", rest)
        return rest.strip(" |-–—丨")
    return line


def headline(line: str) -> str | None:
    """The line as a title when it looks like one: short, not ending like a sentence."""
    line = strip_leading_date(re.sub(r"^#{1,6}\s+", "", line.strip())).strip()
    if not line or line.endswith(_HEADLINE_END) or not re.search(r"[^\W\d_]{2}|[\u4e00-\u9fff]", line):
        return None
    if _byline().match(line):
        return None
    limit = 60 if sum(map(is_cjk, line)) > len(line) / 2 else 160
    return line if len(line) <= limit else None


_MARKUP = re.compile(r"!\[[^\]]*\](?:\([^)]*\))?|\[[^\]]*\](?:\([^)]*\))?|\|")


def _is_page_debris(paragraph: str) -> bool:
    """What a copied web page leaves above its headline: a bar of links between pipes, empty image
    marks (![]()), buttons ([A A A])."""
    return paragraph.count("|") >= 2 or not re.search(r"[^\W\d_]{2}|[\u4e00-\u9fff]", _MARKUP.sub("", paragraph))


def first_paragraph_title(text: str) -> str | None:
    paragraphs = text.split("\n\n", 9)
    while len(paragraphs) > 1 and _is_page_debris(paragraphs[0]):
        paragraphs = paragraphs[1:]
    if len(paragraphs) < 2:
        return None  # a one-paragraph text has no separate headline
    return headline(paragraphs[0])


def identity_key(text: str) -> str:
    """Letters and digits only, case-folded: layout, punctuation and encoding do not change it."""
    # `[^\W_]` is exactly str.isalnum() (Python's \w is isalnum() plus "_"), in C instead of a loop
    return "".join(_ALNUM.findall(unicodedata.normalize("NFKC", text).casefold()))


def content_id(title: str | None, text: str) -> str:
    """Stable id of an article's content: the same article in two files gets the same id."""
    key_text = identity_key(text)
    key_title = identity_key(title or "")
    key = key_text if key_title in key_text else key_title + key_text
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:DOCUMENT_ID_CHARS]

