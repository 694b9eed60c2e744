"""Rules the code keeps: a typed, Qt-free core."""

from __future__ import annotations

from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[1]


def test_core_packages_pass_mypy_strict() -> None:
    out, err, code = api.run(
        [
            "--strict",
            "--ignore-missing-imports",
            "--no-incremental",
            str(ROOT / "mmu_desktop" / "db"),
            str(ROOT / "mmu_desktop" / "sync"),
        ]
    )
    assert code == 0, out + err
