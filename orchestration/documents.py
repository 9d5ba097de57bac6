"""Read source documents (text, Markdown, HTML, PDF, JSON, JSON Lines) into plain articles.

`discover_files` lists the files under the raw folder; `read_file` turns one file into
`SourceDocument`s (a JSON file may hold many articles) and `RejectedFile`s (a file, or one line of
a JSON Lines file, that cannot be read, with the reason in plain English). `read_file` never
raises for bad input: one broken file must never stop the others from loading.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import io
import json
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from orchestration.language import detect_language
from orchestration.published_dates import find_marker_date, find_published_date, iter_full_dates

SUPPORTED_SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf", ".json", ".jsonl"}
DOCUMENT_ID_CHARS = 16


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


# ---------------------------------------------------------------------------------------------
# Finding files


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def discover_files(raw_root: Path, include_unsupported: bool = False) -> list[Path]:
    """Every supported file under `raw_root` at any depth, sorted, hidden files and folders skipped.

    With `include_unsupported`, other (non-hidden) files are listed too, so that the caller can
    record them as rejected ("unsupported file type .docx") instead of silently ignoring them.
    """
    raw_root = Path(raw_root)
    found = []
    for path in raw_root.rglob("*"):
        if not path.is_file() or _is_hidden(path.relative_to(raw_root)):
            continue
        if include_unsupported or path.suffix.lower() in SUPPORTED_SUFFIXES:
            found.append(path)
    return sorted(found)


# ---------------------------------------------------------------------------------------------
# Bytes to text

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_BINARY_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"Rar!",
    b"7z\xbc\xaf",
)
# Declared encodings that have a safer superset (WHATWG does the same for latin-1).
_ENCODING_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "cp950",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
}
# Frequent Chinese characters (simplified and traditional): in correctly decoded Chinese they
# make a third or more of the text; in Big5 decoded as GB18030 (or the reverse) almost none.
_COMMON_HANZI = set(
    "的一是不了在人有我他这個个们們中来來上大为為和国國地到以说說时時要就出会會可也对對生能而子那得于"
    "着下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定"
    "天分还還进進好小部其些主样樣理心本前开開但因只从從想实實日者意无無力与與长長把机機十民第公此已工使"
    "情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并並物手应應向头頭文体體政相见見被利什二等"
    "产產或新己制身果加月话話合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員"
    "解水名真论論处處走义義各入几幾口认認条條平系气氣题題活更别打女变變四总總何电電数數安少报報才结結反"
    "受目太量再感建务務做接必场場件计計管期市直资資命山金指许許统統区區保至队隊形社便空决決治展马馬科司"
    "五基企增亿億万萬元销銷售额額省县縣镇鎮集群品牌商贸貿易际際球"
)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_WESTERN_EXTRA = set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")


def _hanzi_score(text: str) -> float:
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return sum(c in _COMMON_HANZI for c in han) / len(han) if han else 0.0


def _decode_as_chinese(data: bytes) -> tuple[str, str] | None:
    best = None
    for encoding in ("gb18030", "cp950", "big5hkscs"):
        with contextlib.suppress(UnicodeDecodeError):
            text = data.decode(encoding)
            score = _hanzi_score(text)
            if score >= 0.15 and (best is None or score > best[0]):
                best = (score, text, encoding)
    if best is None:
        # Pages scraped from Chinese sites sometimes carry a few corrupt bytes; keep the rest.
        text = data.decode("gb18030", errors="replace")
        if text.count("\ufffd") <= 0.005 * len(text) and _hanzi_score(text) >= 0.3:
            best = (0.3, text, "gb18030")
    return (best[1], best[2]) if best else None


def _decode_as_western(data: bytes) -> tuple[str, str] | None:
    """cp1252/latin-1 when the result reads like a Western European language."""
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    if not re.search(rb"[\x80-\x9f]", data):
        encoding = "latin-1"
    high = [c for c in text if ord(c) > 127]
    letters = sum(c.isalpha() for c in text)
    latin = sum(
        ("\u00c0" <= c <= "\u00ff" and c not in "×÷") or c in _WESTERN_EXTRA or c in "«»°£§©®º ª"
        for c in high
    )
    if letters and len(high) <= 0.25 * letters and latin >= 0.9 * len(high):
        return text, encoding
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode file bytes to text; returns (text, encoding). Raises UnreadableFile."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff"), encoding.replace("-sig", "")
            except UnicodeDecodeError as error:
                reason = f"cannot decode text (byte order mark says {encoding}: {error.reason})"
                raise UnreadableFile(reason) from error
    head = data[:8192]
    if (
        b"\x00" in head
        or head.startswith(_BINARY_MAGIC)
        or len(_CONTROL_BYTES.findall(head)) > 0.05 * len(head)
    ):
        raise UnreadableFile("binary file, not text")
    with contextlib.suppress(UnicodeDecodeError):
        return data.decode("utf-8"), "utf-8"
    if declared:
        declared = _ENCODING_SUPERSETS.get(declared.lower(), declared.lower())
        with contextlib.suppress(UnicodeDecodeError, LookupError):
            return data.decode(declared), declared
    for guess in (_decode_as_chinese, _decode_as_western):
        decoded = guess(data)
        if decoded:
            return decoded
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    raise UnreadableFile("cannot decode text (tried utf-8, gb18030, big5, cp1252 and charset-normalizer)")


# ---------------------------------------------------------------------------------------------
# Tidying text into paragraphs

_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\f\v]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SENTENCE_END = tuple('.!?。！？:;；："”’»)）】')
_LIST_ITEM = re.compile(r"^(?:[-*•·▪]\s|\d{1,2}[.)]\s|[（(]?[一二三四五六七八九十\d]{1,3}[)）、]|\|)")
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$", re.IGNORECASE
)


def _is_cjk(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _width(line: str) -> int:
    return sum(2 if _is_cjk(c) else 1 for c in line)


def _join_lines(left: str, right: str) -> str:
    if not left or not right:
        return left + right
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right[0].islower():
        return left[:-1] + right  # a word hyphenated at the line end
    if _is_cjk(left[-1]) or _is_cjk(right[0]):
        return left + right  # Chinese has no spaces between words
    return f"{left} {right}"


def _tidy_lines(raw: str) -> list[str]:
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    raw = _INVISIBLE.sub("", raw)
    raw = _SPACES.sub(" ", raw)
    raw = _CONTROL.sub("", raw)
    return [line.strip() for line in raw.split("\n")]


def _typical_width(lines: list[str]) -> int:
    widths = sorted(_width(line) for line in lines if line)
    return widths[int(0.9 * (len(widths) - 1))] if widths else 0


def _looks_hard_wrapped(lines: list[str]) -> bool:
    """Lines of similar, modest width that mostly stop mid-sentence: a wrapped plain-text file."""
    non_empty = [line for line in lines if line]
    if len(non_empty) < 3:
        return False
    typical = _typical_width(non_empty)
    if not 30 <= typical <= 130:
        return False
    full = sum(_width(line) >= 0.6 * typical for line in non_empty)
    open_ended = sum(not line.endswith(_SENTENCE_END) for line in non_empty)
    return full >= 0.6 * len(non_empty) and open_ended >= 0.5 * len(non_empty)


def reflow_lines(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs; a blank line or a short line ends a paragraph."""
    typical = _typical_width(lines)
    paragraphs: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        current = _join_lines(current, line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        short = _width(line) < 0.75 * typical
        if short or (following and _LIST_ITEM.match(following)):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _markdown_paragraphs(lines: list[str]) -> list[str]:
    """Markdown: the lines of a block form one paragraph, except list items and table rows."""
    paragraphs: list[str] = []
    current = ""
    for line in [*lines, ""]:
        if not line or _LIST_ITEM.match(line):
            if current:
                paragraphs.append(current)
            current = line
        else:
            current = _join_lines(current, line)
    return paragraphs


def tidy_text(raw: str, reflow: bool | None = None, markdown: bool = False) -> str:
    """Paragraphs separated by a blank line, spaces collapsed, lines of a paragraph joined.

    `reflow=None` decides from the text: a hard-wrapped file is reflowed, otherwise every line is
    a paragraph (news sites paste one paragraph per line). `markdown` joins the lines of each
    blank-line separated block, as Markdown renders them.
    """
    lines = _tidy_lines(raw)
    if reflow is None and not markdown:
        reflow = _looks_hard_wrapped(lines)
    if markdown:
        paragraphs = _markdown_paragraphs(lines)
    elif reflow:
        paragraphs = reflow_lines(lines)
    else:
        paragraphs = []
        for line in lines:
            # Table rows stay together in one paragraph, one row per line.
            if line.startswith("|") and paragraphs and paragraphs[-1].startswith("|"):
                paragraphs[-1] += "\n" + line
            elif line:
                paragraphs.append(line)
    return "\n\n".join(paragraphs)


# ---------------------------------------------------------------------------------------------
# Titles and identity

_HEADLINE_END = tuple(".。,，;；:：、")
_DATE_LABEL_PREFIX = re.compile(
    r"^(?:date|dated|published|posted|post time|updated|data|fecha|datum|日期|发布时间|时间)?\s*[:：]?\s*$",
    re.IGNORECASE,
)


_BYLINE = re.compile(r"^(?:by|di|por|par|von|photo|foto|图|文|记者)[\s:：/]", re.IGNORECASE)


def strip_leading_date(line: str) -> str:
    """`date 2023-09-21 Some headline` -> `Some headline` (a stamp glued to the first line)."""
    dates = iter_full_dates(line[:60])
    if dates and _DATE_LABEL_PREFIX.match(line[: dates[0][0]]):
        rest = line[dates[0][1] :]
        rest = re.sub(r"^\s*\d{1,2}:\d{2}(?::\d{2})?", "", rest)
        return rest.strip(" |-–—丨")
    return line


def headline(line: str) -> str | None:
    """The line as a title when it looks like one: short, not ending like a sentence."""
    line = strip_leading_date(re.sub(r"^#{1,6}\s+", "", line.strip())).strip()
    if not line or line.endswith(_HEADLINE_END) or not re.search(r"[^\W\d_]{2}|[\u4e00-\u9fff]", line):
        return None
    if _BYLINE.match(line):
        return None
    limit = 60 if sum(map(_is_cjk, line)) > len(line) / 2 else 160
    return line if len(line) <= limit else None


def _first_paragraph_title(text: str) -> str | None:
    paragraphs = text.split("\n\n", 1)
    if len(paragraphs) < 2:
        return None  # a one-paragraph text has no separate headline
    return headline(paragraphs[0])


def _identity_key(text: str) -> str:
    """Letters and digits only, case-folded: layout, punctuation and encoding do not change it."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())


def content_id(title: str | None, text: str) -> str:
    """Stable id of an article's content: the same article in two files gets the same id."""
    key_text = _identity_key(text)
    key_title = _identity_key(title or "")
    key = key_text if key_title in key_text else key_title + key_text
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:DOCUMENT_ID_CHARS]


