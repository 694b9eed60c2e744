"""SIGKILL the real ``mmu-desktop sync`` process at each step boundary, then converge.

Each test kills the client (a separate process, SIGKILL, no clean-up of any kind) at one
point of a run: before a batch reaches central, after central applied a batch but before
the laptop marked it, while the laptop marks a batch, in the middle of applying a master
table, and in the middle of storing new IDs. It then syncs again until a run exits 0
and checks convergence (``harness.check_convergence``).
"""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from mmu_desktop.db.demo_data import seed_demo
from mmu_desktop.db.schema import metadata, table_specs
from mmu_desktop.sync import crash_points
from mmu_desktop.sync.report import Phase
from reference_central.db import amrit_table
from reference_central.seed import touch_master
from tests.reliability.conftest import BOTH_CENTRALS
from tests.reliability.harness import (
    Gate,
    check_convergence,
    kill_at_gate,
    kill_at_point,
    last_success,
    sync_until_done,
)
from tests.sync.conftest import Van

# Each test runs against a central with the unique index and one without (slow run).
pytestmark = BOTH_CENTRALS


def processed_states(van: Van) -> dict[str, list[Any]]:
    out = {}
    with van.engine.connect() as conn:
        for spec in table_specs().values():
            if spec.synced:
                tbl = metadata.tables[spec.name]
                col = tbl.c[spec.column("Processed").name]
                pk = tbl.c[spec.primary_key[0]]
                out[spec.name] = list(conn.execute(sa.select(col).order_by(pk)).scalars())
    return out


def test_killed_before_a_batch_reaches_central(busy_van: Van) -> None:
    before = last_success(busy_van)

    kill_at_gate(busy_van, Gate("van-to-server", 3, after=False))

    assert last_success(busy_van) == before
    sync_until_done(busy_van)
    check_convergence(busy_van).assert_clean()


def test_killed_after_central_applied_a_batch_before_marking(busy_van: Van) -> None:
    gate = Gate("van-to-server", 2, after=True)
    before = last_success(busy_van)

    kill_at_gate(busy_van, gate)

    assert last_success(busy_van) == before
    # Central holds the batch the laptop never heard about; the re-send must not double it.
    runs = sync_until_done(busy_van)
    assert runs.runs == 1
    check_convergence(busy_van).assert_clean()


def test_killed_while_marking_a_batch_marks_nothing(busy_van: Van) -> None:
    states = processed_states(busy_van)

    kill_at_point(busy_van, crash_points.ROWS_MARKED)

    # The marking transaction died with the process: no row says 'P' yet.
    assert processed_states(busy_van) == states
    sync_until_done(busy_van)
    check_convergence(busy_van).assert_clean()


def master_snapshot(van: Van, only: str | None = None) -> dict[str, Any]:
    control = metadata.tables["m_downloadmastertable"]
    with van.engine.connect() as conn:
        query = sa.select(control.c.TableName, control.c.LastDownloadDate)
        marks = {str(n): d for n, d in conn.execute(query).all()}
        if only is not None:
            marks = {n: d for n, d in marks.items() if n.lower() == only}
        rows = {}
        for name in marks:
            tbl = metadata.tables[str(name).lower()]
            rows[name] = sorted(map(tuple, conn.execute(sa.select(tbl))), key=repr)
    return {"watermarks": marks, "rows": rows}


def master_tables(van: Van) -> list[str]:
    """The master tables in the order a download applies them."""
    control = metadata.tables["m_downloadmastertable"]
    with van.engine.connect() as conn:
        names = conn.execute(
            sa.select(control.c.TableName)
            .where(control.c.Deleted.is_not(True))
            .order_by(control.c.DownloadMasterTableID)
        ).scalars()
        return [str(n).lower() for n in names]


def first_master_table(van: Van) -> str:
    return master_tables(van)[0]


def test_killed_in_the_middle_of_applying_a_master_table(busy_van: Van) -> None:
    assert busy_van.sync(Phase.DOWNLOAD).succeeded
    name = first_master_table(busy_van)
    spec = table_specs()[name]
    pk = spec.primary_key[0]
    text_col = next(
        c.name for c in spec.columns if c.name not in spec.primary_key and "name" in c.name.lower()
    )
    with busy_van.central.engine.connect() as conn:
        key = conn.execute(sa.select(amrit_table(name).c[pk]).limit(1)).scalar_one()
    touch_master(busy_van.central.engine, name, key, **{text_col: "Changed on central"})
    before = master_snapshot(busy_van)

    kill_at_point(busy_van, crash_points.MASTER_ROWS_WRITTEN)

    # Rows and watermark of the table being applied moved together: not at all.
    assert master_snapshot(busy_van) == before
    sync_until_done(busy_van)
    tbl = metadata.tables[name]
    with busy_van.engine.connect() as conn:
        value = conn.execute(sa.select(tbl.c[text_col]).where(tbl.c[pk] == key)).scalar_one()
    assert value == "Changed on central"
    check_convergence(busy_van).assert_clean()


