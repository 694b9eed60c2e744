"""Phase 3: keep the pool of centrally made beneficiary IDs full (contract section 9).

When fewer free IDs are left than the low-water mark (or none at all), the pool is
topped up to its target with ``generateBeneficiaryIDs`` calls on Common-API. Every
answer is checked strictly before anything is stored: a malformed answer, or one that
repeats an ID this laptop already holds, is refused whole, so no ID is ever given out
twice. Each answer is stored in its own transaction, so a dropped link keeps what came.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from mmu_desktop.db import id_pool
from mmu_desktop.db.engine import writing
from mmu_desktop.sync.client import AmritClient, AuthProblem, SyncError, Unreachable
from mmu_desktop.sync.crash_points import IDS_WRITTEN, pause_point
from mmu_desktop.sync.report import (
    CancelFlag,
    Outcome,
    Phase,
    PhaseReport,
    ProgressCallback,
    ProgressEvent,
)

log = logging.getLogger(__name__)

IDS_PER_REQUEST = 1000
BENEFICIARY_ID_DIGITS = 12


class BadIdBatch(SyncError):
    """Central's batch of IDs cannot be trusted; none of it was stored."""


def _whole_number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit():
            number = int(text)
            return number if number > 0 else None
    return None


def parse_id_batch(data: Any, requested: int) -> list[tuple[int, int]]:
    """``(BenRegId, BeneficiaryID)`` pairs from central's ``data``, checked strictly.

    Raises:
        BadIdBatch: not a list of objects, an ID that is not a positive whole number,
            a BeneficiaryID that is not 12 digits, a repeated ID, or more IDs than asked.
    """
    if not isinstance(data, list):
        raise BadIdBatch("Central's answer does not hold a list of IDs.")
    if not data:
        raise BadIdBatch("Central sent no IDs.")
    if len(data) > requested:
        raise BadIdBatch(f"Central sent {len(data)} IDs where {requested} were asked for.")
    pairs: list[tuple[int, int]] = []
    reg_ids: set[int] = set()
    ben_ids: set[int] = set()
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise BadIdBatch(f"Entry {number} of central's ID list is not an object.")
        reg = _whole_number(item.get("benRegId"))
        ben = _whole_number(item.get("beneficiaryId"))
        if reg is None or ben is None:
            raise BadIdBatch(f"Entry {number} of central's ID list lacks a usable ID.")
        if len(str(ben)) != BENEFICIARY_ID_DIGITS:
            raise BadIdBatch(f"Entry {number}: a beneficiary ID must have 12 digits.")
        if reg in reg_ids or ben in ben_ids:
            raise BadIdBatch("Central's ID list names the same ID twice.")
        reg_ids.add(reg)
        ben_ids.add(ben)
        pairs.append((reg, ben))
    return pairs


class _AlreadyHeld(Exception):
    pass


def store_batch(engine: sa.Engine, pairs: list[tuple[int, int]], van_id: int, now: datetime) -> int:
    """Store a checked batch, or nothing if any ID in it is already on this laptop.

    Raises:
        BadIdBatch: the batch repeats an ID this laptop holds.
    """
    try:
        with writing(engine) as conn:
            stored = id_pool.store_new_ids(conn, pairs, van_id, now)
            pause_point(IDS_WRITTEN)
            if stored.already_held:
                raise _AlreadyHeld
    except _AlreadyHeld:
        raise BadIdBatch(
            "Central sent IDs this laptop already holds, so the whole batch was refused "
            "and none of it stored."
        ) from None
    return stored.added


@dataclass
class BeneficiaryIdPhase:
    """Phase 3: top the ID pool up to ``target`` when it falls under ``low_water``."""

    engine: sa.Engine
    client: AmritClient
    van_id: int
    target: int
    low_water: int
    progress: ProgressCallback
    cancel: CancelFlag
    per_request: int = IDS_PER_REQUEST
    now: Callable[[], datetime] = field(default=lambda: datetime.now().replace(microsecond=0))

    def available(self) -> int:
        with self.engine.connect() as conn:
            # Only IDs central issued to this van can be used here.
            return id_pool.available_count(conn, self.van_id)

    def run(self, report: PhaseReport) -> None:
        """Top the pool up if it is low, filling ``report``.

        Raises:
            AuthProblem: central no longer accepts our sign-in.
        """
        before = self.available()
        report.ids_before = before
        report.ids_after = before
        if before > 0 and before >= self.low_water:
            report.outcome = Outcome.NO_DATA
            report.summary = f"{before} beneficiary IDs in the pool; no top-up needed."
            return
        wanted = max(self.target - before, 0)
        if wanted == 0:
            report.outcome = Outcome.NO_DATA
            report.summary = f"{before} beneficiary IDs in the pool."
            return

        self.progress(ProgressEvent("phase_started", Phase.IDS, total=wanted))
        added = 0
        # A short answer is fine (we ask again), but never loop without bound.
        max_requests = -(-wanted // self.per_request) + 3
        for _ in range(max_requests):
            if added >= wanted:
                break
            if self.cancel.is_set():
                report.outcome = Outcome.CANCELLED
                break
            ask = min(self.per_request, wanted - added)
            try:
                envelope = self.client.generate_ids(ask, self.van_id)
                if not envelope.ok:
                    raise SyncError(f"Central could not make IDs: {envelope.describe_error()}")
                pairs = parse_id_batch(envelope.data, ask)
                stored = store_batch(self.engine, pairs, self.van_id, self.now())
            except SyncError as exc:
                if isinstance(exc, BadIdBatch):
                    log.warning("ID batch refused: %s", exc)
                report.errors.append(str(exc))
                if isinstance(exc, Unreachable):
                    report.stop_reason = str(exc)
                if isinstance(exc, AuthProblem):
                    report.outcome = Outcome.STOPPED
                    self._finish(report, added)
                    raise
                break
            added += stored
            log.info("stored %d new beneficiary IDs", stored)
            self.progress(ProgressEvent("batch_done", Phase.IDS, done=added, total=wanted))
        self._finish(report, added)

    def _finish(self, report: PhaseReport, added: int) -> None:
        after = self.available()
        report.ids_added = added
        report.ids_after = after
        if report.outcome not in (Outcome.CANCELLED, Outcome.STOPPED):
            if not report.errors and after >= self.target:
                report.outcome = Outcome.SUCCESS
            else:
                report.outcome = Outcome.PARTIAL if added else Outcome.FAILED
        report.summary = f"{added} new beneficiary IDs stored; {after} in the pool."
        if report.errors:
            report.summary += f" {report.errors[-1]}"
