"""Driving real ``mmu-desktop sync`` processes against the reference central, and judging
the end state: the convergence check every reliability test ends with.

A gate holds one central call open (before or after central applied it) until the test
has killed the client; ``start_sync`` runs the command-line sync exactly as IT would on a
computer without a keyring; ``sync_until_done`` re-runs it until it exits 0 and checks
that no failed run moved "last successful sync".
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask import Response

from mmu_desktop.db import sync_history
from mmu_desktop.db.schema import metadata, table_specs
from mmu_desktop.sync import masters
from mmu_desktop.sync.crash_points import ENV_VAR
from reference_central import download
from reference_central.db import amrit_table
from reference_central.seed import DEMO_PASSWORD, DEMO_USER
from tests.sync.conftest import Faults, Van, garbage

REPO = Path(__file__).resolve().parents[2]
# Totals over a test session, printed at its end (see conftest.pytest_terminal_summary).
FIGURES: Counter[str] = Counter()
SLOWEST: dict[str, float] = {"convergence_seconds": 0.0}
REGID = "m_beneficiaryregidmapping"
WAIT_SECONDS = 60


# -- holding a central call open ------------------------------------------------------


@dataclass
class Gate:
    """Hold the ``number``-th ``call`` from now on until released: ``before`` central
    applies it (then answer 503, so it is never applied) or ``after`` (applied, answer
    withheld)."""

    call: str
    number: int
    after: bool
    reached: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    base: int = 0

    def install(self, faults: Faults) -> None:
        self.base = faults.calls.get(self.call, 0)
        if self.after:
            faults.after = self._after
        else:
            faults.before = self._before

    def _hold(self, call: str, n: int) -> bool:
        if call != self.call or n != self.base + self.number:
            return False
        self.reached.set()
        self.release.wait(WAIT_SECONDS)
        return True

    def _before(self, call: str, n: int) -> Response | None:
        return garbage("held, never applied", 503) if self._hold(call, n) else None

    def _after(self, call: str, n: int, response: Response) -> Response:
        self._hold(call, n)
        return response


# -- the client process ---------------------------------------------------------------


def start_sync(van: Van, pause_at: str | None = None) -> tuple[subprocess.Popen[str], Path]:
    """Start ``mmu-desktop sync`` for the van's data dir; returns it and its pause flag."""
    root = van.data_dir.root
    flag = root.parent / f"paused-{time.monotonic_ns()}"
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    env.pop(ENV_VAR, None)
    if pause_at:
        env[ENV_VAR] = f"{pause_at}={flag}"
    log = open(root.parent / "sync-runs.log", "a", encoding="utf-8")  # noqa: SIM115
    command = [sys.executable, "-m", "mmu_desktop", "sync", "--data-dir", str(root)]
    command += ["--user", DEMO_USER, "--password-stdin", "--end-other-session"]
    proc = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=REPO,
        env=env,
    )
    log.close()
    assert proc.stdin is not None
    proc.stdin.write(DEMO_PASSWORD + "\n")
    proc.stdin.close()
    return proc, flag


def kill(proc: subprocess.Popen[str]) -> None:
    """SIGKILL the sync process we started (by its PID) and reap it."""
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(WAIT_SECONDS) == -signal.SIGKILL
    FIGURES["clients killed (SIGKILL)"] += 1


def kill_at_gate(van: Van, gate: Gate, must_reach: bool = True) -> bool:
    """Run a sync, kill it while central holds ``gate``, then let central go on.

    Returns False (the run ended by itself) if the run never reached the gate.
    """
    gate.install(van.central.faults)
    proc, _ = start_sync(van)
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while not gate.reached.wait(0.02):
            if proc.poll() is not None:
                assert not must_reach, "the sync ended before reaching the gate"
                return False
            assert time.monotonic() < deadline, "the sync never reached the gate"
        kill(proc)
    finally:
        gate.release.set()
        if proc.poll() is None:
            kill(proc)
        van.central.faults.before = van.central.faults.after = None
    return True


def kill_at_point(van: Van, point: str, nth: int = 1, must_reach: bool = True) -> bool:
    """Run a sync and kill it once it froze at the ``nth`` pass of crash point ``point``.

    Returns False (the run ended by itself) if the run passed ``point`` fewer times.
    """
    proc, flag = start_sync(van, pause_at=f"{point}:{nth}")
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while not flag.exists():
            if proc.poll() is not None:
                assert not must_reach, f"the sync ended before reaching {point}"
                return False
            assert time.monotonic() < deadline, f"the sync never reached {point}"
            time.sleep(0.02)
        assert flag.read_text() == str(proc.pid)
    finally:
        if proc.poll() is None:
            kill(proc)
    return True


