"""``/dataSync/server-to-van``: master rows for a van, filtered by master type and date.

AMRIT runs whatever table and column list the van sends. Here the table must be a
master this server knows and every column must be one of its real columns, so the
call cannot read other tables or secrets.

An answer goes gzipped to a van that accepts it (``Accept-Encoding``), as it would
through an nginx with ``gzip on`` in front of central: every row repeats its column
names, so a big master shrinks more than tenfold.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import flask
import sqlalchemy as sa

from mmu_desktop.db.schema import TableSpec, master_table_names, table_specs
from reference_central.columns import parse_datetime
from reference_central.db import amrit_table
from reference_central.envelope import CentralError, StatusCode
from reference_central.upload import VALID_SCHEMAS

_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_WRAPPED = re.compile(r"^date_format\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*,\s*'([^']*)'\s*\)$")
# MySQL date_format specifiers this server renders, as strftime codes.
_MYSQL_FORMAT = {
    "Y": "%Y", "y": "%y", "m": "%m", "d": "%d", "H": "%H", "i": "%M", "s": "%S",
    "S": "%S", "T": "%H:%M:%S", "f": "%f", "%": "%%",
}  # fmt: skip
# Columns never served, whatever the van asks for.
_SECRET_COLUMN = re.compile(r"password", re.IGNORECASE)
INVALID_REQUEST = "Invalid request"
DOWNLOAD_PATH_END = "/dataSync/server-to-van"
GZIP_MIN_BYTES = 1024  # smaller answers go plain: gzip would save too little to matter
GZIP_LEVEL = 6  # about 15 times smaller on master rows, at half a second per 50 MB
_PLAIN_VALUE = (str, int, float, bool)


@dataclass(frozen=True)
class SelectEntry:
    """One entry of the van's SELECT list: the key it gets and how to render it."""

    label: str
    column: str
    strftime: str | None


@dataclass(frozen=True)
class DownloadRequest:
    """The fields of a master download request central reads."""

    schema_name: str
    table_name: str
    entries: list[SelectEntry]
    master_type: str | None
    since: datetime | None
    van_id: int | None
    provider_service_map_id: int | None


def _strftime(mysql_format: str) -> str | None:
    parts, i = [], 0
    while i < len(mysql_format):
        char = mysql_format[i]
        if char != "%":
            parts.append(char)
            i += 1
            continue
        code = _MYSQL_FORMAT.get(mysql_format[i + 1 : i + 2])
        if code is None:
            return None
        parts.append(code)
        i += 2
    return "".join(parts)


