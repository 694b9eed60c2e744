"""Guards against a Qt binding that cannot carry a sync's thousands of signals.

PySide6 6.12.0 takes one reference from ``True`` on every ``emit()`` from Python, so a
sync of a few thousand progress events aborted the interpreter ("bool_dealloc").
pyproject.toml keeps PySide6 below 6.12; this test fails if an upgrade brings it back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Ticker(QObject):
    tick = Signal(object)


def test_many_emits_leave_true_alone() -> None:
    ticker = _Ticker()
    seen: list[object] = []
    ticker.tick.connect(seen.append)
    before = sys.getrefcount(True)
    for i in range(200):
        ticker.tick.emit(i)
    assert len(seen) == 200
    assert abs(sys.getrefcount(True) - before) < 20
