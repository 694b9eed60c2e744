"""Drafts: what a nurse typed comes back after the app was killed (a power cut)."""

from __future__ import annotations

import json
import stat

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mmu_desktop.context import AppContext
from mmu_desktop.ui.main_window import REGISTER, VISIT, MainWindow
from tests.ui.conftest import press, register_person, show
from tests.ui.test_main_window import make_window
from tests.ui.test_registration import fill_by_keyboard

RESTORED = "Restored what you were typing before the app closed."


def fresh_window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    """A second window on the same data dir, as after a restart."""
    window = MainWindow(ctx)
    window.confirm_discard = lambda what: True  # type: ignore[method-assign]
    show(qtbot, window)
    return window


def test_half_typed_registration_comes_back_and_goes_after_save(
    qtbot: QtBot, pool_ctx: AppContext
) -> None:
    window = make_window(qtbot, pool_ctx)
    form = window.registration
    draft = pool_ctx.data_dir.drafts / "registration.json"
    form.first_name.setFocus()
    qtbot.keyClicks(form.first_name, "Sunit")
    form.age.setFocus()
    qtbot.keyClicks(form.age, "4x")  # half-typed and not valid yet
    qtbot.waitUntil(draft.exists, timeout=3000)
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert json.loads(draft.read_text())["inputs"]["age_text"] == "4x"

    again = fresh_window(qtbot, pool_ctx)
    restored = again.registration
    assert again.pages.currentIndex() == REGISTER
    assert restored.first_name.text() == "Sunit"
    assert restored.age.text() == "4x"
    assert restored.banner.isVisible()
    assert restored.banner.label.text().startswith(RESTORED)

    restored.clear()  # start again, then type a whole valid person and save
    restored.first_name.setFocus()
    fill_by_keyboard(qtbot, restored)
    restored.save_draft()
    assert draft.exists()
    with qtbot.waitSignal(restored.registered, timeout=5000):
        press(qtbot, again, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not draft.exists()


def test_half_typed_visit_comes_back_with_its_person(qtbot: QtBot, pool_ctx: AppContext) -> None:
    person = register_person(pool_ctx, "Sunita", "Yadav", age=34).ben_reg_id
    window = make_window(qtbot, pool_ctx)
    window.start_visit(person)
    visit = window.visit
    draft = pool_ctx.data_dir.drafts / "visit.json"
    visit.numbers["temperature"].setFocus()
    qtbot.keyClicks(visit.numbers["temperature"], "10")  # on the way to 101
    visit.complaint_rows[0].description.setFocus()
    qtbot.keyClicks(visit.complaint_rows[0].description, "since Mon")
    qtbot.waitUntil(draft.exists, timeout=3000)

    again = fresh_window(qtbot, pool_ctx)
    assert again.pages.currentIndex() == VISIT
    assert again.visit.ben_reg_id == person
    assert again.visit.ben_visit_id is None
    assert again.visit.numbers["temperature"].text() == "10"
    assert again.visit.complaint_rows[0].description.text() == "since Mon"
    assert again.visit.banner.label.text().startswith(RESTORED)

    again.visit.clear()
    assert not draft.exists()
    assert again.visit.numbers["temperature"].text() == ""


def test_edits_to_a_saved_visit_come_back_to_that_visit(qtbot: QtBot, pool_ctx: AppContext) -> None:
    person = register_person(pool_ctx, "Sunita", "Yadav", age=34).ben_reg_id
    window = make_window(qtbot, pool_ctx)
    window.start_visit(person)
    visit = window.visit
    visit.reason.setCurrentIndex(1)
    visit.category.setCurrentIndex(1)
    visit.complaint_rows[0].complaint.setCurrentIndex(1)
    visit.complaint_rows[0].duration.setText("2")
    visit.save()
    saved_id = visit.ben_visit_id
    assert saved_id is not None
    draft = pool_ctx.data_dir.drafts / "visit.json"
    assert not draft.exists()

    visit.numbers["pulse"].setText("8")
    window.go(REGISTER)  # switching pages writes the draft at once
    assert json.loads(draft.read_text())["ben_visit_id"] == saved_id

    again = fresh_window(qtbot, pool_ctx)
    assert again.visit.ben_visit_id == saved_id
    assert again.visit.numbers["pulse"].text() == "8"
    again.visit.save()  # "8" is not a plausible pulse: refused, so the draft stays
    assert draft.exists()
    again.visit.numbers["pulse"].setText("80")
    again.visit.save()
    assert not draft.exists()
