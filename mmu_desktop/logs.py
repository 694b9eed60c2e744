"""Log files for IT: in the data dir's ``logs/`` folder, private, rotated, no patient data.

Code logs counts, table names, batch numbers and timings, never names, phone
numbers, IDs of people, keys or passwords.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys

from mmu_desktop.paths import DataDir

LOG_NAME = "mmu-desktop.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _PrivateRotatingFile(logging.handlers.RotatingFileHandler):
    """A rotating log file readable by its owner only.

    A record that cannot be written (the disk is full) is dropped with one short line
    on stderr, instead of the standard library's traceback for every record: the app
    goes on, and the log resumes once there is space again.
    """

    _failing = False
    _failed_now = False

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        if os.name == "posix":
            os.chmod(self.baseFilename, 0o600)
        return stream

    def emit(self, record: logging.LogRecord) -> None:
        self._failed_now = False
        super().emit(record)
        if not self._failed_now:
            self._failing = False  # writing works again: report the next failure too

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (stdlib name)
        self._failed_now = True
        if not self._failing:
            self._failing = True
            error = sys.exc_info()[1]
            reason = getattr(error, "strerror", None) or type(error).__name__
            sys.stderr.write(f"mmu-desktop: cannot write the log file ({reason})\n")


def configure(data_dir: DataDir, *, verbose: bool = False) -> None:
    """Send INFO and above to the data dir's log file, warnings (or all, if verbose)
    to stderr. Calling it again for another data dir moves the file handler."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_mmu", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = _PrivateRotatingFile(
        data_dir.logs / LOG_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler.setLevel(logging.INFO)
    file_handler._mmu = True  # type: ignore[attr-defined]
    console = logging.StreamHandler()
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    console.setLevel(logging.INFO if verbose else logging.WARNING)
    console._mmu = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    root.addHandler(console)
    root.setLevel(logging.INFO)
