"""Phase 1: send every new or changed row to central (contract sections 5 and 6).

Driven by the control tables: groups of ``m_synctablegroup`` in ID order, tables of
``m_synctabledetail`` by ``SyncTableDetailID``. Rows are read a batch at a time with
parameterised SQL, keyed exactly by the van column labels, and each row is marked from
central's own per-record answer:

- ``'P'`` once central acknowledged that exact row (matched by its serial number);
- ``'F'`` with central's reason when central refused its content; such a row is set
  aside and sent again only once it is edited (then it reads ``'U'``) or a person asks;
- unchanged when the batch as a whole failed (network, garbled or mismatched answer):
  it is simply sent again by the next run, which central's de-duplication on
  (VanSerialNo, VanID) makes safe.

Where AMRIT's own client falls short (contract 11) we do better: rows whose
``Processed`` is NULL are not stuck, no answer is trusted for a row we did not send,
a child row waits until its parent reached central, and a row edited while its batch
was in flight is not marked as sent.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from mmu_desktop.db.column_list import ListedColumn, split_column_list
from mmu_desktop.db.engine import writing
from mmu_desktop.db.schema import TableSpec, metadata, table_specs
from mmu_desktop.db.status import pending_condition
from mmu_desktop.sync.client import (
    AmritClient,
    AuthProblem,
    Envelope,
    HttpError,
    OutcomeUnknown,
    RequestTooLarge,
    SyncError,
    TransportError,
    Unreachable,
)
from mmu_desktop.sync.crash_points import ROWS_MARKED, pause_point
from mmu_desktop.sync.report import (
    CancelFlag,
    Outcome,
    Phase,
    PhaseReport,
    ProgressCallback,
    ProgressEvent,
    Rejection,
    TableReport,
    summarise_upload,
)

log = logging.getLogger(__name__)

REGID_TABLE = "m_beneficiaryregidmapping"
WIRE_DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
MAX_REASON = 500
MAX_REJECTIONS_KEPT = 200  # per table and run, so a report stays readable
DEFAULT_MAX_REQUEST_BYTES = 1_000_000  # proxies and servlet containers often stop near 1-2 MB
TOO_LARGE_REASON = "Too large for the central server to accept (HTTP 413)"
# Reasons that describe central's own trouble, not a row's content: such a row is never
# set aside, it stays queued and goes again next run.
NOT_ABOUT_THE_ROW = ("connection timeout", "database connection", "deadlock", "lock wait")

# Tables where a row may be sent only after its parent row reached central:
# (child table, child column) -> (parent table, parent column). A rule whose parent
# table is not uploaded earlier in the configured order is ignored, so it can never
# hold a row back forever.
PARENT_RULES: dict[str, list[tuple[str, str, str]]] = {
    "i_beneficiarydetails": [("BeneficiaryRegID", REGID_TABLE, "BenRegId")],
    "i_beneficiarymapping": [
        ("BenRegId", REGID_TABLE, "BenRegId"),
        ("BenDetailsId", "i_beneficiarydetails", "BeneficiaryDetailsId"),
        ("BenAddressId", "i_beneficiaryaddress", "BenAddressID"),
        ("BenContactsId", "i_beneficiarycontacts", "BenContactsID"),
        ("BenAccountID", "i_beneficiaryaccount", "BenAccountID"),
        ("BenImageId", "i_beneficiaryimage", "BenImageId"),
    ],
    "i_beneficiaryidentity": [("BenMapId", "i_beneficiarymapping", "BenMapId")],
    "i_beneficiaryfamilymapping": [("BenMapId", "i_beneficiarymapping", "BenMapId")],
    # A visit goes once its beneficiary is complete on central.
    "t_benvisitdetail": [("BeneficiaryRegID", "i_beneficiarymapping", "BenRegId")],
    "i_ben_flow_outreach": [("beneficiary_visit_id", "t_benvisitdetail", "BenVisitID")],
}
# Every visit child table (a BenVisitID column) waits for its t_benvisitdetail row, and a
# row with a PrescriptionID for its t_prescription row.
GENERIC_PARENTS: list[tuple[str, str, str]] = [
    ("BenVisitID", "t_benvisitdetail", "BenVisitID"),
    ("PrescriptionID", "t_prescription", "PrescriptionID"),
]

# Row keys sent even when their value is null: central reads them from every row
# (contract 5.1 and 5.3), beyond binding them as server columns.
ALWAYS_SENT_KEYS = frozenset(
    {
        "VanID",
        "SyncFacilityID",
        "FacilityID",
        "FromFacilityID",
        "ToFacilityID",
        "TransferToFacilityID",
    }
)
REGID_KEYS = frozenset({"BenRegId", "BeneficiaryID", "VanID"})

ALLOWED_TOP_LEVEL_KEYS = frozenset(
    {
        "schemaName",
        "tableName",
        "vanAutoIncColumnName",
        "serverColumns",
        "syncData",
        "syncedBy",
        "facilityID",
    }
)


class ConfigError(SyncError):
    """A control-table row this laptop cannot act on."""


@dataclass(frozen=True)
class TablePlan:
    """One ``m_synctabledetail`` row, checked against the local schema."""

    detail_id: int
    group_id: int
    group_name: str
    schema_name: str
    table_name: str
    van_columns: tuple[ListedColumn, ...]
    server_columns: str
    auto_inc_column: str


@dataclass(frozen=True)
class UploadSettings:
    """What the upload needs from the van settings."""

    synced_by: str
    facility_id: int | None
    batch_size: int
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES
    # Lean rows (contract 5.3): a date goes under its plain column name and a null value
    # is left out, since central renames ``date_format(X,...)`` keys to ``X`` and binds
    # a missing server column as NULL. False sends AMRIT's own full row format.
    lean_rows: bool = True
    # Upload requests on the wire at once; rows are still read and marked one batch
    # at a time, in order, by the sync thread. 1 sends one request after another.
    requests_in_flight: int = 2


@dataclass
class BatchOutcome:
    """Central's verdict on one batch: per serial, or one error for all of it."""

    accepted: set[str] = field(default_factory=set)
    rejected: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    whole_batch_refused: bool = False  # the ID table's all-or-nothing "Sync failed"


