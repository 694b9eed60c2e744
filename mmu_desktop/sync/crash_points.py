"""Named points inside a sync where a reliability test may freeze the process to kill it.

Only tests set ``MMU_DESKTOP_TEST_PAUSE_AT`` (``POINT=FLAG_FILE``, or ``POINT:N=FLAG_FILE``
for the N-th time the run passes ``POINT``): there the run writes its process ID to
``FLAG_FILE`` and waits for ever, so the test can kill it with SIGKILL at exactly that
moment. Unset, each point is one dictionary lookup and does nothing.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

ENV_VAR = "MMU_DESKTOP_TEST_PAUSE_AT"
MASTER_ROWS_WRITTEN = "master-rows-written"  # rows upserted, watermark not yet, not committed
IDS_WRITTEN = "ids-written"  # a batch of new IDs inserted, not committed
ROWS_MARKED = "rows-marked"  # a batch's rows marked 'P'/'F', not committed

_passed: Counter[str] = Counter()


def pause_point(name: str) -> None:
    """Freeze here for ever if a test asked for ``name``; otherwise return at once."""
    wanted = os.environ.get(ENV_VAR)
    if not wanted:
        return
    point, _, flag_file = wanted.partition("=")
    point, _, nth = point.partition(":")
    if point != name or not flag_file:
        return
    _passed[name] += 1
    if _passed[name] != int(nth or 1):
        return
    Path(flag_file).write_text(str(os.getpid()), encoding="ascii")
    while True:  # the test ends this process with SIGKILL
        time.sleep(0.05)
