"""The raw layer's evidence check: each figure's sentence and value are exactly the text at its spans.

Read incrementally, so that a quiet night does not read every figure and every text again (about
a second at 100,000 documents, and growing with the corpus): a pass records in
``raw.evidence_checked`` how far it read, and the next check reads only the figures of documents
extracted since, or given a row of ``raw.documents`` since (the same article read from another
file). A failed check records nothing, so it fails again until the figures are mended. When the
rows loaded since the pass do not account for the rows ``raw.documents`` has (a file changed or
removed took a row; a figure may have fitted only the text that went), the whole table is read.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

CHECKED_TABLE = "raw.evidence_checked"
_CREATE_CHECKED = f"""
    create table if not exists {CHECKED_TABLE} (
        extracted_through timestamptz,  -- the latest raw.extracted_documents.extracted_at the pass read
        loaded_through timestamptz,     -- the latest raw.documents.loaded_at the pass read
        document_rows bigint,           -- the rows raw.documents had then
        checked_at timestamptz
    )
"""
# where raw.documents stands now: what a pass records
_NOW = """
    select (select max(extracted_at) from raw.extracted_documents),
           max(loaded_at), count(*)
    from raw.documents
"""
# a pass over empty tables read up to no moment: everything after it is new
_AFTER = "> coalesce(?::timestamptz, '-infinity'::timestamptz)"
# the rows it had at the pass and those loaded since, less the rows it has: none when none went
_ROWS_UNACCOUNTED = f"""
    select ? + count(*) filter (where loaded_at {_AFTER}) - count(*) from raw.documents
"""
# the documents to read: extracted since the pass, or given another text since
_SINCE = f"""
    create or replace temp table evidence_scope as
    select document_id from raw.extracted_documents where extracted_at {_AFTER}
    union
    select document_id from raw.documents where loaded_at {_AFTER}
"""
# DuckDB strings are 1-based; offsets are Python's 0-based character offsets. A document read from
# two files has a row for each (the same article, its text perhaps spaced otherwise): a figure is
# misplaced when its spans fit neither. Joined, not grouped first: grouping every text by document
# took twice as long (1.3 s at 100,000 documents).
_MISPLACED = """
    select f.figure_id, min(d.path) as path
    from raw.figures f
    join raw.documents d using (document_id)
    {scope}
    group by f.figure_id
    having not bool_or(
        substring(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) = f.evidence
        and f.value_start >= f.sentence_start and f.value_end <= f.sentence_end
        and substring(d.text, f.value_start + 1, f.value_end - f.value_start) = f.value_text)
    order by f.figure_id
"""
_IN_SCOPE = "where f.document_id in (select document_id from evidence_scope)"


@dataclass(frozen=True)
class EvidenceCheck:
    figures_total: int
    figures_read: int
    every_figure: bool  # the whole table was read, not only what came since the last pass
    misplaced: list[tuple[str, str]]  # figure id, a path of its document

    @property
    def passed(self) -> bool:
        return not self.misplaced


def check_evidence(con: duckdb.DuckDBPyConnection, every_figure: bool = False) -> EvidenceCheck:
    """Read the figures extracted since the last pass (all of them when ``every_figure``, on the
    first check, or when rows of ``raw.documents`` went since); record a pass."""
    con.execute(_CREATE_CHECKED)
    now = con.execute(_NOW).fetchone()
    last = con.execute(f"select extracted_through, loaded_through, document_rows from {CHECKED_TABLE}").fetchone()
    whole = every_figure or last is None or _rows_unaccounted(con, last)
    if whole:
        scope = ""
        read = con.execute("select count(*) from raw.figures").fetchone()[0]
    else:
        con.execute(_SINCE, [last[0], last[1]])
        scope = _IN_SCOPE
        read = con.execute(f"select count(*) from raw.figures f {scope}").fetchone()[0]
    misplaced = con.execute(_MISPLACED.format(scope=scope)).fetchall()
    total = read if whole else con.execute("select count(*) from raw.figures").fetchone()[0]
    result = EvidenceCheck(figures_total=total, figures_read=read, every_figure=whole, misplaced=misplaced)
    if result.passed:
        _record_pass(con, now)
    return result


def _rows_unaccounted(con: duckdb.DuckDBPyConnection, last: tuple) -> bool:
    _, loaded_through, document_rows = last
    return con.execute(_ROWS_UNACCOUNTED, [document_rows, loaded_through]).fetchone()[0] != 0


def _record_pass(con: duckdb.DuckDBPyConnection, now: tuple) -> None:
    con.execute("begin transaction")
    con.execute(f"delete from {CHECKED_TABLE}")
    con.execute(f"insert into {CHECKED_TABLE} values (?, ?, ?, current_timestamp)", list(now))
    con.execute("commit")
