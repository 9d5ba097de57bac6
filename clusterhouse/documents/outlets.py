"""The outlet an article comes from, from metadata or from how the text credits itself."""

from __future__ import annotations

import re

from clusterhouse.documents.identity import identity_key
from clusterhouse.documents.tidy import SPACES

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
_OUTLET_BY_KEY = {identity_key(alias): name for name, aliases in OUTLET_ALIASES.items() for alias in aliases}
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
    cleaned = SPACES.sub(" ", str(name)).strip(" -–—|:：,.;()（）[]【】")
    known = _OUTLET_BY_KEY.get(identity_key(cleaned))
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

