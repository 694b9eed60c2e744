"""Form building blocks: master drop-downs, messages next to fields, banners, tab order."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)
from shiboken6 import isValid

from mmu_desktop.db.masters import Choice
from mmu_desktop.ui.values import choice_text


class MasterCombo(QComboBox):
    """A drop-down of master entries; the first entry means "nothing chosen".

    Typing letters while it has focus jumps to the matching entry, so a nurse never
    needs the mouse.
    """

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholder = placeholder or self.tr("— choose —")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.set_choices([])

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Only a focused drop-down takes the wheel; otherwise the wheel scrolls the page.

        Scrolling the form over an unfocused drop-down must never change the choice
        silently (a nurse scrolling past "Refer to" changed the referral).
        """
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()

    def set_choices(self, options: Sequence[Choice], show_extra: bool = False) -> None:
        """Replace the entries, keeping the chosen one when it is still offered.

        ``show_extra`` adds the master's extra column to the text (a frequency's meaning).
        """
        keep = self.current_id()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._placeholder, None)
        self._extras: dict[int, str | None] = {}
        for option in options:
            self.addItem(choice_text(option) if show_extra else option.label, option.id)
            self._extras[option.id] = option.extra
        self.blockSignals(False)
        self.set_current_id(keep)
        self.setEnabled(bool(options))

    def current_id(self) -> int | None:
        value = self.currentData()
        return None if value is None else int(value)

    def current_extra(self) -> str | None:
        chosen = self.current_id()
        return None if chosen is None else self._extras.get(chosen)

    def set_current_id(self, value: int | None) -> None:
        index = self.findData(value) if value is not None else 0
        self.setCurrentIndex(max(index, 0))


class ErrorLabel(QLabel):
    """The message shown under a field that keeps the form from being saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


class FieldErrors:
    """Which error label belongs to which field, in the order the fields are tabbed."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, ErrorLabel]] = {}

    def add(self, key: str, widget: QWidget, label: ErrorLabel) -> None:
        self._fields[key] = (widget, label)

    def keys(self) -> list[str]:
        return list(self._fields)

    def label(self, key: str) -> ErrorLabel:
        """The error label of field ``key``."""
        return self._fields[key][1]

    def message(self, key: str) -> str:
        return self._fields[key][1].text() if key in self._fields else ""

    def clear(self) -> None:
        for widget, label in self._fields.values():
            label.show_message(None)
            widget.setProperty("invalid", False)
            _repolish(widget)

    def show(self, errors: dict[str, str]) -> QWidget | None:
        """Put each message next to its field; returns the first invalid field."""
        self.clear()
        first: QWidget | None = None
        for key, (widget, label) in self._fields.items():
            message = errors.get(key)
            if not message:
                continue
            label.show_message(message)
            widget.setProperty("invalid", True)
            widget.setAccessibleDescription(message)
            _repolish(widget)
            if first is None and widget.isVisibleTo(widget.window()):
                first = widget
        return first


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def add_field(
    grid: QGridLayout,
    row: int,
    column: int,
    text: str,
    widget: QWidget,
    errors: FieldErrors | None = None,
    key: str | None = None,
    span: int = 1,
) -> QLabel:
    """Put a label (with its mnemonic) and a field in ``grid``; the field's error goes below.

    Each field takes two grid rows: ``row`` for label and field, ``row + 1`` for its
    message. ``column`` counts label/field pairs.
    """
    label = QLabel(text)
    label.setBuddy(widget)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    grid.addWidget(label, row, column * 2)
    grid.addWidget(widget, row, column * 2 + 1, 1, span * 2 - 1)
    if not widget.accessibleName():
        widget.setAccessibleName(text.replace("&", ""))
    if errors is not None and key is not None:
        message = ErrorLabel()
        grid.addWidget(message, row + 1, column * 2 + 1, 1, span * 2 - 1)
        errors.add(key, widget, message)
    return label


class Banner(QFrame):
    """A message across the top of a screen: a save that worked, or one that did not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self._label = QLabel()
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout = QHBoxLayout(self)
        self._layout.addWidget(self._label, 1)
        self.hide()

    @property
    def label(self) -> QLabel:
        return self._label

    def add_button(self, button: QWidget) -> None:
        self._layout.addWidget(button)

    def show_message(self, kind: str, text: str) -> None:
        """``kind`` is 'success', 'error' or 'info'; it picks the colours in the style sheet."""
        self.setProperty("kind", kind)
        _repolish(self)
        self._label.setText(text)
        self.show()

    def dismiss(self) -> None:
        self._label.clear()
        self.hide()


def watch_changes(widgets: Sequence[QWidget], slot: Callable[[], object]) -> None:
    """Call ``slot`` whenever the nurse changes any of ``widgets`` (a draft is due)."""
    for widget in widgets:
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(slot)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(slot)
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            widget.toggled.connect(slot)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(slot)
        elif isinstance(widget, QListWidget):
            widget.itemChanged.connect(slot)


class FocusFollower(QObject):
    """Scrolls a scroll area so the widget that gets the keyboard focus is on screen.

    Tab, Alt+letter or a click on a label: whichever way the focus arrives in the form,
    the field must be visible. It watches the application's focus, lives as a child of
    the scroll area and so stops watching when the area goes away.
    """

    def __init__(self, scroll: QScrollArea) -> None:
        super().__init__(scroll)
        self._scroll = scroll
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not isValid(self._scroll):
            return  # the window is being torn down: focus moves while widgets go
        inner = self._scroll.widget()
        if new is not None and inner is not None and inner.isAncestorOf(new):
            self._scroll.ensureWidgetVisible(new)


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Make Tab visit ``widgets`` in the given order."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)
