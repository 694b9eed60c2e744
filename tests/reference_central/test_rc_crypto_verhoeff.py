"""The password cipher and the Verhoeff check digit, without a server."""

from __future__ import annotations

import base64
import contextlib
import random
import re

import pytest

from reference_central.crypto import (
    PasswordCipherError,
    decrypt_password,
    encrypt_password,
    hash_password,
    verify_password,
)
from reference_central.verhoeff import check_digit, is_valid


def test_encrypted_password_has_amrit_wire_layout() -> None:
    text = encrypt_password("demo-pass-1")
    assert re.fullmatch(r"[0-9a-f]{64}[0-9a-f]{32}[A-Za-z0-9+/]+=*", text)
    cipher_bytes = base64.b64decode(text[96:])
    assert len(cipher_bytes) == 16  # 11 bytes of text pad to one AES block


@pytest.mark.parametrize("plain", ["", "a", "exactly16bytes!!", "पासवर्ड-1", "x" * 100])
def test_password_round_trip(plain: str) -> None:
    first, second = encrypt_password(plain), encrypt_password(plain)
    assert first != second  # fresh salt and IV each time
    assert decrypt_password(first) == plain
    assert decrypt_password(second) == plain


def test_wrong_passphrase_or_garbage_is_refused() -> None:
    with pytest.raises(PasswordCipherError):
        decrypt_password("demo-pass-1")
    text = encrypt_password("demo-pass-1", passphrase="SomethingElse123")
    # A wrong key yields bad padding, bad UTF-8 or other text, never the password.
    with contextlib.suppress(PasswordCipherError):
        assert decrypt_password(text) != "demo-pass-1"


def test_password_hash_verifies_only_the_right_password() -> None:
    stored = hash_password("demo-pass-1")
    assert "demo-pass-1" not in stored
    assert verify_password("demo-pass-1", stored)
    assert not verify_password("demo-pass-2", stored)
    assert not verify_password("demo-pass-1", "garbage")


@pytest.mark.parametrize(
    ("digits", "check"), [("236", "3"), ("12345", "1"), ("142857", "0"), ("75872", "2")]
)
def test_known_check_digits(digits: str, check: str) -> None:
    assert check_digit(digits) == check
    assert is_valid(digits + check)


def test_every_single_digit_error_and_adjacent_swap_is_caught() -> None:
    rng = random.Random(7)
    for _ in range(200):
        body = "".join(rng.choice("0123456789") for _ in range(11))
        number = body + check_digit(body)
        assert is_valid(number)
        for i in range(len(number)):
            for digit in "0123456789":
                if digit != number[i]:
                    assert not is_valid(number[:i] + digit + number[i + 1 :])
        for i in range(len(number) - 1):
            if number[i] != number[i + 1]:
                swapped = number[:i] + number[i + 1] + number[i] + number[i + 2 :]
                assert not is_valid(swapped)


def test_non_digits_are_rejected() -> None:
    assert not is_valid("12a4")
    assert not is_valid("")
    with pytest.raises(ValueError):
        check_digit("12 3")
