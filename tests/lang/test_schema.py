"""Every language folder against the schema (as spaCy checks its languages), and the checker's
own behaviour: a removed field, a broken pattern, a duplicate entry or a stray key is reported."""

from __future__ import annotations

import dataclasses
import shutil

import pytest
import yaml

from clusterhouse.lang import language, supported_languages
from clusterhouse.lang.checker import main as check_main
from clusterhouse.lang.loader import LANG_DIR, problems
from clusterhouse.lang.schema import SECTIONS

LANGUAGES = supported_languages()


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_folder_fits_the_schema(code):
    assert problems(code) == []


def test_the_project_reads_at_least_the_six_languages_it_promises():
    assert {"en", "zh", "it", "es", "fr", "de"} <= set(LANGUAGES)


def test_a_code_without_a_folder_is_unsupported_not_english():
    assert language("ru") is None and language("xx") is None and language(None) is None
    assert language("en-GB").code == "en" and language("ZH_Hant").code == "zh"


def _copy(tmp_path, code="en"):
    shutil.copytree(LANG_DIR / code, tmp_path / code)
    return tmp_path / code


def _edit(folder, section, change):
    path = folder / f"{section}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _some_field() -> tuple[str, str]:
    for section, cls in SECTIONS.items():
        if section != "language" and dataclasses.fields(cls):
            return section, dataclasses.fields(cls)[0].name
    raise AssertionError("no section has fields")


def test_a_removed_field_is_reported_with_its_file_and_purpose(tmp_path):
    section, name = _some_field()
    folder = _copy(tmp_path)
    _edit(folder, section, lambda data: data.pop(name))
    found = problems("en", root=tmp_path)
    assert any(f"en/{section}.yaml: missing field '{name}'" in problem for problem in found), found


def test_a_stray_field_and_a_stray_file_are_reported(tmp_path):
    section, _ = _some_field()
    folder = _copy(tmp_path)
    _edit(folder, section, lambda data: data.update(no_such_field=[]))
    (folder / "misc.yaml").write_text("a: 1\n", encoding="utf-8")
    found = problems("en", root=tmp_path)
    assert any("unknown field 'no_such_field'" in problem for problem in found), found
    assert any("misc.yaml: no such section" in problem for problem in found), found


def test_a_pattern_that_does_not_compile_and_a_duplicate_are_reported(tmp_path):
    folder = _copy(tmp_path)
    _edit(folder, "time", lambda data: data["months"][0].append("march"))
    _edit(folder, "figures", lambda data: data["future_cues"].append("(unclosed"))
    _edit(folder, "figures", lambda data: data["other_money_cues"].append(data["other_money_cues"][0]))
    found = problems("en", root=tmp_path)
    assert any("months" in problem and "march" in problem for problem in found), found
    assert any("future_cues: pattern '(unclosed' does not compile" in problem for problem in found), found
    assert any("other_money_cues: duplicate entries" in problem for problem in found), found


def test_the_checker_command_exits_1_on_a_problem(tmp_path, capsys, monkeypatch):
    assert check_main(list(LANGUAGES)) == 0
    folder = _copy(tmp_path)
    (folder / "language.yaml").write_text("code: en\n", encoding="utf-8")
    monkeypatch.setattr("clusterhouse.lang.checker.LANG_DIR", tmp_path)
    monkeypatch.setattr("clusterhouse.lang.checker.problems", lambda code: problems(code, root=tmp_path))
    assert check_main(["en"]) == 1
    assert "missing field 'name'" in capsys.readouterr().out


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_product_name_holds_a_cue_of_money_that_is_no_figure(code):
    """旅游鞋 are shoes and the prêt-à-porter is clothing: a product's own name must not read as
    tourism or a loan, or every figure of its cluster is turned down."""
    import csv

    from clusterhouse.extraction.products import PRODUCTS_DIR

    with open(PRODUCTS_DIR / "product_synonyms.csv", encoding="utf-8", newline="") as f:
        names = [row["synonym"] for row in csv.DictReader(f) if row["language"] == code]
    other_money = language(code).figures.other_money_cues
    assert [name for name in names if other_money.search(name)] == []
