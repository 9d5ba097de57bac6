"""Markdown: front matter as metadata, markup removed, blocks joined into paragraphs."""

from __future__ import annotations

import re

from clusterhouse.documents.decode import decode_bytes
from clusterhouse.documents.model import Article, UnreadableFile
from clusterhouse.documents.tidy import tidy_text

_FRONT_MATTER = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*\n", re.DOTALL)


def _read_markdown(source: str) -> tuple[str, dict[str, str]]:
    metadata: dict[str, str] = {}
    front = _FRONT_MATTER.match(source)
    if front:
        for line in front.group("body").splitlines():
            key, _, value = line.partition(":")
            if value.strip():
                metadata[key.strip().lower()] = value.strip().strip("\"'")
        source = source[front.end() :]
    source = re.sub(r"^```.*$", "", source, flags=re.MULTILINE)
    source = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", source)  # images
    source = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", source)  # links keep their words
    source = re.sub(r"^\s{0,3}#{1,6}\s+", "", source, flags=re.MULTILINE)
    source = re.sub(r"^\s{0,3}>\s?", "", source, flags=re.MULTILINE)
    source = re.sub(r"^\s*(?:[-*_]\s*){3,}$", "", source, flags=re.MULTILINE)
    source = re.sub(r"(\*\*|__)(.+?)\1", r"\2", source)
    return source, metadata



def read(data: bytes) -> list[Article]:
    source, encoding = decode_bytes(data)
    source, metadata = _read_markdown(source)
    metadata["outlet"] = metadata.get("source") or metadata.get("outlet")
    text = tidy_text(source, markdown=True)
    if not text:
        raise UnreadableFile("empty file")
    return [Article(text=text, encoding=encoding, title=metadata.get("title"), metadata=metadata)]
