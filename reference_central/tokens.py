"""Signed JWTs (HS256) handed out at login, as Common-API does for its clients.

The reference server issues them for fidelity and accepts them alongside the session
key, but authorises calls by the session key alone.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from typing import Any


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def issue_token(secret: bytes, *, user_id: int, user_name: str, ttl_seconds: int, kind: str) -> str:
    """A compact HS256 JWT for the user; ``kind`` is ``access`` or ``refresh``."""
    now = int(time.time())
    header = {"alg": "HS256", "typ": "JWT"}
    claims: dict[str, Any] = {
        "sub": user_name,
        "userId": str(user_id),
        "username": user_name,
        "token_type": kind,
        "jti": str(uuid.uuid4()),
        "iat": now,
        "exp": now + ttl_seconds,
    }
    signing_input = ".".join(
        _b64url(json.dumps(part, separators=(",", ":")).encode("utf-8"))
        for part in (header, claims)
    )
    signature = hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()
    return f"{signing_input}.{_b64url(signature)}"
