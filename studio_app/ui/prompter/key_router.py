"""Prompter keys from any window of the app while the prompter is open.

The operator clicks in the main window and keyboard focus leaves the prompter; the host's clicker must
keep working all the same. An application-wide event filter sees every key first. It stands aside while
someone types (a text field has focus), while a dialog or a popup is up (its keys are its own), and for
keys the map does not know.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QKeySequenceEdit,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from studio_app.ui.prompter.controller import OnAirController
from studio_app.ui.prompter.keys import KeyMap

_KEY_EVENTS = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease)


def is_text_input(widget: QWidget | None) -> bool:
    """True when keys typed now go into text (the host's keys must not steal them)."""
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox | QKeySequenceEdit):
        return True
    return isinstance(widget, QComboBox) and widget.isEditable()


class PrompterKeyRouter(QObject):
    def __init__(self, controller: OnAirController, keymap: KeyMap, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._keymap = keymap
        self._installed = False

    @property
    def installed(self) -> bool:
        return self._installed

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _KEY_EVENTS or not isinstance(event, QKeyEvent):
            return False
        action = self._keymap.action_for(event)
        if action is None:
            return False
        if (
            QApplication.activeModalWidget() is not None
            or QApplication.activePopupWidget() is not None
            or is_text_input(QApplication.focusWidget())
            or is_text_input(watched if isinstance(watched, QWidget) else None)
        ):
            if event.type() == QEvent.Type.KeyRelease and not event.isAutoRepeat():
                # A hold begun before the focus moved must still end; a release does nothing else.
                self._controller.perform(action, pressed=False)
            return False
        event.accept()
        if event.type() == QEvent.Type.ShortcutOverride:
            # Claiming the key here keeps a window's shortcut from taking it; the key press follows.
            return True
        if not event.isAutoRepeat():
            self._controller.perform(action, pressed=event.type() == QEvent.Type.KeyPress)
        return True
