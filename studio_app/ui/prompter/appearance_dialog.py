"""Editing the hosts' prompter profiles: pick, create, rename, delete, and every field of the look.

Each edit is announced at once (``book_changed``), so the prompter follows while the host watches it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio_app.script import host_profile as hp
from studio_app.script.host_profile import HostProfile, ProfileBook, ReadingMarker


class AppearanceDialog(QDialog):
    book_changed = Signal(object)  # ProfileBook

    def __init__(self, book: ProfileBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appearanceDialog")
        self.setWindowTitle(self.tr("Prompter appearance"))
        self._book = book
        self.profile_combo = QComboBox()
        self.new_button = QPushButton(self.tr("New…"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        picker = QHBoxLayout()
        picker.addWidget(self.profile_combo, 1)
        for button in (self.new_button, self.rename_button, self.delete_button):
            picker.addWidget(button)

        self.font_combo = QFontComboBox()
        self.font_px = _int_spin(hp.FONT_PX_MIN, hp.FONT_PX_MAX, " px")
        self.line_spacing = _int_spin(hp.LINE_SPACING_PCT_MIN, hp.LINE_SPACING_PCT_MAX, " %")
        self.margin = _pct_spin(hp.MARGIN_PCT_MIN, hp.MARGIN_PCT_MAX)
        self.reading_line = _pct_spin(hp.READING_LINE_PCT_MIN, hp.READING_LINE_PCT_MAX)
        self.reading_line.setToolTip(self.tr("From the top of the text area"))
        self.marker_combo = QComboBox()
        for marker, label in (
            (ReadingMarker.LINE_AND_ARROW, self.tr("Line and arrow")),
            (ReadingMarker.LINE, self.tr("Line")),
            (ReadingMarker.ARROW, self.tr("Arrow")),
            (ReadingMarker.NONE, self.tr("None")),
        ):
            self.marker_combo.addItem(label, marker)
        self.colour_buttons = {key: QPushButton() for key in ("text_color", "background", "heading_color")}
        self.mirror_h = QCheckBox(self.tr("Mirror ↔"))
        self.mirror_v = QCheckBox(self.tr("Mirror ↕"))
        mirrors = QHBoxLayout()
        mirrors.addWidget(self.mirror_h)
        mirrors.addWidget(self.mirror_v)
        mirrors.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("Font"), self.font_combo)
        form.addRow(self.tr("Font size"), self.font_px)
        form.addRow(self.tr("Line spacing"), self.line_spacing)
        form.addRow(self.tr("Side margins"), self.margin)
        form.addRow(self.tr("Reading line"), self.reading_line)
        form.addRow(self.tr("Reading marker"), self.marker_combo)
        form.addRow(self.tr("Text colour"), self.colour_buttons["text_color"])
        form.addRow(self.tr("Heading colour"), self.colour_buttons["heading_color"])
        form.addRow(self.tr("Background"), self.colour_buttons["background"])
        form.addRow(self.tr("Mirror"), mirrors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.show_book(book)
        self.profile_combo.currentIndexChanged.connect(
            lambda _index: self.choose(str(self.profile_combo.currentData()))
        )
        self.new_button.clicked.connect(self._ask_new)
        self.rename_button.clicked.connect(self._ask_rename)
        self.delete_button.clicked.connect(self._ask_delete)
        # Each widget edits its own field only: a font missing on this computer is shown as a fallback in
        # the font box, and must not replace the saved family when another field changes.
        self.font_combo.currentFontChanged.connect(lambda font: self.edit(font_family=font.family()))
        self.font_px.valueChanged.connect(lambda value: self.edit(font_px=value))
        self.line_spacing.valueChanged.connect(lambda value: self.edit(line_spacing_pct=value))
        self.margin.valueChanged.connect(lambda value: self.edit(margin_pct=value))
        self.reading_line.valueChanged.connect(lambda value: self.edit(reading_line_pct=value))
        self.marker_combo.currentIndexChanged.connect(
            lambda _index: self.edit(reading_marker=self.marker_combo.currentData())
        )
        self.mirror_h.toggled.connect(lambda on: self.edit(mirror_horizontal=on))
        self.mirror_v.toggled.connect(lambda on: self.edit(mirror_vertical=on))
        for key, button in self.colour_buttons.items():
            button.clicked.connect(lambda _checked=False, key=key: self._ask_colour(key))

    @property
    def book(self) -> ProfileBook:
        return self._book

    # ---- profiles -------------------------------------------------------------------------------------

    def choose(self, name: str) -> None:
        if name != self._book.chosen and name in self._book.names():
            self._set_book(self._book.choose(name))

    def create_profile(self, name: str) -> None:
        self._set_book(self._book.created(name))

    def rename_profile(self, name: str) -> None:
        self._set_book(self._book.renamed(name))

    def delete_profile(self) -> None:
        self._set_book(self._book.deleted())

    def _ask_new(self) -> None:
        name = self._ask_name(self.tr("New profile"), "")
        if name is not None:
            self.create_profile(name)

    def _ask_rename(self) -> None:
        name = self._ask_name(self.tr("Rename profile"), self._book.chosen)
        if name is not None:
            self.rename_profile(name)

    def _ask_name(self, title: str, current: str) -> str | None:
        name, ok = QInputDialog.getText(
            self, title, self.tr("Host or profile name"), QLineEdit.EchoMode.Normal, current
        )
        if not ok:
            return None
        cleaned = hp.clean_name(name)
        if not cleaned:
            QMessageBox.warning(self, title, self.tr("A profile needs a name."))
            return None
        if cleaned != current and cleaned in self._book.names():
            QMessageBox.warning(
                self, title, self.tr("A profile named “{name}” already exists.").format(name=cleaned)
            )
            return None
        return cleaned

    def _ask_delete(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Delete profile"),
            self.tr("Delete the profile “{name}”?").format(name=self._book.chosen),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_profile()

    def _ask_colour(self, key: str) -> None:
        chosen = QColorDialog.getColor(QColor(getattr(self._book.current, key)), self)
        if chosen.isValid():
            self.edit(**{key: chosen.name()})

    # ---- fields ---------------------------------------------------------------------------------------

    def edit(self, **changes: object) -> None:
        """Fields of the chosen profile, e.g. ``edit(font_px=72)`` (clamped to their ranges)."""
        edited = replace(self._book.current, **changes)  # type: ignore[arg-type]
        if edited != self._book.current:
            self._set_book(self._book.updated(edited))

    def _set_book(self, book: ProfileBook) -> None:
        self.show_book(book)
        self.book_changed.emit(book)

    def show_book(self, book: ProfileBook) -> None:
        """``book`` in the widgets (changed elsewhere, e.g. the show bar's font size), not announced again."""
        self._book = book
        widgets: list[QWidget] = [self.profile_combo, self.font_combo, self.marker_combo, self.mirror_h]
        widgets += [self.mirror_v, self.font_px, self.line_spacing, self.margin, self.reading_line]
        for widget in widgets:
            widget.blockSignals(True)
        self.profile_combo.clear()
        for name in self._book.names():
            self.profile_combo.addItem(name, name)
        self.profile_combo.setCurrentIndex(self._book.names().index(self._book.chosen))
        self.delete_button.setEnabled(len(self._book.profiles) > 1)
        profile: HostProfile = self._book.current
        self.font_combo.setCurrentFont(QFont(profile.font_family))
        self.font_px.setValue(profile.font_px)
        self.line_spacing.setValue(profile.line_spacing_pct)
        self.margin.setValue(profile.margin_pct)
        self.reading_line.setValue(profile.reading_line_pct)
        self.marker_combo.setCurrentIndex(self.marker_combo.findData(profile.reading_marker))
        self.mirror_h.setChecked(profile.mirror_horizontal)
        self.mirror_v.setChecked(profile.mirror_vertical)
        for key, button in self.colour_buttons.items():
            colour = getattr(profile, key)
            button.setText(colour)
            text = "#000000" if QColor(colour).lightness() > 128 else "#ffffff"
            button.setStyleSheet(f"QPushButton {{ background: {colour}; color: {text}; }}")
        for widget in widgets:
            widget.blockSignals(False)


def _int_spin(low: int, high: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    return spin


def _pct_spin(low: float, high: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setDecimals(1)
    spin.setSuffix(" %")
    return spin
