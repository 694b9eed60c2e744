"""Work at the desk: search at scale, saving a registration and a visit, start-up.

The 100,000-person database is bulk-built: one person registered by the real code in
the workload template is cloned with Core inserts (about a second per 100,000 rows),
each clone with its own IDs and a Hindi or Indian-English name, phone and village,
so every row has exactly the shape ``register`` gives it.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

PEOPLE_TABLES = (
    "m_beneficiaryregidmapping",
    "i_beneficiarydetails",
    "i_beneficiaryaddress",
    "i_beneficiarycontacts",
    "i_beneficiarymapping",
)
# Every column that holds one of a person's own IDs; each clone gets one new number.
ID_COLUMNS = {
    "benregid",
    "beneficiaryregid",
    "beneficiarydetailsid",
    "bendetailsid",
    "benaddressid",
    "bencontactsid",
    "benmapid",
    "vanserialno",
}
FIRST_ID = 10_000_000
BATCH = 5_000


def _name_pools(rng: random.Random) -> tuple[list[str], list[str], list[str]]:
    from faker import Faker

    firsts: list[str] = []
    lasts: list[str] = []
    villages: list[str] = []
    for locale in ("hi_IN", "en_IN"):
        fake = Faker(locale)
        fake.seed_instance(rng.randrange(2**32))
        firsts += [fake.first_name() for _ in range(600)]
        lasts += [fake.last_name() for _ in range(300)]
        villages += [fake.city() for _ in range(150)]
    return firsts, lasts, villages


def build_people_db(template_dir: Path, target: Path, people: int, seed: int = 6) -> Path:
    """A data dir copied from ``template_dir`` holding ``people`` more beneficiaries."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template_dir, target, ignore=shutil.ignore_patterns("*.lock", "ready"))
    rng = random.Random(seed)
    firsts, lasts, villages = _name_pools(rng)
    engine = sa.create_engine(f"sqlite:///{target / 'mmu.db'}")
    meta = sa.MetaData()
    tables = {name: sa.Table(name, meta, autoload_with=engine) for name in PEOPLE_TABLES}
    with engine.begin() as conn:
        mapping = tables["i_beneficiarymapping"]
        source = conn.execute(sa.select(mapping).limit(1)).mappings().one()
        originals: dict[str, dict[str, Any]] = {"i_beneficiarymapping": dict(source)}
        keys = {
            "m_beneficiaryregidmapping": ("BenRegId", source["BenRegId"]),
            "i_beneficiarydetails": ("BeneficiaryDetailsId", source["BenDetailsId"]),
            "i_beneficiaryaddress": ("BenAddressID", source["BenAddressId"]),
            "i_beneficiarycontacts": ("BenContactsID", source["BenContactsId"]),
        }
        for name, (column, value) in keys.items():
            table = tables[name]
            row = conn.execute(sa.select(table).where(table.c[column] == value)).mappings().one()
            originals[name] = dict(row)
        for start in range(0, people, BATCH):
            count = min(BATCH, people - start)
            for name in PEOPLE_TABLES:
                rows = []
                for offset in range(count):
                    number = FIRST_ID + start + offset
                    row = {
                        k: (number if k.lower() in ID_COLUMNS else v)
                        for k, v in originals[name].items()
                    }
                    rows.append(_personalise(name, row, number, rng, firsts, lasts, villages))
                conn.execute(tables[name].insert(), rows)
    engine.dispose()
    return target


def _personalise(
    name: str,
    row: dict[str, Any],
    number: int,
    rng: random.Random,
    firsts: list[str],
    lasts: list[str],
    villages: list[str],
) -> dict[str, Any]:
    if name == "m_beneficiaryregidmapping":
        row["BeneficiaryID"] = 500_000_000_000 + number
    elif name == "i_beneficiarydetails":
        row["FirstName"] = rng.choice(firsts)
        row["LastName"] = rng.choice(lasts)
        row["FatherName"] = rng.choice(firsts)
    elif name == "i_beneficiaryaddress":
        row["CurrVillage"] = rng.choice(villages)
    elif name == "i_beneficiarycontacts":
        row["PreferredPhoneNum"] = f"{rng.choice('6789')}{rng.randrange(10**9):09d}"
    return row


