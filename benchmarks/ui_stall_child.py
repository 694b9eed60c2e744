"""The window while syncing: how long the Qt event loop stalls during an upload.

``python -m benchmarks.ui_stall_child`` reads a JSON job on stdin (data dir, central
URLs), opens the real ``SyncPanel`` offscreen, starts an upload with its Sync button's
code path (``start_sync``: a ``SyncWorker`` in its own ``QThread``), and ticks a 10 ms
``QTimer`` on the GUI thread meanwhile. A stall is a tick's lateness beyond 10 ms.
Prints one JSON line. The key is kept in an in-memory keyring for this process only.
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
    clock = QElapsedTimer()
    heartbeat = QTimer()
    heartbeat.setInterval(HEARTBEAT_MS)

    def tick() -> None:
        gaps.append(clock.nsecsElapsed() / 1e6)
        clock.restart()

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
    report = finished[0] if finished else None
    return {
        "seconds": seconds,
        "ticks": len(stalls),
        "longest_stall_ms": stalls[-1] if stalls else 0.0,
        "p99_stall_ms": stalls[int(0.99 * (len(stalls) - 1))] if stalls else 0.0,
        "succeeded": bool(report and report.succeeded),
        "summary": report.summary if report else "did not finish",
    }


def main() -> None:
    print(json.dumps(run(json.load(sys.stdin))))


if __name__ == "__main__":
    main()
