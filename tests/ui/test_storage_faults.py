"""Storage faults while a nurse saves: the form stays open, nothing is half-written, and
saving again after the fault clears works (issue 4, item 6).

The fault is a real SQLite condition on the app's own connections: a read-only database
(``PRAGMA query_only``, as a file this user may not write behaves). A database locked by
another program is covered in test_registration.py.
TODO(disk-full): a full disk is not simulated yet (``max_page_count`` does not stop writes
into free pages of a WAL database); the form's handling is the same code path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from pytestqt.qtbot import QtBot

from mmu_desktop.context import AppContext
from mmu_desktop.db.search import SearchIndex
from tests.ui.conftest import count_rows
from tests.ui.test_registration import fill_by_keyboard, make_view
from tests.ui.test_visit import make_view as make_visit_view
from tests.ui.test_visit import person, record_visit_by_keyboard

__all__ = ["person"]  # a fixture used below


def _read_only(dbapi_connection: object, _record: object) -> None:
    dbapi_connection.execute("PRAGMA query_only = 1")  # type: ignore[attr-defined]


@contextmanager
def storage_fault(engine: sa.Engine, fault: Callable[[object, object], None]) -> Iterator[None]:
    """Every new connection of ``engine`` suffers ``fault`` until the block ends."""
    sa.event.listen(engine, "connect", fault)
    engine.dispose()
    try:
        yield
    finally:
        sa.event.remove(engine, "connect", fault)
        engine.dispose()


FAULTS = pytest.mark.parametrize("fault", [_read_only], ids=["read-only"])


@FAULTS
def test_registration_survives_a_storage_fault(
    qtbot: QtBot, pool_ctx: AppContext, index: SearchIndex, fault: Callable[[object, object], None]
) -> None:
    view = make_view(qtbot, pool_ctx, index)
    fill_by_keyboard(qtbot, view)
    tables = ("i_beneficiarydetails", "i_beneficiaryaddress", "i_beneficiarymapping")
    with storage_fault(pool_ctx.engine, fault):
        view.save()
    assert "could not be saved" in view.banner.label.text()
    assert view.first_name.text() == "Asha"
    assert all(count_rows(pool_ctx, name) == 0 for name in tables)  # nothing half-written

    view.save()  # the fault has cleared: the same form now saves
    assert all(count_rows(pool_ctx, name) == 1 for name in tables)


@FAULTS
def test_visit_survives_a_storage_fault(
    qtbot: QtBot, pool_ctx: AppContext, person: int, fault: Callable[[object, object], None]
) -> None:
    view = make_visit_view(qtbot, pool_ctx, person)
    record_visit_by_keyboard(qtbot, view)
    with storage_fault(pool_ctx.engine, fault):
        view.save()
    assert count_rows(pool_ctx, "t_benvisitdetail") == 0
    assert count_rows(pool_ctx, "t_phy_vitals") == 0
    assert view.has_unsaved_changes()

    view.save()
    assert count_rows(pool_ctx, "t_benvisitdetail") == 1
    assert count_rows(pool_ctx, "t_phy_vitals") == 1
