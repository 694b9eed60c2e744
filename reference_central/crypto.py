"""The login password cipher AMRIT's UI and Common-API share, plus password hashing.

The UI encrypts the password with AES/CBC and ISO 10126 padding under a key derived by
PBKDF2-HMAC-SHA512 (1989 iterations, 256 bits) from a fixed passphrase. The wire text
is 64 hex characters of salt, 32 hex characters of IV, then the base64 ciphertext.
Stored passwords are salted PBKDF2-HMAC-SHA256 hashes, never plain text.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

PASSPHRASE = "Piramal12Piramal"
KDF_ITERATIONS = 1989
SALT_BYTES = 32
IV_BYTES = 16
BLOCK_BYTES = 16

_HASH_SCHEME = "pbkdf2_sha256"
_HASH_ITERATIONS = 60_000
_WIRE = re.compile(r"^(?P<salt>[0-9a-fA-F]{64})(?P<iv>[0-9a-fA-F]{32})(?P<body>[A-Za-z0-9+/=\s]+)$")


class PasswordCipherError(ValueError):
    """The text is not a password encrypted the way AMRIT's UI does it."""


def _key(salt: bytes, passphrase: str) -> bytes:
    kdf = PBKDF2HMAC(algorithm=hashes.SHA512(), length=32, salt=salt, iterations=KDF_ITERATIONS)
    return kdf.derive(passphrase.encode("utf-8"))


def encrypt_password(plain: str, passphrase: str = PASSPHRASE) -> str:
    """Encrypt ``plain`` as AMRIT's UI sends it to ``user/userAuthenticate``."""
    salt, iv = os.urandom(SALT_BYTES), os.urandom(IV_BYTES)
    data = plain.encode("utf-8")
    # ISO 10126: random filler, last byte = pad length (a full block when aligned).
    pad = BLOCK_BYTES - len(data) % BLOCK_BYTES
    padded = data + os.urandom(pad - 1) + bytes([pad])
    encryptor = Cipher(algorithms.AES(_key(salt, passphrase)), modes.CBC(iv)).encryptor()
    cipher_bytes = encryptor.update(padded) + encryptor.finalize()
    return salt.hex() + iv.hex() + base64.b64encode(cipher_bytes).decode("ascii")


def decrypt_password(text: str, passphrase: str = PASSPHRASE) -> str:
    """Decrypt a password from the wire; raise PasswordCipherError if it is malformed."""
    match = _WIRE.match(text or "")
    if not match:
        raise PasswordCipherError("not an encrypted password")
    salt, iv = bytes.fromhex(match["salt"]), bytes.fromhex(match["iv"])
    try:
        cipher_bytes = base64.b64decode(match["body"], validate=False)
    except binascii.Error as exc:
        raise PasswordCipherError("bad base64 ciphertext") from exc
    if not cipher_bytes or len(cipher_bytes) % BLOCK_BYTES:
        raise PasswordCipherError("ciphertext is not whole AES blocks")
    decryptor = Cipher(algorithms.AES(_key(salt, passphrase)), modes.CBC(iv)).decryptor()
    padded = decryptor.update(cipher_bytes) + decryptor.finalize()
    pad = padded[-1]
    if not 1 <= pad <= BLOCK_BYTES:
        raise PasswordCipherError("bad padding")
    try:
        return padded[:-pad].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PasswordCipherError("wrong key or corrupt ciphertext") from exc


def hash_password(plain: str) -> str:
    """A salted hash of ``plain`` for storage."""
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", plain.encode("utf-8"), salt, _HASH_ITERATIONS)
    return f"{_HASH_SCHEME}${_HASH_ITERATIONS}${salt.hex()}${digest.hex()}"


def verify_password(plain: str, stored: str) -> bool:
    """Whether ``plain`` matches a hash made by ``hash_password``."""
    try:
        scheme, iterations, salt_hex, digest_hex = stored.split("$")
        if scheme != _HASH_SCHEME:
            return False
        digest = hashlib.pbkdf2_hmac(
            "sha256", plain.encode("utf-8"), bytes.fromhex(salt_hex), int(iterations)
        )
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)
