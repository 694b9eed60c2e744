"""Stamping rows the van creates, following AMRIT's rules for synced tables.

- ``VanSerialNo`` equals the row's own primary key, set in the same transaction;
- ``VanID``, ``VehicalNo`` and ``ParkingPlaceID`` come from the van settings;
- ``Processed`` is 'N' on insert and becomes 'U' when a row already sent ('P') or
  set aside ('F') is edited, so the edit travels at the next sync;
- ``CreatedBy``/``CreatedDate`` are kept; ``ModifiedBy``/``LastModDate`` track edits.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from mmu_desktop.context import VanContext
from mmu_desktop.db.schema import table, table_specs


def now() -> datetime:
    """Local wall-clock time to the second, as AMRIT's naive DATETIME columns hold it."""
    return datetime.now().replace(microsecond=0)


def _van_column(table_name: str) -> str:
    return table_specs()[table_name].column("VanID").name


def insert_synced(
    conn: sa.Connection,
    table_name: str,
    values: dict[str, Any],
    van: VanContext,
    when: datetime,
) -> int:
    """Insert one row into a synced table and return its primary key (= VanSerialNo)."""
    spec = table_specs()[table_name]
    tbl = table(table_name)
    pk = spec.primary_key[0]
    row = dict(values)
    row.update(
        {
            _van_column(table_name): van.van_id,
            "VehicalNo": van.vehicle_no,
            "ParkingPlaceID": van.parking_place_id,
            "Processed": "N",
        }
    )
    names = set(spec.column_names)
    for key, value in (
        ("CreatedBy", van.user),
        ("CreatedDate", when),
        ("Deleted", False),
        ("ProviderServiceMapID", van.provider_service_map_id),
    ):
        if key in names:
            row.setdefault(key, value)
    new_id = conn.execute(sa.insert(tbl).values(row).returning(tbl.c[pk])).scalar_one()
    conn.execute(sa.update(tbl).where(tbl.c[pk] == new_id).values(VanSerialNo=new_id))
    return int(new_id)


def update_synced(
    conn: sa.Connection,
    table_name: str,
    key: int,
    values: dict[str, Any],
    van: VanContext,
    when: datetime,
) -> None:
    """Edit one row of a synced table; a row already sent or set aside becomes 'U'."""
    spec = table_specs()[table_name]
    tbl = table(table_name)
    pk = tbl.c[spec.primary_key[0]]
    names = set(spec.column_names)
    row = dict(values)
    if "ModifiedBy" in names:
        row["ModifiedBy"] = van.user
    if "LastModDate" in names:
        row["LastModDate"] = when
    row["Processed"] = sa.case(
        (tbl.c.Processed.in_(("P", "F")), "U"), else_=sa.func.coalesce(tbl.c.Processed, "N")
    )
    conn.execute(sa.update(tbl).where(pk == key).values(row))
