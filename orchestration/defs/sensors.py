"""`new_raw_files`: a refresh when files land in the raw folder (off until turned on in the UI).

Every minute the daemon lists the raw folder (names, sizes, times; nothing is read). A refresh
starts when the listing differs from the one the last refresh was launched for and has not
changed since the previous look, so a crawler still writing a file is waited for. No refresh is
requested while one is queued or running; the next look after it sees what is still new.
"""

from __future__ import annotations

import hashlib
import json

import dagster as dg
from dagster._core.storage.dagster_run import RunsFilter

from clusterhouse.documents.discover import walk_raw_folder
from orchestration.defs.resources import ClusterhouseResource
from orchestration.defs.schedules import REFRESH_JOB
from orchestration.runs import recover_dead_runs

LOOK_EVERY_SECONDS = 60
_NOT_FINISHED = [dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING,
                 dg.DagsterRunStatus.STARTED]


def listing_fingerprint(raw_dir) -> tuple[str, int]:
    """A digest of every entry's path, size and modification time, and how many there are."""
    digest = hashlib.sha256()
    entries = walk_raw_folder(raw_dir)
    for entry in entries:
        digest.update(f"{entry.path}\0{entry.size}\0{entry.mtime_ns}\0{entry.refused or ''}\n".encode())
    return digest.hexdigest(), len(entries)


@dg.sensor(
    name="new_raw_files",
    job_name=REFRESH_JOB,
    minimum_interval_seconds=LOOK_EVERY_SECONDS,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description="Launches a refresh when files are added to, changed in or removed from the raw folder "
                "(checked every minute; a file must stay the same for one minute). Off until turned on.",
)
def new_raw_files(context: dg.SensorEvaluationContext, clusterhouse: ClusterhouseResource):
    recover_dead_runs(context.instance, context.log)
    raw_dir = clusterhouse.settings().raw_dir
    if not raw_dir.is_dir():
        return dg.SkipReason(f"raw folder not found: {raw_dir}")
    fingerprint, count = listing_fingerprint(raw_dir)
    state = json.loads(context.cursor) if context.cursor else {}
    if "launched" not in state:
        context.update_cursor(json.dumps({"seen": fingerprint, "launched": fingerprint}))
        return dg.SkipReason(f"watching {count} files in {raw_dir}: a refresh starts when files are added, "
                             "changed or removed")
    if fingerprint == state["launched"]:
        context.update_cursor(json.dumps({**state, "seen": fingerprint}))
        return dg.SkipReason("no file added, changed or removed since the last refresh it launched")
    if fingerprint != state.get("seen"):
        context.update_cursor(json.dumps({**state, "seen": fingerprint}))
        return dg.SkipReason("files are changing: waiting until they stay the same for one look")
    if context.instance.get_runs_count(RunsFilter(statuses=_NOT_FINISHED)):
        return dg.SkipReason("a refresh is queued or running: looking again after it")
    context.update_cursor(json.dumps({"seen": fingerprint, "launched": fingerprint}))
    return dg.RunRequest(tags={"clusterhouse/trigger": "new_raw_files"})
