"""The evidence check reads what came since its last pass, and everything when a text went."""

from __future__ import annotations

import duckdb
import pytest

from clusterhouse.warehouse.evidence_check import check_evidence

TEXT = "Headline. The town made 3.2 billion yuan of toys in 2023. More text."
SENTENCE = "The town made 3.2 billion yuan of toys in 2023."


@pytest.fixture
def con():
    """Two documents of one figure each, extracted and loaded an hour ago."""
    con = duckdb.connect()
    con.execute("create schema raw")
    con.execute("""create table raw.documents (document_id varchar, path varchar, text varchar,
                                               loaded_at timestamptz)""")
    con.execute("""create table raw.extracted_documents (document_id varchar, extracted_at timestamptz)""")
    con.execute("""create table raw.figures (figure_id varchar, document_id varchar, evidence varchar,
                       sentence_start int, sentence_end int, value_text varchar, value_start int, value_end int)""")
    for document in ("a", "b"):
        _add_document(con, document, f"{document}.txt", TEXT)
        sentence_start = TEXT.index(SENTENCE)
        value_start = TEXT.index("3.2 billion yuan")
        con.execute("insert into raw.figures values (?, ?, ?, ?, ?, '3.2 billion yuan', ?, ?)",
                    [f"{document}1", document, SENTENCE, sentence_start, sentence_start + len(SENTENCE),
                     value_start, value_start + len("3.2 billion yuan")])
        con.execute("insert into raw.extracted_documents values (?, now() - interval 1 hour)", [document])
    yield con
    con.close()


def _add_document(con, document: str, path: str, text: str) -> None:
    con.execute("insert into raw.documents values (?, ?, ?, now() - interval 1 hour)", [document, path, text])


def _misplace(con, figure_id: str) -> None:
    con.execute("update raw.figures set value_start = value_start + 1 where figure_id = ?", [figure_id])


def _extracted_again(con, document: str) -> None:
    con.execute("update raw.extracted_documents set extracted_at = now() where document_id = ?", [document])


def test_the_first_check_reads_every_figure_and_the_next_only_what_came_since(con):
    first = check_evidence(con)
    assert first.passed and first.every_figure and first.figures_read == first.figures_total == 2
    quiet = check_evidence(con)
    assert quiet.passed and not quiet.every_figure and quiet.figures_read == 0 and quiet.figures_total == 2


def test_a_document_extracted_since_the_pass_is_read_and_a_failure_stays_until_mended(con):
    check_evidence(con)
    _misplace(con, "b1")
    _extracted_again(con, "b")
    failed = check_evidence(con)
    assert failed.figures_read == 1 and failed.misplaced == [("b1", "b.txt")]
    assert check_evidence(con).misplaced == [("b1", "b.txt")], "a failed check records no pass"
    con.execute("update raw.figures set value_start = value_start - 1 where figure_id = 'b1'")
    assert check_evidence(con).passed
    assert check_evidence(con).figures_read == 0


def test_a_second_file_of_a_document_has_its_figures_read(con):
    check_evidence(con)
    con.execute("insert into raw.documents values ('a', 'copy/a.txt', ?, now())", ["  " + TEXT])
    checked = check_evidence(con)
    assert checked.passed and checked.figures_read == 1 and not checked.every_figure


def test_a_text_that_went_has_every_figure_read(con):
    # the spans fit the second file's text only; the check passes while it is there
    con.execute("insert into raw.documents values ('a', 'copy/a.txt', ?, now() - interval 1 hour)", [TEXT])
    con.execute("update raw.documents set text = '  ' || text where path = 'a.txt'")
    assert check_evidence(con).passed
    con.execute("delete from raw.documents where path = 'copy/a.txt'")
    checked = check_evidence(con)
    assert checked.every_figure and checked.misplaced == [("a1", "a.txt")]


def test_every_figure_is_read_when_asked(con):
    check_evidence(con)
    _misplace(con, "a1")  # not through extraction: only a whole read sees it
    assert check_evidence(con).passed
    whole = check_evidence(con, every_figure=True)
    assert whole.every_figure and whole.figures_read == 2 and whole.misplaced == [("a1", "a.txt")]


def test_empty_tables_pass_and_their_first_figures_are_read(con):
    for table in ("documents", "extracted_documents", "figures"):
        con.execute(f"delete from raw.{table}")
    assert check_evidence(con).passed
    _add_document(con, "c", "c.txt", TEXT)
    con.execute("insert into raw.extracted_documents values ('c', now())")
    con.execute("insert into raw.figures select 'c1', 'c', ?, 0, 3, 'x', 0, 1", [TEXT[:3]])
    checked = check_evidence(con)
    assert checked.figures_read == 1 and checked.misplaced == [("c1", "c.txt")]


def test_a_row_added_without_a_new_load_time_has_every_figure_read(con):
    check_evidence(con)
    con.execute("insert into raw.documents values ('a', 'restored/a.txt', ?, now() - interval 2 hour)", [TEXT])
    assert check_evidence(con).every_figure
