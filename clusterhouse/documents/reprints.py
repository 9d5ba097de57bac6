"""Reprints: the same article published again by another outlet or a mirror site, with other
boilerplate around it or its ending cut off. Its figures must count once.

Method (datasketch's MinHash, LSH banding as a DuckDB join, then an exact check):

1. A document's *shingles* are its runs of ``SHINGLE_TOKENS`` consecutive tokens, after NFKC
   and case folding; a token is a word or number in alphabetic scripts and one character in
   Chinese, so the same rule works in every language.
2. Each document gets a MinHash signature of ``NUM_PERM`` permutations (stored, so a document is
   hashed once); LSH over all signatures (the bands datasketch's MinHashLSH would choose, joined
   in DuckDB) proposes pairs whose estimated Jaccard similarity is about ``CANDIDATE_JACCARD``
   or more (a reprint cut to 60 % of its original, with 10 % boilerplate of its own, has a
   Jaccard of 0.55; articles written from one template with other figures stay under 0.4). A
   copy shorter than about half its original can be missed.
3. Each proposed pair is checked on the exact shingle sets: it is a near-duplicate when at least
   ``MIN_CONTAINMENT`` of the shorter document's shingles are in the longer one (containment
   survives a cut-off ending and added boilerplate, where Jaccard does not) *and* at least
   ``MIN_NUMBER_CONTAINMENT`` of the shorter one's numbers appear in the longer one, so two
   articles written from one template with different figures are not reprints of each other.

Documents with fewer than ``MIN_SHINGLES`` shingles are too short to judge and are never paired.
Which of a pair is the original is decided downstream (dbt, `int_documents__copies`): the
earlier publication, then the longer text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

SHINGLE_TOKENS = 4
NUM_PERM = 128
CANDIDATE_JACCARD = 0.45
MIN_CONTAINMENT = 0.7
MIN_NUMBER_CONTAINMENT = 0.6
MIN_SHINGLES = 30
SCHEME = "affine32"  # datasketch's permutation scheme; stored signatures are only comparable within one
METHOD = (f"minhash-lsh(k={SHINGLE_TOKENS}, perm={NUM_PERM}, {SCHEME}, jaccard>={CANDIDATE_JACCARD}) + "
          f"containment>={MIN_CONTAINMENT}, numbers>={MIN_NUMBER_CONTAINMENT}")

_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W_]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Signature:
    document_id: str
    shingle_count: int
    hashvalues: tuple[int, ...]


@dataclass(frozen=True)
class NearDuplicate:
    """Two documents of which one copies the other; ``containment`` is the share of the shorter
    one's shingles found in the longer one, ``jaccard`` their exact Jaccard similarity."""

    document_id: str
    other_document_id: str
    containment: float
    number_containment: float
    jaccard: float


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFKC", text or "").casefold())


def shingles(text: str) -> set[str]:
    words = tokens(text)
    return {" ".join(words[i:i + SHINGLE_TOKENS]) for i in range(len(words) - SHINGLE_TOKENS + 1)}


def numbers(text: str) -> set[str]:
    return {match.replace(",", "") for match in _NUMBER.findall(unicodedata.normalize("NFKC", text or ""))}


SIGNATURE_BATCH = 1000  # documents whose shingles are held at once (100,000 at once took 7 GB)


def signatures(documents: Iterable[tuple[str, str]]) -> list[Signature]:
    """MinHash signatures of (document_id, text) pairs, a batch of documents at a time."""
    from datasketch import MinHash

    found: list[Signature] = []
    documents = list(documents)
    for start in range(0, len(documents), SIGNATURE_BATCH):
        batch = documents[start:start + SIGNATURE_BATCH]
        sets = [shingles(text) for _, text in batch]
        hashed = MinHash.bulk([[s.encode("utf-8") for s in shingle_set] for shingle_set in sets],
                              num_perm=NUM_PERM, scheme=SCHEME)
        found += [Signature(document_id, len(shingle_set), tuple(int(v) for v in minhash.hashvalues))
                  for (document_id, _), shingle_set, minhash in zip(batch, sets, hashed)]
    return found


def warm_up() -> None:
    """Import datasketch before the hashing workers fork, so that they inherit it: its package
    imports scipy (about 1 s a process), and workers are forked for every batch of documents."""
    lsh_bands()


@lru_cache(maxsize=1)
def lsh_bands() -> tuple[int, int]:
    """(bands, rows per band) that datasketch's MinHashLSH would choose for our threshold."""
    from datasketch import MinHashLSH

    index = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
    return index.b, index.r


