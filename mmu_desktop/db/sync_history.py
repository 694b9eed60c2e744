"""Sync history: every run, with per-phase and per-table counts and errors.

AMRIT keeps no sync log (contract 7.4); these tables are our own, defined on the app's
``metadata`` so Alembic manages them (revision 0002). The panel reads the last runs and
the time each phase last fully succeeded from here; only a run in which a phase fully
succeeded can move that time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from mmu_desktop.db.engine import writing
from mmu_desktop.db.schema import metadata

PHASES = ("upload", "download", "ids")
GOOD = ("success", "no_data")

sync_run = sa.Table(
    "sync_run",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("started", sa.DateTime, nullable=False),
    sa.Column("finished", sa.DateTime, nullable=True),
    sa.Column("phases_requested", sa.String(40), nullable=False),
    sa.Column("succeeded", sa.Boolean(create_constraint=False), nullable=False, default=False),
    sa.Column("cancelled", sa.Boolean(create_constraint=False), nullable=False, default=False),
    sa.Column("needs_sign_in", sa.Boolean(create_constraint=False), nullable=False, default=False),
    sa.Column("summary", sa.Text, nullable=False, default=""),
    sa.Column("stop_reason", sa.Text, nullable=False, default=""),
    sa.Column("report_json", sa.Text, nullable=True),
    sqlite_autoincrement=True,
)

sync_run_phase = sa.Table(
    "sync_run_phase",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "run_id", sa.Integer, sa.ForeignKey("sync_run.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("phase", sa.String(16), nullable=False),
    sa.Column("outcome", sa.String(16), nullable=False),
    sa.Column("started", sa.DateTime, nullable=True),
    sa.Column("finished", sa.DateTime, nullable=True),
    sa.Column("sent", sa.Integer, nullable=False, default=0),
    sa.Column("accepted", sa.Integer, nullable=False, default=0),
    sa.Column("rejected", sa.Integer, nullable=False, default=0),
    sa.Column("pending", sa.Integer, nullable=False, default=0),
    sa.Column("received", sa.Integer, nullable=False, default=0),
    sa.Column("ids_added", sa.Integer, nullable=False, default=0),
    sa.Column("summary", sa.Text, nullable=False, default=""),
    sa.Column("errors", sa.Text, nullable=False, default="[]"),
    sa.Index("ix_sync_run_phase_phase_outcome", "phase", "outcome"),
    sqlite_autoincrement=True,
)

sync_run_table = sa.Table(
    "sync_run_table",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "run_id", sa.Integer, sa.ForeignKey("sync_run.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("phase", sa.String(16), nullable=False),
    sa.Column("group_id", sa.Integer, nullable=True),
    sa.Column("group_name", sa.String(100), nullable=False, default=""),
    sa.Column("table_name", sa.String(64), nullable=False),
    sa.Column("outcome", sa.String(16), nullable=False),
    sa.Column("sent", sa.Integer, nullable=False, default=0),
    sa.Column("accepted", sa.Integer, nullable=False, default=0),
    sa.Column("rejected", sa.Integer, nullable=False, default=0),
    sa.Column("pending", sa.Integer, nullable=False, default=0),
    sa.Column("waiting", sa.Integer, nullable=False, default=0),
    sa.Column("needs_attention", sa.Integer, nullable=False, default=0),
    sa.Column("received", sa.Integer, nullable=False, default=0),
    sa.Column("errors", sa.Text, nullable=False, default="[]"),
    sa.Index("ix_sync_run_table_run_id", "run_id"),
    sqlite_autoincrement=True,
)


@dataclass(frozen=True)
class RunSummary:
    """One line of the history list."""

    run_id: int
    started: datetime
    finished: datetime | None
    phases_requested: list[str]
    succeeded: bool
    cancelled: bool
    needs_sign_in: bool
    summary: str
    stop_reason: str


def start_run(engine: sa.Engine, phases: list[str], started: datetime) -> int:
    """Record that a run began; returns its id. A run never finished shows no end."""
    with writing(engine) as conn:
        result = conn.execute(
            sa.insert(sync_run).values(
                started=started,
                phases_requested=",".join(phases),
                succeeded=False,
                cancelled=False,
                needs_sign_in=False,
                summary="",
                stop_reason="",
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])


def finish_run(engine: sa.Engine, run_id: int, report: dict[str, Any]) -> None:
    """Store the finished run's report (the shape of ``RunReport.to_dict()``)."""
    with writing(engine) as conn:
        conn.execute(
            sa.update(sync_run)
            .where(sync_run.c.id == run_id)
            .values(
                finished=_parse(report.get("finished")) or datetime.now().replace(microsecond=0),
                succeeded=bool(report.get("succeeded")),
                cancelled=bool(report.get("cancelled")),
                needs_sign_in=bool(report.get("needs_sign_in")),
                summary=str(report.get("summary") or ""),
                stop_reason=str(report.get("stop_reason") or ""),
                report_json=json.dumps(report, ensure_ascii=False),
            )
        )
        conn.execute(sa.delete(sync_run_phase).where(sync_run_phase.c.run_id == run_id))
        conn.execute(sa.delete(sync_run_table).where(sync_run_table.c.run_id == run_id))
        for phase in report.get("phases", []):
            totals = phase.get("totals", {})
            conn.execute(
                sa.insert(sync_run_phase).values(
                    run_id=run_id,
                    phase=phase["phase"],
                    outcome=phase["outcome"],
                    started=_parse(phase.get("started")),
                    finished=_parse(phase.get("finished")),
                    sent=totals.get("sent", 0),
                    accepted=totals.get("accepted", 0),
                    rejected=totals.get("rejected", 0),
                    pending=totals.get("pending", 0),
                    received=totals.get("received", 0),
                    ids_added=phase.get("ids_added") or 0,
                    summary=phase.get("summary") or "",
                    errors=json.dumps(phase.get("errors", []), ensure_ascii=False),
                )
            )
            tables = [
                {
                    "run_id": run_id,
                    "phase": phase["phase"],
                    "group_id": t.get("group_id"),
                    "group_name": t.get("group_name") or "",
                    "table_name": t["table"],
                    "outcome": t["outcome"],
                    "sent": t.get("sent", 0),
                    "accepted": t.get("accepted", 0),
                    "rejected": t.get("rejected", 0),
                    "pending": t.get("pending", 0),
                    "waiting": t.get("waiting", 0),
                    "needs_attention": t.get("needs_attention", 0),
                    "received": t.get("received", 0),
                    "errors": json.dumps(t.get("errors", []), ensure_ascii=False),
                }
                for t in phase.get("tables", [])
            ]
            if tables:
                conn.execute(sa.insert(sync_run_table), tables)


