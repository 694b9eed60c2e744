"""Login sessions, kept in memory the way AMRIT keeps them in Redis.

A session key lives ``ttl_seconds`` after its last use. The clock is injectable so
tests can expire a session without sleeping.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Session:
    """One live login."""

    key: str
    user_name: str
    user_id: int
    expires_at: float


class SessionStore:
    """Thread-safe session keys with idle expiry, refreshed on every use."""

    def __init__(self, ttl_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._ttl = float(ttl_seconds)
        self._clock = clock
        self._lock = threading.Lock()
        self._sessions: dict[str, Session] = {}

    def _purge(self, now: float) -> None:
        for key in [k for k, s in self._sessions.items() if s.expires_at <= now]:
            del self._sessions[key]

    def create(self, user_name: str, user_id: int) -> Session:
        """Start a session for the user; other sessions of the user are untouched."""
        with self._lock:
            now = self._clock()
            self._purge(now)
            session = Session(secrets.token_hex(24), user_name, user_id, now + self._ttl)
            self._sessions[session.key] = session
            return session

    def touch(self, key: str) -> Session | None:
        """The live session for ``key`` with its expiry pushed back, or None."""
        with self._lock:
            now = self._clock()
            self._purge(now)
            session = self._sessions.get(key)
            if session is not None:
                session.expires_at = now + self._ttl
            return session

    def has_live_session(self, user_name: str) -> bool:
        """Whether the user is logged in somewhere right now."""
        with self._lock:
            self._purge(self._clock())
            return any(s.user_name == user_name for s in self._sessions.values())

    def end_user_sessions(self, user_name: str) -> int:
        """End every session of the user; return how many ended."""
        with self._lock:
            keys = [k for k, s in self._sessions.items() if s.user_name == user_name]
            for key in keys:
                del self._sessions[key]
            return len(keys)
