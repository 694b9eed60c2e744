"""Phase 2: bring master tables up to date from central (contract section 8).

One ``server-to-van`` request per ``m_downloadmastertable`` row. Each answer is checked
whole before anything is written; then the rows are upserted by primary key and the
table's watermark moved, in one transaction, so a table is either fully applied with
its watermark moved, or untouched.

The watermark is taken before the request, and never later than central's own clock
(its ``Date`` header less the round trip), minus a safety margin; so a laptop clock
that runs fast, or an edit made on central while we downloaded, is never skipped.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from mmu_desktop.db.column_list import split_column_list
from mmu_desktop.db.engine import writing
from mmu_desktop.db.schema import TableSpec, metadata, sql_type, table_specs
from mmu_desktop.sync.client import (
    AmritClient,
    AuthProblem,
    SyncError,
    TransportError,
    Unreachable,
)
from mmu_desktop.sync.crash_points import MASTER_ROWS_WRITTEN, pause_point
from mmu_desktop.sync.report import (
    CancelFlag,
    Outcome,
    Phase,
    PhaseReport,
    ProgressCallback,
    ProgressEvent,
    TableReport,
    summarise_download,
)

log = logging.getLogger(__name__)

SAFETY_MARGIN = timedelta(minutes=10)
CONTROL_TABLES = frozenset({"m_synctabledetail", "m_synctablegroup", "m_downloadmastertable"})
_DATE_FORMATS = (
    "%b %d, %Y, %I:%M:%S %p",  # Gson's default, e.g. "Jan 5, 2024, 10:15:30 AM"
    "%b %d, %Y %I:%M:%S %p",
    "%d-%m-%Y %H:%M:%S",
)


class MasterError(SyncError):
    """One master table could not be fetched or applied; it is left untouched."""


def epoch_ms(value: datetime | None) -> int | None:
    """A naive local datetime as epoch milliseconds, as Java's Jackson writes a Timestamp."""
    if value is None:
        return None
    return int(value.timestamp() * 1000)


def _as_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def request_body(
    row: sa.RowMapping, van_id: int, provider_service_map_id: int | None
) -> dict[str, Any]:
    """The ``server-to-van`` body: the whole control row, as AMRIT's van serialises it."""
    return {
        "downloadMasterTableID": row["DownloadMasterTableID"],
        "schemaName": row["SchemaName"],
        "tableName": row["TableName"],
        "serverColumnName": row["ServerColumnName"],
        "vanColumnName": row["VanColumnName"],
        "autoIncColumnName": row["AutoIncColumnName"],
        "masterType": row["MasterType"],
        "lastDownloadDate": epoch_ms(_as_datetime(row["LastDownloadDate"])),
        "deleted": bool(row["Deleted"]),
        "processed": row["Processed"],
        "createdBy": row["CreatedBy"],
        "createdDate": epoch_ms(_as_datetime(row["CreatedDate"])),
        "modifiedBy": row["ModifiedBy"],
        "lastModDate": epoch_ms(_as_datetime(row["LastModDate"])),
        "vanID": van_id,
        "providerServiceMapID": provider_service_map_id,
    }


# -- turning central's values into ours ----------------------------------------------


