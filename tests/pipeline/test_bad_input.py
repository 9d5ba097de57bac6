"""A night's raw folder full of bad input, made here in a temporary folder: every bad file is
recorded with a clear reason, every good one loads, the run succeeds, nothing outside the raw
folder is read and nothing a document points to is fetched."""

from __future__ import annotations

import http.server
import io
import json
import os
import threading
import time
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link

import orchestration.defs.extract.assets as extract_assets
import orchestration.defs.ingest.assets as ingest_assets
from clusterhouse.cli import run_refresh
from clusterhouse.documents import discover, inventory
from tests.conftest import FIXTURES, copy_documents, query, temporary_settings
from tests.fixtures.documents.make_fixtures import make_pdf

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("bad_input")]

GOOD = ("Yongkang hardware\n\nIn 2023 the hardware industry of Yongkang had an output value of 120 billion yuan, "
        "with more than 10,000 enterprises.\n")


class _Hits(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        _Hits.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"FETCHED-FROM-THE-NETWORK")

    def log_message(self, *args):
        pass


def _pdf(text: str, encrypt: bool = False, link: str | None = None) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([text.splitlines()], "A title"))))
    if link:
        writer.add_annotation(0, Link(rect=(10, 10, 100, 30), url=link))
    if encrypt:
        writer.encrypt("secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_bad_corpus(raw: Path, outside: Path, url: str) -> None:
    """The bad files (and a few good ones), all written by this test."""
    copy_documents(FIXTURES / "pipeline" / "news", raw / "good")
    files: dict[str, bytes] = {
        "empty/empty.txt": b"",
        "empty/empty.json": b"",
        "empty/blank.md": b" \n\t\n",
        "empty/empty.pdf": b"",
        "binary/photo.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        "binary/archive.html": b"PK\x03\x04" + bytes(range(256)) * 8,
        "binary/noise.md": bytes((i * 7919) % 256 for i in range(4096)),
        "encodings/invalid.txt": bytes(range(0x80, 0x100)) * 40,
        "encodings/mixed.txt": GOOD.encode() + "永康五金产业产值1200亿元。".encode("gbk") + GOOD.encode(),
        "encodings/latin1.txt": ("Nel 2022 il distretto delle cravatte di Shengzhou ha realizzato un valore della "
                                 "produzione di 20 miliardi di yuan, più di 1.000 aziende.").encode("latin-1"),
        "pdf/truncated.pdf": _pdf(GOOD)[:400],
        "pdf/encrypted.pdf": _pdf(GOOD, encrypt=True),
        "pdf/linked.pdf": _pdf(GOOD, link=f"{url}/pdf-link"),
        "html/no_body.html": b"<html><head><title>Only a title</title></head></html>",
        "html/deep.html": b"<html><body>" + b"<div>" * 10_000 + GOOD.encode() + b"</div>" * 10_000 + b"</body></html>",
        "html/fetches.html": (
            f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "{url}/entity">]>'
            f'<html><head><base href="{url}/base/"><link rel="stylesheet" href="{url}/css">'
            f'<meta http-equiv="refresh" content="0; url={url}/refresh"><script src="{url}/script"></script>'
            f'<script>fetch("{url}/inline-script")</script></head><body><h1>Yongkang hardware</h1>'
            f'<p>&xxe;&net;In 2023 the hardware industry of Yongkang had an output value of 120 billion yuan.</p>'
            f'<img src="{url}/img"><iframe src="file:///etc/passwd"></iframe><iframe src="{url}/iframe"></iframe>'
            f'<object data="{url}/object"></object></body></html>').encode(),
        "json/wrong_types.json": json.dumps({"text": 12345, "title": "Numbers"}).encode(),
        "json/text_object.json": json.dumps({"content": {"paragraphs": 3}}).encode(),
        "json/top_level_string.json": b'"just a string"',
        "json/nested.json": b"[" * 100_000 + b"]" * 100_000,
        "json/fields.json": json.dumps({"text": GOOD, "title": ["not", 1], "date": {"y": 2023},
                                        "url": f"{url}/json-url", "language": 7}).encode(),
        "json/escapes.json": b'{"text": "In 2023 the hardware \\ud800industry\\u0000 of Yongkang had an output value of '
                             b'120 billion yuan, with more than 10,000 enterprises."}',
        "feeds/one_broken.jsonl": b"\n".join([
            json.dumps({"title": "Good one", "text": GOOD}).encode(),
            b'{"title": "broken", "text": ',
            json.dumps({"title": "Good two", "text": GOOD.replace("Yongkang", "Danyang")}).encode(),
            json.dumps([1, 2]).encode(),
        ]),
        "markdown/image.md": f"# Yongkang\n\n![chart]({url}/md-image)\n\n{GOOD}".encode(),
        "dupes/copy_one.txt": GOOD.encode(),
        "dupes/copy_two.txt": GOOD.encode(),
        "names/spaces and 中文 #1 'quoted'.txt": GOOD.replace("Yongkang", "Yiwu").encode(),
        "names/-leading dash.txt": GOOD.replace("Yongkang", "Datang").encode(),
        "names/new\nline.txt": GOOD.replace("Yongkang", "Humen").encode(),
        "notes.docx": b"PK\x03\x04 not a supported type",
        "race/vanishes.txt": GOOD.encode(),
        "race/changes.txt": GOOD.encode(),
        "race/becomes_link.txt": GOOD.encode(),
        "race/locked.txt": GOOD.encode(),
        "limits/slow.txt": b"SLOW " + GOOD.encode(),
        "limits/hungry.txt": b"HUNGRY " + GOOD.encode(),
        "limits/long.txt": ("Yongkang hardware. " * 3000).encode(),
        "limits/slow_extraction.txt": GOOD.replace("Yongkang hardware", "Slow extraction").encode(),
    }
    for name, data in files.items():
        path = raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    os.close(os.open(os.fsencode(raw / "names") + b"/latin1-\xe9t\xe9.txt", os.O_CREAT | os.O_WRONLY))
    with open(raw / "limits" / "huge.txt", "wb") as handle:  # 100 MB, sparse: nothing is written
        handle.truncate(100 << 20)
    (outside / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash\n")
    links = raw / "links"
    links.mkdir()
    (links / "passwd.txt").symlink_to("/etc/passwd")
    (links / "secret.txt").symlink_to(outside / "secret.txt")
    (links / "etc").symlink_to("/etc")
    (links / "loop").symlink_to(links)
    (links / "self.txt").symlink_to(links / "self.txt")
    (links / "dangling.txt").symlink_to(raw / "nowhere.txt")
    (links / "inside.txt").symlink_to(raw / "dupes" / "copy_one.txt")
    os.mkfifo(links / "pipe.txt")


def _slow_or_hungry_read(job):
    """Stands for a parser that hangs or blows up on hostile input (pypdf, lxml): the limits stop it."""
    if job.state.path == "limits/slow.txt":
        time.sleep(900)
    if job.state.path == "limits/hungry.txt":
        return len(bytearray(3 << 30))
    return _original_read_one(job)


def _slow_extraction(doc):
    if "Slow extraction" in doc.text:
        time.sleep(900)
    return _original_extract_one(doc)


_original_read_one = inventory._read_one
_original_extract_one = extract_assets._extract_one


@pytest.fixture(scope="module")
def bad_night(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad_input")
    settings = temporary_settings(root)
    outside = root / "outside"
    outside.mkdir()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hits)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    make_bad_corpus(settings.raw_dir, outside, url)
    raw = settings.raw_dir
    original_read_files = ingest_assets.read_files

    def read_after_the_folder_changed(raw_dir, states, *args):
        """Between the scan and the read, as a crawler would: one file goes, one changes, one is
        swapped for a link to /etc/passwd, one becomes unreadable."""
        (raw / "race" / "vanishes.txt").unlink()
        (raw / "race" / "changes.txt").write_text(GOOD.replace("Yongkang", "Jinjiang"))
        (raw / "race" / "becomes_link.txt").unlink()
        (raw / "race" / "becomes_link.txt").symlink_to("/etc/passwd")
        (raw / "race" / "locked.txt").chmod(0)
        return original_read_files(raw_dir, states, *args)

    def open_as_unprivileged(path, flags, *args, **kwargs):
        if path == "locked.txt":  # root reads anything: deny it as the kernel would deny a user
            raise PermissionError(13, "Permission denied")
        return os.open(path, flags, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLUSTERHOUSE_DOCUMENT_SECONDS", "4")
        patch.setenv("CLUSTERHOUSE_WORKER_MEMORY_MB", "1024")
        patch.setenv("CLUSTERHOUSE_MAX_DOCUMENT_CHARS", "50000")
        patch.setattr(ingest_assets, "read_files", read_after_the_folder_changed)
        patch.setattr(inventory, "_read_one", _slow_or_hungry_read)
        patch.setattr(extract_assets, "_extract_one", _slow_extraction)
        if os.geteuid() == 0:
            patch.setattr(discover, "_open", open_as_unprivileged)
        started = time.monotonic()
        succeeded = run_refresh(settings, quiet=True, exports=False)
        elapsed = time.monotonic() - started
    server.shutdown()
    return settings, succeeded, elapsed, list(_Hits.hits)


def test_the_run_succeeds_within_the_limits(bad_night):
    settings, succeeded, elapsed, _ = bad_night
    assert succeeded
    assert elapsed < 600, "a document that hangs (15 minutes here) is stopped at its limit, not waited for"


EXPECTED_REJECTIONS = {
    "binary/archive.html": "binary file, not text",
    "binary/noise.md": "binary file, not text",
    "binary/photo.txt": "binary file, not text",
    "empty/blank.md": "empty file",
    "empty/empty.json": "empty file",
    "empty/empty.pdf": "empty file",
    "empty/empty.txt": "empty file",
    "encodings/invalid.txt": "cannot decode text (tried utf-8, gb18030, big5, cp1252 and charset-normalizer)",
    "feeds/one_broken.jsonl#2": "malformed JSON at line 2: Expecting value (column 29)",
    "feeds/one_broken.jsonl#4": "expected a JSON object per article, found an array",
    "html/deep.html": "HTML nested too deeply (more than 255 levels of elements): not read",
    "html/no_body.html": "HTML page without a body: no text",
    "json/nested.json": "JSON nested too deeply to read",
    "json/text_object.json": "no article text (expected a text, content or body field)",
    "json/top_level_string.json": "expected a JSON object per article, found a string",
    "json/wrong_types.json": 'the "text" field holds a number, not the article text',
    "limits/huge.txt": "file too large: 100.0 MB, the limit is 64 MB per file (CLUSTERHOUSE_MAX_FILE_MB): not read",
    "limits/hungry.txt": "reading the file ran out of memory (limit 1024 MB per process)",
    "limits/long.txt": "text too long: 56,999 characters, the limit is 50,000 per document "
                       "(CLUSTERHOUSE_MAX_DOCUMENT_CHARS)",
    "limits/slow.txt": "reading the file took longer than 4 s: stopped",
    "links/dangling.txt": "broken link: its target does not exist",
    "links/etc": "link to /etc, outside the raw folder: not read",
    "links/loop": "link loop: this link leads back to a folder that contains it",
    "links/passwd.txt": "link to /etc/passwd, outside the raw folder: not read",
    "links/pipe.txt": "a named pipe, not a regular file: not read",
    "links/self.txt": "link loop: the link leads back to itself",
    "names/latin1-\\xe9t\\xe9.txt": "file name is not valid UTF-8: rename it",
    "notes.docx": "unsupported file type .docx",
    "pdf/encrypted.pdf": "encrypted PDF",
    "race/becomes_link.txt": "file was replaced by a link while the refresh ran: not followed",
    "race/locked.txt": "permission denied: the refresh may not read this file",
    "race/vanishes.txt": "file disappeared before it was read",
}


def test_every_bad_file_is_recorded_with_its_reason(bad_night):
    settings = bad_night[0]
    rows = query(settings.warehouse_path, "select path, reason from raw.rejected_files order by path")
    rejected = dict(rows)
    truncated = rejected.pop("pdf/truncated.pdf")
    assert truncated.startswith(("malformed PDF", "PDF has no extractable text"))
    secret = rejected.pop("links/secret.txt")
    assert secret == f"link to {settings.raw_dir.parent / 'outside' / 'secret.txt'}, outside the raw folder: not read"
    assert rejected == EXPECTED_REJECTIONS
    assert len(rows) == len(EXPECTED_REJECTIONS) + 2


def test_every_good_file_loads(bad_night):
    settings = bad_night[0]
    loaded = {row[0] for row in query(settings.warehouse_path, "select path from raw.documents")}
    assert loaded == {
        "good/danyang.txt", "good/yongkang_hardware.txt", "encodings/mixed.txt", "encodings/latin1.txt",
        "pdf/linked.pdf", "html/fetches.html", "json/fields.json", "json/escapes.json",
        "feeds/one_broken.jsonl", "markdown/image.md", "dupes/copy_one.txt", "dupes/copy_two.txt",
        "links/inside.txt", "names/spaces and 中文 #1 'quoted'.txt", "names/-leading dash.txt",
        "names/new\nline.txt", "race/changes.txt", "limits/slow_extraction.txt",
    }
    statuses = dict(query(settings.warehouse_path, "select path, status from raw.source_files"))
    assert statuses["feeds/one_broken.jsonl"] == "partly_rejected"
    assert statuses["links/passwd.txt"] == "rejected" and statuses["good/danyang.txt"] == "loaded"
    # the same article in four files (a link inside the folder, a JSON record) is one document
    copies = query(settings.warehouse_path, """
        select d.copy_count, list(r.path order by r.path) from marts.dim_document d
        join raw.documents r using (document_id) where d.file_name = 'copy_one.txt' group by all""")
    assert copies == [(4, ["dupes/copy_one.txt", "dupes/copy_two.txt", "json/fields.json", "links/inside.txt"])]
    # a file changed between the scan and the read is loaded as it was read
    changed = query(settings.warehouse_path, "select text from raw.documents where path = 'race/changes.txt'")
    assert "Jinjiang" in changed[0][0]


def test_text_is_cleaned_and_nothing_outside_is_read_or_fetched(bad_night):
    settings, _, _, hits = bad_night
    assert hits == [], "nothing a document points to is fetched"
    texts = [row[0] for row in query(settings.warehouse_path, "select text from raw.documents")]
    assert not any("root:x:0:0" in text or "FETCHED-FROM-THE-NETWORK" in text for text in texts)
    escaped = query(settings.warehouse_path, "select text from raw.documents where path = 'json/escapes.json'")[0][0]
    assert "\ufffdindustry" in escaped and "\x00" not in escaped


def test_a_document_that_extraction_cannot_finish_in_time_is_recorded(bad_night):
    settings = bad_night[0]
    errors = query(settings.warehouse_path, """
        select d.path, e.error from raw.extracted_documents e join raw.documents d using (document_id)
        where e.error is not null""")
    assert errors == [("limits/slow_extraction.txt", "extraction took longer than 4 s: stopped")]
    figures = query(settings.warehouse_path, "select count(*) from marts.fct_cluster_metric")[0][0]
    assert figures > 0
