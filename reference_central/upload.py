"""``/dataSync/van-to-server``: storing a batch of one table's rows uploaded by a van.

Follows AMRIT's current central behaviour (contract 5.1-5.3) and closes the gaps the
contract lists: only known top-level keys, every identifier checked against the real
table, a unique (VanSerialNo, VanID) index behind de-duplication, a savepoint per row,
strict-mode checks with AMRIT's reason texts, and an honest answer for the
beneficiary ID mapping table.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from mmu_desktop.db.column_list import split_column_list
from mmu_desktop.db.schema import ColumnSpec, TableSpec, table_specs
from reference_central.columns import ValueRejected, converter, has_default
from reference_central.db import AUTOCOMMIT, amrit_table, writing
from reference_central.envelope import CentralError, StatusCode

log = logging.getLogger(__name__)

ALLOWED_KEYS = frozenset(
    {
        "schemaName",
        "tableName",
        "vanAutoIncColumnName",
        "serverColumns",
        "syncedBy",
        "facilityID",
        "syncData",
        "ids",
    }
)
VALID_SCHEMAS = frozenset(
    {
        "public",
        "db_iemr",
        "db_identity",
        "apl_db_iemr",
        "apl_db_identity",
        "db_iemr_sync",
        "db_identity_sync",
    }
)
# AMRIT's upload whitelist (the nine sync groups plus the inventory extras); a table
# is accepted only if it is on this list and exists on this server.
_UPLOAD_TABLE_LIST = """
    m_beneficiaryregidmapping i_beneficiaryaccount i_beneficiaryaddress
    i_beneficiarycontacts i_beneficiarydetails i_beneficiaryfamilymapping
    i_beneficiaryidentity i_beneficiarymapping t_benvisitdetail t_phy_anthropometry
    t_phy_vitals t_benadherence t_anccare t_pnccare t_ncdscreening t_ncdcare
    i_ben_flow_outreach t_covid19 t_idrsdetails t_physicalactivity t_phy_generalexam
    t_phy_headtotoe t_sys_obstetric t_sys_gastrointestinal t_sys_cardiovascular
    t_sys_respiratory t_sys_centralnervous t_sys_musculoskeletalsystem
    t_sys_genitourinarysystem t_ancdiagnosis t_ncddiagnosis t_pncdiagnosis
    t_benchiefcomplaint t_benclinicalobservation t_prescription t_prescribeddrug
    t_lab_testorder t_benreferdetails t_lab_testresult t_physicalstockentry
    t_patientissue t_facilityconsumption t_itemstockentry t_itemstockexit
    t_benmedhistory t_femaleobstetrichistory t_benmenstrualdetails t_benpersonalhabit
    t_childvaccinedetail1 t_childvaccinedetail2 t_childoptionalvaccinedetail
    t_ancwomenvaccinedetail t_childfeedinghistory t_benallergyhistory
    t_bencomorbiditycondition t_benmedicationhistory t_benfamilyhistory
    t_perinatalhistory t_developmenthistory t_cancerfamilyhistory
    t_cancerpersonalhistory t_cancerdiethistory t_cancerobstetrichistory t_cancervitals
    t_cancersignandsymptoms t_cancerlymphnode t_canceroralexamination
    t_cancerbreastexamination t_cancerabdominalexamination
    t_cancergynecologicalexamination t_cancerdiagnosis t_cancerimageannotation
    i_beneficiaryimage t_stockadjustment t_stocktransfer t_patientreturn t_indent
    t_indentissue t_indentorder t_saitemmapping
