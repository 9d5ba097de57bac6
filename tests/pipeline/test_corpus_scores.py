"""Every annotated corpus scored on the warehouse users get: each must keep its floor.

The project's corpora (and the shared ones, when they are beside the repository) are refreshed
together by `clusterhouse refresh` (``every_corpus`` in conftest.py), then each is scored against
its own gold with `clusterhouse score`, the command users run on their warehouse: one refresh
instead of one per corpus. Their file names are distinct, which the scorer matches on.
`clusterhouse evaluate` (a throw-away warehouse from a folder, then the same scoring) is checked
on the seed articles with its refresh replaced by a copy of this warehouse.

Marked `corpus` (run them alone with `pytest -m corpus`); the README's test command runs them too.
"""

from __future__ import annotations

import shutil

import pytest

import clusterhouse.cli as cli
from tests.pipeline.conftest import CORPORA, run_cli

pytestmark = [pytest.mark.slow, pytest.mark.corpus, pytest.mark.xdist_group("corpora")]
SEEDS = next(corpus for corpus in CORPORA if corpus.name == "shared-seed-articles")


@pytest.mark.parametrize("corpus", CORPORA, ids=[corpus.name for corpus in CORPORA])
def test_extraction_scores_on_annotated_corpora(every_corpus, corpus, monkeypatch, capsys):
    if not corpus.docs.is_dir():
        pytest.skip(f"no corpus at {corpus.docs}")
    # in this process (a new one per corpus would only add its start-up), with the refresh's settings
    monkeypatch.setenv("CLUSTERHOUSE_WAREHOUSE", every_corpus.env["CLUSTERHOUSE_WAREHOUSE"])
    code = cli.main(["score", str(corpus.gold), "--min-f1", str(corpus.min_f1), "--verbose"])
    output = capsys.readouterr()
    assert code == 0, output.out[-6000:] + output.err[-3000:]
    if corpus is SEEDS:
        summary = output.out.strip().splitlines()[-1]
        assert "admin codes 3/3" in summary and "language 3/3" in summary and "published 3/3" in summary


def test_evaluate_builds_a_warehouse_from_the_folder_and_scores_it(every_corpus, monkeypatch, capsys):
    if not SEEDS.docs.is_dir():
        pytest.skip(f"no shared seed corpus at {SEEDS.docs}")
    refreshed = []

    def refresh_by_copy(settings, quiet, exports):
        refreshed.append((sorted(path.name for path in settings.raw_dir.iterdir()), quiet, exports))
        shutil.copyfile(every_corpus.warehouse, settings.warehouse_path)
        return True

    monkeypatch.setattr(cli, "run_refresh", refresh_by_copy)
    code = cli.main(["evaluate", str(SEEDS.docs), str(SEEDS.gold), "--min-f1", "1.0"])
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    assert code == 0, summary
    assert refreshed == [(sorted(path.name for path in SEEDS.docs.iterdir()), True, False)]
    assert "admin codes 3/3" in summary


def test_score_says_what_is_missing(every_corpus, tmp_path):
    result = run_cli(["score", str(tmp_path)], every_corpus.env)
    assert result.returncode == 2 and "no gold annotations" in result.stderr
    result = run_cli(["score", str(tmp_path)], {**every_corpus.env, "CLUSTERHOUSE_WAREHOUSE": str(tmp_path / "none.duckdb")})
    assert result.returncode == 2 and "run `clusterhouse refresh` first" in result.stderr