def candidate_pairs(con: duckdb.DuckDBPyConnection, signatures_table: str, query_table: str) -> set[tuple[str, str]]:
    """Pairs (a, b), a < b, that MinHash LSH proposes for the documents of ``query_table``.

    ``signatures_table`` has (document_id, shingle_count, hashvalues), ``query_table`` a
    document_id column. The LSH index is a join: a document's signature cut into bands, each band
    hashed to a bucket; two documents sharing a bucket in any band are a candidate. Kept in DuckDB
    because datasketch's index holds every signature as Python objects, which grew faster than
    the corpus (59 s and 2.5 GB at 100,000 documents, where this join takes about 14 s).
    """
    bands, rows = lsh_bands()
    # LSH buckets are coarse: a pair is kept when its signatures agree often enough
    min_agreeing = int((CANDIDATE_JACCARD - 0.1) * NUM_PERM + 0.999)
    found = con.execute(f"""
        with usable as (
            select document_id, hashvalues from {signatures_table} where shingle_count >= {MIN_SHINGLES}),
        bands as (
            select document_id, band, hash(hashvalues[band * {rows} + 1 : band * {rows} + {rows}]) as bucket
            from usable, range({bands}) as band_numbers(band)),
        asked as (
            select * from bands where document_id in (select document_id from {query_table})),
        proposed as (
            select distinct least(asked.document_id, other.document_id) as a,
                            greatest(asked.document_id, other.document_id) as b
            from asked join bands as other using (band, bucket)
            where asked.document_id <> other.document_id)
        select proposed.a, proposed.b from proposed
        join usable as left_side on left_side.document_id = proposed.a
        join usable as right_side on right_side.document_id = proposed.b
        where len(list_filter(list_zip(left_side.hashvalues, right_side.hashvalues),
                              lambda pair: pair[1] = pair[2])) >= {min_agreeing}""").fetchall()
    return {(a, b) for a, b in found}


class _Features:
    """What a document is compared on: its numbers, its shingle count, and its shingles, made only
    once a pair needs them (most candidate pairs differ in their numbers and never do)."""

    def __init__(self, text: str, shingle_count: int | None = None):
        self.text = text
        self.numbers = frozenset(numbers(text))
        self._shingles: frozenset[str] | None = None
        self._count = shingle_count

    @property
    def shingles(self) -> frozenset[str]:
        if self._shingles is None:
            self._shingles = frozenset(shingles(self.text))
        return self._shingles

    @property
    def shingle_count(self) -> int:
        return len(self.shingles) if self._count is None else self._count


def _number_containment(a: _Features, b: _Features) -> float:
    """Share of the shorter document's numbers found in the longer one (1 when it has none)."""
    shorter, longer = (a, b) if a.shingle_count <= b.shingle_count else (b, a)
    return len(shorter.numbers & longer.numbers) / len(shorter.numbers) if shorter.numbers else 1.0


def _compare(a: _Features, b: _Features) -> tuple[float, float, float]:
    if not a.shingles or not b.shingles:
        return 0.0, 0.0, 0.0
    common = len(a.shingles & b.shingles)
    union = len(a.shingles) + len(b.shingles) - common  # not the union itself: a set as large as both
    return common / min(len(a.shingles), len(b.shingles)), _number_containment(a, b), common / union


def compare(text_a: str, text_b: str) -> tuple[float, float, float]:
    """(containment, number containment, Jaccard) of two texts, exactly, the shorter in the longer."""
    return _compare(_Features(text_a), _Features(text_b))


def is_near_duplicate(containment: float, number_containment: float) -> bool:
    return containment >= MIN_CONTAINMENT and number_containment >= MIN_NUMBER_CONTAINMENT


def near_duplicates(pairs: Iterable[tuple[str, str]], texts: dict[str, str],
                    shingle_counts: dict[str, int] | None = None) -> list[NearDuplicate]:
    """The proposed pairs that pass the exact check. ``shingle_counts`` (stored with the
    signatures) spare making the shingles of a document whose numbers already rule it out."""
    shingle_counts = shingle_counts or {}
    found = []
    ordered = sorted(pairs)
    # a document's shingle set is kept until its last pair: held for every document at once, the
    # sets of 100,000 news articles took 8 GB
    pairs_left = Counter(document_id for pair in ordered for document_id in pair)
    features: dict[str, _Features] = {}
    for a, b in ordered:
        for document_id in (a, b):
            if document_id not in features:
                features[document_id] = _Features(texts[document_id], shingle_counts.get(document_id))
        # numbers first: cheap, and what tells a template's other article from a copy (most
        # candidates at 100,000 documents are such; their shingles are then not compared)
        if features[a].shingle_count and features[b].shingle_count and (
                _number_containment(features[a], features[b]) >= MIN_NUMBER_CONTAINMENT):
            containment, number_containment, jaccard = _compare(features[a], features[b])
            if is_near_duplicate(containment, number_containment):
                found.append(NearDuplicate(a, b, round(containment, 4), round(number_containment, 4),
                                           round(jaccard, 4)))
        for document_id in (a, b):
            pairs_left[document_id] -= 1
            if not pairs_left[document_id]:
                del features[document_id]
    return found


def find_near_duplicates(documents: dict[str, str]) -> list[NearDuplicate]:
    """Every near-duplicate pair among (document_id -> text): signatures, LSH, exact check."""
    import duckdb
    import pyarrow as pa

    sigs = signatures(documents.items())
    with duckdb.connect() as con:
        con.register("signatures", pa.table({
            "document_id": [s.document_id for s in sigs], "shingle_count": [s.shingle_count for s in sigs],
            "hashvalues": pa.array([list(s.hashvalues) for s in sigs], pa.list_(pa.uint32()))}))
        con.register("asked", pa.table({"document_id": pa.array(list(documents), pa.string())}))
        pairs = candidate_pairs(con, "signatures", "asked")
    return near_duplicates(pairs, documents, {s.document_id: s.shingle_count for s in sigs})
