"""Open the app's main window on a data dir and print the wall-clock time it showed.

``python -m benchmarks.startup_child DATA_DIR`` prints ``SHOWN <epoch seconds>`` once
the event loop has run after the main window's first show, then quits. The product
code is untouched: only this process's ``MainWindow.showEvent`` is wrapped.
"""

from __future__ import annotations

import sys
import time


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from mmu_desktop.ui import main_window
    from mmu_desktop.ui.app import run_window

    original = main_window.MainWindow.showEvent
    reported: list[bool] = []

    def show_event(self: main_window.MainWindow, event: object) -> None:
        original(self, event)  # type: ignore[arg-type]
        if not reported:
            reported.append(True)

            def usable() -> None:
                print(f"SHOWN {time.time():.4f}", flush=True)
                QApplication.quit()

            QTimer.singleShot(0, usable)

    main_window.MainWindow.showEvent = show_event  # type: ignore[method-assign]
    return run_window(sys.argv[1], quit_after=30)


if __name__ == "__main__":
    sys.exit(main())
