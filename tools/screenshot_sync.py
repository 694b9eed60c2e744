"""Screenshots of the Sync panel after a real run in which central refused one record.

Starts the demo central on 127.0.0.1 (``mmu_desktop.demo.start_demo``), records made-up
registrations and visits, tells central to refuse one beneficiary's details, presses
Sync in the main window and saves the page at 1366x768 into ``docs/screenshots/``:

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
        /tmp/venv/bin/python tools/screenshot_sync.py
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from mmu_desktop.db.demo_data import seed_demo  # noqa: E402
from mmu_desktop.demo import start_demo  # noqa: E402
from mmu_desktop.sync.report import RunReport  # noqa: E402
from mmu_desktop.ui.app import make_application  # noqa: E402
from mmu_desktop.ui.main_window import SYNC, MainWindow  # noqa: E402

SIZE = (1366, 768)
REASON = "Date of birth is after the registration date"


class RefuseOneBeneficiary:
    """A fault switch for the reference central: refuse the first beneficiary's details."""

    def __init__(self) -> None:
        self.refused = 0

    def reject_row(self, table_name: str, row: Mapping[str, Any]) -> str | None:
        if table_name == "i_beneficiarydetails" and not self.refused:
            self.refused += 1
            return REASON
        return None


def settle(ms: int = 300) -> None:
    QApplication.processEvents()
    QTest.qWait(ms)


def save(widget: QWidget, out: Path, name: str) -> None:
    settle()
    path = out / name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def run_sync(window: MainWindow, timeout_ms: int = 120_000) -> RunReport:
    """Press Sync as a nurse would and wait for the run to end."""
    loop = QEventLoop()
    reports: list[RunReport] = []

    def finished(report: RunReport) -> None:
        reports.append(report)
        loop.quit()

    window.sync.sync_finished.connect(finished)
    QTimer.singleShot(timeout_ms, loop.quit)
    QTest.mouseClick(window.sync.sync_button, Qt.MouseButton.LeftButton)
    loop.exec()
    if not reports:
        raise SystemExit("the sync did not finish in time")
    return reports[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--beneficiaries", type=int, default=40)
    parser.add_argument("--visits", type=int, default=90)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    app = make_application(["screenshot_sync"])
    with tempfile.TemporaryDirectory(prefix="mmu-sync-shot-") as folder:
        session = start_demo(Path(folder) / "van")
        try:
            # The demo server has no fault switch of its own; this is its test hook.
            session.central._server.app.config["FAULTS"] = RefuseOneBeneficiary()
            ctx = session.ctx
            seed_demo(ctx.engine, ctx.van(), args.beneficiaries, args.visits, seed=7)

            window = MainWindow(ctx)
            window.resize(*SIZE)
            window.show()
            window.go(SYNC)
            settle(500)
            save(window, args.out, "sync-panel-before-run.png")

            report = run_sync(window)
            print(report.summary, file=sys.stderr)
            window.refresh_status()
            save(window, args.out, "sync-panel-after-run.png")
            window.sync.tabs.setCurrentIndex(0)
            save(window, args.out, "sync-panel-run-details.png")
            window.sync.tabs.setCurrentIndex(2)
            save(window, args.out, "sync-history.png")
            window.close()
        finally:
            session.stop()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
