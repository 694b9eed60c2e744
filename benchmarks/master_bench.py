"""Master download of many rows: ``python -m benchmarks.master_bench [--rows N] [--output FILE]``.

A reference central on 127.0.0.1 (a temporary SQLite file) is seeded with the demo
masters plus ``N`` extra rows in two shipped masters: villages
(``m_districtbranchmapping``, 70 %, Hindi names and addresses) and drugs (``m_item``,
30 %, for our provider service map). A fresh laptop data dir then runs the product's
own master download phase (``run_sync`` with ``Phase.DOWNLOAD``) in a child process,
through a counting proxy (unthrottled unless ``--profile`` names a link), twice: the
first download of everything, then again with nothing changed.

While each download runs, a thread in the child registers a made-up person every
100 ms through ``beneficiaries.register``, as a nurse would; its longest wait is what
the download costs the nurse. SQLAlchemy events time every write transaction (from
``BEGIN IMMEDIATE`` being granted to ``COMMIT`` being issued) by thread, so the longest
time the download held the database's write lock is reported too; and a heartbeat
thread waking every 10 ms reports its longest lateness, which is what a window in the
same process would feel (a call holding Python's GIL stalls every thread).

Timings are wall-clock on a shared machine: compare runs made under the same load.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from benchmarks.keepalive_server import start_keepalive_central
from benchmarks.sync_bench import run_child
from benchmarks.throttle import PROFILES, LinkProfile, ThrottledProxy

VILLAGE_SHARE = 0.7
FIRST_NEW_ID = 100_001
SAVE_INTERVAL = 0.1  # seconds between two registrations of the "nurse" thread
ID_POOL = 20_000  # free BenRegIDs given to the laptop so the nurse never runs out
CHILD_TIMEOUT = 3 * 3600.0
# An unthrottled link: the proxy only counts bytes and connections.
LOCAL_LINK = LinkProfile("local (unthrottled)", 1e12, 0.0)

# Synthetic Hindi place-name parts (no real addresses are needed, only realistic text).
_HI_START = [
    "राम", "सीता", "कृष्ण", "शिव", "गोपाल", "लक्ष्मी", "मोहन", "हरि", "बिशन", "चंदन",
    "धर्म", "गंगा", "सूरज", "कमल", "नारायण", "बद्री", "भवानी", "दुर्गा", "महादेव", "रतन",
]  # fmt: skip
_HI_END = ["पुर", "गंज", "नगर", "गाँव", "खेड़ा", "पुरवा", "पुरा", "बाद", "ढाना", "टोला"]
_HI_PANCHAYAT = ["ग्राम पंचायत", "पंचायत"]
_HI_DISTRICT = ["सीतापुर", "लखीमपुर खीरी", "हरदोई", "बहराइच", "बाराबंकी", "उन्नाव"]
_DRUGS = [
    ("Paracetamol", "500 mg", "Paracetamol IP", "बुखार और दर्द के लिए"),
    ("Amoxicillin", "250 mg", "Amoxicillin trihydrate IP", "जीवाणु संक्रमण के लिए"),
    ("Metformin", "500 mg", "Metformin hydrochloride IP", "मधुमेह के लिए"),
    ("Amlodipine", "5 mg", "Amlodipine besilate IP", "उच्च रक्तचाप के लिए"),
    ("Cetirizine", "10 mg", "Cetirizine dihydrochloride IP", "एलर्जी के लिए"),
    ("Albendazole", "400 mg", "Albendazole IP", "पेट के कीड़ों के लिए"),
    ("ORS", "21.8 g", "Sodium chloride, potassium chloride, sodium citrate, glucose", "दस्त में"),
    ("Ferrous sulphate", "100 mg", "Ferrous sulphate with folic acid 0.5 mg", "खून की कमी में"),
    ("Ibuprofen", "400 mg", "Ibuprofen IP", "दर्द और सूजन के लिए"),
    ("Omeprazole", "20 mg", "Omeprazole IP (enteric coated pellets)", "एसिडिटी के लिए"),
]  # fmt: skip
_FORMS = ["Tablet", "Capsule", "Syrup", "Suspension", "Injection", "Ointment", "Sachet"]


# -- seeding central -------------------------------------------------------------------


def _village(rng: random.Random, key: int, blocks: list[int], when: datetime) -> dict[str, Any]:
    name = rng.choice(_HI_START) + rng.choice(_HI_END)
    panchayat = f"{rng.choice(_HI_START)}{rng.choice(_HI_END)} {rng.choice(_HI_PANCHAYAT)}"
    return {
        "DistrictBranchID": key,
        "BlockID": rng.choice(blocks),
        "PanchayatName": panchayat[:30],
        "VillageName": f"{name} {rng.choice(['', 'खुर्द', 'कलाँ', 'मजरा'])}".strip(),
        "Habitat": (rng.choice(_HI_START) + " टोला") if rng.random() < 0.3 else None,
        "PinCode": f"2{rng.randrange(10**5):05d}",
        "GovVillageID": 140_000 + key,
        "GovSubDistrictID": 700 + rng.randrange(60),
        "Isrural": True,
        "Deleted": rng.random() < 0.02,
        "Processed": "N",
        "CreatedBy": "state-admin",
        "CreatedDate": when - timedelta(days=400),
        "ModifiedBy": "state-admin" if rng.random() < 0.2 else None,
        "LastModDate": when,
        "latitude": round(rng.uniform(26.5, 28.5), 6),
        "longitude": round(rng.uniform(79.5, 82.0), 6),
        "active": True,
        "address": f"ग्राम {name}, तहसील {rng.choice(_HI_START)}पुर, "
        f"ज़िला {rng.choice(_HI_DISTRICT)}, उत्तर प्रदेश",
        "loginDistance": rng.choice([None, 500, 1000, 2000]),
    }


def _item(rng: random.Random, key: int, psm: int, when: datetime) -> dict[str, Any]:
    drug, strength, composition, use = rng.choice(_DRUGS)
    form = rng.choice(_FORMS)
    return {
        "ItemID": key,
        "ItemName": f"{drug} {strength} {form} (lot {key})",
        "ItemDesc": use,
        "ItemCode": f"ITM{key:08d}",
        "ItemCategoryID": rng.randrange(1, 12),
        "IsMedical": True,
        "ItemFormID": rng.randrange(1, 4),
        "PharmacologyCategoryID": rng.randrange(1, 40),
        "ManufacturerID": rng.randrange(1, 300),
        "Strength": strength,
        "UOMID": rng.randrange(1, 6),
        "IsScheduledDrug": rng.random() < 0.1,
        "Composition": f"Each {form.lower()} contains {composition} {strength}",
        "ExpiryDate": when + timedelta(days=rng.randrange(90, 900)),
        "Max_Stock": rng.randrange(200, 2000),
        "Min_Stock": rng.randrange(10, 100),
        "RouteID": rng.randrange(1, 3),
        "ProviderServiceMapID": psm,
        "Status": "Active",
        "Discontinued": False,
        "Sctcode": str(300_000_000 + key),
        "SctTerm": f"{composition} {strength} oral {form.lower()} (clinical drug)",
        "Deleted": rng.random() < 0.02,
        "Processed": "N",
        "CreatedBy": "state-admin",
        "CreatedDate": when - timedelta(days=400),
        "ModifiedBy": None,
        "LastModDate": when,
        "isEDL": rng.random() < 0.4,
        "isEaushadi": rng.random() < 0.2,
    }


def seed_central(db_url: str, rows: int, seed: int = 6) -> dict[str, int]:
    """The demo central plus ``rows`` extra master rows, last changed two days ago."""
    from reference_central import seed as central_seed
    from reference_central.db import amrit_table, make_engine, writing

    engine = make_engine(db_url)
    try:
        central_seed.seed_demo(engine)
        rng = random.Random(seed)
        when = datetime.now().replace(microsecond=0) - timedelta(days=2)
        villages = round(rows * VILLAGE_SHARE)
        counts = {"m_districtbranchmapping": villages, "m_item": rows - villages}
        blocks_table = amrit_table("m_districtblock")
        with engine.connect() as conn:
            blocks = list(conn.execute(sa.select(blocks_table.c.BlockID)).scalars())
        psm = central_seed.DEMO_PROVIDER_SERVICE_MAP_ID
        for name, count in counts.items():
            target = amrit_table(name)
            for start in range(0, count, 5_000):
                keys = range(FIRST_NEW_ID + start, FIRST_NEW_ID + min(count, start + 5_000))
                batch = [
                    _village(rng, k, blocks, when) if name != "m_item" else _item(rng, k, psm, when)
                    for k in keys
                ]
                with writing(engine) as conn:
                    conn.execute(sa.insert(target), batch)
        return counts
    finally:
        engine.dispose()


def prepare_laptop(data_dir: Path, central_url: str, common_url: str) -> None:
    """A set-up laptop that never downloaded masters, with free IDs for the nurse thread."""
    from mmu_desktop import settings as settings_store
    from mmu_desktop.context import AppContext
    from mmu_desktop.db import id_pool
    from mmu_desktop.db.engine import writing
    from mmu_desktop.paths import DataDir
    from reference_central import seed as central_seed

    folder = DataDir.at(data_dir)
    current = settings_store.load(folder)
    for key, value in {
        "central-url": central_url,
        "common-url": common_url,
        "van-id": str(central_seed.DEMO_VAN_ID),
        "parking-place-id": str(central_seed.DEMO_PARKING_PLACE_ID),
        "provider-service-map-id": str(central_seed.DEMO_PROVIDER_SERVICE_MAP_ID),
        "facility-id": str(central_seed.DEMO_FACILITY_ID),
        "vehicle-no": "UP32 AB 1234",
        "user": central_seed.DEMO_USER,
    }.items():
        settings_store.set_value(current, key, value)
    settings_store.save(folder, current)
    ctx = AppContext.open(folder.root)
    pairs = [(900_001 + i, 284_700_900_001 + i) for i in range(ID_POOL)]
    with writing(ctx.engine) as conn:
        id_pool.store_new_ids(conn, pairs, central_seed.DEMO_VAN_ID, datetime.now())
    ctx.engine.dispose()


# -- the child: one download with a nurse saving registrations ------------------------


class LockWatch:
    """Times each write transaction of ``engine``, from BEGIN IMMEDIATE granted to COMMIT."""

    def __init__(self, engine: sa.Engine) -> None:
        self.held: dict[str, list[float]] = {}
        self._lock = threading.Lock()
        sa.event.listen(engine, "begin", self._begin)  # after the engine's own BEGIN
        sa.event.listen(engine, "commit", self._end)
        sa.event.listen(engine, "rollback", self._end)

    def _begin(self, conn: sa.Connection) -> None:
        if conn.get_execution_options().get("sqlite_begin") == "IMMEDIATE":
            conn.info["bench_write_started"] = time.perf_counter()

    def _end(self, conn: sa.Connection) -> None:
        started = conn.info.pop("bench_write_started", None)
        if started is None:
            return
        with self._lock:
            name = threading.current_thread().name
            self.held.setdefault(name, []).append(time.perf_counter() - started)


class Nurse(threading.Thread):
    """Registers a made-up person every ``interval`` seconds and times each save."""

    def __init__(self, engine: sa.Engine, van: Any, interval: float) -> None:
        super().__init__(name="nurse", daemon=True)
        from faker import Faker

        self.engine, self.van, self.interval = engine, van, interval
        self.rng = random.Random(12)
        self.fakers = [Faker("hi_IN"), Faker("en_IN")]
        self.waits: list[float] = []
        self.failures: list[str] = []
        self.stopping = threading.Event()

    def run(self) -> None:
        from mmu_desktop.db import beneficiaries
        from mmu_desktop.db.demo_data import _person

        while not self.stopping.is_set():
            with self.engine.connect() as conn:
                form = _person(self.rng, self.fakers, conn)
            started = time.perf_counter()
            try:
                beneficiaries.register(self.engine, form, self.van)
            except Exception as exc:  # a save that fails is what this thread looks for
                self.failures.append(f"{type(exc).__name__}: {str(exc)[:120]}")
            took = time.perf_counter() - started
            self.waits.append(took)
            self.stopping.wait(max(0.0, self.interval - took))


class Heartbeat(threading.Thread):
    """Wakes every 10 ms and records how late it woke: what a window in this process feels.

    The download runs in a worker thread of the app's process, as here; a long call
    that holds Python's GIL (parsing a big answer) stalls every other thread.
    """

    TICK = 0.01

    def __init__(self) -> None:
        super().__init__(name="heartbeat", daemon=True)
        self.longest = 0.0
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            due = time.perf_counter() + self.TICK
            time.sleep(self.TICK)
            self.longest = max(self.longest, time.perf_counter() - due)


def _status_mb(field: str) -> float:
    """``VmRSS`` (now) or ``VmHWM`` (peak) of this process, in MB.

    Not ``getrusage``: its ``ru_maxrss`` keeps the parent's peak across fork and exec,
    and the parent holds the central's answers in memory.
    """
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child(job: dict[str, Any]) -> dict[str, Any]:
    """Sign in directly, then run the master download through the proxy."""
    from mmu_desktop import settings as settings_store
    from mmu_desktop.context import AppContext
    from mmu_desktop.sync.auth import login
    from mmu_desktop.sync.engine import prepare, run_sync
    from mmu_desktop.sync.report import Phase

    ctx = AppContext.open(job["data_dir"])
    current = settings_store.load(ctx.data_dir)
    settings_store.set_value(current, "central-url", job["proxied_central_url"])
    settings_store.save(ctx.data_dir, current)
    settings = ctx.reload_settings()
    signed_in = login(job["common_url"], job["user"], job["password"], end_other_session=True)
    plan = prepare(ctx.data_dir, settings, [Phase.DOWNLOAD], credentials=signed_in.credentials)
    watch = LockWatch(ctx.engine)
    nurse = Nurse(ctx.engine, ctx.van(), job["save_interval"])
    heartbeat = Heartbeat()
    rss_before = _status_mb("VmRSS")

    nurse.start()
    heartbeat.start()
    started = time.monotonic()
    report = run_sync(plan, ctx.engine)
    seconds = time.monotonic() - started
    nurse.stopping.set()
    heartbeat.stopping.set()
    nurse.join(timeout=30)
    heartbeat.join(timeout=5)

    phase = report.phases[0] if report.phases else None
    tables = phase.tables if phase else []
    sync_holds = [h for name, holds in watch.held.items() if name != "nurse" for h in holds]
    waits = nurse.waits or [0.0]
    ctx.engine.dispose()
    return {
        "seconds": seconds,
        "succeeded": report.succeeded,
        "summary": report.summary,
        "received": sum(t.received for t in tables),
        "changed": sum(t.changed for t in tables),
        "tables": {t.table: [t.received, t.changed] for t in tables if t.received},
        "rss_before_mb": rss_before,
        "max_rss_mb": _status_mb("VmHWM"),
        "longest_lock_s": max(sync_holds, default=0.0),
        "write_transactions": len(sync_holds),
        "saves": len(nurse.waits),
        "save_failures": nurse.failures[:5],
        "save_failed": len(nurse.failures),
        "save_median_ms": statistics.median(waits) * 1000,
        "save_longest_ms": max(waits) * 1000,
        "stall_longest_ms": heartbeat.longest * 1000,
    }


# -- the parent ------------------------------------------------------------------------


def _run_child(job: dict[str, Any]) -> dict[str, Any]:
    return run_child(["-m", "benchmarks.master_bench", "--child"], job, "master download child")


def bench_masters(
    rows: int, profile: LinkProfile | None = None, log: Any = print
) -> dict[str, Any]:
    """Seed, then download everything and download again; the figures of both runs."""
    from reference_central import seed as central_seed

    link = profile or LOCAL_LINK
    with tempfile.TemporaryDirectory(prefix="mmu-bench-masters-") as tmp:
        db_url = f"sqlite:///{Path(tmp) / 'central.db'}"
        log(f"  seeding central with {rows:,} master rows ...")
        t0 = time.monotonic()
        counts = seed_central(db_url, rows)
        seeded = time.monotonic() - t0
        central = start_keepalive_central(db_url)
        try:
            van = Path(tmp) / "van"
            prepare_laptop(van, central.central_url, central.common_url)
            runs: list[dict[str, Any]] = []
            with ThrottledProxy(central.port, link, max_seconds=CHILD_TIMEOUT) as proxy:
                for label in ("first download", "nothing changed"):
                    log(f"  {label} over {link.name} ...")
                    proxy.counters.reset()
                    job = {
                        "data_dir": str(van),
                        "proxied_central_url": proxy.url_for(central.central_url),
                        "common_url": central.common_url,
                        "user": central_seed.DEMO_USER,
                        "password": central_seed.DEMO_PASSWORD,
                        "save_interval": SAVE_INTERVAL,
                    }
                    result = _run_child(job)
                    time.sleep(link.rtt + 0.2)  # let the last bytes be counted
                    result.update(proxy.counters.snapshot(), label=label)
                    runs.append(result)
                    log(f"    {result['seconds']:.1f} s, {result['bytes_down'] / 1e6:.2f} MB down")
        finally:
            central.stop()
    return {"rows": rows, "tables": counts, "seed_seconds": seeded, "link": link.name, "runs": runs}


def report_lines(result: dict[str, Any]) -> list[str]:
    """A Markdown section for ``docs/benchmarks.md`` (and the terminal)."""
    tables = ", ".join(f"{n:,} in {t}" for t, n in result["tables"].items())
    lines = [
        f"### Master download of {result['rows']:,} rows ({result['link']})",
        "",
        f"Central holds the demo masters plus {tables} (Hindi village names and addresses); "
        "a new laptop downloads every master table, then downloads again with nothing "
        f"changed. A nurse thread registers a person every {SAVE_INTERVAL * 1000:.0f} ms "
        "meanwhile.",
        "",
        "| run | wall s | rows received | rows/s | MB down | MB up | connections "
        "| peak RSS MB (before) | longest write lock s | nurse's longest save ms (median) "
        "| saves failed | longest stall of a 10 ms heartbeat ms |",
        "|" + "---|" * 12,
    ]
    for r in result["runs"]:
        rate = r["received"] / r["seconds"] if r["seconds"] else 0.0
        lines.append(
            f"| {r['label']} | {r['seconds']:.1f} | {r['received']:,} | {rate:,.0f} "
            f"| {r['bytes_down'] / 1e6:.2f} | {r['bytes_up'] / 1e6:.3f} | {r['connections']} "
            f"| {r['max_rss_mb']:.0f} ({r['rss_before_mb']:.0f}) | {r['longest_lock_s']:.2f} "
            f"| {r['save_longest_ms']:.0f} ({r['save_median_ms']:.0f}) | {r['save_failed']} "
            f"| {r['stall_longest_ms']:.0f} |"
        )
    failed = [r for r in result["runs"] if not r["succeeded"]]
    if failed:
        lines += ["", *(f"Not successful ({r['label']}): {r['summary']}" for r in failed)]
    return lines + [""]


def summary_rows(result: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(measure, figure, target) rows for the summary table of ``python -m benchmarks``."""
    first, again = result["runs"][0], result["runs"][-1]
    rows = f"{result['rows']:,}"
    return [
        (f"master download of {rows} rows", f"{first['seconds']:.1f} s", ""),
        ("  peak memory during it", f"{first['max_rss_mb']:.0f} MB", "< 300 MB"),
        ("  nurse's longest save during it", f"{first['save_longest_ms']:.0f} ms", ""),
        ("  longest heartbeat stall during it", f"{first['stall_longest_ms']:.0f} ms", "< 50 ms"),
        ("  again, nothing changed", f"{again['bytes_down'] / 1e3:.0f} kB down", ""),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.master_bench", description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000, help="extra master rows on central")
    parser.add_argument("--profile", choices=sorted(PROFILES), help="throttle the link")
    parser.add_argument("--output", type=Path, help="also write the Markdown section here")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(json.load(sys.stdin))))
        return 0
    result = bench_masters(args.rows, PROFILES[args.profile] if args.profile else None)
    lines = report_lines(result)
    print("\n".join(lines))
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