# -- reading the control tables ------------------------------------------------------


def load_plan(conn: sa.Connection) -> tuple[list[TablePlan], list[str]]:
    """The upload order from the control tables, and a sentence per unusable row."""
    groups_t = metadata.tables["m_synctablegroup"]
    details_t = metadata.tables["m_synctabledetail"]
    groups = conn.execute(
        sa.select(groups_t.c.SyncTableGroupID, groups_t.c.SyncTableGroupName)
        .where(groups_t.c.Deleted.is_not(True))
        .order_by(groups_t.c.SyncTableGroupID)
    ).all()
    plans: list[TablePlan] = []
    problems: list[str] = []
    for group_id, group_name in groups:
        rows = conn.execute(
            sa.select(details_t)
            .where(details_t.c.SyncTableGroupID == group_id, details_t.c.Deleted.is_not(True))
            .order_by(details_t.c.SyncTableDetailID)
        ).mappings()
        for row in rows:
            try:
                plans.append(_plan_from_row(row, int(group_id), str(group_name or "")))
            except ConfigError as exc:
                problems.append(str(exc))
    return plans, problems


def _plan_from_row(row: sa.RowMapping, group_id: int, group_name: str) -> TablePlan:
    name = str(row["TableName"] or "")
    spec = _spec_for(name)
    if spec is None or not spec.synced:
        raise ConfigError(f"sync table {name!r} is not a table this laptop sends")
    try:
        van_columns = tuple(split_column_list(str(row["VanColumnName"] or "")))
    except ValueError as exc:
        raise ConfigError(f"the column list of {name} is not usable: {exc}") from exc
    for listed in van_columns:
        try:
            spec.column(listed.column)
        except KeyError as exc:
            raise ConfigError(f"{name} has no column {listed.column}") from exc
    auto_inc = str(row["VanAutoIncColumnName"] or "")
    try:
        spec.column(auto_inc)
    except KeyError as exc:
        raise ConfigError(f"{name}: VanAutoIncColumnName {auto_inc!r} is not a column") from exc
    return TablePlan(
        detail_id=int(row["SyncTableDetailID"]),
        group_id=group_id,
        group_name=group_name,
        schema_name=str(row["SchemaName"] or spec.schema),
        table_name=name,
        van_columns=van_columns,
        server_columns=str(row["ServerColumnName"] or ""),
        auto_inc_column=auto_inc,
    )


def _spec_for(name: str) -> TableSpec | None:
    specs = table_specs()
    if name in specs:
        return specs[name]
    # AMRIT configs may spell a table in mixed case (contract 7.1).
    return next((s for n, s in specs.items() if n.lower() == name.lower()), None)


# -- which rows are due --------------------------------------------------------------


@dataclass(frozen=True)
class _TableSql:
    """The local table and the SQL pieces one upload of it needs."""

    spec: TableSpec
    table: sa.Table
    pk: sa.Column[Any]
    processed: sa.Column[Any]
    van_id: sa.Column[Any]
    serial: sa.Column[Any]
    van_serial_no: sa.Column[Any] | None
    last_mod: sa.Column[Any] | None
    not_sent: sa.ColumnElement[bool]  # waiting to go, whether or not it can go now
    parent_ready: sa.ColumnElement[bool]
    needs_attention: sa.ColumnElement[bool]


def _col(tbl: sa.Table, spec: TableSpec, name: str) -> sa.Column[Any] | None:
    try:
        return tbl.c[spec.column(name).name]
    except KeyError:
        return None


def _table_sql(plan: TablePlan, earlier_tables: set[str]) -> _TableSql:
    spec = _spec_for(plan.table_name)
    assert spec is not None
    tbl = metadata.tables[spec.name]
    processed = _col(tbl, spec, "Processed")
    van_id = _col(tbl, spec, "VanID")
    serial = _col(tbl, spec, plan.auto_inc_column)
    if processed is None or van_id is None or serial is None:
        raise ConfigError(f"{spec.name} lacks Processed, VanID or its serial column")
    last_mod = _col(tbl, spec, "LastModDate")
    if last_mod is None:
        last_mod = _col(tbl, spec, "modified_date")

    # The same rows `mmu-desktop status` counts as waiting.
    not_sent = pending_condition(tbl)

    parent_ready: sa.ColumnElement[bool] = sa.true()
    for child_col, parent_name, parent_col in _parent_rules(spec):
        if parent_name not in earlier_tables:
            continue
        parent = metadata.tables[parent_name]
        parent_spec = table_specs()[parent_name]
        parent_key = parent.c[parent_spec.column(parent_col).name]
        parent_processed = parent.c[parent_spec.column("Processed").name]
        child = tbl.c[spec.column(child_col).name]
        held = sa.exists().where(parent_key == child, parent_processed.is_distinct_from("P"))
        parent_ready = sa.and_(parent_ready, ~held)

    return _TableSql(
        spec=spec,
        table=tbl,
        pk=tbl.c[spec.primary_key[0]],
        processed=processed,
        van_id=van_id,
        serial=serial,
        van_serial_no=_col(tbl, spec, "VanSerialNo"),
        last_mod=last_mod,
        not_sent=not_sent,
        parent_ready=parent_ready,
        needs_attention=processed == "F",
    )


