"""How the upload copes with what a real AMRIT central does, over real HTTP.

A real central fails every row of a JDBC batch with one reason (contract 11.11), has no
unique index behind its de-duplication (11.2), and sits behind proxies that refuse
large bodies (HTTP 413) or give up on slow requests (HTTP 502/504).
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from flask import Response, request

from mmu_desktop.db.demo_data import seed_demo
from mmu_desktop.db.schema import table
from mmu_desktop.sync.client import Timeouts
from mmu_desktop.sync.engine import prepare, run_sync
from mmu_desktop.sync.report import Outcome, Phase, RunReport
from tests.sync.conftest import FAST, Van, envelope, garbage


def states(van: Van, name: str) -> dict[str | None, int]:
    tbl = table(name)
    with van.engine.connect() as conn:
        rows = conn.execute(
            sa.select(tbl.c.Processed, sa.func.count()).group_by(tbl.c.Processed)
        ).all()
    return {state: n for state, n in rows}


def uploads_of(van: Van, name: str) -> list[dict[str, Any]]:
    return [
        body
        for call, body in van.central.faults.bodies
        if call == "van-to-server" and isinstance(body, dict) and body["tableName"] == name
    ]


def like_real_central(van: Van, table_name: str, bad_serial: int, reason: str) -> None:
    """Central refuses one row, and like AMRIT reports every row of its request failed.

    The good rows of that request are stored (AMRIT's auto-commit), yet reported failed.
    """
    faults = van.central.faults
    faults.reject = lambda name, row: (
        reason if name == table_name and row.get("VanSerialNo") == bad_serial else None
    )

    def spread(call: str, _n: int, response: Response) -> Response:
        if call != "van-to-server":
            return response
        data = (response.get_json() or {}).get("data")
        records = data.get("records") if isinstance(data, dict) else None
        if records and any(r.get("reason") == reason for r in records):
            for record in records:
                record["success"] = False
                record["reason"] = reason
            return envelope(data)
        return response

    faults.after = spread


def test_a_whole_batch_failure_sets_aside_only_the_bad_row(van: Van) -> None:
    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 12, 12, seed=51)
    contacts = table("i_beneficiarycontacts")
    with van.engine.connect() as conn:
        serials = sorted(conn.execute(sa.select(contacts.c.BenContactsID)).scalars())
    bad = serials[5]
    like_real_central(van, "i_beneficiarycontacts", bad, "INSERT: Data too long: PhoneNum1")

    report = van.sync(Phase.UPLOAD)

    assert states(van, "i_beneficiarycontacts") == {"P": 11, "F": 1}
    with van.engine.connect() as conn:
        state = conn.execute(
            sa.select(contacts.c.Processed).where(contacts.c.BenContactsID == bad)
        ).scalar_one()
    assert state == "F"
    upload = report.phase(Phase.UPLOAD)
    assert upload is not None
    contacts_report = next(t for t in upload.tables if t.table == "i_beneficiarycontacts")
    assert contacts_report.rejected == 1 and contacts_report.accepted == 11
    assert contacts_report.sent == 12  # rows, not requests
    assert [r.serial for r in contacts_report.rejections] == [str(bad)]
    # Only the bad row's beneficiary waits; the rest reached central, each once.
    assert van.central.count("i_beneficiarycontacts") == 11
    assert van.central.count("i_beneficiarymapping") == 11
    mapping = next(t for t in upload.tables if t.table == "i_beneficiarymapping")
    assert mapping.waiting == 1


def test_a_shared_reason_from_centrals_own_trouble_sets_nothing_aside(van: Van) -> None:
    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 3, 0, seed=53)
    van.central.faults.reject = lambda name, row: (
        "INSERT: Database connection timeout" if name == "i_beneficiarydetails" else None
    )

    report = van.sync(Phase.UPLOAD)

    assert not report.succeeded
    assert "F" not in states(van, "i_beneficiarydetails")
    van.central.faults.reject = None
    assert van.sync(Phase.UPLOAD).succeeded
    assert van.central.count("i_beneficiarydetails") == 3


def sync_with(van: Van, *phases: Phase, **option_changes: Any) -> RunReport:
    plan = prepare(van.data_dir, van.ctx.reload_settings(), list(phases) or None)
    return run_sync(plan, van.engine, options=replace(FAST, **option_changes))


def test_an_upload_whose_answer_never_came_is_not_sent_again_in_the_run(van: Van) -> None:
    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 4, 2, seed=55)

    def slow_answer(call: str, n: int, response: Response) -> Response:
        if call == "van-to-server" and n == 1:
            time.sleep(1.5)  # central stored the batch; the answer comes too late
        return response

    van.central.faults.after = slow_answer
    van.central.faults.bodies.clear()
    timeouts = Timeouts(connect=2, read=10, upload_read=0.5)

    report = sync_with(van, Phase.UPLOAD, timeouts=timeouts)

    first_table = van.central.faults.bodies[0][1]["tableName"]
    assert len(uploads_of(van, first_table)) == 1  # no blind re-send
    assert not report.succeeded
    upload = report.phase(Phase.UPLOAD)
    assert upload is not None
    first = next(t for t in upload.tables if t.table == first_table)
    assert "not sent again in this run" in " ".join(first.errors)
    assert "stay queued for the next sync" in " ".join(first.errors)
    assert first.pending > 0 and states(van, first_table).get("P") is None
    time.sleep(1.2)

    van.central.faults.after = None
    again = van.sync(Phase.UPLOAD)

    assert again.succeeded, again.summary
    assert van.central.count("i_beneficiarydetails") == 4
    assert van.central.count("t_benvisitdetail") == 2


def test_a_gateway_error_is_not_retried_but_a_busy_answer_is(van: Van) -> None:
    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 3, 0, seed=57)
    van.central.faults.before = lambda call, n: (
        garbage("<html>504 Gateway Time-out</html>", 504)
        if call == "van-to-server" and n == 1
        else garbage("busy", 503)
        if call == "van-to-server" and n == 2
        else None
    )
    van.central.faults.bodies.clear()

    report = van.sync(Phase.UPLOAD)

    first_table = van.central.faults.bodies[0][1]["tableName"]
    assert len(uploads_of(van, first_table)) == 1
    upload = report.phase(Phase.UPLOAD)
    assert upload is not None
    first = next(t for t in upload.tables if t.table == first_table)
    assert "HTTP 504" in " ".join(first.errors) and first.pending > 0
    # The 503 (call 2, the next table) was tried again and went through.
    second_table = van.central.faults.bodies[1][1]["tableName"]
    assert second_table != first_table and len(uploads_of(van, second_table)) == 2

    van.central.faults.before = None
    assert van.sync(Phase.UPLOAD).succeeded
    assert van.central.count("i_beneficiarydetails") == 3


def test_requests_stay_under_the_byte_limit(van: Van) -> None:
    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 10, 10, seed=59)
    van.central.faults.bodies.clear()

    report = sync_with(van, Phase.UPLOAD, max_request_bytes=6000)

    assert report.succeeded, report.summary
    sizes = [
        len(json.dumps(body, ensure_ascii=False).encode())
        for call, body in van.central.faults.bodies
        if call == "van-to-server"
    ]
    assert max(sizes) < 6000
    assert len(uploads_of(van, "i_beneficiarydetails")) > 1
    assert van.central.count("i_beneficiarydetails") == 10


def test_http_413_halves_the_batch_instead_of_stopping(van: Van) -> None:
    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 8, 8, seed=61)

    def proxy_limit(call: str, _n: int) -> Response | None:
        if call == "van-to-server" and (request.content_length or 0) > 5000:
            return Response("<html>413 Request Entity Too Large</html>", status=413)
        return None

    van.central.faults.before = proxy_limit

    report = van.sync(Phase.UPLOAD)

    assert report.succeeded, report.summary
    assert "Check the central URL" not in json.dumps(report.to_dict())
    assert van.central.count("i_beneficiarydetails") == 8
    assert van.central.count("t_benvisitdetail") == 8


def test_an_unreachable_central_is_said_first_and_nothing_else_is_tried(van: Van) -> None:
    import socket

    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 2, 0, seed=63)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    van.set(central_url=f"http://127.0.0.1:{port}/mmuapi/")

    report = van.sync(Phase.UPLOAD, Phase.DOWNLOAD)

    assert report.summary.startswith(
        f"Could not reach the central server at http://127.0.0.1:{port}: nothing was lost"
    ), report.summary
    assert "brought up to date" not in report.summary
    download = report.phase(Phase.DOWNLOAD)
    assert download is not None and download.outcome == Outcome.STOPPED
    assert set(states(van, "i_beneficiarydetails")) == {"N"}
    upload = report.phase(Phase.UPLOAD)
    assert upload is not None
    # Nothing got through, so the panel must not say any record was sent.
    assert upload.totals()["sent"] == 0


def test_a_download_with_nothing_new_reports_no_changes(van: Van) -> None:
    first = van.sync(Phase.DOWNLOAD)
    assert first.succeeded, first.summary
    assert first.phase(Phase.DOWNLOAD).totals()["changed"] > 0  # type: ignore[union-attr]

    again = van.sync(Phase.DOWNLOAD)

    assert again.succeeded
    totals = again.phase(Phase.DOWNLOAD).totals()  # type: ignore[union-attr]
    assert totals["changed"] == 0
    assert "updated" not in again.summary and "no changes" in again.summary
