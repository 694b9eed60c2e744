"""What a sync run tells people: progress events while it runs, and a report at the end.

Everything here is plain data (dataclasses with ``to_dict()``), so the Qt panel, the
command line's ``--json`` and the sync history all read the same shape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol


class Phase(StrEnum):
    """The three phases, in the order a full run does them."""

    UPLOAD = "upload"
    DOWNLOAD = "download"
    IDS = "ids"


ALL_PHASES: tuple[Phase, ...] = (Phase.UPLOAD, Phase.DOWNLOAD, Phase.IDS)

PHASE_TITLES = {
    Phase.UPLOAD: "Sending records",
    Phase.DOWNLOAD: "Fetching master data",
    Phase.IDS: "Fetching beneficiary IDs",
}


class Outcome(StrEnum):
    """How a table, a phase or a run ended."""

    SUCCESS = "success"  # everything that could be done was done
    NO_DATA = "no_data"  # nothing to do
    PARTIAL = "partial"  # some done, some not
    FAILED = "failed"  # nothing done
    CANCELLED = "cancelled"  # a person pressed Cancel
    STOPPED = "stopped"  # the run stopped early (sign in again, or an earlier phase failed)
    NOT_RUN = "not_run"


GOOD_OUTCOMES = frozenset({Outcome.SUCCESS, Outcome.NO_DATA})


class CancelFlag(Protocol):
    """What the engine checks between batches; ``threading.Event`` fits."""

    def is_set(self) -> bool: ...


class NeverCancel:
    """A cancel flag nobody sets."""

    def is_set(self) -> bool:
        return False


@dataclass(frozen=True)
class ProgressEvent:
    """One step of a run, sent to the progress callback (from the sync thread).

    ``kind`` is one of ``phase_started``, ``table_started``, ``batch_done``,
    ``table_done``, ``phase_done``, ``message``. Counts are for the current table
    (upload/download) or for the ID phase; ``total``/``done`` drive a progress bar
    for the current phase (``total`` 0 when unknown).
    """

    kind: str
    phase: Phase
    group_id: int | None = None
    group_name: str = ""
    table: str = ""
    sent: int = 0
    accepted: int = 0
    rejected: int = 0
    pending: int = 0
    waiting: int = 0
    done: int = 0
    total: int = 0
    message: str = ""


ProgressCallback = Callable[[ProgressEvent], None]


def ignore_progress(_event: ProgressEvent) -> None:
    """A progress callback that does nothing."""


@dataclass
class Rejection:
    """One row central refused, with central's reason."""

    serial: str
    reason: str


@dataclass
class TableReport:
    """One table of one phase.

    Upload counts: ``sent`` rows sent this run, ``accepted`` and ``rejected`` of those;
    ``pending`` rows still to send after the run (``waiting`` of them held back because
    their parent has not reached central); ``needs_attention`` rows set aside because
    central refused their content (this run or earlier), sent again once edited.
    Download counts: ``received`` rows applied, ``changed`` of them new or different
    from what the laptop held (the watermark's safety margin re-fetches some rows).
    """

    table: str
    group_id: int | None = None
    group_name: str = ""
    sent: int = 0
    accepted: int = 0
    rejected: int = 0
    pending: int = 0
    waiting: int = 0
    needs_attention: int = 0
    received: int = 0
    changed: int = 0
    outcome: Outcome = Outcome.NO_DATA
    errors: list[str] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["outcome"] = str(self.outcome)
        return out


