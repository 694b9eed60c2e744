"""A beneficiary's visit history, and reopening a visit from it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mmu_desktop.context import AppContext
from mmu_desktop.db import visits
from mmu_desktop.ui.history import HistoryView
from tests.ui.conftest import master_id, press, register_person, show


def test_history_lists_visits_newest_first_and_enter_opens_one(
    qtbot: QtBot, pool_ctx: AppContext
) -> None:
    person = register_person(pool_ctx, "Sunita", "Yadav").ben_reg_id
    fever = master_id(pool_ctx, "chief_complaint", "Fever")
    form = visits.VisitForm(
        reason_id=master_id(pool_ctx, "visit_reason", "New Chief Complaint"),
        category_id=master_id(pool_ctx, "visit_category", "General OPD"),
        complaints=[visits.ComplaintLine(fever, 2)],
        diagnosis="Viral fever",
    )
    first = visits.save_visit(pool_ctx.engine, person, form, pool_ctx.van())
    form.diagnosis = "Recovering"
    second = visits.save_visit(pool_ctx.engine, person, form, pool_ctx.van())

    view = HistoryView(pool_ctx.engine)
    show(qtbot, view)
    view.show_beneficiary(person)
    assert view.visit_ids() == [second.ben_visit_id, first.ben_visit_id]
    rows = view.rows()
    assert [r[1] for r in rows] == ["2", "1"]
    assert rows[1][2:] == ["New Chief Complaint", "Fever", "Viral fever", "Not yet synced"]
    assert "Sunita Yadav" in view.heading.text()

    view.table.setFocus()
    view.table.selectRow(1)
    with qtbot.waitSignal(view.open_visit_requested) as opened:
        press(qtbot, view, Qt.Key.Key_Return)
    assert opened.args == [person, first.ben_visit_id]

    with qtbot.waitSignal(view.new_visit_requested) as new:
        press(qtbot, view, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert new.args == [person]


def test_history_without_a_person_explains_what_to_do(qtbot: QtBot, pool_ctx: AppContext) -> None:
    view = HistoryView(pool_ctx.engine)
    show(qtbot, view)
    assert "Find a beneficiary first" in view.person.text()
    assert not view.new_button.isEnabled()
