"""Product taxonomy (clusterhouse/reference/products/) and product detection (clusterhouse/extraction/products.py)."""

import csv
import re

import pytest

from clusterhouse.extraction.products import LANGUAGES, PRODUCTS_DIR, ProductCatalog, fold


@pytest.fixture(scope="module")
def catalog() -> ProductCatalog:
    return ProductCatalog.load()


def ids(catalog, text, language=None):
    return [m.product.product_id for m in catalog.find_mentions(text, language)]


def main(catalog, text, language=None):
    product = catalog.main_product(text, language)
    return product.product_id if product else None


# ---------------------------------------------------------------- the taxonomy itself


def _rows(name):
    with open(PRODUCTS_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_taxonomy_columns_and_size():
    rows = _rows("product_taxonomy.csv")
    assert list(rows[0]) == [
        "product_id", "name_en", "name_zh", "family", "parent_product_id",
        "hs_code", "gbt4754_code", "hs_note",
    ]
    assert len(rows) >= 170
    assert 20 <= len({r["family"] for r in rows}) <= 40


def test_every_product_is_well_formed():
    rows = _rows("product_taxonomy.csv")
    product_ids = [r["product_id"] for r in rows]
    assert len(product_ids) == len(set(product_ids)), "product_id must be unique"
    for r in rows:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", r["product_id"]), r
        assert r["name_en"].strip() and r["name_zh"].strip() and r["family"].strip(), r
        assert re.search(r"[\u4e00-\u9fff]", r["name_zh"]) or r["name_zh"].isupper(), r
        assert re.fullmatch(r"(\d{4}|\d{6})?", r["hs_code"]), f"hs_code must be 4 or 6 digits: {r}"
        assert re.fullmatch(r"(\d{3}|\d{4})?", r["gbt4754_code"]), f"GB/T 4754 group or class: {r}"
        assert r["parent_product_id"] in set(product_ids) | {""}, r


def test_hierarchy_has_no_cycles(catalog):
    for product in catalog.products:
        chain = catalog.ancestors(product.product_id)
        assert product.product_id not in chain
        assert len(chain) < 5


def test_every_product_has_english_and_chinese_synonyms():
    rows = _rows("product_synonyms.csv")
    # the catch-all "unclassified" is never named in text: it has no synonyms
    products = {r["product_id"] for r in _rows("product_taxonomy.csv") if r["family"] != "other"}
    by_language: dict[str, set[str]] = {}
    for r in rows:
        assert r["product_id"] in products, r
        assert r["language"] in LANGUAGES, r
        assert r["synonym"] == r["synonym"].strip() and r["synonym"], r
        by_language.setdefault(r["language"], set()).add(r["product_id"])
    for language in LANGUAGES:
        assert by_language[language] == products, f"products without a {language} synonym"


def test_some_known_codes(catalog):
    expected = {
        "plush_toys": ("950300", "2455"), "pianos": ("9201", "2422"), "zippers": ("9607", None),
        "bearings": ("8482", "3451"), "pearls": ("7101", None), "ceramic_tiles": ("6907", "3071"),
        "lighting": ("9405", "387"), "tea": ("0902", "1530"), "buttons": ("9606", None),
        "socks": ("6115", "1830"), "eyewear": ("9004", "3587"), "fireworks": ("360410", "2672"),
        "drones": ("8806", "3963"), "molds": ("8480", "3525"), "pcb": ("8534", "3982"),
    }
    for product_id, (hs, gbt) in expected.items():
        product = catalog.get(product_id)
        assert (product.hs_code, product.gbt4754_code) == (hs, gbt), product_id


def test_get_and_parents(catalog):
    plush = catalog.get("plush_toys")
    assert plush.name_zh == "毛绒玩具" and plush.family == "toys" and plush.parent_product_id == "toys"
    assert catalog.get("jeans").parent_product_id == "garments"
    assert catalog.get("toys").parent_product_id is None
    assert catalog.get("no_such_product") is None
    assert catalog.ancestors("mahogany_furniture") == ["wooden_furniture", "furniture"]


# ---------------------------------------------------------------- detection in six languages


@pytest.mark.parametrize(
    "text, language, expected",
    [
        # English: singular, plural, industry phrasings
        ("Dayi town exports stuffed toys and soft toys to Europe.", "en", ["plush_toys", "plush_toys"]),
        ("The toy industry and one toy maker.", "en", ["toys", "toys"]),
        ("Xintang is known for jeans and denim.", "en", ["jeans", "jeans"]),
        ("Guzhen's lighting fixtures and LED lamps", "en", ["lighting", "led_lighting"]),
        ("a bearing industry park where ball bearings are made", "en", ["bearings", "bearings"]),
        ("Yiwu sock makers sold 3 billion pairs of socks", "en", ["socks", "socks"]),
        ("Shengzhou produces neckties; necktie exports rose", "en", ["neckties", "neckties"]),
        ("Xuchang's wigs and hair extensions", "en", ["wigs", "wigs"]),
        ("its e-bikes and electric bicycles", "en", ["e_bikes", "e_bikes"]),
        ("Zhuji freshwater pearls", "en", ["pearls"]),
        ("Luosifen, or river snail rice noodles, sold online", "en", ["luosifen", "luosifen"]),
        ("printed circuit boards (PCBs) and LED chips", "en", ["pcb", "pcb", "led"]),
        # Chinese, simplified
        ("扬州毛绒玩具产业集群", "zh", ["plush_toys"]),
        ("新塘牛仔服装和牛仔裤", "zh", ["jeans", "jeans"]),
        ("古镇灯饰照明产业", "zh", ["lighting"]),
        ("丹阳眼镜镜片产量占全国一半", "zh", ["eyewear", "eyewear"]),
        ("诸暨大唐袜业", "zh", ["socks"]),
        ("许昌发制品和假发出口", "zh", ["wigs", "wigs"]),
        ("柳州螺蛳粉产业", "zh", ["luosifen"]),
        ("寿光蔬菜", "zh", ["vegetables"]),
        ("黄岩模具之乡", "zh", ["molds"]),
        ("温岭水泵", "zh", ["pumps"]),
        ("永康五金", "zh", ["hardware"]),
        ("邵东打火机", "zh", ["lighters"]),
        ("景德镇瓷器和陶瓷", "zh", ["porcelain", "ceramics"]),
        ("阳江刀剪", "zh", ["knives_scissors"]),
        ("慈溪小家电", "zh", ["small_appliances"]),
        ("晋江运动鞋", "zh", ["sports_shoes"]),
        ("萍乡上栗烟花爆竹", "zh", ["fireworks"]),
        # Chinese, traditional
        ("揚州毛絨玩具產業集群", "zh", ["plush_toys"]),
        ("古鎮燈飾照明", "zh", ["lighting"]),
        ("許昌假髮與髮製品", "zh", ["wigs", "wigs"]),
        ("丹陽眼鏡", "zh", ["eyewear"]),
        ("大唐襪業", "zh", ["socks"]),
        ("牛仔褲", "zh", ["jeans"]),
        # Italian
        ("Il distretto dei giocattoli e un giocattolo", "it", ["toys", "toys"]),
        ("peluche e giocattoli di peluche", "it", ["plush_toys", "plush_toys"]),
        ("l'illuminazione e le lampade a LED", "it", ["lighting", "led_lighting"]),
        ("occhiali da sole e occhiali", "it", ["sunglasses", "eyewear"]),
        ("calze e calzini", "it", ["socks", "socks"]),
        ("la porcellana di Jingdezhen", "it", ["porcelain"]),
        # Spanish
        ("juguetes y un juguete de peluche", "es", ["toys", "plush_toys"]),
        ("iluminación y lámparas", "es", ["lighting", "lighting"]),
        ("pantalones vaqueros", "es", ["jeans"]),
        ("gafas de sol", "es", ["sunglasses"]),
        ("calcetines y perlas", "es", ["socks", "pearls"]),
        # French
        ("jouets et peluches", "fr", ["toys", "plush_toys"]),
        ("luminaires et éclairage LED", "fr", ["lighting", "led_lighting"]),
        ("les lunettes de Danyang", "fr", ["eyewear"]),
        ("feux d'artifice et pétards", "fr", ["fireworks", "fireworks"]),
        ("couteaux et ciseaux", "fr", ["knives_scissors", "knives_scissors"]),
        # German: capitalised nouns, plurals, compounds
        ("Spielzeug und Spielwaren", "de", ["toys", "toys"]),
        ("Plüschtiere aus China", "de", ["plush_toys"]),
        ("Leuchten und LED-Leuchten", "de", ["lighting", "led_lighting"]),
        ("die Spielwarenindustrie und die Möbelbranche", "de", ["toys", "furniture"]),
        ("Brillen und Sonnenbrillen", "de", ["eyewear", "sunglasses"]),
        ("Socken, Perlen und Feuerwerk", "de", ["socks", "pearls", "fireworks"]),
    ],
)
def test_find_mentions(catalog, text, language, expected):
    assert ids(catalog, text, language) == expected


def test_rattan_and_iron_phrasings(catalog):
    assert ids(catalog, "rattan and iron furniture", "en") == ["rattan_iron"]
    assert ids(catalog, "rattan-iron crafts", "en") == ["rattan_iron"]
    assert ids(catalog, "藤铁工艺与藤铁家居", "zh") == ["rattan_iron", "rattan_iron"]
    assert ids(catalog, "藤鐵工藝", "zh") == ["rattan_iron"]
    assert ids(catalog, "mobili in rattan e ferro", "it") == ["rattan_iron"]
    assert ids(catalog, "meubles en rotin et fer", "fr") == ["rattan_iron"]


def test_mentions_carry_original_spans(catalog):
    text = "Im Jahr 2023 exportierte die Stadt PLUSH TOYS und\nLED-Leuchten; 毛絨玩具 too."
    mentions = catalog.find_mentions(text)
    assert [m.text for m in mentions] == ["PLUSH TOYS", "LED-Leuchten", "毛絨玩具"]
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_line_breaks_and_hyphens_inside_phrases(catalog):
    assert ids(catalog, "plush\ntoys and plush-toy makers", "en") == ["plush_toys", "plush_toys"]


def test_fold_keeps_length():
    text = "İstanbul Plüsch 毛絨玩具 – ‘toys’\u3000end"
    assert len(fold(text)) == len(text)
    assert fold("毛絨玩具產業") == "毛绒玩具产业"


# ---------------------------------------------------------------- longest, most specific match


def test_longest_match_wins(catalog):
    assert ids(catalog, "plush toys", "en") == ["plush_toys"]
    assert ids(catalog, "rattan and iron furniture", "en") == ["rattan_iron"]
    assert ids(catalog, "mahogany furniture", "en") == ["mahogany_furniture"]
    assert ids(catalog, "wine glasses", "en") == ["glassware"]
    assert ids(catalog, "porcelain tiles", "en") == ["ceramic_tiles"]
    assert ids(catalog, "毛绒玩具", "zh") == ["plush_toys"]
    assert ids(catalog, "印刷电路板", "zh") == ["pcb"]
    assert ids(catalog, "太阳能电池板", "zh") == ["solar_pv"]
    assert ids(catalog, "针织机", "zh") == ["textile_machinery"]
    assert ids(catalog, "silk flowers", "en") == ["artificial_flowers"]
    assert ids(catalog, "honey pomelos", "en") == ["pomelos"]


# ---------------------------------------------------------------- false friends


@pytest.mark.parametrize(
    "text, language",
    [
        ("The team held steady.", "en"),  # tea
        ("Factories open again, reopened and opened.", None),  # pen
        ("China's exports to China grew; made in china.", "en"),  # never porcelain
        ("The Pearl River Delta and Pearl Harbor", "en"),
        ("a new Silk Road project along the Maritime Silk Road", "en"),
        ("丝绸之路经济带", "zh"),
        ("il progetto della Via della Seta", "it"),
        ("la Ruta de la Seda", "es"),
        ("les nouvelles routes de la soie", "fr"),
        ("die Neue Seidenstraße", "de"),
        ("Jade Li said output went down and prices slowed down.", "en"),  # jade as a name, down
        ("The company led the market; leading firms", "en"),  # led is not LED
        ("Die Sterne leuchten hell.", "de"),  # verb, not Leuchten
        ("Apple Inc. and Apple's suppliers", "en"),
        ("苹果公司与苹果产业链", "zh"),
        ("一杯珍珠奶茶", "zh"),
        ("delta del Fiume delle Perle", "it"),
        ("un piano di sviluppo", "it"),  # Italian piano = plan
        ("pommes de terre", "fr"),
        ("luna de miel", "es"),
        ("a hat trick", "en"),
    ],
)
def test_false_friends_are_not_products(catalog, text, language):
    assert ids(catalog, text, language) == []


def test_pen_only_as_a_word(catalog):
    assert ids(catalog, "They open a pen factory; ballpoint pens sell.", "en") == ["pens", "pens"]


def test_glass_is_not_glasses(catalog):
    assert ids(catalog, "glass and glasses", "en") == ["glass", "eyewear"]
    assert ids(catalog, "fibreglass", "en") == ["glass_fibre"]


def test_silk_without_the_road(catalog):
    assert ids(catalog, "Suzhou silk, not the Silk Road", "en") == ["silk"]
    assert ids(catalog, "苏州丝绸与丝绸之路", "zh") == ["silk"]


def test_ambiguous_surface_needs_the_language(catalog):
    # Italian "seta" is silk, Spanish "seta" a mushroom.
    assert ids(catalog, "seta", None) == []
    assert ids(catalog, "seta", "it") == ["silk"]
    assert ids(catalog, "seta", "es") == ["mushrooms"]


def test_language_filter(catalog):
    # German "hat" (has) is not a hat when the text is German; English hats are.
    assert ids(catalog, "Die Stadt hat 300 Firmen.", "de") == []
    assert ids(catalog, "The hat industry", "en") == ["hats"]
    # Chinese synonyms and English acronyms work inside Chinese text.
    assert ids(catalog, "LED照明与PCB", "zh") == ["led_lighting", "pcb"]


# ---------------------------------------------------------------- main product of a document

ARTICLES = [
    ("eyewear", "en", "Danyang, the glasses capital of China\n"
     "Danyang makes about half of the spectacle lenses sold in China. More than 1,600 eyewear firms "
     "employ 50,000 people, and sunglasses are a growing line."),
    ("socks", "en", "Yiwu sock makers look to automation\n"
     "The city's sock industry produced billions of pairs of socks last year, though some factories "
     "also knit gloves and scarves."),
    ("porcelain", "en", "Jingdezhen revives its porcelain kilns\n"
     "The porcelain capital has thousands of ceramics studios; porcelain exports rose again, while "
     "a new museum of ceramics opened."),
    ("ceramics", "en", "Dehua county, a ceramic industry base in Fujian\n"
     "Dehua's ceramics firms make porcelain figurines and ceramic tableware; ceramics exports reach "
     "190 countries."),
    ("knives_scissors", "en", "Yangjiang: China's capital of knives and scissors\n"
     "Kitchen knives, scissors and cutlery from 1,500 firms; the knife industry is upgrading."),
    ("small_appliances", "zh", "慈溪小家电产业集群\n慈溪是中国小家电生产基地，"
     "小家电企业超过一万家，产品包括电风扇和电水壶。"),
    ("pearls", "zh", "诸暨山下湖珍珠产业\n山下湖淡水珍珠产量占全国七成以上，珍珠企业数千家。"),
    ("socks", "zh", "诸暨大唐：国际袜都\n大唐袜业年产袜子两百多亿双，袜业企业上万家。"),
    ("neckties", "en", "Shengzhou neckties\n"
     "Shengzhou, the necktie capital, makes most of the world's silk ties."),
    ("sports_shoes", "zh", "晋江运动鞋产业\n晋江是中国鞋都，运动鞋品牌云集，鞋业产值超千亿元。"),
    ("fireworks", "zh", "上栗烟花爆竹产业\n萍乡上栗是花炮之乡，烟花爆竹企业数百家。"),
    ("luosifen", "zh", "柳州螺蛳粉产业集群\n袋装螺蛳粉销售收入再创新高，"
     "米粉生产企业也在增加。"),
    ("wigs", "zh", "許昌發製品產業\n許昌假髮出口全球，發製品企業超過四千家。"),
    ("vegetables", "zh", "寿光蔬菜产业\n寿光是中国蔬菜之乡，大棚蔬菜面积六十万亩，也种植大蒜。"),
    ("molds", "en", "Huangyan, a mould capital\nHuangyan has more than 2,000 mould makers; injection moulds "
     "for cars and appliances make up most of its mould industry."),
    ("pumps", "en", "Wenling's pump industry\nWenling makes water pumps; the pump cluster has 3,000 firms "
     "and also supplies electric motors."),
    ("hardware", "zh", "永康五金之都\n永康五金产业产值超千亿元，"
     "门锁、电动工具和保温杯等产品畅销。"),
    ("lighters", "en", "Shaodong lighters\nShaodong makes most of the world's cigarette lighters; lighters "
     "are its signature product, alongside hardware."),
    ("toys", "it", "Yunhe, il distretto del giocattolo in legno\n"
     "Yunhe produce giocattoli in legno e altri giocattoli; "
     "l'industria del giocattolo impiega migliaia di persone."),
    ("eyewear", "it", "Danyang, capitale degli occhiali\n"
     "Il distretto dell'occhialeria produce montature e occhiali da vista."),
    ("lighting", "es", "Guzhen, capital mundial de la iluminación\nLa industria de la iluminación de Guzhen "
     "fabrica lámparas y luminarias para 130 países."),
    ("porcelain", "fr", "Jingdezhen, capitale de la porcelaine\n"
     "L'industrie de la porcelaine emploie des milliers d'artisans; "
     "la porcelaine se vend dans le monde entier."),
    ("toys", "de", "Chinas Spielzeugstadt\nDie Spielwarenindustrie der Stadt produziert Spielzeug für "
     "Europa; Plüschtiere sind nur ein Teil."),
    ("plush_toys", "en", "Yangzhou's plush toy cluster\nDayi town near Yangzhou makes plush toys for export. "
     "Toys of every kind are sold there, but stuffed toys are the core of the toy trade."),
    ("jeans", "en", "Xintang, the jeans capital\nXintang's denim cluster makes 200 million pairs of jeans a "
     "year, along with other garments."),
]


@pytest.mark.parametrize("expected, language, text", ARTICLES)
def test_main_product_of_short_articles(catalog, expected, language, text):
    assert main(catalog, text, language) == expected


def test_main_product_without_language(catalog):
    for expected, _, text in ARTICLES:
        if _ in ("en", "zh"):
            assert main(catalog, text) == expected, text


def test_main_product_none_when_no_product(catalog):
    assert main(catalog, "The county's GDP grew 5.2% in 2023 and its population rose.", "en") is None
    assert main(catalog, "", None) is None


def test_cluster_wording_beats_a_passing_mention(catalog):
    text = ("Some firms also make furniture and tea. The county is the capital of bamboo products, and "
            "its bamboo industry leads.")
    assert main(catalog, text, "en") == "bamboo_products"


def test_title_weighs_more_than_the_body(catalog):
    text = "Shengzhou hat makers go digital\nThe town also sells scarves and gloves; scarves sell well."
    assert main(catalog, text, "en") == "hats"


def test_german_compound_counts_as_cluster_wording(catalog):
    text = "Die Stadt verkauft auch Schals. Die Perückenindustrie der Stadt wächst, Perücken gehen nach Afrika."
    assert main(catalog, text, "de") == "wigs"
