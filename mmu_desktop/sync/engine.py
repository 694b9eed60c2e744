"""Running a sync: check it can run, take the lock, run the phases, record the run.

``prepare()`` is a pure check that returns either a ``SyncPlan`` or a ``NotReady``
reason a person can act on. ``run_sync()`` runs the plan's phases (upload, master
download, beneficiary IDs, in that order) on the calling thread, reporting through a
progress callback and checking a cancel flag between batches; the Qt panel calls it
from a worker thread. Only one sync runs per data dir at a time, across processes,
through a lock file that the OS releases when its holder dies.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

import sqlalchemy as sa

from mmu_desktop.db import sync_history
from mmu_desktop.db.schema import metadata, table_specs
from mmu_desktop.keystore import Credentials, Keystore, KeystoreError, keyring_available
from mmu_desktop.paths import DataDir
from mmu_desktop.settings import Settings
from mmu_desktop.sync.beneficiary_ids import BeneficiaryIdPhase
from mmu_desktop.sync.client import (
    AmritClient,
    AuthProblem,
    RetryPolicy,
    SessionExpired,
    Timeouts,
)
from mmu_desktop.sync.masters import MasterDownloadPhase
from mmu_desktop.sync.report import (
    ALL_PHASES,
    CancelFlag,
    NeverCancel,
    Outcome,
    Phase,
    PhaseReport,
    ProgressCallback,
    ProgressEvent,
    RunReport,
    ignore_progress,
)
from mmu_desktop.sync.upload import UploadPhase, UploadSettings

log = logging.getLogger(__name__)

SIGN_IN_FIRST = (
    "Sign in to the central server first (the Sign in button, or 'mmu-desktop login --user NAME')."
)
MIN_REQUEST_BYTES = 2_000
NO_KEYRING_SIGN_IN = (
    "Sign in to the central server first. This computer has no password keyring, so a "
    "sign-in made by an earlier 'mmu-desktop login' was not kept: sign in and sync in one "
    "go with 'mmu-desktop sync --user NAME --password-stdin' (password on stdin)."
)
BUSY = "Another sync is already running for this data folder; wait for it to finish."
CLOCK_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True)
class SyncPlan:
    """Everything a run needs, checked."""

    data_dir: DataDir
    settings: Settings
    credentials: Credentials
    phases: tuple[Phase, ...]


@dataclass(frozen=True)
class NotReady:
    """Why a sync cannot start, in words a person can act on."""

    reason: str
    needs_sign_in: bool = False


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def prepare(
    data_dir: DataDir,
    settings: Settings,
    phases: Sequence[Phase] | None = None,
    keystore: Keystore | None = None,
    credentials: Credentials | None = None,
) -> SyncPlan | NotReady:
    """Check that a sync of ``phases`` (all three by default) can start.

    ``credentials`` from a sign-in made in this process are used as they are (kept in
    memory only); otherwise the keystore's are.
    """
    wanted = tuple(p for p in ALL_PHASES if phases is None or p in phases)
    if not wanted:
        return NotReady("No sync phase was chosen.")
    needs_central = Phase.UPLOAD in wanted or Phase.DOWNLOAD in wanted
    missing: list[str] = []
    if needs_central and not settings.central_url:
        missing.append("central-url")
    if Phase.IDS in wanted and not settings.common_url:
        missing.append("common-url")
    if settings.van_id is None:
        missing.append("van-id")
    if Phase.DOWNLOAD in wanted and settings.provider_service_map_id is None:
        missing.append("provider-service-map-id")
    if Phase.UPLOAD in wanted and not settings.user:
        missing.append("user")
    if missing:
        return NotReady(
            "The van is not set up for sync: set "
            + ", ".join(missing)
            + " (Settings, or 'mmu-desktop config set KEY VALUE')."
        )
    if credentials is None:
        store = keystore or Keystore(data_dir.root)
        try:
            credentials = store.load()
        except KeystoreError as exc:
            return NotReady(f"{exc}. Unlock the keyring or sign in again.", needs_sign_in=True)
    if credentials is None:
        reason = SIGN_IN_FIRST if keyring_available() else NO_KEYRING_SIGN_IN
        return NotReady(reason, needs_sign_in=True)
    return SyncPlan(data_dir, settings, credentials, wanted)


# -- one sync at a time --------------------------------------------------------------


class SyncBusy(Exception):
    """Another sync holds this data dir's lock."""


_held_in_process: set[str] = set()
_held_guard = threading.Lock()


