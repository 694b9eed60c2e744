"""A deliberately naive van client, written the way AMRIT's own van client works, so the
reliability checks can be shown to fail it (test_naive_client.py). Never shipped.

What it does, after contract sections 5.4, 6, 9.3 and 11:

- **upload**: per table in the configured order, every row whose ``Processed != 'P'``
  (so rows with a NULL ``Processed`` are never sent), in chunks of 30, with no wait for
  a parent row. ``legacy`` marking (MMU-API up to commit 2c129e37) marks the whole
  chunk ``'P'`` when the envelope says 200 and stops the run otherwise; ``head``
  marking follows the per-record answer but gives every failed row the first failure
  reason, marks a chunk whose call failed ``'F'`` and skips the rest of that table.
- **re-sends**: a call that timed out or lost its connection is sent again at once
  (``idempotent=True`` in our HTTP layer), whether or not central already applied it.
- **IDs**: whatever list central sends is stored; an ID the laptop already holds is
  overwritten as new and free (a JPA ``save`` of an existing key), even a used one.
- **masters**: ``LastDownloadDate`` is the laptop clock when the table was applied.

It reuses our HTTP transport, control-table reader and row reader, so the only
differences from our client are the decisions above.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from mmu_desktop.db.schema import metadata
from mmu_desktop.keystore import Keystore
from mmu_desktop.sync.client import AmritClient, Envelope, RetryPolicy, SyncError, Timeouts
from mmu_desktop.sync.masters import MasterDownloadPhase
from mmu_desktop.sync.report import NeverCancel, Phase, PhaseReport
from mmu_desktop.sync.upload import (
    REGID_TABLE,
    UploadSettings,
    _select_batch,
    _table_sql,
    build_request,
    load_plan,
)
from tests.sync.conftest import Van

CHUNK = 30  # AMRIT's BATCH_SIZE


@dataclass
class NaiveOptions:
    marking: str = "legacy"  # or "head"
    read_timeout: float = 1.0
    resends: int = 2  # blind re-sends after a timeout or a broken connection
    laptop_clock: Callable[[], datetime] = lambda: datetime.now(UTC)


def naive_sync(van: Van, options: NaiveOptions | None = None) -> bool:
    """One naive run of all three phases; True when none of them reported a failure."""
    options = options or NaiveOptions()
    settings = van.ctx.reload_settings()
    client = AmritClient(
        central_url=settings.central_url,
        common_url=settings.common_url,
        credentials=Keystore(van.data_dir.root).load(),
        timeouts=Timeouts(connect=2, read=options.read_timeout, upload_read=options.read_timeout),
        retry=RetryPolicy(attempts=1 + options.resends, base_delay=0.0, max_delay=0.0, budget=30),
    )
    with client:
        ok = upload(van, client, options)
        ok = download(van, client, options) and ok
        return top_up_ids(van, client) and ok


# -- upload --------------------------------------------------------------------------


def _send(client: AmritClient, body: dict[str, Any]) -> Envelope | None:
    try:
        return client.post(
            client.central_url + "dataSync/van-to-server",
            body,
            idempotent=True,  # the naive part: a lost answer means "send it again"
            read_timeout=client.timeouts.upload_read,
        )
    except SyncError:
        return None


def upload(van: Van, client: AmritClient, options: NaiveOptions) -> bool:
    settings = van.ctx.settings
    upload_settings = UploadSettings(
        synced_by=settings.user, facility_id=settings.facility_id, batch_size=CHUNK
    )
    with van.engine.connect() as conn:
        plans, _problems = load_plan(conn)
    ok = True
    for plan in plans:
        sql = _table_sql(plan, set())  # no earlier tables: no parent-before-child wait
        naive_filter = sql.processed != "P"  # NULL never matches
        if plan.table_name.lower() == REGID_TABLE:
            naive_filter = sa.and_(naive_filter, sql.table.c.Provisioned.is_(True))
        sql = dataclasses.replace(sql, not_sent=naive_filter)
        with van.engine.connect() as conn:
            everything = _select_batch(conn, plan, sql, None, 10**9)
        if everything is None:
            continue
        for start in range(0, len(everything.serials), CHUNK):
            serials = everything.serials[start : start + CHUNK]
            rows = everything.rows[start : start + CHUNK]
            envelope = _send(client, build_request(plan, rows, upload_settings))
            if options.marking == "legacy":
                if envelope is None or envelope.status_code != 200:
                    return False  # the legacy van stops the whole run
                _mark(van, sql, serials, "P", None)
                continue
            if not _mark_by_reply(van, sql, plan.table_name, serials, envelope):
                ok = False
                break  # HEAD skips the rest of this table
    return ok


def _mark_by_reply(
    van: Van, sql: Any, table_name: str, serials: list[str], envelope: Envelope | None
) -> bool:
    """HEAD's marking; False when the chunk had no success at all."""
    if envelope is None or not envelope.ok:
        reason = envelope.describe_error() if envelope else "Connection failed"
        _mark(van, sql, serials, "F", reason)
        return False
    data = envelope.data if isinstance(envelope.data, dict) else {}
    if table_name.lower() == REGID_TABLE:
        good = "success" in str(data.get("response", "")).lower()
        _mark(van, sql, serials, "P" if good else "F", None if good else "Sync failed")
        return good
    records = [r for r in data.get("records") or [] if isinstance(r, dict)]
    done = [str(r.get("vanSerialNo")) for r in records if r.get("success") is True]
    failed = [str(r.get("vanSerialNo")) for r in records if r.get("success") is not True]
    first_reason = next((str(r.get("reason")) for r in records if not r.get("success")), None)
    _mark(van, sql, done, "P", None)
    _mark(van, sql, failed, "F", first_reason)
    return bool(done)


