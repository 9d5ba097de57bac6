"""Near-duplicate detection: a reprint with other boilerplate or a cut-off ending is found; other
articles, even from one template with other figures, are not."""

from __future__ import annotations

from pathlib import Path

from clusterhouse.documents import reprints

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "reconciliation"

ARTICLE = """Shengzhou, a county-level city in Shaoxing, has made neckties for four decades.
In 2022, the city's necktie industry had an output value of 22 billion yuan. More than 1,100
necktie enterprises operate in Shengzhou, and the industry employs about 50,000 workers.
Necktie exports reached 8.5 billion yuan in 2022, with buyers in Europe, North America and the
Middle East placing repeat orders through the local trade centre. The first workshops opened in
the early 1980s, when a few families bought second-hand looms and began weaving silk for coastal
trading houses. Local officials said the industry is investing in digital printing, smaller
batches and its own brands, so that designers in Milan and Paris can order a few hundred pieces."""


def template(place: str, output: str, firms: str) -> str:
    return (f"In 2022, the output value of {place}'s hardware industry reached {output} billion yuan. {place} is "
            f"home to more than {firms} hardware enterprises employing thousands of workers. Its products are "
            "exported to more than one hundred countries and regions. Local officials said the industry keeps "
            "upgrading its equipment and brands, and that young engineers now run the floors of the factories.")


def test_shingles_work_in_alphabetic_scripts_and_in_chinese():
    assert "in 2022 the city's" not in reprints.shingles("In 2022, the city's necktie")
    assert "in 2022 the city" in reprints.shingles("In 2022, the city's necktie")
    assert "嵊 州 领 带" in reprints.shingles("嵊州领带产业")


def test_a_reprint_with_other_boilerplate_and_a_cut_off_ending_is_a_near_duplicate():
    reprint = ("Mirror Network | Home > Industry | Share: WeChat Weibo\n\n" + ARTICLE[: int(len(ARTICLE) * 0.75)]
               + "\n\nReprinted with permission. All rights reserved.")
    containment, number_containment, jaccard = reprints.compare(ARTICLE, reprint)
    assert containment >= reprints.MIN_CONTAINMENT and number_containment >= reprints.MIN_NUMBER_CONTAINMENT
    assert jaccard < containment
    found = reprints.find_near_duplicates({"original": ARTICLE, "reprint": reprint})
    assert [(pair.document_id, pair.other_document_id) for pair in found] == [("original", "reprint")]


def test_articles_from_one_template_with_other_figures_are_not_reprints():
    a, b = template("Yongkang", "120", "20,000"), template("Wenling", "95", "7,300")
    containment, number_containment, _ = reprints.compare(a, b)
    assert number_containment < reprints.MIN_NUMBER_CONTAINMENT
    assert not reprints.is_near_duplicate(containment, number_containment)
    assert reprints.find_near_duplicates({"a": a, "b": b}) == []


def test_different_articles_and_short_texts_are_never_paired():
    documents = {"article": ARTICLE, "short": "Output reached 22 billion yuan.", "other": template("Yongkang", "1", "2")}
    assert reprints.find_near_duplicates(documents) == []


def test_the_fixture_reprint_is_found_and_the_translation_is_not_a_text_copy():
    texts = {path.stem: path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))}
    pairs = {(pair.document_id, pair.other_document_id) for pair in reprints.find_near_duplicates(texts)}
    assert pairs == {("shengzhou_mirror", "shengzhou_xinhua")}


def test_signatures_are_stable_for_the_same_text():
    first, second = reprints.signatures([("a", ARTICLE), ("b", ARTICLE)])
    assert first.hashvalues == second.hashvalues and first.shingle_count == len(reprints.shingles(ARTICLE))
    assert len(first.hashvalues) == reprints.NUM_PERM


def test_signatures_in_batches_are_the_signatures_at_once(monkeypatch):
    from clusterhouse.documents import reprints as module

    documents = [(f"d{i}", f"The {i}th article about socks in Datang, with {i * 7} firms and more words.") for i in range(5)]
    at_once = module.signatures(documents)
    monkeypatch.setattr(module, "SIGNATURE_BATCH", 2)
    assert module.signatures(documents) == at_once


def test_the_lsh_join_proposes_what_datasketchs_index_proposes():
    """The banding join in DuckDB against datasketch's own MinHashLSH, on reprints, templates and
    unrelated articles: the same candidate pairs before the signature check."""
    import duckdb
    import numpy as np
    import pyarrow as pa
    from datasketch import LeanMinHash, MinHashLSH

    texts = {f"t{i}": template(place, str(10 + i), f"{i},100") for i, place in
             enumerate(["Yongkang", "Wenling", "Datang", "Shengzhou", "Humen", "Guzhen"])}
    for i in range(6):
        cut = ARTICLE[: int(len(ARTICLE) * (0.5 + i / 12))]
        texts[f"r{i}"] = f"Outlet {i} | Home > Industry\n\n{cut}\n\nAll rights reserved by outlet {i}."
    texts["original"] = ARTICLE
    sigs = reprints.signatures(texts.items())
    index = MinHashLSH(threshold=reprints.CANDIDATE_JACCARD, num_perm=reprints.NUM_PERM)
    lean = {s.document_id: LeanMinHash(seed=1, hashvalues=np.array(s.hashvalues, dtype=np.uint32),
                                       scheme=reprints.SCHEME) for s in sigs if s.shingle_count >= reprints.MIN_SHINGLES}
    for document_id, minhash in lean.items():
        index.insert(document_id, minhash)
    expected = {tuple(sorted((a, b))) for a in lean for b in index.query(lean[a]) if a != b
                and (np.array(lean[a].hashvalues) == np.array(lean[b].hashvalues)).mean()
                >= reprints.CANDIDATE_JACCARD - 0.1}
    with duckdb.connect() as con:
        con.register("signatures", pa.table({
            "document_id": [s.document_id for s in sigs], "shingle_count": [s.shingle_count for s in sigs],
            "hashvalues": pa.array([list(s.hashvalues) for s in sigs], pa.list_(pa.uint32()))}))
        con.register("asked", pa.table({"document_id": list(texts)}))
        assert reprints.candidate_pairs(con, "signatures", "asked") == expected
    assert {("original", f"r{i}") for i in range(3, 6)} <= expected, "the test needs pairs to compare"


def test_the_exact_check_is_the_same_with_stored_shingle_counts():
    """Given the shingle counts stored with the signatures, a pair whose numbers differ is turned
    down without making its shingles: the pairs kept and their measures are the same."""
    texts = {f"t{i}": template(place, str(10 + i), f"{i},100") for i, place in enumerate(["Yongkang", "Wenling", "Datang"])}
    texts |= {f"r{i}": f"Outlet {i}\n\n{ARTICLE[: int(len(ARTICLE) * (0.6 + i / 10))]}" for i in range(3)}
    texts |= {"original": ARTICLE, "short": "Output reached 22 billion yuan."}
    pairs = {(a, b) for a in texts for b in texts if a < b}
    counts = {document_id: len(reprints.shingles(text)) for document_id, text in texts.items()}
    with_counts = reprints.near_duplicates(pairs, texts, counts)
    assert with_counts == reprints.near_duplicates(pairs, texts)
    assert {("original", f"r{i}") for i in range(3)} <= {(p.document_id, p.other_document_id) for p in with_counts}
