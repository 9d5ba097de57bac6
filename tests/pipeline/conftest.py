"""One refreshed warehouse shared by the pipeline tests marked xdist_group("refreshed"): the
pipeline fixtures (good and bad files) plus documents written to disagree (reconciliation/)."""

from __future__ import annotations

import pytest

from clusterhouse.cli import run_refresh
from tests.conftest import FIXTURES, copy_documents, temporary_settings


@pytest.fixture(scope="session")
def refreshed(tmp_path_factory):
    settings = temporary_settings(tmp_path_factory.mktemp("refresh"))
    copy_documents(FIXTURES / "pipeline", settings.raw_dir)
    copy_documents(FIXTURES / "reconciliation", settings.raw_dir / "reconciliation")
    assert run_refresh(settings, quiet=True)
    return settings
