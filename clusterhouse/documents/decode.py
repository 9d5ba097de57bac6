"""Bytes to text: byte order marks, declared charsets, and guesses for legacy encodings."""

from __future__ import annotations

import codecs
import contextlib
import re

from clusterhouse.documents.model import UnreadableFile
from clusterhouse.lang import all_languages
from clusterhouse.lang.schema import DocumentWords

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_BINARY_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"Rar!",
    b"7z\xbc\xaf",
)
# Declared encodings that have a safer superset (WHATWG does the same for latin-1).
_ENCODING_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "cp950",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
}
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_WESTERN_EXTRA = set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")


def _common_share(text: str, words: DocumentWords) -> float:
    """Share of the language's common characters among the text's characters of its script: a third
    or more in a correct decoding; in Big5 decoded as GB18030 (or the reverse) almost none."""
    letters = words.script_characters.findall(text)
    return sum(c in words.common_characters for c in letters) / len(letters) if letters else 0.0


def _decode_as_legacy(data: bytes) -> tuple[str, str] | None:
    """The best decoding among the legacy encodings of every language that declares them."""
    best = None
    for words in _legacy_languages():
        for encoding in words.legacy_encodings:
            with contextlib.suppress(UnicodeDecodeError):
                text = data.decode(encoding)
                score = _common_share(text, words)
                if score >= 0.15 and (best is None or score > best[0]):
                    best = (score, text, encoding)
    if best is not None:
        return best[1], best[2]
    for words in _legacy_languages():
        # Pages scraped from such sites sometimes carry a few corrupt bytes; keep the rest.
        encoding = words.legacy_encodings[0]
        text = data.decode(encoding, errors="replace")
        if text.count("\ufffd") <= 0.005 * len(text) and _common_share(text, words) >= 0.3:
            return text, encoding
    return None


def _legacy_languages() -> list[DocumentWords]:
    return [lang.documents for lang in all_languages() if lang.documents.legacy_encodings]


def _decode_as_western(data: bytes) -> tuple[str, str] | None:
    """cp1252/latin-1 when the result reads like a Western European language."""
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    if not re.search(rb"[\x80-\x9f]", data):
        encoding = "latin-1"
    high = [c for c in text if ord(c) > 127]
    letters = sum(c.isalpha() for c in text)
    latin = sum(
        ("\u00c0" <= c <= "\u00ff" and c not in "×÷") or c in _WESTERN_EXTRA or c in "«»°£§©®º ª"
        for c in high
    )
    if letters and len(high) <= 0.25 * letters and latin >= 0.9 * len(high):
        return text, encoding
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode file bytes to text; returns (text, encoding). Raises UnreadableFile."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff"), encoding.replace("-sig", "")
            except UnicodeDecodeError as error:
                reason = f"cannot decode text (byte order mark says {encoding}: {error.reason})"
                raise UnreadableFile(reason) from error
    head = data[:8192]
    if (
        b"\x00" in head
        or head.startswith(_BINARY_MAGIC)
        or len(_CONTROL_BYTES.findall(head)) > 0.05 * len(head)
    ):
        raise UnreadableFile("binary file, not text")
    with contextlib.suppress(UnicodeDecodeError):
        return data.decode("utf-8"), "utf-8"
    if declared:
        declared = _ENCODING_SUPERSETS.get(declared.lower(), declared.lower())
        with contextlib.suppress(UnicodeDecodeError, LookupError):
            return data.decode(declared), declared
    for guess in (_decode_as_legacy, _decode_as_western):
        decoded = guess(data)
        if decoded:
            return decoded
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    raise UnreadableFile("cannot decode text (tried utf-8, gb18030, big5, cp1252 and charset-normalizer)")

