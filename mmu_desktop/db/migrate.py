"""Bringing a data dir's database to the current schema, safely.

Before any migration touches an existing database, the file is copied (with SQLite's
online backup, so a WAL file is included) to ``backups/``. Migrations run inside one
transaction each, so a killed upgrade leaves the old schema, not half of the new one.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime
from importlib import resources
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from mmu_desktop.db.engine import create_db_engine, writing
from mmu_desktop.db.seed.control import seed_control_tables
from mmu_desktop.db.seed.masters import seed_starter_masters

log = logging.getLogger(__name__)


def _alembic_config() -> Config:
    folder = resources.files("mmu_desktop.db").joinpath("migrations")
    config = Config(str(Path(str(folder)) / "alembic.ini"))
    config.set_main_option("script_location", str(folder))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_database(db_path: Path, backup_dir: Path, label: str) -> Path:
    """Copy the database to ``backup_dir`` and return the copy's path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"mmu-{stamp}-{label}.db"
    source = sqlite3.connect(db_path)
    try:
        dest = sqlite3.connect(target)
        with dest:
            source.backup(dest)
        dest.close()
    finally:
        source.close()
    target.chmod(0o600)
    return target


def upgrade(engine: sa.Engine, backup_dir: Path) -> None:
    """Migrate to the newest schema, backing the file up first if it holds data."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return
    db_path = Path(engine.url.database or "")
    if current is not None and db_path.exists():
        copy = backup_database(db_path, backup_dir, f"before-{head}-from-{current}")
        log.info("backed up the database to %s before migrating", copy.name)
    config = _alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        conn.commit()


def prepare_database(
    db_path: Path, backup_dir: Path, provider_service_map_id: int | None = None
) -> sa.Engine:
    """Open the database at ``db_path``: migrate it, then seed what is still empty."""
    if not db_path.exists():
        # Create it private before SQLite does; its -wal and -shm files copy this mode.
        db_path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(db_path, os.O_WRONLY | os.O_CREAT, 0o600))
    db_path.chmod(0o600)
    engine = create_db_engine(db_path)
    upgrade(engine, backup_dir)
    with engine.connect() as conn:
        seeded = bool(conn.execute(sa.text("SELECT count(*) FROM m_synctablegroup")).scalar())
    if not seeded:
        # Only a new database is written to here, so opening an existing one for a
        # read-only command never waits for another program's write lock.
        with writing(engine) as conn:
            seed_control_tables(conn, datetime.now().replace(microsecond=0))
            seed_starter_masters(conn, provider_service_map_id)
    return engine
