"""Make the sample database of a released schema, for the upgrade tests.

    python tools/make_release_db.py 0001 tests/data/mmu-schema-0001.db

It builds a database at Alembic revision REV (as that release shipped it), seeds the
shipped control rows and starter masters, and fills it through plain SQL with made-up
people and visits that are still waiting to sync, plus IDs left in the pool. Commit the
result when a release ships, so every later version is tested against it.
"""

from __future__ import annotations

import argparse
import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command

from mmu_desktop.db.engine import create_db_engine, writing
from mmu_desktop.db.migrate import _alembic_config
from mmu_desktop.db.seed.control import seed_control_tables
from mmu_desktop.db.seed.masters import seed_starter_masters

NOW = "2026-11-20 10:00:00"


def _insert(db: sqlite3.Connection, table: str, row: dict[str, object]) -> int:
    cols = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = db.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(row.values()))
    return int(cursor.lastrowid or 0)


def fill(path: Path) -> None:
    db = sqlite3.connect(path)
    van = {
        "VanID": 7,
        "VehicalNo": "UP32 AB 1234",
        "ParkingPlaceID": 3,
        "Processed": "N",
        "CreatedBy": "nurse.asha",
        "CreatedDate": NOW,
        "Deleted": 0,
    }
    names = [("Kamla", "Devi"), ("राधा", "कुमारी"), ("Suresh", "Pal")]
    for i, (first, last) in enumerate(names):
        reg_id = 70001 + i
        db.execute(
            "INSERT INTO m_beneficiaryregidmapping (BenRegId, BeneficiaryID, Provisioned, "
            "Reserved, Deleted, Processed, CreatedDate, CreatedBy, VanID, VanSerialNo, "
            "ParkingPlaceID, VehicalNo) VALUES (?, ?, 1, 1, 0, 'N', ?, 'admin-batch', 7, ?, 3, "
            "'UP32 AB 1234')",
            (reg_id, 284700070001 + i, NOW, reg_id),
        )
        details = _insert(
            db,
            "i_beneficiarydetails",
            {
                "BeneficiaryRegID": reg_id,
                "FirstName": first,
                "LastName": last,
                "GenderId": 2,
                "Gender": "Female",
                "DOB": "1990-01-01 00:00:00",
                **van,
            },
        )
        address = _insert(
            db,
            "i_beneficiaryaddress",
            {
                "CurrVillageId": 6,
                "CurrVillage": "Devipur",
                "PermVillageId": 6,
                "PermVillage": "Devipur",
                **van,
            },
        )
        contacts = _insert(db, "i_beneficiarycontacts", {"PreferredPhoneNum": None, **van})
        mapping = _insert(
            db,
            "i_beneficiarymapping",
            {
                "BenRegId": reg_id,
                "BenDetailsId": details,
                "BenAddressId": address,
                "BenContactsId": contacts,
                **van,
            },
        )
        for table, key, row_id in [
            ("i_beneficiarydetails", "BeneficiaryDetailsId", details),
            ("i_beneficiaryaddress", "BenAddressID", address),
            ("i_beneficiarycontacts", "BenContactsID", contacts),
            ("i_beneficiarymapping", "BenMapId", mapping),
        ]:
            db.execute(f"UPDATE {table} SET VanSerialNo = ? WHERE {key} = ?", (row_id, row_id))
        visit = _insert(
            db,
            "t_benvisitdetail",
            {
                "BeneficiaryRegID": reg_id,
                "VisitDateTime": NOW,
                "VisitNo": 1,
                "VisitReasonID": 1,
                "VisitReason": "New Chief Complaint",
                "ProviderServiceMapID": 1,
                **van,
            },
        )
        code = int(f"3{7:05d}{visit:08d}")
        db.execute(
            "UPDATE t_benvisitdetail SET VanSerialNo = ?, VisitCode = ? WHERE BenVisitID = ?",
            (visit, code, visit),
        )
        vitals = _insert(
            db,
            "t_phy_vitals",
            {
                "BeneficiaryRegID": reg_id,
                "BenVisitID": visit,
                "VisitCode": code,
                "Temperature": 99.1,
                "PulseRate": 80,
                **van,
            },
        )
        db.execute("UPDATE t_phy_vitals SET VanSerialNo = ? WHERE ID = ?", (vitals, vitals))
    for i in range(20):
        db.execute(
            "INSERT INTO m_beneficiaryregidmapping (BenRegId, BeneficiaryID, Provisioned, "
            "Reserved, Deleted, Processed, CreatedDate, CreatedBy, VanID) "
            "VALUES (?, ?, 0, 0, 0, 'N', ?, 'admin-batch', 7)",
            (70101 + i, 284700070101 + i, NOW),
        )
    db.commit()
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision")
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    args.output.unlink(missing_ok=True)
    engine = create_db_engine(args.output)
    config = _alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, args.revision)
        conn.commit()
    with writing(engine) as conn:
        seed_control_tables(conn, datetime(2026, 11, 1))
        seed_starter_masters(conn, 1)
    engine.dispose()
    fill(args.output)
    tidy = sqlite3.connect(args.output)
    tidy.execute("VACUUM")
    tidy.close()
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
