"""``mmu-desktop --self-check``: can this installed program run on this computer?

IT runs it after installing (and CI runs it on the built bundle). It checks, in
order, the version, the data folder, the database (opened or created, and migrated),
the keyring and the Qt platform, and prints one plain line per check. The exit code
is 0 only when every check passed; a failing line says what is wrong.

Qt is checked last: when its platform plugin cannot load, Qt ends the process
itself, so a message handler turns that into a FAIL line and exit code 1 first.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TextIO

OK, INFO, FAIL = "ok", "info", "FAIL"

# A bundle whose package metadata was left out reports this version (see __init__.py).
SOURCE_VERSION = "0.0.0+source"


@dataclass(frozen=True)
class Check:
    """One line of the report."""

    status: str  # OK, INFO (worth knowing, not a failure) or FAIL
    name: str
    detail: str


def _line(check: Check) -> str:
    return f"  {check.status:<5} {check.name:<12} {check.detail}"


def check_version() -> Check:
    from mmu_desktop import __version__

    if getattr(sys, "frozen", False) and __version__ == SOURCE_VERSION:
        return Check(FAIL, "version", "unknown: the bundle lacks the package metadata")
    build = "installed bundle" if getattr(sys, "frozen", False) else "Python package"
    return Check(OK, "version", f"{__version__} ({build}, Python {sys.version.split()[0]})")


def check_data_dir(root: Path | None) -> tuple[Check, Path | None]:
    from mmu_desktop.paths import DataDir

    try:
        data_dir = DataDir.at(root)
    except OSError as exc:
        return Check(FAIL, "data folder", f"cannot be created: {exc.strerror or exc}"), None
    if not os.access(data_dir.root, os.W_OK | os.X_OK):
        return Check(FAIL, "data folder", f"{data_dir.root} is not writable by this user"), None
    return Check(OK, "data folder", str(data_dir.root)), data_dir.root


def check_database(root: Path) -> list[Check]:
    """Open (or create) and migrate the database; also say whether the van is set up."""
    from mmu_desktop.context import AppContext
    from mmu_desktop.db.migrate import current_revision
    from mmu_desktop.settings import SettingError

    try:
        ctx = AppContext.open(root)
    except SettingError as exc:
        return [Check(FAIL, "settings", str(exc))]
    except Exception as exc:  # any failure here is what this check exists to report
        return [Check(FAIL, "database", f"cannot be opened or created: {exc}")]
    try:
        revision = current_revision(ctx.engine)
    finally:
        ctx.engine.dispose()
    checks = [Check(OK, "database", f"{ctx.data_dir.database} (schema {revision})")]
    missing = ctx.settings.missing_for_registration()
    if missing:
        how = "set them with 'mmu-desktop provision FILE' or 'mmu-desktop config set'"
        checks.append(Check(INFO, "van", f"not set up yet: {', '.join(missing)}; {how}"))
    else:
        checks.append(Check(OK, "van", f"van {ctx.settings.van_id}"))
    return checks


def check_keyring() -> Check:
    """The keyring backend in use. No keyring in this session is worth knowing, not a
    failure (sign-ins then last one run); no backend bundled at all is a broken build."""
    from mmu_desktop import keystore

    bundled = sorted({entry.name for entry in metadata.entry_points(group="keyring.backends")})
    if not bundled:
        return Check(FAIL, "keyring", "no keyring backends are included in this program")
    try:
        described = keystore.describe_backend()
    except Exception as exc:  # a backend that breaks while loading is a real problem
        return Check(FAIL, "keyring", f"the keyring could not be loaded: {exc}")
    status = OK if keystore.keyring_available() else INFO
    return Check(status, "keyring", described)


def _no_screen() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def check_qt(out: TextIO, on_fatal: Callable[[int], None] = os._exit) -> list[Check]:
    """Start Qt (or reuse the running application) and check the bundled resources.

    ``on_fatal`` ends the process when Qt reports a fatal error; Qt would abort it
    right after the handler returns, without saying why in words a person can use.
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler, qVersion
    from PySide6.QtWidgets import QApplication

    from mmu_desktop.ui.app import resources_dir

    note = ""
    if _no_screen():
        # Over ssh or in a service there is no screen; check Qt without one.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        note = "; no screen found, so checked without one"

    def on_message(kind: QtMsgType, _context: object, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            out.write(_line(Check(FAIL, "Qt platform", f"Qt could not start: {message}")) + "\n")
            out.write("Self-check FAILED.\n")
            out.flush()
            on_fatal(1)

    previous = qInstallMessageHandler(on_message)
    try:
        existing = QApplication.instance()
        app = existing if existing is not None else QApplication([sys.argv[0]])
        platform = QApplication.platformName()
    finally:
        qInstallMessageHandler(previous)
    del app  # a QApplication made here lives until the process ends
    checks = [Check(OK, "Qt platform", f"{platform} (Qt {qVersion()}{note})")]

    try:
        # Imports every screen, as starting the window would: a data file a library
        # reads at import time and that the bundle lacks shows up here.
        import mmu_desktop.ui.main_window  # noqa: F401
    except Exception as exc:  # any failure here is what this check exists to report
        checks.append(Check(FAIL, "screens", f"the window cannot be loaded: {exc}"))
    else:
        checks.append(Check(OK, "screens", "the window's code and data files load"))

    resources = resources_dir()
    needed = [resources / "style.qss", resources / "icons" / "mmu-desktop.svg"]
    fonts = list((resources / "fonts").glob("*.ttf"))
    absent = [str(path.relative_to(resources)) for path in needed if not path.is_file()]
    if absent or not fonts:
        what = ", ".join(absent + ([] if fonts else ["fonts/*.ttf"]))
        checks.append(Check(FAIL, "resources", f"missing from {resources}: {what}"))
    else:
        checks.append(Check(OK, "resources", f"{resources} ({len(fonts)} fonts)"))
    return checks


def run_self_check(data_dir: Path | None, out: TextIO | None = None) -> int:
    """Print the report to ``out`` (stdout by default); return 0 when every check passed."""
    stream = out or sys.stdout
    stream.write("MMU Desktop self-check\n")
    checks: list[Check] = []

    def report(*new: Check) -> None:
        for check in new:
            checks.append(check)
            stream.write(_line(check) + "\n")
        stream.flush()

    report(check_version())
    data_check, root = check_data_dir(data_dir)
    report(data_check)
    if root is not None:
        report(*check_database(root))
    report(check_keyring())
    report(*check_qt(stream))

    failed = [check.name for check in checks if check.status == FAIL]
    if failed:
        stream.write(f"Self-check FAILED: {', '.join(failed)}.\n")
        return 1
    stream.write("Self-check passed.\n")
    return 0
