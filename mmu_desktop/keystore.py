"""The only module that touches the OS keyring: the central session key and its token.

Secrets are filed under a service name that includes the resolved data dir, so two
data dirs on one laptop (a demo and the real van) never share a key. When the
system has no keyring at all, the key is kept in this process's memory for this run
only and the caller is told so plainly; it is never written to a file or a log.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors
from keyring.backends import fail

log = logging.getLogger(__name__)

SERVICE_PREFIX = "mmu-desktop"
KEY_ENTRY = "server-authorization"
JWT_ENTRY = "jwt"

NO_KEYRING_MESSAGE = (
    "This computer has no password keyring, so the sign-in is kept only until this "
    "program ends; you will need to sign in again next time."
)

# Entries kept in memory when no keyring works: {(service, entry): secret}.
_memory: dict[tuple[str, str], str] = {}


class KeystoreError(Exception):
    """The keyring exists but refused to store or read a secret."""


@dataclass(frozen=True)
class Credentials:
    """What central needs to accept our calls: the session key and, if given, a JWT."""

    key: str
    jwt: str | None = None


@dataclass(frozen=True)
class SaveResult:
    """Where a secret ended up: in the OS keyring, or only in memory for this run."""

    persistent: bool
    message: str


def service_name(data_dir: Path) -> str:
    """The keyring service name for the data dir at ``data_dir``."""
    return f"{SERVICE_PREFIX}:{Path(data_dir).expanduser().resolve()}"


def keyring_available() -> bool:
    """True when a real keyring backend is in use (not keyring's ``fail`` backend)."""
    return not isinstance(keyring.get_keyring(), fail.Keyring)


def describe_backend() -> str:
    """A short, secret-free description of where keys are kept, for the settings screen."""
    if not keyring_available():
        return "in memory for this run only (no keyring on this computer)"
    backend = keyring.get_keyring()
    return f"in the system keyring ({type(backend).__module__}.{type(backend).__name__})"


class Keystore:
    """The secrets of one data dir."""

    def __init__(self, data_dir: Path) -> None:
        self.service = service_name(data_dir)

    def save(self, credentials: Credentials) -> SaveResult:
        """Store the key and the JWT (the JWT is removed when ``credentials.jwt`` is None).

        Returns:
            Whether the secrets survive this run, and a sentence saying where they are.

        Raises:
            KeystoreError: the keyring exists but refused to store the key.
        """
        if not credentials.key:
            raise ValueError("an empty key cannot be stored")
        if not keyring_available():
            self._save_in_memory(credentials)
            return SaveResult(False, NO_KEYRING_MESSAGE)
        try:
            keyring.set_password(self.service, KEY_ENTRY, credentials.key)
            if credentials.jwt:
                keyring.set_password(self.service, JWT_ENTRY, credentials.jwt)
            else:
                self._delete_quietly(JWT_ENTRY)
        except keyring.errors.NoKeyringError:
            self._save_in_memory(credentials)
            return SaveResult(False, NO_KEYRING_MESSAGE)
        except keyring.errors.KeyringError as exc:
            # The exception text may name the backend but never holds the secret.
            raise KeystoreError(f"the system keyring refused to store the key ({exc})") from exc
        # A key kept in memory by an earlier failure must not shadow the stored one.
        _memory.pop((self.service, KEY_ENTRY), None)
        _memory.pop((self.service, JWT_ENTRY), None)
        return SaveResult(True, "The sign-in is kept in the system keyring.")

    def load(self) -> Credentials | None:
        """The stored credentials, or None when nobody has signed in.

        Raises:
            KeystoreError: the keyring exists but could not be read (e.g. it is locked).
        """
        memory_key = _memory.get((self.service, KEY_ENTRY))
        if memory_key is not None:
            return Credentials(memory_key, _memory.get((self.service, JWT_ENTRY)))
        if not keyring_available():
            return None
        try:
            key = keyring.get_password(self.service, KEY_ENTRY)
            jwt = keyring.get_password(self.service, JWT_ENTRY) if key else None
        except keyring.errors.NoKeyringError:
            return None
        except keyring.errors.KeyringError as exc:
            raise KeystoreError(f"the system keyring could not be read ({exc})") from exc
        if not key:
            return None
        return Credentials(key, jwt or None)

    def clear(self) -> None:
        """Forget the key and the JWT (signing out, or after central rejected them)."""
        _memory.pop((self.service, KEY_ENTRY), None)
        _memory.pop((self.service, JWT_ENTRY), None)
        if not keyring_available():
            return
        for entry in (KEY_ENTRY, JWT_ENTRY):
            self._delete_quietly(entry)

    def _save_in_memory(self, credentials: Credentials) -> None:
        # Info, not a warning: the caller tells the person in a plain sentence
        # (SaveResult.message), and a raw log line on the terminal would only confuse.
        log.info("no keyring backend: the central key is kept in memory for this run only")
        _memory[(self.service, KEY_ENTRY)] = credentials.key
        if credentials.jwt:
            _memory[(self.service, JWT_ENTRY)] = credentials.jwt
        else:
            _memory.pop((self.service, JWT_ENTRY), None)

    def _delete_quietly(self, entry: str) -> None:
        try:
            keyring.delete_password(self.service, entry)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            log.warning("could not delete a keyring entry: %s", type(exc).__name__)
