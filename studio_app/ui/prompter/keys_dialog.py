"""Rebinding the prompter's keys: two keys per action (say, the keyboard's and the clicker's).

Emergencies and actions that write to the show's record are refused on keys a clicker sends.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio_app.script.host_keys import refused_keys
from studio_app.ui.prompter.key_test import KeyTestDialog
from studio_app.ui.prompter.keys import DEFAULT_BINDINGS, KeyMap, PrompterAction, action_label


class KeyBindingsDialog(QDialog):
    def __init__(self, keymap: KeyMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prompter keys"))
        self.resize(620, 640)
        self._keymap = keymap
        self.table = QTableWidget(len(PrompterAction), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Key"), self.tr("Second key")])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(column, 150)
        self.edits: dict[PrompterAction, tuple[QKeySequenceEdit, QKeySequenceEdit]] = {}
        for row, action in enumerate(PrompterAction):
            self.table.setItem(row, 0, QTableWidgetItem(action_label(action)))
            first, second = QKeySequenceEdit(), QKeySequenceEdit()
            for edit in (first, second):
                edit.setMaximumSequenceLength(1)
                edit.setClearButtonEnabled(True)
            self.table.setCellWidget(row, 1, first)
            self.table.setCellWidget(row, 2, second)
            self.edits[action] = (first, second)
        self._show(keymap)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(lambda: self._show(KeyMap(DEFAULT_BINDINGS)))
        hint = QLabel(self.tr("Click a cell and press the key (a clicker or foot pedal works too)."))
        hint.setWordWrap(True)
        self.test_button = QPushButton(self.tr("Test keys…"))
        self.test_button.setToolTip(self.tr("Press keys and see what each one does, without doing it"))
        self.test_button.clicked.connect(self.test_keys)
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.refusal = QLabel()
        self.refusal.setObjectName("keysRefusal")
        self.refusal.setStyleSheet("#keysRefusal { color: #d7263d; }")
        self.refusal.setWordWrap(True)
        self.refusal.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.refusal)
        layout.addWidget(buttons)

    def _show(self, keymap: KeyMap) -> None:
        for action, (first, second) in self.edits.items():
            sequences = keymap.sequences(action)
            first.setKeySequence(QKeySequence(sequences[0]) if sequences else QKeySequence())
            second.setKeySequence(QKeySequence(sequences[1]) if len(sequences) > 1 else QKeySequence())

    def pending(self) -> dict[PrompterAction, list[str]]:
        """The keys as the table shows them now (not yet in the key map)."""
        return {
            action: [
                edit.keySequence().toString(QKeySequence.SequenceFormat.PortableText)
                for edit in edits
                if not edit.keySequence().isEmpty()
            ]
            for action, edits in self.edits.items()
        }

    def refusals(self) -> list[str]:
        """One line per action given a key a clicker sends although it must stay off those keys."""
        return [
            self.tr(
                "{action}: a clicker sends {keys}, so a stray press would trigger it. Pick another key."
            ).format(action=action_label(action), keys=", ".join(refused))
            for action, sequences in self.pending().items()
            if (refused := refused_keys(action, sequences))
        ]

    def accept(self) -> None:
        refusals = self.refusals()
        if refusals:
            self.refusal.setText("\n".join(refusals))
            self.refusal.show()
            return
        super().accept()

    def test_keys(self) -> None:
        """Try the keys as the table has them, refused ones left out."""
        keymap = KeyMap()
        for action, sequences in self.pending().items():
            refused = refused_keys(action, sequences)
            keymap.bind(action, [s for s in sequences if s not in refused])
        KeyTestDialog(keymap, self).exec()

    def apply(self) -> None:
        """Write the table into the key map (a key given to two actions stays with the last one)."""
        for action, sequences in self.pending().items():
            self._keymap.bind(action, sequences)
