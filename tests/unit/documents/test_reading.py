import json
from datetime import date

import pytest

from clusterhouse.documents import SUPPORTED_SUFFIXES, RejectedFile, UnreadableFile, discover_files, read_file
from clusterhouse.documents.decode import decode_bytes
from clusterhouse.documents.identity import content_id, first_paragraph_title, headline
from clusterhouse.documents.outlets import canonical_outlet, find_source_outlet
from clusterhouse.documents.readers.html import strip_tags
from clusterhouse.documents.tidy import reflow_lines, tidy_text
from tests.conftest import FIXTURES

FIXTURES = FIXTURES / "documents"


def read_one(name: str):
    documents, rejected = read_file(FIXTURES / name, FIXTURES)
    assert rejected == []
    assert len(documents) == 1
    return documents[0]


# --- finding files -----------------------------------------------------------------------------


def test_discover_files_walks_every_depth_sorted_and_skips_hidden(tmp_path):
    for relative in ["b.txt", "a/deep/er/c.md", "a/x.HTML", ".hidden.txt", ".git/d.txt", "a/notes.docx"]:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in discover_files(tmp_path)]
    assert found == ["a/deep/er/c.md", "a/x.HTML", "b.txt"]
    with_unsupported = [p.name for p in discover_files(tmp_path, include_unsupported=True)]
    assert "notes.docx" in with_unsupported and ".hidden.txt" not in with_unsupported


def test_supported_suffixes():
    assert {".txt", ".md", ".html", ".htm", ".pdf", ".json", ".jsonl"} == SUPPORTED_SUFFIXES


# --- encodings ---------------------------------------------------------------------------------


def test_gb18030_chinese_text():
    doc = read_one("zh_gb18030.txt")
    assert doc.encoding == "gb18030"
    assert doc.language == "zh"
    assert doc.title == "中山古镇灯饰产业加快转型"
    assert doc.text.startswith("中山古镇灯饰产业加快转型\n\n新华社中山3月8日电")
    assert doc.source_outlet == "Xinhua"
    # dateline without a year; "去年（2022年）" places the article in 2023
    assert (doc.published_date, doc.published_date_source) == (date(2023, 3, 8), "text")


def test_big5_traditional_chinese_text():
    doc = read_one("zh_hant_big5.txt")
    assert doc.encoding == "cp950"
    assert "臺中市是全球重要的自行車生產基地" in doc.text
    assert doc.language == "zh"


def test_latin1_italian_text():
    doc = read_one("it_latin1.txt")
    assert doc.encoding == "latin-1"
    assert "Nella città di Humen" in doc.text
    assert doc.language == "it"
    assert doc.title == "Humen, la capitale cinese dell'abbigliamento"
    assert doc.source_outlet == "ANSA"
    # "12 OTT" with "the first nine months of 2022": the year is not stated, so none is invented
    assert doc.published_date is None


def test_utf8_with_bom_and_utf16_give_the_same_document():
    bom, utf16 = read_one("en_utf8_bom.txt"), read_one("en_utf16.txt")
    assert bom.encoding == "utf-8" and utf16.encoding == "utf-16"
    assert not bom.text.startswith("\ufeff")
    assert bom.text == utf16.text
    assert bom.document_id == utf16.document_id
    assert bom.file_sha256 != utf16.file_sha256
    assert bom.title == "Yiwu traders look to new markets"
    assert bom.published_date == date(2022, 3, 5)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Prato è un distretto tessile: più di mille imprese.".encode("cp1252"), "latin-1"),
        ("Les fabricants de Dehua – « porcelaine » – exportent.".encode("cp1252"), "cp1252"),
        ("义乌小商品城出口额增长，商户数量超过七万家。".encode("gbk"), "gb18030"),
        ("義烏小商品城出口額增長，商戶數量超過七萬家。".encode("big5"), "cp950"),
        ("Ölfabrik in München".encode(), "utf-8"),
    ],
)
def test_decode_bytes(data, encoding):
    assert decode_bytes(data)[1] == encoding


def test_declared_html_charset_is_a_hint():
    data = "虎门服装".encode("gb2312")
    assert decode_bytes(data, "gb2312") == ("虎门服装", "gb18030")


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary\x00", b"%PDF-1.4 rest", b"\x89PNG\r\n\x1a\n"])
def test_binary_bytes_are_rejected(data):
    with pytest.raises(UnreadableFile, match="binary file, not text"):
        decode_bytes(data)


# --- formats -----------------------------------------------------------------------------------


