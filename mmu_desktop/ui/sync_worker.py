"""Running a sync off the GUI thread: a thin QObject over the Qt-free ``run_sync``.

The engine calls its progress callback from the worker thread; emitting a signal there
queues it to the panel on the GUI thread, so the window never freezes and widgets are
only ever touched by the thread that owns them.
"""

from __future__ import annotations

import logging
import threading
import traceback
from datetime import datetime

import sqlalchemy as sa
from PySide6.QtCore import QObject, QThread, Signal, Slot

from mmu_desktop.sync.engine import NotReady, RunOptions, SyncPlan, run_sync
from mmu_desktop.sync.report import ProgressEvent, RunReport
from mmu_desktop.ui.threads import start_in_thread

log = logging.getLogger(__name__)

INTERNAL_ERROR = "The sync stopped because of an internal error."


class SyncWorker(QObject):
    """One sync run, done in a ``QThread`` made for this run by ``start()``.

    Signals:
        progress(object): a ``ProgressEvent``, each time the engine reports a step
            (phase or table started or done, a batch sent). Fires on the worker thread
            and is delivered queued to receivers on the GUI thread.
        crashed(object): the text of a traceback, when the engine raised an unexpected
            error (a bug). Fires just before ``finished``.
        finished(object): the run's ``RunReport``, once, at the end of every run:
            succeeded, failed, cancelled or crashed. The thread quits and both the
            thread and the worker are deleted after it.
    """

    progress = Signal(object)
    crashed = Signal(object)
    finished = Signal(object)

    def __init__(
        self,
        plan: SyncPlan | NotReady,
        engine: sa.Engine,
        options: RunOptions | None = None,
    ) -> None:
        # No parent: a QObject with a parent cannot be moved to another thread.
        super().__init__()
        self._plan = plan
        self._engine = engine
        self._options = options
        self._cancel = threading.Event()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the run to stop at the next batch; safe to call from any thread."""
        self._cancel.set()

    def start(self) -> QThread:
        """Start the run on a new thread and return it (see ``start_in_thread``)."""
        return start_in_thread(self, self.finished, "sync-run")

    @Slot()
    def run(self) -> None:
        """Run the sync on the current thread; ``start()`` calls this in the new thread."""
        try:
            report = run_sync(
                self._plan,
                self._engine,
                progress=self._report_progress,
                cancel=self._cancel,
                options=self._options,
            )
        except Exception:  # a bug: the engine has recorded the run; tell the panel
            log.exception("the sync run ended with an unexpected error")
            self.crashed.emit(traceback.format_exc())
            report = _crash_report(self._plan)
        self.finished.emit(report)

    def _report_progress(self, event: ProgressEvent) -> None:
        self.progress.emit(event)


def _crash_report(plan: SyncPlan | NotReady) -> RunReport:
    now = datetime.now().replace(microsecond=0)
    phases = list(plan.phases) if isinstance(plan, SyncPlan) else []
    report = RunReport(phases_requested=phases, started=now, finished=now)
    report.stop_reason = INTERNAL_ERROR
    report.summary = INTERNAL_ERROR
    return report
