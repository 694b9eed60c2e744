"""Fixtures for the screen tests: a context with IDs in the pool, keyboard helpers."""

from __future__ import annotations

from datetime import datetime

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mmu_desktop.context import AppContext
from mmu_desktop.db import beneficiaries, id_pool
from mmu_desktop.db.engine import writing
from mmu_desktop.db.masters import choices
from mmu_desktop.db.search import SearchIndex
from mmu_desktop.ui.app import load_fonts, load_style

# Above 2**31 on purpose: IDs must survive Qt signals (Signal(object), not int).
FIRST_REG_ID = 3_000_000_001
FIRST_BENEFICIARY_ID = 284_700_000_001


def fill_pool(ctx: AppContext, count: int) -> None:
    pairs = [(FIRST_REG_ID + i, FIRST_BENEFICIARY_ID + i) for i in range(count)]
    with writing(ctx.engine) as conn:
        id_pool.store_new_ids(conn, pairs, 7, datetime(2026, 11, 1, 9, 0))


@pytest.fixture(autouse=True)
def styled_app(qapp: QApplication) -> QApplication:
    """The test QApplication with our fonts and style sheet, as the real app has."""
    load_fonts(qapp)
    load_style(qapp)
    return qapp


@pytest.fixture
def pool_ctx(ctx: AppContext) -> AppContext:
    """A configured context with 20 IDs in the pool."""
    fill_pool(ctx, 20)
    return ctx


@pytest.fixture
def index(ctx: AppContext) -> SearchIndex:
    return SearchIndex(ctx.engine)


def master_id(ctx: AppContext, master: str, label: str, parent: int | None = None) -> int:
    with ctx.engine.connect() as conn:
        for choice in choices(conn, master, parent):
            if choice.label == label:
                return choice.id
    raise LookupError(f"{master} {label!r} not in the starter masters")


def register_person(
    ctx: AppContext, first: str, last: str = "", age: int = 30, phone: str = "", female=True
) -> beneficiaries.Registered:
    """Register someone through the database layer, in Devipur (Gola, Lakhimpur Kheri, UP)."""
    state = master_id(ctx, "state", "Uttar Pradesh")
    district = master_id(ctx, "district", "Lakhimpur Kheri", state)
    block = master_id(ctx, "block", "Gola", district)
    village = master_id(ctx, "village", "Devipur", block)
    form = beneficiaries.BeneficiaryForm(
        first_name=first,
        last_name=last,
        gender_id=master_id(ctx, "gender", "Female" if female else "Male"),
        age_years=age,
        phone=phone,
        state_id=state,
        district_id=district,
        block_id=block,
        village_id=village,
    )
    return beneficiaries.register(ctx.engine, form, ctx.van())


def show(qtbot: QtBot, widget: QWidget) -> QWidget:
    """Show ``widget`` as an active window so focus, Tab and shortcuts behave as for a nurse."""
    qtbot.addWidget(widget)
    widget.resize(1366, 740)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def focused(window: QWidget) -> QWidget:
    widget = QApplication.focusWidget() or window.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def type_text(qtbot: QtBot, window: QWidget, text: str) -> None:
    """Type into whatever has focus."""
    qtbot.keyClicks(focused(window), text)


def tab(qtbot: QtBot, window: QWidget, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(window), Qt.Key.Key_Tab)


def press(qtbot: QtBot, window: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(window), key, modifier)


def count_rows(ctx: AppContext, table_name: str) -> int:
    with ctx.engine.connect() as conn:
        return int(
            conn.execute(sa.select(sa.func.count()).select_from(sa.table(table_name))).scalar_one()
        )
