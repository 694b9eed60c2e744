"""Running a sync off the GUI thread: a thin QObject over the Qt-free ``run_sync``.

The engine calls its progress callback from the worker thread; emitting a signal there
queues it to the panel on the GUI thread, so the window never freezes and widgets are
only ever touched by the thread that owns them.

Every Python slot on the GUI thread (a timer, the panel showing progress) needs the
interpreter lock, so whatever this thread does while holding it stalls the window. Three
things keep that short. Whatever slow reading the panel needs once the run is over is done
here too (``read_after``). The cyclic garbage collector does no full pass during the run: a
full pass walks every object in the process while holding the lock, which held up the
window's timers for around 100 ms at a time. And the thread holding the lock is asked to
hand it over after 1 ms instead of Python's 5 ms (``sys.setswitchinterval``), so the GUI
thread waits less for its turn while this thread turns rows into requests.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

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
            succeeded, failed, cancelled or crashed. The thread quits after it; the
            panel drops its references to the thread and the worker once it has ended.

    ``after_run`` holds what ``read_after`` returned (read on the worker thread after the
    run, before ``finished``), or None when there was no ``read_after`` or it failed.
    """

    progress = Signal(object)
    crashed = Signal(object)
    finished = Signal(object)

    def __init__(
        self,
        plan: SyncPlan | NotReady,
        engine: sa.Engine,
        options: RunOptions | None = None,
        read_after: Callable[[], Any] | None = None,
    ) -> None:
        # No parent: a QObject with a parent cannot be moved to another thread.
        super().__init__()
        self._plan = plan
        self._engine = engine
        self._options = options
        self._read_after = read_after
        self._cancel = threading.Event()
        self.after_run: Any = None

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
        with kind_to_the_window():
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
            if self._read_after is not None:
                try:
                    self.after_run = self._read_after()
                except Exception:  # the panel reads again itself; the run is unaffected
                    log.exception("reading the panel's counts after the run failed")
        self.finished.emit(report)

    def _report_progress(self, event: ProgressEvent) -> None:
        self.progress.emit(event)


# How long a thread may keep the interpreter lock while another waits for it, during a run.
SWITCH_INTERVAL_S = 0.001


@contextmanager
def kind_to_the_window() -> Iterator[None]:
    """During the block: no full garbage-collector pass, and a 1 ms lock switch interval.

    The oldest generation's threshold is raised for the block, so no full pass starts
    in it; the young generations are still collected as usual, so short-lived cycles
    made by the run are freed as they go. At the end everything still alive is frozen
    (``gc.freeze``): the app's long-lived state (modules, widgets, the database tables)
    and the query caches the run filled, some 170,000 objects after a month's upload.
    Otherwise the full pass put off during the run would walk all of them just after
    it, on whichever thread, holding the lock for 40 ms or more. Reference counting
    still frees frozen objects; only a reference cycle among them that becomes garbage
    is kept (a full pass at the end of a month's upload found some 250 such objects),
    until ``free_garbage_frozen_by_runs`` frees it once the window is idle.
    """
    first, second, third = gc.get_threshold()
    interval = sys.getswitchinterval()
    gc.set_threshold(first, second, max(third, 1_000_000))
    sys.setswitchinterval(min(interval, SWITCH_INTERVAL_S))
    try:
        yield
    finally:
        sys.setswitchinterval(interval)
        gc.collect(1)  # the young generations' garbage is freed, not frozen
        gc.freeze()
        gc.set_threshold(first, second, third)


def free_garbage_frozen_by_runs() -> None:
    """Collect reference cycles among the objects ``kind_to_the_window`` froze.

    Freezing keeps a full pass from walking the app's long-lived objects right after a
    run, but a cycle among them that becomes garbage later would never be freed, and a
    van that syncs all day without closing the app would slowly grow. The panel calls
    this once the window has been idle for a while after a run, when one full pass (some
    tens of milliseconds) is not felt.
    """
    gc.unfreeze()
    gc.collect()


def _crash_report(plan: SyncPlan | NotReady) -> RunReport:
    now = datetime.now().replace(microsecond=0)
    phases = list(plan.phases) if isinstance(plan, SyncPlan) else []
    report = RunReport(phases_requested=phases, started=now, finished=now)
    report.stop_reason = INTERNAL_ERROR
    report.summary = INTERNAL_ERROR
    return report