def test_html_main_text_without_boilerplate():
    doc = read_one("guzhen.html")
    assert doc.format == "html"
    assert doc.title == "Guzhen lighting makers go smart"
    assert "calls itself the lighting capital of China" in doc.text
    assert "compete with foreign ones" in doc.text
    for boilerplate in ["Home", "Share on Facebook", "Most read", "Copyright", "Privacy", "Stock markets"]:
        assert boilerplate not in doc.text
    assert doc.text.count("\n\n") >= 2
    assert (doc.published_date, doc.published_date_source) == (date(2022, 6, 18), "metadata")
    assert doc.source_outlet == "China Daily"
    assert doc.url == "https://example.com/guzhen-lighting.html"
    assert doc.language == "en"


def test_html_in_gb2312_with_a_date_line_and_source_label():
    doc = read_one("humen_gb2312.htm")
    assert doc.format == "html" and doc.encoding == "gb18030"
    assert doc.title == "虎门服装产业带"
    assert "东莞市虎门镇是全国知名的服装生产基地" in doc.text
    assert "首页" not in doc.text
    assert (doc.published_date, doc.published_date_source) == (date(2021, 9, 15), "text")
    assert doc.source_outlet == "People's Daily"


def test_html_date_comes_from_metadata_not_from_a_copyright_line(tmp_path):
    page = (
        "<html><head><title>Wenzhou shoes</title></head><body><article>"
        "<p>Wenzhou in Zhejiang has thousands of shoe factories that supply shops across the country.</p>"
        "<p>Many of the factories are family firms that were started by former farmers decades ago.</p>"
        "</article><footer>Copyright 2023 Some Site</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(page)
    documents, _ = read_file(tmp_path / "page.html", tmp_path)
    assert documents[0].published_date is None


def test_html_published_stamp_outside_the_main_text(tmp_path):
    page = (
        "<html><head><title>Zhuji pearls</title></head><body>"
        '<div class="meta">Published: 2021-08-30 | Views: 120</div><article>'
        "<p>Shanxiahu in Zhuji is known as a centre of the freshwater pearl trade, with many dealers.</p>"
        "<p>Sellers now stream live auctions to buyers who watch from their phones across the country.</p>"
        "</article><aside><ul><li>2020-01-02 Old story one</li></ul></aside></body></html>"
    )
    (tmp_path / "p.html").write_text(page)
    doc = read_file(tmp_path / "p.html", tmp_path)[0][0]
    assert (doc.published_date, doc.published_date_source) == (date(2021, 8, 30), "text")


def test_html_json_ld_and_time_tag(tmp_path):
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Socks",'
        ' "datePublished": "2020-11-02T10:00:00+08:00", "publisher": {"name": "Xinhuanet"}}</script></head>'
        "<body><p>Datang knits billions of pairs of socks every year in family workshops and large mills.</p>"
        '<time datetime="2020-11-05">5 Nov</time></body></html>'
    )
    (tmp_path / "ld.htm").write_text(page)
    documents, _ = read_file(tmp_path / "ld.htm", tmp_path)
    assert documents[0].published_date == date(2020, 11, 2)
    assert documents[0].source_outlet == "Xinhua"
    assert documents[0].title == "Socks"


def test_markdown():
    doc = read_one("jinjiang.md")
    assert doc.format == "md"
    assert doc.title == "Jinjiang sneaker makers bet on design"
    assert "#" not in doc.text and "**" not in doc.text and "](" not in doc.text
    assert "Local firms now hire more designers" in doc.text  # wrapped lines joined
    assert "- more than 3,000 footwear companies\n\n- dozens of listed brands" in doc.text
    assert doc.source_outlet == "Fujian Daily"
    assert doc.published_date == date(2021, 11, 30)


def test_markdown_front_matter(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: Shengze silk\ndate: 2022-04-01\nsource: Xinhua\n---\n\nShengze weaves silk for export.\n"
    )
    doc = read_file(tmp_path / "a.md", tmp_path)[0][0]
    assert (doc.title, doc.published_date, doc.source_outlet) == ("Shengze silk", date(2022, 4, 1), "Xinhua")
    assert doc.text == "Shengze weaves silk for export."


def test_pdf_is_read_and_reflowed():
    doc = read_one("danyang.pdf")
    assert doc.format == "pdf" and doc.encoding is None
    assert doc.title == "Danyang glasses makers widen their reach"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Danyang glasses makers widen their reach"
    assert paragraphs[1].startswith(
        "Danyang, a city in Jiangsu province, is one of the largest production bases"
    )
    assert "\n" not in paragraphs[1]
    assert paragraphs[2].startswith("The local eyewear market")
    # the PDF's CreationDate (2023) is not a publication date; the "Published:" line on page 2 is
    assert (doc.published_date, doc.published_date_source) == (date(2022, 9, 21), "text")


