"""The pool of centrally generated beneficiary IDs on this laptop.

BenRegIDs are only ever made by central. Each arrives as an unprovisioned row of
``m_beneficiaryregidmapping``; a registration claims exactly one, inside the same
transaction that writes the registration, so an ID is never given out twice and a
failed save gives its ID back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from mmu_desktop.context import VanContext
from mmu_desktop.db.schema import table

POOL = table("m_beneficiaryregidmapping")

EMPTY_POOL_MESSAGE = (
    "No new beneficiary IDs are left on this laptop, so this registration cannot be saved "
    "yet. What you typed stays on the form. When the van has a network connection, press "
    "Sync to fetch more IDs, then save again."
)


class PoolEmpty(Exception):
    """No unclaimed BenRegID is left."""

    def __init__(self) -> None:
        super().__init__(EMPTY_POOL_MESSAGE)


@dataclass(frozen=True)
class ClaimedID:
    ben_reg_id: int
    beneficiary_id: int


@dataclass(frozen=True)
class StoredIDs:
    added: int
    already_held: int


_AVAILABLE = sa.and_(POOL.c.Provisioned.is_(False), POOL.c.Reserved.is_(False))


def available_count(conn: sa.Connection, van_id: int | None = None) -> int:
    """How many IDs are still free to give to new registrations (of ``van_id``'s IDs,
    when given: central issued each ID to one van)."""
    query = sa.select(sa.func.count()).select_from(POOL).where(_AVAILABLE)
    if van_id is not None:
        query = query.where(POOL.c.VanID == van_id)
    return int(conn.execute(query).scalar_one())


def claim(conn: sa.Connection, van: VanContext, now: datetime) -> ClaimedID:
    """Take the lowest free ID issued to this van. Call inside ``writing()``.

    An ID fetched while the laptop had another van-id is not used: central would
    refuse (or, worse, silently ignore) it for this van.
    """
    mine = sa.and_(_AVAILABLE, POOL.c.VanID == van.van_id)
    lowest_free = sa.select(POOL.c.BenRegId).where(mine).order_by(POOL.c.BenRegId).limit(1)
    claimed = conn.execute(
        sa.update(POOL)
        .where(POOL.c.BenRegId == lowest_free.scalar_subquery(), mine)
        .values(
            Reserved=True,
            Provisioned=True,
            ReservedOn=now,
            ProviderServiceMapID=van.provider_service_map_id,
            VanID=van.van_id,
            ParkingPlaceID=van.parking_place_id,
            VehicalNo=van.vehicle_no,
            VanSerialNo=POOL.c.BenRegId,
            ModifiedBy=van.user,
            LastModDate=now,
            Processed="N",
        )
        .returning(POOL.c.BenRegId, POOL.c.BeneficiaryID)
    ).first()
    if claimed is None:
        raise PoolEmpty
    return ClaimedID(int(claimed.BenRegId), int(claimed.BeneficiaryID))


def store_new_ids(
    conn: sa.Connection,
    ids: Iterable[tuple[int, int]],
    van_id: int,
    now: datetime,
    created_by: str = "admin-batch",
) -> StoredIDs:
    """Store ``(BenRegId, BeneficiaryID)`` pairs from central as free IDs.

    A pair whose BenRegId or BeneficiaryID this laptop already holds is not stored
    again; the caller decides whether that makes the whole batch suspect.
    """
    pairs = list(ids)
    if not pairs:
        return StoredIDs(0, 0)
    reg_ids = [r for r, _ in pairs]
    ben_ids = [b for _, b in pairs]
    held: set[int] = set()
    for chunk_start in range(0, len(pairs), 500):
        regs = reg_ids[chunk_start : chunk_start + 500]
        bens = ben_ids[chunk_start : chunk_start + 500]
        rows = conn.execute(
            sa.select(POOL.c.BenRegId, POOL.c.BeneficiaryID).where(
                sa.or_(POOL.c.BenRegId.in_(regs), POOL.c.BeneficiaryID.in_(bens))
            )
        )
        for row in rows:
            held.add(int(row.BenRegId))
            held.add(int(row.BeneficiaryID))
    fresh = [(r, b) for r, b in pairs if r not in held and b not in held]
    if fresh:
        conn.execute(
            sa.insert(POOL),
            [
                {
                    "BenRegId": r,
                    "BeneficiaryID": b,
                    "Provisioned": False,
                    "Reserved": False,
                    "Deleted": False,
                    "Processed": "N",
                    "CreatedDate": now,
                    "CreatedBy": created_by,
                    "VanID": van_id,
                }
                for r, b in fresh
            ],
        )
    return StoredIDs(added=len(fresh), already_held=len(pairs) - len(fresh))
