"""JSON and JSON Lines: one article per object, a rejection per broken record."""

from __future__ import annotations

import json
from collections.abc import Iterator

from clusterhouse.documents.decode import decode_bytes
from clusterhouse.documents.model import Article, BadRecord, UnreadableFile
from clusterhouse.documents.readers.html import looks_like_html, strip_tags
from clusterhouse.documents.tidy import tidy_text

TEXT_KEYS = ("text", "content", "body", "article", "maintext")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = (
    "date",
    "published",
    "published_at",
    "pubdate",
    "publish_date",
    "date_published",
    "datepublished",
    "published_date",
)
URL_KEYS = ("url", "link")
OUTLET_KEYS = ("source", "outlet", "publisher", "source_outlet", "site_name")
_LIST_KEYS = ("articles", "items", "documents", "data", "results")


def _field(record: dict, keys: tuple[str, ...]):
    lowered = {str(key).lower(): value for key, value in record.items()}
    for key in keys:
        value = lowered.get(key)
        if isinstance(value, dict):
            value = value.get("name") or value.get("title")
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = "\n\n".join(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _json_records(text: str, fmt: str) -> Iterator[tuple[int, object]]:
    """(number, record) pairs; a record that is not valid JSON comes as an UnreadableFile."""
    if fmt == "jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except RecursionError:
                yield number, UnreadableFile(f"JSON nested too deeply at line {number}")
            except ValueError as error:
                message = (
                    f"{error.msg} (column {error.colno})"
                    if isinstance(error, json.JSONDecodeError)
                    else str(error)
                )
                yield number, UnreadableFile(f"malformed JSON at line {number}: {message}")
        return
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableFile(f"malformed JSON at line {error.lineno}: {error.msg}") from error
    except RecursionError as error:
        raise UnreadableFile("JSON nested too deeply to read") from error
    if isinstance(parsed, dict) and not _field(parsed, TEXT_KEYS):
        for key in _LIST_KEYS:
            if isinstance(parsed.get(key), list):
                parsed = parsed[key]
                break
    if isinstance(parsed, list):
        yield from enumerate(parsed, start=1)
    else:
        yield 1, parsed


_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number",
               bool: "true or false", type(None): "null"}


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _check_text_type(record: dict) -> None:
    """The article text must be a string (or a list of strings): a number or an object is no article."""
    for key, value in record.items():
        if str(key).lower() not in TEXT_KEYS or value is None:
            continue
        strings = isinstance(value, list) and all(isinstance(v, str) for v in value)
        if not isinstance(value, str) and not strings and not isinstance(value, dict):
            raise UnreadableFile(f'the "{key}" field holds {_json_type(value)}, not the article text')


def _article_from_record(record: object) -> tuple[str, dict]:
    if not isinstance(record, dict):
        raise UnreadableFile(f"expected a JSON object per article, found {_json_type(record)}")
    _check_text_type(record)
    body = _field(record, TEXT_KEYS)
    if not body:
        raise UnreadableFile("no article text (expected a text, content or body field)")
    text = strip_tags(body) if looks_like_html(body) else tidy_text(body)
    metadata = {
        "title": _field(record, TITLE_KEYS),
        "date": _field(record, DATE_KEYS),
        "url": _field(record, URL_KEYS),
        "outlet": _field(record, OUTLET_KEYS),
        "language": _field(record, ("language", "lang")),
    }
    return text, metadata



def read(data: bytes) -> list[Article | BadRecord]:
    """Every article of a JSON file (an object, a list, or a list under "articles"/"items"…) or
    of a JSON Lines file; a broken line or a record without text is a BadRecord, not a failure."""
    return _read(data, "json")


def read_lines(data: bytes) -> list[Article | BadRecord]:
    return _read(data, "jsonl")


def _read(data: bytes, fmt: str) -> list[Article | BadRecord]:
    source, encoding = decode_bytes(data)
    records = list(_json_records(source, fmt))
    if not records:
        raise UnreadableFile("no articles in the file")
    several = len(records) > 1
    articles: list[Article | BadRecord] = []
    for number, record in records:
        label = number if several else None
        try:
            if isinstance(record, UnreadableFile):
                raise record
            text, metadata = _article_from_record(record)
        except UnreadableFile as error:
            articles.append(BadRecord(label, str(error)))
            continue
        articles.append(Article(text=text, encoding=encoding, title=metadata["title"], metadata=metadata, record=label))
    return articles