@dataclass
class PhaseReport:
    """One phase of a run."""

    phase: Phase
    outcome: Outcome = Outcome.NOT_RUN
    started: datetime | None = None
    finished: datetime | None = None
    tables: list[TableReport] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    summary: str = ""
    # Set when central could not be reached at all: the run stops with this sentence.
    stop_reason: str = ""
    # The ID phase: pool size before and after, and IDs added.
    ids_before: int | None = None
    ids_added: int = 0
    ids_after: int | None = None

    @property
    def succeeded(self) -> bool:
        return self.outcome in GOOD_OUTCOMES

    def totals(self) -> dict[str, int]:
        keys = ("sent", "accepted", "rejected", "pending", "waiting", "needs_attention")
        sums = {k: sum(getattr(t, k) for t in self.tables) for k in keys}
        sums["received"] = sum(t.received for t in self.tables)
        sums["changed"] = sum(t.changed for t in self.tables)
        return sums

    def to_dict(self) -> dict[str, Any]:
        return {
            "phase": str(self.phase),
            "outcome": str(self.outcome),
            "succeeded": self.succeeded,
            "started": _iso(self.started),
            "finished": _iso(self.finished),
            "summary": self.summary,
            "errors": list(self.errors),
            "totals": self.totals(),
            "ids_before": self.ids_before,
            "ids_added": self.ids_added,
            "ids_after": self.ids_after,
            "tables": [t.to_dict() for t in self.tables],
        }


@dataclass
class RunReport:
    """A whole run: what was asked, what each phase did, and a sentence for people."""

    phases_requested: list[Phase]
    started: datetime
    finished: datetime | None = None
    phases: list[PhaseReport] = field(default_factory=list)
    run_id: int | None = None
    stop_reason: str = ""
    needs_sign_in: bool = False
    cancelled: bool = False
    summary: str = ""
    clock_warning: str = ""  # the laptop clock looks wrong (see engine.check_clock)

    @property
    def succeeded(self) -> bool:
        """True only when every requested phase fully succeeded."""
        done = {p.phase: p for p in self.phases}
        return all(ph in done and done[ph].succeeded for ph in self.phases_requested)

    def phase(self, phase: Phase) -> PhaseReport | None:
        return next((p for p in self.phases if p.phase == phase), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "succeeded": self.succeeded,
            "summary": self.summary,
            "phases_requested": [str(p) for p in self.phases_requested],
            "started": _iso(self.started),
            "finished": _iso(self.finished),
            "stop_reason": self.stop_reason,
            "needs_sign_in": self.needs_sign_in,
            "cancelled": self.cancelled,
            "clock_warning": self.clock_warning,
            "errors": [self.clock_warning] if self.clock_warning else [],
            "phases": [p.to_dict() for p in self.phases],
        }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(sep=" ", timespec="seconds") if value else None


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summarise_upload(report: PhaseReport) -> str:
    """A sentence such as "312 records sent, 2 rejected: see below"."""
    t = report.totals()
    if report.outcome == Outcome.NO_DATA and not t["needs_attention"]:
        return "Nothing new to send."
    parts = [f"{_plural(t['sent'], 'record')} sent"]
    if t["rejected"]:
        parts.append(f"{t['rejected']} rejected: see below")
    if t["pending"]:
        waiting = f", {t['waiting']} waiting for their parent record" if t["waiting"] else ""
        parts.append(f"{t['pending']} still to send{waiting}")
    older = t["needs_attention"] - t["rejected"]
    if older > 0:
        parts.append(f"{_plural(older, 'earlier record')} still need attention")
    return ", ".join(parts) + "."


def summarise_download(report: PhaseReport) -> str:
    """A sentence such as "30 master tables checked, 12 rows updated"."""
    failed = [t.table for t in report.tables if t.outcome == Outcome.FAILED]
    untried = sum(1 for t in report.tables if t.outcome in (Outcome.NOT_RUN, Outcome.STOPPED))
    current = sum(1 for t in report.tables if t.outcome in GOOD_OUTCOMES)
    totals = report.totals()
    changed, received = totals["changed"], totals["received"]
    text = f"{_plural(current, 'master table')} brought up to date"
    if changed:
        text += f", {_plural(changed, 'row')} new or changed"
    elif current:
        text += ", no changes"
    rechecked = received - changed
    if rechecked > 0:
        text += f" ({_plural(rechecked, 'row')} re-checked)"
    if failed:
        text += f"; {len(failed)} could not be fetched: {', '.join(failed)}"
    if untried:
        text += f"; {_plural(untried, 'table')} not tried"
    return text + "."
