"""The prompter's key map: what clickers, foot pedals and the keyboard do; rebindable.

Presentation clickers send Page Up / Page Down, the arrows, B or "." (blank) and F5 / Esc; most foot
pedals are USB keyboards sending the same keys. The defaults cover those, so they work out of the box.
Bindings are saved in the app's settings file as portable key sequence text ("Ctrl+G"), a JSON list
per action.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from studio_app import settings
from studio_app.i18n import translate


class PrompterAction(enum.Enum):
    FASTER = "faster"
    SLOWER = "slower"
    PAUSE = "pause"  # also starts the show when it has not started
    NEXT_SEGMENT = "next_segment"
    PREVIOUS_SEGMENT = "previous_segment"
    FIRST_SEGMENT = "first_segment"
    LAST_SEGMENT = "last_segment"
    REWIND_HOLD = "rewind_hold"  # runs backwards while held
    BLANK = "blank"
    DISMISS = "dismiss"  # the cue banner or the emergency text
    PROMO_DONE = "promo_done"
    PROMO_SKIPPED = "promo_skipped"
    CORRECTION = "correction"
    GEAR_1 = "gear_1"
    GEAR_2 = "gear_2"
    GEAR_3 = "gear_3"
    GEAR_4 = "gear_4"
    GEAR_5 = "gear_5"
    GEAR_6 = "gear_6"
    GEAR_7 = "gear_7"
    GEAR_8 = "gear_8"
    GEAR_9 = "gear_9"
    EMERGENCY_1 = "emergency_1"
    EMERGENCY_2 = "emergency_2"
    EMERGENCY_3 = "emergency_3"
    EMERGENCY_4 = "emergency_4"
    EMERGENCY_5 = "emergency_5"
    EMERGENCY_6 = "emergency_6"

    @property
    def gear(self) -> int | None:
        return int(self.value[-1]) if self.value.startswith("gear_") else None

    @property
    def emergency_number(self) -> int | None:
        return int(self.value[-1]) if self.value.startswith("emergency_") else None


DEFAULT_BINDINGS: dict[PrompterAction, tuple[str, ...]] = {
    PrompterAction.FASTER: ("Up",),
    PrompterAction.SLOWER: ("Down",),
    PrompterAction.PAUSE: ("Space",),
    PrompterAction.NEXT_SEGMENT: ("PgDown", "Right"),
    PrompterAction.PREVIOUS_SEGMENT: ("PgUp",),
    PrompterAction.FIRST_SEGMENT: ("Home",),
    PrompterAction.LAST_SEGMENT: ("End",),
    PrompterAction.REWIND_HOLD: ("Left", "Backspace"),
    PrompterAction.BLANK: ("B", "."),
    PrompterAction.DISMISS: ("Esc",),
    PrompterAction.PROMO_DONE: ("G",),
    PrompterAction.PROMO_SKIPPED: ("Shift+G",),
    PrompterAction.CORRECTION: ("C",),
    **{PrompterAction(f"gear_{n}"): (str(n),) for n in range(1, 10)},
    **{PrompterAction(f"emergency_{n}"): (f"F{n}",) for n in range(1, 7)},
}

SETTINGS_SECTION = "prompter.keys"


def action_label(action: PrompterAction) -> str:
    """The action's name in the UI language (for the key binding editor and the help overlay)."""
    labels = {
        PrompterAction.FASTER: translate("PrompterKeys", "Faster (gear up)"),
        PrompterAction.SLOWER: translate("PrompterKeys", "Slower (gear down)"),
        PrompterAction.PAUSE: translate("PrompterKeys", "Pause / resume (starts the show)"),
        PrompterAction.NEXT_SEGMENT: translate("PrompterKeys", "Next segment"),
        PrompterAction.PREVIOUS_SEGMENT: translate("PrompterKeys", "Previous segment"),
        PrompterAction.FIRST_SEGMENT: translate("PrompterKeys", "First segment"),
        PrompterAction.LAST_SEGMENT: translate("PrompterKeys", "Last segment"),
        PrompterAction.REWIND_HOLD: translate("PrompterKeys", "Rewind while held"),
        PrompterAction.BLANK: translate("PrompterKeys", "Blank the screen"),
        PrompterAction.DISMISS: translate("PrompterKeys", "Dismiss cue or emergency text"),
        PrompterAction.PROMO_DONE: translate("PrompterKeys", "Promo done"),
        PrompterAction.PROMO_SKIPPED: translate("PrompterKeys", "Promo skipped"),
        PrompterAction.CORRECTION: translate("PrompterKeys", "Log a correction"),
    }
    if action.gear is not None:
        return translate("PrompterKeys", "Gear {n}").format(n=action.gear)
    if action.emergency_number is not None:
        return translate("PrompterKeys", "Emergency script {n}").format(n=action.emergency_number)
    return labels[action]


def _normalise(sequence: str) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.PortableText)


class KeyMap:
    def __init__(self, bindings: Mapping[PrompterAction, Iterable[str]] | None = None) -> None:
        self._bindings: dict[PrompterAction, tuple[str, ...]] = {}
        self._lookup: dict[str, PrompterAction] = {}
        for action, sequences in (bindings or DEFAULT_BINDINGS).items():
            self.bind(action, sequences)

    def bind(self, action: PrompterAction, sequences: Iterable[str]) -> None:
        """Bind ``action`` to these keys, taking them away from any other action."""
        normalised = tuple(s for s in (_normalise(seq) for seq in sequences) if s)
        for old in self._bindings.get(action, ()):
            self._lookup.pop(old, None)
        for seq in normalised:
            previous = self._lookup.get(seq)
            if previous is not None and previous is not action:
                self._bindings[previous] = tuple(s for s in self._bindings[previous] if s != seq)
            self._lookup[seq] = action
        self._bindings[action] = normalised

    def sequences(self, action: PrompterAction) -> tuple[str, ...]:
        return self._bindings.get(action, ())

    def action_for_sequence(self, sequence: str) -> PrompterAction | None:
        return self._lookup.get(_normalise(sequence))

    def action_for(self, event: QKeyEvent) -> PrompterAction | None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_unknown, Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
            return None
        text = QKeySequence(QKeyCombination(modifiers, key)).toString(
            QKeySequence.SequenceFormat.PortableText
        )
        found = self._lookup.get(text)
        if found is None and modifiers & Qt.KeyboardModifier.ShiftModifier:
            # A clicker sending Shift+key, or "." needing Shift on some layouts: fall back to the bare key.
            found = self._lookup.get(QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText))
        return found

    def save(self) -> None:
        """Keep every binding in the settings file (the whole section: an unbound action stays unbound)."""
        settings.save_section(
            SETTINGS_SECTION,
            {action.value: json.dumps(list(sequences)) for action, sequences in self._bindings.items()},
            replace=True,
        )

    @classmethod
    def load(cls) -> KeyMap:
        """The saved bindings over the defaults; an entry that does not parse keeps its default."""
        keymap = cls()
        saved = settings.section(SETTINGS_SECTION)
        for action in PrompterAction:
            text = saved.get(action.value)
            if text is None:
                continue
            try:
                sequences = json.loads(text)
            except ValueError:
                continue
            if isinstance(sequences, list):
                keymap.bind(action, [str(s) for s in sequences])
        return keymap
