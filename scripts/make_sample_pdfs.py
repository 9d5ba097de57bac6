"""Write the two sample PDFs of the demo corpus in ``raw/``.

Run from the repository root (any Python 3.11+, standard library only):

    python scripts/make_sample_pdfs.py            # writes raw/dehua_ceramics.pdf, raw/yangjiang_coltelli.pdf
    python scripts/make_sample_pdfs.py OUT_DIR    # writes them into OUT_DIR instead

The PDFs are built by hand: one A4 page, the standard Type1 fonts Helvetica and
Helvetica-Bold with WinAnsiEncoding (which covers the accents of Italian), no
embedded fonts, no timestamps, so the output is byte-for-byte reproducible.

Lines are broken here, in the text below, not by the script: a PDF has no
paragraphs, and text extractors such as pypdf return each line on its own line.
Each figure-bearing clause is kept on a single line so that its wording survives
extraction verbatim (the gold annotations in tests/raw_gold/ quote it).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN_LEFT = 56
MARGIN_BOTTOM = 56
TITLE_SIZE, BODY_SIZE, LEADING = 16, 11, 15
PARAGRAPH_GAP = 8
MAX_LINE_CHARS = 95  # lines of mixed text this long fit the text width at 11 pt Helvetica


@dataclass(frozen=True)
class SampleDocument:
    file_name: str
    title: str
    byline: str
    paragraphs: tuple[str, ...]  # lines inside a paragraph are separated by "\n"


DOCUMENTS = (
    SampleDocument(
        file_name="dehua_ceramics.pdf",
        title="Dehua's white porcelain finds new buyers abroad",
        byline="Fujian Trade Notes | Published 14 June 2023",
        paragraphs=(
            "DEHUA, Fujian -- In the hills of central Fujian, the kilns of Dehua county have been firing\n"
            "white porcelain for more than a thousand years. Today the county ships statues, tea sets,\n"
            "garden ornaments and Christmas figurines to customers on every continent.",
            "In 2022, Dehua's ceramic industry recorded an output value of 47.5 billion yuan.\n"
            "Ceramic exports from the county were worth 2.1 billion US dollars in 2022,\n"
            "most of them decorative pieces and tableware.",
            "In the first quarter of 2023, the county's ceramic exports reached 3.3 billion yuan,\n"
            "as European importers restocked for the garden season.",
            "Dehua currently has more than 3,500 ceramic enterprises,\n"
            "and over 100,000 people work in the industry.\n"
            "Its products are exported to 190 countries and regions.",
            "Family firms still dominate. One of them, started in a rented shed in 1998, now fires\n"
            "20,000 pieces a day in gas kilns and sold goods worth 80 million yuan last year,\n"
            "its owner said. Her daughter runs the company's online shop and designs tea cups\n"
            "for young buyers who, she says, want porcelain that looks good in photos.",
            "The county is also betting on tourism and education: a ceramics college trains designers,\n"
            "and old kiln sites have become museums. Local officials want Dehua to be known not only\n"
            "for cheap figurines but for original design, and they are funding a new research centre\n"
            "for glazes and 3D-printed moulds.",
        ),
    ),
    SampleDocument(
        file_name="yangjiang_coltelli.pdf",
        title="Yangjiang, la capitale cinese di coltelli e forbici",
        byline="Pubblicato: 22/05/2023 - Notiziario Industria e Mercati",
        paragraphs=(
            "YANGJIANG (Guangdong) - Nella città costiera di Yangjiang, nel Guangdong occidentale,\n"
            "si forgiano lame da oltre millequattrocento anni. Oggi coltelli da cucina, forbici e\n"
            "utensili multiuso escono da migliaia di laboratori e di fabbriche moderne.",
            "Nel 2022 il valore della produzione del settore ha raggiunto circa 68 miliardi di yuan.\n"
            "Le esportazioni hanno superato i 3 miliardi di dollari nello stesso anno.",
            "Nel primo trimestre del 2023 le esportazioni sono state pari a 5,6 miliardi di yuan,\n"
            "in crescita rispetto allo stesso periodo dell'anno precedente.",
            "Oggi a Yangjiang operano più di 1.600 imprese di coltelli e forbici,\n"
            "con circa 300.000 addetti,\n"
            "e i prodotti sono esportati in oltre 150 Paesi e regioni.\n"
            "Yangjiang è il più grande centro di produzione di coltelli e forbici della Cina.",
            "Le aziende puntano sempre più sulla qualità. Un'azienda locale ha appena firmato con un\n"
            "importatore tedesco un contratto da 2 milioni di euro per coltelli da chef in acciaio\n"
            "damasco. La fiera annuale del coltello ha attirato circa 50.000 visitatori.",
            "Non mancano le difficoltà: i costi dell'acciaio sono saliti e la concorrenza è forte.\n"
            "Per questo la città ha aperto un centro di design e un laboratorio per le prove\n"
            "dei materiali, perché, spiegano gli imprenditori, il futuro è nelle lame di qualità.",
        ),
    ),
)


def _pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsiEncoding (cp1252), with ( ) and \\ escaped."""
    raw = text.encode("cp1252")
    raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + raw + b")"


def _content_stream(doc: SampleDocument) -> bytes:
    top = PAGE_HEIGHT - 62
    ops = [
        b"BT",
        b"/F2 %d Tf" % TITLE_SIZE,
        b"%d %d Td" % (MARGIN_LEFT, top),
        _pdf_string(doc.title) + b" Tj",
        b"ET",
        b"BT",
        b"/F1 %d Tf" % BODY_SIZE,
        b"%d TL" % LEADING,
        b"%d %d Td" % (MARGIN_LEFT, top - 24),
        _pdf_string(doc.byline) + b" Tj",
    ]
    y = top - 24
    for paragraph in doc.paragraphs:
        ops.append(b"0 %d Td" % -(LEADING + PARAGRAPH_GAP))
        y -= LEADING + PARAGRAPH_GAP
        for i, line in enumerate(paragraph.split("\n")):
            if len(line) > MAX_LINE_CHARS:
                raise ValueError(f"line too long for the page: {line!r}")
            if i:
                ops.append(b"T*")
                y -= LEADING
            ops.append(_pdf_string(line) + b" Tj")
    ops.append(b"ET")
    if y < MARGIN_BOTTOM:
        raise ValueError(f"{doc.file_name}: text does not fit on one page")
    return b"\n".join(ops) + b"\n"


def build_pdf(doc: SampleDocument) -> bytes:
    """The bytes of a one-page PDF showing the document."""
    content = _content_stream(doc)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>"
        % (PAGE_WIDTH, PAGE_HEIGHT),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Title " + _pdf_string(doc.title) + b" /Producer (clusterhouse make_sample_pdfs.py) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "raw"
    out_dir.mkdir(parents=True, exist_ok=True)
    for doc in DOCUMENTS:
        path = out_dir / doc.file_name
        path.write_bytes(build_pdf(doc))
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
