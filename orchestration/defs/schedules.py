"""The refresh job and its nightly schedule."""


import dagster as dg

from orchestration.settings import load_settings

refresh_job = dg.define_asset_job(
    name="refresh",
    selection=dg.AssetSelection.all(),
    executor_def=dg.in_process_executor,  # one writer at a time anyway; halves a run's overhead
    description="Read new and changed documents, extract figures, build and test the marts, publish, export.",
)


def build_nightly_schedule() -> dg.ScheduleDefinition:
    settings = load_settings()
    return dg.ScheduleDefinition(
        name="nightly_refresh",
        job=refresh_job,
        cron_schedule=settings.schedule_cron,
        execution_timezone=settings.schedule_timezone,
        default_status=dg.DefaultScheduleStatus.STOPPED,
        description="Refreshes the warehouse every night; turn it on in the UI (Automation tab).",
    )
