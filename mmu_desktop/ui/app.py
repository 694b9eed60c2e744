"""Starting the window: Qt application, bundled fonts, style sheet, icon, main window."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer, qVersion
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from mmu_desktop.context import AppContext

log = logging.getLogger(__name__)

APP_NAME = "MMU Desktop"
# Hindi names need a Devanagari font; a fresh Linux or Windows machine may have none.
DEVANAGARI_FAMILY = "Noto Sans Devanagari"


def resources_dir() -> Path:
    """The ``resources`` folder: inside a PyInstaller bundle, or at the repository root."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def load_fonts(app: QApplication) -> list[str]:
    """Register the bundled fonts and make Devanagari the fallback of the UI font.

    Returns the font families that were loaded.
    """
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path.name)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    font = QFont(app.font())
    base = font.family()
    if DEVANAGARI_FAMILY in families or DEVANAGARI_FAMILY in QFontDatabase.families():
        font.setFamilies([base, DEVANAGARI_FAMILY])
    font.setPointSizeF(max(font.pointSizeF(), 10.5))
    app.setFont(font)
    return sorted(set(families))


def load_style(app: QApplication) -> None:
    """Apply the calm, high-contrast style sheet from ``resources/style.qss``."""
    path = resources_dir() / "style.qss"
    try:
        sheet = path.read_text(encoding="utf-8")
    except OSError:
        log.warning("style sheet %s not found; using Qt's default look", path)
        return
    if app.styleSheet() != sheet:
        # Set once: re-styling every live widget of an earlier window can crash Qt.
        app.setStyleSheet(sheet)


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with fonts, style and icon (reused when one exists, as in tests)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("MMU")
    if app.style().name().lower() != "fusion":
        # Replacing the style under live widgets (a second window in one process, as in
        # tests) can crash Qt, so it is set once.
        app.setStyle("Fusion")
    load_fonts(app)
    load_style(app)
    icon = resources_dir() / "icons" / "mmu-desktop.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def crash_details(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    """The text a nurse can copy for IT: versions and the traceback (no form contents)."""
    from mmu_desktop import __version__

    lines = [
        f"MMU Desktop {__version__}",
        f"Python {sys.version.split()[0]}, Qt {qVersion()}, {platform.platform()}",
        "",
        *traceback.format_exception(kind, error, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


def install_crash_handler() -> None:
    """Show unexpected errors (bugs) in a dialog with copyable details instead of vanishing."""

    def handle(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, error, tb))
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, "")
        box.setText(
            QApplication.translate(
                "app",
                "Something went wrong inside the app. What was already saved is safe. "
                "Please show the details below to IT (Show Details, then copy).",
            )
        )
        box.setDetailedText(crash_details(kind, error, tb))
        box.exec()

    sys.excepthook = handle


def start_demo(data_dir: Path | str | None) -> tuple[Path | str | None, Callable[[], None]]:
    """Start ``mmu-desktop --demo``: a demo central on 127.0.0.1 and a data dir set up
    for it (signed in, masters downloaded, ID pool filled).

    Returns the data dir the window should open and a function that stops the demo
    central when the window has closed.
    """
    from mmu_desktop.demo import DemoUnavailable
    from mmu_desktop.demo import start_demo as start_demo_session

    try:
        session = start_demo_session(data_dir)
    except DemoUnavailable as exc:
        QMessageBox.warning(None, APP_NAME, str(exc))
        return data_dir, lambda: None
    root = session.ctx.data_dir.root
    session.ctx.engine.dispose()
    print(
        f"Demo central server: {session.central.central_url} (user {session.user}); "
        f"demo data folder: {root}",
        file=sys.stderr,
    )
    if not session.first_sync.succeeded:
        log.warning("the demo's first sync did not fully succeed")
    return root, session.central.stop


def run_window(
    data_dir: Path | str | None, demo: bool = False, quit_after: float | None = None
) -> int:
    """Open the main window on ``data_dir`` and run until it closes; returns the exit code.

    ``quit_after`` closes the window that many seconds after it is shown (installer checks).
    """
    from mmu_desktop.ui.main_window import MainWindow
    from mmu_desktop.ui.setup_wizard import SetupWizard, needs_setup

    app = make_application()
    install_crash_handler()
    stop_demo: Callable[[], None] = lambda: None  # noqa: E731
    if demo:
        data_dir, stop_demo = start_demo(data_dir)
    try:
        ctx = AppContext.open(data_dir)
    except Exception as exc:  # the database cannot be opened: say so instead of crashing
        log.exception("could not open the data folder")
        QMessageBox.critical(
            None,
            APP_NAME,
            QApplication.translate(
                "app",
                "The app's data could not be opened ({error}). Check that the disk is not "
                "full and that no other copy is starting, then try again or call IT.",
            ).format(error=type(exc).__name__),
        )
        stop_demo()
        return 1
    if needs_setup(ctx.settings):
        # A new laptop: IT enters the central addresses and the van before first use.
        wizard = SetupWizard(ctx.data_dir)
        if quit_after is not None:
            QTimer.singleShot(int(max(quit_after, 0) * 1000), wizard.reject)
        wizard.exec()
        ctx.reload_settings()
    window = MainWindow(ctx)
    window.show()
    if quit_after is not None:
        QTimer.singleShot(int(max(quit_after, 0) * 1000), window.close)
    try:
        code = app.exec()
    finally:
        ctx.engine.dispose()
        stop_demo()
    return int(code)
