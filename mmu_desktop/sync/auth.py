"""Signing in to AMRIT central (Common-API ``user/userAuthenticate``, contract 2.1).

Common-API expects the password encrypted with AES/CBC and ISO 10126 padding, the key
derived by PBKDF2-HMAC-SHA512 from a passphrase that is public in AMRIT's source. This
is obfuscation for AMRIT's sake, not protection: the real protection is HTTPS.
"""

from __future__ import annotations

import base64
import logging
import os
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from mmu_desktop.keystore import Credentials
from mmu_desktop.sync.client import (
    LOGIN_PATH,
    LOGOUT_OTHER_SESSION_PATH,
    NO_RETRY,
    STATUS_USERID_FAILURE,
    AmritClient,
    BadReply,
    Envelope,
    SyncError,
    join_url,
)

log = logging.getLogger(__name__)

AMRIT_PASSPHRASE = b"Piramal12Piramal"
PBKDF2_ITERATIONS = 1989
KEY_BYTES = 32
SALT_BYTES = 32
IV_BYTES = 16
BLOCK_BYTES = 16


class LoginFailed(SyncError):
    """Central refused the user name or password, or gave no session key."""


class AlreadySignedIn(LoginFailed):
    """The account has a session elsewhere (AMRIT's concurrent-session answer, 5002).

    Nothing was changed on central. Call ``login`` again with ``end_other_session=True``
    once the person agreed to end the other session (it may be a colleague's sync).
    """


@dataclass(frozen=True)
class LoginResult:
    """A successful sign-in."""

    credentials: Credentials
    user_name: str
    has_mmu_privilege: bool  # the MMU UI insists on a privilege for the "MMU" service
    logged_out_other_session: bool


def _derive_key(salt: bytes) -> bytes:
    kdf = PBKDF2HMAC(
        algorithm=hashes.SHA512(), length=KEY_BYTES, salt=salt, iterations=PBKDF2_ITERATIONS
    )
    return kdf.derive(AMRIT_PASSPHRASE)


def _pad_iso10126(data: bytes) -> bytes:
    # ISO 10126: random filler, the last byte says how many bytes were added (1..16).
    count = BLOCK_BYTES - len(data) % BLOCK_BYTES
    return data + os.urandom(count - 1) + bytes([count])


def _unpad_iso10126(data: bytes) -> bytes:
    if not data or len(data) % BLOCK_BYTES:
        raise ValueError("ciphertext is not a whole number of blocks")
    count = data[-1]
    if not 1 <= count <= BLOCK_BYTES:
        raise ValueError("bad padding")
    return data[:-count]


def encrypt_password(password: str, *, salt: bytes | None = None, iv: bytes | None = None) -> str:
    """AMRIT's login encryption of ``password``.

    Returns:
        64 hex characters of salt, 32 of IV, then the base64 ciphertext.
    """
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    iv = os.urandom(IV_BYTES) if iv is None else iv
    encryptor = Cipher(algorithms.AES(_derive_key(salt)), modes.CBC(iv)).encryptor()
    cipher = encryptor.update(_pad_iso10126(password.encode("utf-8"))) + encryptor.finalize()
    return salt.hex() + iv.hex() + base64.b64encode(cipher).decode("ascii")


def decrypt_password(text: str) -> str:
    """The inverse of ``encrypt_password`` (for tests and the reference server)."""
    salt = bytes.fromhex(text[: SALT_BYTES * 2])
    iv = bytes.fromhex(text[SALT_BYTES * 2 : SALT_BYTES * 2 + IV_BYTES * 2])
    cipher = base64.b64decode(text[SALT_BYTES * 2 + IV_BYTES * 2 :], validate=True)
    decryptor = Cipher(algorithms.AES(_derive_key(salt)), modes.CBC(iv)).decryptor()
    return _unpad_iso10126(decryptor.update(cipher) + decryptor.finalize()).decode("utf-8")


def _is_concurrent_session(envelope: Envelope) -> bool:
    message = envelope.error_message.lower()
    return envelope.status_code == STATUS_USERID_FAILURE and "already logged in" in message


def _has_mmu_privilege(data: dict[str, Any]) -> bool:
    privileges = data.get("previlegeObj")
    if not isinstance(privileges, list):
        return False
    for entry in privileges:
        if not isinstance(entry, dict):
            continue
        if str(entry.get("serviceName", "")).strip().upper() == "MMU":
            return True
        mapping = entry.get("providerServiceMapping")
        if isinstance(mapping, dict) and str(mapping.get("serviceID")) == "2":
            return True
    return False


def login(
    common_url: str,
    user: str,
    password: str,
    *,
    client: AmritClient | None = None,
    end_other_session: bool = False,
) -> LoginResult:
    """Sign in to central and return the session key (and JWT when central gives one).

    A "you are already logged in" answer raises ``AlreadySignedIn`` unless
    ``end_other_session`` is True; then it is handled as AMRIT's own UI does after the
    person confirmed: the other session is logged out and the sign-in is tried once
    more with ``doLogout``.

    Raises:
        AlreadySignedIn: the account is signed in elsewhere and ``end_other_session``
            is False.
        LoginFailed: wrong user name or password, or an answer without a key.
        SyncError: the network or the server failed (see ``client``).
    """
    own_client = client is None
    http = client or AmritClient(central_url="", common_url=common_url, retry=NO_RETRY)
    try:
        return _login(http, common_url, user, password, end_other_session)
    finally:
        if own_client:
            http.close()


def _login(
    http: AmritClient, common_url: str, user: str, password: str, end_other_session: bool
) -> LoginResult:
    url = join_url(common_url, LOGIN_PATH)

    def attempt(do_logout: bool) -> Envelope:
        body = {"userName": user, "password": encrypt_password(password), "doLogout": do_logout}
        return http.post(url, body, idempotent=False, auth=False, session_expiry_is_error=False)

    envelope = attempt(False)
    logged_out = False
    if _is_concurrent_session(envelope) and not end_other_session:
        raise AlreadySignedIn(
            "This account is already signed in on another device. Ending that session "
            "would sign the other device out."
        )
    if _is_concurrent_session(envelope):
        log.info("central reports another session for this user; logging it out")
        other = http.post(
            join_url(common_url, LOGOUT_OTHER_SESSION_PATH),
            {"userName": user},
            idempotent=True,
            auth=False,
            session_expiry_is_error=False,
        )
        if not other.ok:
            raise LoginFailed(
                "This user is signed in elsewhere and the other session could not be "
                f"closed: {other.describe_error()}"
            )
        logged_out = True
        envelope = attempt(True)
    if not envelope.ok:
        raise LoginFailed(f"Sign-in refused: {envelope.describe_error()}")
    data = envelope.data
    if not isinstance(data, dict):
        raise BadReply("The central server's sign-in answer has no data.")
    key = data.get("key")
    if not isinstance(key, str) or not key.strip():
        raise LoginFailed("The central server accepted the sign-in but sent no session key.")
    jwt = data.get("jwtToken")
    if not isinstance(jwt, str) or not jwt:
        jwt = http.session.cookies.get("Jwttoken") or None
    return LoginResult(
        credentials=Credentials(key=key, jwt=jwt),
        user_name=user,
        has_mmu_privilege=_has_mmu_privilege(data),
        logged_out_other_session=logged_out,
    )
