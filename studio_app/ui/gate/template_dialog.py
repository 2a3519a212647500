"""The studio's checklist template, one item a line. A show keeps the copy it took when its checklist was
first opened, so editing here changes the shows to come, not the record of those already prepared."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class TemplateDialog(QDialog):
    def __init__(self, titles: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Checklist template"))
        self.resize(560, 420)
        hint = QLabel(
            self.tr("One item a line. New shows copy these items; shows already prepared keep theirs.")
        )
        hint.setWordWrap(True)
        self.editor = QPlainTextEdit("\n".join(titles))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)

    def titles(self) -> list[str]:
        return self.editor.toPlainText().splitlines()