def _parent_rules(spec: TableSpec) -> list[tuple[str, str, str]]:
    rules = list(PARENT_RULES.get(spec.name, []))
    names = {c.name.lower() for c in spec.columns}
    for child_col, parent_name, parent_col in GENERIC_PARENTS:
        already = any(r[0].lower() == child_col.lower() for r in rules)
        if parent_name != spec.name and child_col.lower() in names and not already:
            rules.append((child_col, parent_name, parent_col))
    return rules


def _count(conn: sa.Connection, sql: _TableSql, where: sa.ColumnElement[bool]) -> int:
    query = sa.select(sa.func.count()).select_from(sql.table).where(where)
    return int(conn.execute(query).scalar_one())


# -- building a batch ----------------------------------------------------------------

_JSON_TYPES = frozenset({str, int, float, bool})
_STORED_DATETIME = re.compile(r"(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)(?:\.\d{1,6})?")


def _wire_date(raw: Any) -> Any:
    """A stored date or datetime as central's ``YYYY-MM-DD HH:MM:SS`` text."""
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return raw.strftime(WIRE_DATE_FORMAT)
    if isinstance(raw, date):
        return datetime(raw.year, raw.month, raw.day).strftime(WIRE_DATE_FORMAT)
    text = str(raw).strip()
    plain = _STORED_DATETIME.fullmatch(text)
    if plain:  # the common case, without parsing: SQLite's stored text, cut to seconds
        return f"{plain[1]} {plain[2]}"
    try:
        return datetime.fromisoformat(text).strftime(WIRE_DATE_FORMAT)
    except ValueError:
        return text  # central will say what is wrong with it, row by row


def _wire_value(value: Any) -> Any:
    if value is None or type(value) in _JSON_TYPES:
        return value
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return _wire_date(value)
    return str(value)


@dataclass
class _Batch:
    rows: list[dict[str, Any]]  # the wire rows
    serials: list[str]
    guards: dict[str, dict[str, Any]]  # serial -> how to find that row unchanged
    last_pk: Any
    held: int  # rows read but not sent (their serial cannot be trusted)

    def subset(self, serials: Sequence[str]) -> _Batch:
        """The rows with these serials, in this batch's order."""
        wanted = set(serials)
        keep = [i for i, s in enumerate(self.serials) if s in wanted]
        return _Batch(
            rows=[self.rows[i] for i in keep],
            serials=[self.serials[i] for i in keep],
            guards={self.serials[i]: self.guards[self.serials[i]] for i in keep},
            last_pk=self.last_pk,
            held=0,
        )

    def halves(self) -> tuple[_Batch, _Batch]:
        mid = len(self.serials) // 2
        return self.subset(self.serials[:mid]), self.subset(self.serials[mid:])


def _row_bytes(row: dict[str, Any]) -> int:
    return len(json.dumps(row, ensure_ascii=False, allow_nan=False).encode("utf-8")) + 1


def split_by_size(batch: _Batch, limit: int, overhead: int) -> list[_Batch]:
    """Parts of ``batch`` whose request bodies stay under ``limit`` bytes.

    ``overhead`` is the size of the body without rows. A row larger than the limit on
    its own (a photo in ``i_beneficiaryimage``) goes alone; central says whether it
    accepts it.
    """
    budget = max(limit - overhead, 1)
    if len(json.dumps(batch.rows, ensure_ascii=False, allow_nan=False).encode("utf-8")) <= budget:
        return [batch]  # the usual case: one size check for the whole batch
    parts: list[list[str]] = []
    current: list[str] = []
    used = 0
    for serial, row in zip(batch.serials, batch.rows, strict=True):
        size = _row_bytes(row)
        if current and used + size > budget:
            parts.append(current)
            current, used = [], 0
        current.append(serial)
        used += size
    if current:
        parts.append(current)
    return [batch.subset(p) for p in parts] if len(parts) > 1 else [batch]


def shared_reason_serials(outcome: BatchOutcome) -> list[str]:
    """Rejected rows whose reason another rejected row of the same answer shares.

    A real central reports every row of a failed JDBC batch with the one reason of the
    row that broke it (contract 11.11): such rows must be tried in smaller parts
    before any is set aside.
    """
    counts: dict[str, int] = {}
    for reason in outcome.rejected.values():
        counts[reason] = counts.get(reason, 0) + 1
    return [s for s, reason in outcome.rejected.items() if counts[reason] > 1]


def _about_the_row(reason: str) -> bool:
    lowered = reason.lower()
    return not any(marker in lowered for marker in NOT_ABOUT_THE_ROW)


def kept_keys(plan: TablePlan) -> frozenset[str]:
    """Keys a lean row carries even when null: the ones central looks up by name."""
    keys = ALWAYS_SENT_KEYS | {plan.auto_inc_column}
    if plan.table_name.lower() == REGID_TABLE:
        keys |= REGID_KEYS
    return keys


