"""HTML pages: main text (trafilatura), metadata from meta tags, <time> and JSON-LD."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from collections.abc import Iterator

from clusterhouse.documents.dates import find_marker_date, find_published_date
from clusterhouse.documents.decode import META_CHARSET, decode_bytes
from clusterhouse.documents.model import Article, UnreadableFile
from clusterhouse.documents.tidy import tidy_text

_DROPPED_TAGS = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "iframe",
    "button",
    "svg",
    "select",
    "template",
}
_BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "figcaption",
    "main",
    "td",
    "th",
}
_MAX_DEPTH = 255  # libxml2 stops building the tree past this depth (its XML_PARSE_HUGE is never set)
_HTML_TAG = re.compile(
    r"</?(?:p|div|br|span|a|h[1-6]|li|ul|ol|strong|em|b|i|table|tr|td|img|section|article)\b[^>]*>",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """A JSON body or a text field that carries markup rather than plain text."""
    return bool(_HTML_TAG.search(text))


def _element_text(element, out: list[str]) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else None
    if tag is not None and tag not in _DROPPED_TAGS:
        block = tag in _BLOCK_TAGS
        out.append("\n" if block or tag == "br" else "")
        out.append(element.text or "")
        for child in element:
            _element_text(child, out)
        out.append("\n" if block else "")
    out.append(element.tail or "")


def strip_tags(markup: str) -> str:
    """Visible text of an HTML page or fragment, one line per block, menus and scripts dropped."""
    import lxml.html

    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)
    if not markup.strip():
        return ""
    root = (
        lxml.html.fragment_fromstring(markup, create_parent="div")
        if "<html" not in markup.lower()
        else lxml.html.document_fromstring(markup)
    )
    body = root.find("body") if root.find("body") is not None else root
    out: list[str] = []
    _element_text(body, out)
    return tidy_text("".join(out), reflow=False)


_META_KEYS = ("property", "name", "itemprop")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _meta_index(tree) -> dict[tuple[str, str], list[str]]:
    """The content of every <meta> by (attribute, its value with ASCII letters lower-cased), in
    page order: read once, where an XPath query for each of twenty names and three attributes
    walked the page sixty times."""
    index: dict[tuple[str, str], list[str]] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is None:
            continue
        for attribute in _META_KEYS:
            key = meta.get(attribute)
            if key is not None:
                index.setdefault((attribute, key.translate(_ASCII_LOWER)), []).append(content)
    return index


def _meta(index: dict[tuple[str, str], list[str]], *names: str) -> str | None:
    """The first non-blank content of a meta tag with one of ``names`` (in their order of preference)."""
    for name in names:
        for attribute in _META_KEYS:
            for value in index.get((attribute, name), ()):
                if value.strip():
                    return value.strip()
    return None


def _json_ld_items(tree) -> Iterator[dict]:
    def walk(node):
        if isinstance(node, dict):
            yield node
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        with contextlib.suppress(ValueError):
            yield from walk(json.loads(script))


def html_metadata(tree) -> dict[str, str | None]:
    """Title, publication date, outlet and URL from meta tags, <time> and JSON-LD."""
    meta = _meta_index(tree)
    ld_date = ld_publisher = ld_headline = None
    for item in _json_ld_items(tree):
        ld_date = ld_date or (
            item.get("datePublished") if isinstance(item.get("datePublished"), str) else None
        )
        ld_headline = ld_headline or (item.get("headline") if isinstance(item.get("headline"), str) else None)
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            ld_publisher = ld_publisher or publisher["name"]
        elif isinstance(publisher, str):
            ld_publisher = ld_publisher or publisher
    # A bare <time> counts only when it is the page's only one (sidebars list other articles' dates).
    all_times = tree.xpath("//time/@datetime")
    time_values = (
        tree.xpath("//time[@pubdate]/@datetime")
        or tree.xpath("//article//time/@datetime")
        or (all_times if len(all_times) == 1 else [])
    )
    published = (
        _meta(meta, "article:published_time", "og:published_time", "datepublished")
        or ld_date
        or _meta(
            meta,
            "pubdate",
            "publishdate",
            "publish-date",
            "publish_date",
            "publication_date",
            "dc.date.issued",
            "dc.date",
            "dcterms.date",
            "date",
            "sailthru.date",
        )
        or (time_values[0] if time_values else None)
    )
    h1 = [" ".join(h.text_content().split()) for h in tree.xpath("//h1")]
    titles = tree.xpath("//title/text()")
    outlet = (
        _meta(meta, "og:site_name", "publisher", "article:publisher", "source", "application-name")
        or ld_publisher
    )
    title = (
        _meta(meta, "og:title", "twitter:title")
        or ld_headline
        or (h1[0] if len(h1) == 1 else None)
        or (" ".join(titles[0].split()) if titles else None)
    )
    if title and outlet:
        # "Headline - Site Name" -> "Headline"
        title = re.sub(rf"\s*[-–—|_]\s*{re.escape(outlet)}.*$", "", title) or title
    if outlet and outlet.startswith(("http://", "https://")):
        outlet = None
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    url = canonical[0] if canonical else _meta(meta, "og:url")
    return {"title": title, "date": published, "outlet": outlet, "url": url}


def _read_html(data: bytes) -> tuple[str, str, dict]:
    import lxml.html
    import trafilatura

    declared = META_CHARSET.search(data[:4096])
    markup, encoding = decode_bytes(data, declared.group(1).decode("ascii") if declared else None)
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)
    if not markup.strip():
        raise UnreadableFile("empty file")
    parser = lxml.html.HTMLParser()  # resolves no entity and fetches nothing: a page is only read
    tree = lxml.html.document_fromstring(markup, parser=parser)
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        raise UnreadableFile(f"HTML nested too deeply (more than {_MAX_DEPTH} levels of elements): not read")
    if tree.find("body") is None:
        raise UnreadableFile("HTML page without a body: no text")
    metadata = html_metadata(tree)
    main = trafilatura.extract(
        markup, favor_precision=True, include_comments=False, include_tables=True, with_metadata=False
    )
    text = tidy_text(main, reflow=False) if main else strip_tags(markup)
    if not metadata["date"] and not find_published_date(text, None)[0]:
        # A labelled "Published: …" stamp in the page header, which the main-text extractor drops.
        marker = find_marker_date(strip_tags(markup))
        if marker and marker[1] == 0:
            metadata["page_date"] = marker[0]
        else:
            metadata["page_date"] = _htmldate(markup)
    return text, encoding, metadata


def _htmldate(markup: str) -> dt.date | None:
    """The page's original publication date as htmldate reads the markup (URL patterns, time tags,
    header blocks); only where neither the metadata nor the text state one. Fast mode: the
    extensive search guesses from any date in the page (a copyright footer)."""
    from htmldate import find_date

    try:
        found = find_date(markup, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - a library failure on odd markup means no date, not a failed file
        return None
    return dt.date.fromisoformat(found) if found else None



def read(data: bytes) -> list[Article]:
    text, encoding, metadata = _read_html(data)
    return [Article(text=text, encoding=encoding, title=metadata["title"], metadata=metadata)]
