"""The rest of the rundown, which the operator reorders mid-show; the prompter follows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QListWidget, QListWidgetItem, QPushButton, QWidget

from studio_app.script.model import Script

_INDEX = Qt.ItemDataRole.UserRole
_TITLE = Qt.ItemDataRole.UserRole + 1


class RundownView(QGroupBox):
    move_requested = Signal(int, int)  # segment index, step (-1 up, +1 down, 0 next)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Still to come"))
        self.list = QListWidget()
        self.list.setObjectName("remainingList")
        self.list.setStyleSheet("QListWidget { font-size: 12pt; }")  # read at a glance, as the hot list
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setToolTip(self.tr("Move the chosen segment right after the one on air"))
        layout = QGridLayout(self)
        layout.addWidget(self.list, 0, 0, 1, 3)
        layout.addWidget(self.up_button, 1, 0)
        layout.addWidget(self.down_button, 1, 1)
        layout.addWidget(self.next_button, 1, 2)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.next_button.clicked.connect(lambda: self._move(0))
        self._shown: tuple[object, ...] = ()

    def show_rest(self, script: Script | None, current: int) -> None:
        key = (script, current)
        if key == self._shown:
            return
        self._shown = key
        chosen = self.list.currentItem()
        # The choice follows its segment to its new place, so "Down, Down" moves one segment twice.
        chosen_title = chosen.data(_TITLE) if chosen is not None else None
        self.list.clear()
        if script is None:
            return
        for index in range(current + 1, len(script.segments)):
            segment = script.segments[index]
            item = QListWidgetItem(f"{index + 1}. [{segment.kind.label_zh}] {segment.title}")
            item.setData(_INDEX, index)
            item.setData(_TITLE, segment.title)
            self.list.addItem(item)
            if segment.title == chosen_title:
                self.list.setCurrentItem(item)

    def _move(self, step: int) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.move_requested.emit(int(item.data(_INDEX)), step)
