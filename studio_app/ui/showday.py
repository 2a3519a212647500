"""The show day across the areas: going live in the script runner starts the device check's on-air watch
for that show, and ending the show stops it. The main window wires the panels here so that neither
reaches into the other."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from studio_app.ui.check_panel import CheckPanel


class ShowDay(QObject):
    def __init__(self, panel: Callable[[str], QWidget], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panel = panel  # the main window's panel(key): builds the area on first use
        self.on_air_show: str | None = None

    def attach(self, key: str, panel: QWidget) -> None:
        """Connect a panel that was just built."""
        if key == "script":
            panel.on_air_state.connect(self._on_air_state)  # type: ignore[attr-defined]

    def _on_air_state(self, show_id: str, on_air: bool) -> None:
        if on_air == (self.on_air_show == show_id):
            return  # no change: the operator may have switched the watch off by hand, and that stands
        watch = cast("CheckPanel", self._panel("checks")).watch
        if on_air:
            self.on_air_show = show_id
            watch.start_for_show(show_id)
        elif self.on_air_show == show_id:
            self.on_air_show = None
            watch.end_show(show_id)
