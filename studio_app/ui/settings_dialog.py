"""Settings: language and workspace here; each area may add its own page."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio_app import settings
from studio_app.context import AppContext
from studio_app.ui.sync_settings import SyncSettingsPage

log = logging.getLogger(__name__)

# Pages other areas contribute; each is a QWidget(context, parent) with apply() -> None.
EXTRA_PAGES = (SyncSettingsPage,)


class GeneralPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "auto")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        current = settings.saved_language() or "auto"
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        form.addRow(self.tr("Language"), self.language)

        row = QHBoxLayout()
        self.workspace = QLineEdit(settings.saved_workspace())
        self.workspace.setPlaceholderText(str(context.workspace.root))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.workspace, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Workspace folder"), row)
        note = QLabel(
            self.tr("Language and workspace changes take effect the next time Studio Console starts.")
        )
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        form.addRow(note)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a workspace folder"))
        if folder:
            self.workspace.setText(folder)

    def apply(self) -> None:
        settings.save_language(str(self.language.currentData()))
        settings.save_workspace(self.workspace.text().strip())


class SettingsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.resize(620, 420)
        self.tabs = QTabWidget()
        self.pages: list[QWidget] = [GeneralPage(context)]
        self.tabs.addTab(self.pages[0], self.tr("General"))
        for page_class in EXTRA_PAGES:
            page = page_class(context)
            self.pages.append(page)
            self.tabs.addTab(page, page.windowTitle())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def accept(self) -> None:
        for page in self.pages:
            page.apply()  # type: ignore[attr-defined]
        super().accept()
