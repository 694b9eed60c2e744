"""Synthetic beneficiaries and visits for demos, tests and benchmarks.

Every person is made up (Faker's Hindi and Indian-English name lists, random phone
numbers) and goes through the same ``register`` and ``save_visit`` functions as the
screens, so demo data obeys every rule real data does.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from faker import Faker

from mmu_desktop.context import VanContext
from mmu_desktop.db import beneficiaries, id_pool, visits
from mmu_desktop.db.masters import Choice, choices


@dataclass(frozen=True)
class SeedResult:
    beneficiaries: int
    visits: int


def _pick(rng: random.Random, options: list[Choice]) -> int | None:
    return rng.choice(options).id if options else None


def _person(
    rng: random.Random, fakers: list[Faker], conn: sa.Connection
) -> beneficiaries.BeneficiaryForm:
    fake = rng.choice(fakers)
    female = rng.random() < 0.55
    first = fake.first_name_female() if female else fake.first_name_male()
    state = _pick(rng, choices(conn, "state"))
    district = _pick(rng, choices(conn, "district", state))
    block = _pick(rng, choices(conn, "block", district))
    villages = choices(conn, "village", block)
    village = rng.choice(villages) if villages else None
    genders = {c.label: c.id for c in choices(conn, "gender")}
    form = beneficiaries.BeneficiaryForm(
        first_name=first,
        last_name=fake.last_name(),
        gender_id=genders.get("Female" if female else "Male"),
        phone=f"{rng.choice('6789')}{rng.randrange(10**9):09d}" if rng.random() < 0.85 else "",
        father_name=fake.first_name_male(),
        marital_status_id=_pick(rng, choices(conn, "marital_status")),
        state_id=state,
        district_id=district,
        block_id=block,
        village_id=village.id if village else None,
        pin_code=village.extra or "" if village else "",
        religion_id=_pick(rng, choices(conn, "religion")),
        community_id=_pick(rng, choices(conn, "community")),
        occupation_id=_pick(rng, choices(conn, "occupation")),
        language_id=_pick(rng, choices(conn, "language")),
    )
    if rng.random() < 0.5:
        form.age_years = rng.randint(1, 85)
    else:
        today = date.today()
        form.dob = date(today.year - rng.randint(1, 85), rng.randint(1, 12), rng.randint(1, 28))
    return form


def _visit(rng: random.Random, conn: sa.Connection) -> visits.VisitForm:
    complaints = choices(conn, "chief_complaint")
    drugs = choices(conn, "drug")
    form = visits.VisitForm(
        reason_id=_pick(rng, choices(conn, "visit_reason")),
        category_id=_pick(rng, choices(conn, "visit_category")),
        complaints=[
            visits.ComplaintLine(c.id, rng.randint(1, 14), "Days")
            for c in rng.sample(complaints, k=min(len(complaints), rng.randint(1, 2)))
        ],
        temperature=round(rng.uniform(97.0, 102.5), 1),
        pulse=rng.randint(60, 110),
        respiratory_rate=rng.randint(12, 24),
        systolic=rng.randint(100, 160),
        diastolic=rng.randint(60, 95),
        spo2=rng.randint(93, 100),
        weight=round(rng.uniform(8, 85), 1),
        height=round(rng.uniform(80, 180), 1),
    )
    if rng.random() < 0.8:
        form.diagnosis = rng.choice(
            [
                "Viral fever",
                "Acute gastroenteritis",
                "Hypertension",
                "Anaemia",
                "Upper respiratory tract infection",
                "Type 2 diabetes",
                "Scabies",
            ]
        )
        form.drugs = [
            visits.DrugLine(
                item_id=d.id,
                dose="1",
                frequency_id=_pick(rng, choices(conn, "frequency")),
                duration=rng.randint(3, 10),
                duration_unit_id=1,
                route_id=_pick(rng, choices(conn, "route")),
                quantity=rng.randint(6, 30),
            )
            for d in rng.sample(drugs, k=min(len(drugs), rng.randint(1, 3)))
        ]
        if rng.random() < 0.3:
            form.lab_test_ids = [_pick(rng, choices(conn, "lab_test")) or 1]
    return form


def seed_demo(
    engine: sa.Engine,
    van: VanContext,
    n_beneficiaries: int,
    n_visits: int,
    seed: int | None = None,
) -> SeedResult:
    """Register ``n_beneficiaries`` people and record ``n_visits`` visits among them.

    Raises:
        id_pool.PoolEmpty: the pool holds fewer IDs than people asked for (nothing
            is written in that case).
    """
    with engine.connect() as conn:
        available = id_pool.available_count(conn, van.van_id)
    if available < n_beneficiaries:
        raise id_pool.PoolEmpty()
    rng = random.Random(seed)
    fakers = [Faker("hi_IN"), Faker("en_IN")]
    for index, fake in enumerate(fakers):
        fake.seed_instance(rng.randrange(2**32) + index)
    registered: list[int] = []
    for _ in range(n_beneficiaries):
        with engine.connect() as conn:
            form = _person(rng, fakers, conn)
        registered.append(beneficiaries.register(engine, form, van).ben_reg_id)
    for _ in range(n_visits):
        with engine.connect() as conn:
            form_v = _visit(rng, conn)
        visits.save_visit(engine, rng.choice(registered), form_v, van)
    return SeedResult(len(registered), n_visits)
