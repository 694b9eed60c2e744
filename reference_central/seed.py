"""Demo contents of the central database: a user, one van, masters, and test helpers.

The masters are the laptop's starter set plus a few rows the laptop does not ship
(three drugs, two villages), so a first master download visibly brings something new.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from mmu_desktop.db.schema import master_table_names, table_specs
from mmu_desktop.db.seed.masters import SEED_TIME, SEEDED_BY, starter_master_rows
from reference_central.crypto import hash_password
from reference_central.db import amrit_table, central_user, create_tables, writing

DEMO_USER = "mmu-demo"
DEMO_PASSWORD = "demo-pass-1"
DEMO_USER_ID = 101
DEMO_VAN_ID = 7
DEMO_PARKING_PLACE_ID = 3
DEMO_PROVIDER_SERVICE_MAP_ID = 1
DEMO_FACILITY_ID = 9
DEMO_STATE_ID = 1
DEMO_DISTRICT_ID = 1

# Rows only central has: (id, name, strength, form id, route id, composition).
EXTRA_DRUGS = [
    (101, "Azithromycin", "500 mg", 1, 1, "Azithromycin dihydrate"),
    (102, "Omeprazole", "20 mg", 2, 1, "Omeprazole"),
    (103, "Doxycycline", "100 mg", 2, 1, "Doxycycline hyclate"),
]
# (id, block id, village, panchayat, pin code).
EXTRA_VILLAGES = [
    (101, 1, "Kamlapur", "Kamlapur", "261401"),
    (102, 2, "Atraura", "Sukhpura", "261203"),
]


def now() -> datetime:
    """Central's clock: naive local time to the second, like a MySQL DATETIME."""
    return datetime.now().replace(microsecond=0)


def add_user(
    engine: sa.Engine,
    user_name: str,
    password: str,
    *,
    user_id: int,
    full_name: str | None = None,
    provider_service_map_id: int | None = DEMO_PROVIDER_SERVICE_MAP_ID,
) -> None:
    """Create a user who may log in; the password is stored only as a salted hash."""
    with writing(engine) as conn:
        conn.execute(
            sa.insert(central_user).values(
                UserID=user_id,
                UserName=user_name,
                PasswordHash=hash_password(password),
                FullName=full_name,
                ProviderServiceMapID=provider_service_map_id,
                Deleted=False,
            )
        )


def _audit() -> dict[str, Any]:
    return {
        "Deleted": False,
        "Processed": "N",
        "CreatedBy": SEEDED_BY,
        "CreatedDate": SEED_TIME,
        "LastModDate": SEED_TIME,
    }