"""
AMRIT_UPLOAD_TABLES = frozenset(_UPLOAD_TABLE_LIST.split())
REGID_TABLE = "m_beneficiaryregidmapping"
IDENTIFIER_PATTERN = re.compile(r"^[a-zA-Z_][a-zA-Z0-9_]*$")
INVALID_IDENTIFIERS = "Record check failed: Invalid identifiers provided."
SYNC_COMPLETED = "Data sync completed"

RowRejector = Callable[[str, Mapping[str, Any]], str | None]


@dataclass(frozen=True)
class UploadRequest:
    """One upload call: a batch of rows of one table."""

    schema_name: Any
    table_name: str
    auto_inc_column: Any
    server_columns: Any
    synced_by: str | None
    facility_id: Any
    rows: list[Any]


class RowFailed(Exception):
    """This row is not stored; ``reason`` goes into its record."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_upload(body: Any) -> UploadRequest:
    """Check the request's shape; raise CentralError for anything but AMRIT's keys."""
    if not isinstance(body, dict):
        raise CentralError(StatusCode.GENERIC_FAILURE, "Invalid request: expected a JSON object")
    unknown = sorted(set(body) - ALLOWED_KEYS)
    if unknown:
        raise CentralError(
            StatusCode.GENERIC_FAILURE,
            f"Invalid request: unrecognized field(s) {', '.join(unknown)}",
        )
    table_name = body.get("tableName")
    rows = body.get("syncData")
    synced_by = body.get("syncedBy")
    if not isinstance(table_name, str) or not table_name:
        raise CentralError(StatusCode.GENERIC_FAILURE, "Invalid request: tableName is required")
    if not isinstance(rows, list):
        raise CentralError(StatusCode.GENERIC_FAILURE, "Invalid request: syncData must be a list")
    if synced_by is not None and not isinstance(synced_by, str):
        raise CentralError(StatusCode.GENERIC_FAILURE, "Invalid request: syncedBy must be text")
    return UploadRequest(
        schema_name=body.get("schemaName"),
        table_name=table_name,
        auto_inc_column=body.get("vanAutoIncColumnName"),
        server_columns=body.get("serverColumns"),
        synced_by=synced_by,
        facility_id=body.get("facilityID"),
        rows=rows,
    )


def java_text(value: Any) -> str:
    """``String.valueOf`` of a JSON value, as AMRIT reports a row's VanSerialNo."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def whole_number(value: Any) -> int | None:
    """An integer from a JSON number or digit string, or None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    return None


def normalise_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """Rename ``date_format(X,...)`` keys to ``X``; keep every value as sent."""
    return {_plain_key(key): value for key, value in row.items()}


@functools.lru_cache(maxsize=4096)
def _plain_key(key: str) -> str:
    """``X`` for a ``date_format(X,...)`` key, else the key itself (vans repeat keys)."""
    try:
        listed = split_column_list(key)
    except ValueError:
        listed = []
    return listed[0].column if len(listed) == 1 else key


_WIRE_DATETIME = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
_SYNCED_BY, _SYNCED_DATE, _FROM_ROW = 1, 2, 0


def _converter(column: ColumnSpec) -> Callable[[Any], Any]:
    """``converter(column)``, with a quick path for the usual date text.

    ``YYYY-MM-DD HH:MM:SS`` is what vans send; it reads the same with ``fromisoformat``
    as with ``strptime``, at a fraction of the cost. Anything else goes the full way,
    which also words the refusal of a bad value.
    """
    full = converter(column)
    if not column.type.lower().startswith(("datetime", "timestamp")):
        return full

    def convert(value: Any) -> Any:
        if isinstance(value, str) and _WIRE_DATETIME.fullmatch(value):
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                pass  # e.g. month 13: let the full path word the refusal
        return full(value)

    return convert


@dataclass(frozen=True)
class _Binding:
    """How one column of a stored row gets its value (made once per request)."""

    name: str
    source: int  # _FROM_ROW, _SYNCED_BY or _SYNCED_DATE
    convert: Callable[[Any], Any]
    nullable: bool
    defaulted: bool  # NOT NULL with a default MySQL fills in


