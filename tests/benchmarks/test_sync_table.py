"""The upload table: each of our runs against AMRIT's way and against its own floor."""

from __future__ import annotations

from benchmarks.sync_bench import SideBySide, WayResult, rows
from benchmarks.throttle import PROFILES
from benchmarks.workload import QUICK


def _result(way: str, seconds: float, bytes_up: int) -> WayResult:
    return WayResult(way, seconds, bytes_up, 1_000, 10, 1, 100, 0, 100.0, True, "", 100)


def test_each_of_our_runs_is_compared_with_amrit_and_its_own_floor() -> None:
    link = PROFILES["3G"]  # 125,000 bytes a second, 0.3 s round trip
    result = SideBySide(QUICK, link, {"t_phy_vitals": 100}, levels=2)
    result.results = {
        "ours-plain": _result("ours-plain", 10.0, 1_000_000),
        "ours-gzip": _result("ours-gzip", 2.0, 100_000),
        "amrit": _result("amrit", 40.0, 2_000_000),
    }

    table = {r["way"]: r for r in rows(result)}

    plain = table["our client, plain-only central"]
    zipped = table["our client, gzip-accepting central"]
    assert plain["vs_amrit"] == 4.0 and zipped["vs_amrit"] == 20.0
    plain_floor = 1_000_000 / 125_000 + 3 * 0.3  # bytes / bandwidth + 3 round trips
    zipped_floor = 100_000 / 125_000 + 3 * 0.3
    assert abs(table["link floor (plain bytes of our client)"]["seconds"] - plain_floor) < 1e-9
    assert abs(table["link floor (gzip bytes of our client)"]["seconds"] - zipped_floor) < 1e-9
    assert abs(plain["vs_floor"] - 10.0 / plain_floor) < 1e-9
    assert abs(zipped["vs_floor"] - 2.0 / zipped_floor) < 1e-9


def test_without_amrits_way_no_ratio_to_it_is_made_up() -> None:
    result = SideBySide(QUICK, PROFILES["3G"], {"t_phy_vitals": 100}, levels=1)
    result.results = {"ours-gzip": _result("ours-gzip", 2.0, 100_000)}

    table = rows(result)

    assert [r["way"] for r in table] == [
        "our client, gzip-accepting central",
        "link floor (gzip bytes of our client)",
    ]
    assert all(r["vs_amrit"] is None for r in table)
