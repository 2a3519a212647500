"""The show day across the areas: going live in the script runner starts the device check's on-air watch
for that show, ending the show stops it, and an alert the watch raises on air reaches the host's prompter
as a cue banner (and, when the studio chose it, a sound). Going live passes the pre-show gate first
(ui/gate/), and a device check run from its tab is linked to the show chosen in the script runner. The main
window wires the panels here so that neither reaches into the other."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from studio_app.probes.watch import WatchAlert
from studio_app.promo.session import MAX_CUE_CHARS
from studio_app.showday.prefs import alert_sound
from studio_app.ui.gate.launcher import GateLauncher

if TYPE_CHECKING:
    from studio_app.ui.check_panel import CheckPanel
    from studio_app.ui.script_panel import ScriptPanel


class ShowDay(QObject):
    def __init__(self, panel: Callable[[str], QWidget], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panel = panel  # the main window's panel(key): builds the area on first use
        self.on_air_show: str | None = None
        self._announced: set[str] = set()  # kinds of the standing alerts the host was already shown
        self.gate: GateLauncher | None = None  # built with the script runner
        self.sound: Callable[[], None] = QApplication.beep  # a new alert, when the studio chose a sound

    def attach(self, key: str, panel: QWidget) -> None:
        """Connect a panel that was just built."""
        if key == "script":
            script = cast("ScriptPanel", panel)
            self.gate = GateLauncher(script)
            script.on_air_state.connect(self._on_air_state)
        elif key == "checks":
            checks = cast("CheckPanel", panel)
            checks.watch_alerts_changed.connect(self._on_alerts)
            # A check run from the device-check tab clears the show chosen in the script runner.
            checks.linked_show = self._chosen_show
        elif key == "liveroom":  # the live room follows the show the script runner has open
            panel.set_onair_source(  # type: ignore[attr-defined]
                lambda: cast("ScriptPanel", self._panel("script")).controller
            )

    def _chosen_show(self) -> str | None:
        if self.gate is None:  # the script runner was never opened: no show is chosen
            return None
        show_id = cast("ScriptPanel", self._panel("script")).show_combo.currentData()
        return str(show_id) if show_id else None

    def _on_air_state(self, show_id: str, on_air: bool) -> None:
        controller = cast("ScriptPanel", self._panel("script")).controller
        if controller is not None and self.gate is not None:
            controller.gate = self.gate.go_live  # each show the runner opens gets a new controller
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
        if raised and alert_sound():
            self.sound()
        if self.on_air_show is None:
            return
        controller = cast("ScriptPanel", self._panel("script")).controller
        if controller is None:
            return
        for alert in raised:
            controller.send_cue(f"⚠ {alert.message}"[:MAX_CUE_CHARS])
