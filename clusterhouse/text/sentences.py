"""Paragraph and sentence boundaries, as character spans into the document text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from clusterhouse.lang import Language
from clusterhouse.text.words import every_language


def _abbreviations_of(lang: Language) -> set[str]:
    """The language's abbreviations whose full stop does not end a sentence (lower-case, no stop)."""
    found = set(lang.documents.abbreviations)
    if lang.documents.month_abbreviations:
        found.update(spelling for month in lang.time.months for spelling in month[1:])
    return found


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    # Sentences are split without knowing the document's language: every language's abbreviations apply.
    return every_language(_abbreviations_of)

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\r\n\s*\r\n")
# A sentence ends at . ! ? (Latin) or 。！？ (CJK), plus closing quotes and brackets.
_SENTENCE_END = re.compile(
    r"[.!?]+[\"'”’»)\]]*(?=\s)|[。！？]+[”’」』）)]*|[;；](?=\s*\S)"
    # a line break before a list item, or after a line that ends like a sentence or a label
    r"|(?<=[.!?。！？:：;；])\n|\n(?=\s*(?:[-*•·–]\s|\d{1,2}[.)]\s))"
)
# Every sentence end begins with one of these. `re` tries the whole alternation above at every
# character of a paragraph; searching for these first (a fast scan for one character class) and
# trying the alternation only where one stands finds the same ends at a fraction of the cost.
_SENTENCE_END_FIRST = re.compile(r"[.!?。！？;；\n]")


def _sentence_ends(body: str):
    """The matches of _SENTENCE_END in ``body``, as its finditer gives them."""
    position = 0
    while (candidate := _SENTENCE_END_FIRST.search(body, position)) is not None:
        match = _SENTENCE_END.match(body, candidate.start())
        if match is None:
            position = candidate.start() + 1
            continue
        yield match
        position = match.end()


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def paragraphs(text: str) -> list[Span]:
    spans, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append(Span(start, match.start()))
        start = match.end()
    spans.append(Span(start, len(text)))
    return [_strip(text, span) for span in spans if text[span.start:span.end].strip()]


def _strip(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


_WORD_AT_END = re.compile(r"[\w.]+$")
_WORD_REACH = 80  # characters looked at before a full stop; a longer word is looked for in all of them


def _word_before(text: str, end: int) -> str | None:
    """The word (with its dots) that ends ``text[:end]``, as ``[\\w.]+$`` finds it, read in the
    characters just before ``end`` (searching all of the text before every full stop made
    splitting quadratic in a paragraph's length)."""
    start = max(0, end - _WORD_REACH)
    word = _WORD_AT_END.search(text, start, end)
    if word is not None and word.start() == start and start > 0:
        word = _WORD_AT_END.search(text, 0, end)  # the word may begin further back
    return word.group() if word else None


def _ends_sentence(text: str, match: re.Match) -> bool:
    token = match.group()
    if token[0] != "." or token == "\n":
        return True
    word = _word_before(text, match.start())
    if word is None:
        return True
    stem = word.lower()
    if stem in _abbreviations() or (len(stem) == 1 and stem.isalpha()):
        return False
    # "No. 4", "Dec. 28": an abbreviation followed by a number rarely ends a sentence
    follower = text[match.end(): match.end() + 3].lstrip()
    if follower[:1].islower():
        return False
    return True


def sentences(text: str, paragraph: Span) -> list[Span]:
    """Sentences of one paragraph. Semicolons end a sentence too: news clauses joined by ';'
    state separate figures, and a shorter evidence span is easier to check."""
    spans, start = [], paragraph.start
    body = text[paragraph.start: paragraph.end]
    for match in _sentence_ends(body):
        if not _ends_sentence(body, match):
            continue
        end = paragraph.start + match.end()
        spans.append(_strip(text, Span(start, end)))
        start = end
    if start < paragraph.end:
        spans.append(_strip(text, Span(start, paragraph.end)))
    return [span for span in spans if span.end > span.start]
