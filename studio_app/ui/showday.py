"""The show day across the areas: going live in the script runner starts the device check's on-air watch
for that show, ending the show stops it, and an alert the watch raises on air reaches the host's prompter
as a cue banner. The main window wires the panels here so that neither reaches into the other."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from studio_app.probes.watch import WatchAlert
from studio_app.promo.session import MAX_CUE_CHARS

if TYPE_CHECKING:
    from studio_app.ui.check_panel import CheckPanel
    from studio_app.ui.script_panel import ScriptPanel


class ShowDay(QObject):
    def __init__(self, panel: Callable[[str], QWidget], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panel = panel  # the main window's panel(key): builds the area on first use
        self.on_air_show: str | None = None
        self.selected_show: str | None = None  # the script runner's show: a drill run now is stored with it
        self._announced: set[str] = set()  # kinds of the standing alerts the host was already shown

    def attach(self, key: str, panel: QWidget) -> None:
        """Connect a panel that was just built."""
        if key == "script":
            panel.on_air_state.connect(self._on_air_state)  # type: ignore[attr-defined]
        elif key == "checks":
            panel.watch_alerts_changed.connect(self._on_alerts)  # type: ignore[attr-defined]
            panel.drill.selected_show = lambda: self.selected_show  # type: ignore[attr-defined]

    def _on_air_state(self, show_id: str, on_air: bool) -> None:
        self.selected_show = show_id
        if on_air == (self.on_air_show == show_id):
            return  # no change: the operator may have switched the watch off by hand, and that stands
        watch = cast("CheckPanel", self._panel("checks")).watch
        if on_air:
            self.on_air_show = show_id
            self._announced = set()  # a new watch: what stands from now on is news to the host
            watch.start_for_show(show_id)
        elif self.on_air_show == show_id:
            self.on_air_show = None
            watch.end_show(show_id)

    def _on_alerts(self, alerts: Sequence[WatchAlert]) -> None:
        """A newly raised alert goes to the prompter once, as the operator's cues do: a short, large banner
        the host dismisses with the cue key."""
        raised = [a for a in alerts if a.kind not in self._announced]
        self._announced = {a.kind for a in alerts}
        if self.on_air_show is None:
            return
        controller = cast("ScriptPanel", self._panel("script")).controller
        if controller is None:
            return
        for alert in raised:
            controller.send_cue(f"⚠ {alert.message}"[:MAX_CUE_CHARS])
