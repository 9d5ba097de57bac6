"""Tidying extracted text into paragraphs separated by blank lines."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from clusterhouse.text.words import any_language, every_language

_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\f\v]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SENTENCE_END = tuple('.!?。！？:;；："”’»)）】')


@lru_cache(maxsize=1)
def _page_number() -> re.Pattern:
    """'3', '3/12', 'page 3 of 12', '- 3 -': a page number on a line of its own (words of any language)."""
    label = any_language(lambda lang: lang.documents.page_labels)
    of = any_language(lambda lang: lang.documents.page_of)
    return re.compile(rf"^(?:(?:{label})\s+)?\d{{1,4}}(?:\s*(?:/|{of})\s*\d{{1,4}})?$|^[-–]\s*\d{{1,4}}\s*[-–]$")


@lru_cache(maxsize=1)
def _list_item() -> re.Pattern:
    """'- ', '3. ', '(2)', '（二）', '三、', '| ': a line that starts a list item or a table row. Numbers
    written with numeral characters (Chinese 一, 十) count as digits, whatever the text's language."""
    numerals = "".join(sorted(every_language(lambda lang: (*lang.numbers.numeral_digits, *lang.numbers.numeral_units))))
    return re.compile(rf"^(?:[-*•·▪]\s|\d{{1,2}}[.)]\s|[（(]?[{re.escape(numerals)}\d]{{1,3}}[)）、]|\|)")


def is_page_number(line: str) -> bool:
    return bool(_page_number().match(line))


def is_cjk(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


class _CharacterWidths(dict):
    """Columns each character met so far takes (2 when wide): one dict lookup a character instead
    of a call into unicodedata (2x faster on a line of Chinese)."""

    def __missing__(self, char: str) -> int:
        width = self[char] = 2 if is_cjk(char) else 1
        return width


_CHARACTER_WIDTHS = _CharacterWidths()


def _width(line: str) -> int:
    if line.isascii():  # no ASCII character is wide: most lines of alphabetic text
        return len(line)
    return sum(map(_CHARACTER_WIDTHS.__getitem__, line))


def _join_lines(left: str, right: str) -> str:
    if not left or not right:
        return left + right
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right[0].islower():
        return left[:-1] + right  # a word hyphenated at the line end
    if is_cjk(left[-1]) or is_cjk(right[0]):
        return left + right  # Chinese has no spaces between words
    return f"{left} {right}"


def tidy_lines(raw: str) -> list[str]:
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    raw = _INVISIBLE.sub("", raw)
    raw = SPACES.sub(" ", raw)
    raw = _CONTROL.sub("", raw)
    return [line.strip() for line in raw.split("\n")]


def _typical_width(widths: list[int]) -> int:
    widths = sorted(widths)
    return widths[int(0.9 * (len(widths) - 1))] if widths else 0


def _looks_hard_wrapped(lines: list[str]) -> bool:
    """Lines of similar, modest width that mostly stop mid-sentence: a wrapped plain-text file."""
    non_empty = [line for line in lines if line]
    if len(non_empty) < 3:
        return False
    widths = [_width(line) for line in non_empty]
    typical = _typical_width(widths)
    if not 30 <= typical <= 130:
        return False
    full = sum(width >= 0.6 * typical for width in widths)
    open_ended = sum(not line.endswith(_SENTENCE_END) for line in non_empty)
    return full >= 0.6 * len(non_empty) and open_ended >= 0.5 * len(non_empty)


def reflow_lines(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs; a blank line, or a short line that ends a sentence or
    stands alone, ends a paragraph."""
    typical = _typical_width([_width(line) for line in lines if line])
    paragraphs: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        current = _join_lines(current, line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        # a short line ends its paragraph, unless it stops mid-sentence and the next line goes on in
        # lower case or with a number: wrapped early ("… è passata da 1.200 milioni a" / "16.470 milioni")
        goes_on = (following[:1].islower() or following[:1].isdigit()) and not line.endswith(_SENTENCE_END)
        short = _width(line) < 0.75 * typical and not goes_on
        if short or (following and _list_item().match(following)):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _markdown_paragraphs(lines: list[str]) -> list[str]:
    """Markdown: the lines of a block form one paragraph, except list items and table rows."""
    paragraphs: list[str] = []
    current = ""
    for line in [*lines, ""]:
        if not line or _list_item().match(line):
            if current:
                paragraphs.append(current)
            current = line
        else:
            current = _join_lines(current, line)
    return paragraphs


def tidy_text(raw: str, reflow: bool | None = None, markdown: bool = False) -> str:
    """Paragraphs separated by a blank line, spaces collapsed, lines of a paragraph joined.

    `reflow=None` decides from the text: a hard-wrapped file is reflowed, otherwise every line is
    a paragraph (news sites paste one paragraph per line). `markdown` joins the lines of each
    blank-line separated block, as Markdown renders them.
    """
    lines = tidy_lines(raw)
    if reflow is None and not markdown:
        reflow = _looks_hard_wrapped(lines)
    if markdown:
        paragraphs = _markdown_paragraphs(lines)
    elif reflow:
        paragraphs = reflow_lines(lines)
    else:
        paragraphs = []
        for line in lines:
            # Table rows stay together in one paragraph, one row per line.
            if line.startswith("|") and paragraphs and paragraphs[-1].startswith("|"):
                paragraphs[-1] += "\n" + line
            elif line:
                paragraphs.append(line)
    return "\n\n".join(paragraphs)

