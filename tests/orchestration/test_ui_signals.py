"""`clusterhouse ui` turns SIGTERM (a service manager; SIGHUP, a closed terminal, alike) into one
SIGINT to `dg dev`'s process group, as Ctrl-C does, then clears what is left of the group.

The real UI is stopped with Ctrl-C in tests/pipeline/test_ui.py; here `dg dev` is replaced by a
stand-in that records the signal it gets and leaves a child behind, so that each signal is
checked in seconds rather than a UI start-up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

STAND_IN = textwrap.dedent("""
    import os, signal, subprocess, sys, time
    record = sys.argv[1]
    left_behind = subprocess.Popen(["sleep", "300"])  # in our process group, as dg dev's servers are
    def stop(signum, frame):
        with open(record, "a") as out:
            out.write(f"{signal.Signals(signum).name} {left_behind.pid}\\n")
        sys.exit(0)
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    with open(record + ".ready", "w"):
        pass
    while True:
        time.sleep(0.1)
""")

LAUNCHER = textwrap.dedent("""
    import subprocess, sys
    import orchestration.commands as commands
    from clusterhouse.settings import load_settings

    real_popen = subprocess.Popen

    def stand_in_for_dg(command, **kwargs):
        assert command[0].endswith("/dg") and command[1] == "dev", command
        return real_popen([sys.executable, "-c", sys.argv[1], sys.argv[2]], **kwargs)

    commands.subprocess.Popen = stand_in_for_dg
    sys.exit(commands.run_ui(load_settings(), port=0))
""")


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_sigterm_reaches_dg_dev_as_ctrl_c_and_nothing_is_left(tmp_path):
    """SIGHUP is handled by the same function as SIGTERM and SIGINT (orchestration/commands.py)."""
    signum = signal.SIGTERM
    record = tmp_path / "signals.txt"
    env = dict(os.environ, DAGSTER_HOME=str(tmp_path / "dagster_home"))
    ui = subprocess.Popen([sys.executable, "-c", LAUNCHER, STAND_IN, str(record)], cwd=ROOT, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not Path(f"{record}.ready").exists():
            assert ui.poll() is None and time.monotonic() < deadline, ui.stdout.read() if ui.poll() is not None else ""
            time.sleep(0.1)
        os.killpg(ui.pid, signum)
        output, _ = ui.communicate(timeout=30)
    finally:
        if ui.poll() is None:
            os.killpg(ui.pid, signal.SIGKILL)
    assert ui.returncode == 0, output
    assert f"stopping the Dagster UI ({signal.Signals(signum).name})" in output and "Dagster UI stopped" in output
    received, left_behind = record.read_text().split()
    assert received == "SIGINT"
    time.sleep(0.2)
    assert not _alive(int(left_behind)), "what dg dev left in its group is stopped too"