# ---------------------------------------------------------------------------------------------
# Outlets

# Canonical name -> spellings seen in credits, datelines and metadata (compared case-folded,
# letters and digits only).
OUTLET_ALIASES = {
    "Xinhua": [
        "Xinhua",
        "Xinhua News Agency",
        "Xinhuanet",
        "news.cn",
        "新华社",
        "新华网",
        "新華社",
        "新華網",
    ],
    "China Daily": [
        "China Daily",
        "chinadaily.com.cn",
        "China Daily Global",
        "中国日报",
        "中国日报网",
        "中國日報",
    ],
    "Chinanews": [
        "Chinanews",
        "Chinanews.com",
        "China News Service",
        "ecns",
        "ecns.cn",
        "中新网",
        "中新網",
        "中新社",
        "中国新闻网",
        "中國新聞網",
    ],
    "People's Daily": [
        "People's Daily",
        "People's Daily Online",
        "people.cn",
        "en.people.cn",
        "人民日报",
        "人民网",
        "人民日報",
        "人民網",
    ],
    "Global Times": ["Global Times", "globaltimes.cn", "环球时报", "环球网", "環球時報"],
    "CGTN": ["CGTN", "cgtn.com", "中国国际电视台"],
    "CCTV": ["CCTV", "cctv.com", "央视", "央视网", "央视新闻", "中央电视台"],
    "China.org.cn": ["China.org.cn", "中国网"],
    "China Economic Net": ["China Economic Net", "ce.cn", "中国经济网"],
    "Economic Daily": ["Economic Daily", "经济日报"],
    "Guangming Daily": ["Guangming Daily", "光明日报", "光明网"],
    "Nanfang Daily": ["Nanfang Daily", "南方日报", "南方网"],
    "Shanghai Daily": ["Shanghai Daily", "shine.cn"],
    "SCMP": ["SCMP", "South China Morning Post", "scmp.com", "南华早报", "南華早報"],
    "Caixin": ["Caixin", "Caixin Global", "财新", "财新网"],
    "Yicai": ["Yicai", "Yicai Global", "第一财经"],
    "ANSA": ["ANSA", "ansa.it"],
    "Agenzia Nova": ["Agenzia Nova", "Nova", "agenzianova.com"],
    "AGI": ["AGI", "Agenzia Italia"],
    "Adnkronos": ["Adnkronos"],
    "Il Sole 24 Ore": ["Il Sole 24 Ore", "Sole 24 Ore"],
    "EFE": ["EFE", "Agencia EFE"],
    "Europa Press": ["Europa Press"],
    "AFP": ["AFP", "Agence France-Presse", "Agence France Presse"],
    "AP": ["AP", "Associated Press"],
    "Reuters": ["Reuters", "路透社"],
    "Bloomberg": ["Bloomberg", "彭博社"],
    "dpa": ["dpa", "Deutsche Presse-Agentur"],
    "Kyodo": ["Kyodo", "Kyodo News"],
    "Nikkei": ["Nikkei", "Nikkei Asia"],
}
_OUTLET_BY_KEY = {_identity_key(alias): name for name, aliases in OUTLET_ALIASES.items() for alias in aliases}
# Words that make an unknown credited name an outlet rather than a data source.
_OUTLET_WORDS = re.compile(
    r"daily|news|times|post|press|agency|agenzia|agencia|agence|zeitung|journal|herald|tribune|gazette|"
    r"gazzetta|corriere|giornale|diario|magazine|radio|\btv\b|online|\.com|\.cn|网$|报$|社$|台$|新闻$|客户端$",
    re.IGNORECASE,
)
_SOURCE_LABEL = re.compile(
    r"(?:^|\n|\s|[|丨])(?:source|fonte|fuente|quelle|来源|來源|稿源|出处)\s*[:：]\s*(?P<name>[^\n|丨,，。;；]{2,60})",
    re.IGNORECASE,
)
_NAME_STOP = re.compile(
    r"\s{2,}|\s(?:作者|编辑|記者|记者|责任编辑|editor|author|by|photo)\b|\s*(?:作者|编辑|记者)[:：]",
    re.IGNORECASE,
)
_CREDIT = re.compile(r"[(（]\s*(?P<name>[^()（）\n]{2,40}?)\s*[)）]")
_CHINESE_DATELINE = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,6}?(?:社|网|網|报|報|台))[\u4e00-\u9fff]{0,8}?"
    r"\d{1,2}月\d{1,2}日(?:电|電|讯|訊)"
)
_WINDOW = 600


