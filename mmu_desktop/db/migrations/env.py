"""Alembic environment: migrates the SQLite file the app (or ``-x db=PATH``) names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import context

from mmu_desktop.db import sync_history  # noqa: F401  (its tables join the metadata)
from mmu_desktop.db.engine import create_db_engine
from mmu_desktop.db.schema import metadata

config = context.config


def _engine() -> Any:
    given = config.attributes.get("connection")
    if given is not None:
        return given
    db = context.get_x_argument(as_dictionary=True).get("db")
    if not db:
        raise SystemExit("name the database: alembic -x db=PATH ...")
    return create_db_engine(Path(db))


def run_migrations_online() -> None:
    target = _engine()
    if hasattr(target, "connect"):
        with target.connect() as connection:
            _run(connection)
    else:
        _run(target)


def _run(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