def _select_batch(
    conn: sa.Connection,
    plan: TablePlan,
    sql: _TableSql,
    after_pk: Any,
    limit: int,
    *,
    lean: bool = False,
) -> _Batch | None:
    raw = sa.String()
    fixed: list[sa.ColumnElement[Any]] = [
        sql.pk.label("k_pk"),
        sql.processed.label("k_processed"),
        (sa.type_coerce(sql.last_mod, raw) if sql.last_mod is not None else sa.null()).label(
            "k_lastmod"
        ),
        sql.serial.label("k_serial"),
        (sql.van_serial_no if sql.van_serial_no is not None else sa.null()).label("k_vsn"),
        sql.van_id.label("k_vanid"),
    ]
    listed: list[sa.ColumnElement[Any]] = []
    for i, entry in enumerate(plan.van_columns):
        column = sql.table.c[sql.spec.column(entry.column).name]
        spec_col = sql.spec.column(entry.column)
        # Dates are read as stored text and formatted by us, so an odd stored format
        # cannot make the whole batch unreadable.
        expr = sa.type_coerce(column, raw) if spec_col.is_datetime else column
        listed.append(expr.label(f"c{i}"))

    query = (
        sa.select(*fixed, *listed)
        .where(sql.not_sent, sql.van_id.is_not(None), sql.parent_ready)
        .order_by(sql.pk)
        .limit(limit)
    )
    if after_pk is not None:
        query = query.where(sql.pk > after_pk)
    result = conn.execute(query).all()
    if not result:
        return None

    # Rows are read as plain tuples: the fixed columns first, then the listed ones.
    k_pk, k_processed, k_lastmod, k_serial, k_vsn, k_vanid = range(len(fixed))
    batch = _Batch(rows=[], serials=[], guards={}, last_pk=result[-1][k_pk], held=0)
    keep = kept_keys(plan)
    entries = [
        (
            len(fixed) + i,
            entry.column if lean else entry.label,
            sql.spec.column(entry.column).is_datetime,
            not lean or entry.column in keep,  # sent even when null
        )
        for i, entry in enumerate(plan.van_columns)
    ]
    for record in result:
        serial_value = record[k_serial]
        # Central identifies a row by (value of the serial key, VanID) and stores
        # VanSerialNo from the row: if the two differ, a re-send would duplicate.
        if serial_value is None or (
            sql.van_serial_no is not None and record[k_vsn] != serial_value
        ):
            batch.held += 1
            continue
        row: dict[str, Any] = {}
        for position, key, is_date, always in entries:
            value = record[position]
            if value is None:
                if always:
                    row[key] = None
            elif is_date:
                row[key] = _wire_date(value)
            else:
                row[key] = _wire_value(value)
        if "VanID" not in row:
            row["VanID"] = record[k_vanid]
        if plan.auto_inc_column not in row:
            row[plan.auto_inc_column] = _wire_value(serial_value)
        serial = str(serial_value)
        if serial in batch.guards:
            batch.held += 1  # two rows with one serial: neither can be told apart
            continue
        batch.rows.append(row)
        batch.serials.append(serial)
        batch.guards[serial] = {
            "g_pk": record[k_pk],
            "g_processed": record[k_processed],
            "g_lastmod": record[k_lastmod],
        }
    return batch


def build_request(
    plan: TablePlan, rows: Sequence[dict[str, Any]], settings: UploadSettings
) -> dict[str, Any]:
    """The ``van-to-server`` body for one batch: only the keys central accepts."""
    body: dict[str, Any] = {
        "schemaName": plan.schema_name,
        "tableName": plan.table_name,
        "vanAutoIncColumnName": plan.auto_inc_column,
        "serverColumns": plan.server_columns,
        "syncData": list(rows),
        "syncedBy": settings.synced_by,
    }
    if settings.facility_id is not None:
        body["facilityID"] = settings.facility_id
    assert set(body) <= ALLOWED_TOP_LEVEL_KEYS
    return body


# -- reading central's answer --------------------------------------------------------


def interpret_reply(table_name: str, envelope: Envelope, serials: Sequence[str]) -> BatchOutcome:
    """Central's verdict per serial we sent, or one error if the answer cannot be trusted.

    Nothing is accepted unless the answer names every row we sent exactly once and
    no row we did not send.
    """
    if not envelope.ok:
        return BatchOutcome(error=f"central refused the batch: {envelope.describe_error()}")
    data = envelope.data
    if not isinstance(data, dict):
        return BatchOutcome(error="central's answer has no results")

    inner = data.get("statusCode")
    if inner is not None and inner != 200 and str(inner) != "200":
        message = data.get("message") or data.get("errorMessage") or ""
        return BatchOutcome(error=f"central reported a failure (code {inner}) {message}".strip())

    records = data.get("records")
    if records is None:
        response = data.get("response")
        if table_name.lower() == REGID_TABLE and isinstance(response, str):
            # Central answers this table as a whole (contract 5.3), "successful" or "failed".
            if "success" in response.lower() and "fail" not in response.lower():
                return BatchOutcome(accepted=set(serials))
            return BatchOutcome(
                error=f"central could not record these IDs: {response[:200]}",
                whole_batch_refused=True,
            )
        return BatchOutcome(error="central's answer has no per-record results")
    if not isinstance(records, list):
        return BatchOutcome(error="central's per-record results are not a list")

    wanted = set(serials)
    outcome = BatchOutcome()
    seen: set[str] = set()
    for record in records:
        if not isinstance(record, dict):
            return BatchOutcome(error="central's per-record results are garbled")
        raw_serial = record.get("vanSerialNo")
        if isinstance(raw_serial, bool) or not isinstance(raw_serial, str | int):
            return BatchOutcome(error="a per-record result has no serial number")
        serial = str(raw_serial).strip()
        name = record.get("tableName")
        if name is not None and str(name).lower() != table_name.lower():
            return BatchOutcome(error="central answered for a different table")
        if serial not in wanted:
            return BatchOutcome(error="central answered for a row we did not send")
        if serial in seen:
            return BatchOutcome(error="central answered twice for one row")
        seen.add(serial)
        success = record.get("success")
        if success is True:
            outcome.accepted.add(serial)
        elif success is False:
            reason = record.get("reason")
            text = reason.strip() if isinstance(reason, str) and reason.strip() else ""
            outcome.rejected[serial] = (text or "rejected by central, no reason given")[:MAX_REASON]
        else:
            return BatchOutcome(error="a per-record result does not say success or failure")
    if seen != wanted:
        return BatchOutcome(error=f"central answered for {len(seen)} of {len(wanted)} rows sent")
    return outcome