def _bindings(columns: Sequence[ColumnSpec]) -> tuple[_Binding, ...]:
    out = []
    for column in columns:
        lowered = column.name.lower()
        source = {"syncedby": _SYNCED_BY, "synceddate": _SYNCED_DATE}.get(lowered, _FROM_ROW)
        out.append(
            _Binding(column.name, source, _converter(column), column.nullable, has_default(column))
        )
    return tuple(out)


def lookup(row: Mapping[str, Any], name: str) -> tuple[bool, Any]:
    """The row's value under exactly the key ``name``.

    Real central looks keys up case-sensitively (contract 5.3 and 11.12), so this
    server does too: a client that sends ``vanID`` for ``VanID`` must fail here.
    """
    if name in row:
        return True, row[name]
    return False, None


@dataclass(frozen=True)
class _Target:
    spec: TableSpec
    table: sa.Table
    columns: list[ColumnSpec]
    van_serial: sa.Column[Any]
    van_id: sa.Column[Any]
    bound: tuple[_Binding, ...] = ()  # the server columns, then SyncedBy and SyncedDate


def resolve_target(request: UploadRequest) -> _Target | str:
    """The table and server columns of a request, or the reason every row fails."""
    schema = request.schema_name
    if not isinstance(schema, str) or schema.lower() not in VALID_SCHEMAS:
        return INVALID_IDENTIFIERS
    name = request.table_name.lower()
    spec = table_specs().get(name)
    if name not in AMRIT_UPLOAD_TABLES or spec is None or not spec.synced:
        return INVALID_IDENTIFIERS
    auto_inc = request.auto_inc_column
    if not isinstance(auto_inc, str) or not IDENTIFIER_PATTERN.match(auto_inc):
        return INVALID_IDENTIFIERS
    if not isinstance(request.server_columns, str):
        return INVALID_IDENTIFIERS
    try:
        listed = split_column_list(request.server_columns)
    except ValueError:
        return f"{INVALID_IDENTIFIERS} (serverColumns is not a column list)"
    columns: list[ColumnSpec] = []
    for entry in listed:
        try:
            column = spec.column(entry.column)
        except KeyError:
            return f"{INVALID_IDENTIFIERS} (unknown column {entry.label[:60]})"
        if entry.is_date or column.name in spec.primary_key or column in columns:
            return f"{INVALID_IDENTIFIERS} (column {entry.label[:60]} cannot be uploaded)"
        columns.append(column)
    if not columns:
        return f"{INVALID_IDENTIFIERS} (serverColumns is empty)"
    table = amrit_table(spec.name)
    bound = list(columns)
    for stamp in ("SyncedBy", "SyncedDate"):
        try:
            column = spec.column(stamp)
        except KeyError:
            continue
        if column not in bound:
            bound.append(column)
    return _Target(
        spec=spec,
        table=table,
        columns=columns,
        van_serial=table.c[spec.column("VanSerialNo").name],
        van_id=table.c[spec.column("VanID").name],
        bound=_bindings(bound),
    )


def condense_db_error(exc: sa.exc.DBAPIError) -> str:
    """AMRIT's short reason for a database error."""
    text = str(exc.orig) if exc.orig is not None else str(exc)
    patterns = [
        (r"UNIQUE constraint failed: (\S+)", "Duplicate key: {}"),
        (r"Duplicate entry .* for key '?([^'\s]+)'?", "Duplicate key: {}"),
        (r"NOT NULL constraint failed: \w+\.(\w+)", "Required field: {}"),
        (r"Column '(\w+)' cannot be null", "Required field: {}"),
        (r"Data too long for column '(\w+)'", "Data too long: {}"),
        (r"CONSTRAINT `(\w+)` FOREIGN KEY", "FK violation: {}"),
        (r"(FOREIGN KEY) constraint failed", "FK violation: {}"),
        (r"(no such table|doesn't exist)", "Table/schema not found"),
    ]
    for pattern, template in patterns:
        match = re.search(pattern, text)
        if match:
            return template.format(match.group(1))
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return first[:150]


