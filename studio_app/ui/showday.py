"""The show day across the areas: going live in the script runner starts the device check's on-air watch
for that show, ending the show stops it, and an alert the watch raises on air reaches the host's prompter
as a cue banner (and, when the studio chose it, a sound). Going live passes the pre-show gate first
(ui/gate/), and a device check or drill run from its tab is linked to the show chosen in the script runner.
The live room reads the workspace's one drop folder for the data panel's feed show too, and the minute
tables it reads reach the data panel's charts. The main window wires the panels here so that neither
reaches into the other."""

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
    from studio_app.ui.data_panel import DataPanel
    from studio_app.ui.liveroom.panel import LiveRoomPanel
    from studio_app.ui.script_panel import ScriptPanel


class ShowDay(QObject):
    def __init__(self, panel: Callable[[str], QWidget], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panel = panel  # the main window's panel(key): builds the area on first use
        self.on_air_show: str | None = None
        self._announced: set[str] = set()  # kinds of the standing alerts the host was already shown
        self._attached: dict[str, QWidget] = {}
        self.gate: GateLauncher | None = None  # built with the script runner
        self.sound: Callable[[], None] = QApplication.beep  # a new alert, when the studio chose a sound

    def attach(self, key: str, panel: QWidget) -> None:
        """Connect a panel that was just built."""
        self._attached[key] = panel
        if key in ("data", "liveroom") and {"data", "liveroom"} <= self._attached.keys():
            self._share_drop_folder(
                cast("DataPanel", self._attached["data"]), cast("LiveRoomPanel", self._attached["liveroom"])
            )
        if key in ("script", "liveroom") and {"script", "liveroom"} <= self._attached.keys():
            # A reordered rundown is a new revision: the editor follows it rather than save the old order.
            cast("LiveRoomPanel", self._attached["liveroom"]).rundown_saved.connect(
                cast("ScriptPanel", self._attached["script"]).editor_page.follow_new_revision
            )
        if key == "data":  # the feed's files are read by the live room's watcher: it must exist
            cast("DataPanel", panel).live_view.feed_toggled.connect(self._feed_toggled)
        if key == "script":
            script = cast("ScriptPanel", panel)
            self.gate = GateLauncher(script)
            script.on_air_state.connect(self._on_air_state)
        elif key == "checks":
            checks = cast("CheckPanel", panel)
            checks.watch_alerts_changed.connect(self._on_alerts)
            # A check run from the device-check tab clears the show chosen in the script runner.
            checks.linked_show = self._chosen_show
            checks.drill.selected_show = self._chosen_show
        elif key == "liveroom":  # the live room follows the show the script runner has open
            panel.set_onair_source(  # type: ignore[attr-defined]
                lambda: cast("ScriptPanel", self._panel("script")).controller
            )

    def _feed_toggled(self, on: bool) -> None:
        if on:
            self._panel("liveroom")

    @staticmethod
    def _share_drop_folder(data: DataPanel, room: LiveRoomPanel) -> None:
        room.set_feed_show_source(data.feed_show_id)
        room.samples_dropped.connect(data.on_feed_samples)

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
