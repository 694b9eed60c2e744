"""Phase 1 against the reference central over real HTTP: rows arrive once, and only once."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import sqlalchemy as sa

from mmu_desktop.db import beneficiaries
from mmu_desktop.db.demo_data import seed_demo
from mmu_desktop.db.schema import synced_table_names, table
from mmu_desktop.sync.report import Outcome, Phase
from mmu_desktop.sync.upload import ALLOWED_TOP_LEVEL_KEYS
from tests.sync.conftest import FAST, Van, envelope


def local_count(van: Van, name: str, where: Any = None) -> int:
    tbl = table(name)
    query = sa.select(sa.func.count()).select_from(tbl)
    if name == "m_beneficiaryregidmapping":
        query = query.where(tbl.c.Provisioned.is_(True))
    if where is not None:
        query = query.where(where(tbl))
    with van.engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def processed_states(van: Van, name: str) -> dict[str | None, int]:
    tbl = table(name)
    with van.engine.connect() as conn:
        rows = conn.execute(
            sa.select(tbl.c.Processed, sa.func.count()).group_by(tbl.c.Processed)
        ).all()
    return {state: n for state, n in rows}


def made_tables(van: Van) -> list[str]:
    return [n for n in synced_table_names() if local_count(van, n)]


def test_every_row_reaches_central_once_and_a_second_sync_sends_nothing(van: Van) -> None:
    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 12, 30, seed=3)

    report = van.sync(Phase.UPLOAD)

    assert report.succeeded, report.summary
    upload = report.phase(Phase.UPLOAD)
    assert upload is not None
    sent = upload.totals()["sent"]
    assert sent > 12 * 4 + 30
    assert report.summary.startswith("Sync finished.") and f"{sent} records sent" in report.summary
    for name in made_tables(van):
        if name == "m_beneficiaryregidmapping":
            continue
        assert van.central.count(name) == local_count(van, name), name
        assert set(processed_states(van, name)) == {"P"}, name
    assert van.central.count("i_beneficiarydetails") == 12
    assert van.central.count("t_benvisitdetail") == 30

    before = {n: van.central.count(n) for n in made_tables(van)}
    again = van.sync(Phase.UPLOAD)
    assert again.succeeded
    assert again.phase(Phase.UPLOAD).totals()["sent"] == 0  # type: ignore[union-attr]
    assert "Nothing new to send" in again.summary
    assert {n: van.central.count(n) for n in made_tables(van)} == before


def test_rows_are_lean_and_carry_only_allowed_keys(van: Van) -> None:
    van.sync(Phase.IDS)
    seed_demo(van.engine, van.ctx.van(), 2, 1, seed=5)
    van.central.faults.bodies.clear()

    assert van.sync(Phase.UPLOAD).succeeded

    uploads = [body for call, body in van.central.faults.bodies if call == "van-to-server"]
    details = next(b for b in uploads if b["tableName"] == "i_beneficiarydetails")
    assert set(details) <= ALLOWED_TOP_LEVEL_KEYS
    assert details["facilityID"] == 9 and details["syncedBy"] == "nurse.asha"
    row = details["syncData"][0]
    # Contract 5.3: the date under its plain column name, and no null values at all.
    assert not any(key.startswith("date_format(") for key in row)
    assert len(row["CreatedDate"]) == 19 and row["CreatedDate"][10] == " "
    assert None not in row.values()
    assert row["VanID"] == 7 and row["BeneficiaryDetailsId"] == row["VanSerialNo"]
    assert row["Deleted"] is False
    flow = next(b for b in uploads if b["tableName"] == "i_ben_flow_outreach")
    assert "VanID" in flow["syncData"][0]
    regid = next(b for b in uploads if b["tableName"] == "m_beneficiaryregidmapping")
    assert {"BenRegId", "BeneficiaryID", "VanID"} <= set(regid["syncData"][0])


def test_amrit_row_format_when_asked(van: Van) -> None:
    van.sync(Phase.IDS)
    seed_demo(van.engine, van.ctx.van(), 2, 1, seed=5)
    van.central.faults.bodies.clear()

    assert van.sync(Phase.UPLOAD, options=replace(FAST, lean_rows=False)).succeeded

    uploads = [body for call, body in van.central.faults.bodies if call == "van-to-server"]
    details = next(b for b in uploads if b["tableName"] == "i_beneficiarydetails")
    row = details["syncData"][0]
    created = row["date_format(CreatedDate,'%Y-%m-%d %H:%i:%s')"]
    assert len(created) == 19 and created[10] == " "
    assert "CreatedDate" not in row and None in row.values()
    assert row["VanID"] == 7 and row["BeneficiaryDetailsId"] == row["VanSerialNo"]


def test_an_edited_row_updates_central_instead_of_duplicating(van: Van) -> None:
    van.sync(Phase.IDS)
    seed_demo(van.engine, van.ctx.van(), 3, 0, seed=7)
    assert van.sync(Phase.UPLOAD).succeeded
    with van.engine.connect() as conn:
        ben_reg_id = conn.execute(
            sa.select(table("i_beneficiarymapping").c.BenRegId).limit(1)
        ).scalar_one()
        form = beneficiaries.load_form(conn, ben_reg_id)
    assert form is not None
    form.first_name = "Sunita"
    beneficiaries.update(van.engine, ben_reg_id, form, van.ctx.van())
    assert processed_states(van, "i_beneficiarydetails").get("U") == 1

    report = van.sync(Phase.UPLOAD)

    assert report.succeeded
    assert report.phase(Phase.UPLOAD).totals()["sent"] == 3  # type: ignore[union-attr]
    assert van.central.count("i_beneficiarydetails") == 3
    details = table("i_beneficiarydetails")
    with van.central.engine.connect() as conn:
        names = (
            conn.execute(
                sa.select(details.c.FirstName).where(details.c.BeneficiaryRegID == ben_reg_id)
            )
            .scalars()
            .all()
        )
    assert names == ["Sunita"]


def test_a_rejected_row_is_set_aside_with_its_reason_and_holds_back_its_children(
    van: Van,
) -> None:
    van.sync(Phase.IDS)
    seed_demo(van.engine, van.ctx.van(), 4, 6, seed=11)
    contacts = table("i_beneficiarycontacts")
    with van.engine.connect() as conn:
        bad_serial = conn.execute(sa.select(sa.func.min(contacts.c.BenContactsID))).scalar_one()
    van.central.faults.reject = lambda name, row: (
        "Data too long: PreferredPhoneNum"
        if name == "i_beneficiarycontacts" and row.get("VanSerialNo") == bad_serial
        else None
    )

    report = van.sync(Phase.UPLOAD)

    assert not report.succeeded
    assert "1 rejected: see below" in report.summary
    upload = report.phase(Phase.UPLOAD)
    assert upload is not None and upload.outcome == Outcome.PARTIAL
    contacts_report = next(t for t in upload.tables if t.table == "i_beneficiarycontacts")
    assert contacts_report.rejected == 1
    assert contacts_report.rejections[0].reason == "Data too long: PreferredPhoneNum"
    with van.engine.connect() as conn:
        state, reason = conn.execute(
            sa.select(contacts.c.Processed, contacts.c.SyncFailureReason).where(
                contacts.c.BenContactsID == bad_serial
            )
        ).one()
    assert (state, reason) == ("F", "Data too long: PreferredPhoneNum")
    assert van.central.count("i_beneficiarycontacts") == 3  # the others went

    # The beneficiary's mapping row and its visits wait for the refused parent.
    mapping = next(t for t in upload.tables if t.table == "i_beneficiarymapping")
    assert mapping.waiting == 1 and mapping.pending == 1
    assert van.central.count("i_beneficiarymapping") == 3
    visits_waiting = next(t for t in upload.tables if t.table == "t_benvisitdetail").waiting
    assert van.central.count("t_benvisitdetail") == 6 - visits_waiting

    # Not sent again until edited; the waiting rows stay queued, nothing duplicates.
    van.central.faults.reject = None
    again = van.sync(Phase.UPLOAD)
    assert again.phase(Phase.UPLOAD).totals()["sent"] == 0  # type: ignore[union-attr]
    assert van.central.count("i_beneficiarycontacts") == 3


def test_an_edit_puts_a_refused_row_back_in_the_queue(van: Van) -> None:
    van.sync(Phase.IDS)
    seed_demo(van.engine, van.ctx.van(), 2, 2, seed=13)
    van.central.faults.reject = lambda name, row: (
        "FK violation: fk_x" if name == "i_beneficiarydetails" else None
    )
    assert not van.sync(Phase.UPLOAD).succeeded
    van.central.faults.reject = None
    with van.engine.connect() as conn:
        reg_ids = conn.execute(sa.select(table("i_beneficiarymapping").c.BenRegId)).scalars().all()
        forms = {r: beneficiaries.load_form(conn, r) for r in reg_ids}
    for reg_id, form in forms.items():
        assert form is not None
        beneficiaries.update(van.engine, reg_id, form, van.ctx.van())

    report = van.sync(Phase.UPLOAD)

    assert report.succeeded, report.summary
    assert van.central.count("i_beneficiarydetails") == 2
    assert van.central.count("t_benvisitdetail") == 2


def test_a_reply_that_does_not_match_the_batch_marks_nothing(van: Van) -> None:
    van.sync(Phase.IDS)
    seed_demo(van.engine, van.ctx.van(), 3, 0, seed=17)

    def drop_a_record(call: str, _n: int, response: Any) -> Any:
        if call != "van-to-server":
            return response
        body = response.get_json()
        data = body.get("data")
        if isinstance(data, dict) and data.get("records"):
            data["records"] = data["records"][:-1]
            return envelope(data)
        return response

    van.central.faults.after = drop_a_record
    report = van.sync(Phase.UPLOAD)

    assert not report.succeeded
    assert set(processed_states(van, "i_beneficiarydetails")) == {"N"}
    details = next(
        t
        for t in report.phase(Phase.UPLOAD).tables  # type: ignore[union-attr]
        if t.table == "i_beneficiarydetails"
    )
    assert "answered for 2 of 3 rows" in details.errors[0]

    van.central.faults.after = None
    assert van.sync(Phase.UPLOAD).succeeded
    assert van.central.count("i_beneficiarydetails") == 3  # re-sent, not duplicated


def test_an_http_200_error_envelope_and_garbage_are_never_success(van: Van) -> None:
    van.sync(Phase.IDS)
    seed_demo(van.engine, van.ctx.van(), 2, 0, seed=19)
    van.central.faults.after = lambda call, n, resp: (
        envelope(None, 5000, "data dync failed") if call == "van-to-server" else resp
    )
    report = van.sync(Phase.UPLOAD)
    assert not report.succeeded
    assert "data dync failed" in " ".join(
        e
        for t in report.phase(Phase.UPLOAD).tables
        for e in t.errors  # type: ignore[union-attr]
    )
    assert processed_states(van, "m_beneficiaryregidmapping").get("P") is None


def test_transient_server_errors_are_retried_within_the_run(van: Van) -> None:
    from tests.sync.conftest import garbage

    van.sync(Phase.IDS)
    seed_demo(van.engine, van.ctx.van(), 2, 1, seed=23)
    van.central.faults.before = lambda call, n: (
        garbage("busy", 503) if call == "van-to-server" and n in (1, 2, 5) else None
    )

    report = van.sync(Phase.UPLOAD)

    assert report.succeeded, report.summary
    assert van.central.count("i_beneficiarydetails") == 2


def test_regid_batch_refusal_isolates_the_bad_id(van: Van) -> None:
    van.sync(Phase.IDS)
    seed_demo(van.engine, van.ctx.van(), 5, 0, seed=29)
    pool = table("m_beneficiaryregidmapping")
    with van.engine.connect() as conn:
        bad = conn.execute(
            sa.select(sa.func.max(pool.c.BenRegId)).where(pool.c.Provisioned.is_(True))
        ).scalar_one()
    van.central.faults.reject = lambda name, row: (
        "unknown ID" if name == "m_beneficiaryregidmapping" and row["BenRegId"] == bad else None
    )

    report = van.sync(Phase.UPLOAD)

    assert not report.succeeded
    with van.engine.connect() as conn:
        states = dict(
            conn.execute(
                sa.select(pool.c.BenRegId, pool.c.Processed).where(pool.c.Provisioned.is_(True))
            ).all()
        )
    assert states.pop(bad) == "F"
    assert set(states.values()) == {"P"}
    assert van.central.count("i_beneficiarymapping") == 4
