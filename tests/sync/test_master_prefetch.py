"""Requests for tables with a watermark overlap; a first download asks one table at a time."""

from __future__ import annotations

import threading
import time

from flask import Response

from mmu_desktop.sync import masters
from mmu_desktop.sync.report import Outcome, Phase
from reference_central.seed import touch_master
from tests.sync.conftest import Van


class InFlight:
    """Counts ``server-to-van`` calls central is handling at once (a fault-switch hook)."""

    def __init__(self) -> None:
        self.now = 0
        self.most = 0
        self.lock = threading.Lock()

    def before(self, call: str, _n: int) -> Response | None:
        if call == "server-to-van":
            with self.lock:
                self.now += 1
                self.most = max(self.most, self.now)
            time.sleep(0.05)  # long enough for the next request to arrive, if one was sent
        return None

    def after(self, call: str, _n: int, response: Response) -> Response:
        if call == "server-to-van":
            with self.lock:
                self.now -= 1
        return response


def test_tables_with_a_watermark_are_asked_for_several_at_a_time(van: Van) -> None:
    first = InFlight()
    van.central.faults.before, van.central.faults.after = first.before, first.after
    assert van.sync(Phase.DOWNLOAD).succeeded
    assert first.most == 1  # a first download may be big: one answer in memory at a time

    touch_master(van.central.engine, "m_gender", 1, GenderName="Mahila")
    again = InFlight()
    van.central.faults.before, van.central.faults.after = again.before, again.after
    report = van.sync(Phase.DOWNLOAD)

    assert report.succeeded, report.summary
    assert 1 < again.most <= masters.PREFETCH
    download = report.phase(Phase.DOWNLOAD)
    assert download is not None
    applied = [t.table for t in download.tables if t.outcome == Outcome.SUCCESS]
    assert applied == [t.table for t in download.tables]  # every table, in the usual order
    gender = next(t for t in download.tables if t.table == "m_gender")
    assert gender.changed == 1


def test_an_expired_session_stops_the_run_with_requests_in_flight(van: Van) -> None:
    assert van.sync(Phase.DOWNLOAD).succeeded

    seen: list[str] = []

    def expire_on_third(call: str, _n: int) -> Response | None:
        seen.append(call)
        if seen.count("server-to-van") == 3:
            van.central.clock.now += 10 * 24 * 3600  # every later call gets 5002 too
        return None

    van.central.faults.before = expire_on_third
    report = van.sync(Phase.DOWNLOAD)

    assert not report.succeeded
    download = report.phase(Phase.DOWNLOAD)
    assert download is not None and download.outcome == Outcome.STOPPED
    outcomes = [t.outcome for t in download.tables]
    failed = outcomes.index(Outcome.FAILED)  # the table whose answer said 5002
    assert set(outcomes[:failed]) <= {Outcome.SUCCESS}
    assert set(outcomes[failed + 1 :]) == {Outcome.NOT_RUN}  # answers in flight are dropped
    assert "Sign in again" in report.summary
