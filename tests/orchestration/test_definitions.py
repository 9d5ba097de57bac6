"""The code location: asset keys, groups, checks, job and schedule (a rename never slips by)."""

import sys
from pathlib import Path

import dagster as dg

from orchestration.definitions import build_definitions

EXPECTED_KEYS = {
    "raw/documents", "raw/rejected_files", "raw/source_files", "raw/places",
    "raw/figures", "raw/document_clusters", "raw/events", "raw/dropped_figures", "raw/extracted_documents",
    "raw/product_taxonomy", "raw/product_synonyms", "raw/exchange_rates",
    "raw/document_signatures", "raw/near_duplicates",
    "raw/documents_by_arrival", "raw/figures_by_arrival",  # the partitioned path (defs/arrivals)
    "staging/stg_raw__documents", "staging/stg_raw__rejected_files", "staging/stg_raw__figures",
    "staging/stg_raw__document_clusters", "staging/stg_raw__places",
    "staging/stg_raw__product_taxonomy", "staging/stg_seeds__exchange_rates",
    "staging/stg_raw__events", "staging/stg_raw__near_duplicates", "staging/stg_raw__dropped_figures",
    "intermediate/int_documents__deduplicated", "intermediate/int_places__with_lineage",
    "intermediate/int_clusters__changed", "intermediate/int_clusters__identified", "intermediate/int_figures__attributed",
    "intermediate/int_documents__copies", "intermediate/int_figures__flagged", "intermediate/int_events__attributed",
    "marts/dim_document", "marts/dim_cluster", "marts/dim_place", "marts/dim_product",
    "marts/fct_cluster_metric", "marts/fct_cluster_output", "marts/fct_cluster_exports",
    "marts/fct_company_figure", "marts/fct_cluster_series", "marts/fct_cluster_event", "marts/fct_figure_candidate",
    "exports/published_warehouse", "exports/mart_files", "exports/mart_workbook", "exports/dbt_docs",
    "exports/report",
}


def _graph():
    defs = build_definitions()
    return defs, defs.resolve_asset_graph()


def test_asset_keys_are_warehouse_locations():
    _, graph = _graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert keys == EXPECTED_KEYS


def test_groups_follow_the_layers():
    _, graph = _graph()
    for key in graph.get_all_asset_keys():
        group = graph.get(key).group_name
        layer = key.path[0]
        expected = {"raw": {"ingest", "extract", "arrivals"}, "staging": {"staging"}, "intermediate": {"intermediate"},
                    "marts": {"marts"}, "exports": {"exports"}}[layer]
        assert group in expected, (key, group)


def test_dbt_tests_are_asset_checks():
    _, graph = _graph()
    checks = {check.asset_key.to_user_string() for check in graph.asset_check_keys}
    assert "marts/fct_cluster_metric" in checks
    assert "marts/dim_cluster" in checks


def test_python_checks_guard_the_raw_layer():
    _, graph = _graph()
    names = {(check.asset_key.to_user_string(), check.name) for check in graph.asset_check_keys}
    assert ("raw/figures", "evidence_spans_point_into_the_text") in names
    assert ("raw/figures", "no_figure_after_publication") in names
    assert ("raw/documents", "documents_have_text_and_language") in names
    assert ("raw/rejected_files", "rejected_files_have_reasons") in names


def test_refresh_job_selects_every_asset_and_the_schedule_has_a_timezone():
    defs, graph = _graph()
    job = defs.resolve_job_def("refresh")
    assert job.executor_def is dg.in_process_executor
    schedule = defs.resolve_schedule_def("nightly_refresh")
    assert schedule.job_name == "refresh"
    assert schedule.cron_schedule == "0 2 * * *"
    assert schedule.execution_timezone == "Asia/Shanghai"
    assert schedule.default_status == dg.DefaultScheduleStatus.STOPPED


def test_schedule_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("CLUSTERHOUSE_SCHEDULE_CRON", "30 1 * * *")
    monkeypatch.setenv("CLUSTERHOUSE_SCHEDULE_TIMEZONE", "Europe/Rome")
    defs, _ = _graph()
    schedule = defs.resolve_schedule_def("nightly_refresh")
    assert (schedule.cron_schedule, schedule.execution_timezone) == ("30 1 * * *", "Europe/Rome")


def test_every_writer_shares_one_pool():
    _, graph = _graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        if key.path[0] in {"raw", "staging", "intermediate", "marts"} and node.is_materializable:
            assert node.pools == {"warehouse_writer"}, key


def test_the_export_waits_for_every_mart_the_dbt_project_builds():
    _, graph = _graph()
    marts = {key for key in graph.get_all_asset_keys() if key.path[0] == "marts"}
    assert marts and graph.get(dg.AssetKey(["exports", "published_warehouse"])).parent_keys == marts


def test_every_module_under_defs_is_loaded_without_being_listed():
    definitions = (Path(__file__).resolve().parents[2] / "orchestration" / "definitions.py").read_text()
    assert "orchestration.defs." not in definitions


def test_rebuild_is_a_run_tag_the_launchpad_can_set_too():
    from orchestration.commands import _tags
    from orchestration.defs.transform.assets import REBUILD_TAG

    assert _tags(rebuild=True)[REBUILD_TAG] == "true" and REBUILD_TAG not in _tags(rebuild=False)


def test_the_dbt_resource_knows_the_version_the_executable_reports():
    """The resource takes dbt's version from the installed package instead of running
    `dbt --version` before each build: they must be the same dbt (started through
    `clusterhouse-dbt`, which dies with the run)."""
    import re
    import subprocess

    from orchestration.defs.resources import resources

    resource = resources().resources["dbt"]
    assert Path(resource.dbt_executable).name == "clusterhouse-dbt"
    reported = subprocess.run([resource.dbt_executable, "--version"], capture_output=True, text=True, check=True).stdout
    assert str(resource._cli_version) == re.search(r"(\d+\.\d+\.\d+)", reported).group(1)
    assert resource._initialize_dbt_core_adapter(["build"]) is None  # no adapter: no metadata fetched


def test_a_dbt_left_running_by_its_step_is_asked_to_stop_then_killed(monkeypatch):
    import signal
    import subprocess

    import orchestration.defs.transform.assets as transform

    monkeypatch.setattr(transform, "DBT_STOP_SECONDS", 60)  # ample, even on a loaded machine
    # as clusterhouse-dbt does: SIGINT is ignored when the tests were started in the background
    polite = subprocess.Popen([sys.executable, "-c", "import signal, time; signal.signal(signal.SIGINT, "
                               "signal.default_int_handler); print(flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE)
    polite.stdout.readline()
    transform._stop(polite)
    assert polite.returncode == -signal.SIGINT  # ended by its KeyboardInterrupt, without the kill
    deaf = subprocess.Popen([sys.executable, "-c", "import signal, sys, time; signal.signal(signal.SIGINT, "
                             "signal.SIG_IGN); print(flush=True); time.sleep(60)"], stdout=subprocess.PIPE)
    deaf.stdout.readline()  # SIGINT is ignored from here on
    monkeypatch.setattr(transform, "DBT_STOP_SECONDS", 0.5)
    transform._stop(deaf)
    assert deaf.returncode == -signal.SIGKILL
    transform._stop(deaf)  # an ended one is left alone
