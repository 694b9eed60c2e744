"""The reliability checks have teeth: the same scenarios, run with a naive client
(``naive_client.py``, AMRIT's own van behaviour) and with ours, through the same
convergence check. For the naive client the check must report the loss, duplicate,
reused ID or skipped master change; for ours it must pass.

Each test runs one scenario twice, on a fresh van and central each time (``client``
parameter). A scenario is: the fault, the faulted run, the fault cleared, what a
person does next (ask to send refused rows again, register more people), then runs of
the same client until one succeeds, then ``check_convergence``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from mmu_desktop.db import visits
from mmu_desktop.db.demo_data import seed_demo
from mmu_desktop.db.schema import metadata, table
from mmu_desktop.sync.engine import prepare, run_sync
from mmu_desktop.sync.report import RunReport
from mmu_desktop.sync.upload import requeue_rejected
from reference_central.db import amrit_table
from reference_central.seed import touch_master
from tests.reliability.conftest import CHECK_THEN_ACT, ReferenceCentral
from tests.reliability.faults import clear, repeat_held_ids
from tests.reliability.harness import FIGURES, Convergence, check_convergence
from tests.reliability.naive_client import NaiveOptions, naive_sync
from tests.reliability.test_faults import OPTIONS
from tests.sync.conftest import Van

OURS, NAIVE_LEGACY, NAIVE_HEAD = "ours", "naive-legacy", "naive-head"
Client = Callable[[Van], bool]
LAPTOP_AHEAD = timedelta(hours=3)
NEXT_WEEK = date.today() + timedelta(days=7)


def ours(van: Van, clock_offset: timedelta = timedelta(0)) -> bool:
    options = replace(OPTIONS, clock=lambda: datetime.now(UTC) + clock_offset)
    plan = prepare(van.data_dir, van.ctx.reload_settings())
    report: RunReport = run_sync(plan, van.engine, options=options)
    if report.needs_sign_in:
        van.sign_in()
    return report.succeeded


def client_for(name: str, clock_offset: timedelta = timedelta(0)) -> Client:
    if name == OURS:
        return lambda van: ours(van, clock_offset)
    options = NaiveOptions(
        marking="legacy" if name == NAIVE_LEGACY else "head",
        laptop_clock=lambda: datetime.now(UTC) + clock_offset,
    )
    return lambda van: naive_sync(van, options)


def until_done(van: Van, sync: Client, max_runs: int = 3) -> None:
    """Runs with no fault until one succeeds (the naive client may never say so)."""
    for _ in range(max_runs):
        if sync(van):
            return


def judge(name: str, found: Convergence, *expected: str) -> None:
    """Ours converges cleanly; the naive client is caught with the ``expected`` fault."""
    if name == OURS:
        found.assert_clean()
        return
    counts = {
        "lost": found.lost,
        "duplicated": found.duplicated,
        "ids_reused": found.ids_reused,
        "masters_stale": found.masters_stale,
        "unsynced_ids": found.unsynced_ids,
    }
    assert found.problems, "the convergence check let a naive client pass"
    print(f"\n{name}: " + "; ".join(found.problems))  # for docs/reliability.md
    for kind in expected:
        assert counts[kind] > 0, (kind, found.problems)
        FIGURES[f"naive client caught: {kind}"] += 1
    with pytest.raises(AssertionError):
        found.assert_clean()


def params(*names: str, fast: tuple[str, ...] = ()) -> pytest.MarkDecorator:
    """Parametrize ``client``; only the ``fast`` ones run in CI's quick subset."""
    return pytest.mark.parametrize(
        "client",
        [pytest.param(n, marks=[] if n in fast else [pytest.mark.slow]) for n in names],
    )


# -- a row central refuses for its content -------------------------------------------


@params(OURS, NAIVE_LEGACY, fast=(NAIVE_LEGACY,))
def test_a_refused_row(busy_van: Van, client: str) -> None:
    """Central answers HTTP 200 / statusCode 200 with ``success: false`` for one row: the
    legacy client marks the whole chunk sent, so the row never reaches central."""
    sync = client_for(client)
    contacts = table("i_beneficiarycontacts")
    with busy_van.engine.connect() as conn:
        chosen = conn.execute(sa.select(sa.func.min(contacts.c.BenContactsID))).scalar_one()
    busy_van.central.faults.reject = lambda name, row: (
        "INSERT: Data too long: PhoneNum1"
        if name == "i_beneficiarycontacts" and row.get("VanSerialNo") == chosen
        else None
    )
    sync(busy_van)
    clear(busy_van.central)  # central's limit was raised
    requeue_rejected(busy_van.engine)  # and a person asked to send refused rows again

    until_done(busy_van, sync)

    judge(client, check_convergence(busy_van), "lost")


# -- rows whose Processed is NULL ----------------------------------------------------


