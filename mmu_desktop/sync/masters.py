"""Phase 2: bring master tables up to date from central (contract section 8).

One ``server-to-van`` request per ``m_downloadmastertable`` row. A table is either fully
applied with its watermark moved, or untouched. A big answer (a state's 100,000 villages)
must not hold the database's write lock for seconds, or a nurse saving a registration
meanwhile would wait, and past the busy timeout fail. So each answer is converted and
checked a chunk at a time into a private TEMP table, without the write lock; rows equal
to the stored ones are dropped there; then one short transaction merges what is left
by primary key and moves the watermark. Only one chunk of converted rows is in memory
at a time.

The watermark is taken before the request, and never later than central's own clock
(its ``Date`` header less the round trip), minus a safety margin; so a laptop clock
that runs fast, or an edit made on central while we downloaded, is never skipped.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from mmu_desktop.db.column_list import split_column_list
from mmu_desktop.db.schema import TableSpec, metadata, sql_type, table_specs
from mmu_desktop.sync.client import (
    AmritClient,
    AuthProblem,
    Envelope,
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


Converter = Callable[[Any], Any]


def _to_bool(value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if value in (0, 1, "0", "1"):
        return bool(int(value))
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise ValueError("not a yes/no value")


def _to_int(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)  # Gson reads every number as a double
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    raise ValueError("not a whole number")


def _to_datetime(value: Any) -> Any:
    if type(value) is str:
        try:  # the usual case, date_format's "YYYY-MM-DD HH:MM:SS": one C call
            parsed = datetime.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is not None and parsed.tzinfo is None:
            return parsed
    return None if value is None else parse_central_datetime(value)


def _to_date(value: Any) -> Any:
    return None if value is None else parse_central_datetime(value).date()


def _to_float(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("not a number")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("not a finite number")
    return number


def _to_text(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dict | list):
        raise ValueError("not a plain value")
    return str(value)


def converter_for(kind: sa.types.TypeEngine[Any]) -> Converter:
    """The function turning central's value for a column of type ``kind`` into ours.

    Chosen once per column, not once per value: a big table has millions of values.
    """
    if isinstance(kind, sa.Boolean):
        return _to_bool
    if isinstance(kind, sa.Integer):
        return _to_int
    if isinstance(kind, sa.DateTime):
        return _to_datetime
    if isinstance(kind, sa.Date):
        return _to_date
    if isinstance(kind, sa.Numeric | sa.Float):
        return _to_float
    return _to_text


@dataclass(frozen=True)
class _Target:
    spec: TableSpec
    table: sa.Table
    columns: list[str]  # local column names, in the order central's values come
    types: list[sa.types.TypeEngine[Any]]
    key: list[str]
    converters: list[Converter]  # converter_for each column, in ``columns`` order


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
    return _Target(
        spec,
        metadata.tables[spec.name],
        columns,
        types,
        list(spec.primary_key),
        [converter_for(kind) for kind in types],
    )


def convert_row(target: _Target, number: int, row: Any) -> list[Any]:
    """Row ``number`` (from 1) of central's answer as our values, in ``target.columns`` order.

    Central's values are matched to our columns by position, as AMRIT's van does.

    Raises:
        MasterError: the row is not an object of the expected width, a value does not
            fit its column, or the key is missing.
    """
    name = target.spec.name
    if not isinstance(row, dict):
        raise MasterError(f"{name}: row {number} of central's answer is garbled")
    if len(row) != len(target.columns):
        raise MasterError(
            f"{name}: central sent {len(row)} values per row, we expect {len(target.columns)}"
        )
    values = list(row.values())
    index = 0
    try:
        for index, convert in enumerate(target.converters):
            values[index] = convert(values[index])
    except (ValueError, TypeError, OverflowError) as exc:
        raise MasterError(f"{name}: row {number}, column {target.columns[index]}: {exc}") from exc
    for key in target.key:
        if values[target.columns.index(key)] is None:
            raise MasterError(f"{name}: row {number} has no key")
    return values


def parse_rows(target: _Target, data: Any) -> list[dict[str, Any]]:
    """Central's rows matched positionally to our column list, values converted.

    Raises:
        MasterError: the answer is not a list of rows of the expected width, or a
            value does not fit its column.
    """
    if not isinstance(data, list):
        raise MasterError(f"{target.spec.name}: central's answer is not a list of rows")
    return [
        dict(zip(target.columns, convert_row(target, number, row), strict=True))
        for number, row in enumerate(data, start=1)
    ]


# -- applying: stage without the write lock, then one short merge ---------------------

STAGE_CHUNK = 2_000  # rows converted and staged per step: bounds memory and each step


def _stage_table(target: _Target) -> sa.Table:
    """A TEMP table shaped like ``target``'s columns: private to one connection.

    Writing it takes no lock on the laptop's database, so forms can save meanwhile.
    """
    columns = [
        sa.Column(name, target.table.c[name].type, primary_key=name in target.key)
        for name in target.columns
    ]
    return sa.Table(
        f"mmu_stage_{target.spec.name}", sa.MetaData(), *columns, prefixes=["TEMPORARY"]
    )


def stage_rows(conn: sa.Connection, target: _Target, stage: sa.Table, data: Any) -> int:
    """Convert central's rows into ``stage`` a chunk at a time; return how many came.

    Each chunk is committed (to the TEMP table only) so no transaction stays open on
    the laptop's database. A key that comes twice keeps its last row, as upserting the
    rows one after another would. The values go to SQLite as plain tuples, through
    each column type's own bind processor: the same stored form as any other insert,
    without building a parameter dict per row.

    Raises:
        MasterError: the answer or one of its rows is not usable; ``stage`` then holds
            part of the answer and must be thrown away.
    """
    if not isinstance(data, list):
        raise MasterError(f"{target.spec.name}: central's answer is not a list of rows")
    compiled = sa.insert(stage).prefix_with("OR REPLACE").compile(dialect=conn.dialect)
    if list(compiled.positiontup or []) != target.columns:
        raise MasterError(f"{target.spec.name}: the staging statement lists other columns")
    # SQLAlchemy's own storage forms, e.g. a DATETIME as its text and a yes/no as 0/1.
    processors = []
    for index, name in enumerate(target.columns):
        kind = stage.c[name].type
        process = kind.dialect_impl(conn.dialect).bind_processor(conn.dialect)
        if process is not None:
            processors.append((index, process))
    for start in range(0, len(data), STAGE_CHUNK):
        chunk = []
        for number, row in enumerate(data[start : start + STAGE_CHUNK], start=start + 1):
            values = convert_row(target, number, row)
            for index, process in processors:
                values[index] = process(values[index])
            chunk.append(tuple(values))
        conn.exec_driver_sql(compiled.string, chunk)
        conn.commit()
    return len(data)


def _differs(target: _Target, other: Any) -> sa.ColumnElement[bool] | None:
    """True where a stored row differs from ``other`` (None: only the key is listed)."""
    values = [c for c in target.columns if c not in target.key]
    if not values:
        return None
    return sa.or_(*(target.table.c[c].is_distinct_from(other[c]) for c in values))


def drop_unchanged(conn: sa.Connection, target: _Target, stage: sa.Table) -> None:
    """Delete from ``stage`` the rows the laptop already holds exactly so.

    Done before the write transaction, so a table central sends again unchanged (a
    reset watermark, the safety margin) costs the write lock nothing.
    """
    same_key = [target.table.c[k] == stage.c[k] for k in target.key]
    same_values = [
        target.table.c[c].is_not_distinct_from(stage.c[c])
        for c in target.columns
        if c not in target.key
    ]
    conn.execute(sa.delete(stage).where(sa.exists().where(*same_key, *same_values)))
    conn.commit()


def merge_stage(conn: sa.Connection, target: _Target, stage: sa.Table) -> int:
    """Upsert every row of ``stage`` into the table by key (in the caller's transaction).

    Returns:
        How many rows were new or differed from the stored row; a row equal to the
        stored one is not written and not counted.
    """
    # "WHERE true": SQLite's parser needs a WHERE before ON CONFLICT in INSERT ... SELECT.
    rows = sa.select(*(stage.c[c] for c in target.columns)).where(sa.true())
    stmt = sqlite_insert(target.table).from_select(target.columns, rows)
    updates = {c: stmt.excluded[c] for c in target.columns if c not in target.key}
    if updates:
        differs = _differs(target, stmt.excluded)
        stmt = stmt.on_conflict_do_update(index_elements=target.key, set_=updates, where=differs)
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=target.key)
    return max(conn.execute(stmt).rowcount, 0)


PREFETCH = 4  # requests in flight at once for tables with a watermark (small answers)


@dataclass(frozen=True)
class _Fetched:
    """One table's answer, with when it was asked for and how long it took."""

    envelope: Envelope
    before: datetime  # our clock just before the request
    elapsed: timedelta


def _incremental(row: sa.RowMapping) -> bool:
    """A table downloaded before: central sends only what changed since, usually little."""
    return row["LastDownloadDate"] is not None


@dataclass
class MasterDownloadPhase:
    """Phase 2 over one database and one central.

    Tables are applied one at a time in ``DownloadMasterTableID`` order. Requests for
    tables that have a watermark are sent up to ``PREFETCH`` at a time ahead of that
    order, so their round trips overlap: on a rural link each one costs a third of a
    second even when nothing changed. A table downloaded for the first time may be
    large, so it is asked for only in its turn, keeping one big answer in memory.
    """

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
        ahead: dict[int, Future[_Fetched]] = {}  # requests sent, by index in ``rows``
        with ThreadPoolExecutor(PREFETCH, thread_name_prefix="master-download") as pool:
            for done, row in enumerate(rows, start=1):
                table_report = TableReport(str(row["TableName"]))
                report.tables.append(table_report)
                if stop is None and self.cancel.is_set():
                    stop = Outcome.CANCELLED
                if stop is not None:
                    table_report.outcome = Outcome.NOT_RUN
                    continue
                self._send_ahead(pool, rows, done - 1, ahead)
                self.progress(
                    ProgressEvent(
                        "table_started",
                        Phase.DOWNLOAD,
                        table=table_report.table,
                        done=done - 1,
                        total=total,
                    )
                )
                stop, problem = self._one_table(
                    row, ahead.pop(done - 1, None), table_report, report
                )
                auth_problem = auth_problem or problem
                self.progress(
                    ProgressEvent(
                        "table_done",
                        Phase.DOWNLOAD,
                        table=table_report.table,
                        done=done,
                        total=total,
                    )
                )
            for future in ahead.values():  # the run stopped: answers no longer wanted
                future.cancel()
        report.outcome = _phase_outcome(report.tables)
        if stop in (Outcome.CANCELLED, Outcome.STOPPED):
            report.outcome = stop
        report.summary = summarise_download(report)
        if auth_problem is not None:
            report.errors.append(str(auth_problem))
            raise auth_problem

    def _one_table(
        self,
        row: sa.RowMapping,
        sent: Future[_Fetched] | None,
        table_report: TableReport,
        report: PhaseReport,
    ) -> tuple[Outcome | None, AuthProblem | None]:
        """Download and apply one table, filling ``table_report``.

        Returns:
            Why the run must stop (None: go on), and the sign-in problem if that is why.
        """
        try:
            table_report.received, table_report.changed = self._download_one(row, sent)
            table_report.outcome = Outcome.SUCCESS
        except AuthProblem as exc:
            table_report.outcome = Outcome.FAILED
            table_report.errors.append(str(exc))
            return Outcome.STOPPED, exc
        except TransportError as exc:
            # Central cannot be reached: the other tables would only time out too.
            if isinstance(exc, Unreachable):
                report.stop_reason = str(exc)
            table_report.outcome = Outcome.FAILED
            table_report.errors.append(str(exc))
            report.errors.append(str(exc))
            return Outcome.FAILED, None
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
        return None, None

    def _send_ahead(
        self,
        pool: ThreadPoolExecutor,
        rows: Sequence[sa.RowMapping],
        current: int,
        ahead: dict[int, Future[_Fetched]],
    ) -> None:
        """Send the requests of the next few tables that have a watermark, if not sent yet.

        A table whose control row is unusable is left out, so it is refused before any
        request, as in its turn.
        """
        for index in range(current, min(current + PREFETCH, len(rows))):
            if index in ahead or not _incremental(rows[index]):
                continue
            try:
                _target_for(rows[index])
            except MasterError:
                continue
            ahead[index] = pool.submit(self._fetch, rows[index])

    def _fetch(self, row: sa.RowMapping) -> _Fetched:
        """Ask central for one table's rows (in any thread: it touches no database)."""
        body = request_body(row, self.van_id, self.provider_service_map_id)
        before = self.clock()
        started = time.monotonic()
        envelope = self.client.download_master(body)
        return _Fetched(envelope, before, timedelta(seconds=time.monotonic() - started))

    def _download_one(self, row: sa.RowMapping, sent: Future[_Fetched] | None) -> tuple[int, int]:
        target = _target_for(row)
        fetched = sent.result() if sent is not None else self._fetch(row)
        envelope, elapsed = fetched.envelope, fetched.elapsed
        if not envelope.ok:
            raise MasterError(f"{target.spec.name}: {envelope.describe_error()}")

        basis = fetched.before
        if envelope.server_date is not None:
            # Central's clock, less the whole round trip, is no later than its query.
            basis = min(basis, envelope.server_date - elapsed - timedelta(seconds=1))
        watermark = (basis - self.margin).astimezone().replace(tzinfo=None, microsecond=0)

        stage = _stage_table(target)
        control = metadata.tables["m_downloadmastertable"]
        with self.engine.connect() as conn:
            try:
                stage.drop(conn, checkfirst=True)
                stage.create(conn)
                received = stage_rows(conn, target, stage, envelope.data)
                drop_unchanged(conn, target, stage)
                # The one write transaction: the table's rows and its watermark together.
                locked = time.monotonic()
                with conn.execution_options(sqlite_begin="IMMEDIATE").begin():
                    changed = merge_stage(conn, target, stage)
                    pause_point(MASTER_ROWS_WRITTEN)
                    conn.execute(
                        sa.update(control)
                        .where(control.c.DownloadMasterTableID == row["DownloadMasterTableID"])
                        .values(LastDownloadDate=watermark)
                    )
                held = time.monotonic() - locked
            finally:
                conn.rollback()
                conn.execution_options(sqlite_begin="DEFERRED")
                stage.drop(conn, checkfirst=True)
                conn.commit()
        log.info(
            "master %s: %d rows received, %d changed (write lock %.2f s)",
            target.spec.name,
            received,
            changed,
            held,
        )
        return received, changed


def _phase_outcome(tables: Sequence[TableReport]) -> Outcome:
    if not tables:
        return Outcome.NO_DATA
    good = sum(1 for t in tables if t.outcome == Outcome.SUCCESS)
    if good == len(tables):
        return Outcome.SUCCESS
    return Outcome.PARTIAL if good else Outcome.FAILED
