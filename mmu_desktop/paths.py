"""Where MMU Desktop keeps its data, logs and backups.

Everything lives under one data dir: the platform's user data folder by default, or
the folder given with ``--data-dir``. Folders are private (0700) and files 0600,
since the database holds patient data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "mmu-desktop"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _private_dir(path: Path) -> Path:
    """Create ``path`` readable by its owner only. A folder that already exists is
    left as it is: it may be shared, and its owner chose its permissions."""
    if not path.is_dir():
        path.mkdir(parents=True, mode=0o700)
        if os.name == "posix":
            path.chmod(0o700)  # mkdir's mode is filtered by the umask
    return path


@dataclass(frozen=True)
class DataDir:
    """The layout of one data dir."""

    root: Path

    @classmethod
    def at(cls, root: Path | str | None) -> DataDir:
        base = Path(root).expanduser() if root else default_data_dir()
        _private_dir(base)
        return cls(base.resolve())

    @property
    def database(self) -> Path:
        return self.root / "mmu.db"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def backups(self) -> Path:
        return _private_dir(self.root / "backups")

    @property
    def logs(self) -> Path:
        return _private_dir(self.root / "logs")

    @property
    def drafts(self) -> Path:
        """Half-typed forms, kept so a power cut loses nothing."""
        return _private_dir(self.root / "drafts")

    @property
    def sync_lock(self) -> Path:
        return self.root / "sync.lock"


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, readable by the owner only.

    On a failure (a full disk, say) the old file stays as it was, the half-written
    temporary file is removed, and the OSError is raised to the caller.
    """
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
