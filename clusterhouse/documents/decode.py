"""Bytes to text: byte order marks, declared charsets, and guesses for legacy encodings."""

from __future__ import annotations

import codecs
import contextlib
import re

from clusterhouse.documents.model import UnreadableFile

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
# Frequent Chinese characters (simplified and traditional): in correctly decoded Chinese they
# make a third or more of the text; in Big5 decoded as GB18030 (or the reverse) almost none.
_COMMON_HANZI = set(
    "的一是不了在人有我他这個个们們中来來上大为為和国國地到以说說时時要就出会會可也对對生能而子那得于"
    "着下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定"
    "天分还還进進好小部其些主样樣理心本前开開但因只从從想实實日者意无無力与與长長把机機十民第公此已工使"
    "情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并並物手应應向头頭文体體政相见見被利什二等"
    "产產或新己制身果加月话話合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員"
    "解水名真论論处處走义義各入几幾口认認条條平系气氣题題活更别打女变變四总總何电電数數安少报報才结結反"
    "受目太量再感建务務做接必场場件计計管期市直资資命山金指许許统統区區保至队隊形社便空决決治展马馬科司"
    "五基企增亿億万萬元销銷售额額省县縣镇鎮集群品牌商贸貿易际際球"
)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_WESTERN_EXTRA = set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")


def _hanzi_score(text: str) -> float:
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return sum(c in _COMMON_HANZI for c in han) / len(han) if han else 0.0


def _decode_as_chinese(data: bytes) -> tuple[str, str] | None:
    best = None
    for encoding in ("gb18030", "cp950", "big5hkscs"):
        with contextlib.suppress(UnicodeDecodeError):
            text = data.decode(encoding)
            score = _hanzi_score(text)
            if score >= 0.15 and (best is None or score > best[0]):
                best = (score, text, encoding)
    if best is None:
        # Pages scraped from Chinese sites sometimes carry a few corrupt bytes; keep the rest.
        text = data.decode("gb18030", errors="replace")
        if text.count("\ufffd") <= 0.005 * len(text) and _hanzi_score(text) >= 0.3:
            best = (0.3, text, "gb18030")
    return (best[1], best[2]) if best else None


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
    for guess in (_decode_as_chinese, _decode_as_western):
        decoded = guess(data)
        if decoded:
            return decoded
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    raise UnreadableFile("cannot decode text (tried utf-8, gb18030, big5, cp1252 and charset-normalizer)")