def test_jsonl_good_lines_become_documents_and_the_bad_line_is_rejected():
    documents, rejected = read_file(FIXTURES / "articles.jsonl", FIXTURES)
    assert [d.file_name for d in documents] == ["articles.jsonl#1", "articles.jsonl#2", "articles.jsonl#4"]
    assert [d.language for d in documents] == ["es", "fr", "de"]
    assert [d.source_outlet for d in documents] == ["EFE", "AFP", "dpa"]
    assert [d.published_date for d in documents] == [date(2021, 12, 14)] * 3
    assert all(d.published_date_source == "metadata" for d in documents)
    assert documents[1].title == "Les lampes de Guzhen à la conquête du monde"
    assert "<p>" not in documents[1].text and "\n\n" in documents[1].text
    assert documents[2].url == "https://example.de/foshan"
    assert len(rejected) == 1
    assert rejected[0].path == "articles.jsonl#3"
    assert rejected[0].reason.startswith("malformed JSON at line 3: ")
    assert len({d.document_id for d in documents}) == 3


def test_json_list():
    documents, rejected = read_file(FIXTURES / "articles.json", FIXTURES)
    assert rejected == []
    assert [d.file_name for d in documents] == ["articles.json#1", "articles.json#2"]
    assert [d.language for d in documents] == ["zh", "en"]
    assert documents[0].source_outlet == "Chinanews"
    assert documents[0].published_date == date(2021, 10, 8)
    assert documents[1].url == "https://example.com/dalang"


def test_json_single_object_keeps_the_base_name(tmp_path):
    (tmp_path / "one.json").write_text(
        json.dumps({"content": "Cixi makes small appliances.", "headline": "Cixi"})
    )
    documents, rejected = read_file(tmp_path / "one.json", tmp_path)
    assert rejected == [] and documents[0].file_name == "one.json"
    assert documents[0].title == "Cixi"


def test_json_record_without_text_is_rejected_alone(tmp_path):
    (tmp_path / "list.json").write_text(
        json.dumps([{"title": "no body"}, {"text": "Shaoxing dyes cloth."}, 7])
    )
    documents, rejected = read_file(tmp_path / "list.json", tmp_path)
    assert [d.file_name for d in documents] == ["list.json#2"]
    assert [r.path for r in rejected] == ["list.json#1", "list.json#3"]
    assert "no article text" in rejected[0].reason


# --- rejected files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("broken/empty.txt", "empty file"),
        ("broken/image.txt", "binary file, not text"),
        ("broken/malformed.json", "malformed JSON at line 2: Expecting value"),
        ("broken/notes.docx", "unsupported file type .docx"),
    ],
)
def test_unreadable_files_are_rejected_with_a_reason(name, reason):
    assert read_file(FIXTURES / name, FIXTURES) == ([], [RejectedFile(name, reason)])


def test_truncated_pdf_is_rejected():
    documents, rejected = read_file(FIXTURES / "broken" / "truncated.pdf", FIXTURES)
    assert documents == []
    assert rejected[0].path == "broken/truncated.pdf"
    assert rejected[0].reason.startswith(("malformed PDF", "PDF has no extractable text"))


def test_pdf_without_text_is_rejected(tmp_path):
    from tests.fixtures.documents.make_fixtures import make_pdf

    (tmp_path / "blank.pdf").write_bytes(make_pdf([[""]], ""))
    assert read_file(tmp_path / "blank.pdf", tmp_path)[1] == [
        RejectedFile("blank.pdf", "PDF has no extractable text")
    ]


def test_undecodable_and_missing_files_do_not_raise(tmp_path):
    (tmp_path / "cyr.txt").write_bytes(bytes(range(0x80, 0x100)) * 3)
    documents, rejected = read_file(tmp_path / "missing.txt", tmp_path)
    assert documents == [] and rejected[0].reason.startswith("cannot read file")
    documents, rejected = read_file(tmp_path / "cyr.txt", tmp_path)
    assert len(documents) + len(rejected) == 1


# --- identity ----------------------------------------------------------------------------------


