"""First run: a wizard that sets up a new data dir (server addresses, van) and signs in.

``run_window`` shows it when ``needs_setup`` says the van is not configured. IT can type
the values or import the same provisioning file ``mmu-desktop provision FILE`` takes; the
values are checked by the rules of ``config set`` and saved all at once (``provision.apply``)
when the van page is left, so the sign-in page can use the central address just saved.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
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
from mmu_desktop.paths import DataDir
from mmu_desktop.settings import Settings
from mmu_desktop.ui.sign_in import SignedIn, SignInDialog
from mmu_desktop.ui.widgets.fields import chain_tab_order

SERVER_KEYS = ("central-url", "common-url")


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
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.import_button)
        layout.addWidget(self.message)
        chain_tab_order([*self.fields.values(), self.import_button])

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
        return problem is None


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
        for page in (self.server_page, self.van_page, self.sign_in_page):
            self.addPage(page)

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
