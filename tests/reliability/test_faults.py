"""Every fault kind on every phase's call, over real HTTP, each ending in convergence.

For each (fault, call) the faulted run must not claim a success it did not have: no row
is marked sent that central lacks, no ID is stored twice, a phase that failed does not
move its "last successful sync", and a run that says it succeeded is already converged.
Then the fault stops, the van syncs until a run succeeds, and the convergence check runs.
A naive client (HTTP 200 means success, a lost answer means send again at once, any
list of IDs is stored) fails these checks.
"""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
import sqlalchemy as sa

from mmu_desktop.db.demo_data import seed_demo
from mmu_desktop.db.schema import metadata, table
from mmu_desktop.sync.client import Timeouts
from mmu_desktop.sync.engine import prepare, run_sync
from mmu_desktop.sync.report import Phase, RunReport
from mmu_desktop.sync.upload import requeue_rejected
from tests.reliability.conftest import BOTH_CENTRALS
from tests.reliability.faults import FAULT_KINDS, FaultKind, clear, install, repeat_held_ids
from tests.reliability.harness import (
    FIGURES,
    check_convergence,
    falsely_marked,
    last_success,
    note_convergence,
)
from tests.sync.conftest import FAST, Van

# Each test runs against a central with the unique index and one without (slow run).
pytestmark = BOTH_CENTRALS

OPTIONS = replace(FAST, timeouts=Timeouts(connect=2, read=1, upload_read=1))
CALLS = {
    Phase.UPLOAD: ("van-to-server", 2),
    Phase.DOWNLOAD: ("server-to-van", 2),
    Phase.IDS: ("generateBeneficiaryIDs", 1),
}
# The kinds a client must never count as success when they hit an upload or ID call.
NEVER_SUCCESS = {
    "http-500",
    "apply-then-drop",
    "truncated-body",
    "garbage-body",
    "http-200-error-status",
    "session-expired",
    "hang-past-timeout",
}
FAST_SUBSET = {
    ("apply-then-drop", Phase.UPLOAD),
    ("http-200-error-status", Phase.UPLOAD),
    ("truncated-body", Phase.IDS),
    ("garbage-body", Phase.DOWNLOAD),
    ("session-expired", Phase.UPLOAD),
}


def sync(van: Van) -> RunReport:
    plan = prepare(van.data_dir, van.ctx.reload_settings())
    return run_sync(plan, van.engine, options=OPTIONS)


def beneficiary_ids_unique(van: Van) -> bool:
    pool = metadata.tables["m_beneficiaryregidmapping"]
    with van.engine.connect() as conn:
        total, distinct = conn.execute(
            sa.select(sa.func.count(), sa.func.count(sa.distinct(pool.c.BeneficiaryID)))
        ).one()
    return bool(total == distinct)


def converge(van: Van, max_runs: int = 3) -> int:
    """Sync without faults until a run succeeds; returns how many runs it took."""
    started = time.monotonic()
    for number in range(1, max_runs + 1):
        before = last_success(van)
        report = sync(van)
        if report.needs_sign_in:
            van.sign_in()
        if report.succeeded:
            note_convergence(number, time.monotonic() - started)
            return number
        assert last_success(van) == before
    raise AssertionError(f"no successful run in {max_runs}: {report.summary}")


def cases() -> list[object]:
    out: list[object] = []
    for kind in FAULT_KINDS.values():
        for phase in CALLS:
            marks = [] if (kind.name, phase) in FAST_SUBSET else [pytest.mark.slow]
            out.append(pytest.param(kind, phase, marks=marks, id=f"{kind.name}-{phase}"))
    return out


@pytest.mark.parametrize(("kind", "phase"), cases())
def test_a_fault_on_one_call_never_gives_false_success(
    busy_van: Van, kind: FaultKind, phase: Phase
) -> None:
    busy_van.set(id_pool_target="1100")
    busy_van.set(id_pool_low_water="1000")  # so this run asks central for IDs
    call, number = CALLS[phase]
    before = last_success(busy_van)
    install(busy_van.central, kind, call, number)

    report = sync(busy_van)

    FIGURES["faulted runs"] += 1
    clear(busy_van.central)
    assert falsely_marked(busy_van) == []
    assert beneficiary_ids_unique(busy_van)
    if phase != Phase.DOWNLOAD and kind.name in NEVER_SUCCESS:
        assert not report.succeeded, report.summary
        assert report.summary and "Traceback" not in report.summary
    if report.succeeded:
        check_convergence(busy_van).assert_clean()
    after = last_success(busy_van)
    for phase_report in report.phases:
        if not phase_report.succeeded:
            assert after[phase_report.phase] == before[phase_report.phase], phase_report.phase
    if report.needs_sign_in:
        busy_van.sign_in()

    converge(busy_van)
    check_convergence(busy_van).assert_clean()


def test_a_refused_row_is_set_aside_then_goes_once_a_person_asks(busy_van: Van) -> None:
    contacts = table("i_beneficiarycontacts")
    with busy_van.engine.connect() as conn:
        chosen = conn.execute(sa.select(sa.func.min(contacts.c.BenContactsID))).scalar_one()
    busy_van.central.faults.reject = lambda name, row: (
        "INSERT: Data too long: PhoneNum1"
        if name == "i_beneficiarycontacts" and row.get("VanSerialNo") == chosen
        else None
    )

    report = sync(busy_van)

    assert not report.succeeded
    assert falsely_marked(busy_van) == []
    found = check_convergence(busy_van)
    # Only the refused row and what hangs on it (its beneficiary's mapping and visits) wait.
    assert found.lost > 0 and found.duplicated == 0
    with busy_van.engine.connect() as conn:
        state = conn.execute(
            sa.select(contacts.c.Processed).where(contacts.c.BenContactsID == chosen)
        ).scalar_one()
    assert state == "F"
    assert sync(busy_van).succeeded is False  # not sent again by itself

    clear(busy_van.central)  # central's limit was raised, say
    assert requeue_rejected(busy_van.engine) == 1
    assert converge(busy_van) == 1
    check_convergence(busy_van).assert_clean()


def test_an_id_batch_repeating_held_ids_is_refused_and_the_next_converges(
    busy_van: Van,
) -> None:
    pool = metadata.tables["m_beneficiaryregidmapping"]
    with busy_van.engine.connect() as conn:
        held = [
            tuple(r)
            for r in conn.execute(sa.select(pool.c.BenRegId, pool.c.BeneficiaryID).limit(3))
        ]
    busy_van.set(id_pool_target="1100")
    busy_van.set(id_pool_low_water="1000")
    busy_van.central.faults.ids = repeat_held_ids(held)  # type: ignore[arg-type]

    report = sync(busy_van)

    assert not report.succeeded
    assert beneficiary_ids_unique(busy_van)
    clear(busy_van.central)
    converge(busy_van)
    seed_demo(busy_van.engine, busy_van.ctx.van(), 5, 0, seed=81)
    converge(busy_van)
    check_convergence(busy_van).assert_clean()