def search_queries(engine: sa.Engine, count: int, seed: int = 7) -> list[str]:
    """Partial queries a nurse types: name prefixes, a name and part of a surname, phone
    starts, a beneficiary ID, and a misspelling, in Hindi and English."""
    rng = random.Random(seed)
    with engine.connect() as conn:
        people = conn.execute(
            sa.text(
                "SELECT d.FirstName, d.LastName, c.PreferredPhoneNum FROM i_beneficiarydetails d"
                " JOIN i_beneficiarycontacts c ON c.BenContactsID = d.BeneficiaryDetailsId"
                " ORDER BY random() LIMIT :n"
            ),
            {"n": count},
        ).all()
    queries: list[str] = []
    for first, last, phone in people:
        kind = rng.randrange(6)
        if kind == 0:
            queries.append(first[: rng.randint(2, 4)])
        elif kind == 1:
            queries.append(first)
        elif kind == 2:
            queries.append(f"{first} {last[: rng.randint(1, 3)]}")
        elif kind == 3 and phone:
            queries.append(phone[: rng.randint(4, 7)])
        elif kind == 4 and len(first) > 3:
            i = rng.randrange(1, len(first) - 1)
            queries.append(first[:i] + first[i + 1 :] + " " + last)  # a letter dropped
        else:
            queries.append(f"{first} {last}")
    return queries


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def bench_search(data_dir: Path, queries: int) -> dict[str, float]:
    """Search-as-you-type: each query typed one letter at a time, as the screen does.

    Also the registration form's likely-duplicates hint (first and last name typed),
    and what the index holds in memory (traced on a second load, after the timings).
    """
    import tracemalloc

    from mmu_desktop.db.search import SearchIndex

    engine = sa.create_engine(f"sqlite:///{data_dir / 'mmu.db'}")
    index = SearchIndex(engine)
    started = time.perf_counter()
    index.refresh()
    load = time.perf_counter() - started
    times: list[float] = []
    typed = search_queries(engine, queries)
    for text in typed:
        for end in range(2, len(text) + 1):
            t0 = time.perf_counter()
            index.search(text[:end])
            times.append((time.perf_counter() - t0) * 1000)
    hints: list[float] = []
    for text in typed:
        first, _, last = text.partition(" ")
        if first.isdigit():
            continue
        for end in range(2, len(first) + 1):
            t0 = time.perf_counter()
            index.likely_duplicates(first[:end], "", "", 30)
            hints.append((time.perf_counter() - t0) * 1000)
        for end in range(1, len(last) + 1):
            t0 = time.perf_counter()
            index.likely_duplicates(first, last[:end], "", 30)
            hints.append((time.perf_counter() - t0) * 1000)
    tracemalloc.start()
    traced = SearchIndex(engine)
    traced.refresh()
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    engine.dispose()
    figures = {
        "people": float(len(index)),
        "index_load_s": load,
        "keystrokes": float(len(times)),
        "median_ms": statistics.median(times),
        "p95_ms": percentile(times, 0.95),
        "max_ms": max(times),
        "hint_keystrokes": float(len(hints)),
        "hint_median_ms": statistics.median(hints),
        "hint_p95_ms": percentile(hints, 0.95),
        "index_mb": held / 1e6,
        "distinct_words": float(traced.distinct_words()),
    }
    print(
        f"search index: {figures['distinct_words']:.0f} distinct name words, "
        f"{figures['index_mb']:.1f} MB held; duplicates hint over "
        f"{figures['hint_keystrokes']:.0f} keystrokes: median {figures['hint_median_ms']:.1f} ms,"
        f" 95th percentile {figures['hint_p95_ms']:.1f} ms",
        flush=True,
    )
    return figures


def bench_saving(data_dir: Path, count: int) -> dict[str, float]:
    """Median ms to save a registration, and a visit, through the screens' functions."""
    from faker import Faker

    from mmu_desktop.context import AppContext
    from mmu_desktop.db import beneficiaries, visits
    from mmu_desktop.db.demo_data import _person, _visit

    ctx = AppContext.open(data_dir)
    van = ctx.van()
    rng = random.Random(11)
    fakers = [Faker("hi_IN"), Faker("en_IN")]
    register_ms: list[float] = []
    visit_ms: list[float] = []
    for _ in range(count):
        with ctx.engine.connect() as conn:
            form = _person(rng, fakers, conn)
            visit_form = _visit(rng, conn)
        t0 = time.perf_counter()
        ben = beneficiaries.register(ctx.engine, form, van).ben_reg_id
        t1 = time.perf_counter()
        visits.save_visit(ctx.engine, ben, visit_form, van)
        t2 = time.perf_counter()
        register_ms.append((t1 - t0) * 1000)
        visit_ms.append((t2 - t1) * 1000)
    ctx.engine.dispose()
    return {
        "register_median_ms": statistics.median(register_ms),
        "visit_median_ms": statistics.median(visit_ms),
        "saves": float(count),
    }


def bench_startup(data_dir: Path, runs: int) -> dict[str, float]:
    """Seconds from launching the app's process to its main window shown (offscreen)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times: list[float] = []
    for _ in range(runs):
        started = time.time()
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.startup_child", str(data_dir)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        shown = [line for line in done.stdout.splitlines() if line.startswith("SHOWN ")]
        if not shown:
            raise RuntimeError(f"the window never showed:\n{done.stderr[-2000:]}")
        times.append(float(shown[0].split()[1]) - started)
    return {"median_s": statistics.median(times), "max_s": max(times), "runs": float(runs)}