@params(OURS, NAIVE_HEAD)
def test_rows_with_no_processed_state(busy_van: Van, client: str) -> None:
    """Rows left with ``Processed`` NULL (an older app version, a hand-made import): the
    naive ``!= 'P'`` never selects them (contract 11.8)."""
    mapping = table("i_beneficiarymapping")
    with busy_van.engine.connect() as conn:
        people = conn.execute(sa.select(mapping.c.BenRegId).limit(3)).scalars().all()
    for person in people:  # visits with a follow-up date: a t_benreferdetails row each
        form = visits.VisitForm(
            reason_id=1, category_id=1, referral=visits.Referral(revisit_date=NEXT_WEEK)
        )
        visits.save_visit(busy_van.engine, person, form, busy_van.ctx.van())
    referrals = table("t_benreferdetails")  # one of the tables whose Processed may be NULL
    with busy_van.engine.begin() as conn:
        changed = conn.execute(sa.update(referrals).values(Processed=None)).rowcount
    assert changed == 3

    until_done(busy_van, client_for(client))

    judge(client, check_convergence(busy_van), "lost")


# -- an ID batch that repeats IDs the laptop holds -----------------------------------


@params(OURS, NAIVE_HEAD)
def test_an_id_batch_repeating_held_ids(busy_van: Van, client: str) -> None:
    """Central hands back IDs this laptop already used: stored again as free, they are
    given to the next registration a second time."""
    sync = client_for(client)
    pool = metadata.tables["m_beneficiaryregidmapping"]
    with busy_van.engine.connect() as conn:
        held = [
            tuple(r)
            for r in conn.execute(
                sa.select(pool.c.BenRegId, pool.c.BeneficiaryID)
                .where(pool.c.Provisioned.is_(True))
                .order_by(pool.c.BenRegId)
                .limit(3)
            )
        ]
    busy_van.set(id_pool_target="1100")
    busy_van.set(id_pool_low_water="1000")
    busy_van.central.faults.ids = repeat_held_ids(held)  # type: ignore[arg-type]
    sync(busy_van)
    clear(busy_van.central)
    busy_van.set(id_pool_low_water="50")

    try:
        seed_demo(busy_van.engine, busy_van.ctx.van(), 5, 0, seed=81)  # the next registrations
    except sa.exc.IntegrityError:
        # The "free" ID is the one an earlier registration holds: the laptop's unique
        # key refuses the new one, and every registration after it, until IT steps in.
        assert client != OURS
    until_done(busy_van, sync)

    judge(client, check_convergence(busy_van), "ids_reused")


# -- a laptop clock three hours fast -------------------------------------------------


@params(OURS, NAIVE_HEAD)
def test_a_fast_laptop_clock_and_a_master_change(busy_van: Van, client: str) -> None:
    """The laptop clock runs 3 hours ahead; central changes a village name after the
    first download. A watermark from the laptop clock skips that change for good."""
    sync = client_for(client, LAPTOP_AHEAD)
    until_done(busy_van, sync)
    village = metadata.tables["m_districtbranchmapping"]
    with busy_van.engine.connect() as conn:
        key = conn.execute(sa.select(sa.func.min(village.c.DistrictBranchID))).scalar_one()
    touch_master(busy_van.central.engine, "m_districtbranchmapping", key, VillageName="Naya Gaon")

    until_done(busy_van, sync)

    judge(client, check_convergence(busy_van), "masters_stale")


# -- a re-send racing the first apply, on a central without the unique index ----------


def hold_first_insert(central: ReferenceCentral, table_name: str, seconds: float) -> None:
    """Central stalls ``seconds`` between looking up and inserting the first batch of
    ``table_name`` (a slow database under load), longer than the client waits."""
    assert central.amrit is not None
    held = threading.Event()

    def before_insert(name: str) -> None:
        if name == table_name and not held.is_set():
            held.set()
            time.sleep(seconds)

    central.amrit.before_insert = before_insert


@pytest.mark.parametrize("central", [CHECK_THEN_ACT], indirect=True)
@params(OURS, NAIVE_LEGACY, fast=(OURS, NAIVE_LEGACY))
def test_a_re_send_racing_the_first_apply(busy_van: Van, client: str) -> None:
    """The first request for i_beneficiarycontacts is looked up, then stalls 2 s; the
    client gives up after 1 s. The naive client sends the same rows again at once, both
    requests find nothing and both insert: duplicates, as on a real AMRIT central."""
    central = busy_van.central
    assert isinstance(central, ReferenceCentral)
    hold_first_insert(central, "i_beneficiarycontacts", 2.0)
    sync = client_for(client)

    sync(busy_van)
    time.sleep(2.5)  # the stalled request finishes on central
    central.amrit.before_insert = None  # type: ignore[union-attr]
    until_done(busy_van, sync)

    judge(client, check_convergence(busy_van), "duplicated")


@pytest.mark.parametrize("central", [CHECK_THEN_ACT], indirect=True)
def test_the_check_sees_a_planted_duplicate_on_a_check_then_act_central(
    busy_van: Van,
) -> None:
    """Without the unique index a second copy of a record can be stored, and the
    convergence check counts it."""
    assert ours(busy_van)
    check_convergence(busy_van).assert_clean()
    details = amrit_table("i_beneficiarycontacts")  # AMRIT has no other unique key here
    with busy_van.central.engine.begin() as conn:
        one = conn.execute(sa.select(details).limit(1)).mappings().one()
        pk = next(c.name for c in details.primary_key)
        conn.execute(sa.insert(details).values({k: v for k, v in one.items() if k != pk}))

    found = check_convergence(busy_van)

    assert (found.duplicated, found.lost, found.extra_on_central) == (1, 0, 0)
    with pytest.raises(AssertionError):
        found.assert_clean()
