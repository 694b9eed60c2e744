"""A nurse saves on a full disk: run only inside the namespace test_storage_faults.py makes.

``test_storage_faults.test_forms_on_a_really_full_disk`` starts ``unshare -rm``, mounts a
small tmpfs at ``$MMU_TEST_FULL_DISK`` and runs pytest on this file in there. The data
dir (database, drafts, logs, settings) lives on that tmpfs; a filler file takes every
free byte, so each write the app makes meets ENOSPC, exactly as on a laptop whose disk
filled up. The file name does not start with ``test_`` so a normal run never collects it.
"""

from __future__ import annotations

import errno
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from mmu_desktop import logs
from mmu_desktop.context import AppContext
from mmu_desktop.db import id_pool
from mmu_desktop.db.engine import writing
from mmu_desktop.db.search import SearchIndex
from mmu_desktop.paths import DataDir
from mmu_desktop.ui.drafts import REGISTRATION, VISIT, DraftStore
from mmu_desktop.ui.registration import RegistrationView
from mmu_desktop.ui.values import format_beneficiary_id
from mmu_desktop.ui.visit import VisitView
from tests.ui.conftest import FIRST_BENEFICIARY_ID, count_rows, register_person, show
from tests.ui.test_registration import fill_by_keyboard
from tests.ui.test_visit import person, record_visit_by_keyboard

__all__ = ["person"]  # a fixture used below

ENV = "MMU_TEST_FULL_DISK"
DISK = Path(os.environ.get(ENV, "/nonexistent"))
REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    ENV not in os.environ, reason="runs only inside the tmpfs test_storage_faults.py mounts"
)


@pytest.fixture
def data_dir() -> Iterator[DataDir]:
    """The data dir on the small tmpfs (overrides the one in tmp_path)."""
    root = DISK / f"data-{time.monotonic_ns()}"
    yield DataDir.at(root)
    filler(root).unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def app_logs(data_dir: DataDir) -> None:
    """The app's own log file, on the full disk too."""
    logs.configure(data_dir)


def filler(root: Path) -> Path:
    return root.parent / f"filler-{root.name}"


def fill_disk(ctx: AppContext, leave: int = 0) -> Path:
    """Take every free byte of the tmpfs but ``leave``, after moving the WAL into the
    database file.

    With an empty write-ahead log, any save must grow a file, so it meets the full disk
    (a save that fits in log space already on disk would simply succeed).
    """
    raw = ctx.engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
    finally:
        raw.close()
    path = filler(ctx.data_dir.root)
    with open(path, "ab", buffering=0) as handle:
        for size in (1 << 20, 1 << 16, 4096, 1):
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC, exc
        if leave:
            handle.truncate(os.fstat(handle.fileno()).st_size - leave)
            return path
    with pytest.raises(OSError) as raised:  # the disk is really full
        (ctx.data_dir.root / "probe").write_bytes(b"x" * 4096)
    assert raised.value.errno == errno.ENOSPC
    (ctx.data_dir.root / "probe").unlink(missing_ok=True)
    return path


def snapshot(ctx: AppContext) -> dict[str, list[str]]:
    """Every row of every table, to show a failed save changed nothing anywhere."""
    with ctx.engine.connect() as conn:
        names = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).scalars()
        return {
            name: sorted(repr(tuple(r)) for r in conn.exec_driver_sql(f'SELECT * FROM "{name}"'))
            for name in list(names)
        }


def changed_tables(before: dict[str, list[str]], after: dict[str, list[str]]) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def integrity(ctx: AppContext) -> list[Any]:
    with ctx.engine.connect() as conn:
        checks = list(conn.exec_driver_sql("PRAGMA integrity_check").scalars())
        checks += list(conn.exec_driver_sql("PRAGMA foreign_key_check").all())
    return checks


def free_ids(ctx: AppContext) -> int:
    with ctx.engine.connect() as conn:
        return id_pool.available_count(conn)


def test_registration_on_a_full_disk(
    qtbot: QtBot, pool_ctx: AppContext, capfd: pytest.CaptureFixture[str]
) -> None:
    drafts = DraftStore(pool_ctx.data_dir.drafts)
    view = RegistrationView(
        pool_ctx.engine, pool_ctx.van, SearchIndex(pool_ctx.engine), draft_store=drafts
    )
    show(qtbot, view)
    view.first_name.setFocus()
    fill_by_keyboard(qtbot, view)
    view.save_draft()
    kept_draft = drafts.load(REGISTRATION)
    assert kept_draft is not None
    free = free_ids(pool_ctx)
    space = fill_disk(pool_ctx)
    before = snapshot(pool_ctx)

    qtbot.keyClicks(view.first_name, "a")  # one more letter: "Ashaa"
    view.save_draft()  # the draft cannot be written: the old one stays, nothing raised
    view.save()

    message = view.banner.label.text()
    assert "disk is full" in message and "free some space" in message
    assert "Traceback" not in message and "sqlite" not in message.lower()
    assert view.first_name.text() == "Ashaa"  # the form stays open, as typed
    assert changed_tables(before, snapshot(pool_ctx)) == set()  # nothing half-written
    assert free_ids(pool_ctx) == free  # the claimed ID went back to the pool
    assert drafts.load(REGISTRATION) == kept_draft
    assert list(pool_ctx.data_dir.drafts.iterdir()) == [drafts.path(REGISTRATION)]
    for n in range(10):  # more than the log file's last, part-filled page holds
        logging.getLogger("mmu_desktop").warning("record %d %s", n, "-" * 1000)
    err = capfd.readouterr().err
    assert "Traceback" not in err and err.count("cannot write the log file") == 1

    space.unlink()  # IT freed some space
    with qtbot.waitSignal(view.registered) as saved:
        view.save()

    assert "Registered Ashaa Verma" in view.banner.label.text()
    assert format_beneficiary_id(FIRST_BENEFICIARY_ID) in view.banner.label.text()
    after = snapshot(pool_ctx)
    assert {"i_beneficiarydetails", "i_beneficiarymapping", "m_beneficiaryregidmapping"} <= (
        changed_tables(before, after)
    )
    for name in ("i_beneficiarydetails", "i_beneficiaryaddress", "i_beneficiarymapping"):
        assert count_rows(pool_ctx, name) == 1, name  # exactly one record
    assert free_ids(pool_ctx) == free - 1
    assert saved.args[0] == min_reg_id(pool_ctx)  # the very ID the failed save had claimed
    assert drafts.load(REGISTRATION) is None
    assert integrity(pool_ctx) == ["ok"]


