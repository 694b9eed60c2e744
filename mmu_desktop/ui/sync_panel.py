"""The Sync page: a placeholder until the real sync panel is built."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from mmu_desktop.context import AppContext


class SyncPanel(QWidget):
    """Sending records to AMRIT central and fetching IDs and masters (not built yet).

    Signals: none yet.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        heading = QLabel(self.tr("Sync with AMRIT central"))
        heading.setObjectName("heading")
        self.message = QLabel(
            self.tr(
                "Sending records and fetching new beneficiary IDs will be available here. "
                "Until then, IT can run 'mmu-desktop sync' from the command line."
            )
        )
        self.message.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("S&ync"))
        self.sync_button.setEnabled(False)
        self.sync_button.setObjectName("primary")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.message)
        layout.addWidget(self.sync_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
