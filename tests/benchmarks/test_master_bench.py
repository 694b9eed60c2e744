"""The master download benchmark at a small size: its rows arrive, and a rerun moves little."""

from __future__ import annotations

import pytest

from benchmarks.master_bench import bench_masters, report_lines, summary_rows


@pytest.mark.slow  # two child processes and a seeded central: about 15 s
def test_the_seeded_rows_arrive_and_a_rerun_with_nothing_changed_moves_little() -> None:
    result = bench_masters(300, log=lambda _text: None)

    first, again = result["runs"]
    assert result["tables"] == {"m_districtbranchmapping": 210, "m_item": 90}
    assert first["succeeded"] and again["succeeded"], (first["summary"], again["summary"])
    assert first["received"] >= 300
    assert first["tables"]["m_districtbranchmapping"][0] >= 210
    assert again["received"] < 50  # only what changed within the safety margin
    assert again["bytes_down"] < 30_000  # about 300 bytes of headers per master table
    assert first["save_failed"] == again["save_failed"] == 0, first["save_failures"]
    assert first["max_rss_mb"] >= first["rss_before_mb"] > 0
    assert "| first download |" in "\n".join(report_lines(result))
    assert summary_rows(result)[0][0] == "master download of 300 rows"