def test_same_content_in_two_files_has_the_same_id(tmp_path):
    article = "Dehua porcelain goes global\n\nDehua county in Fujian makes ceramic figurines and tableware.\n"
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_bytes(article.replace("\n", "\r\n").encode("utf-16"))
    (tmp_path / "c.txt").write_text(article.replace("tableware", "tiles"), encoding="utf-8")
    a, b, c = (read_file(tmp_path / name, tmp_path)[0][0] for name in ["a.txt", "sub/b.txt", "c.txt"])
    assert a.document_id == b.document_id
    assert a.document_id != c.document_id
    assert b.path == "sub/b.txt" and b.file_name == "b.txt"
    assert len(a.document_id) == 16


def test_content_id_counts_the_title_once():
    assert content_id("Dehua porcelain", "Dehua porcelain\n\nBody text.") == content_id(
        None, "Dehua porcelain Body text."
    )
    assert content_id("Dehua porcelain", "Body text.") == content_id(None, "Dehua porcelain\n\nBody text.")
    assert content_id("Other title", "Body text.") != content_id(None, "Body text.")


# --- text tidying and titles -------------------------------------------------------------------


def test_tidy_text_keeps_one_paragraph_per_line_and_collapses_spaces():
    raw = "  First   paragraph\u3000here.\r\n\r\n\r\nSecond\u00a0paragraph.\nThird one.\u200b  "
    assert tidy_text(raw) == "First paragraph here.\n\nSecond paragraph.\n\nThird one."


def test_tidy_text_reflows_hard_wrapped_english():
    raw = (
        "Shaoxing in Zhejiang province is home to one of the largest\n"
        "textile markets in Asia, where traders sell fabrics to buyers\n"
        "from many countries.\n"
        "\n"
        "The city has also invested in new printing and dyeing parks to\n"
        "cut pollution.\n"
    )
    assert tidy_text(raw) == (
        "Shaoxing in Zhejiang province is home to one of the largest textile markets in Asia, where traders "
        "sell fabrics to buyers from many countries.\n\n"
        "The city has also invested in new printing and dyeing parks to cut pollution."
    )


def test_reflow_joins_chinese_lines_without_spaces():
    lines = [
        "绍兴柯桥是亚洲最大的纺织品市场之一，每年吸引",
        "大量海外采购商前来采购面料和服装。",
        "",
        "当地还建设了新的印染园区。",
    ]
    assert reflow_lines(lines) == [
        "绍兴柯桥是亚洲最大的纺织品市场之一，每年吸引大量海外采购商前来采购面料和服装。",
        "当地还建设了新的印染园区。",
    ]


def test_reflow_mends_hyphenated_words():
    lines = ["Dongguan furniture makers have become increasingly inter-", "national in outlook and sales."]
    assert reflow_lines(lines) == [
        "Dongguan furniture makers have become increasingly international in outlook and sales."
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("# Yiwu exporters find new buyers", "Yiwu exporters find new buyers"),
        ("date 2022-01-04 Yiwu exporters find new buyers", "Yiwu exporters find new buyers"),
        ("Le scarpe di Wenzhou conquistano l'Europa", "Le scarpe di Wenzhou conquistano l'Europa"),
        ("中山古镇灯饰产业加快转型", "中山古镇灯饰产业加快转型"),
        ("Yiwu traders said on Monday that orders rose.", None),
        ("绍兴柯桥是亚洲最大的纺织品市场之一。", None),
        ("x" * 200, None),
        ("2021-12-14", None),
        ("By Zhang Wei", None),
    ],
)
def test_headline(line, expected):
    assert headline(line) == expected


def test_strip_tags_keeps_blocks_as_paragraphs_and_drops_scripts():
    markup = (
        "<div><p>One <b>bold</b> line.</p><script>var x = 1;</script>"
        "<p>Two &amp; three.</p><ul><li>a</li></ul></div>"
    )
    assert strip_tags(markup) == "One bold line.\n\nTwo & three.\n\na"


