"""Turning JSON values into column values the way MySQL's strict mode would accept them.

Each failure carries AMRIT's condensed reason text (``Required field: X``, ``Data too
long: X``, ...), which the upload answer reports per row.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from mmu_desktop.db.schema import ColumnSpec

_TYPE = re.compile(r"(?P<base>[a-z]+)(?:\((?P<args>[^)]*)\))?")
_INT_BITS = {"tinyint": 8, "smallint": 16, "mediumint": 24, "int": 32, "bigint": 64}
_TEXT_BYTES = {"tinytext": 255, "text": 65_535, "mediumtext": 16_777_215}
_DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d",
)


class ValueRejected(ValueError):
    """A value the column cannot hold; ``reason`` is the text reported to the van."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_datetime(text: str) -> datetime | None:
    """A naive datetime from the date texts vans send, or None if unreadable."""
    cleaned = text.strip()
    if cleaned.endswith("Z"):
        cleaned = cleaned[:-1]
    for fmt in _DATETIME_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
    try:
        parsed = datetime.fromisoformat(cleaned)
    except ValueError:
        return None
    return parsed.astimezone().replace(tzinfo=None) if parsed.tzinfo else parsed


def _integer(name: str, bits: int, value: Any) -> int:
    if isinstance(value, bool):
        number: Any = int(value)
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float | str):
        try:
            exact = Decimal(value.strip() if isinstance(value, str) else repr(value))
            if not exact.is_finite():
                raise InvalidOperation
        except InvalidOperation as exc:
            raise ValueRejected(
                f"Incorrect integer value: '{str(value)[:40]}' for column '{name}'"
            ) from exc
        # MySQL rounds a fractional number stored in an integer column.
        number = int(exact.to_integral_value(rounding=ROUND_HALF_UP))
    else:
        raise ValueRejected(f"Incorrect integer value for column '{name}'")
    limit = 1 << (bits - 1)
    if not -limit <= number < limit:
        raise ValueRejected(f"Out of range value for column '{name}'")
    return int(number)


def _bit(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in {"0", "1", "true", "false"}:
        return value.strip().lower() in {"1", "true"}
    raise ValueRejected(f"Data too long: {name}")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dict | list):
        return json.dumps(value, separators=(",", ":"))
    return str(value)


def _string(name: str, length: int | None, value: Any) -> str:
    text = _text(value)
    if length is not None and len(text) > length:
        raise ValueRejected(f"Data too long: {name}")
    return text


def _long_text(name: str, max_bytes: int | None, value: Any) -> str:
    text = _text(value)
    if max_bytes is not None and len(text.encode("utf-8")) > max_bytes:
        raise ValueRejected(f"Data too long: {name}")
    return text


def _datetime(name: str, value: Any, *, date_only: bool) -> datetime | date:
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        kind = "date" if date_only else "datetime"
        raise ValueRejected(f"Incorrect {kind} value: '{str(value)[:40]}' for column '{name}'")
    return parsed.date() if date_only else parsed


def _decimal(name: str, precision: int, scale: int, value: Any) -> float:
    if isinstance(value, bool):
        value = int(value)
    try:
        exact = Decimal(value.strip() if isinstance(value, str) else str(value))
        if not exact.is_finite():
            raise InvalidOperation
    except (InvalidOperation, TypeError) as exc:
        raise ValueRejected(
            f"Incorrect decimal value: '{str(value)[:40]}' for column '{name}'"
        ) from exc
    rounded = exact.quantize(Decimal(1).scaleb(-scale), rounding=ROUND_HALF_UP)
    if abs(rounded) >= Decimal(10) ** (precision - scale):
        raise ValueRejected(f"Out of range value for column '{name}'")
    return float(rounded)


def _double(name: str, value: Any) -> float:
    try:
        number = float(value) if not isinstance(value, bool) else float(int(value))
    except (TypeError, ValueError) as exc:
        raise ValueRejected(
            f"Incorrect double value: '{str(value)[:40]}' for column '{name}'"
        ) from exc
    if not math.isfinite(number):
        raise ValueRejected(f"Out of range value for column '{name}'")
    return number


def converter(column: ColumnSpec) -> Callable[[Any], Any]:
    """A function turning a non-null JSON value into a value for ``column``."""
    match = _TYPE.match(column.type)
    if not match:
        raise ValueError(f"unknown column type {column.type!r}")
    base, args, name = match["base"], match["args"], column.name
    if base in _INT_BITS:
        return lambda v: _integer(name, _INT_BITS[base], v)
    if base == "bit":
        return lambda v: _bit(name, v)
    if base in {"varchar", "char"}:
        length = int(args) if args else None
        return lambda v: _string(name, length, v)
    if base in _TEXT_BYTES or base == "longtext":
        max_bytes = _TEXT_BYTES.get(base)
        return lambda v: _long_text(name, max_bytes, v)
    if base in {"datetime", "timestamp"}:
        return lambda v: _datetime(name, v, date_only=False)
    if base == "date":
        return lambda v: _datetime(name, v, date_only=True)
    if base == "decimal":
        precision, scale = (int(x) for x in (args or "10,0").split(","))
        return lambda v: _decimal(name, precision, scale, v)
    if base in {"double", "float"}:
        return lambda v: _double(name, v)
    raise ValueError(f"unknown column type {column.type!r}")


def has_default(column: ColumnSpec) -> bool:
    """Whether the column has a non-null default MySQL would fill in."""
    return column.default not in (None, "NULL") or column.auto_increment
