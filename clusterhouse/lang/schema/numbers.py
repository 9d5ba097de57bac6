"""numbers.yaml: number words, scale words, ordinals and numerals of a language."""

from __future__ import annotations

from dataclasses import dataclass

from clusterhouse.lang.schema.kinds import word_values


@dataclass(frozen=True)
class NumberWords:
    numeral_digits: dict[str, int] = word_values(
        "Numeral characters for 0-9 in scripts that write numbers with them (Chinese 一, 二, 两, 壹…); "
        "empty for alphabetic languages", int, lower=False)
    numeral_units: dict[str, int] = word_values(
        "Numeral characters that multiply the digit before them within a group (十 10, 百 100, 千 1000)",
        int, lower=False)
    numeral_scales: dict[str, float] = word_values(
        "Numeral characters that multiply everything before them (万 10^4, 亿 10^8)", (int, float), lower=False)