class UploadService:
    """Applies one upload request to the central database."""

    def __init__(self, engine: sa.Engine, *, reject_row: RowRejector | None = None) -> None:
        self._engine = engine
        self._reject_row = reject_row

    def sync(self, request: UploadRequest, now: datetime) -> Any:
        """Store the rows; return the envelope's ``data`` (dict or message string)."""
        if request.table_name.lower() == REGID_TABLE:
            return self._sync_regid(request, now)
        target = resolve_target(request)
        with writing(self._engine, upload=True) as conn:  # check_then_act: per statement
            records = None
            # The batch path needs a transaction to fall back from; a central that
            # commits statement by statement (check-then-act, as real AMRIT) goes row by row.
            in_transaction = conn.get_execution_options().get("sqlite_begin") != AUTOCOMMIT
            if not isinstance(target, str) and in_transaction:
                records = self._sync_batch(conn, request, target, now)
            if records is None:
                records = [self._sync_row(conn, request, target, row, now) for row in request.rows]
        failed = sum(1 for r in records if not r["success"])
        log.info("van-to-server %s: %d rows, %d failed", request.table_name, len(records), failed)
        return {"statusCode": 200, "message": SYNC_COMPLETED, "records": records}

    def _record(self, request: UploadRequest, serial: str, reason: str | None) -> dict[str, Any]:
        return {
            "schemaName": request.schema_name,
            "tableName": request.table_name,
            "vanSerialNo": serial,
            "syncedBy": request.synced_by,
            "success": reason is None,
            "reason": reason,
        }

    # -- the batch path: one existence lookup, one statement per shape ---------------

    def _sync_batch(
        self, conn: sa.Connection, request: UploadRequest, target: _Target, now: datetime
    ) -> list[dict[str, Any]] | None:
        """Store the whole batch at once, answering exactly as row by row would.

        Rows are checked one by one as in ``_store``, then central looks up which
        (VanSerialNo, VanID) pairs it holds in one query and writes the inserts and
        updates with ``executemany`` inside one savepoint. Returns None (nothing
        written) when the batch must go row by row instead: a pair twice in the batch,
        or a database error, whose reason only the row-by-row path can pin on a row.
        """
        auto_inc = request.auto_inc_column if isinstance(request.auto_inc_column, str) else ""
        records: list[dict[str, Any] | None] = []
        checked: list[tuple[int, str, int, int, dict[str, Any]]] = []
        for index, raw_row in enumerate(request.rows):
            if not isinstance(raw_row, dict):
                records.append(
                    self._record(request, "null", "Record check failed: row is not an object")
                )
                continue
            serial_value = lookup(raw_row, auto_inc)[1] if auto_inc else None
            serial_text = java_text(serial_value)
            try:
                van_serial, van_id = self._check_row(request, target, raw_row, serial_value)
            except RowFailed as failure:
                records.append(self._record(request, serial_text, failure.reason))
                continue
            records.append(None)
            checked.append((index, serial_text, van_serial, van_id, normalise_row(raw_row)))
        keys = [(van_serial, van_id) for _, _, van_serial, van_id, _ in checked]
        if len(set(keys)) != len(keys):
            return None
        try:
            found = self._existing(conn, target, keys)
        except sa.exc.DBAPIError:
            return None

        inserts: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        updates: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for index, serial_text, van_serial, van_id, row in checked:
            action = "UPDATE" if (van_serial, van_id) in found else "INSERT"
            try:
                values = self._bind(target, row, request.synced_by, now, action)
            except ValueRejected as rejected:
                records[index] = self._record(request, serial_text, f"{action}: {rejected.reason}")
                continue
            values[target.van_serial.name] = van_serial
            values[target.van_id.name] = van_id
            group = updates if action == "UPDATE" else inserts
            group.setdefault(tuple(values), []).append(values)
            records[index] = self._record(request, serial_text, None)
        try:
            with conn.begin_nested():
                for rows in inserts.values():
                    conn.execute(sa.insert(target.table), rows)
                for names, rows in updates.items():
                    self._update_many(conn, target, names, rows)
        except sa.exc.DBAPIError:
            log.info("van-to-server %s: batch failed, storing row by row", request.table_name)
            return None
        return [r for r in records if r is not None]

    @staticmethod
    def _existing(
        conn: sa.Connection, target: _Target, keys: list[tuple[int, int]]
    ) -> set[tuple[int, int]]:
        """Which (VanSerialNo, VanID) pairs of ``keys`` central already holds."""
        found: set[tuple[int, int]] = set()
        for van_id in {v for _, v in keys}:
            serials = sorted({s for s, v in keys if v == van_id})
            for start in range(0, len(serials), 500):
                chunk = serials[start : start + 500]
                rows = conn.execute(
                    sa.select(target.van_serial).where(
                        target.van_id == van_id, target.van_serial.in_(chunk)
                    )
                )
                found.update((int(serial), van_id) for (serial,) in rows)
        return found

    @staticmethod
    def _update_many(
        conn: sa.Connection, target: _Target, names: tuple[str, ...], rows: list[dict[str, Any]]
    ) -> None:
        """UPDATE ... WHERE VanSerialNo = ? AND VanID = ? for rows of one shape."""
        key_names = (target.van_serial.name, target.van_id.name)
        statement = (
            sa.update(target.table)
            .where(
                target.van_serial == sa.bindparam("k_serial"),
                target.van_id == sa.bindparam("k_van"),
            )
            .values({n: sa.bindparam(f"v_{n}") for n in names if n not in key_names})
        )
        params = [
            {
                "k_serial": row[key_names[0]],
                "k_van": row[key_names[1]],
                **{f"v_{n}": row[n] for n in names if n not in key_names},
            }
            for row in rows
        ]
        conn.execute(statement, params)

    # -- the row-by-row path -----------------------------------------------------------

    def _sync_row(
        self,
        conn: sa.Connection,
        request: UploadRequest,
        target: _Target | str,
        row: Any,
        now: datetime,
    ) -> dict[str, Any]:
        if not isinstance(row, dict):
            return self._record(request, "null", "Record check failed: row is not an object")
        auto_inc = request.auto_inc_column if isinstance(request.auto_inc_column, str) else ""
        serial_value = lookup(row, auto_inc)[1] if auto_inc else None
        serial_text = java_text(serial_value)
        if isinstance(target, str):
            return self._record(request, serial_text, target)
        try:
            self._store(conn, request, target, row, serial_value, now)
        except RowFailed as failure:
            return self._record(request, serial_text, failure.reason)
        return self._record(request, serial_text, None)

    def _store(
        self,
        conn: sa.Connection,
        request: UploadRequest,
        target: _Target,
        raw_row: dict[str, Any],
        serial_value: Any,
        now: datetime,
    ) -> None:
        van_serial, van_id = self._check_row(request, target, raw_row, serial_value)
        row = normalise_row(raw_row)
        key = sa.and_(target.van_serial == van_serial, target.van_id == van_id)
        action = "INSERT"
        try:
            with conn.begin_nested():
                found = conn.execute(
                    sa.select(sa.literal(1)).select_from(target.table).where(key)
                ).first()
                action = "UPDATE" if found else "INSERT"
                values = self._bind(target, row, request.synced_by, now, action)
                values[target.van_serial.name] = van_serial
                values[target.van_id.name] = van_id
                if found:
                    conn.execute(sa.update(target.table).where(key).values(values))
                else:
                    self._insert(conn, target, key, values)
        except ValueRejected as rejected:
            raise RowFailed(f"{action}: {rejected.reason}") from rejected
        except sa.exc.DBAPIError as exc:
            raise RowFailed(f"{action}: {condense_db_error(exc)}") from exc

    def _check_row(
        self, request: UploadRequest, target: _Target, raw_row: dict[str, Any], serial_value: Any
    ) -> tuple[int, int]:
        """The row's (VanSerialNo, VanID), or RowFailed before anything is written."""
        van_serial = whole_number(serial_value)
        if van_serial is None:
            raise RowFailed(
                f"Record check failed: {request.auto_inc_column} is missing or not a number"
            )
        van_id = whole_number(lookup(raw_row, "VanID")[1])
        if van_id is None:
            raise RowFailed("Record check failed: VanID is missing or not a number")
        if self._reject_row is not None:
            reason = self._reject_row(target.spec.name, raw_row)
            if reason:
                raise RowFailed(reason)
        return van_serial, van_id

    def _insert(
        self,
        conn: sa.Connection,
        target: _Target,
        key: sa.ColumnElement[bool],
        values: dict[str, Any],
    ) -> None:
        try:
            with conn.begin_nested():
                conn.execute(sa.insert(target.table).values(values))
        except sa.exc.IntegrityError:
            # Another upload stored the same (VanSerialNo, VanID) first: the unique index
            # stopped a duplicate, so this row becomes an update of that one.
            updated = conn.execute(sa.update(target.table).where(key).values(values))
            if updated.rowcount == 0:
                raise

    def _bind(
        self,
        target: _Target,
        row: dict[str, Any],
        synced_by: str | None,
        now: datetime,
        action: str,
    ) -> dict[str, Any]:
        """Values by column name: server columns from the row, then the sync stamps."""
        values: dict[str, Any] = {}
        for column in target.bound:
            if column.source == _FROM_ROW:
                value: Any = row.get(column.name)  # by exact key, as ``lookup``
            elif column.source == _SYNCED_BY:
                value = synced_by
            else:
                value = now
            if value is None:
                if column.nullable:
                    values[column.name] = None
                elif not column.defaulted:
                    raise ValueRejected(f"Required field: {column.name}")
                # NOT NULL with a default: leave it to the default (insert) or as is.
                continue
            if isinstance(value, datetime):
                values[column.name] = value
            else:
                values[column.name] = column.convert(value)
        return values

    def _sync_regid(self, request: UploadRequest, now: datetime) -> dict[str, str]:
        """Mark uploaded beneficiary IDs as provisioned; never insert.

        Unlike AMRIT, a row whose ID is unknown here or issued to another van makes the
        whole batch fail, so the van does not mark it synced.
        """
        table = amrit_table(REGID_TABLE)
        ok = isinstance(request.schema_name, str) and request.schema_name.lower() in VALID_SCHEMAS
        synced_by = request.synced_by
        if synced_by is not None and len(synced_by) > 30:
            ok = False
        with writing(self._engine) as conn:
            for row in request.rows if ok else []:
                if not isinstance(row, dict):
                    ok = False
                    continue
                ben_reg_id = whole_number(lookup(row, "BenRegId")[1])
                beneficiary_id = whole_number(lookup(row, "BeneficiaryID")[1])
                van_id = whole_number(lookup(row, "VanID")[1])
                if None in (ben_reg_id, beneficiary_id, van_id):
                    ok = False
                    continue
                if self._reject_row is not None and self._reject_row(REGID_TABLE, row):
                    ok = False
                    continue
                updated = conn.execute(
                    sa.update(table)
                    .where(
                        table.c.BenRegId == ben_reg_id,
                        table.c.BeneficiaryID == beneficiary_id,
                        table.c.VanID == van_id,
                    )
                    .values(Provisioned=True, SyncedDate=now, SyncedBy=synced_by)
                )
                if updated.rowcount == 0:
                    ok = False
        outcome = "successful" if ok else "failed"
        log.info("van-to-server %s: %d rows, %s", REGID_TABLE, len(request.rows), outcome)
        return {"response": f"Sync {outcome} for {REGID_TABLE}."}
