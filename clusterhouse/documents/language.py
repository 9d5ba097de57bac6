"""Detect the language of a document (ISO 639-1 code).

lingua is accurate on short texts, but loading every language model costs ~6 s and 1.3 GB; the
subset below loads lazily, once per process.
Chinese is decided by script before lingua is asked: a page of Chinese with an English byline or
a few Latin product names is still Chinese, and lingua would weigh the Latin words too heavily.
Most other articles are decided by their common words (each language folder's `common_words`)
before lingua is asked too: where they are plainly one language's, lingua says the same.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from functools import lru_cache

from clusterhouse.lang import all_languages
from clusterhouse.text.chinese import HAN

SUPPORTED_LANGUAGES = ("en", "zh", "it", "es", "fr", "de", "pt", "ru", "ja", "ko", "ar", "nl")

# lingua reads the first few thousand characters as well as the whole text, ten times faster.
SAMPLE_CHARS = 3000
# Its time grows with the text (measured: 0.95 ms for a news article's 3,000 characters, 0.25 ms
# for 250): a long sample is first read in two short windows, at a third and two thirds of it,
# and decided by them when lingua is sure of both and they agree; else the whole sample is read.
# Two windows, so that one passage in another language (a quote) cannot decide the article.
# On 3,000 articles of the generated corpus and every test corpus: the same language for every
# one, 0.50 ms an article instead of 1.13 ms.
WINDOW_CHARS = 250
WINDOW_CONFIDENCE = 0.9
# lingua's low-accuracy mode reads trigrams only, so its models load in 0.07 s instead of 1.8 s
# (which every refresh that reads a document paid). From 200 characters on it chose the language
# the high-accuracy mode chose for each of 25,000 articles of every corpus and of ~370 passages of
# 200-300 characters; below that the two differ (one passage in 20 at 60 characters, one in 400 at
# 120), so a shorter sample goes to the high-accuracy detector, built the first time one comes.
LOW_ACCURACY_FROM_CHARS = 200

# A sample is read as a language by its common words when at least this many of its words are
# that language's alone, making at least this share of all its words, and this many times the
# next language's. Of 8,167 articles in alphabetic scripts (the generated corpus, dev, seeds and
# every test corpus) 7,993 were so decided, lingua choosing the same language for every one; their
# own words were a tenth to a third of their words (median by language), the next language's a few.
# A text in a language without a folder shares some short words with ours, never a twelfth of
# its words (tests: Dutch, Indonesian). Counting takes ~0.08 ms an article, lingua's windows ~0.4
# ms: reading 3,000 articles on one core, 5.3-5.9 s -> 3.9-4.3 s.
COMMON_WORDS_MIN = 10
COMMON_WORDS_MIN_SHARE = 0.08
COMMON_WORDS_LEAD = 6

_KANA = r"[\u3040-\u30ff]"
_HANGUL = r"[\uac00-\ud7af\u1100-\u11ff]"
_HAN_RUNS, _KANA_RUNS, _HANGUL_RUNS = (re.compile(f"{script}+") for script in (HAN.pattern, _KANA, _HANGUL))
_EAST_ASIAN = re.compile(f"{HAN.pattern}|{_KANA}|{_HANGUL}")
_LETTER_RUNS = re.compile(r"[^\W\d_]+")

_detectors: dict[bool, object] = {}  # low accuracy? -> the lingua detector
_detector_lock = threading.Lock()


def _get_detector(sample: str = ""):
    """The lingua detector for SUPPORTED_LANGUAGES suited to the sample's length, built on first use."""
    low_accuracy = len(sample) >= LOW_ACCURACY_FROM_CHARS
    with _detector_lock:
        if low_accuracy not in _detectors:
            from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

            languages = [
                Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
                for code in SUPPORTED_LANGUAGES
            ]
            builder = LanguageDetectorBuilder.from_languages(*languages)
            if low_accuracy:  # all its models at once (0.07 s), so that forked workers inherit them
                builder = builder.with_low_accuracy_mode().with_preloaded_language_models()
            _detectors[low_accuracy] = builder.build()
        return _detectors[low_accuracy]


def _count(runs: re.Pattern, sample: str) -> int:
    """How many characters of the sample the class matches, read as runs (a list of every
    letter of an article took a fifth of detecting its language)."""
    return sum(map(len, runs.findall(sample)))


def _script_language(sample: str) -> str | None:
    """zh/ja/ko when East Asian characters make up a good share of the letters."""
    if not _EAST_ASIAN.search(sample):
        return None  # most articles: one pass finds none, where counting each script took three
    han, kana, hangul = (_count(runs, sample) for runs in (_HAN_RUNS, _KANA_RUNS, _HANGUL_RUNS))
    letters = _count(_LETTER_RUNS, sample)
    if not letters:
        return None
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
    if not _LETTER_RUNS.search(sample):
        return None
    decided = _script_language(sample) or _common_words_language(sample)
    if decided:
        return decided
    language = _window_language(sample) or _get_detector(sample).detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None


@lru_cache(maxsize=1)
def _common_word_owners() -> dict[str, str]:
    """Each common word that only one language folder lists, and that language's code."""
    listed_by: dict[str, set[str]] = {}
    for language in all_languages():
        for word in language.about.common_words:
            listed_by.setdefault(word, set()).add(language.about.code)
    return {word: codes.pop() for word, codes in listed_by.items() if len(codes) == 1}


def _common_words_language(sample: str) -> str | None:
    """The language whose common words plainly make up the sample, or None (lingua then decides)."""
    owners = _common_word_owners()
    words = _LETTER_RUNS.findall(sample.lower())
    counts = Counter(filter(None, map(owners.get, words))).most_common(2)
    if not counts:
        return None
    language, count = counts[0]
    runner_up = counts[1][1] if len(counts) > 1 else 0
    if (count >= COMMON_WORDS_MIN and count >= COMMON_WORDS_MIN_SHARE * len(words)
            and count >= COMMON_WORDS_LEAD * runner_up):
        return language
    return None


def _window_language(sample: str):
    """The lingua language both windows of a long sample are sure of, or None."""
    if len(sample) <= 3 * WINDOW_CHARS:
        return None
    decided = None
    for middle in (len(sample) // 3, 2 * len(sample) // 3):
        start = middle - WINDOW_CHARS // 2
        window = sample[start: start + WINDOW_CHARS]
        values = _get_detector(window).compute_language_confidence_values(window)
        if not values or values[0].value < WINDOW_CONFIDENCE or decided not in (None, values[0].language):
            return None
        decided = values[0].language
    return decided
