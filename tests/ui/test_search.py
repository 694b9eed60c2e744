"""Finding people from one search box: spelling, script, phone and ID."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mmu_desktop.context import AppContext
from mmu_desktop.db.search import SearchIndex
from mmu_desktop.ui import search as search_screen
from mmu_desktop.ui.search import SearchView
from tests.ui.conftest import press, register_person, show, type_text


def make_view(qtbot: QtBot, index: SearchIndex) -> SearchView:
    view = SearchView(index)
    show(qtbot, view)
    view.focus_search()
    return view


def test_hindi_name_found_by_english_spelling(
    qtbot: QtBot, pool_ctx: AppContext, index: SearchIndex
) -> None:
    hindi = register_person(pool_ctx, "सुनीता", "देवी", age=34).ben_reg_id
    other = register_person(pool_ctx, "Ramesh", "Kumar", age=40, female=False).ben_reg_id
    view = make_view(qtbot, index)
    type_text(qtbot, view, "Suneeta")
    qtbot.waitUntil(lambda: view.found_ids() != [], timeout=3000)
    assert view.found_ids() == [hindi]
    assert other not in view.found_ids()
    assert view.model.data(view.model.index(0, 0)) == "सुनीता देवी"
    assert view.model.data(view.model.index(0, 4)) == "Devipur"

    # Enter in the box opens the first match.
    with qtbot.waitSignal(view.visit_requested) as opened:
        press(qtbot, view, Qt.Key.Key_Return)
    assert opened.args == [hindi]


def test_by_phone_and_by_beneficiary_id(
    qtbot: QtBot, pool_ctx: AppContext, index: SearchIndex
) -> None:
    asha = register_person(pool_ctx, "Asha", "Verma", phone="9876501234")
    register_person(pool_ctx, "Kamla", "Devi", phone="9000000001")
    view = make_view(qtbot, index)
    type_text(qtbot, view, "98765 01234")
    qtbot.waitUntil(lambda: view.found_ids() == [asha.ben_reg_id], timeout=3000)

    view.box.clear()
    type_text(qtbot, view, str(asha.beneficiary_id))
    qtbot.waitUntil(lambda: view.found_ids() == [asha.ben_reg_id], timeout=3000)
    assert view.model.data(view.model.index(0, 6)) == "2847 0000 0001"

    # Down arrow moves into the results; the buttons act on the chosen row.
    press(qtbot, view, Qt.Key.Key_Down)
    assert view.table.hasFocus()
    with qtbot.waitSignal(view.history_requested) as wanted:
        press(qtbot, view, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    assert wanted.args == [asha.ben_reg_id]


def test_nobody_found_says_so(qtbot: QtBot, pool_ctx: AppContext, index: SearchIndex) -> None:
    register_person(pool_ctx, "Asha", "Verma")
    view = make_view(qtbot, index)
    type_text(qtbot, view, "Xyzzyq")
    qtbot.waitUntil(lambda: "Nobody found" in view.count.text(), timeout=3000)
    assert not view.visit_button.isEnabled()


def test_many_matches_say_only_the_best_are_shown(
    qtbot: QtBot, pool_ctx: AppContext, index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_screen, "SHOWN_AT_MOST", 3)  # the test pool holds few IDs
    for surname in ("Verma", "Yadav", "Gupta", "Rawat"):
        register_person(pool_ctx, "Asha", surname)
    view = make_view(qtbot, index)
    type_text(qtbot, view, "Asha")
    qtbot.waitUntil(lambda: view.found_ids() != [], timeout=3000)
    assert len(view.found_ids()) == 3
    assert "Showing the best 3" in view.count.text()
    assert "narrow" in view.count.text()


def test_search_hint_speaks_the_nurse_s_words(qtbot: QtBot, index: SearchIndex) -> None:
    view = make_view(qtbot, index)
    assert "BenRegID" not in view.box.placeholderText()
    assert "beneficiary ID" in view.box.placeholderText()


def test_typing_while_people_are_still_being_read_says_so_then_shows_them(
    qtbot: QtBot, pool_ctx: AppContext, index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    asha = register_person(pool_ctx, "Asha", "Verma")
    reading = [True]  # as while the window reads everyone in the background at start
    monkeypatch.setattr(SearchIndex, "loading", property(lambda _self: reading[0]))
    view = make_view(qtbot, index)
    type_text(qtbot, view, "Asha")
    qtbot.waitUntil(lambda: "Reading the list of people" in view.count.text(), timeout=3000)
    assert view.found_ids() == []
    reading[0] = False
    qtbot.waitUntil(lambda: view.found_ids() == [asha.ben_reg_id], timeout=3000)
    assert view.count.text() == "Found: 1"