def parse_since(value: Any) -> datetime | None:
    """``lastDownloadDate``: epoch milliseconds, an ISO-8601 text, or null (everything)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("lastDownloadDate is a boolean")
    if isinstance(value, int | float):
        # Central's clock is naive local time, as MySQL DATETIME columns are.
        return datetime.fromtimestamp(value / 1000).replace(microsecond=0)
    if isinstance(value, str):
        if re.fullmatch(r"\s*\d{10,}\s*", value):
            return datetime.fromtimestamp(int(value) / 1000).replace(microsecond=0)
        parsed = parse_datetime(value)
        if parsed is not None:
            return parsed
    raise ValueError("lastDownloadDate is not a date")


def _optional_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("not a whole number")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("not a whole number")
        return int(value)
    return int(value)


def _master_spec(table_name: Any) -> TableSpec | None:
    if not isinstance(table_name, str):
        return None
    name = table_name.lower()
    return table_specs()[name] if name in master_table_names() else None


def parse_download(body: Any) -> DownloadRequest:
    """Read and check a request; raise CentralError naming the table when it is refused."""
    if not isinstance(body, dict):
        raise CentralError(StatusCode.GENERIC_FAILURE, INVALID_REQUEST)
    schema, table_name = body.get("schemaName"), body.get("tableName")
    refused = CentralError(
        StatusCode.GENERIC_FAILURE, f"Error in master download for table {schema}.{table_name}"
    )
    spec = _master_spec(table_name)
    if spec is None or not isinstance(schema, str) or schema.lower() not in VALID_SCHEMAS:
        raise refused
    columns = body.get("serverColumnName")
    if not isinstance(columns, str):
        raise refused
    entries = _select_entries(spec, columns)
    if entries is None:
        raise refused
    master_type = body.get("masterType")
    try:
        since = parse_since(body.get("lastDownloadDate"))
        van_id = _optional_int(body.get("vanID"))
        psm_id = _optional_int(body.get("providerServiceMapID"))
    except (TypeError, ValueError) as exc:
        raise CentralError(StatusCode.GENERIC_FAILURE, INVALID_REQUEST) from exc
    master_type = master_type.upper() if isinstance(master_type, str) else None
    needs = {"V": ("VanID", van_id), "P": ("ProviderServiceMapID", psm_id)}
    if master_type in needs:
        column, value = needs[master_type]
        if value is None:
            raise CentralError(StatusCode.GENERIC_FAILURE, INVALID_REQUEST)
        if column.lower() not in {c.lower() for c in spec.column_names}:
            raise refused
    return DownloadRequest(
        schema_name=schema,
        table_name=spec.name,
        entries=entries,
        master_type=master_type,
        since=since,
        van_id=van_id,
        provider_service_map_id=psm_id,
    )


def _select_entries(spec: TableSpec, text: str) -> list[SelectEntry] | None:
    entries: list[SelectEntry] = []
    depth, start, pieces = 0, 0, []
    for i, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    for piece in pieces:
        label = piece.strip()
        wrapped = _WRAPPED.match(label)
        name, strftime = (wrapped[1], _strftime(wrapped[2])) if wrapped else (label, None)
        if wrapped and strftime is None:
            return None
        if not _PLAIN.match(name) or _SECRET_COLUMN.search(name):
            return None
        try:
            column = spec.column(name)
        except KeyError:
            return None
        if wrapped and not column.is_datetime:
            return None
        entries.append(SelectEntry(label, column.name, strftime))
    return entries or None


def _gson_date(value: datetime | date) -> str:
    """A date as Gson writes one by default (what AMRIT sends for an unwrapped date)."""
    text = f"{value:%b} {value.day}, {value.year}"
    if isinstance(value, datetime):
        hour = value.hour % 12 or 12
        text += f", {hour}:{value:%M:%S} {'AM' if value.hour < 12 else 'PM'}"
    return text


def _render(entry: SelectEntry, value: Any) -> Any:
    if value is None or type(value) in _PLAIN_VALUE:
        return value
    if isinstance(value, datetime | date):
        if entry.strftime is not None:
            return value.strftime(entry.strftime)
        return _gson_date(value)
    if isinstance(value, Decimal):
        return float(value)
    return value


def fetch_master_rows(engine: sa.Engine, request: DownloadRequest) -> list[dict[str, Any]]:
    """The rows the van should get, keyed by its SELECT labels in SELECT order."""
    if request.master_type not in {"A", "V", "P"}:
        return []
    table = amrit_table(request.table_name)
    spec = table_specs()[request.table_name]
    names = list(dict.fromkeys(e.column for e in request.entries))
    query = sa.select(*(table.c[n] for n in names))
    if request.since is not None:
        query = query.where(table.c[spec.column("LastModDate").name] >= request.since)
    if request.master_type == "V":
        query = query.where(table.c[spec.column("VanID").name] == request.van_id)
    elif request.master_type == "P":
        psm = table.c[spec.column("ProviderServiceMapID").name]
        query = query.where(psm == request.provider_service_map_id)
    query = query.order_by(*(table.c[k] for k in spec.primary_key))
    # Each SELECT entry's position in the row (a column may be listed twice).
    where = [(e.label, e, names.index(e.column)) for e in request.entries]
    with engine.connect() as conn:
        result = conn.execute(query).all()
    return [{label: _render(e, row[i]) for label, e, i in where} for row in result]


def compress_answer(response: flask.Response) -> flask.Response:
    """Gzip a master download answer when the van accepts gzip (a Flask after_request)."""
    if (
        not flask.request.path.endswith(DOWNLOAD_PATH_END)
        or flask.request.accept_encodings["gzip"] <= 0
        or response.status_code != 200
        or response.direct_passthrough
        or "Content-Encoding" in response.headers
    ):
        return response
    body = response.get_data()
    if len(body) >= GZIP_MIN_BYTES:
        response.set_data(gzip.compress(body, GZIP_LEVEL, mtime=0))
        response.headers["Content-Encoding"] = "gzip"
        response.vary.add("Accept-Encoding")
    return response
