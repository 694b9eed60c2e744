"""Storage faults while a nurse saves: the form stays open, nothing is half-written, and
saving again after the fault clears works (issue 4, item 6).

The fault is a real SQLite condition on the app's own connections: a read-only database
(``PRAGMA query_only``, as a file this user may not write behaves). A database locked by
another program is covered in test_registration.py. A full disk is a real one: a small
tmpfs in a private mount namespace (``unshare -rm``), filled up, with the whole data dir
on it; the checks run in ``full_disk_scenario.py`` inside that namespace.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from pytestqt.qtbot import QtBot

from mmu_desktop.context import AppContext
from mmu_desktop.db.search import SearchIndex
from mmu_desktop.ui.registration import database_error_message
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


# -- a really full disk ---------------------------------------------------------------

REPO = Path(__file__).resolve().parents[2]
TMPFS_MB = 8  # room for a fresh database (~0.6 MB), its WAL, drafts and logs
MOUNT = 'mount -t tmpfs -o size={mb}m tmpfs "$0" && exec "$@"'


def why_no_private_tmpfs(folder: Path) -> str | None:
    """None when this machine lets us mount a tmpfs in a private namespace, else why not."""
    if shutil.which("unshare") is None:
        return "the unshare command is not installed"
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", MOUNT.format(mb=1), str(folder), "true"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    if probe.returncode != 0:
        return f"unshare -rm with a tmpfs is not permitted here: {probe.stderr.strip()}"
    return None


def test_forms_on_a_really_full_disk(tmp_path: Path) -> None:
    """Registration and visit forms, drafts and logs on a full disk, and a save killed as
    the disk fills (see full_disk_scenario.py for each check)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    reason = why_no_private_tmpfs(disk)
    if reason:
        pytest.skip(reason)
    command = ["unshare", "-rm", "sh", "-c", MOUNT.format(mb=TMPFS_MB), str(disk)]
    command += [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    command += [str(REPO / "tests" / "ui" / "full_disk_scenario.py")]
    env = dict(os.environ, MMU_TEST_FULL_DISK=str(disk), QT_QPA_PLATFORM="offscreen")

    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)

    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "3 passed" in done.stdout, done.stdout[-2000:]
    assert list(disk.iterdir()) == []  # the tmpfs went away with the namespace


def test_a_busy_database_is_not_called_full_whatever_was_typed(tmp_path: Path) -> None:
    path = tmp_path / "camp.db"
    engine = sa.create_engine(f"sqlite:///{path}", connect_args={"timeout": 0})
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE complaint (words TEXT)"))
    blocker = sqlite3.connect(path)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(sa.exc.OperationalError) as caught, engine.begin() as conn:
            conn.execute(
                sa.text("INSERT INTO complaint VALUES (:words)"), {"words": "Fullness of abdomen"}
            )
    finally:
        blocker.rollback()
        blocker.close()
        engine.dispose()
    assert "Fullness" in str(caught.value)  # SQLAlchemy's text carries what was typed
    message = database_error_message(caught.value)
    assert "free some space" not in message  # the words for a full disk
    assert "busy" in message