def demo_master_rows() -> dict[str, list[dict[str, Any]]]:
    """Every master row the demo central holds, by table."""
    rows = starter_master_rows(DEMO_PROVIDER_SERVICE_MAP_ID, DEMO_VAN_ID)
    for van in rows["m_van"]:
        van.update(
            ParkingPlaceID=DEMO_PARKING_PLACE_ID,
            FacilityID=DEMO_FACILITY_ID,
            ProviderServiceMapID=DEMO_PROVIDER_SERVICE_MAP_ID,
            IsFacility=False,
        )
    added = {**_audit(), "CreatedDate": now(), "LastModDate": now()}
    for item_id, name, strength, form_id, route_id, composition in EXTRA_DRUGS:
        rows["m_item"].append(
            {**added, "ItemID": item_id, "ItemName": name, "Strength": strength,
             "ItemFormID": form_id, "RouteID": route_id, "Composition": composition,
             "IsMedical": True, "Discontinued": False, "isEDL": True, "Status": "Active",
             "ProviderServiceMapID": DEMO_PROVIDER_SERVICE_MAP_ID}
        )  # fmt: skip
    for village_id, block_id, name, panchayat, pin in EXTRA_VILLAGES:
        rows["m_districtbranchmapping"].append(
            {**added, "DistrictBranchID": village_id, "BlockID": block_id,
             "VillageName": name, "PanchayatName": panchayat, "PinCode": pin,
             "Isrural": True}
        )  # fmt: skip
    rows["m_providerservicemapping"] = [
        {**_audit(), "ProviderServiceMapID": DEMO_PROVIDER_SERVICE_MAP_ID, "ServiceID": 2,
         "CountryID": 1, "StateID": DEMO_STATE_ID, "DistrictID": DEMO_DISTRICT_ID,
         "StatusID": 2}
    ]  # fmt: skip
    rows["m_parkingplace"] = [
        {**_audit(), "ParkingPlaceID": DEMO_PARKING_PLACE_ID, "ParkingPlaceName": "Misrikh CHC",
         "ProviderServiceMapID": DEMO_PROVIDER_SERVICE_MAP_ID, "StateID": DEMO_STATE_ID,
         "DistrictID": DEMO_DISTRICT_ID, "FacilityID": DEMO_FACILITY_ID}
    ]  # fmt: skip
    rows["m_facility"] = [
        {**_audit(), "FacilityID": DEMO_FACILITY_ID, "FacilityName": "MMU van 7 store",
         "ProviderServiceMapID": DEMO_PROVIDER_SERVICE_MAP_ID}
    ]  # fmt: skip
    return rows


def seed_demo(engine: sa.Engine) -> None:
    """Create the tables and fill what is missing: the demo user, the van, the masters.

    Safe to run on every start: a table that already has rows is left alone.
    """
    create_tables(engine)
    with writing(engine) as conn:
        for table_name, rows in demo_master_rows().items():
            target = amrit_table(table_name)
            count = conn.execute(sa.select(sa.func.count()).select_from(target)).scalar_one()
            if count == 0:
                conn.execute(sa.insert(target), rows)
        has_user = conn.execute(
            sa.select(central_user.c.UserID).where(central_user.c.UserName == DEMO_USER)
        ).first()
    if has_user is None:
        add_user(
            engine, DEMO_USER, DEMO_PASSWORD, user_id=DEMO_USER_ID, full_name="MMU demo operator"
        )


def _master(table_name: str) -> tuple[sa.Table, str]:
    name = table_name.lower()
    if name not in master_table_names():
        raise KeyError(f"{table_name} is not a master table")
    spec = table_specs()[name]
    return amrit_table(name), spec.primary_key[0]


def touch_master(engine: sa.Engine, table_name: str, key: Any, **values: Any) -> None:
    """Change a master row on central and stamp its LastModDate with now.

    ``key`` is the row's primary key; ``values`` are column values to set. Raises
    KeyError if the table is not a master or the row does not exist.
    """
    table, pk = _master(table_name)
    spec = table_specs()[table.name]
    columns = {spec.column(name).name: value for name, value in values.items()}
    columns[spec.column("LastModDate").name] = now()
    with writing(engine) as conn:
        updated = conn.execute(sa.update(table).where(table.c[pk] == key).values(columns))
        if updated.rowcount == 0:
            raise KeyError(f"{table_name} has no row {key!r}")


def count_rows(engine: sa.Engine, table_name: str, van_id: int | None = None) -> int:
    """Rows in a central table, only the van's when ``van_id`` is given."""
    table = amrit_table(table_name.lower())
    query = sa.select(sa.func.count()).select_from(table)
    if van_id is not None:
        van_column = table_specs()[table.name].column("VanID").name
        query = query.where(table.c[van_column] == van_id)
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def rows_for_van(engine: sa.Engine, table_name: str, van_id: int) -> list[dict[str, Any]]:
    """Every row of a central table stored for the van, oldest key first."""
    table = amrit_table(table_name.lower())
    spec = table_specs()[table.name]
    van_column = table.c[spec.column("VanID").name]
    query = sa.select(table).where(van_column == van_id).order_by(table.c[spec.primary_key[0]])
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]
