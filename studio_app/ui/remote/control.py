"""The remote server inside the desktop app: commands from the LAN reach the prompter on the GUI thread.

The server (``remote.server``) runs on its own thread and never touches a widget. A command arrives here
through a thread-safe queue and a queued signal, runs on the GUI thread through the show's
:class:`OnAirController` (exactly as a key would), and its outcome goes back through a future. Every change
of the show, and the desktop prompter's motion, is published as a new state for the pages.
"""

from __future__ import annotations

import logging
import queue
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from studio_app.context import AppContext
from studio_app.probes.labels import alert_label
from studio_app.probes.service import ALERT_TABLES, CheckService, OpenAlert
from studio_app.promo.clock import PromoMarkKind
from studio_app.promo.onair_text import onair_text
from studio_app.promo.session import SessionPhase
from studio_app.remote.commands import RemoteAction, RemoteCommand
from studio_app.remote.endpoint import base_url, clear_endpoint, write_endpoint
from studio_app.remote.pairing import PairingService, RateLimiter
from studio_app.remote.server import CommandOutcome, RemoteServer
from studio_app.remote.state import FollowMotion, RemoteState, script_blocks, session_state
from studio_app.store.writer import Changes
from studio_app.ui.prompter.controller import OnAirController
from studio_app.ui.prompter.keys import PrompterAction
from studio_app.ui.prompter.motion import MotionPiece
from studio_app.ui.workers import change_feed, run_in_thread

if TYPE_CHECKING:
    from studio_app.ui.prompter.view import PrompterView

log = logging.getLogger(__name__)

_KEY_ACTIONS = {
    RemoteAction.TOGGLE_PAUSE: PrompterAction.PAUSE,
    RemoteAction.FASTER: PrompterAction.FASTER,
    RemoteAction.SLOWER: PrompterAction.SLOWER,
    RemoteAction.DISMISS: PrompterAction.DISMISS,
}


