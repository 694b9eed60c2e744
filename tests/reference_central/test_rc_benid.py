"""``beneficiary/generateBeneficiaryIDs``: shape, check digits, uniqueness, limits, speed."""

from __future__ import annotations

import re
import time
from typing import Any

import sqlalchemy as sa

from reference_central.db import amrit_table
from reference_central.seed import DEMO_VAN_ID
from reference_central.server import RunningCentral
from reference_central.verhoeff import is_valid


def test_ids_come_in_common_api_shape(central: RunningCentral, van: Any) -> None:
    envelope = van.generate_ids(5)
    assert list(envelope) == ["data", "statusCode", "errorMessage", "status"]
    assert envelope["statusCode"] == 200
    entries = envelope["data"]
    assert len(entries) == 5
    for entry in entries:
        assert list(entry) == ["benRegId", "beneficiaryId", "createdDate", "createdBy"]
        assert isinstance(entry["benRegId"], str) and entry["benRegId"].isdigit()
        assert re.fullmatch(r"[2-9]\d{11}", entry["beneficiaryId"])
        assert is_valid(entry["beneficiaryId"])
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", entry["createdDate"])
        assert entry["createdBy"] == "admin-batch"

    table = amrit_table("m_beneficiaryregidmapping")
    with central.engine.connect() as conn:
        stored = conn.execute(sa.select(table).order_by(table.c.BenRegId)).mappings().all()
    assert [str(r["BenRegId"]) for r in stored] == [e["benRegId"] for e in entries]
    assert [str(r["BeneficiaryID"]) for r in stored] == [e["beneficiaryId"] for e in entries]
    for row in stored:
        assert row["Provisioned"] is False
        assert row["Reserved"] is True
        assert row["VanID"] == DEMO_VAN_ID
        assert row["CreatedBy"] == "admin-batch"


def test_ten_thousand_ids_are_fast_and_unique(van: Any) -> None:
    started = time.perf_counter()
    envelope = van.generate_ids(10_000)
    elapsed = time.perf_counter() - started
    assert envelope["statusCode"] == 200
    assert elapsed < 5, f"10,000 IDs took {elapsed:.1f} s"
    more = van.generate_ids(500)["data"]
    ids = [e["beneficiaryId"] for e in envelope["data"] + more]
    reg_ids = [e["benRegId"] for e in envelope["data"] + more]
    assert len(set(ids)) == len(ids) == 10_500
    assert len(set(reg_ids)) == 10_500
    assert all(is_valid(i) for i in ids)


def test_out_of_range_requests_are_refused(central: RunningCentral, van: Any) -> None:
    url = central.common_url + "beneficiary/generateBeneficiaryIDs"
    for body in (
        {"benIDRequired": 0, "vanID": DEMO_VAN_ID},
        {"benIDRequired": -3, "vanID": DEMO_VAN_ID},
        {"benIDRequired": 20_001, "vanID": DEMO_VAN_ID},
        {"benIDRequired": "many", "vanID": DEMO_VAN_ID},
        {"benIDRequired": 10},
        {"benIDRequired": 10, "vanID": None},
    ):
        envelope = van.post(url, body)
        assert envelope["statusCode"] == 5000, body
        assert envelope["errorMessage"]
    table = amrit_table("m_beneficiaryregidmapping")
    with central.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one() == 0
