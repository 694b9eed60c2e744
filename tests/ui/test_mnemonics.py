"""Every Alt+letter on a screen leads to one place: no two visible labels share a mnemonic."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from mmu_desktop.context import AppContext
from mmu_desktop.ui.main_window import FIND, HISTORY, REGISTER, SYNC, VISIT
from tests.ui.conftest import register_person
from tests.ui.test_main_window import make_window


def mnemonic(text: str) -> str | None:
    """The character after a single '&' ('&&' is a literal ampersand), upper-cased."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].upper() if 0 <= at < len(plain) - 1 else None


def visible_mnemonics(page: QWidget) -> list[tuple[str, str]]:
    """(mnemonic, text) of every visible label with a buddy, button, group box and tab."""
    texts: list[str] = []
    for label in page.findChildren(QLabel):
        if label.buddy() is not None and label.isVisibleTo(page):
            texts.append(label.text())
    for button in page.findChildren(QAbstractButton):
        if button.isVisibleTo(page):
            texts.append(button.text())
    for group in page.findChildren(QGroupBox):
        if group.isVisibleTo(page):
            texts.append(group.title())
    for bar in page.findChildren(QTabBar):
        if bar.isVisibleTo(page):
            texts += [bar.tabText(i) for i in range(bar.count())]
    return [(key, text) for text in texts if (key := mnemonic(text))]


def assert_unique(page: QWidget) -> None:
    found = visible_mnemonics(page)
    counts = Counter(key for key, _ in found)
    clashes = {key: [t for k, t in found if k == key] for key, n in counts.items() if n > 1}
    assert not clashes, f"{type(page).__name__}: Alt+ keys used twice: {clashes}"


def test_each_screen_has_unique_mnemonics(qtbot: QtBot, pool_ctx: AppContext) -> None:
    person = register_person(pool_ctx, "Sunita", "Yadav", age=34).ben_reg_id
    window = make_window(qtbot, pool_ctx)

    form = window.registration
    form.more_button.setChecked(True)  # everything the form can show at once
    form.start_visit_button.show()
    assert len(visible_mnemonics(form)) > 25
    assert_unique(form)
    form.age_only.setChecked(False)  # date of birth instead of age
    assert_unique(form)

    window.start_visit(person)
    assert len(visible_mnemonics(window.visit)) > 15
    assert_unique(window.visit)
    for page in (FIND, HISTORY, SYNC, REGISTER):
        window.go(page)
        assert_unique(window.pages.widget(page))
    assert window.pages.widget(VISIT) is window.visit
