"""Reading one file of any supported format into documents: the reader for its suffix finds the
articles; this module works out each article's language, publication date, outlet and identity.

``read_file`` never raises for bad input: one broken file must never stop the others from loading.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path, PurePosixPath

from clusterhouse.documents.dates import find_published_date
from clusterhouse.documents.identity import content_id, first_paragraph_title
from clusterhouse.documents.language import detect_language
from clusterhouse.documents.model import Article, BadRecord, RejectedFile, SourceDocument, UnreadableFile
from clusterhouse.documents.outlets import canonical_outlet, find_source_outlet
from clusterhouse.documents.readers import READERS
from clusterhouse.settings import Limits

_NOT_TEXT = re.compile(r"[\ud800-\udfff]|\x00")  # lone surrogates (from JSON escapes) and NUL


def valid_text(value: str | None) -> str | None:
    """Text every consumer can store: lone surrogates become U+FFFD, NUL characters go."""
    if value is None or not _NOT_TEXT.search(value):
        return value
    return _NOT_TEXT.sub(lambda match: "" if match.group() == "\x00" else "\ufffd", value)


def build_document(article: Article, *, path: str, file_name: str, file_sha256: str,
                   fmt: str) -> SourceDocument:
    metadata = {key: valid_text(value) if isinstance(value, str) else value
                for key, value in article.metadata.items()}
    text, title = valid_text(article.text), valid_text(article.title)
    if not text.strip():
        raise UnreadableFile("no text found")
    if title is None:
        title = first_paragraph_title(text)
    language = detect_language(text if not title or title in text else f"{title}\n\n{text}")
    hinted_language = (metadata.get("language") or "").lower()[:2]
    language = language or (hinted_language if hinted_language.isalpha() else None)
    published, published_source = find_published_date(text, language, metadata.get("date"))
    if published is None and metadata.get("page_date"):
        published, published_source = metadata["page_date"], "text"
    outlet = canonical_outlet(metadata.get("outlet")) or find_source_outlet(text)
    return SourceDocument(
        document_id=content_id(title, text),
        path=path,
        file_name=file_name,
        file_sha256=file_sha256,
        format=fmt,
        encoding=article.encoding,
        title=title,
        text=text,
        language=language,
        source_outlet=outlet,
        url=metadata.get("url"),
        published_date=published,
        published_date_source=published_source,
    )


def _read(data: bytes, relative: str, limits: Limits) -> tuple[list[SourceDocument], list[RejectedFile]]:
    suffix = PurePosixPath(relative).suffix.lower()
    if suffix not in READERS:
        raise UnreadableFile(f"unsupported file type {suffix or '(no extension)'}")
    fmt, reader = READERS[suffix]
    if not data.strip(b" \t\r\n\x00" + codecs.BOM_UTF8):
        raise UnreadableFile("empty file")
    sha = hashlib.sha256(data).hexdigest()
    name = PurePosixPath(relative).name
    documents: list[SourceDocument] = []
    rejected: list[RejectedFile] = []
    for item in reader(data):
        suffix_label = f"#{item.record}" if item.record is not None else ""
        if isinstance(item, BadRecord):
            rejected.append(RejectedFile(relative + suffix_label, item.reason))
            continue
        try:
            if len(item.text) > limits.max_document_chars:
                raise UnreadableFile(f"text too long: {len(item.text):,} characters, the limit is "
                                     f"{limits.max_document_chars:,} per document "
                                     "(CLUSTERHOUSE_MAX_DOCUMENT_CHARS)")
            documents.append(build_document(item, path=relative, file_name=name + suffix_label,
                                            file_sha256=sha, fmt=fmt))
        except UnreadableFile as error:
            rejected.append(RejectedFile(relative + suffix_label, str(error)))
    return documents, rejected


Read = tuple[list[SourceDocument], list[RejectedFile]]


def read_bytes(data: bytes, relative: str, limits: Limits | None = None) -> Read:
    """The articles in the bytes of one file (``relative`` is its path under the raw folder), and
    the parts that could not be read (with the reason). Never raises for bad input."""
    try:
        return _read(data, relative, limits or Limits())
    except UnreadableFile as error:
        return [], [RejectedFile(relative, str(error))]
    except RecursionError:
        return [], [RejectedFile(relative, "nested too deeply to read")]
    except Exception as error:  # noqa: BLE001 - a bug or a library failure on one file must not stop the others
        return [], [RejectedFile(relative, f"unexpected error: {type(error).__name__}: {error}")]


def read_file(path: Path, raw_root: Path, limits: Limits | None = None) -> Read:
    """The articles in one file, and the parts that could not be read (with the reason)."""
    path, raw_root = Path(path), Path(raw_root)
    try:
        relative = path.relative_to(raw_root).as_posix()
    except ValueError:
        relative = path.as_posix()
    try:
        data = path.read_bytes()
    except OSError as error:
        return [], [RejectedFile(relative, f"cannot read file: {error.strerror or error}")]
    return read_bytes(data, relative, limits)
