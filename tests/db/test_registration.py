"""Registering a beneficiary: the identity rows, AMRIT's row rules, the ID pool."""

from __future__ import annotations

import threading
from datetime import date

import pytest
import sqlalchemy as sa

from mmu_desktop.context import AppContext
from mmu_desktop.db import beneficiaries, id_pool
from mmu_desktop.db.engine import writing
from mmu_desktop.db.rows import update_synced
from mmu_desktop.db.schema import table
from tests.helpers.people import hindi_person, sunita
from tests.helpers.pool import fill_pool

TODAY = date(2026, 12, 4)


def _one(ctx: AppContext, sql: str, **params: object) -> sa.Row:
    with ctx.engine.connect() as conn:
        return conn.execute(sa.text(sql), params).one()


def test_registration_writes_linked_identity_rows(ctx: AppContext) -> None:
    fill_pool(ctx.engine, 3)
    done = beneficiaries.register(
        ctx.engine, sunita(identity_type_id=2, identity_no="VTR0001"), ctx.van(), TODAY
    )

    assert done.ben_reg_id == 90001
    mapping = _one(ctx, "SELECT * FROM i_beneficiarymapping WHERE BenRegId = :r", r=90001)
    details = _one(
        ctx,
        "SELECT * FROM i_beneficiarydetails WHERE BeneficiaryDetailsId = :i",
        i=mapping.BenDetailsId,
    )
    address = _one(
        ctx, "SELECT * FROM i_beneficiaryaddress WHERE BenAddressID = :i", i=mapping.BenAddressId
    )
    contacts = _one(
        ctx, "SELECT * FROM i_beneficiarycontacts WHERE BenContactsID = :i", i=mapping.BenContactsId
    )
    identity = _one(
        ctx, "SELECT * FROM i_beneficiaryidentity WHERE BenMapId = :i", i=mapping.BenMapId
    )
    assert (details.FirstName, details.Gender, details.BeneficiaryRegID) == (
        "Sunita",
        "Female",
        90001,
    )
    assert details.DOB.startswith("1992-12-04")
    assert (address.CurrVillage, address.PermVillage, address.CurrState) == (
        "Bhagwantpur",
        "Bhagwantpur",
        "Uttar Pradesh",
    )
    assert contacts.PreferredPhoneNum == "9876501234"
    assert (identity.IdentityType, identity.IdentityNo) == ("Voter ID", "VTR0001")


def test_rows_carry_van_settings_and_their_own_key_as_van_serial(ctx: AppContext) -> None:
    fill_pool(ctx.engine, 2)
    beneficiaries.register(ctx.engine, sunita(), ctx.van(), TODAY)
    beneficiaries.register(ctx.engine, hindi_person(), ctx.van(), TODAY)
    for name, pk in [
        ("i_beneficiarydetails", "BeneficiaryDetailsId"),
        ("i_beneficiaryaddress", "BenAddressID"),
        ("i_beneficiarycontacts", "BenContactsID"),
        ("i_beneficiarymapping", "BenMapId"),
        ("m_beneficiaryregidmapping", "BenRegId"),
    ]:
        with ctx.engine.connect() as conn:
            rows = conn.execute(
                sa.text(
                    f"SELECT {pk} AS pk, VanSerialNo, VanID, VehicalNo, ParkingPlaceID, Processed "
                    f"FROM {name} WHERE VanSerialNo IS NOT NULL"
                )
            ).all()
        assert len(rows) == 2, name
        for row in rows:
            assert row.VanSerialNo == row.pk
            assert (row.VanID, row.VehicalNo, row.ParkingPlaceID, row.Processed) == (
                7,
                "UP32 AB 1234",
                3,
                "N",
            )


def test_processed_moves_to_u_only_for_rows_already_sent_or_set_aside(ctx: AppContext) -> None:
    fill_pool(ctx.engine, 3)
    ids = [
        beneficiaries.register(ctx.engine, sunita(), ctx.van(), TODAY).details_id for _ in range(3)
    ]
    details = table("i_beneficiarydetails")
    with writing(ctx.engine) as conn:
        conn.execute(
            sa.update(details).where(details.c.BeneficiaryDetailsId == ids[1]).values(Processed="P")
        )
        conn.execute(
            sa.update(details)
            .where(details.c.BeneficiaryDetailsId == ids[2])
            .values(Processed="F", SyncFailureReason="INSERT: Data too long: FirstName")
        )
        for row_id in ids:
            update_synced(
                conn,
                "i_beneficiarydetails",
                row_id,
                {"FirstName": "Suneeta"},
                ctx.van(),
                beneficiaries.now(),
            )
    with ctx.engine.connect() as conn:
        states = (
            conn.execute(sa.select(details.c.Processed).order_by(details.c.BeneficiaryDetailsId))
            .scalars()
            .all()
        )
    assert states == ["N", "U", "U"]


