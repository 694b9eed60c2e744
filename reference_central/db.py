"""The central database: AMRIT's tables (central variant) plus the server's own users.

Any SQLAlchemy URL works. For SQLite the engine runs in WAL mode and opens write
transactions with ``BEGIN IMMEDIATE`` so concurrent uploads queue instead of failing,
and so per-row savepoints behave.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import sqlalchemy as sa

from mmu_desktop.db.schema import build_metadata

SQLITE_BUSY_TIMEOUT_MS = 15_000

# The server's own login table. AMRIT keeps users in m_user with more machinery; the
# reference server needs only a name, a salted hash and an id.
server_metadata = sa.MetaData()
central_user = sa.Table(
    "rc_central_user",
    server_metadata,
    sa.Column("UserID", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("UserName", sa.String(50), nullable=False, unique=True),
    sa.Column("PasswordHash", sa.String(200), nullable=False),
    sa.Column("FullName", sa.String(150)),
    sa.Column("ProviderServiceMapID", sa.Integer),
    sa.Column("Deleted", sa.Boolean, nullable=False, server_default=sa.false()),
)


@cache
def amrit_metadata() -> sa.MetaData:
    """AMRIT's tables as central holds them (unique (VanSerialNo, VanID) per synced table)."""
    return build_metadata(for_central=True)


def amrit_table(name: str) -> sa.Table:
    """The central table called ``name``."""
    return amrit_metadata().tables[name]


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN, so SAVEPOINT works and we pick the mode.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _sqlite_on_begin(conn: sa.Connection) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(db_url: str) -> sa.Engine:
    """An engine for ``db_url``; SQLite gets WAL, a busy timeout and explicit BEGIN."""
    url = sa.make_url(db_url)
    if url.get_backend_name() != "sqlite":
        return sa.create_engine(url, pool_pre_ping=True)
    if not url.database or url.database == ":memory:":
        raise ValueError("the reference central server needs an SQLite file, not :memory:")
    engine = sa.create_engine(
        url,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )
    sa.event.listen(engine, "connect", _sqlite_on_connect)
    sa.event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def create_tables(engine: sa.Engine) -> None:
    """Create every table that is still missing."""
    amrit_metadata().create_all(engine)
    server_metadata.create_all(engine)


@contextmanager
def writing(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A write transaction, committed on success; on SQLite it holds the write lock."""
    with engine.connect() as conn:
        conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            yield conn
