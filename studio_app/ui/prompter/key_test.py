"""The key test: press a clicker, pedal or keyboard key and see what it would do on the prompter.

Nothing is done: the dialog takes every key itself (Esc and Tab too, which a clicker sends), so the
host can try each button before the show without moving the script or showing an emergency reply.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from studio_app.ui.prompter.keys import KeyMap, action_label

HISTORY_ROWS = 12
_MODIFIER_KEYS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_unknown)


class KeyTestDialog(QDialog):
    def __init__(self, keymap: KeyMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Key test"))
        self.resize(520, 420)
        self._keymap = keymap
        hint = QLabel(self.tr("Press a key on the clicker, foot pedal or keyboard. Nothing happens on air."))
        hint.setWordWrap(True)
        self.key_label = QLabel(self.tr("Waiting for a key…"))
        self.key_label.setObjectName("keyTestKey")
        self.key_label.setStyleSheet("#keyTestKey { font-size: 28px; font-weight: bold; }")
        self.action_label = QLabel()
        self.action_label.setObjectName("keyTestAction")
        self.action_label.setStyleSheet("#keyTestAction { font-size: 22px; }")
        self.action_label.setWordWrap(True)
        self.history = QListWidget()
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            # The keys belong to the test; closing is by mouse (or the window's close button).
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.key_label)
        layout.addWidget(self.action_label)
        layout.addWidget(self.history, 1)
        layout.addWidget(buttons)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Modal, so the prompter's app-wide key router stands aside while keys are being tried.
        self.setModal(True)

    def describe(self, event: QKeyEvent) -> tuple[str, str]:
        """The key as the user reads it and what the prompter does with it ("nothing" when unbound)."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key_text = QKeySequence(QKeyCombination(modifiers, Qt.Key(event.key()))).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        action = self._keymap.action_for(event)
        return key_text, action_label(action) if action is not None else self.tr("nothing")

    def event(self, event: QEvent) -> bool:
        # Before QDialog's own handling: Esc would close it, Tab would move the focus, shortcuts would fire.
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() not in _MODIFIER_KEYS and not event.isAutoRepeat():
                self._show_key(*self.describe(event))
            return True
        return super().event(event)

    def _show_key(self, key_text: str, action_text: str) -> None:
        self.key_label.setText(key_text)
        self.action_label.setText(self.tr("Does: {action}").format(action=action_text))
        self.history.insertItem(0, f"{key_text}  →  {action_text}")
        while self.history.count() > HISTORY_ROWS:
            self.history.takeItem(self.history.count() - 1)
