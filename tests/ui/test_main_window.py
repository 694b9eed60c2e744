"""The main window: moving between screens by keyboard, and the status bar counts."""

from __future__ import annotations

import sqlalchemy as sa
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mmu_desktop.context import AppContext
from mmu_desktop.db.engine import writing
from mmu_desktop.db.schema import table
from mmu_desktop.sync.report import Phase, ProgressEvent
from mmu_desktop.ui.main_window import FIND, HISTORY, REGISTER, SYNC, VISIT, MainWindow
from tests.ui.conftest import focused, press, register_person, show, type_text

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def make_window(qtbot: QtBot, ctx: AppContext, discard: bool = True) -> MainWindow:
    window = MainWindow(ctx)
    asked: list[str] = []
    window.asked = asked  # type: ignore[attr-defined]

    def answer(what: str) -> bool:  # instead of a modal question box
        asked.append(what)
        return discard

    window.confirm_discard = answer  # type: ignore[method-assign]
    show(qtbot, window)
    return window


def test_shortcuts_move_between_screens(qtbot: QtBot, pool_ctx: AppContext) -> None:
    window = make_window(qtbot, pool_ctx)
    assert window.pages.currentIndex() == REGISTER
    assert focused(window) is window.registration.first_name
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == FIND
    assert focused(window) is window.search.box
    for key, page in (
        (Qt.Key.Key_3, VISIT),
        (Qt.Key.Key_4, HISTORY),
        (Qt.Key.Key_5, SYNC),
        (Qt.Key.Key_1, REGISTER),
    ):
        press(qtbot, window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.pages.currentIndex() == page

    # Arrowing through the screen list shows each page and keeps the focus in the list.
    window.nav.setFocus()
    press(qtbot, window, Qt.Key.Key_Down)
    assert window.pages.currentIndex() == FIND
    assert focused(window) is window.nav


def test_status_bar_shows_van_pending_and_ids_left(qtbot: QtBot, pool_ctx: AppContext) -> None:
    window = make_window(qtbot, pool_ctx)
    qtbot.waitUntil(lambda: window.pool_label.text() == "IDs left: 20")
    assert window.van_label.text() == "Van: 7 (UP32 AB 1234)"
    assert window.pending_label.text() == "Waiting to sync: 0"

    reg = window.registration
    reg.first_name.setText("Asha")
    reg.gender.setCurrentIndex(reg.gender.findText("Female"))
    reg.age.setText("30")
    reg.state.setCurrentIndex(reg.state.findText("Uttar Pradesh"))
    reg.district.setCurrentIndex(1)
    reg.block.setCurrentIndex(1)
    reg.village.setCurrentIndex(1)
    reg.save()
    qtbot.waitUntil(lambda: window.pool_label.text() == "IDs left: 19")
    assert window.pending_label.text() != "Waiting to sync: 0"


def test_from_search_to_visit_to_history(qtbot: QtBot, pool_ctx: AppContext) -> None:
    person = register_person(pool_ctx, "Sunita", "Yadav").ben_reg_id
    window = make_window(qtbot, pool_ctx)
    window.go(FIND)
    type_text(qtbot, window, "sunita")
    qtbot.waitUntil(lambda: window.search.found_ids() == [person], timeout=3000)
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == VISIT
    assert window.visit.ben_reg_id == person
    assert focused(window) is window.visit.reason

    window.visit.reason.setCurrentIndex(1)
    window.visit.category.setCurrentIndex(1)
    press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.history.ben_reg_id == person
    assert len(window.history.visit_ids()) == 1
    qtbot.waitUntil(lambda: window.pending_label.text() != "Waiting to sync: 0")


def test_unsaved_visit_is_not_thrown_away_without_asking(
    qtbot: QtBot, pool_ctx: AppContext
) -> None:
    sunita = register_person(pool_ctx, "Sunita", "Yadav").ben_reg_id
    kamla = register_person(pool_ctx, "Kamla", "Devi").ben_reg_id
    window = make_window(qtbot, pool_ctx, discard=False)
    window.start_visit(sunita)
    assert window.asked == []  # nothing typed yet: no question
    window.visit.numbers["pulse"].setText("88")

    window.start_visit(kamla)  # the nurse answers "No"
    assert window.asked == ["The visit of Sunita Yadav"]
    assert window.visit.ben_reg_id == sunita
    assert window.visit.numbers["pulse"].text() == "88"
    assert window.pages.currentIndex() == VISIT

    window.confirm_discard = lambda what: True  # type: ignore[method-assign]
    window.start_visit(kamla)
    assert window.visit.ben_reg_id == kamla
    assert window.visit.numbers["pulse"].text() == ""


def test_closing_with_a_typed_registration_asks_first(qtbot: QtBot, pool_ctx: AppContext) -> None:
    window = make_window(qtbot, pool_ctx, discard=False)
    window.registration.first_name.setText("Asha")
    window.close()
    assert window.isVisible()
    assert window.asked == ["The registration form"]
    window.registration.clear()


def test_new_master_entries_appear_after_reload(qtbot: QtBot, pool_ctx: AppContext) -> None:
    window = make_window(qtbot, pool_ctx)
    with writing(pool_ctx.engine) as conn:
        conn.execute(
            sa.insert(table("m_visitreason")).values(
                VisitReasonID=99, VisitReason="Camp follow-up", Deleted=False, CreatedBy="test"
            )
        )
        conn.execute(
            sa.insert(table("m_religion")).values(
                ReligionID=99, ReligionType="Zoroastrian", Deleted=False, CreatedBy="test"
            )
        )
    assert window.visit.reason.findText("Camp follow-up") < 0
    window.reload_masters()
    assert window.visit.reason.findText("Camp follow-up") > 0
    assert window.registration.more_combos["religion_id"].findText("Zoroastrian") > 0


def test_ctrl_shift_s_syncs_from_any_page(qtbot: QtBot, pool_ctx: AppContext) -> None:
    window = make_window(qtbot, pool_ctx)
    started: list[int] = []
    window.sync.start_sync = lambda: started.append(window.pages.currentIndex()) or True
    window.go(VISIT)
    press(qtbot, window, Qt.Key.Key_S, CTRL_SHIFT)
    assert window.pages.currentIndex() == SYNC
    assert started == [SYNC]  # the run starts on the Sync page, where its progress shows
    window.go(REGISTER)
    press(qtbot, window, Qt.Key.Key_S, CTRL_SHIFT)
    assert started == [SYNC, SYNC]


def test_waiting_to_sync_is_recounted_as_each_table_is_sent(
    qtbot: QtBot, pool_ctx: AppContext
) -> None:
    window = make_window(qtbot, pool_ctx)
    qtbot.waitUntil(lambda: window.pending_label.text() == "Waiting to sync: 0")
    register_person(pool_ctx, "Asha")  # as if the sync thread changed the database
    event = ProgressEvent("table_done", Phase.UPLOAD, table="i_beneficiarydetails")
    window.sync.sync_progress.emit(event)
    qtbot.waitUntil(lambda: window.pending_label.text() != "Waiting to sync: 0")
