"""The prompter's key map: what clickers, foot pedals and the keyboard do; rebindable.

The actions, their defaults and which keys a clicker sends live in :mod:`studio_app.script.host_keys`;
this module turns Qt key events into actions. Bindings are saved in the app's settings file as portable
key sequence text ("Ctrl+G"), a JSON list per action.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from studio_app import settings
from studio_app.i18n import translate
from studio_app.script.host_keys import (
    DEFAULT_BINDINGS,
    PrompterAction,
    keep_off_clicker_keys,
    refused_keys,
)

__all__ = ["DEFAULT_BINDINGS", "KeyMap", "PrompterAction", "action_label"]

log = logging.getLogger(__name__)

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
        refused = refused_keys(action, normalised)
        if refused:
            raise ValueError(f"{action.value} may not be on a clicker key: {', '.join(refused)}")
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

    def bindings(self) -> dict[PrompterAction, tuple[str, ...]]:
        return dict(self._bindings)

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
        """The saved bindings over the defaults; an entry that does not parse keeps its default.

        Older versions put emergencies on F1..F6, and F5 is a clicker's "start presentation" button:
        saved bindings that put a guarded action on a clicker key are moved off it and saved again.
        """
        section = settings.section(SETTINGS_SECTION)
        saved: dict[PrompterAction, tuple[str, ...]] = {}
        for action in PrompterAction:
            text = section.get(action.value)
            if text is None:
                continue
            try:
                sequences = json.loads(text)
            except ValueError:
                continue
            if isinstance(sequences, list):
                saved[action] = tuple(s for s in (_normalise(str(seq)) for seq in sequences) if s)
        fixed, moved = keep_off_clicker_keys({**DEFAULT_BINDINGS, **saved})
        keymap = cls()
        for action in saved:
            keymap.bind(action, fixed[action])
        if moved:
            for item in moved:
                log.warning(
                    "prompter key %s moved off clicker keys %s to %s",
                    item.action.value,
                    item.removed,
                    item.now,
                )
            keymap.save()
        return keymap