def parse_central_datetime(value: Any) -> datetime:
    """A date as central sends it (``YYYY-MM-DD HH:MM:SS``, ISO, Gson text, epoch ms)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value / 1000)
        except (OverflowError, OSError, ValueError):
            # An epoch beyond what the platform's clock functions hold (errno 75 here).
            raise ValueError("not a date") from None
    if not isinstance(value, str):
        raise ValueError("not a date")
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        parsed = None
    if parsed is None:
        for fmt in _DATE_FORMATS:
            try:
                parsed = datetime.strptime(text.replace("\u202f", " "), fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        raise ValueError("not a date")
    # Keep central's wall-clock time: AMRIT dates are naive local times (contract 11.13).
    return parsed.replace(tzinfo=None)


def _convert(value: Any, kind: sa.types.TypeEngine[Any]) -> Any:
    if value is None:
        return None
    if isinstance(kind, sa.Boolean):
        if isinstance(value, bool):
            return value
        if value in (0, 1, "0", "1"):
            return bool(int(value))
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise ValueError("not a yes/no value")
    if isinstance(kind, sa.Integer):
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, int):
            return value
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            return int(value)  # Gson reads every number as a double
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value.strip())
        raise ValueError("not a whole number")
    if isinstance(kind, sa.DateTime):
        return parse_central_datetime(value)
    if isinstance(kind, sa.Date):
        return parse_central_datetime(value).date()
    if isinstance(kind, sa.Numeric | sa.Float):
        if isinstance(value, bool):
            raise ValueError("not a number")
        number = float(value)
        if not math.isfinite(number):
            raise ValueError("not a finite number")
        return number
    if isinstance(value, dict | list):
        raise ValueError("not a plain value")
    return value if isinstance(value, str) else str(value)


@dataclass(frozen=True)
class _Target:
    spec: TableSpec
    table: sa.Table
    columns: list[str]  # local column names, in the order central's values come
    types: list[sa.types.TypeEngine[Any]]
    key: list[str]


def _target_for(row: sa.RowMapping) -> _Target:
    name = str(row["TableName"] or "")
    specs = table_specs()
    spec = specs.get(name) or next((s for n, s in specs.items() if n.lower() == name.lower()), None)
    if spec is None:
        raise MasterError(f"{name}: not a table this laptop knows")
    if spec.synced or spec.name in CONTROL_TABLES:
        raise MasterError(f"{name}: not a master table; refusing to overwrite it")
    try:
        listed = split_column_list(str(row["VanColumnName"] or ""))
        columns = [spec.column(entry.column).name for entry in listed]
    except (ValueError, KeyError) as exc:
        raise MasterError(f"{name}: the column list is not usable ({exc})") from exc
    if not columns or len(set(c.lower() for c in columns)) != len(columns):
        raise MasterError(f"{name}: the column list is empty or names a column twice")
    missing = [k for k in spec.primary_key if k not in columns]
    if missing:
        raise MasterError(f"{name}: the column list lacks the key {', '.join(missing)}")
    types = [sql_type(spec.column(c).type, primary_key=False) for c in columns]
    return _Target(spec, metadata.tables[spec.name], columns, types, list(spec.primary_key))


def parse_rows(target: _Target, data: Any) -> list[dict[str, Any]]:
    """Central's rows matched positionally to our column list, values converted.

    Raises:
        MasterError: the answer is not a list of rows of the expected width, or a
            value does not fit its column.
    """
    if not isinstance(data, list):
        raise MasterError(f"{target.spec.name}: central's answer is not a list of rows")
    width = len(target.columns)
    out = []
    for number, row in enumerate(data, start=1):
        if not isinstance(row, dict):
            raise MasterError(f"{target.spec.name}: row {number} of central's answer is garbled")
        if len(row) != width:
            raise MasterError(
                f"{target.spec.name}: central sent {len(row)} values per row, we expect {width}"
            )
        converted: dict[str, Any] = {}
        for column, kind, value in zip(target.columns, target.types, row.values(), strict=True):
            try:
                converted[column] = _convert(value, kind)
            except (ValueError, TypeError, OverflowError) as exc:
                raise MasterError(
                    f"{target.spec.name}: row {number}, column {column}: {exc}"
                ) from exc
        if any(converted[k] is None for k in target.key):
            raise MasterError(f"{target.spec.name}: row {number} has no key")
        out.append(converted)
    return out


def apply_rows(conn: sa.Connection, target: _Target, rows: Sequence[dict[str, Any]]) -> int:
    """Upsert ``rows`` by primary key (inside the caller's transaction).

    Returns:
        How many rows were new or differed from the stored row; a row that came again
        unchanged (the watermark's safety margin) is not written and not counted.
    """
    if not rows:
        return 0
    stmt = sqlite_insert(target.table)
    updates = {c: stmt.excluded[c] for c in target.columns if c not in target.key}
    if updates:
        differs = sa.or_(*(target.table.c[c].is_distinct_from(stmt.excluded[c]) for c in updates))
        stmt = stmt.on_conflict_do_update(index_elements=target.key, set_=updates, where=differs)
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=target.key)
    changed = 0
    for start in range(0, len(rows), 500):
        part = list(rows[start : start + 500])
        for row in part:  # one by one: rowcount is per statement, and SQLite is local
            changed += max(conn.execute(stmt, row).rowcount, 0)
    return changed


@dataclass
class MasterDownloadPhase:
    """Phase 2 over one database and one central."""

    engine: sa.Engine
    client: AmritClient
    van_id: int
    provider_service_map_id: int | None
    progress: ProgressCallback
    cancel: CancelFlag
    margin: timedelta = SAFETY_MARGIN
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))

    def run(self, report: PhaseReport) -> None:
        """Fetch and apply every master table, filling ``report``.

        Raises:
            AuthProblem: central no longer accepts our sign-in; ``report`` is complete.
        """
        control = metadata.tables["m_downloadmastertable"]
        with self.engine.connect() as conn:
            rows = (
                conn.execute(
                    sa.select(control)
                    .where(control.c.Deleted.is_not(True))
                    .order_by(control.c.DownloadMasterTableID)
                )
                .mappings()
                .all()
            )
        total = len(rows)
        self.progress(ProgressEvent("phase_started", Phase.DOWNLOAD, total=total))
        stop: Outcome | None = None
        auth_problem: AuthProblem | None = None
        for done, row in enumerate(rows, start=1):
            table_report = TableReport(str(row["TableName"]))
            report.tables.append(table_report)
            if stop is None and self.cancel.is_set():
                stop = Outcome.CANCELLED
            if stop is not None:
                table_report.outcome = Outcome.NOT_RUN
                continue
            self.progress(
                ProgressEvent(
                    "table_started",
                    Phase.DOWNLOAD,
                    table=table_report.table,
                    done=done - 1,
                    total=total,
                )
            )
            try:
                table_report.received, table_report.changed = self._download_one(row)
                table_report.outcome = Outcome.SUCCESS
            except AuthProblem as exc:
                auth_problem, stop = exc, Outcome.STOPPED
                table_report.outcome = Outcome.FAILED
                table_report.errors.append(str(exc))
            except TransportError as exc:
                # Central cannot be reached: the other tables would only time out too.
                if isinstance(exc, Unreachable):
                    report.stop_reason = str(exc)
                table_report.outcome = Outcome.FAILED
                table_report.errors.append(str(exc))
                report.errors.append(str(exc))
                stop = Outcome.FAILED
            except SyncError as exc:
                log.warning("master %s not applied: %s", table_report.table, type(exc).__name__)
                table_report.outcome = Outcome.FAILED
                table_report.errors.append(str(exc))
            except sa.exc.SQLAlchemyError as exc:
                log.warning("master %s not applied: %s", table_report.table, type(exc).__name__)
                table_report.outcome = Outcome.FAILED
                table_report.errors.append(
                    f"{table_report.table}: the rows could not be stored ({type(exc).__name__})"
                )
            self.progress(
                ProgressEvent(
                    "table_done", Phase.DOWNLOAD, table=table_report.table, done=done, total=total
                )
            )
        report.outcome = _phase_outcome(report.tables)
        if stop in (Outcome.CANCELLED, Outcome.STOPPED):
            report.outcome = stop
        report.summary = summarise_download(report)
        if auth_problem is not None:
            report.errors.append(str(auth_problem))
            raise auth_problem

    def _download_one(self, row: sa.RowMapping) -> tuple[int, int]:
        target = _target_for(row)
        body = request_body(row, self.van_id, self.provider_service_map_id)
        before = self.clock()
        started = time.monotonic()
        envelope = self.client.download_master(body)
        elapsed = timedelta(seconds=time.monotonic() - started)
        if not envelope.ok:
            raise MasterError(f"{target.spec.name}: {envelope.describe_error()}")
        rows = parse_rows(target, envelope.data)

        basis = before
        if envelope.server_date is not None:
            # Central's clock, less the whole round trip, is no later than its query.
            basis = min(basis, envelope.server_date - elapsed - timedelta(seconds=1))
        watermark = (basis - self.margin).astimezone().replace(tzinfo=None, microsecond=0)

        control = metadata.tables["m_downloadmastertable"]
        with writing(self.engine) as conn:
            changed = apply_rows(conn, target, rows)
            pause_point(MASTER_ROWS_WRITTEN)
            conn.execute(
                sa.update(control)
                .where(control.c.DownloadMasterTableID == row["DownloadMasterTableID"])
                .values(LastDownloadDate=watermark)
            )
        log.info("master %s: %d rows received, %d changed", target.spec.name, len(rows), changed)
        return len(rows), changed


def _phase_outcome(tables: Sequence[TableReport]) -> Outcome:
    if not tables:
        return Outcome.NO_DATA
    good = sum(1 for t in tables if t.outcome == Outcome.SUCCESS)
    if good == len(tables):
        return Outcome.SUCCESS
    return Outcome.PARTIAL if good else Outcome.FAILED
