"""Putting made-up BenRegIDs into a laptop's pool, as a sync from central would."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from mmu_desktop.db import id_pool
from mmu_desktop.db.engine import writing


def fill_pool(engine: sa.Engine, count: int, first_reg_id: int = 90001, van_id: int = 7) -> None:
    """Store ``count`` IDs; beneficiary IDs are 12-digit numbers derived from the reg ID."""
    pairs = [(first_reg_id + i, 284700000000 + first_reg_id + i) for i in range(count)]
    with writing(engine) as conn:
        id_pool.store_new_ids(conn, pairs, van_id, datetime(2026, 11, 1, 9, 0, 0))