# -- marking rows --------------------------------------------------------------------


def _mark(
    engine: sa.Engine,
    sql: _TableSql,
    batch: _Batch,
    outcome: BatchOutcome,
    synced_by: str,
    now: datetime,
) -> tuple[int, int]:
    """Mark accepted rows 'P' and refused rows 'F' in one transaction.

    A row edited since it was read (its Processed or modification time changed) is
    left alone: its newer content goes next time. Returns rows marked (P, F).
    """
    tbl, spec = sql.table, sql.spec
    raw = sa.String()
    guard = sa.and_(
        sql.pk == sa.bindparam("g_pk"),
        sql.processed.is_not_distinct_from(sa.bindparam("g_processed", type_=raw)),
    )
    if sql.last_mod is not None:
        guard = sa.and_(
            guard,
            sa.type_coerce(sql.last_mod, raw).is_not_distinct_from(
                sa.bindparam("g_lastmod", type_=raw)
            ),
        )
    sent_values: dict[str, Any] = {sql.processed.name: "P"}
    failed_values: dict[str, Any] = {sql.processed.name: "F"}
    for name, value in (("SyncedBy", synced_by), ("SyncedDate", now)):
        col = _col(tbl, spec, name)
        if col is not None:
            sent_values[col.name] = value
    reason_col = _col(tbl, spec, "SyncFailureReason")
    if reason_col is not None:
        sent_values[reason_col.name] = None
        failed_values[reason_col.name] = sa.bindparam("g_reason", type_=raw)

    accepted = [batch.guards[s] for s in batch.serials if s in outcome.accepted]
    refused = [
        {**batch.guards[s], "g_reason": outcome.rejected[s]}
        for s in batch.serials
        if s in outcome.rejected
    ]
    marked_p = marked_f = 0
    with writing(engine) as conn:
        if accepted:
            result = conn.execute(sa.update(tbl).where(guard).values(sent_values), accepted)
            marked_p = max(result.rowcount, 0)
        if refused:
            result = conn.execute(sa.update(tbl).where(guard).values(failed_values), refused)
            marked_f = max(result.rowcount, 0)
        pause_point(ROWS_MARKED)
    return marked_p, marked_f


# -- the phase -----------------------------------------------------------------------


@dataclass
class _InFlight:
    """One request on the wire: its rows and, once central answered, the answer."""

    part: _Batch
    answer: Future[Envelope]
    number: int
    started: float


class _Parts:
    """A table's due rows as request-sized parts, read one batch at a time when needed."""

    def __init__(self, phase: UploadPhase, plan: TablePlan, sql: _TableSql) -> None:
        self._phase, self._plan, self._sql = phase, plan, sql
        self._overhead = _row_bytes(build_request(plan, [], phase.settings)) + 16
        self._after_pk: Any = None
        self._ready: deque[_Batch] = deque()
        self._read_all = False
        self.held = 0  # rows read but not sent (their serial cannot be trusted)

    def __iter__(self) -> _Parts:
        return self

    def __next__(self) -> _Batch:
        settings = self._phase.settings
        while not self._ready:
            if self._read_all:
                raise StopIteration
            with self._phase.engine.connect() as conn:
                batch = _select_batch(
                    conn,
                    self._plan,
                    self._sql,
                    self._after_pk,
                    settings.batch_size,
                    lean=settings.lean_rows,
                )
            if batch is None:
                self._read_all = True
                continue
            self._after_pk = batch.last_pk
            self.held += batch.held
            parts = split_by_size(batch, settings.max_request_bytes, self._overhead)
            self._ready.extend(part for part in parts if part.rows)
        return self._ready.popleft()


