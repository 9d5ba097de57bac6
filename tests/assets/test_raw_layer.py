"""The Python assets on a temporary warehouse, materialised directly (no dbt, no publishing),
and their checks called as functions."""

from __future__ import annotations

import dagster as dg
import pytest

from orchestration.defs.extract.assets import extract_figures
from orchestration.defs.extract.checks import (
    EvidenceCheckConfig,
    evidence_spans_point_into_the_text,
    no_figure_after_publication,
)
from orchestration.defs.ingest.assets import ingest_documents, reference_tables
from orchestration.defs.ingest.checks import documents_have_text_and_language, rejected_files_have_reasons
from orchestration.defs.resources import ClusterhouseResource
from tests.conftest import FIXTURES, copy_documents, query


def resource(settings) -> ClusterhouseResource:
    return ClusterhouseResource(raw_dir=str(settings.raw_dir), warehouse_path=str(settings.warehouse_path),
                                build_path=str(settings.build_path), export_dir=str(settings.export_dir),
                                extract_workers=1)


@pytest.fixture
def raw_layer(settings):
    copy_documents(FIXTURES / "pipeline", settings.raw_dir)
    result = dg.materialize([reference_tables, ingest_documents, extract_figures],
                            resources={"clusterhouse": resource(settings)})
    assert result.success
    return settings


def test_ingest_and_extract_fill_the_raw_tables(raw_layer):
    build = raw_layer.build_path
    assert query(build, "select count(distinct document_id) from raw.documents") == [(3,)]
    assert query(build, "select count(*) from raw.places")[0][0] > 3000
    assert query(build, "select count(*) from raw.product_taxonomy")[0][0] > 200
    assert query(build, "select count(*) from raw.figures where metric = 'output_value'")[0][0] >= 2
    assert query(build, "select count(*) from raw.extracted_documents where error is not null") == [(0,)]
    assert not raw_layer.warehouse_path.exists(), "assets write the build copy, never the published file"


def test_the_raw_layer_checks_pass_on_it(raw_layer):
    checked = ClusterhouseResource(build_path=str(raw_layer.build_path))
    assert evidence_spans_point_into_the_text(clusterhouse=checked).passed
    assert no_figure_after_publication(checked).passed
    assert rejected_files_have_reasons(checked).passed
    assert documents_have_text_and_language(checked).passed


def test_the_raw_layer_checks_find_a_misplaced_span_and_a_blank_text(raw_layer):
    import duckdb

    checked = ClusterhouseResource(build_path=str(raw_layer.build_path))

    def change(sql: str, *parameters) -> None:
        with duckdb.connect(str(raw_layer.build_path)) as con:
            con.execute(sql, list(parameters))

    figure_id, document_id = query(raw_layer.build_path,
                                   "select figure_id, document_id from raw.figures order by figure_id limit 1")[0]
    # the same article read from a second file, its text spaced otherwise: the spans fit the first
    change("""insert into raw.documents by name
              select * replace ('copy/' || path as path, '  ' || text as text)
              from raw.documents where document_id = ?""", document_id)
    assert evidence_spans_point_into_the_text(clusterhouse=checked).passed
    change("update raw.figures set value_start = value_start + 1 where figure_id = ?", figure_id)
    # changed behind extraction's back: a quiet check reads only what came since its last pass
    assert evidence_spans_point_into_the_text(clusterhouse=checked).metadata["figures_read"].value == 0
    misplaced = evidence_spans_point_into_the_text(config=EvidenceCheckConfig(every_figure=True), clusterhouse=checked)
    assert not misplaced.passed and misplaced.metadata["misplaced"].value == 1
    change("update raw.documents set text = ' \n\t ' where path = (select min(path) from raw.documents "
           "where document_id <> ?)", document_id)
    blank = documents_have_text_and_language(checked)
    assert not blank.passed and len(blank.metadata["documents_without_text_or_language"].value) == 1


def test_a_second_materialisation_reads_and_extracts_nothing_again(raw_layer):
    result = dg.materialize([ingest_documents, extract_figures], resources={"clusterhouse": resource(raw_layer)})
    assert result.success
    ingest = result.asset_materializations_for_node("ingest_documents")[0].metadata
    assert ingest["files_read"].value == 0
    extract = result.asset_materializations_for_node("extract_figures")[0].metadata
    assert extract["documents_extracted"].value == 0
