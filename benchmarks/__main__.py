"""``python -m benchmarks [--quick] [--only NAME]``: run, print a table, write the report.

Targets from issue 6 are reported next to the figures, never asserted.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import shlex
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import local_bench, master_bench, sync_bench
from benchmarks.throttle import PROFILES
from benchmarks.workload import MONTH, QUICK, TEN_MONTHS, Workload, build_seconds, template

NAMES = ("sync", "window", "search", "saving", "startup", "masters")
REPO = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = Path.home() / ".cache" / "mmu-desktop-benchmarks"


@dataclass(frozen=True)
class Sizes:
    workload: Workload
    people: int
    queries: int
    saves: int
    startups: int
    master_rows: int


FULL = Sizes(MONTH, 100_000, 200, 50, 5, 100_000)
QUICK_SIZES = Sizes(QUICK, 10_000, 60, 20, 3, 10_000)


def _mb(n: int | None) -> str:
    return "" if n is None else f"{n / 1e6:.2f}"


def _x(v: float | None) -> str:
    return "" if v is None else f"{v:.2f}x"


def machine() -> dict[str, str]:
    """The machine and versions the figures come from."""
    try:
        from PySide6 import __version__ as pyside
        from PySide6.QtCore import qVersion

        qt = f"Qt {qVersion()} (PySide6 {pyside})"
    except ImportError:
        qt = "Qt not installed"
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.system()} {platform.release()} ({platform.machine()}), {cpu}",
        "cpus": str(os.cpu_count()),
        "python": platform.python_version(),
        "qt": qt,
        "sqlite": sqlite3.sqlite_version,
    }


def sync_table(result: sync_bench.SideBySide) -> list[str]:
    head = (
        "| way | wall s | MB up | MB down | requests | connections | faster than AMRIT's way "
        "| times the floor | peak RSS MB | rows stored on central |"
    )
    lines = [head, "|" + "---|" * 10]
    for r in sync_bench.rows(result):
        rss = "" if r["max_rss_mb"] is None else f"{r['max_rss_mb']:.0f}"
        stored = "" if r["rows_on_central"] is None else str(r["rows_on_central"])
        lines.append(
            f"| {r['way']} | {r['seconds']:.1f} | {_mb(r['bytes_up'])} | {_mb(r['bytes_down'])} "
            f"| {r['requests']} | {r['connections']} | {_x(r['vs_amrit'])} "
            f"| {_x(r['vs_floor'])} | {rss} | {stored} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small workloads (a few minutes)")
    parser.add_argument("--only", choices=NAMES, action="append", help="run only this part")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="3G")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="workload templates")
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "benchmarks.md")
    parser.add_argument(
        "--ten-months",
        action="store_true",
        help="the ten-month backlog (30,000 people, 90,000 visits); the upload is measured "
        "for our client only, as AMRIT's way would take hours",
    )
    parser.add_argument(
        "--way",
        choices=sync_bench.WAYS,
        action="append",
        help="upload only this way (repeatable); default: all, or ours only with --ten-months",
    )
    args = parser.parse_args(argv)
    wanted = args.only or list(NAMES)
    sizes = QUICK_SIZES if args.quick else FULL
    ways = sync_bench.WAYS
    if args.ten_months:
        sizes = dataclasses.replace(sizes, workload=TEN_MONTHS)
        ways = sync_bench.OUR_WAYS
    if args.way:
        ways = tuple(w for w in sync_bench.WAYS if w in args.way)
    profile = PROFILES[args.profile]
    started = time.monotonic()

    def say(text: str) -> None:
        print(text, flush=True)

    info = machine()
    say(f"benchmarks ({'quick' if args.quick else 'full'}) on {info['machine']}")
    folder = template(sizes.workload, args.cache)
    w = sizes.workload
    lines: list[str] = [
        f"Workload: {w.beneficiaries:,} beneficiaries and {w.visits:,} visits "
        f"(template built once by the real registration code in {build_seconds(folder):.0f} s, "
        "copied per run).",
        "",
    ]
    summary: list[tuple[str, str, str]] = []  # (measure, figure, target)

    if "sync" in wanted:
        say(f"upload side by side on {profile.name}")
        sync_started = time.monotonic()
        result = sync_bench.side_by_side(w, profile, args.cache, log=say, ways=ways)
        pending = sum(result.pending_rows.values())
        skipped = "it would take hours" if args.ten_months else "not asked for (--way)"
        not_measured = (
            [f"AMRIT's way is not measured in this run: {skipped}.", ""]
            if "amrit" not in ways
            else [
                "AMRIT's way ran at the same time as our two runs (each way has its own "
                "central and its own throttled link); our runs ran one after the other.",
                "",
            ]
        )
        lines += [
            f'### Upload on "{profile.name}" ({profile.bits_per_second / 1e6:g} Mbit/s each '
            f"way, {profile.rtt * 1000:.0f} ms round trip)",
            "",
            f"{pending:,} rows in {len(result.pending_rows)} tables; the floor counts "
            f"{1 + result.levels} round trips (handshake + {result.levels} parent-before-child "
            f"levels). The side by side took {time.monotonic() - sync_started:.0f} s.",
            "",
            *not_measured,
            *sync_table(result),
            "",
        ]
        amrit = result.results.get("amrit")
        targets = {"ours-plain": (">= 3x", "<= 1.15x"), "ours-gzip": (">= 20x", "")}
        for way in sync_bench.OUR_WAYS:
            ours = result.results.get(way)
            if ours is None:
                continue
            central = "plain-only" if way == "ours-plain" else "gzip-accepting"
            vs_amrit, vs_floor = targets[way]
            if amrit is not None:
                summary.append(
                    (
                        f"upload vs AMRIT's way, {central} central",
                        _x(amrit.seconds / ours.seconds),
                        vs_amrit,
                    )
                )
            summary.append(
                (
                    f"upload vs floor, {central} central",
                    _x(ours.seconds / result.floor_seconds(way)),
                    vs_floor,
                )
            )
        peak = max(r.max_rss_mb for w, r in result.results.items() if w != "amrit")
        summary.append(("peak memory during upload (our client)", f"{peak:.0f} MB", "< 300 MB"))
    if "window" in wanted:
        say("window while syncing")
        stalls = sync_bench.window_stalls(w, args.cache)
        lines += [
            "### The window while syncing (SyncPanel, upload to an unthrottled local central)",
            "",
            f"{stalls['ticks']} heartbeats of 10 ms over {stalls['seconds']:.1f} s; "
            f"longest stall {stalls['longest_stall_ms']:.1f} ms, "
            f"99th percentile {stalls['p99_stall_ms']:.1f} ms. {stalls['summary']}",
            "",
        ]
        if stalls.get("own_longest_stall_ms") is not None:
            lines += [
                "Less the time the window's thread was ready but waiting for a CPU held by "
                "other programs (Linux schedstat): longest "
                f"{stalls['own_longest_stall_ms']:.1f} ms, 99th percentile "
                f"{stalls['own_p99_stall_ms']:.1f} ms.",
                "",
            ]
        summary.append(
            ("longest event-loop stall", f"{stalls['longest_stall_ms']:.1f} ms", "< 50 ms")
        )
        summary.append(("p99 event-loop stall", f"{stalls['p99_stall_ms']:.1f} ms", ""))
    people_dir: Path | None = None
    with tempfile.TemporaryDirectory(prefix="mmu-bench-people-") as tmp:
        if {"search", "saving", "startup"} & set(wanted):
            say(f"bulk-building {sizes.people:,} beneficiaries")
            t0 = time.monotonic()
            people_dir = local_bench.build_people_db(folder, Path(tmp) / "people", sizes.people)
            lines += [
                f"People DB: {sizes.people:,} cloned beneficiaries built in "
                f"{time.monotonic() - t0:.1f} s.",
                "",
            ]
        if "search" in wanted and people_dir:
            say("search")
            s = local_bench.bench_search(people_dir, sizes.queries)
            lines += [
                f"### Search at {int(s['people']):,} beneficiaries",
                "",
                f"{int(s['keystrokes'])} keystrokes of {sizes.queries} queries typed a letter at "
                f"a time: median {s['median_ms']:.1f} ms, 95th percentile {s['p95_ms']:.1f} ms, "
                f"slowest {s['max_ms']:.1f} ms; loading the index {s['index_load_s']:.2f} s "
                f"(off the window's thread), holding {s['index_mb']:.1f} MB for "
                f"{int(s['distinct_words']):,} distinct name words.",
                "",
                f"The registration form's likely-duplicates hint over "
                f"{int(s['hint_keystrokes'])} keystrokes: median {s['hint_median_ms']:.1f} ms, "
                f"95th percentile {s['hint_p95_ms']:.1f} ms.",
                "",
            ]
            summary.append(
                (f"search p95 at {int(s['people']):,}", f"{s['p95_ms']:.1f} ms", "< 50 ms")
            )
        if "saving" in wanted and people_dir:
            say("saving")
            v = local_bench.bench_saving(people_dir, sizes.saves)
            lines += [
                "### Saving",
                "",
                f"{int(v['saves'])} saves each: a registration median "
                f"{v['register_median_ms']:.1f} ms, a visit median {v['visit_median_ms']:.1f} ms.",
                "",
            ]
            summary.append(("save a registration", f"{v['register_median_ms']:.1f} ms", ""))
            summary.append(("save a visit", f"{v['visit_median_ms']:.1f} ms", ""))
        if "startup" in wanted and people_dir:
            say("start-up")
            u = local_bench.bench_startup(people_dir, sizes.startups)
            lines += [
                "### Start-up",
                "",
                f"Launch to main window shown (offscreen, {int(u['runs'])} runs, "
                f"{sizes.people:,} people): median {u['median_s']:.2f} s, slowest "
                f"{u['max_s']:.2f} s.",
                "",
            ]
            summary.append(("start-up", f"{u['median_s']:.2f} s", "< 2 s"))

    if "masters" in wanted:
        say(f"master download of {sizes.master_rows:,} rows")
        m = master_bench.bench_masters(sizes.master_rows, log=say)
        lines += master_bench.report_lines(m)
        summary += master_bench.summary_rows(m)

    table = ["| measure | figure | target |", "|---|---|---|"]
    table += [f"| {m} | {f} | {t} |" for m, f, t in summary]
    say("")
    for line in table + [""] + lines:
        say(line)
    command = "python -m benchmarks " + shlex.join(sys.argv[1:] if argv is None else argv)
    header = [
        "# Benchmarks",
        "",
        "Written by `python -m benchmarks`; see `benchmarks/README.md` for what is measured "
        "and how.",
        "",
        f"- Command: `{command.strip()}` ({time.monotonic() - started:.0f} s)",
        *[f"- {k}: {v}" for k, v in info.items()],
        "",
        "## Summary",
        "",
        *table,
        "",
        "## Details",
        "",
    ]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    say(f"written {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