@dataclass
class UploadPhase:
    """Phase 1 over one database and one central."""

    engine: sa.Engine
    client: AmritClient
    settings: UploadSettings
    progress: ProgressCallback
    cancel: CancelFlag
    now: Callable[[], datetime] = field(default=lambda: datetime.now().replace(microsecond=0))
    _pool: ThreadPoolExecutor | None = field(default=None, init=False)

    def run(self, report: PhaseReport) -> None:
        """Upload every table in order, filling ``report``.

        Raises:
            AuthProblem: central no longer accepts our sign-in; ``report`` is complete
                (outcome STOPPED) and the run must stop.
        """
        depth = self.settings.requests_in_flight
        if depth > 1:
            # Only the HTTP calls run in the pool; SQLite is read and written here.
            self._pool = ThreadPoolExecutor(max_workers=depth, thread_name_prefix="upload-http")
        try:
            self._run(report)
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True)
                self._pool = None

    def _run(self, report: PhaseReport) -> None:
        with self.engine.connect() as conn:
            plans, problems = load_plan(conn)
        report.errors.extend(problems)
        total_due = self._count_due(plans)
        done = 0
        self.progress(ProgressEvent("phase_started", Phase.UPLOAD, total=total_due))
        earlier: set[str] = set()
        stop: Outcome | None = None
        auth_problem: AuthProblem | None = None
        for plan in plans:
            table_report = TableReport(plan.table_name, plan.group_id, plan.group_name)
            report.tables.append(table_report)
            attempted = stop is None
            if attempted:
                try:
                    done = self._upload_table(plan, earlier, table_report, done, total_due)
                except AuthProblem as exc:
                    auth_problem, stop = exc, Outcome.STOPPED
                    table_report.errors.append(str(exc))
                except OutcomeUnknown as exc:
                    # Not sent again in this run (contract 11.2); the next run re-sends it,
                    # and the other tables go on (their children wait for this one).
                    table_report.errors.append(
                        f"{exc} The rows of {plan.table_name} not yet confirmed stay queued "
                        "for the next sync."
                    )
                except Unreachable as exc:
                    table_report.errors.append(str(exc))
                    report.errors.append(str(exc))
                    report.stop_reason = str(exc)
                    stop = Outcome.FAILED
                except (TransportError, HttpError) as exc:
                    # The network or the URL is wrong: every next table would fail alike.
                    table_report.errors.append(str(exc))
                    report.errors.append(str(exc))
                    stop = Outcome.FAILED
                except ConfigError as exc:
                    table_report.errors.append(str(exc))
                except _Cancelled:
                    stop = Outcome.CANCELLED
            self._count_remaining(plan, earlier, table_report)
            table_report.outcome = _table_outcome(table_report)
            if not attempted and table_report.pending:
                table_report.outcome = Outcome.NOT_RUN
            earlier.add(plan.table_name)
            if attempted:
                self.progress(_table_event("table_done", table_report, done, total_due))
        report.outcome = _phase_outcome(report)
        if stop in (Outcome.CANCELLED, Outcome.STOPPED):
            report.outcome = stop
        report.summary = summarise_upload(report)
        if auth_problem is not None:
            report.errors.append(str(auth_problem))
            raise auth_problem

    def _count_due(self, plans: Sequence[TablePlan]) -> int:
        total = 0
        earlier: set[str] = set()
        with self.engine.connect() as conn:
            for plan in plans:
                try:
                    sql = _table_sql(plan, earlier)
                except ConfigError:
                    continue
                total += _count(conn, sql, sa.and_(sql.not_sent, sql.van_id.is_not(None)))
                earlier.add(plan.table_name)
        return total

    def _count_remaining(self, plan: TablePlan, earlier: set[str], out: TableReport) -> None:
        try:
            sql = _table_sql(plan, earlier)
        except ConfigError as exc:
            if str(exc) not in out.errors:
                out.errors.append(str(exc))
            return
        with self.engine.connect() as conn:
            out.pending = _count(conn, sql, sql.not_sent)
            out.waiting = _count(conn, sql, sa.and_(sql.not_sent, ~sql.parent_ready))
            out.needs_attention = _count(conn, sql, sql.needs_attention)
            no_van = _count(conn, sql, sa.and_(sql.not_sent, sql.van_id.is_(None)))
        if no_van:
            out.errors.append(f"{no_van} rows have no VanID and cannot be sent")

    def _upload_table(
        self, plan: TablePlan, earlier: set[str], out: TableReport, done: int, total: int
    ) -> int:
        """Send the table's due rows, up to ``requests_in_flight`` requests at once.

        Rows are read, a batch at a time, by this thread; while one request is on the
        wire (or central works on it) the next is read and sent, so the link is not
        idle for a round trip and central's processing between batches. Answers are
        taken in the order the requests went, and each batch is marked from its own
        answer only. The table's last answers are awaited before the next table, so a
        child row still waits until its parent reached central.
        """
        sql = _table_sql(plan, earlier)
        self.progress(_table_event("table_started", out, done, total))
        parts = _Parts(self, plan, sql)
        in_flight: deque[_InFlight] = deque()
        depth = max(1, self.settings.requests_in_flight)
        batch_no = 0
        stopped = cancelled = False
        try:
            while True:
                while not stopped and not cancelled and len(in_flight) < depth:
                    if self.cancel.is_set():
                        cancelled = True
                        break
                    part = next(parts, None)
                    if part is None:
                        break
                    batch_no += 1
                    in_flight.append(self._start(plan, part, batch_no))
                if not in_flight:
                    break
                sending = in_flight.popleft()
                error = self._deliver(plan, sql, sending.part, out, answer=sending.answer)
                # Counted as sent once central answered: rows of a request that never
                # got through are "still to send", not "sent".
                out.sent += len(sending.part.rows)
                done += len(sending.part.rows)
                if error:
                    # Nothing more is marked: these rows go again next run, safely (the
                    # request was answered). The rest of the table waits too, as its
                    # answer would likely be the same.
                    log.warning("%s batch %d: %s", plan.table_name, sending.number, error)
                    out.errors.append(error)
                    stopped = True
                    continue
                log.info(
                    "%s batch %d: %d sent in %.2f s (%d accepted, %d rejected so far)",
                    plan.table_name,
                    sending.number,
                    len(sending.part.rows),
                    time.monotonic() - sending.started,
                    out.accepted,
                    out.rejected,
                )
                self.progress(_table_event("batch_done", out, done, total))
        except BaseException:
            # Requests already on the wire may have been stored: mark what their answers
            # say, without sending anything more, then let the first fault through.
            self._settle(plan, sql, in_flight, out)
            raise
        if parts.held:
            out.errors.append(
                f"{parts.held} rows were not sent because their VanSerialNo does not match "
                "their own key (a local data problem; please report it)"
            )
        if cancelled:
            raise _Cancelled
        return done

    def _start(self, plan: TablePlan, part: _Batch, number: int) -> _InFlight:
        """Put one part on the wire: in the pool, or here when one at a time."""
        body = build_request(plan, part.rows, self.settings)
        answer: Future[Envelope] = Future()
        if self._pool is None:
            try:
                answer.set_result(self.client.upload(body))
            except BaseException as exc:  # kept for _deliver, raised there in order
                answer.set_exception(exc)
        else:
            answer = self._pool.submit(self.client.upload, body)
        return _InFlight(part, answer, number, time.monotonic())

    def _settle(
        self, plan: TablePlan, sql: _TableSql, in_flight: deque[_InFlight], out: TableReport
    ) -> None:
        """Wait for requests still out and mark the rows their answers name."""
        while in_flight:
            sending = in_flight.popleft()
            try:
                self._deliver(plan, sql, sending.part, out, answer=sending.answer, retry=False)
                out.sent += len(sending.part.rows)
            except Exception as exc:  # the first fault is the one reported
                log.info("%s batch %d: %s", plan.table_name, sending.number, exc)

    def _deliver(
        self,
        plan: TablePlan,
        sql: _TableSql,
        part: _Batch,
        out: TableReport,
        *,
        answer: Future[Envelope] | None = None,
        retry: bool = True,
    ) -> str | None:
        """Send ``part``, mark each row whose fate is known, re-send in halves where needed.

        Halves are sent when central refuses the body as too large (HTTP 413), and when
        several rows come back refused with one shared reason (a real central fails a
        whole JDBC batch for one bad row, contract 11.11), so only rows refused on their
        own are set aside. Returns an error that stops the table for this run (its rows
        stay queued), or None.

        Args:
            answer: the reply to a request for ``part`` already sent; None sends it now.
            retry: False marks only what the answer says and sends nothing more.

        Raises:
            OutcomeUnknown, Unreachable, AuthProblem, HttpError: as ``AmritClient.post``.
        """
        try:
            if answer is None:
                outcome = self._send(plan, part.rows, part.serials)
            else:
                outcome = self._interpret_call(plan, answer.result, part.serials)
        except RequestTooLarge:
            if len(part.rows) == 1:
                self._record(
                    sql, part, BatchOutcome(rejected={part.serials[0]: TOO_LARGE_REASON}), out
                )
                return None
            if not retry:
                return None
            log.info(
                "%s: %d rows too large for one request; halving", plan.table_name, len(part.rows)
            )
            return self._deliver_halves(plan, sql, part, out)
        if outcome.whole_batch_refused and len(part.rows) > 1:
            if not retry:
                return outcome.error
            outcome = self._isolate(plan, part.rows, part.serials, outcome)
        if outcome.error:
            return outcome.error
        again = set(shared_reason_serials(outcome)) if len(part.rows) > 1 else set()
        final = BatchOutcome(accepted=set(outcome.accepted))
        not_ours: list[str] = []
        for serial, reason in outcome.rejected.items():
            if serial in again:
                continue
            if _about_the_row(reason):
                final.rejected[serial] = reason
            else:
                not_ours.append(reason)
        self._record(sql, part, final, out)
        if not_ours:
            out.errors.append(
                f"central could not store {len(not_ours)} rows because of its own trouble "
                f"({not_ours[0]}); they stay queued for the next sync"
            )
        if again and retry:
            log.info(
                "%s: %d rows refused with a shared reason; sending them in smaller parts",
                plan.table_name,
                len(again),
            )
            return self._deliver_halves(plan, sql, part.subset(sorted(again)), out)
        return None

    def _deliver_halves(
        self, plan: TablePlan, sql: _TableSql, part: _Batch, out: TableReport
    ) -> str | None:
        if len(part.rows) == 1:
            return self._deliver(plan, sql, part, out)
        for half in part.halves():
            if self.cancel.is_set():
                raise _Cancelled
            error = self._deliver(plan, sql, half, out)
            if error:
                return error
        return None

    def _record(
        self, sql: _TableSql, part: _Batch, outcome: BatchOutcome, out: TableReport
    ) -> None:
        """Mark rows as central answered and count them in ``out``."""
        if not outcome.accepted and not outcome.rejected:
            return
        _mark(self.engine, sql, part, outcome, self.settings.synced_by, self.now())
        out.accepted += len(outcome.accepted)
        out.rejected += len(outcome.rejected)
        for serial in part.serials:
            if serial in outcome.rejected and len(out.rejections) < MAX_REJECTIONS_KEPT:
                out.rejections.append(Rejection(serial, outcome.rejected[serial]))

    def _send(
        self, plan: TablePlan, rows: list[dict[str, Any]], serials: list[str]
    ) -> BatchOutcome:
        return self._interpret_call(
            plan, lambda: self.client.upload(build_request(plan, rows, self.settings)), serials
        )

    @staticmethod
    def _interpret_call(
        plan: TablePlan, call: Callable[[], Envelope], serials: list[str]
    ) -> BatchOutcome:
        try:
            return interpret_reply(plan.table_name, call(), serials)
        except (AuthProblem, TransportError, HttpError):
            raise
        except SyncError as exc:
            return BatchOutcome(error=str(exc))

    def _isolate(
        self,
        plan: TablePlan,
        rows: list[dict[str, Any]],
        serials: list[str],
        first: BatchOutcome,
    ) -> BatchOutcome:
        """Find the rows behind an all-or-nothing refusal by sending halves again.

        Only for the ID table, whose central update is idempotent. A row refused on its
        own is set aside; if no row at all goes through, the fault is not in the rows
        and the whole batch stays queued.
        """
        merged = BatchOutcome()

        def split(part_rows: list[dict[str, Any]], part_serials: list[str]) -> bool:
            if len(part_rows) == 1:
                merged.rejected[part_serials[0]] = (first.error or "refused")[:MAX_REASON]
                return True
            mid = len(part_rows) // 2
            for half_rows, half_serials in (
                (part_rows[:mid], part_serials[:mid]),
                (part_rows[mid:], part_serials[mid:]),
            ):
                outcome = self._send(plan, half_rows, half_serials)
                if outcome.whole_batch_refused:
                    if not split(half_rows, half_serials):
                        return False
                elif outcome.error:
                    merged.error = outcome.error
                    return False
                else:
                    merged.accepted |= outcome.accepted
                    merged.rejected.update(outcome.rejected)
            return True

        if not split(rows, serials) or not merged.accepted:
            return BatchOutcome(error=merged.error or first.error)
        return merged