def note_convergence(runs: int, seconds: float) -> None:
    FIGURES["sync runs to converge"] += runs
    SLOWEST["convergence_seconds"] = max(SLOWEST["convergence_seconds"], seconds)


def last_success(van: Van) -> dict[str, datetime | None]:
    return sync_history.last_success(van.engine)


@dataclass
class Runs:
    runs: int
    seconds: float


def sync_until_done(van: Van, max_runs: int = 4) -> Runs:
    """Sync (no faults) until a run exits 0; a failed run must not move "last success"."""
    started = time.monotonic()
    for number in range(1, max_runs + 1):
        before = last_success(van)
        proc, _ = start_sync(van)
        code = proc.wait(WAIT_SECONDS * 3)
        if code == 0:
            note_convergence(number, time.monotonic() - started)
            return Runs(number, time.monotonic() - started)
        assert last_success(van) == before, "a failed run moved 'last successful sync'"
    log = (van.data_dir.root.parent / "sync-runs.log").read_text(encoding="utf-8")
    raise AssertionError(f"no clean sync in {max_runs} runs:\n{log[-3000:]}")


# -- the convergence check ------------------------------------------------------------


@dataclass
class Convergence:
    """What the end state shows: everything here but ``records`` must be 0."""

    records: int = 0
    lost: int = 0
    duplicated: int = 0
    extra_on_central: int = 0
    not_marked: int = 0
    ids_reused: int = 0
    unsynced_ids: int = 0
    masters_without_watermark: int = 0
    masters_stale: int = 0
    problems: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.records > 0
        assert not self.problems, "\n".join(self.problems)
        FIGURES["convergence checks passed"] += 1
        FIGURES["records checked"] += self.records
        FIGURES["records lost"] += self.lost
        FIGURES["records duplicated on central"] += self.duplicated
        FIGURES["IDs reused"] += self.ids_reused


def _key(serial: Any, van_id: Any) -> tuple[str, str]:
    return (str(int(serial)) if serial is not None else "None", str(van_id))


def check_convergence(van: Van, van_id: int = 7) -> Convergence:
    """Every local record on central exactly once, every row 'P', no ID used twice,
    every master table with a watermark."""
    out = Convergence()
    with van.engine.connect() as local, van.central.engine.connect() as remote:
        for spec in table_specs().values():
            if not spec.synced or spec.name == REGID:
                continue
            mine = metadata.tables[spec.name]
            theirs = amrit_table(spec.name)
            serial, vid = spec.column("VanSerialNo").name, spec.column("VanID").name
            processed = spec.column("Processed").name
            local_rows = local.execute(
                sa.select(mine.c[serial], mine.c[vid], mine.c[processed]).where(
                    mine.c[vid].is_not(None)
                )
            ).all()
            here = Counter(_key(s, v) for s, v, _ in local_rows)
            there = Counter(
                _key(s, v)
                for s, v in remote.execute(
                    sa.select(theirs.c[serial], theirs.c[vid]).where(theirs.c[vid] == van_id)
                )
            )
            out.records += len(local_rows)
            lost = [k for k in here if there[k] == 0]
            dup = sum(n - 1 for n in there.values() if n > 1)
            extra = [k for k in there if k not in here]
            unmarked = sum(1 for *_, p in local_rows if p != "P")
            out.lost += len(lost)
            out.duplicated += dup
            out.extra_on_central += len(extra)
            out.not_marked += unmarked
            for label, n in (("lost", len(lost)), ("duplicated", dup), ("extra", len(extra))):
                if n:
                    out.problems.append(f"{spec.name}: {n} rows {label} on central")
            if unmarked:
                out.problems.append(f"{spec.name}: {unmarked} rows not 'P'")
        _check_ids(local, remote, van_id, out)
        control = metadata.tables["m_downloadmastertable"]
        unstamped = local.execute(
            sa.select(sa.func.count())
            .select_from(control)
            .where(control.c.Deleted.is_not(True), control.c.LastDownloadDate.is_(None))
        ).scalar_one()
        out.masters_without_watermark = int(unstamped)
        if unstamped:
            out.problems.append(f"{unstamped} master tables never applied")
        _check_masters(local, van, van_id, out)
    return out