def _lock_file(handle: IO[str]) -> bool:
    if os.name == "nt":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock_file(handle: IO[str]) -> None:
    if os.name == "nt":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            pass
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@contextmanager
def sync_lock(path: Path) -> Iterator[None]:
    """Hold the sync lock at ``path`` for the block.

    The OS drops the lock when the holding process ends, however it ends, so a
    killed sync never leaves the data dir stuck.

    Raises:
        SyncBusy: another process or thread holds it.
    """
    key = str(path.resolve())
    with _held_guard:
        if key in _held_in_process:
            raise SyncBusy(BUSY)
        _held_in_process.add(key)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        with os.fdopen(fd, "r+", encoding="ascii") as handle:
            if not _lock_file(handle):
                raise SyncBusy(BUSY)
            try:
                handle.seek(0)
                handle.truncate()
                handle.write(f"{os.getpid()}\n")
                handle.flush()
                yield
            finally:
                _unlock_file(handle)
    finally:
        with _held_guard:
            _held_in_process.discard(key)


# -- the run -------------------------------------------------------------------------


@dataclass
class RunOptions:
    """Knobs tests and IT may turn; the defaults suit a van on a slow link."""

    timeouts: Timeouts = field(default_factory=Timeouts)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    client_factory: Callable[[SyncPlan], AmritClient] | None = None
    max_request_bytes: int | None = None  # overrides the setting (tests)
    # How the upload goes on the wire (benchmarks send AMRIT's own way with 1 and False).
    requests_in_flight: int = 2
    lean_rows: bool = True
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))  # aware


def _make_client(plan: SyncPlan, options: RunOptions) -> AmritClient:
    if options.client_factory is not None:
        return options.client_factory(plan)
    return AmritClient(
        central_url=plan.settings.central_url,
        common_url=plan.settings.common_url,
        credentials=plan.credentials,
        timeouts=options.timeouts,
        retry=options.retry,
    )


def run_sync(
    plan: SyncPlan | NotReady,
    engine: sa.Engine,
    *,
    progress: ProgressCallback = ignore_progress,
    cancel: CancelFlag | None = None,
    options: RunOptions | None = None,
) -> RunReport:
    """Run the plan's phases and return the run's report (also stored in history).

    A ``NotReady`` or a busy lock gives a report that says why nothing ran. A known
    failure never raises: it is in the report. Anything else is a bug and is raised
    after the run is recorded.
    """
    cancel = cancel or NeverCancel()
    options = options or RunOptions()
    if isinstance(plan, NotReady):
        report = RunReport(phases_requested=[], started=_now(), finished=_now())
        report.stop_reason = plan.reason
        report.needs_sign_in = plan.needs_sign_in
        report.summary = plan.reason
        return report
    try:
        with sync_lock(plan.data_dir.sync_lock):
            return _run_locked(plan, engine, progress, cancel, options)
    except SyncBusy as exc:
        report = RunReport(phases_requested=list(plan.phases), started=_now(), finished=_now())
        report.stop_reason = str(exc)
        report.summary = str(exc)
        return report


def _run_locked(
    plan: SyncPlan,
    engine: sa.Engine,
    progress: ProgressCallback,
    cancel: CancelFlag,
    options: RunOptions,
) -> RunReport:
    report = RunReport(phases_requested=list(plan.phases), started=_now())
    report.run_id = sync_history.start_run(engine, [str(p) for p in plan.phases], report.started)
    log.info("sync run %d started: %s", report.run_id, ",".join(plan.phases))
    client = _make_client(plan, options)
    bug: BaseException | None = None
    try:
        for phase in plan.phases:
            phase_report = PhaseReport(phase)
            report.phases.append(phase_report)
            if report.stop_reason:
                phase_report.outcome = Outcome.STOPPED
                phase_report.summary = "Not run: " + report.stop_reason
                continue
            if cancel.is_set():
                phase_report.outcome = Outcome.CANCELLED
                report.cancelled = True
                continue
            phase_report.started = _now()
            try:
                _run_phase(phase, plan, engine, client, phase_report, progress, cancel, options)
            except AuthProblem as exc:
                report.stop_reason = str(exc)
                report.needs_sign_in = isinstance(exc, SessionExpired)
                phase_report.outcome = Outcome.STOPPED
            except sa.exc.OperationalError as exc:
                # Busy, read-only or full disk: known, and a person can act on it.
                message = (
                    "The local database could not be written (it may be busy, read-only "
                    f"or the disk full): {type(exc.orig).__name__ if exc.orig else 'error'}."
                )
                phase_report.errors.append(message)
                phase_report.outcome = Outcome.FAILED
                report.stop_reason = message
            except Exception as exc:  # a bug: record the run, then let it surface
                log.exception("sync phase %s failed with an unexpected error", phase)
                phase_report.errors.append(f"Internal error ({type(exc).__name__}).")
                phase_report.outcome = Outcome.FAILED
                report.stop_reason = "The sync stopped because of an internal error."
                bug = exc
            finally:
                phase_report.finished = _now()
            if phase_report.stop_reason and not report.stop_reason:
                # Central cannot be reached: later phases would only fail the same way.
                report.stop_reason = phase_report.stop_reason
            if phase_report.outcome == Outcome.CANCELLED:
                report.cancelled = True
            progress(
                ProgressEvent(
                    "phase_done", phase, message=phase_report.summary or str(phase_report.outcome)
                )
            )
    finally:
        client.close()
        report.finished = _now()
        report.clock_warning = _check_clock(engine, client, options.clock)
        report.summary = _summary(report)
        try:
            sync_history.finish_run(engine, report.run_id, report.to_dict())
        except sa.exc.SQLAlchemyError:
            log.exception("could not record sync run %d", report.run_id)
        log.info("sync run %d finished: succeeded=%s", report.run_id, report.succeeded)
    if bug is not None:
        raise bug
    return report


