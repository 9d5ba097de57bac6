"""Detect the language of a document (ISO 639-1 code).

lingua is accurate on short texts, but loading every language model costs ~6 s and 1.3 GB; the
subset below loads lazily in about a second and ~110-190 MB, once per process.
Chinese is decided by script before lingua is asked: a page of Chinese with an English byline or
a few Latin product names is still Chinese, and lingua would weigh the Latin words too heavily.
"""

from __future__ import annotations

import re
import threading

SUPPORTED_LANGUAGES = ("en", "zh", "it", "es", "fr", "de", "pt", "ru", "ja", "ko", "ar", "nl")

# lingua reads the first few thousand characters as well as the whole text, ten times faster.
SAMPLE_CHARS = 3000

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_LETTER = re.compile(r"[^\W\d_]")

_detector = None
_detector_lock = threading.Lock()


def _get_detector():
    """The lingua detector for SUPPORTED_LANGUAGES, built on first use."""
    global _detector
    with _detector_lock:
        if _detector is None:
            from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

            languages = [
                Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
                for code in SUPPORTED_LANGUAGES
            ]
            _detector = LanguageDetectorBuilder.from_languages(*languages).build()
        return _detector


def _script_language(sample: str) -> str | None:
    """zh/ja/ko when East Asian characters make up a good share of the letters."""
    letters = len(_LETTER.findall(sample))
    if not letters:
        return None
    han, kana, hangul = (len(p.findall(sample)) for p in (_HAN, _KANA, _HANGUL))
    # Each Han character is a word, each Latin letter a fraction of one: 20 % Han letters
    # is already mostly Chinese by meaning.
    if kana >= 0.05 * letters and kana + han >= 0.2 * letters:
        return "ja"
    if hangul >= 0.2 * letters:
        return "ko"
    if han >= 0.2 * letters:
        return "zh"
    return None


def detect_language(text: str | None) -> str | None:
    """ISO 639-1 code of the text's language, or None when it has no letters or no clear answer."""
    if not text:
        return None
    sample = text[:SAMPLE_CHARS]
    if not _LETTER.search(sample):
        return None
    by_script = _script_language(sample)
    if by_script:
        return by_script
    language = _get_detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None