def pool_size(van: Van) -> int:
    pool = metadata.tables["m_beneficiaryregidmapping"]
    with van.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(pool)).scalar_one())


def test_killed_in_the_middle_of_storing_new_ids(busy_van: Van) -> None:
    busy_van.set(id_pool_target="1100")
    busy_van.set(id_pool_low_water="1000")
    held = pool_size(busy_van)

    kill_at_point(busy_van, crash_points.IDS_WRITTEN)

    assert pool_size(busy_van) == held  # the batch died whole
    sync_until_done(busy_van)
    assert pool_size(busy_van) > held
    # The next registrations draw on the new pool: still no ID used twice.
    seed_demo(busy_van.engine, busy_van.ctx.van(), 5, 2, seed=73)
    sync_until_done(busy_van)
    check_convergence(busy_van).assert_clean()


def test_killed_after_central_made_ids_before_the_laptop_stored_them(busy_van: Van) -> None:
    busy_van.set(id_pool_target="1100")
    busy_van.set(id_pool_low_water="1000")
    held = pool_size(busy_van)

    kill_at_gate(busy_van, Gate("generateBeneficiaryIDs", 1, after=True))

    assert pool_size(busy_van) == held
    sync_until_done(busy_van)
    check_convergence(busy_van).assert_clean()


def test_the_convergence_check_sees_a_lost_and_a_foreign_row(busy_van: Van) -> None:
    # (A planted duplicate: test_naive_client.py, on a central without the unique index.)
    sync_until_done(busy_van)
    check_convergence(busy_van).assert_clean()
    details = amrit_table("i_beneficiarydetails")
    pk = details.c[table_specs()["i_beneficiarydetails"].primary_key[0]]
    with busy_van.central.engine.begin() as conn:
        keys = list(conn.execute(sa.select(pk).order_by(pk)).scalars())
        # One record central holds under a key this laptop never had, one gone.
        conn.execute(sa.update(details).where(pk == keys[0]).values(VanSerialNo=999_999))
        conn.execute(sa.delete(details).where(pk == keys[-1]))

    found = check_convergence(busy_van)

    assert (found.extra_on_central, found.lost, found.duplicated) == (1, 2, 0)
    with pytest.raises(AssertionError):
        found.assert_clean()


# -- every boundary, one after another (slow) ----------------------------------------

SWEEP_FIGURES: dict[str, int] = {}


@pytest.mark.slow
@pytest.mark.parametrize("after", [False, True], ids=["before-central-applied", "after"])
def test_kill_at_every_upload_boundary(busy_van: Van, after: bool) -> None:
    kills = runs = 0
    boundary = 1
    while True:
        seed_demo(busy_van.engine, busy_van.ctx.van(), 2, 2, seed=200 + boundary)
        before = last_success(busy_van)
        if not kill_at_gate(busy_van, Gate("van-to-server", boundary, after), must_reach=False):
            break
        kills += 1
        assert last_success(busy_van) == before
        runs += sync_until_done(busy_van).runs
        check_convergence(busy_van).assert_clean()
        boundary += 1
    check_convergence(busy_van).assert_clean()
    assert kills >= 10
    print(
        f"\nupload boundaries killed ({'after' if after else 'before'}): {kills}, "
        f"clean runs needed: {runs}"
    )


@pytest.mark.slow
@pytest.mark.parametrize("point", [crash_points.MASTER_ROWS_WRITTEN, crash_points.ROWS_MARKED])
def test_kill_at_every_pass_of_a_crash_point(busy_van: Van, point: str) -> None:
    kills = 0
    nth = 1
    masters = master_tables(busy_van)
    while True:
        watched = None
        if point == crash_points.MASTER_ROWS_WRITTEN:
            watched = masters[nth - 1] if nth <= len(masters) else None
        else:
            seed_demo(busy_van.engine, busy_van.ctx.van(), 2, 2, seed=300 + nth)
        before = last_success(busy_van)
        table_before = master_snapshot(busy_van, only=watched) if watched else None
        if not kill_at_point(busy_van, point, nth, must_reach=False):
            break
        kills += 1
        assert last_success(busy_van) == before
        if watched:
            assert master_snapshot(busy_van, only=watched) == table_before, watched
        sync_until_done(busy_van)
        check_convergence(busy_van).assert_clean()
        nth += 1
    assert kills >= 5
    print(f"\n{point} passes killed: {kills}")