class _Cancelled(Exception):
    pass


def _table_event(kind: str, out: TableReport, done: int, total: int) -> ProgressEvent:
    return ProgressEvent(
        kind,
        Phase.UPLOAD,
        group_id=out.group_id,
        group_name=out.group_name,
        table=out.table,
        sent=out.sent,
        accepted=out.accepted,
        rejected=out.rejected,
        pending=out.pending,
        waiting=out.waiting,
        done=done,
        total=total,
    )


def _table_outcome(t: TableReport) -> Outcome:
    if t.sent == 0 and not t.errors:
        return Outcome.NO_DATA if t.pending == 0 else Outcome.PARTIAL
    if not t.errors and t.rejected == 0 and t.pending == 0 and t.accepted == t.sent:
        return Outcome.SUCCESS
    if t.accepted == 0:
        return Outcome.FAILED
    return Outcome.PARTIAL


def _phase_outcome(report: PhaseReport) -> Outcome:
    totals = report.totals()
    clean = (
        not report.errors
        and all(t.outcome in (Outcome.SUCCESS, Outcome.NO_DATA) for t in report.tables)
        and totals["pending"] == 0
    )
    if clean:
        return Outcome.SUCCESS if totals["sent"] else Outcome.NO_DATA
    if totals["accepted"]:
        return Outcome.PARTIAL
    return Outcome.FAILED


