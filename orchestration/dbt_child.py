"""`clusterhouse-dbt`: dbt's own command line, in a process that ends when the run that started it does.

dagster-dbt starts dbt with a ``subprocess.Popen`` of its own and offers no hook into the child.
A refresh killed outright (SIGKILL, the OOM killer) would leave that dbt running with nobody
reading its output, holding the build warehouse's write lock, so that every later refresh fails to
open the build copy. This entry point asks the kernel to kill it when its parent ends
(``PR_SET_PDEATHSIG``, as the reading and extraction workers do), then runs dbt's command line in
the same process: no second interpreter start-up. It also stops at Ctrl-C when the refresh was
started with SIGINT ignored (in the background by a shell).

The parent is the process that started us: one that dies before the request is made (within the
few milliseconds of this interpreter's start) is not seen, and dbt then runs to its end.
"""

from __future__ import annotations

import os
import signal

from clusterhouse.workers import die_with_parent


def main() -> int:
    die_with_parent(os.getppid())
    # a refresh started in the background by a shell ignores SIGINT, and so would its children:
    # dbt must still stop at the Ctrl-C that dagster-dbt and the dbt step send it when stopped
    signal.signal(signal.SIGINT, signal.default_int_handler)
    from dbt.cli.main import cli

    return cli()