def canonical_outlet(name: str | None, allow_unknown: bool = True) -> str | None:
    """Canonical spelling of an outlet name; unknown names are returned tidied (or None)."""
    if not name:
        return None
    cleaned = _SPACES.sub(" ", str(name)).strip(" -–—|:：,.;()（）[]【】")
    known = _OUTLET_BY_KEY.get(_identity_key(cleaned))
    if known or not allow_unknown:
        return known
    return cleaned if 2 <= len(cleaned) <= 60 else None


def find_source_outlet(text: str) -> str | None:
    """The outlet the text credits itself to (`Source: China Daily`, `(XINHUA)`, `新华社北京3月5日电`)."""
    head, tail = text[:_WINDOW], text[-_WINDOW:]
    for window in (head, tail):
        for match in _SOURCE_LABEL.finditer(window):
            name = _NAME_STOP.split(match.group("name"))[0]
            outlet = canonical_outlet(name, allow_unknown=False)
            if outlet or (_OUTLET_WORDS.search(name.strip()) and len(name.split()) <= 6):
                return outlet or canonical_outlet(name)
    match = _CHINESE_DATELINE.search(head)
    if match:
        # The match may start a few characters early ("据新华社…电"): try each ending of it.
        name = match.group("name")
        for start in range(len(name) - 1):
            outlet = canonical_outlet(name[start:], allow_unknown=False)
            if outlet:
                return outlet
        at_line_start = match.start() == 0 or head[match.start() - 1] in "\n 　。，"
        if at_line_start and not name.startswith("本"):  # 本报 = "this paper", not a name
            return canonical_outlet(name)
    for window in (head, tail):
        for match in _CREDIT.finditer(window):
            first = re.split(r"[/|]", match.group("name"))[0]
            outlet = canonical_outlet(first, allow_unknown=False)
            if outlet:
                return outlet
    return None


