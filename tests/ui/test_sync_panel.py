"""The Sync panel against a reference central on 127.0.0.1, with the real sync thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QTableWidgetItem
from pytestqt.qtbot import QtBot

from mmu_desktop import settings as settings_store
from mmu_desktop.context import AppContext
from mmu_desktop.keystore import Keystore
from mmu_desktop.paths import DataDir
from mmu_desktop.sync.report import (
    Outcome,
    Phase,
    PhaseReport,
    ProgressEvent,
    RunReport,
    TableReport,
)
from mmu_desktop.ui.sync_panel import (
    SyncPanel,
    describe_result,
    rejected_records,
    table_label,
)
from reference_central import seed as central_seed
from tests.sync import conftest as sync_fixtures
from tests.sync.conftest import FAST, Central, Van
from tests.ui.conftest import register_person, show

RUN_TIMEOUT_MS = 60_000

# A reference central on 127.0.0.1 with a fault switch, from the sync tests' fixtures.
central = sync_fixtures.central


@pytest.fixture
def van(configured_dir: DataDir, central: Central) -> Iterator[Van]:
    """A configured, signed-in van data dir pointed at ``central``."""
    current = settings_store.load(configured_dir)
    for key, value in (
        ("central-url", central.server.central_url),
        ("common-url", central.server.common_url),
        ("id-pool-low-water", "50"),
        ("id-pool-target", "200"),
        ("upload-batch-size", "25"),
    ):
        settings_store.set_value(current, key, value)
    settings_store.save(configured_dir, current)
    ctx = AppContext.open(configured_dir.root)
    signed_in = Van(ctx, central)
    signed_in.sign_in()
    try:
        yield signed_in
    finally:
        ctx.engine.dispose()


def make_panel(qtbot: QtBot, van: Van, **kwargs: Any) -> SyncPanel:
    panel = SyncPanel(van.ctx, options=FAST, **kwargs)
    show(qtbot, panel)
    return panel


def register(van: Van, count: int) -> None:
    """Fetch real IDs from central, then register ``count`` people with them."""
    assert van.sync(Phase.IDS).succeeded
    for n in range(count):
        register_person(van.ctx, f"Sita{n}", "Devi", age=20 + n)


def run_panel(qtbot: QtBot, panel: SyncPanel) -> RunReport:
    with qtbot.waitSignal(panel.sync_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(panel.sync_button, _left())
    report = blocker.args[0]
    assert isinstance(report, RunReport)
    return report


def _left() -> Qt.MouseButton:
    return Qt.MouseButton.LeftButton


def open_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def test_sync_runs_in_a_thread_shows_progress_and_ends_with_counts(qtbot: QtBot, van: Van) -> None:
    register(van, 3)
    van.set(upload_batch_size="2")
    panel = make_panel(qtbot, van)
    assert "records waiting" in panel.waiting_label.text()

    events: list[ProgressEvent] = []
    steps: list[str] = []
    worker_threads: set[object] = set()
    gui_ticks: list[float] = []
    original_post = van.central.faults.before

    def slow_upload(call: str, _n: int):  # type: ignore[no-untyped-def]
        worker_threads.add(call)
        if call == "van-to-server":
            time.sleep(0.15)  # long enough for the GUI thread to run its timers
        return original_post(call, _n) if original_post else None

    van.central.faults.before = slow_upload
    panel.sync_progress.connect(events.append)
    panel.sync_progress.connect(lambda _e: steps.append(panel.step_label.text()))
    panel._tick.timeout.connect(lambda: gui_ticks.append(time.monotonic()))

    report = run_panel(qtbot, panel)

    assert report.succeeded, report.summary
    # The progress came from another thread, delivered on the GUI thread.
    assert any(e.kind == "batch_done" and e.phase == Phase.UPLOAD for e in events)
    assert any(s.startswith("Sending beneficiary details: batch 2") for s in steps), steps
    assert any(s.startswith("Downloading master data: ") for s in steps), steps
    assert gui_ticks, "the window's timer never ran during the sync: the GUI froze"

    # The plain-language result and the counts a nurse sees.
    banner = panel.result.label.text()
    assert banner.startswith("Sync complete.")
    assert "records sent" in banner
    sending = panel.run_tree.topLevelItem(0)
    assert sending.text(0) == "Sending records"
    sent = sum(report.phase(Phase.UPLOAD).totals()[k] for k in ("sent",))
    assert sending.text(1) == f"{sent:,}" and sent > 0
    assert sending.text(3) == "0"
    assert sending.text(7) == "Complete"
    assert panel.waiting_label.text() == "Nothing waiting to be sent."
    assert van.central.count("i_beneficiarydetails") == 3

    # The history lists the run; its per-table counts show beneficiary details.
    assert panel.history_table.rowCount() >= 1
    assert panel.history_table.item(0, 2).text() == "Complete"
    detail_tables = [
        panel.detail_table.item(r, 0).text() for r in range(panel.detail_table.rowCount())
    ]
    assert "Beneficiary details" in detail_tables
    assert panel.sync_button.isEnabled() and not panel.cancel_button.isEnabled()


def test_rejected_record_needs_attention_and_can_be_sent_again(qtbot: QtBot, van: Van) -> None:
    register(van, 3)
    refused: list[Any] = []

    def reject_first_details(table_name: str, row: dict[str, Any]) -> str | None:
        if table_name == "i_beneficiarydetails" and not refused:
            refused.append(row)
            return "Date of birth is in the future"
        return None

    van.central.faults.reject = reject_first_details
    panel = make_panel(qtbot, van)
    before = dict(panel.last_success_times)
    assert before["upload"] is None

    report = run_panel(qtbot, panel)

    assert not report.succeeded
    banner = panel.result.label.text()
    assert banner.startswith("2 records sent") or "sent, 1 rejected" in banner, banner
    assert "1 rejected: see “Needs attention” below" in banner
    assert "Traceback" not in banner
    assert panel.tabs.currentIndex() == 1
    assert panel.tabs.tabText(1) == "&Needs attention (1)"
    assert panel.attention_table.rowCount() == 1
    assert panel.attention_table.item(0, 0).text().startswith("Beneficiary details")
    assert panel.attention_table.item(0, 1).text().startswith("Sita")
    assert panel.attention_table.item(0, 3).text() == "Date of birth is in the future"
    assert not open_dialogs(), "a rejected record is not an error dialog"
    # Upload did not fully succeed, so its last-success time stays empty.
    assert panel.last_success_times["upload"] is None

    # Send again, now that central accepts it: nothing needs attention, upload succeeds.
    van.central.faults.reject = None
    qtbot.mouseClick(panel.send_again_button, _left())
    assert panel.attention_table.rowCount() == 0
    report = run_panel(qtbot, panel)
    assert report.succeeded, report.summary
    assert panel.last_success_times["upload"] is not None
    assert van.central.count("i_beneficiarydetails") == 3
    assert rejected_records(van.engine) == []


def test_cancel_stops_the_run_without_an_error_dialog(qtbot: QtBot, van: Van) -> None:
    register(van, 6)
    van.set(upload_batch_size="1")
    gate = threading.Event()

    def slow(call: str, _n: int):  # type: ignore[no-untyped-def]
        if call == "van-to-server":
            gate.wait(5)
        return None

    van.central.faults.before = slow
    panel = make_panel(qtbot, van)
    thread_seen: list[QThread | None] = []

    def cancel_on_first_batch(event: ProgressEvent) -> None:
        if event.kind == "table_started" and not thread_seen:
            thread_seen.append(panel._thread)
            panel.cancel_button.click()
            gate.set()

    panel.sync_progress.connect(cancel_on_first_batch)
    report = run_panel(qtbot, panel)

    assert report.cancelled
    assert thread_seen and thread_seen[0] is not None
    assert "Sync cancelled. Nothing was lost" in panel.result.label.text()
    assert panel.crash_box is None and not open_dialogs()
    assert not any(isinstance(w, QMessageBox) for w in QApplication.topLevelWidgets())
    assert panel.sync_button.isEnabled()
    assert van.central.count("i_beneficiarydetails") < 6
    assert panel.last_success_times["upload"] is None


def test_not_signed_in_opens_sign_in_then_syncs(qtbot: QtBot, van: Van) -> None:
    Keystore(van.data_dir.root).clear()
    panel = make_panel(qtbot, van)

    qtbot.mouseClick(panel.sync_button, _left())

    dialog = panel.sign_in_dialog
    assert dialog is not None and dialog.isVisible()
    assert "Signed out: sign in again" in panel.result.label.text()
    dialog.user.setText(central_seed.DEMO_USER)
    dialog.password.setText(central_seed.DEMO_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    # The van fixture's own sign-in is still open on central: the dialog asks first.
    qtbot.waitUntil(lambda: dialog.end_other_session.isVisible(), timeout=RUN_TIMEOUT_MS)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert "signed in on another device" in dialog.message.text()
    assert Keystore(van.data_dir.root).load() is None
    dialog.end_other_session.setChecked(True)
    dialog.password.setText(central_seed.DEMO_PASSWORD)
    with qtbot.waitSignal(panel.signed_in, timeout=RUN_TIMEOUT_MS):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert Keystore(van.data_dir.root).load() is not None
    qtbot.waitUntil(lambda: not dialog.busy)
    with qtbot.waitSignal(panel.sync_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(dialog.close_button, _left())
    assert blocker.args[0].succeeded


def test_session_expired_during_run_offers_sign_in(qtbot: QtBot, van: Van) -> None:
    register(van, 1)
    van.central.clock.now += 10**7  # central forgets the session
    panel = make_panel(qtbot, van, resume_after_sign_in=False)

    report = run_panel(qtbot, panel)

    assert report.needs_sign_in
    assert panel.result.label.text().startswith("Signed out: sign in again")
    assert panel.sign_in_dialog is not None and panel.sign_in_dialog.isVisible()
    assert panel.last_success_times["upload"] is None
    panel.sign_in_dialog.reject()


def test_offline_result_says_nothing_was_lost(qtbot: QtBot, van: Van) -> None:
    register(van, 1)
    van.central.server.stop()
    panel = make_panel(qtbot, van)

    report = run_panel(qtbot, panel)

    assert not report.succeeded
    assert panel.result.label.text().startswith(
        "No network: nothing was lost, try again when connected."
    )
    assert describe_result(report).kind == "error"
    assert not open_dialogs()


@pytest.mark.parametrize("phases", [[Phase.IDS]])
def test_only_one_run_at_a_time(qtbot: QtBot, van: Van, phases: list[Phase]) -> None:
    panel = make_panel(qtbot, van, phases=phases)
    gate = threading.Event()
    van.central.faults.before = lambda call, _n: gate.wait(5) and None
    van.set(id_pool_target="400")
    with qtbot.waitSignal(panel.sync_finished, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(panel.sync_button, _left())
        assert not panel.sync_button.isEnabled()
        assert panel.start_sync() is False
        gate.set()


def test_master_data_sentence_agrees_with_the_received_column() -> None:
    started = datetime(2026, 12, 4, 17, 12)
    download = PhaseReport(
        Phase.DOWNLOAD,
        Outcome.SUCCESS,
        tables=[
            TableReport("m_districtbranchmapping", received=2),
            TableReport("m_item", received=3),
        ],
    )
    report = RunReport([Phase.DOWNLOAD], started, started, phases=[download])
    text = describe_result(report).text
    assert "5 rows received, none new or changed" in text
    assert "already up to date" not in text

    download.tables[1].changed = 1
    assert "5 rows received, 1 of them new or changed" in describe_result(report).text
    download.tables = []
    assert "already up to date" in describe_result(report).text


def test_master_tables_have_plain_names() -> None:
    assert table_label("m_districtbranchmapping") == "Villages (m_districtbranchmapping)"
    assert table_label("m_item") == "Medicines (m_item)"
    assert table_label("t_benvisitdetail") == "Visits (t_benvisitdetail)"


def test_result_words_fit_the_run_list_and_history(qtbot: QtBot, van: Van) -> None:
    panel = SyncPanel(van.ctx)
    qtbot.addWidget(panel)
    panel.resize(1366 - 170, 620)
    panel.show()
    qtbot.waitExposed(panel)
    tree = panel.run_tree
    last = tree.columnCount() - 1
    for words in ("Nothing to do", "Partly done", "Rest waits for parent"):
        assert tree.columnWidth(last) >= tree.fontMetrics().horizontalAdvance(words) + 8

    table = panel.history_table
    table.setRowCount(1)
    table.setItem(0, 2, QTableWidgetItem("Did not finish (the app closed or the power went)"))
    table.resizeRowsToContents()
    assert table.wordWrap()
    assert table.rowHeight(0) > table.fontMetrics().lineSpacing() * 1.5  # wrapped, not cut