def recent_runs(engine: sa.Engine, limit: int = 20) -> list[RunSummary]:
    """The newest runs first."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(sync_run).order_by(sync_run.c.id.desc()).limit(limit)
        ).mappings()
        return [
            RunSummary(
                run_id=int(r["id"]),
                started=r["started"],
                finished=r["finished"],
                phases_requested=[p for p in str(r["phases_requested"]).split(",") if p],
                succeeded=bool(r["succeeded"]),
                cancelled=bool(r["cancelled"]),
                needs_sign_in=bool(r["needs_sign_in"]),
                summary=str(r["summary"] or ""),
                stop_reason=str(r["stop_reason"] or ""),
            )
            for r in rows
        ]


def run_report(engine: sa.Engine, run_id: int) -> dict[str, Any] | None:
    """The full stored report of one run (``RunReport.to_dict()`` shape), if finished."""
    with engine.connect() as conn:
        text = conn.execute(
            sa.select(sync_run.c.report_json).where(sync_run.c.id == run_id)
        ).scalar_one_or_none()
    if not text:
        return None
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def table_rows(engine: sa.Engine, run_id: int) -> list[dict[str, Any]]:
    """Per-table counts of one run, in the order they were done."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(sync_run_table)
            .where(sync_run_table.c.run_id == run_id)
            .order_by(sync_run_table.c.id)
        ).mappings()
        return [{**r, "errors": json.loads(r["errors"] or "[]")} for r in rows]


def last_success(engine: sa.Engine) -> dict[str, datetime | None]:
    """When each phase last fully succeeded (None if never)."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(sync_run_phase.c.phase, sa.func.max(sync_run_phase.c.finished))
            .where(sync_run_phase.c.outcome.in_(GOOD))
            .group_by(sync_run_phase.c.phase)
        ).all()
    found = {str(phase): finished for phase, finished in rows}
    return {phase: found.get(phase) for phase in PHASES}


def _parse(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None
