"""First run: a wizard that sets up a new data dir (server addresses, van) and signs in.

``run_window`` shows it when ``needs_setup`` says the van is not configured. IT can type
the values or import the same provisioning file ``mmu-desktop provision FILE`` takes; the
values are checked by the rules of ``config set`` and saved all at once (``provision.apply``)
when the van page is left, so the sign-in page can use the central address just saved.

Central is asked twice, each time off the GUI thread: a quick "is this an AMRIT server"
call when the server page is left (unreachable is only a warning), and, once signed in,
the van check (``sync.van_check``) whose sentences the last page shows. A van central
does not know, or knows differently, is a warning with a way back to the van page;
offline, the last page says the check happens at the next sync and IT can finish.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from mmu_desktop import provision
from mmu_desktop import settings as settings_store
from mmu_desktop.keystore import Keystore, KeystoreError
from mmu_desktop.paths import DataDir
from mmu_desktop.settings import Settings
from mmu_desktop.sync.van_check import Probe, ProbeOutcome, VanCheck, check_van, probe_central
from mmu_desktop.ui.sign_in import SignedIn, SignInDialog
from mmu_desktop.ui.threads import start_in_thread
from mmu_desktop.ui.widgets.fields import chain_tab_order

log = logging.getLogger(__name__)

SERVER_KEYS = ("central-url", "common-url")

# Threads still running a call to central and their workers, kept referenced until they
# finish even if the page or wizard that started them is gone first.
_running: dict[QThread, CallWorker] = {}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SetupWizard", text)


def needs_setup(settings: Settings) -> bool:
    """True when the window cannot be used yet: no central address or no van."""
    return not settings.central_url or not settings.common_url or not settings.van_configured


def filled(values: dict[str, str]) -> dict[str, str]:
    """The values a person typed, without the fields left empty."""
    return {key: value.strip() for key, value in values.items() if value.strip()}


def check(current: Settings, values: dict[str, str], required: tuple[str, ...]) -> str | None:
    """Why ``values`` cannot be saved over ``current`` (a sentence), or None if they can."""
    missing = [key for key in required if key not in values]
    if missing:
        return ", ".join(missing) + " must be filled in"
    trial = replace(current)
    try:
        for key, value in values.items():
            settings_store.set_value(trial, key, value, check_pool_pair=False)
    except settings_store.SettingError as exc:
        return str(exc)
    return None


class CallWorker(QObject):
    """Runs one call to central on a thread of its own and hands back its result.

    Signals:
        done(object): the call's return value (``Probe`` or ``VanCheck``).
    """

    done = Signal(object)
    finished = Signal()

    def __init__(self, call: Callable[[], Any]) -> None:
        super().__init__()
        self._call = call

    def start(self) -> QThread:
        thread = start_in_thread(self, self.finished, "setup-check")
        # Kept until the app ends (one or two checks per setup): releasing them from
        # the thread's own ``finished`` signal would free them on the worker thread.
        _running[thread] = self
        return thread

    @Slot()
    def run(self) -> None:
        try:
            self.done.emit(self._call())
        except Exception:  # a bug in the check must not take the wizard down
            log.exception("the setup check failed unexpectedly")
            self.done.emit(None)
        self.finished.emit()


def _stored_credentials_then_check(data_dir: DataDir, settings: Settings) -> VanCheck:
    """Read the key this wizard stored, then ``check_van`` (runs on the worker thread)."""
    try:
        credentials = Keystore(data_dir.root).load()
    except KeystoreError:
        credentials = None
    return check_van(settings, credentials)


class _FieldsPage(QWizardPage):
    """A page of labelled line edits, one per setting key."""

    def __init__(self, labels: dict[str, str], current: Settings) -> None:
        super().__init__()
        self.fields: dict[str, QLineEdit] = {}
        self.form = QFormLayout()
        for key, label_text in labels.items():
            field = QLineEdit(settings_store.shown(current, key))
            field.setObjectName(key)
            field.setAccessibleName(label_text.replace("&", "").rstrip(":"))
            label = QLabel(label_text)
            label.setBuddy(field)
            self.form.addRow(label, field)
            self.fields[key] = field
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("error")
        self.message.setAccessibleName(self.tr("Setup message"))

    def values(self) -> dict[str, str]:
        return filled({key: field.text() for key, field in self.fields.items()})

    def say(self, text: str) -> None:
        self.message.setText(text)


class ServerPage(_FieldsPage):
    """Central's addresses, or a provisioning file that fills every page."""

    def __init__(self, wizard: SetupWizard) -> None:
        labels = {
            "central-url": _tr("&MMU API address:"),
            "common-url": _tr("&Common API address:"),
        }
        super().__init__(labels, wizard.settings)
        self._wizard = wizard
        self.setTitle(self.tr("AMRIT central server"))
        self.setSubTitle(
            self.tr(
                "Type the addresses IT gave you, or import the van's provisioning file "
                "(it fills in every page)."
            )
        )
        self.import_button = QPushButton(self.tr("&Import a provisioning file…"))
        self.import_button.setAccessibleName(self.tr("Import a provisioning file"))
        self.import_button.clicked.connect(self._choose_file)
        self.check_box = QCheckBox(self.tr("C&heck the MMU API address with central on Next"))
        self.check_box.setChecked(True)
        self.check_box.setAccessibleName(self.tr("Check the address with central"))
        self.last_probe: Probe | None = None
        self._probing = False
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.import_button)
        layout.addWidget(self.check_box)
        layout.addWidget(self.message)
        chain_tab_order([*self.fields.values(), self.import_button, self.check_box])

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Provisioning file"), "", self.tr("Provisioning files (*.json)")
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> bool:
        """Fill the fields from a provisioning file; say why when it cannot be used."""
        try:
            values = provision.parse(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            self.say(self.tr("The file {name} cannot be read.").format(name=path.name))
            return False
        except provision.ProvisionError as exc:
            self.say(
                self.tr("The file {name} was not used: {reason}.").format(
                    name=path.name, reason=exc
                )
            )
            return False
        self._wizard.fill(values)
        self.say(
            self.tr("Filled in from {name}. Check the values, then go on.").format(name=path.name)
        )
        return True

    def validatePage(self) -> bool:
        problem = check(self._wizard.settings, self.values(), SERVER_KEYS)
        self.say(problem or "")
        if problem is not None or not self.check_box.isChecked():
            return problem is None
        if self._probing:
            return False  # Next pressed again while the first check runs
        self._probing = True
        try:
            probe = self.probe(self.values()["central-url"])
        finally:
            self._probing = False
        self.last_probe = probe
        if probe is None or probe.outcome is ProbeOutcome.AMRIT:
            return True
        if probe.outcome is ProbeOutcome.NOT_AMRIT:
            self.say(
                self.tr(
                    "This address is not an AMRIT server: its answer is not an AMRIT reply. "
                    "Check the MMU API address (or untick the check to go on anyway)."
                )
            )
            return False
        # Unreachable: a warning only; the van page shows it and IT goes on.
        self._wizard.van_page.say(
            self.tr("Warning: central could not be reached now. {detail}").format(
                detail=probe.sentence
            )
        )
        return True

    def probe(self, central_url: str) -> Probe | None:
        """The quick check of ``central_url``, run off the GUI thread while Next waits."""
        trial = replace(self._wizard.settings)
        settings_store.set_value(trial, "central-url", central_url, check_pool_pair=False)
        url = trial.central_url
        self.say(self.tr("Checking the address with central…"))
        self.setEnabled(False)
        wait = QEventLoop()
        results: list[Probe | None] = []
        worker = CallWorker(lambda: probe_central(url))
        worker.done.connect(results.append)
        worker.done.connect(wait.quit)
        worker.start()
        if not results:
            wait.exec()
        self.setEnabled(True)
        self.say("")
        return results[0] if results else None


class VanPage(_FieldsPage):
    """The van, its parking place and facility; saved when the page is left."""

    def __init__(self, wizard: SetupWizard) -> None:
        labels = {
            "van-id": _tr("&Van ID:"),
            "parking-place-id": _tr("&Parking place ID:"),
            "facility-id": _tr("Fa&cility ID:"),
            "provider-service-map-id": _tr("Provider &service map ID:"),
            "vehicle-no": _tr("Vehicle n&umber:"),
        }
        super().__init__(labels, wizard.settings)
        self._wizard = wizard
        self.setTitle(self.tr("This van"))
        self.setSubTitle(
            self.tr(
                "Every laptop needs a van ID of its own: two laptops with one van ID "
                "overwrite each other's records on central."
            )
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        chain_tab_order(list(self.fields.values()))

    def validatePage(self) -> bool:
        required = ("van-id", "parking-place-id", "provider-service-map-id")
        problem = check(self._wizard.settings, self.values(), required)
        if problem is None:
            problem = self._wizard.save()
        self.say(problem or "")
        return problem is None


class SignInPage(QWizardPage):
    """Signing in with the address just saved (it can also be done later)."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Sign in"))
        self.setSubTitle(
            self.tr(
                "Sign in with the van's AMRIT account so the laptop can sync. You can also "
                "finish now and sign in later from the Sync page."
            )
        )
        self.sign_in_button = QPushButton(self.tr("&Sign in…"))
        self.sign_in_button.setAccessibleName(self.tr("Sign in to AMRIT central"))
        self.sign_in_button.clicked.connect(self.open_sign_in)
        self.status = QLabel(self.tr("Not signed in yet."))
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Sign-in status"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.sign_in_button)
        layout.addWidget(self.status)

    def open_sign_in(self) -> SignInDialog:
        settings = self._wizard.settings
        dialog = SignInDialog(settings.common_url, settings.user, self._wizard.data_dir.root, self)
        dialog.signed_in.connect(self._signed_in)
        dialog.open()
        return dialog

    def _signed_in(self, info: SignedIn) -> None:
        self.status.setText(
            self.tr("Signed in as {user}. {where}").format(
                user=info.user_name, where=info.kept_where
            )
        )
        self._wizard.signed_in.emit(info)


class CheckPage(QWizardPage):
    """The last page: what central says about the van settings just saved."""

    checked = Signal(object)

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.result: VanCheck | None = None
        self.setTitle(self.tr("Check with central"))
        self.setSubTitle(self.tr("The van settings are compared with central's record."))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Van check result"))
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setObjectName("error")
        self.warning.setAccessibleName(self.tr("Van check warning"))
        self.fix_button = QPushButton(self.tr("&Back to the van settings"))
        self.fix_button.setAccessibleName(self.tr("Back to the van settings"))
        self.fix_button.clicked.connect(self.back_to_van)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.warning)
        layout.addWidget(self.fix_button)
        layout.addStretch()

    def initializePage(self) -> None:
        self.result = None
        self.warning.clear()
        self.warning.hide()
        self.fix_button.hide()
        if not self._wizard.signed_in_now:
            self.status.setText(
                self.tr(
                    "Not signed in, so the van was not checked with central now. The values "
                    "were saved and will be checked at the next sync. You can finish."
                )
            )
            return
        self.status.setText(self.tr("Asking central about this van…"))
        data_dir, settings = self._wizard.data_dir, self._wizard.settings
        worker = CallWorker(lambda: _stored_credentials_then_check(data_dir, settings))
        worker.done.connect(self.show_result)
        worker.start()

    def show_result(self, result: VanCheck | None) -> None:
        if self._wizard.currentPage() is not self:
            return  # IT went back while central was being asked
        self.result = result
        if result is None:
            self.status.setText(
                self.tr(
                    "The van could not be checked now; the values were saved and will be "
                    "checked at the next sync."
                )
            )
        elif result.needs_fixing:
            self.status.setText(result.text)
            self.warning.setText(
                self.tr(
                    "Warning: these van settings do not match central. Records synced with "
                    "them may land on the wrong van. Go back to the van page to correct them."
                )
            )
            self.warning.show()
            self.fix_button.show()
        else:
            self.status.setText(result.text)
        self.checked.emit(result)

    def back_to_van(self) -> None:
        while self._wizard.currentPage() not in (self._wizard.van_page, None):
            before = self._wizard.currentPage()
            self._wizard.back()
            if self._wizard.currentPage() is before:
                break


class SetupWizard(QWizard):
    """The first-run setup of one data dir.

    Signals:
        settings_saved(object): the saved ``Settings``, when the van page is left.
        signed_in(object): a ``SignedIn``, when the sign-in page's dialog succeeded.
    """

    settings_saved = Signal(object)
    signed_in = Signal(object)

    def __init__(self, data_dir: DataDir, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.settings = settings_store.load(data_dir)
        self.setWindowTitle(self.tr("Set up MMU Desktop"))
        self.setMinimumWidth(560)
        self.server_page = ServerPage(self)
        self.van_page = VanPage(self)
        self.sign_in_page = SignInPage(self)
        self.check_page = CheckPage(self)
        self.signed_in_now = False
        self.signed_in.connect(self._note_signed_in)
        for page in (self.server_page, self.van_page, self.sign_in_page, self.check_page):
            self.addPage(page)

    def _note_signed_in(self, _info: object) -> None:
        self.signed_in_now = True

    def fill(self, values: dict[str, str]) -> None:
        """Put ``values`` (dashed keys) into the fields of every page that has them."""
        for page in (self.server_page, self.van_page):
            for key, value in values.items():
                if key in page.fields:
                    page.fields[key].setText(value)

    def save(self) -> str | None:
        """Save both pages' values at once; a sentence when they cannot be saved."""
        values = {**self.server_page.values(), **self.van_page.values()}
        try:
            self.settings = provision.apply(self.data_dir, values)
        except (provision.ProvisionError, settings_store.SettingError) as exc:
            return str(exc)
        except OSError as exc:
            return self.tr("The settings could not be saved: {error}").format(
                error=exc.strerror or exc
            )
        self.settings_saved.emit(self.settings)
        return None