def _mark(van: Van, sql: Any, serials: list[str], state: str, reason: str | None) -> None:
    if not serials:
        return
    values: dict[str, Any] = {sql.processed.name: state}
    if "SyncFailureReason" in sql.table.c:
        values["SyncFailureReason"] = reason or "null"
    with van.engine.begin() as conn:
        conn.execute(
            sa.update(sql.table).where(sql.serial.in_([int(s) for s in serials])).values(values)
        )


# -- masters -------------------------------------------------------------------------


@dataclass
class _NoServerClock:
    """Our client minus central's ``Date`` header: only the laptop clock is known."""

    client: AmritClient

    def download_master(self, body: dict[str, Any]) -> Envelope:
        return dataclasses.replace(self.client.download_master(body), server_date=None)


def download(van: Van, client: AmritClient, options: NaiveOptions) -> bool:
    """Apply every master table, stamping ``LastDownloadDate`` with the laptop clock."""
    settings = van.ctx.settings
    phase = MasterDownloadPhase(
        engine=van.engine,
        client=_NoServerClock(client),  # type: ignore[arg-type]
        van_id=settings.van_id,
        provider_service_map_id=settings.provider_service_map_id,
        progress=lambda _event: None,
        cancel=NeverCancel(),
        margin=timedelta(0),
        clock=options.laptop_clock,
    )
    report = PhaseReport(Phase.DOWNLOAD)
    try:
        phase.run(report)
    except SyncError:
        return False
    return report.succeeded


# -- beneficiary IDs -----------------------------------------------------------------


def top_up_ids(van: Van, client: AmritClient) -> bool:
    """Ask for IDs when the pool runs low and store whatever comes back."""
    settings = van.ctx.settings
    pool = metadata.tables[REGID_TABLE]
    with van.engine.connect() as conn:
        free = conn.execute(
            sa.select(sa.func.count())
            .select_from(pool)
            .where(pool.c.Provisioned.is_(False), pool.c.Reserved.is_(False))
        ).scalar_one()
    if free >= settings.id_pool_low_water:
        return True
    try:
        envelope = client.generate_ids(settings.id_pool_target - free, settings.van_id)
    except SyncError:
        return False
    if not envelope.ok or not isinstance(envelope.data, list):
        return False
    now = datetime.now()
    with van.engine.begin() as conn:
        for item in envelope.data:
            row = {
                "BenRegId": int(item["benRegId"]),
                "BeneficiaryID": int(item["beneficiaryId"]),
                "Provisioned": False,
                "Reserved": False,
                "Deleted": False,
                "Processed": "N",
                "CreatedDate": now,
                "CreatedBy": "admin-batch",
                "VanID": settings.van_id,
            }
            keep = {k: v for k, v in row.items() if k not in ("BenRegId", "CreatedDate")}
            conn.execute(
                sqlite_insert(pool)
                .values(row)
                .on_conflict_do_update(index_elements=[pool.c.BenRegId], set_=keep)
            )
    return True
