"""The Sync panel keeps the window free while a run goes on.

Fast batch steps are shown together, the counts shown after a run are read on the sync
thread, and the sync thread's interpreter settings are put back after a run.
"""

from __future__ import annotations

import gc
import sys
import threading
import weakref
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from mmu_desktop.context import AppContext
from mmu_desktop.sync.report import Phase, ProgressEvent
from mmu_desktop.ui import sync_panel
from mmu_desktop.ui.sync_panel import SyncPanel
from mmu_desktop.ui.sync_worker import free_garbage_frozen_by_runs, kind_to_the_window
from tests.ui.conftest import register_person, show
from tests.ui.test_sync_panel import central, make_panel, register, run_panel, van

__all__ = ["central", "van"]  # fixtures used by the tests below

TABLE = "i_beneficiarydetails"
BATCHES = 40
ROWS = BATCHES * 25


def _event(kind: str, done: int, **counts: Any) -> ProgressEvent:
    return ProgressEvent(kind, Phase.UPLOAD, table=TABLE, done=done, total=ROWS, **counts)


def _batch(n: int) -> ProgressEvent:
    return _event("batch_done", n * 25, sent=n * 25, accepted=n * 25)


@pytest.fixture
def panel(qtbot: QtBot, ctx: AppContext) -> SyncPanel:
    widget = SyncPanel(ctx)
    show(qtbot, widget)
    return widget


def test_fast_batch_steps_are_shown_together_and_the_step_catches_up(
    qtbot: QtBot, panel: SyncPanel
) -> None:
    shown: list[ProgressEvent] = []
    panel.sync_progress.connect(shown.append)
    panel._reset_run_view()
    panel._on_progress(ProgressEvent("phase_started", Phase.UPLOAD, total=ROWS))
    panel._on_progress(_event("table_started", 0))
    for n in range(1, BATCHES + 1):
        panel._on_progress(_batch(n))

    # Forty batches in a burst are not forty redraws of the page.
    assert len([e for e in shown if e.kind == "batch_done"]) < BATCHES
    # With no further step, the page catches up with the latest batch by itself.
    qtbot.waitUntil(lambda: f"batch {BATCHES} " in panel.step_label.text())
    assert panel.step_label.text().startswith("Sending beneficiary details: batch 40")
    assert "1,000 of 1,000 records" in panel.step_label.text()
    item = panel.run_tree.topLevelItem(0).child(0)
    assert (item.text(1), item.text(2)) == ("1,000", "1,000")
    assert panel.progress_bar.value() == ROWS


def test_a_table_ending_shows_its_last_batch_first(qtbot: QtBot, panel: SyncPanel) -> None:
    shown: list[ProgressEvent] = []
    steps: list[str] = []
    panel.sync_progress.connect(shown.append)
    panel.sync_progress.connect(lambda _e: steps.append(panel.step_label.text()))
    panel._reset_run_view()
    panel._on_progress(_event("table_started", 0))
    for n in range(1, 4):
        panel._on_progress(_batch(n))
    panel._on_progress(_event("table_done", 75, sent=75, accepted=75))

    assert [e.kind for e in shown][-2:] == ["batch_done", "table_done"]
    assert steps[-2].startswith("Sending beneficiary details: batch 3")
    assert steps[-1] == "Sending beneficiary details (75 of 1,000 records)"
    item = panel.run_tree.topLevelItem(0).child(0)
    assert (item.text(1), item.text(7)) == ("75", "done")


def test_counts_after_a_run_are_read_on_the_sync_thread(
    qtbot: QtBot, van: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    register(van, 2)
    gui = threading.current_thread()
    readers: list[threading.Thread] = []
    real_read = sync_panel.read_panel_facts
    fail_off_gui = False

    def read(engine: Any) -> sync_panel.PanelFacts:
        readers.append(threading.current_thread())
        if fail_off_gui and threading.current_thread() is not gui:
            raise RuntimeError("the database went away for a moment")
        return real_read(engine)

    monkeypatch.setattr(sync_panel, "read_panel_facts", read)
    panel = make_panel(qtbot, van)
    assert readers == [gui]  # the page's first look, when it is built

    readers.clear()
    assert run_panel(qtbot, panel).succeeded
    # The sync thread read what waits and the history; the GUI thread only showed it.
    assert len(readers) == 1 and readers[0] is not gui
    assert panel.waiting_label.text() == "Nothing waiting to be sent."
    assert panel.history_table.item(0, 2).text() == "Complete"

    # When that reading fails, the page reads for itself and still shows the truth.
    register_person(van.ctx, "Meena", "Kumari", age=30)
    readers.clear()
    fail_off_gui = True
    assert run_panel(qtbot, panel).succeeded
    assert readers[-1] is gui
    assert panel.waiting_label.text() == "Nothing waiting to be sent."
    assert panel.history_table.rowCount() >= 2
    assert panel.history_table.item(0, 2).text() == "Complete"


class _Node:
    """Something to put in a reference cycle."""

    other: _Node | None = None


def test_a_run_leaves_the_interpreter_settings_as_they_were() -> None:
    before = (gc.get_threshold(), sys.getswitchinterval())
    with pytest.raises(RuntimeError), kind_to_the_window():
        assert gc.get_threshold()[2] >= 1_000_000  # no full collection during the run
        assert sys.getswitchinterval() <= 0.001
        raise RuntimeError("a run that stops with an error")
    assert (gc.get_threshold(), sys.getswitchinterval()) == before


def test_garbage_made_during_a_run_is_freed_and_what_lives_is_frozen() -> None:
    kept = _Node()
    with kind_to_the_window():
        a, b = _Node(), _Node()
        a.other, b.other = b, a  # a cycle only the collector can free
        gone = weakref.ref(a)
        del a, b
    assert gone() is None
    assert gc.get_freeze_count() > 0
    assert kept.other is None


def test_a_cycle_frozen_at_the_end_of_a_run_is_freed_later() -> None:
    with kind_to_the_window():
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
    del a, b  # garbage only after the run froze it
    gc.collect()
    assert gone() is not None  # a frozen cycle is out of the collector's sight...
    free_garbage_frozen_by_runs()
    assert gone() is None  # ...until the panel frees it, a while after the run
    assert gc.get_freeze_count() == 0
