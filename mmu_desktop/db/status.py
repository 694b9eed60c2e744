"""What is waiting on this laptop: pending rows per synced table and IDs in the pool."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from mmu_desktop.db import id_pool
from mmu_desktop.db.schema import synced_table_names, table


def pending_condition(tbl: sa.Table) -> sa.ColumnElement[bool]:
    """Rows that will go at the next upload: new or edited, never NULL-stuck.

    NULL counts as waiting (AMRIT's ``!= 'P'`` never selects it, contract 11.8); rows
    set aside as 'F' wait for an edit or a person; a pooled ID only once claimed.
    """
    waiting = tbl.c.Processed.is_distinct_from("P") & tbl.c.Processed.is_distinct_from("F")
    if tbl.name == "m_beneficiaryregidmapping":
        return waiting & tbl.c.Provisioned.is_(True)
    return waiting


def local_status(engine: sa.Engine) -> dict[str, Any]:
    """Counts per synced table (pending, failed, synced) and the ID pool."""
    tables: dict[str, dict[str, int]] = {}
    with engine.connect() as conn:
        for name in synced_table_names():
            tbl = table(name)
            pending, failed, synced = conn.execute(
                sa.select(
                    sa.func.count().filter(pending_condition(tbl)),
                    sa.func.count().filter(tbl.c.Processed == "F"),
                    sa.func.count().filter(tbl.c.Processed == "P"),
                )
            ).one()
            tables[name] = {"pending": pending, "failed": failed, "synced": synced}
        pool = table("m_beneficiaryregidmapping")
        available = id_pool.available_count(conn)
        used = conn.execute(
            sa.select(sa.func.count()).where(pool.c.Provisioned.is_(True))
        ).scalar_one()
    return {
        "pending_total": sum(t["pending"] for t in tables.values()),
        "failed_total": sum(t["failed"] for t in tables.values()),
        "id_pool": {"available": available, "used": used},
        "tables": tables,
    }
