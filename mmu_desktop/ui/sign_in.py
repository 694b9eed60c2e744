"""Signing in to AMRIT central from the app: user name, password, and where the key goes.

The sign-in runs in its own ``QThread`` so a slow network never freezes the window.
The password lives only in the worker until ``login`` has used it; it is never logged,
never put in a signal, and the field is emptied as soon as the attempt starts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mmu_desktop.keystore import Keystore, KeystoreError
from mmu_desktop.sync.auth import AlreadySignedIn, LoginFailed, login
from mmu_desktop.sync.client import AuthProblem, SyncError, TransportError
from mmu_desktop.ui.threads import start_in_thread
from mmu_desktop.ui.widgets.fields import chain_tab_order

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignedIn:
    """What a successful sign-in tells the screen (no secrets)."""

    user_name: str
    kept_where: str  # the keystore's sentence: system keyring, or memory for this run
    persistent: bool
    has_mmu_privilege: bool
    logged_out_other_session: bool


class SignInWorker(QObject):
    """One sign-in attempt: ``login`` then ``Keystore.save``, on a thread of its own.

    Signals:
        succeeded(object): a ``SignedIn`` once the key is stored.
        signed_in_elsewhere(): central says this user has a session on another device;
            fires just before ``failed``.
        failed(object): a sentence for the person signing in (never holds the password).
        finished(): after either of the above; the thread then quits and both objects
            are deleted.
    """

    succeeded = Signal(object)
    signed_in_elsewhere = Signal()
    failed = Signal(object)
    finished = Signal()

    def __init__(
        self,
        common_url: str,
        user: str,
        password: str,
        data_root: Path,
        end_other_session: bool = False,
    ) -> None:
        super().__init__()
        self._end_other_session = end_other_session
        self._common_url = common_url
        self._user = user
        self._password = password
        self._data_root = data_root

    def start(self) -> QThread:
        """Run the attempt on a new thread; keep the returned thread until it finishes."""
        return start_in_thread(self, self.finished, "sign-in")

    @Slot()
    def run(self) -> None:
        try:
            result = login(
                self._common_url,
                self._user,
                self._take_password(),
                end_other_session=self._end_other_session,
            )
            saved = Keystore(self._data_root).save(result.credentials)
        except AlreadySignedIn:
            self.signed_in_elsewhere.emit()
            self.failed.emit(
                self.tr(
                    "This user is signed in on another device (it may be a colleague's sync). "
                    "To sign that device out and sign in here, tick “End the other session” "
                    "and sign in again."
                ),
            )
        except LoginFailed as exc:
            self.failed.emit(_refused_message(str(exc)))
        except TransportError:
            self.failed.emit(
                self.tr("Cannot reach the central server. Check the network, then try again."),
            )
        except AuthProblem as exc:
            self.failed.emit(str(exc))
        except KeystoreError as exc:
            self.failed.emit(
                self.tr(
                    "You were signed in, but the key could not be kept: {error}. "
                    "Unlock the system keyring and sign in again."
                ).format(error=str(exc)),
            )
        except SyncError as exc:
            self.failed.emit(self.tr("The sign-in did not work: {error}").format(error=str(exc)))
        except Exception:  # a bug: keep the details in the log, not on screen
            log.exception("signing in failed with an unexpected error")
            self.failed.emit(
                self.tr(
                    "The sign-in stopped because of an internal error (details are in the log)."
                ),
            )
        else:
            self.succeeded.emit(
                SignedIn(
                    user_name=result.user_name,
                    kept_where=saved.message,
                    persistent=saved.persistent,
                    has_mmu_privilege=result.has_mmu_privilege,
                    logged_out_other_session=result.logged_out_other_session,
                ),
            )
        finally:
            self._password = ""
            self.finished.emit()

    def _take_password(self) -> str:
        # Handed over once; the worker keeps no reference after the call.
        password, self._password = self._password, ""
        return password


def _refused_message(detail: str) -> str:
    text = QCoreApplication.translate(
        "SignInWorker", "The user name or password was not accepted. Check both and try again."
    )
    return f"{text}\n({detail})" if detail else text


class SignInDialog(QDialog):
    """Asks for the central user name and password and stores the session key.

    Signals:
        signed_in(object): a ``SignedIn``, once the key has been stored; the dialog stays
            open to say where the key is kept until the person closes it.
    """

    signed_in = Signal(object)

    def __init__(
        self,
        common_url: str,
        user: str,
        data_root: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._common_url = common_url
        self._data_root = data_root
        self._thread: QThread | None = None
        self._worker: SignInWorker | None = None
        self.result_info: SignedIn | None = None
        self.setWindowTitle(self.tr("Sign in to AMRIT central"))
        self.setModal(True)
        self.setMinimumWidth(460)

        intro = QLabel(
            self.tr(
                "Sign in with your AMRIT user name and password. The password is sent "
                "once and is not kept on this laptop."
            )
        )
        intro.setWordWrap(True)
        self.user = QLineEdit(user)
        self.user.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        form = QFormLayout()
        user_label = QLabel(self.tr("&User name:"))
        user_label.setBuddy(self.user)
        password_label = QLabel(self.tr("&Password:"))
        password_label.setBuddy(self.password)
        form.addRow(user_label, self.user)
        form.addRow(password_label, self.password)
        self.end_other_session = QCheckBox(self.tr("&End the other session"))
        self.end_other_session.setAccessibleName(
            self.tr("End this user's session on the other device")
        )
        self.end_other_session.hide()
        form.addRow("", self.end_other_session)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(self.tr("Sign-in message"))

        self.buttons = QDialogButtonBox()
        self.sign_in_button = QPushButton(self.tr("&Sign in"))
        self.sign_in_button.setObjectName("primary")
        self.sign_in_button.setAccessibleName(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Cancel"))
        self.close_button.setAccessibleName(self.tr("Close"))
        # Enter is handled by the fields themselves; a disabled default button must
        # never let Enter fall through to Cancel while a sign-in runs.
        self.close_button.setAutoDefault(False)
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.sign_in_button.clicked.connect(self.start_sign_in)
        self.close_button.clicked.connect(self._close)
        self.password.returnPressed.connect(self.start_sign_in)
        self.user.returnPressed.connect(self.start_sign_in)
        chain_tab_order(
            [
                self.user,
                self.password,
                self.end_other_session,
                self.sign_in_button,
                self.close_button,
            ]
        )

        if not common_url:
            self._say(
                "error",
                self.tr(
                    "The central server's address is not set up on this laptop. "
                    "Ask IT to set it (mmu-desktop config set common-url …)."
                ),
            )
            self.sign_in_button.setEnabled(False)
        if user:
            self.password.setFocus()
        else:
            self.user.setFocus()

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start_sign_in(self) -> None:
        """Send the user name and password (Enter or the Sign in button)."""
        if self.busy or not self.sign_in_button.isEnabled():
            return
        user = self.user.text().strip()
        password = self.password.text()
        if not user or not password:
            self._say("error", self.tr("Enter both the user name and the password."))
            (self.user if not user else self.password).setFocus()
            return
        # The field is emptied at once: the password stays only in the worker.
        self.password.clear()
        self._set_busy(True)
        self._say("info", self.tr("Signing in…"))
        worker = SignInWorker(
            self._common_url,
            user,
            password,
            self._data_root,
            end_other_session=self.end_other_session.isVisible()
            and self.end_other_session.isChecked(),
        )
        del password
        worker.signed_in_elsewhere.connect(self.end_other_session.show)
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._failed)
        self._worker = worker
        self._thread = worker.start()
        self._thread.finished.connect(self._thread_done)

    def _thread_done(self) -> None:
        if self._thread is not None:
            self._thread.wait()  # it is ending; never drop a running thread
        self._thread = None
        self._worker = None
        self._set_busy(False)
        if self.result_info is not None:
            self.sign_in_button.setEnabled(False)
            self.close_button.setFocus()

    def _succeeded(self, info: SignedIn) -> None:
        self.result_info = info
        lines = [self.tr("Signed in as {user}.").format(user=info.user_name), info.kept_where]
        if info.logged_out_other_session:
            lines.append(self.tr("Your other session on the central server was closed."))
        if not info.has_mmu_privilege:
            lines.append(
                self.tr(
                    "This account has no MMU role on central, so records may be refused; "
                    "ask the AMRIT administrator."
                )
            )
        self._say("success", "\n".join(lines))
        self.close_button.setText(self.tr("&Close"))
        self.close_button.setDefault(True)
        self.signed_in.emit(info)

    def _failed(self, message: str) -> None:
        self._say("error", message)
        self.password.setFocus()

    def _set_busy(self, busy: bool) -> None:
        # Read-only rather than disabled, so that focus stays where the person is.
        self.sign_in_button.setEnabled(not busy)
        self.user.setReadOnly(busy)
        self.password.setReadOnly(busy)

    def _say(self, kind: str, text: str) -> None:
        colours = {"error": "#a4000f", "success": "#1b5e20", "info": "#0b3d6e"}
        self.message.setStyleSheet(f"color: {colours.get(kind, '#1a1a1a')}; font-weight: bold;")
        self.message.setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.busy:
                return  # the Enter that started this sign-in, or an impatient second one
            focus = self.focusWidget()
            if isinstance(focus, QPushButton):
                focus.click()
            elif focus not in (self.user, self.password):
                self.start_sign_in()
            return  # the fields' returnPressed has already started the sign-in
        super().keyPressEvent(event)

    def _close(self) -> None:
        if self.result_info is not None:
            self.accept()
        else:
            self.reject()

    def reject(self) -> None:
        if self._thread is not None and self._worker is not None:
            # An attempt under way cannot be called back; let it end on its own (every
            # call has a timeout) while it is kept alive here, out of this dialog.
            _keep_alive(self._thread, self._worker)
        super().reject()


# Threads of sign-ins whose dialog closed first, held until they end.
_orphans: set[QObject] = set()


def _keep_alive(thread: QThread, worker: SignInWorker) -> None:
    # Kept until the app ends (a few small objects at most): releasing them from the
    # thread's own ``finished`` signal would free them on the worker thread.
    _orphans.update((thread, worker))
