"""Pieces of the report that need no warehouse: amounts in words and the highlighted evidence."""

from clusterhouse.report.build import _evidence_sentence, _factor, _fmt


def test_amounts_read_like_an_analyst_writes_them():
    assert _fmt(23e9, "CNY") == "23 bn CNY"
    assert _fmt(2.2e6, "CNY") == "2.2 m CNY"
    assert _fmt(1100, "firms") == "1,100 firms"
    assert _factor(0.0001) == "÷10,000" and _factor(10.0) == "×10"


def test_the_stated_value_is_marked_inside_its_sentence_and_text_is_escaped():
    row = {"evidence": "Output <b>reached</b> 22 billion yuan.", "value_offset": 22, "value_stop": 37}
    assert _evidence_sentence(row) == "Output &lt;b&gt;reached&lt;/b&gt; <mark>22 billion yuan</mark>."
    assert _evidence_sentence({"evidence": "x", "value_offset": 5, "value_stop": 9}) == "x"
