"""The row above the rundown: which show, start/end, the prompter's screen and look, files."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from studio_app.script.host_profile import ProfileBook, save_profiles
from studio_app.ui.prompter.appearance_dialog import AppearanceDialog
from studio_app.ui.prompter.style import FONT_PX_MAX, FONT_PX_MIN, PrompterStyle


class ShowBar(QWidget):
    style_changed = Signal()  # the prompter's look changed (already saved): apply prompter_style()

    def __init__(self, book: ProfileBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._book = book
        self.appearance_dialog: AppearanceDialog | None = None
        top = QHBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        self.show_combo = QComboBox()
        self.show_combo.setMinimumWidth(260)
        self.delete_show_button = QPushButton(self.tr("Delete show…"))
        self.delete_show_button.setToolTip(self.tr("Delete the chosen show (not while it is on air)"))
        self.delete_show_button.setEnabled(False)
        self.start_button = QPushButton(self.tr("Start show"))
        self.start_button.setToolTip(self.tr("Ctrl+Enter (or Space on the prompter)"))
        self.countdown = QLabel()
        self.countdown.setObjectName("startCountdown")
        self.countdown.setToolTip(self.tr("Time to the show's planned start"))
        self.countdown.hide()
        self.prompter_button = QPushButton(self.tr("Open prompter"))
        self.prompter_button.setToolTip(self.tr("Ctrl+P: full screen on the chosen display"))
        self.screen_combo = QComboBox()
        for screen in QGuiApplication.screens():
            geometry = screen.geometry()
            self.screen_combo.addItem(
                f"{screen.name()} {geometry.width()}×{geometry.height()}", screen.name()
            )
        self.profile_combo = QComboBox()
        self.profile_combo.setToolTip(self.tr("The host's prompter profile"))
        self.appearance_button = QPushButton(self.tr("Appearance…"))
        self.appearance_button.setToolTip(
            self.tr("Font, spacing, margins, reading line and colours per host")
        )
        self.mirror_h = QCheckBox(self.tr("Mirror ↔"))
        self.mirror_v = QCheckBox(self.tr("Mirror ↕"))
        self.font_spin = QSpinBox()
        self.font_spin.setRange(FONT_PX_MIN, FONT_PX_MAX)
        self.font_spin.setSuffix(" px")
        self.font_spin.setToolTip(self.tr("Prompter font size"))
        self._show_profile()
        self.profile_combo.currentIndexChanged.connect(
            lambda _index: self.set_book(self._book.choose(str(self.profile_combo.currentData())))
        )
        self.mirror_h.toggled.connect(lambda on: self._edit(mirror_horizontal=on))
        self.mirror_v.toggled.connect(lambda on: self._edit(mirror_vertical=on))
        self.font_spin.valueChanged.connect(lambda value: self._edit(font_px=value))
        self.appearance_button.clicked.connect(self.open_appearance)
        self.keys_button = QPushButton(self.tr("Keys…"))
        self.keys_button.setToolTip(self.tr("Rebind the prompter's keys (clicker, foot pedal)"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.export_button = QPushButton(self.tr("Export…"))
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.show_combo)
        top.addWidget(self.delete_show_button)
        top.addWidget(self.start_button)
        top.addWidget(self.countdown)
        top.addSpacing(12)
        top.addWidget(self.prompter_button)
        top.addWidget(self.screen_combo)
        top.addWidget(self.profile_combo)
        top.addWidget(self.mirror_h)
        top.addWidget(self.mirror_v)
        top.addWidget(self.font_spin)
        top.addWidget(self.appearance_button)
        top.addWidget(self.keys_button)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)

    def set_shows(self, shows: list[tuple[str, str]], keep: str | None = None) -> None:
        """Fill the picker without announcing a choice; ``keep`` stays chosen when it is still listed."""
        self.show_combo.blockSignals(True)
        self.show_combo.clear()
        for show_id, title in shows:
            self.show_combo.addItem(title, show_id)
        if keep is not None:
            self.show_combo.setCurrentIndex(max(0, self.show_combo.findData(keep)))
        self.show_combo.blockSignals(False)
        self.delete_show_button.setEnabled(bool(shows))

    def show_countdown(self, text: str, late: bool) -> None:
        """The countdown to the planned start; hidden when there is none (no plan, or on air)."""
        self.countdown.setText(text)
        colour = "#e5484d" if late else "#d08700"
        self.countdown.setStyleSheet(f"#startCountdown {{ color: {colour}; font-weight: bold; }}")
        self.countdown.setVisible(bool(text))

    def title_of(self, show_id: str) -> str:
        return self.show_combo.itemText(max(0, self.show_combo.findData(show_id)))

    def prompter_style(self) -> PrompterStyle:
        return self._book.current

    @property
    def profile_book(self) -> ProfileBook:
        return self._book

    def set_book(self, book: ProfileBook) -> None:
        """A chosen or edited profile: saved, shown here and in an open dialog, announced to the prompter."""
        if book == self._book:
            return
        self._book = book
        save_profiles(book)
        self._show_profile()
        if self.appearance_dialog is not None:
            self.appearance_dialog.show_book(book)
        self.style_changed.emit()

    def open_appearance(self) -> AppearanceDialog:
        """The profile editor, non-modal so the host sees the prompter change while she edits."""
        if self.appearance_dialog is None:
            self.appearance_dialog = AppearanceDialog(self._book, self)
            self.appearance_dialog.book_changed.connect(self.set_book)
        self.appearance_dialog.show()
        self.appearance_dialog.raise_()
        return self.appearance_dialog

    def _edit(self, **changes: object) -> None:
        self.set_book(self._book.updated(replace(self._book.current, **changes)))  # type: ignore[arg-type]

    def _show_profile(self) -> None:
        widgets = (self.profile_combo, self.mirror_h, self.mirror_v, self.font_spin)
        for widget in widgets:
            widget.blockSignals(True)
        self.profile_combo.clear()
        for name in self._book.names():
            self.profile_combo.addItem(name, name)
        self.profile_combo.setCurrentIndex(self._book.names().index(self._book.chosen))
        profile = self._book.current
        self.mirror_h.setChecked(profile.mirror_horizontal)
        self.mirror_v.setChecked(profile.mirror_vertical)
        self.font_spin.setValue(profile.font_px)
        for widget in widgets:
            widget.blockSignals(False)

    def chosen_screen(self) -> QScreen | None:
        wanted = self.screen_combo.currentData()
        return next((s for s in QGuiApplication.screens() if s.name() == wanted), None)

    def confirm_delete(self, title: str) -> bool:
        box = QMessageBox(self)
        box.setObjectName("deleteShowConfirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete show"))
        box.setText(self.tr("Delete the show “{title}”?").format(title=title))
        box.setInformativeText(
            self.tr(
                "It leaves the show list here and, after the next sync, at the head office and on the other "
                "computers. Its run log and compliance records are kept."
            )
        )
        delete_button = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel_button = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel_button)
        box.setEscapeButton(cancel_button)
        box.exec()
        return box.clickedButton() is delete_button