def _run_phase(
    phase: Phase,
    plan: SyncPlan,
    engine: sa.Engine,
    client: AmritClient,
    out: PhaseReport,
    progress: ProgressCallback,
    cancel: CancelFlag,
    options: RunOptions,
) -> None:
    settings = plan.settings
    max_bytes = options.max_request_bytes or settings.upload_max_request_bytes
    assert settings.van_id is not None
    if phase == Phase.UPLOAD:
        upload_settings = UploadSettings(
            synced_by=settings.user,
            facility_id=settings.facility_id,
            batch_size=max(1, settings.upload_batch_size),
            max_request_bytes=max(MIN_REQUEST_BYTES, max_bytes),
            lean_rows=options.lean_rows,
            requests_in_flight=max(1, options.requests_in_flight),
        )
        UploadPhase(engine, client, upload_settings, progress, cancel).run(out)
    elif phase == Phase.DOWNLOAD:
        MasterDownloadPhase(
            engine,
            client,
            settings.van_id,
            settings.provider_service_map_id,
            progress,
            cancel,
            clock=options.clock,
        ).run(out)
    else:
        BeneficiaryIdPhase(
            engine,
            client,
            settings.van_id,
            target=settings.id_pool_target,
            low_water=settings.id_pool_low_water,
            progress=progress,
            cancel=cancel,
        ).run(out)


# -- the clock check ------------------------------------------------------------------


def clock_warning(
    laptop_now: datetime, server_now: datetime | None, newest_stored: datetime | None
) -> str:
    """A plain warning when the laptop clock looks wrong by more than five minutes, or "".

    Args:
        laptop_now: the laptop clock, timezone-aware.
        server_now: central's clock from its HTTP ``Date`` header, aware, if known.
        newest_stored: the newest time this laptop stamped on a record (naive local).
    """
    if server_now is not None:
        offset = laptop_now - server_now
        if abs(offset) > CLOCK_TOLERANCE:
            minutes = round(abs(offset).total_seconds() / 60)
            side = "ahead of" if offset > timedelta(0) else "behind"
            return (
                f"The laptop clock is about {minutes} minutes {side} the central server's "
                f"(laptop {_local(laptop_now)}, central {_local(server_now)}). Set the "
                "laptop's date and time: records saved now get the wrong date."
            )
    local_now = laptop_now.astimezone().replace(tzinfo=None)
    if newest_stored is not None and newest_stored - local_now > CLOCK_TOLERANCE:
        return (
            f"Records on this laptop are dated as late as {newest_stored:%Y-%m-%d %H:%M}, "
            f"after the laptop clock's time now ({local_now:%Y-%m-%d %H:%M}): the clock is "
            "wrong now or was wrong then. Check the laptop's date and time."
        )
    return ""


def _local(moment: datetime) -> str:
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"


def newest_stored_time(engine: sa.Engine) -> datetime | None:
    """The newest ``LastModDate`` or ``CreatedDate`` on any record this laptop sends."""
    newest: datetime | None = None
    with engine.connect() as conn:
        for spec in table_specs().values():
            if not spec.synced:
                continue
            tbl = metadata.tables[spec.name]
            for name in ("LastModDate", "CreatedDate"):
                try:
                    column = tbl.c[spec.column(name).name]
                except KeyError:
                    continue
                value = conn.execute(sa.select(sa.func.max(column))).scalar()
                if isinstance(value, datetime) and (newest is None or value > newest):
                    newest = value
    return newest


def _check_clock(engine: sa.Engine, client: AmritClient, clock: Callable[[], datetime]) -> str:
    laptop_now = clock()
    server_now = None
    if client.server_clock is not None:
        date, seen_at = client.server_clock
        server_now = date + timedelta(seconds=time.monotonic() - seen_at)
    try:
        newest = newest_stored_time(engine)
    except sa.exc.SQLAlchemyError:
        newest = None
    warning = clock_warning(laptop_now, server_now, newest)
    if warning:
        log.warning("clock check: %s", warning)
    return warning


def _summary(report: RunReport) -> str:
    parts = [p.summary for p in report.phases if p.summary and p.outcome != Outcome.STOPPED]
    if report.cancelled:
        parts.append("The sync was cancelled; the rest goes next time.")
    if report.stop_reason:
        parts.insert(0, report.stop_reason)
    elif report.succeeded:
        parts.insert(0, "Sync finished.")
    else:
        parts.insert(0, "Sync finished with problems.")
    if report.clock_warning:
        parts.append(report.clock_warning)
    return " ".join(parts)