# ---------------------------------------------------------------------------------------------
# HTML

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
_LOOKS_LIKE_HTML = re.compile(
    r"</?(?:p|div|br|span|a|h[1-6]|li|ul|ol|strong|em|b|i|table|tr|td|img|section|article)\b[^>]*>",
    re.IGNORECASE,
)


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


def _meta(tree, *names: str) -> str | None:
    for name in names:
        for attribute in ("property", "name", "itemprop"):
            values = tree.xpath(
                f'//meta[translate(@{attribute}, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", '
                f'"abcdefghijklmnopqrstuvwxyz")="{name}"]/@content'
            )
            for value in values:
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
        _meta(tree, "article:published_time", "og:published_time", "datepublished")
        or ld_date
        or _meta(
            tree,
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
        _meta(tree, "og:site_name", "publisher", "article:publisher", "source", "application-name")
        or ld_publisher
    )
    title = (
        _meta(tree, "og:title", "twitter:title")
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
    url = canonical[0] if canonical else _meta(tree, "og:url")
    return {"title": title, "date": published, "outlet": outlet, "url": url}


def _read_html(data: bytes) -> tuple[str, str, dict]:
    import lxml.html
    import trafilatura

    declared = _META_CHARSET.search(data[:4096])
    markup, encoding = decode_bytes(data, declared.group(1).decode("ascii") if declared else None)
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)
    if not markup.strip():
        raise UnreadableFile("empty file")
    tree = lxml.html.document_fromstring(markup)
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
    return text, encoding, metadata


