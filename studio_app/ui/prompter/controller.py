"""Qt side of the on-air session: one object both the prompter and the operator's panel talk to.

It turns key actions into session calls, reports translated errors instead of raising into Qt, ticks the
session at 4 Hz (timer text is not redrawn per frame) and tells views what changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from studio_app.promo.clock import PromoError, PromoMarkKind
from studio_app.promo.session import OnAirSession, SessionError, SessionPhase
from studio_app.script.model import EmergencyKind, EmergencyScript, RunLogEvent, Script
from studio_app.ui.prompter.keys import PrompterAction

log = logging.getLogger(__name__)

TICK_MS = 250  # ~4 Hz: countdowns and timers; the scroll has its own frame clock


class OnAirController(QObject):
    changed = Signal()  # segment, speed, pause, cues, promo marks
    ticked = Signal()  # every TICK_MS: redraw timer text
    segment_jump = Signal(int)  # views jump to the start of this segment (a key, not the scroll)
    emergency_shown = Signal(object)  # EmergencyScript, or None when dismissed
    blank_changed = Signal(bool)
    rewind_held = Signal(bool)
    logged = Signal(object)  # RunLogEvent
    script_replaced = Signal()  # the rest of the rundown was reordered: views lay the script out again
    error = Signal(str)  # translated, for a status line; never a traceback

    def __init__(self, session: OnAirSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.blank = False
        self.emergency: EmergencyScript | None = None
        # Set by the show day (ui/showday.py): the pre-show gate a request to go live passes first.
        self.gate: Callable[[OnAirController], None] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def shutdown(self) -> None:
        self._timer.stop()

    # The session calls this for every run-log line (set as its log sink by whoever builds it).
    def forward_logged(self, event: RunLogEvent) -> None:
        self.logged.emit(event)

    def tick(self) -> None:
        self._guard(self.session.tick)
        self.ticked.emit()

    def perform(self, action: PrompterAction, pressed: bool = True) -> None:
        """Apply a key action; ``pressed`` is False on release (only hold actions care)."""
        if action is PrompterAction.REWIND_HOLD:
            self.rewind_held.emit(pressed)
            return
        if not pressed:
            return
        s = self.session
        gear = action.gear
        if gear is not None:
            self._guard(s.set_gear, gear)
        elif action.emergency_number is not None:
            self.show_emergency(self._emergency_for_key(f"F{action.emergency_number}"))
            return
        elif action is PrompterAction.FASTER:
            self._guard(s.gear_up)
        elif action is PrompterAction.SLOWER:
            self._guard(s.gear_down)
        elif action is PrompterAction.PAUSE:
            if s.phase is SessionPhase.READY:
                self.request_start()
                return
            self._guard(s.toggle_pause)
        elif action is PrompterAction.NEXT_SEGMENT:
            self.go_to_segment(s.segment_index + 1)
            return
        elif action is PrompterAction.PREVIOUS_SEGMENT:
            self.go_to_segment(s.segment_index - 1)
            return
        elif action is PrompterAction.FIRST_SEGMENT:
            self.go_to_segment(0)
            return
        elif action is PrompterAction.LAST_SEGMENT:
            self.go_to_segment(len(s.script.segments) - 1)
            return
        elif action is PrompterAction.BLANK:
            self.blank = not self.blank
            self.blank_changed.emit(self.blank)
            return
        elif action is PrompterAction.DISMISS:
            self.dismiss()
            return
        elif action is PrompterAction.PROMO_DONE:
            self.mark_promo(PromoMarkKind.DONE)
            return
        elif action is PrompterAction.PROMO_SKIPPED:
            self.mark_promo(PromoMarkKind.SKIPPED)
            return
        elif action is PrompterAction.CORRECTION:
            self._guard(s.log_correction, "")
        self.changed.emit()

    def request_start(self) -> None:
        """Going live as a person asks for it (the start button, the prompter's key): through the gate when
        one is set, which calls :meth:`start_show` once the show may go on."""
        if self.gate is None or self.session.phase is not SessionPhase.READY:
            self.start_show()
        else:
            self.gate(self)

    def start_show(self) -> None:
        if self._guard(self.session.start_show):
            self.segment_jump.emit(0)
        self.changed.emit()

    def end_show(self) -> None:
        self._guard(self.session.end_show)
        self.changed.emit()

    def go_to_segment(self, index: int) -> None:
        if self._guard(self.session.go_to_segment, index, "key") and index == self.session.segment_index:
            self.segment_jump.emit(index)
        self.changed.emit()

    def segment_reached(self, index: int) -> None:
        """The reading line crossed into another segment while scrolling (no jump)."""
        if index != self.session.segment_index:
            self._guard(self.session.go_to_segment, index, "scroll")
            self.changed.emit()

    def mark_promo(self, kind: PromoMarkKind) -> None:
        self._guard(self.session.mark_promo, kind)
        self.changed.emit()

    def send_cue(self, text: str) -> bool:
        ok = self._guard(self.session.send_cue, text)
        self.changed.emit()
        return ok

    def dismiss(self) -> None:
        """Esc: the emergency text first, then the newest cue."""
        if self.emergency is not None:
            self.emergency = None
            self.emergency_shown.emit(None)
            return
        self._guard(self.session.dismiss_cue)
        self.changed.emit()

    def show_emergency(self, kind: EmergencyKind) -> None:
        result: list[EmergencyScript] = []
        if self._guard(lambda: result.append(self.session.use_emergency(kind))):
            self.emergency = result[0]
            self.emergency_shown.emit(self.emergency)
        self.changed.emit()

    def _emergency_for_key(self, key: str) -> EmergencyKind:
        """The script may bind its emergency scripts to its own keys; otherwise F1..F6 in kind order."""
        for item in self.session.script.emergencies:
            if item.key == key:
                return item.kind
        return next((kind for kind in EmergencyKind if kind.default_key == key), EmergencyKind.DEVICE_FAILURE)

    def log_correction(self, text: str = "") -> None:
        self._guard(self.session.log_correction, text)
        self.changed.emit()

    def replace_script(self, script: Script) -> bool:
        ok = self._guard(self.session.replace_script, script)
        if ok:
            self.script_replaced.emit()
        self.changed.emit()
        return ok

    def set_base_cpm(self, base_cpm: float) -> None:
        self._guard(self.session.set_base_cpm, base_cpm)
        self.changed.emit()

    def set_speed_cpm(self, speed_cpm: float) -> None:
        self._guard(self.session.set_speed_cpm, speed_cpm)
        self.changed.emit()

    def _guard(self, fn: Callable[..., object], *args: object) -> bool:
        try:
            fn(*args)
        except (SessionError, PromoError) as exc:
            self.error.emit(str(exc))
            return False
        return True