def requeue_rejected(engine: sa.Engine, table_names: Sequence[str] | None = None) -> int:
    """Send rows central refused again at the next sync (a person asked for it).

    Returns:
        How many rows were put back in the queue.
    """
    count = 0
    with writing(engine) as conn:
        for spec in table_specs().values():
            if not spec.synced or (table_names is not None and spec.name not in table_names):
                continue
            tbl = metadata.tables[spec.name]
            processed = tbl.c[spec.column("Processed").name]
            result = conn.execute(
                sa.update(tbl).where(processed == "F").values({processed.name: "U"})
            )
            count += max(result.rowcount, 0)
    return count


@dataclass(frozen=True)
class RejectedRow:
    """A row set aside because central refused it: no patient data, only where and why."""

    table: str
    serial: str
    reason: str


def list_rejected(engine: sa.Engine, limit_per_table: int = 1000) -> list[RejectedRow]:
    """Rows central refused (``Processed = 'F'``), per table, with central's reason.

    The serial is the row's ``VanSerialNo`` (its own key where the table has none), the
    number central reported the row by.
    """
    out: list[RejectedRow] = []
    with engine.connect() as conn:
        for spec in table_specs().values():
            if not spec.synced:
                continue
            tbl = metadata.tables[spec.name]
            processed = _col(tbl, spec, "Processed")
            if processed is None:
                continue
            serial = _col(tbl, spec, "VanSerialNo")
            if serial is None:
                serial = tbl.c[spec.primary_key[0]]
            reason_col = _col(tbl, spec, "SyncFailureReason")
            reason_expr = reason_col if reason_col is not None else sa.null()
            rows = conn.execute(
                sa.select(serial, reason_expr)
                .where(processed == "F")
                .order_by(serial)
                .limit(limit_per_table)
            ).all()
            for value, reason in rows:
                text = str(reason).strip() if reason is not None else ""
                out.append(RejectedRow(spec.name, str(value), text or "no reason recorded"))
    return out
