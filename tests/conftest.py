"""Shared fixtures: every test gets a fresh data dir, database and in-memory keyring."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from mmu_desktop import settings as settings_store  # noqa: E402
from mmu_desktop.context import AppContext  # noqa: E402
from mmu_desktop.paths import DataDir  # noqa: E402
from tests.helpers.memory_keyring import MemoryKeyring, use_keyring  # noqa: E402

DEMO_VAN = {
    "van-id": "7",
    "parking-place-id": "3",
    "provider-service-map-id": "1",
    "facility-id": "9",
    "vehicle-no": "UP32 AB 1234",
    "user": "nurse.asha",
}


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """No test touches the developer's real keyring unless it asks for it."""
    with use_keyring(MemoryKeyring()) as backend:
        yield backend


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir.at(tmp_path / "data")


@pytest.fixture
def configured_dir(data_dir: DataDir) -> DataDir:
    """A data dir whose van settings are filled in."""
    current = settings_store.load(data_dir)
    for key, value in DEMO_VAN.items():
        settings_store.set_value(current, key, value)
    settings_store.save(data_dir, current)
    return data_dir


@pytest.fixture
def ctx(configured_dir: DataDir) -> Iterator[AppContext]:
    context = AppContext.open(configured_dir.root)
    yield context
    context.engine.dispose()