# ---------------------------------------------------------------------------------------------
# PDF

_JUNK_PDF_TITLE = re.compile(r"^(?:untitled|microsoft word\b.*|.*\.(?:docx?|pdf|rtf|odt))$", re.IGNORECASE)


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
    lines = [line for line in _tidy_lines("\n".join(pages)) if not _PAGE_NUMBER.match(line)]
    text = "\n\n".join(reflow_lines(lines))
    if not text.strip():
        raise UnreadableFile("PDF has no extractable text")
    if title is not None:
        title = " ".join(str(title).split())
        title = None if not title or _JUNK_PDF_TITLE.match(title) else title
    return text, title


# ---------------------------------------------------------------------------------------------
# Markdown

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


# ---------------------------------------------------------------------------------------------
# JSON articles

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
    if isinstance(parsed, dict) and not _field(parsed, TEXT_KEYS):
        for key in _LIST_KEYS:
            if isinstance(parsed.get(key), list):
                parsed = parsed[key]
                break
    if isinstance(parsed, list):
        yield from enumerate(parsed, start=1)
    else:
        yield 1, parsed


def _article_from_record(record: object) -> tuple[str, dict]:
    if not isinstance(record, dict):
        raise UnreadableFile(f"expected a JSON object per article, found {type(record).__name__}")
    body = _field(record, TEXT_KEYS)
    if not body:
        raise UnreadableFile("no article text (expected a text, content or body field)")
    text = strip_tags(body) if _LOOKS_LIKE_HTML.search(body) else tidy_text(body)
    metadata = {
        "title": _field(record, TITLE_KEYS),
        "date": _field(record, DATE_KEYS),
        "url": _field(record, URL_KEYS),
        "outlet": _field(record, OUTLET_KEYS),
        "language": _field(record, ("language", "lang")),
    }
    return text, metadata


