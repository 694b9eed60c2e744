"""Beneficiary ID generation (Common-API ``beneficiary/generateBeneficiaryIDs``).

Each new ID is 12 digits: a first digit 2-9, ten random digits and a Verhoeff check
digit. IDs are reserved for the asking van in central's ``m_beneficiaryregidmapping``;
the table's auto-increment key becomes the BenRegId. Unlike AMRIT's generator, a
random collision is retried instead of failing the whole batch.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from reference_central.db import amrit_table, writing
from reference_central.envelope import CentralError, StatusCode
from reference_central.verhoeff import check_digit

MAX_IDS_PER_CALL = 20_000
CREATED_BY = "admin-batch"
_CHUNK = 500
_ATTEMPTS = 5


def new_beneficiary_id() -> int:
    """One random, check-digited 12-digit beneficiary ID."""
    body = str(2 + secrets.randbelow(8)) + f"{secrets.randbelow(10**10):010d}"
    return int(body + check_digit(body))


def _chunks(values: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def parse_generation(body: Any) -> tuple[int, int]:
    """``(count, van_id)`` from the request, or a CentralError."""
    if not isinstance(body, dict):
        raise CentralError(StatusCode.GENERIC_FAILURE, "Invalid request")
    count, van_id = body.get("benIDRequired"), body.get("vanID")
    if isinstance(count, str) and count.strip().isdigit():
        count = int(count)
    if isinstance(van_id, str) and van_id.strip().isdigit():
        van_id = int(van_id)
    if not isinstance(count, int) or isinstance(count, bool):
        raise CentralError(StatusCode.GENERIC_FAILURE, "benIDRequired must be a whole number")
    if not 1 <= count <= MAX_IDS_PER_CALL:
        raise CentralError(
            StatusCode.GENERIC_FAILURE,
            f"benIDRequired must be between 1 and {MAX_IDS_PER_CALL}",
        )
    if not isinstance(van_id, int) or isinstance(van_id, bool) or van_id <= 0:
        raise CentralError(StatusCode.GENERIC_FAILURE, "vanID is required")
    return count, van_id


def _fresh_ids(conn: sa.Connection, count: int) -> list[int]:
    """``count`` new IDs unused in the table and among themselves."""
    table = amrit_table("m_beneficiaryregidmapping")
    chosen: set[int] = set()
    while len(chosen) < count:
        candidates = {new_beneficiary_id() for _ in range(count - len(chosen))} - chosen
        taken: set[int] = set()
        for chunk in _chunks(sorted(candidates)):
            query = sa.select(table.c.BeneficiaryID).where(table.c.BeneficiaryID.in_(chunk))
            taken.update(conn.execute(query).scalars())
        chosen |= candidates - taken
    return sorted(chosen)


def generate_beneficiary_ids(engine: sa.Engine, count: int, van_id: int) -> list[dict[str, Any]]:
    """Reserve ``count`` new IDs for the van; return them as Common-API answers."""
    table = amrit_table("m_beneficiaryregidmapping")
    now = datetime.now().replace(microsecond=0)
    for attempt in range(_ATTEMPTS):
        try:
            with writing(engine) as conn:
                ids = _fresh_ids(conn, count)
                conn.execute(
                    sa.insert(table),
                    [
                        {
                            "BeneficiaryID": ben_id,
                            "Provisioned": False,
                            "Reserved": True,
                            "Deleted": False,
                            "Processed": "N",
                            "VanID": van_id,
                            "CreatedBy": CREATED_BY,
                            "CreatedDate": now,
                        }
                        for ben_id in ids
                    ],
                )
                rows: list[tuple[int, int]] = []
                for chunk in _chunks(ids):
                    query = sa.select(table.c.BenRegId, table.c.BeneficiaryID).where(
                        table.c.BeneficiaryID.in_(chunk)
                    )
                    rows.extend((r.BenRegId, r.BeneficiaryID) for r in conn.execute(query))
            break
        except sa.exc.IntegrityError:
            # A concurrent call took one of the IDs between the check and the insert.
            if attempt == _ATTEMPTS - 1:
                raise
    created = f"{now:%Y-%m-%dT%H:%M:%S}.000Z"
    return [
        {
            "benRegId": str(ben_reg_id),
            "beneficiaryId": str(ben_id),
            "createdDate": created,
            "createdBy": CREATED_BY,
        }
        for ben_reg_id, ben_id in sorted(rows)
    ]
