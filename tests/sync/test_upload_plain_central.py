"""A central that takes plain JSON only (as a real AMRIT central) never gets gzip."""

from __future__ import annotations

from typing import Any

from mmu_desktop.db.demo_data import seed_demo
from mmu_desktop.sync.report import Phase
from tests.sync.conftest import Van
from tests.sync.test_upload_wire import assert_all_stored_once, upload_encodings

CENTRAL_OPTIONS: dict[str, Any] = {"accept_gzip": False}


def test_a_central_that_does_not_offer_gzip_gets_plain_json(van: Van) -> None:
    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 12, 20, seed=42)
    van.central.faults.encodings.clear()

    assert van.sync(Phase.UPLOAD).succeeded

    encodings = upload_encodings(van)
    assert len(encodings) > 5 and set(encodings) == {""}
    assert_all_stored_once(van)
