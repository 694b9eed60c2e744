"""The keystore: namespaced by data dir, memory-only without a keyring, a real Secret Service."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from mmu_desktop import keystore
from mmu_desktop.keystore import Credentials, Keystore
from tests.helpers.memory_keyring import MemoryKeyring, use_keyring


def test_keys_are_namespaced_by_data_dir(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    a, b = Keystore(tmp_path / "a"), Keystore(tmp_path / "b")
    result = a.save(Credentials("key-a", "jwt-a"))
    assert result.persistent
    assert a.load() == Credentials("key-a", "jwt-a")
    assert b.load() is None
    assert (keystore.service_name(tmp_path / "a"), keystore.KEY_ENTRY) in memory_keyring.store
    a.save(Credentials("key-a2"))
    assert a.load() == Credentials("key-a2", None)
    a.clear()
    assert a.load() is None and not memory_keyring.store


class _Records(logging.Handler):
    """Collects log records (works with ``-p no:logging``, unlike caplog)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_without_a_keyring_the_key_lives_in_memory_only(tmp_path: Path) -> None:
    records = _Records()
    logger = logging.getLogger("mmu_desktop.keystore")
    level = logger.level
    logger.addHandler(records)
    logger.setLevel(logging.DEBUG)
    try:
        with use_keyring(fail.Keyring()):
            store = Keystore(tmp_path)
            result = store.save(Credentials("secret-key-123", "secret-jwt"))
            assert not result.persistent
            assert "no password keyring" in result.message
            assert store.load() == Credentials("secret-key-123", "secret-jwt")
            store.clear()
            assert store.load() is None
    finally:
        logger.removeHandler(records)
        logger.setLevel(level)
    assert not any(p.is_file() for p in tmp_path.rglob("*"))
    text = "\n".join(r.getMessage() for r in records.records)
    assert "secret-key-123" not in text and "secret-jwt" not in text
    # The caller says it in a plain sentence; no raw WARNING line on the terminal.
    assert records.records and all(r.levelno < logging.WARNING for r in records.records)


def _has_session_bus() -> bool:
    return (
        bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS")) and shutil.which("dbus-daemon") is not None
    )


@pytest.mark.secret_service
@pytest.mark.skipif(not _has_session_bus(), reason="no D-Bus session bus")
def test_a_real_secret_service_keeps_the_key(tmp_path: Path) -> None:
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    try:
        backend.get_password("mmu-desktop-probe", "probe")
    except keyring.errors.KeyringError as exc:
        pytest.skip(f"Secret Service unusable: {exc}")
    with use_keyring(backend):
        store = Keystore(tmp_path)
        assert store.save(Credentials("real-key", "real-jwt")).persistent
        assert Keystore(tmp_path).load() == Credentials("real-key", "real-jwt")
        store.clear()
        assert store.load() is None
