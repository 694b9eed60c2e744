"""The search index stays current through a sync: upload, master download and new IDs."""

from __future__ import annotations

import sqlalchemy as sa

from mmu_desktop.db import beneficiaries
from mmu_desktop.db.demo_data import seed_demo
from mmu_desktop.db.search import SearchIndex
from mmu_desktop.sync.report import Phase
from tests.helpers.people import sunita
from tests.sync.conftest import Van


def _everyone(engine: sa.Engine) -> list[tuple[str, int]]:
    with engine.connect() as conn:
        rows = conn.execute(
            beneficiaries.summary_query().order_by(beneficiaries.MAPPING.c.BenRegId)
        ).all()
    people = [beneficiaries.to_summary(row) for row in rows]
    return [(p.full_name, p.ben_reg_id) for p in people]


def _finds(index: SearchIndex, text: str, ben_reg_id: int) -> bool:
    return ben_reg_id in [m.person.ben_reg_id for m in index.search(text, limit=100)]


def test_people_are_found_the_same_after_a_full_sync_and_new_ones_at_once(van: Van) -> None:
    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 12, 0, seed=41)
    index = SearchIndex(van.engine)
    people = _everyone(van.engine)
    assert len(people) == 12 and all(_finds(index, name, i) for name, i in people)

    report = van.sync()  # upload everything, download masters, top up the ID pool

    assert report.succeeded, report.summary
    assert van.central.count("i_beneficiarydetails") == 12
    assert _everyone(van.engine) == people
    assert all(_finds(index, name, i) for name, i in people)
    registered = beneficiaries.register(
        van.engine, sunita(first_name="Gulabo", last_name="Sitara"), van.ctx.van()
    )
    assert _finds(index, "Gulabo Sit", registered.ben_reg_id)
    assert _finds(index, f"{registered.beneficiary_id:012d}", registered.ben_reg_id)
