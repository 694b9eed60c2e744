"""The central database: AMRIT's tables (central variant) plus the server's own users.

Any SQLAlchemy URL works. For SQLite the engine runs in WAL mode and opens write
transactions with ``BEGIN IMMEDIATE`` so concurrent uploads queue instead of failing,
and so per-row savepoints behave. ``check_then_act`` turns a test central into one that
de-duplicates uploads as a real AMRIT central does: no unique index, one statement at a
time.
"""

from __future__ import annotations

import sqlite3
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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
    if mode != AUTOCOMMIT:
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
def writing(engine: sa.Engine, *, upload: bool = False) -> Iterator[sa.Connection]:
    """A write transaction, committed on success; on SQLite it holds the write lock.

    ``upload`` marks the storing of an uploaded batch: on a central made to behave like
    a real AMRIT one (``check_then_act``) that runs statement by statement instead.
    """
    if upload and engine in _CHECK_THEN_ACT:
        with engine.connect() as conn:
            conn = conn.execution_options(sqlite_begin=AUTOCOMMIT)
            with conn.begin():
                yield conn
        return
    with engine.connect() as conn:
        conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            yield conn


# -- a central that de-duplicates as real AMRIT does ----------------------------------

AUTOCOMMIT = "AUTOCOMMIT"  # no BEGIN: every statement commits on its own


@dataclass
class CheckThenAct:
    """A central without the unique (VanSerialNo, VanID) index, as real AMRIT is.

    Real AMRIT (contract 5.3 step 4, 11.2) looks a row up by (VanSerialNo, VanID) with
    a SELECT, then INSERTs or UPDATEs it, each statement committed on its own. Two
    requests carrying the same row at the same time can both find nothing and both
    insert it. ``before_insert`` (for tests) is called with the table name between a
    row's look-up and its INSERT: a pause there is a slow database under load.
    """

    before_insert: Callable[[str], None] | None = None


_CHECK_THEN_ACT: weakref.WeakKeyDictionary[sa.Engine, CheckThenAct] = weakref.WeakKeyDictionary()


def check_then_act(engine: sa.Engine) -> CheckThenAct:
    """Make the central on ``engine`` de-duplicate uploads like a real AMRIT central.

    Creates the tables if needed, replaces every unique (VanSerialNo, VanID) index with
    a plain one (AMRIT's ``inx_VanSerialNo``), and from then on stores uploaded rows
    statement by statement (no transaction, no savepoints). SQLite only.
    """
    if engine.dialect.name != "sqlite":
        raise ValueError("the check-then-act central is for SQLite test databases")
    create_tables(engine)
    with engine.begin() as conn:
        for table in amrit_metadata().sorted_tables:
            for index in list(table.indexes):
                if index.unique and index.name and index.name.endswith("_van_row"):
                    columns = ", ".join(f'"{c.name}"' for c in index.columns)
                    conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{index.name}"')
                    conn.exec_driver_sql(
                        f'CREATE INDEX IF NOT EXISTS "inx_{table.name}_van_row" '
                        f'ON "{table.name}" ({columns})'
                    )
    mode = _CHECK_THEN_ACT.setdefault(engine, CheckThenAct())
    _no_savepoints_when_autocommit(engine.dialect)
    if not sa.event.contains(engine, "before_cursor_execute", _before_insert):
        sa.event.listen(engine, "before_cursor_execute", _before_insert)
    return mode


def _before_insert(conn: sa.Connection, _cursor: Any, statement: str, *_args: Any) -> None:
    mode = _CHECK_THEN_ACT.get(conn.engine)
    if mode is None or mode.before_insert is None:
        return
    if conn.get_execution_options().get("sqlite_begin") != AUTOCOMMIT:
        return
    words = statement.split(None, 3)
    if len(words) > 2 and words[0].upper() == "INSERT" and words[1].upper() == "INTO":
        mode.before_insert(words[2].strip('"'))


def _no_savepoints_when_autocommit(dialect: Any) -> None:
    """AMRIT's statements each commit at once: a savepoint would open a transaction
    around a row's look-up and write, which AMRIT does not have."""
    if getattr(dialect, "_check_then_act", False):
        return
    dialect._check_then_act = True
    for name in ("do_savepoint", "do_release_savepoint", "do_rollback_to_savepoint"):
        original = getattr(dialect, name)

        def call(connection: sa.Connection, savepoint: str, _original: Any = original) -> None:
            if connection.get_execution_options().get("sqlite_begin") != AUTOCOMMIT:
                _original(connection, savepoint)

        setattr(dialect, name, call)
