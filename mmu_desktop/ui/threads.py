"""Running a worker QObject on a thread of its own, one thread per piece of work."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QThread, SignalInstance


def start_in_thread(worker: QObject, finished: SignalInstance, name: str) -> QThread:
    """Move ``worker`` to a new thread, call its ``run`` slot there and return the thread.

    The thread quits when ``finished`` fires. The caller keeps references to the thread
    and the worker and drops them on the GUI thread after ``thread.wait()``. There is
    no ``deleteLater`` here on purpose: Qt deleting these Python-owned objects on the
    worker thread races with their Python wrappers (a rare crash at teardown).
    """
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)  # type: ignore[attr-defined]
    # Direct: quit() is thread-safe, and a queued call would wait for the GUI thread.
    finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.start()
    return thread
