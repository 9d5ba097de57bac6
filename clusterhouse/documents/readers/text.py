"""Plain text: decoded, hard-wrapped lines joined into paragraphs."""

from __future__ import annotations

from clusterhouse.documents.decode import decode_bytes
from clusterhouse.documents.model import Article, UnreadableFile
from clusterhouse.documents.tidy import tidy_text


def read(data: bytes) -> list[Article]:
    source, encoding = decode_bytes(data)
    text = tidy_text(source)
    if not text:
        raise UnreadableFile("empty file")
    return [Article(text=text, encoding=encoding)]
