"""What reading a file produces: articles, and the parts that could not be read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class SourceDocument:
    document_id: str  # sha256 of the normalised title + text: same article twice -> same id
    path: str  # relative to the raw root, POSIX separators
    file_name: str  # base name, or "<base>#<n>" for the n-th record of a JSON/JSONL file
    file_sha256: str
    format: str  # txt | md | html | pdf | json | jsonl
    encoding: str | None  # None for PDF
    title: str | None
    text: str  # paragraphs separated by "\n\n"
    language: str | None  # ISO 639-1
    source_outlet: str | None
    url: str | None
    published_date: date | None
    published_date_source: str | None  # 'metadata' | 'text' | None


@dataclass(frozen=True)
class RejectedFile:
    path: str
    reason: str


class UnreadableFile(Exception):
    """A file (or record) that cannot be read; the message is the reason shown to users."""


@dataclass(frozen=True)
class Article:
    """One article as a reader found it, before language, date and identity are worked out."""

    text: str
    encoding: str | None
    title: str | None = None
    # date, outlet, url, language (hints from the file itself), page_date (a stamp the reader saw)
    metadata: dict = field(default_factory=dict)
    record: int | None = None  # the n-th record of a file holding several articles


@dataclass(frozen=True)
class BadRecord:
    """One record of a multi-article file that cannot be read; the others still load."""

    record: int | None
    reason: str
