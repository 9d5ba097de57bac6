"""The refresh job and its nightly schedule (cron and timezone from the settings, read when the
definitions load)."""

from __future__ import annotations

import dagster as dg

from clusterhouse.settings import load_settings
from orchestration.runs import recover_dead_runs

REFRESH_JOB = "refresh"


def build_refresh_job() -> dg.UnresolvedAssetJobDefinition:
    return dg.define_asset_job(
        name=REFRESH_JOB,
        # the partitioned path (defs/arrivals) runs in its own job, one day at a time
        selection=dg.AssetSelection.all() - dg.AssetSelection.assets(["raw", "documents_by_arrival"],
                                                                      ["raw", "figures_by_arrival"]),
        executor_def=dg.in_process_executor,  # one writer at a time anyway; halves a run's overhead
        description="Read new and changed documents, extract figures, build and test the marts, publish, export.",
    )


def build_nightly_schedule(job: dg.UnresolvedAssetJobDefinition) -> dg.ScheduleDefinition:
    settings = load_settings()

    @dg.schedule(
        name="nightly_refresh",
        job=job,
        cron_schedule=settings.schedule_cron,
        execution_timezone=settings.schedule_timezone,
        default_status=dg.DefaultScheduleStatus.STOPPED,
        description="Refreshes the warehouse every night; turn it on in the UI (Automation tab).",
    )
    def nightly_refresh(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
        # a run killed last night must not keep tonight's waiting in the queue
        recover_dead_runs(context.instance, context.log)
        return dg.RunRequest(tags={"clusterhouse/trigger": "nightly_refresh"})

    return nightly_refresh


@dg.definitions
def refresh_schedule() -> dg.Definitions:
    job = build_refresh_job()
    return dg.Definitions(jobs=[job], schedules=[build_nightly_schedule(job)])
