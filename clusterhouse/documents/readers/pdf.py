"""PDF files: the text of every page, reflowed into paragraphs."""

from __future__ import annotations

import contextlib
import io
import logging
import re
from functools import lru_cache

from clusterhouse.documents.model import Article, UnreadableFile
from clusterhouse.documents.tidy import is_page_number, reflow_lines, tidy_lines
from clusterhouse.text.words import any_language

# A file name or the editor's default for the title of a converted document
_FILE_TITLE = r"microsoft word\b.*|.*\.(?:docx?|pdf|rtf|odt)"


@lru_cache(maxsize=1)
def _junk_pdf_title() -> re.Pattern:
    """A title that says nothing about the article, in any language (the file's language is unknown)."""
    return re.compile(rf"^(?:{any_language(lambda lang: lang.documents.placeholder_titles)}|(?i:{_FILE_TITLE}))$")


@contextlib.contextmanager
def _quiet_pypdf():
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _read_pdf(data: bytes) -> tuple[str, str | None]:
    from pypdf import PdfReader

    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise UnreadableFile("encrypted PDF")
            pages = [page.extract_text() or "" for page in reader.pages]
            title = (reader.metadata.title if reader.metadata else None) or None
        except UnreadableFile:
            raise
        except Exception as error:  # pypdf raises many kinds of errors for broken files
            raise UnreadableFile(f"malformed PDF: {error}") from error
    lines = [line for line in tidy_lines("\n".join(pages)) if not is_page_number(line)]
    text = "\n\n".join(reflow_lines(lines))
    if not text.strip():
        raise UnreadableFile("PDF has no extractable text")
    if title is not None:
        title = " ".join(str(title).split())
        title = None if not title or _junk_pdf_title().match(title) else title
    return text, title



def read(data: bytes) -> list[Article]:
    text, title = _read_pdf(data)
    return [Article(text=text, encoding=None, title=title)]