def min_reg_id(ctx: AppContext) -> int:
    with ctx.engine.connect() as conn:
        return int(
            conn.exec_driver_sql("SELECT min(BenRegId) FROM m_beneficiaryregidmapping").scalar_one()
        )


def test_visit_on_a_full_disk(qtbot: QtBot, pool_ctx: AppContext, person: int) -> None:
    drafts = DraftStore(pool_ctx.data_dir.drafts)
    view = VisitView(pool_ctx.engine, pool_ctx.van, draft_store=drafts)
    show(qtbot, view)
    assert view.start_new(person)
    record_visit_by_keyboard(qtbot, view)
    view.save_draft()
    kept_draft = drafts.load(VISIT)
    assert kept_draft is not None
    space = fill_disk(pool_ctx)
    before = snapshot(pool_ctx)

    view.diagnosis.setText("Viral fever, dehydrated")
    view.save_draft()  # cannot be written: the last draft stays as it was
    view.save()

    assert "free some space" in view.banner.label.text()
    assert view.has_unsaved_changes()
    assert changed_tables(before, snapshot(pool_ctx)) == set()
    assert drafts.load(VISIT) == kept_draft
    assert view.diagnosis.text() == "Viral fever, dehydrated"

    space.unlink()
    with qtbot.waitSignal(view.saved):
        view.save()

    assert "Visit saved" in view.banner.label.text()
    assert not view.has_unsaved_changes()
    for name in ("t_benvisitdetail", "t_phy_vitals"):
        assert count_rows(pool_ctx, name) == 1, name
    assert integrity(pool_ctx) == ["ok"]


# -- a save killed while the disk fills ------------------------------------------------

SAVER = """
import sys
from mmu_desktop.context import AppContext
from tests.ui.conftest import register_person
ctx = AppContext.open(sys.argv[1])
print("ready", flush=True)
n = 0
while True:
    n += 1
    try:
        register_person(ctx, f"Kamla{n}", "Devi", age=40)
    except Exception as exc:  # the disk is full: keep trying, as a nurse would
        print(type(exc).__name__, flush=True)
"""


def registrations_whole(ctx: AppContext) -> None:
    """Every registration has its details, address, mapping and a used pool ID."""
    with ctx.engine.connect() as conn:
        counts = [
            conn.exec_driver_sql(f"SELECT count(*) FROM {name}").scalar_one()
            for name in ("i_beneficiarydetails", "i_beneficiaryaddress", "i_beneficiarymapping")
        ]
        used = conn.exec_driver_sql(
            "SELECT count(*) FROM m_beneficiaryregidmapping WHERE Provisioned"
        ).scalar_one()
    assert counts == [used] * 3, (counts, used)


def test_a_save_killed_on_a_full_disk_leaves_a_sound_database(pool_ctx: AppContext) -> None:
    pairs = [(4_000_000_001 + i, 384_700_000_001 + i) for i in range(5000)]
    with writing(pool_ctx.engine) as conn:  # more free IDs than the savers can use
        id_pool.store_new_ids(conn, pairs, 7, datetime(2026, 11, 1, 9, 0))
    space = None
    # Plenty of space, then 64 KiB left (the disk fills during the run), then none.
    for round_, leave in enumerate((None, 64 * 1024, 0)):
        if leave is not None:
            if space is not None:
                space.unlink()
            space = fill_disk(pool_ctx, leave)
        pool_ctx.engine.dispose()
        proc = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(pool_ctx.data_dir.root)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(0.3 + 0.1 * round_)
        os.kill(proc.pid, signal.SIGKILL)  # in the middle of some save
        assert proc.wait(30) == -signal.SIGKILL
        proc.stdout.close()
        assert integrity(pool_ctx) == ["ok"]
        registrations_whole(pool_ctx)
    assert space is not None
    space.unlink()
    before = count_rows(pool_ctx, "i_beneficiarydetails")

    register_person(pool_ctx, "Sarla", "Devi")

    assert count_rows(pool_ctx, "i_beneficiarydetails") == before + 1
    registrations_whole(pool_ctx)
    assert integrity(pool_ctx) == ["ok"]
