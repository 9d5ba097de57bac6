"""Runs that died are found by their free lease and cleared; the sensor launches a refresh when
files land and stay put; the schedule and the sensor are off until turned on."""

from __future__ import annotations

import json
import multiprocessing
import time

import dagster as dg
import pytest
from dagster._core.storage.dagster_run import DagsterRun

from orchestration.defs.resources import ClusterhouseResource
from orchestration.defs.sensors import new_raw_files
from orchestration.runs import alive_runs, recover_dead_runs, take_lease


@pytest.fixture
def instance(tmp_path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text("concurrency:\n  pools:\n    default_limit: 1\n")
    with dg.DagsterInstance.from_config(str(home)) as instance:
        yield instance


@dg.op
def _nothing():
    pass


@dg.job(name="refresh")
def _refresh():
    _nothing()


def started_run(instance: dg.DagsterInstance) -> DagsterRun:
    """A run recorded as started, with no process behind it yet."""
    run = instance.create_run_for_job(_refresh)
    instance.report_dagster_event(dg.DagsterEvent(event_type_value="PIPELINE_START", job_name="refresh"), run.run_id)
    return instance.get_run_by_id(run.run_id)


def _hold_lease_then_die(home: str, run_id: str, ready) -> None:
    with dg.DagsterInstance.from_config(home) as instance:
        take_lease(instance, run_id)
        instance.event_log_storage.claim_concurrency_slot("warehouse_writer", run_id, "ingest_documents")
    ready.set()
    time.sleep(60)


def test_a_run_whose_process_died_is_marked_failed_and_its_slot_freed(instance):
    run = started_run(instance)
    instance.event_log_storage.initialize_concurrency_limit_to_default("warehouse_writer")
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    holder = context.Process(target=_hold_lease_then_die, args=(instance.root_directory, run.run_id, ready))
    holder.start()
    assert ready.wait(30)
    assert recover_dead_runs(instance) == [] and alive_runs(instance) == [run.run_id]
    holder.kill()  # SIGKILL: no clean-up runs
    holder.join()
    assert recover_dead_runs(instance) == [run.run_id]
    assert instance.get_run_by_id(run.run_id).status == dg.DagsterRunStatus.FAILURE
    assert not instance.event_log_storage.get_concurrency_info("warehouse_writer").claimed_slots
    assert alive_runs(instance) == []


def test_a_run_without_a_lease_is_given_time_to_start(instance, monkeypatch):
    run = started_run(instance)
    assert recover_dead_runs(instance) == []
    monkeypatch.setattr("orchestration.runs.LEASE_GRACE_SECONDS", 0)
    assert recover_dead_runs(instance) == [run.run_id]


def _evaluate(raw, instance, cursor):
    with dg.build_sensor_context(instance=instance, cursor=cursor,
                                 resources={"clusterhouse": ClusterhouseResource(raw_dir=str(raw))}) as context:
        result = new_raw_files(context)
        return result, context.cursor


def test_the_sensor_requests_a_refresh_when_files_land_and_stay_put(tmp_path, instance):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("one")
    result, cursor = _evaluate(raw, instance, None)
    assert isinstance(result, dg.SkipReason) and "watching 1 files" in result.skip_message
    result, cursor = _evaluate(raw, instance, cursor)
    assert isinstance(result, dg.SkipReason) and "no file added" in result.skip_message
    (raw / "b.txt").write_text("two")
    result, cursor = _evaluate(raw, instance, cursor)
    assert isinstance(result, dg.SkipReason) and "files are changing" in result.skip_message
    result, cursor = _evaluate(raw, instance, cursor)
    assert isinstance(result, dg.RunRequest) and result.tags == {"clusterhouse/trigger": "new_raw_files"}
    result, cursor = _evaluate(raw, instance, cursor)
    assert isinstance(result, dg.SkipReason), "one refresh per change"
    (raw / "a.txt").unlink()
    _, cursor = _evaluate(raw, instance, cursor)
    result, cursor = _evaluate(raw, instance, cursor)
    assert isinstance(result, dg.RunRequest), "a removal is a change too"
    assert json.loads(cursor)["launched"] == json.loads(cursor)["seen"]


def test_the_sensor_waits_while_a_refresh_is_queued_or_running(tmp_path, instance):
    raw = tmp_path / "raw"
    raw.mkdir()
    _, cursor = _evaluate(raw, instance, None)
    (raw / "a.txt").write_text("one")
    _, cursor = _evaluate(raw, instance, cursor)
    started_run(instance)
    result, cursor = _evaluate(raw, instance, cursor)
    assert isinstance(result, dg.SkipReason) and "queued or running" in result.skip_message


def test_the_schedule_clears_dead_runs_before_it_requests_the_refresh(instance, monkeypatch):
    from orchestration.definitions import build_definitions

    run = started_run(instance)
    monkeypatch.setattr("orchestration.runs.LEASE_GRACE_SECONDS", 0)
    schedule = build_definitions().resolve_schedule_def("nightly_refresh")
    request = schedule.evaluate_tick(dg.build_schedule_context(instance=instance)).run_requests[0]
    assert request.tags["clusterhouse/trigger"] == "nightly_refresh"
    assert instance.get_run_by_id(run.run_id).status == dg.DagsterRunStatus.FAILURE


def test_sensor_and_schedule_are_defined_and_off_by_default():
    from orchestration.definitions import build_definitions

    defs = build_definitions()
    sensor = defs.resolve_sensor_def("new_raw_files")
    assert sensor.job_name == "refresh" and sensor.default_status == dg.DefaultSensorStatus.STOPPED
    assert sensor.minimum_interval_seconds == 60
    assert defs.resolve_schedule_def("nightly_refresh").default_status == dg.DefaultScheduleStatus.STOPPED