class RemoteControl(QObject):
    running_changed = Signal(bool)
    failed = Signal(str)  # the server could not start (translated)
    published = Signal(object)  # RemoteState, after the pages were sent it
    _wake = Signal()

    def __init__(
        self, context: AppContext, script_panel: Callable[[], QWidget], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.pairing = PairingService(context)
        self.limiter = RateLimiter(context.clock)
        self._script_panel = script_panel
        self._panel: QWidget | None = None
        self._server: RemoteServer | None = None
        self._commands: queue.SimpleQueue[tuple[RemoteCommand, Future[CommandOutcome]]] = queue.SimpleQueue()
        self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)
        self._controller: OnAirController | None = None
        self._wired_view: PrompterView | None = None
        self._alerts: tuple[str, ...] = ()
        self._last: RemoteState | None = None
        self._script_key = ""
        self._motion_cache: tuple[tuple[MotionPiece, tuple[float, ...]], FollowMotion] | None = None
        self.url = ""
        change_feed(context.writer).changed.connect(self._on_changes)

    # ---- server ----------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._server is not None

    def start(self, host: str, port: int) -> None:
        """Start listening (binding and start-up on the pool); ``running_changed`` or ``failed`` follows."""
        if self._server is not None:
            return
        self._follow_panel()
        server = RemoteServer(self.pairing, self.limiter, self._submit, host, port)
        run_in_thread(
            server.start, on_result=lambda _none: self._started(server), on_error=self._start_failed
        )

    def _started(self, server: RemoteServer) -> None:
        self._server = server
        self.url = base_url(server.host, server.port)
        write_endpoint(self.context.workspace, self.url)
        self._last = None
        self._script_key = ""
        self.publish()
        self._load_alerts()
        self.running_changed.emit(True)

    def _start_failed(self, exc: BaseException) -> None:
        log.error("remote: %s", exc)
        self.failed.emit(str(exc))

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.stop()
        clear_endpoint(self.context.workspace)
        self.url = ""
        self.running_changed.emit(False)

    @property
    def port(self) -> int:
        return self._server.port if self._server is not None else 0

    # ---- the show ----------------------------------------------------------------------------------------

    def attach(self, key: str, panel: QWidget) -> None:
        """Connect the script runner once the main window has built it."""
        if key == "script":
            self._panel = panel
            panel.on_air_state.connect(self._follow_panel)  # type: ignore[attr-defined]
            panel.loaded.connect(self._follow_panel)  # type: ignore[attr-defined]
            self._follow_panel()

    def _follow_panel(self, *_args: object) -> None:
        if self._panel is None:
            self._panel = self._script_panel()  # builds it: the remote needs a show to drive
        controller = getattr(self._panel, "controller", None)
        if controller is self._controller:
            return
        if self._controller is not None:
            self._wire(self._controller, connect=False)
        self._controller = controller
        self._wired_view = self._prompter_view()
        if controller is not None:
            self._wire(controller, connect=True)
            controller.destroyed.connect(self._controller_gone)
        self.publish()

    def _wire(self, controller: OnAirController, connect: bool) -> None:
        signals = (
            controller.changed,
            controller.segment_jump,
            controller.emergency_shown,
            controller.blank_changed,
            controller.rewind_held,
            controller.ticked,
        )
        for signal in signals:
            if connect:
                signal.connect(self.publish)
            else:
                signal.disconnect(self.publish)

    def _rewire_after_view(self) -> None:
        """Qt calls slots in the order they were connected, and the state must carry the motion the prompter
        set in its own slot: when a prompter window appears, connect again so these slots come after its."""
        view = self._prompter_view()
        if view is not self._wired_view and self._controller is not None:
            self._wire(self._controller, connect=False)
            self._wire(self._controller, connect=True)
        self._wired_view = view

    def _controller_gone(self) -> None:
        self._controller = None
        self._wired_view = None
        self.publish()

    def _prompter_view(self) -> PrompterView | None:
        prompter = getattr(self._panel, "prompter", None)
        return prompter.view if prompter is not None else None

    # ---- commands (server thread → GUI thread) ---------------------------------------------------------

    def _submit(self, command: RemoteCommand) -> Future[CommandOutcome]:
        """Called on the server's thread: queue the command and wake the GUI thread."""
        future: Future[CommandOutcome] = Future()
        self._commands.put((command, future))
        self._wake.emit()
        return future

    def _drain(self) -> None:
        while True:
            try:
                command, future = self._commands.get_nowait()
            except queue.Empty:
                return
            outcome = self.execute(command)
            # The state goes out before the answer, so the page that sent it sees its own change.
            self.publish()
            future.set_result(outcome)

    def execute(self, command: RemoteCommand) -> CommandOutcome:
        controller = self._controller
        if controller is None:
            return CommandOutcome(False, self.tr("No show is open in the script runner."))
        errors: list[str] = []
        controller.error.connect(errors.append)
        try:
            refused = self._run(controller, command)
        finally:
            controller.error.disconnect(errors.append)
        message = refused or (errors[0] if errors else "")
        return CommandOutcome(not message, message)

    def _run(self, controller: OnAirController, command: RemoteCommand) -> str:
        """Apply one command; returns why it was refused, or "" (session errors come through the signal)."""
        session = controller.session
        action = command.action
        if action in _KEY_ACTIONS:
            controller.perform(_KEY_ACTIONS[action])
        elif action is RemoteAction.PAUSE:
            if session.phase is SessionPhase.ON_AIR and not session.paused:
                controller.perform(PrompterAction.PAUSE)
        elif action is RemoteAction.RESUME:
            if session.phase is SessionPhase.READY or session.paused:
                controller.perform(PrompterAction.PAUSE)
        elif action is RemoteAction.GEAR:
            controller.perform(PrompterAction(f"gear_{command.gear}"))
        elif action is RemoteAction.NEXT_SEGMENT:
            controller.go_to_segment(min(session.segment_index + 1, len(session.script.segments) - 1))
        elif action is RemoteAction.PREVIOUS_SEGMENT:
            controller.go_to_segment(max(session.segment_index - 1, 0))
        elif action is RemoteAction.GO_TO_SEGMENT:
            count = len(session.script.segments)
            if command.index is None or command.index >= count:
                return self.tr("This script has segments 0 to {last}.").format(last=count - 1)
            controller.go_to_segment(command.index)
        elif action in (RemoteAction.PROMO_DONE, RemoteAction.PROMO_SKIPPED):
            done = action is RemoteAction.PROMO_DONE
            controller.mark_promo(PromoMarkKind.DONE if done else PromoMarkKind.SKIPPED)
        elif action is RemoteAction.BLANK:
            if command.on is None or command.on != controller.blank:
                controller.perform(PrompterAction.BLANK)
        elif action is RemoteAction.EMERGENCY:
            assert command.kind is not None
            if session.script.emergency(command.kind) is None:
                return self.tr("This script has no emergency script for “{kind}”.").format(
                    kind=command.kind.display_name()
                )
            controller.show_emergency(command.kind)
        elif action is RemoteAction.CUE:
            controller.send_cue(command.text)
        return ""

    # ---- state (GUI thread → pages) -------------------------------------------------------------------

    def current_state(self) -> RemoteState:
        controller = self._controller
        if controller is None:
            return RemoteState(alerts=self._alerts)
        session = controller.session
        return session_state(
            session,
            onair_text(session),
            blank=controller.blank,
            emergency=controller.emergency,
            alerts=self._alerts,
            motion=self._follow_motion(),
        )

    def publish(self, *_args: object) -> None:
        """Send the state to the pages if anything in it changed (called on every change and at 4 Hz)."""
        server = self._server
        if server is None:
            return
        self._rewire_after_view()
        state = self.current_state()
        if state == self._last:
            return
        self._last = state
        blocks = None
        if state.script_key != self._script_key and self._controller is not None:
            self._script_key = state.script_key
            blocks = script_blocks(self._controller.session.script)
        server.publish(state, blocks)
        self.published.emit(state)

    def _follow_motion(self) -> FollowMotion | None:
        view = self._prompter_view()
        if view is None:
            return None
        piece, frame_now, tops, height = view.follow_snapshot()
        key = (piece, tops)
        if self._motion_cache is not None and self._motion_cache[0] == key:
            return self._motion_cache[1]
        # The prompter's frame clock is monotonic; the pages need wall time, which any device can sync.
        offset_s = time.time() - frame_now
        motion = FollowMotion(
            t0_s=piece.t0_s + offset_s,
            p0_px=piece.p0_px,
            v0_px_s=piece.v0_px_s,
            v1_px_s=piece.v1_px_s,
            ramp_s=piece.ramp_s,
            min_px=piece.min_px,
            max_px=piece.max_px,
            block_tops_px=tops,
            doc_height_px=height,
            reading_line_ratio=view.prompter_style.reading_line_ratio,
        )
        self._motion_cache = (key, motion)
        return motion

    # ---- alerts ----------------------------------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        if self._server is not None and changes.touches(*ALERT_TABLES):
            self._load_alerts()

    def _load_alerts(self) -> None:
        run_in_thread(CheckService(self.context).open_alerts, on_result=self._alerts_loaded)

    def _alerts_loaded(self, alerts: tuple[OpenAlert, ...]) -> None:
        self._alerts = tuple(f"{alert_label(alert.kind)}: {alert.message}" for alert in alerts)
        self.publish()