def test_a_deleted_rows_key_is_never_reused(ctx: AppContext) -> None:
    fill_pool(ctx.engine, 2)
    first = beneficiaries.register(ctx.engine, sunita(), ctx.van(), TODAY)
    contacts = table("i_beneficiarycontacts")
    mapping = table("i_beneficiarymapping")
    with writing(ctx.engine) as conn:
        conn.execute(sa.delete(mapping))
        conn.execute(sa.delete(contacts))
    second = beneficiaries.register(ctx.engine, sunita(), ctx.van(), TODAY)
    assert second.contacts_id > first.contacts_id


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"first_name": " "}, "first_name", "first name"),
        ({"phone": "12345"}, "phone", "10 digits"),
        ({"phone": "5876501234"}, "phone", "starts with 6"),
        ({"age_years": None, "dob": date(2027, 1, 1)}, "dob", "future"),
        ({"age_years": None, "dob": date(1890, 1, 1)}, "dob", "120"),
        ({"age_years": 130}, "age_years", "between 0 and 120"),
        ({"age_years": None}, "dob", "date of birth or the age"),
        ({"village_id": None}, "village_id", "village"),
        ({"gender_id": None}, "gender_id", "gender"),
        ({"pin_code": "2614"}, "pin_code", "6 digits"),
    ],
)
def test_invalid_forms_are_refused_with_a_message_for_the_field(
    ctx: AppContext, changes: dict, field: str, words: str
) -> None:
    fill_pool(ctx.engine, 1)
    with pytest.raises(beneficiaries.InvalidForm) as raised:
        beneficiaries.register(ctx.engine, sunita(**changes), ctx.van(), TODAY)
    assert words in raised.value.errors[field]
    with ctx.engine.connect() as conn:
        assert id_pool.available_count(conn) == 1
        assert conn.execute(sa.text("SELECT count(*) FROM i_beneficiarydetails")).scalar() == 0


def test_phone_is_accepted_with_country_code_and_spaces(ctx: AppContext) -> None:
    fill_pool(ctx.engine, 1)
    beneficiaries.register(ctx.engine, sunita(phone="+91 98765-01234"), ctx.van(), TODAY)
    assert _one(ctx, "SELECT PreferredPhoneNum FROM i_beneficiarycontacts")[0] == "9876501234"


def test_empty_pool_refuses_registration_and_says_what_to_do(ctx: AppContext) -> None:
    with pytest.raises(id_pool.PoolEmpty) as raised:
        beneficiaries.register(ctx.engine, sunita(), ctx.van(), TODAY)
    assert "Sync" in str(raised.value)
    assert _one(ctx, "SELECT count(*) FROM i_beneficiarydetails")[0] == 0


def test_a_failed_save_gives_its_id_back(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    fill_pool(ctx.engine, 1)

    def broken(form: object) -> dict:
        raise sa.exc.OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(beneficiaries, "_contacts_values", broken)
    with pytest.raises(sa.exc.OperationalError):
        beneficiaries.register(ctx.engine, sunita(), ctx.van(), TODAY)
    with ctx.engine.connect() as conn:
        assert id_pool.available_count(conn) == 1
        assert conn.execute(sa.text("SELECT count(*) FROM i_beneficiarydetails")).scalar() == 0


def test_two_threads_never_get_the_same_id(ctx: AppContext) -> None:
    fill_pool(ctx.engine, 30)
    claimed: list[int] = []
    refused: list[str] = []
    lock = threading.Lock()

    def nurse() -> None:
        for _ in range(20):
            try:
                done = beneficiaries.register(ctx.engine, sunita(), ctx.van(), TODAY)
            except id_pool.PoolEmpty as exc:
                with lock:
                    refused.append(str(exc))
            else:
                with lock:
                    claimed.append(done.ben_reg_id)

    threads = [threading.Thread(target=nurse) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(claimed) == 30 and len(set(claimed)) == 30
    assert len(refused) == 10
    with ctx.engine.connect() as conn:
        linked = conn.execute(
            sa.text("SELECT count(DISTINCT BenRegId) FROM i_beneficiarymapping")
        ).scalar()
    assert linked == 30


def test_storing_ids_skips_ones_already_held(ctx: AppContext) -> None:
    fill_pool(ctx.engine, 5)
    with writing(ctx.engine) as conn:
        stored = id_pool.store_new_ids(
            conn,
            [(90001, 111111111111), (95000, 284700090001), (95001, 222222222222)],
            7,
            beneficiaries.now(),
        )
        assert (stored.added, stored.already_held) == (1, 2)
        assert id_pool.available_count(conn) == 6


def test_edit_keeps_the_same_rows(ctx: AppContext) -> None:
    fill_pool(ctx.engine, 1)
    done = beneficiaries.register(ctx.engine, sunita(), ctx.van(), TODAY)
    with ctx.engine.connect() as conn:
        form = beneficiaries.load_form(conn, done.ben_reg_id)
    assert form is not None and form.village_id == 2
    form.first_name = "Suneeta"
    form.phone = "9000000001"
    beneficiaries.update(ctx.engine, done.ben_reg_id, form, ctx.van(), TODAY)
    with ctx.engine.connect() as conn:
        person = beneficiaries.get_summary(conn, done.ben_reg_id)
        assert conn.execute(sa.text("SELECT count(*) FROM i_beneficiarydetails")).scalar() == 1
    assert person is not None
    assert (person.first_name, person.phone) == ("Suneeta", "9000000001")


def test_ids_fetched_for_another_van_are_not_used(ctx: AppContext) -> None:
    fill_pool(ctx.engine, 3, van_id=16)  # fetched before the laptop's van-id changed
    with pytest.raises(id_pool.PoolEmpty):
        beneficiaries.register(ctx.engine, sunita(), ctx.van(), TODAY)
    with ctx.engine.connect() as conn:
        assert id_pool.available_count(conn, van_id=7) == 0
        assert id_pool.available_count(conn) == 3
