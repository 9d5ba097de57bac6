"""One module per input format. Each has ``read(data: bytes)`` returning the articles of a file
(``Article``) and the records of it that cannot be read (``BadRecord``); it raises
``UnreadableFile`` when the whole file is unreadable. A new format is a new module here and one
line in ``READERS``."""

from __future__ import annotations

from collections.abc import Callable

from clusterhouse.documents.model import Article, BadRecord
from clusterhouse.documents.readers import html, json, markdown, pdf, text

Reader = Callable[[bytes], list[Article | BadRecord]]

# file suffix -> (format name stored with the document, reader)
READERS: dict[str, tuple[str, Reader]] = {
    ".txt": ("txt", text.read),
    ".md": ("md", markdown.read),
    ".html": ("html", html.read),
    ".htm": ("html", html.read),
    ".pdf": ("pdf", pdf.read),
    ".json": ("json", json.read),
    ".jsonl": ("jsonl", json.read_lines),
}