# --- outlets -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(XINHUA) - PECHINO, 3 MAR - Le imprese crescono.", "Xinhua"),
        ("BEIJING, Jan. 5 (Xinhua) -- Sock exports rose.", "Xinhua"),
        ("Workers pack lamps. (Chinanews.com/Wang Lei)\n\nGuzhen makes lamps.", "Chinanews"),
        ("Guzhen makes lamps.\n\nSource: China Daily", "China Daily"),
        ("Source: Xinhua| 2021-12-14 10:31:22|Editor: huaxia\n\nText.", "Xinhua"),
        ("来源：人民网\n\n虎门服装产业发展迅速。", "People's Daily"),
        ("新华社北京3月5日电 全国两会开幕。", "Xinhua"),
        ("中新网泉州5月2日电 晋江鞋服企业增长。", "Chinanews"),
        ("据新华社广州12月14日电，家具出口增长。", "Xinhua"),
        ("佛山日报讯 佛山日报记者报道。\n\n南海铝型材12月14日电 无关", None),
        ("佛山日报顺德12月14日电 家电出口增长。", "佛山日报"),
        ("本报北京12月14日电 家电出口增长。", None),
        ("Fonte: ANSA\n\nIl distretto cresce.", "ANSA"),
        ("ROMA, 5 MAG - (Agenzia Nova) - Le esportazioni crescono.", "Agenzia Nova"),
        ("MADRID, 3 mar (EFE).- Las fábricas crecen.", "EFE"),
        ("Fuente: Europa Press\n\nLas fábricas crecen.", "Europa Press"),
        ("PARIS, 5 avr (AFP) - Les usines ferment.", "AFP"),
        ("Quelle: dpa\n\nDie Fabriken wachsen.", "dpa"),
        ("Die Fabriken wachsen.\n\nQuelle: Süddeutsche Zeitung", "Süddeutsche Zeitung"),
        ("Source: National Bureau of Statistics\n\nOutput rose.", None),
        ("来源：国家统计局\n\n产值增长。", None),
        ("Workers pack lamps. (Photo courtesy of the town government)", None),
        ("Lamps are made in Guzhen, as Xinhua reported in the middle of a long story.", None),
        ("", None),
    ],
)
def test_find_source_outlet(text, expected):
    assert find_source_outlet(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("XINHUA", "Xinhua"),
        ("people's daily online", "People's Daily"),
        ("South China Morning Post", "SCMP"),
        ("财新网", "Caixin"),
        ("Foshan Evening News", "Foshan Evening News"),
        (None, None),
    ],
)
def test_canonical_outlet(name, expected):
    assert canonical_outlet(name) == expected


def test_reflow_keeps_a_line_wrapped_early_in_its_paragraph():
    lines = ["In vent'anni la produzione di piastrelle è cresciuta dai 10 milioni di metri",
             "quadrati l'anno ai 1.868 milioni del 2002, quella di stoviglieria",
             "è passata da 1.200 milioni a",
             "16.470 milioni di pezzi nel 2002, mentre nel comparto dei sanitari la",
             "capacità produttiva si è moltiplicata per dieci.",
             "",
             "Un titolo breve",
             "Nel 2002 il fatturato complessivo dell'industria ha toccato i 6,8 miliardi",
             "di euro, il 13,3% in più rispetto al 2001 secondo i dati raccolti."]
    paragraphs = reflow_lines(lines)
    assert len(paragraphs) == 3 and "a 16.470 milioni" in paragraphs[0]
    assert paragraphs[1] == "Un titolo breve"


def test_what_a_copied_page_leaves_above_its_headline_is_no_title():
    assert first_paragraph_title("| site.example | 10. 09. 2025 | Editor: X | ![]() |\n\n![]() |\n\n[A A A] |\n\n"
                                 "Las nuevas especialidades del campo\n\nLos campesinos de Hubei hallan trabajo.") == (
        "Las nuevas especialidades del campo")


def test_the_warm_up_before_the_workers_fork_loads_the_html_extractor_and_its_fallback():
    """Workers are forked for each batch of files: what the parent loaded they inherit, what it did
    not each loads again (trafilatura's fallback word lists, 0.2-0.4 s a process)."""
    import sys

    from clusterhouse.documents.inventory import _warm_up

    _warm_up()
    assert "trafilatura" in sys.modules
    from trafilatura import external

    assert external.JT_STOPLIST


def test_html_meta_tags_by_name_in_any_case_first_filled_one_in_page_order():
    import lxml.html

    from clusterhouse.documents.readers.html import html_metadata

    page = (
        "<html><head><title>Page - Daily Paper</title>"
        '<meta name="twitter:title" content="Second choice">'
        '<meta property="OG:TITLE" content="  ">'  # blank: the next one counts
        '<meta property="og:title" content="Baoding bags">'
        '<meta itemprop="datePublished" content="2022-03-04">'
        '<meta name="publisher">'  # no content at all
        '<meta name="Application-Name" content="Daily Paper">'
        "</head><body><p>x</p></body></html>"
    )
    metadata = html_metadata(lxml.html.document_fromstring(page))
    assert metadata["title"] == "Baoding bags"
    assert metadata["date"] is not None and "2022" in str(metadata["date"])
    assert metadata["outlet"] == "Daily Paper"