# ---------------------------------------------------------------------------------------------
# Putting a document together


def _build_document(
    *,
    path: str,
    file_name: str,
    file_sha256: str,
    fmt: str,
    encoding: str | None,
    text: str,
    title: str | None = None,
    metadata: dict | None = None,
) -> SourceDocument:
    metadata = metadata or {}
    if not text.strip():
        raise UnreadableFile("no text found")
    if title is None:
        title = _first_paragraph_title(text)
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
        encoding=encoding,
        title=title,
        text=text,
        language=language,
        source_outlet=outlet,
        url=metadata.get("url"),
        published_date=published,
        published_date_source=published_source,
    )


def _read_records(
    data: bytes, fmt: str, path: str, base: dict
) -> tuple[list[SourceDocument], list[RejectedFile]]:
    source, encoding = decode_bytes(data)
    records = list(_json_records(source, fmt))
    documents, rejected = [], []
    several = len(records) > 1
    for number, record in records:
        label = f"{path}#{number}" if several else path
        try:
            if isinstance(record, UnreadableFile):
                raise record
            text, metadata = _article_from_record(record)
            name = f"{base['file_name']}#{number}" if several else base["file_name"]
            documents.append(
                _build_document(
                    **{**base, "file_name": name},
                    encoding=encoding,
                    text=text,
                    title=metadata["title"],
                    metadata=metadata,
                )
            )
        except UnreadableFile as error:
            rejected.append(RejectedFile(label, str(error)))
    if not records:
        rejected.append(RejectedFile(path, "no articles in the file"))
    return documents, rejected


def _read(path: Path, relative: str) -> tuple[list[SourceDocument], list[RejectedFile]]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableFile(f"unsupported file type {suffix or '(no extension)'}")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(f"cannot read file: {error.strerror or error}") from error
    if not data.strip(b" \t\r\n\x00" + codecs.BOM_UTF8):
        raise UnreadableFile("empty file")
    fmt = {".htm": "html"}.get(suffix, suffix.lstrip("."))
    base = {
        "path": relative,
        "file_name": path.name,
        "file_sha256": hashlib.sha256(data).hexdigest(),
        "fmt": fmt,
    }
    if fmt in ("json", "jsonl"):
        return _read_records(data, fmt, relative, base)
    if fmt == "pdf":
        text, title = _read_pdf(data)
        return [_build_document(**base, encoding=None, text=text, title=title)], []
    if fmt == "html":
        text, encoding, metadata = _read_html(data)
        return [
            _build_document(**base, encoding=encoding, text=text, title=metadata["title"], metadata=metadata)
        ], []
    source, encoding = decode_bytes(data)
    metadata: dict[str, str] = {}
    if fmt == "md":
        source, metadata = _read_markdown(source)
        metadata["outlet"] = metadata.get("source") or metadata.get("outlet")
    text = tidy_text(source, markdown=fmt == "md")
    if not text:
        raise UnreadableFile("empty file")
    return [
        _build_document(**base, encoding=encoding, text=text, title=metadata.get("title"), metadata=metadata)
    ], []


def read_file(path: Path, raw_root: Path) -> tuple[list[SourceDocument], list[RejectedFile]]:
    """The articles in one file, and the parts that could not be read (with the reason)."""
    path, raw_root = Path(path), Path(raw_root)
    try:
        relative = path.relative_to(raw_root).as_posix()
    except ValueError:
        relative = path.as_posix()
    try:
        return _read(path, relative)
    except UnreadableFile as error:
        return [], [RejectedFile(relative, str(error))]
    except Exception as error:  # noqa: BLE001 - a bug or a library failure on one file must not stop the others
        return [], [RejectedFile(relative, f"unexpected error: {type(error).__name__}: {error}")]
