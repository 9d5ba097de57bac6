"""Chinese script: its characters, and traditional → simplified with the text's length unchanged,
so spans stay valid.

Matching runs on the simplified text; evidence and spans are taken from the original.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

# A Han character: the unified ideographs, extension A and the compatibility ideographs.
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


# A character from the CJK radicals (U+2E80) on: a text without one has no traditional character
# to simplify, in opencc's table or the gazetteer's (tests hold both to that).
MAY_BE_TRADITIONAL = re.compile(r"[^\x00-\u2e7f]")


def to_simplified(text: str) -> str:
    if not MAY_BE_TRADITIONAL.search(text):  # a European article is its own (opencc copied it, ~1 % of extraction)
        return text
    converter = _converter()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    # a phrase rule changed the length: fall back to one character at a time
    return "".join(ch if len(out := converter.convert(ch)) != 1 else out for ch in text)
