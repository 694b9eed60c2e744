"""The window while syncing: how long the Qt event loop stalls during an upload.

``python -m benchmarks.ui_stall_child`` reads a JSON job on stdin (data dir, central
URLs), opens the real ``SyncPanel`` offscreen, starts an upload with its Sync button's
code path (``start_sync``: a ``SyncWorker`` in its own ``QThread``), and ticks a 10 ms
``QTimer`` on the GUI thread meanwhile. A stall is a tick's lateness beyond 10 ms.
Prints one JSON line. The key is kept in an in-memory keyring for this process only.

On a machine busy with other programs part of a stall is the GUI thread ready to run but
waiting for a CPU; Linux counts that time per thread (``/proc/thread-self/schedstat``).
The ``own_`` figures leave it out: they are the stalls this process caused itself.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

import keyring
from keyring.backend import KeyringBackend

HEARTBEAT_MS = 10
TIME_LIMIT_MS = 3 * 3600 * 1000
SCHEDSTAT = "/proc/thread-self/schedstat"


def cpu_wait_ms() -> float | None:
    """How long this thread has been ready to run but waiting for a CPU, in total (Linux)."""
    try:
        with open(SCHEDSTAT, encoding="ascii") as stat:
            return int(stat.read().split()[1]) / 1e6
    except (OSError, IndexError, ValueError):
        return None


def percentile(sorted_values: list[float], fraction: float) -> float:
    return sorted_values[int(fraction * (len(sorted_values) - 1))] if sorted_values else 0.0


class _MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def run(job: dict[str, Any]) -> dict[str, Any]:
    """Sync once with the panel and return the heartbeat's lateness figures."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from mmu_desktop import settings as settings_store
    from mmu_desktop.context import AppContext
    from mmu_desktop.keystore import Keystore
    from mmu_desktop.sync.auth import login
    from mmu_desktop.sync.report import Phase
    from mmu_desktop.ui.sync_panel import SyncPanel

    keyring.set_keyring(_MemoryKeyring())
    app = QApplication.instance() or QApplication([])
    ctx = AppContext.open(job["data_dir"])
    current = settings_store.load(ctx.data_dir)
    settings_store.set_value(current, "central-url", job["central_url"])
    settings_store.set_value(current, "common-url", job["common_url"])
    settings_store.save(ctx.data_dir, current)
    signed_in = login(job["common_url"], job["user"], job["password"], end_other_session=True)
    Keystore(ctx.data_dir.root).save(signed_in.credentials)

    panel = SyncPanel(ctx, phases=[Phase.UPLOAD], resume_after_sign_in=False)
    panel.resize(1000, 700)
    panel.show()
    gaps: list[float] = []
    waits: list[float | None] = []  # the GUI thread's total CPU wait at each tick
    clock = QElapsedTimer()
    heartbeat = QTimer()
    heartbeat.setInterval(HEARTBEAT_MS)

    def tick() -> None:
        gaps.append(clock.nsecsElapsed() / 1e6)
        clock.restart()
        waits.append(cpu_wait_ms())

    heartbeat.timeout.connect(tick)
    finished: list[Any] = []

    def done(report: Any) -> None:
        finished.append(report)
        QTimer.singleShot(50, app.quit)

    panel.sync_finished.connect(done)
    QTimer.singleShot(TIME_LIMIT_MS, app.quit)
    started = time.monotonic()
    clock.start()
    heartbeat.start()
    if not panel.start_sync():
        raise RuntimeError("the panel did not start a sync")
    app.exec()
    seconds = time.monotonic() - started
    heartbeat.stop()
    panel.shutdown()
    ctx.engine.dispose()
    stalls = sorted(max(0.0, g - HEARTBEAT_MS) for g in gaps[1:])
    own: list[float] = []
    for i in range(1, len(gaps)):
        before, after = waits[i - 1], waits[i]
        if before is not None and after is not None:
            own.append(max(0.0, gaps[i] - (after - before) - HEARTBEAT_MS))
    own.sort()
    report = finished[0] if finished else None
    return {
        "seconds": seconds,
        "ticks": len(stalls),
        "longest_stall_ms": stalls[-1] if stalls else 0.0,
        "p99_stall_ms": percentile(stalls, 0.99),
        # Less the time the GUI thread waited for a CPU that other programs held.
        "own_longest_stall_ms": own[-1] if own else None,
        "own_p99_stall_ms": percentile(own, 0.99) if own else None,
        "succeeded": bool(report and report.succeeded),
        "summary": report.summary if report else "did not finish",
    }


def main() -> None:
    print(json.dumps(run(json.load(sys.stdin))))


if __name__ == "__main__":
    main()