def _check_masters(local: sa.Connection, van: Van, van_id: int, out: Convergence) -> None:
    """Every master row central serves this van now is here, with the same values: a
    change central made is never skipped (a watermark from a fast laptop clock would)."""
    control = metadata.tables["m_downloadmastertable"]
    psm = van.ctx.settings.provider_service_map_id
    rows = local.execute(sa.select(control).where(control.c.Deleted.is_not(True))).mappings()
    for row in rows.all():
        target = masters._target_for(row)
        request = download.parse_download(
            {**masters.request_body(row, van_id, psm), "lastDownloadDate": None}
        )
        theirs = masters.parse_rows(target, download.fetch_master_rows(van.central.engine, request))
        cols = [target.table.c[c] for c in target.columns]
        mine = {
            tuple(r[k] for k in target.key): dict(r)
            for r in local.execute(sa.select(*cols)).mappings()
        }
        stale = sum(1 for r in theirs if mine.get(tuple(r[k] for k in target.key)) != r)
        out.masters_stale += stale
        if stale:
            out.problems.append(f"{target.spec.name}: {stale} master rows differ from central")


def _check_ids(local: sa.Connection, remote: sa.Connection, van_id: int, out: Convergence) -> None:
    pool = metadata.tables[REGID]
    mapping = metadata.tables["i_beneficiarymapping"]
    used = Counter(local.execute(sa.select(mapping.c.BenRegId)).scalars())
    reused = sum(n - 1 for n in used.values() if n > 1)
    ben_ids = Counter(local.execute(sa.select(pool.c.BeneficiaryID)).scalars())
    reused += sum(n - 1 for n in ben_ids.values() if n > 1)
    provisioned = dict(
        local.execute(
            sa.select(pool.c.BenRegId, pool.c.Processed).where(pool.c.Provisioned.is_(True))
        ).all()
    )
    # A registration's ID is provisioned, and a provisioned ID belongs to one registration.
    reused += len(set(provisioned) ^ set(used))
    remote_pool = amrit_table(REGID)
    on_central = set(
        remote.execute(
            sa.select(remote_pool.c.BenRegId).where(
                remote_pool.c.VanID == van_id, remote_pool.c.Provisioned.is_(True)
            )
        ).scalars()
    )
    remote_used = Counter(
        remote.execute(sa.select(amrit_table("i_beneficiarymapping").c.BenRegId)).scalars()
    )
    reused += sum(n - 1 for n in remote_used.values() if n > 1)
    out.ids_reused = reused
    out.unsynced_ids = len(set(provisioned) ^ on_central) + sum(
        1 for p in provisioned.values() if p != "P"
    )
    if reused:
        out.problems.append(f"{reused} beneficiary IDs used twice")
    if out.unsynced_ids:
        out.problems.append(f"{out.unsynced_ids} used IDs not provisioned on central or not 'P'")


def falsely_marked(van: Van, van_id: int = 7) -> list[str]:
    """Local rows marked 'P' that central does not hold: a false success."""
    found = []
    with van.engine.connect() as local, van.central.engine.connect() as remote:
        for spec in table_specs().values():
            if not spec.synced or spec.name == REGID:
                continue
            mine, theirs = metadata.tables[spec.name], amrit_table(spec.name)
            serial, vid = spec.column("VanSerialNo").name, spec.column("VanID").name
            processed = spec.column("Processed").name
            sent = {
                _key(s, v)
                for s, v in local.execute(
                    sa.select(mine.c[serial], mine.c[vid]).where(mine.c[processed] == "P")
                )
            }
            there = {
                _key(s, v)
                for s, v in remote.execute(
                    sa.select(theirs.c[serial], theirs.c[vid]).where(theirs.c[vid] == van_id)
                )
            }
            found += [f"{spec.name} {k[0]}" for k in sorted(sent - there)]
        pool, remote_pool = metadata.tables[REGID], amrit_table(REGID)
        sent_ids = set(
            local.execute(sa.select(pool.c.BenRegId).where(pool.c.Processed == "P")).scalars()
        )
        provisioned = set(
            remote.execute(
                sa.select(remote_pool.c.BenRegId).where(remote_pool.c.Provisioned.is_(True))
            ).scalars()
        )
        found += [f"{REGID} {r}" for r in sorted(sent_ids - provisioned)]
    return found
