"""What the host's keys may do: the prompter's actions, their default keys and the clicker rule.

Presentation clickers send Page Up / Page Down, the arrows, B or "." (blank), F5 / Shift+F5 (start the
slide show), Esc and Tab; most foot pedals are USB keyboards sending the same keys. A host presses them
by feel, often by accident, so none of them may put an emergency reply on her screen or write a promo
mark or a correction into the show's record: those actions live on keys a clicker cannot send.
Keys are portable key sequence text ("Ctrl+F1"), as Qt's QKeySequence writes it, so this stays Qt-free.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


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

    @property
    def kept_off_clicker_keys(self) -> bool:
        """True for actions a stray clicker press must never trigger: they show or record something."""
        return self.emergency_number is not None or self in _RECORDING_ACTIONS


_RECORDING_ACTIONS = frozenset(
    {PrompterAction.PROMO_DONE, PrompterAction.PROMO_SKIPPED, PrompterAction.CORRECTION}
)

CLICKER_KEYS: frozenset[str] = frozenset(
    {"PgUp", "PgDown", "Up", "Down", "Left", "Right", "B", ".", "F5", "Shift+F5", "Esc", "Tab"}
)

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
    **{PrompterAction(f"emergency_{n}"): (f"Ctrl+F{n}",) for n in range(1, 7)},
}


def is_clicker_key(sequence: str) -> bool:
    """True for a key a presentation clicker or foot pedal sends (portable text, case as Qt writes it)."""
    return sequence in CLICKER_KEYS


def refused_keys(action: PrompterAction, sequences: Iterable[str]) -> tuple[str, ...]:
    """The keys among ``sequences`` that ``action`` may not have (clicker keys for a guarded action)."""
    if not action.kept_off_clicker_keys:
        return ()
    return tuple(s for s in sequences if is_clicker_key(s))


@dataclass(frozen=True)
class MovedBinding:
    action: PrompterAction
    removed: tuple[str, ...]  # the clicker keys it had
    now: tuple[str, ...]  # the keys it has after the move


def keep_off_clicker_keys(
    bindings: Mapping[PrompterAction, tuple[str, ...]],
) -> tuple[dict[PrompterAction, tuple[str, ...]], tuple[MovedBinding, ...]]:
    """Bindings (say, saved by an older version) with every guarded action taken off clicker keys.

    An action left with no key gets its safe default back, unless another action holds that key.
    """
    taken = {seq for keys in bindings.values() for seq in keys}
    result = dict(bindings)
    moved: list[MovedBinding] = []
    for action, keys in bindings.items():
        removed = refused_keys(action, keys)
        if not removed:
            continue
        kept = tuple(s for s in keys if s not in removed)
        if not kept:
            kept = tuple(s for s in DEFAULT_BINDINGS.get(action, ()) if s not in taken)
            taken.update(kept)
        result[action] = kept
        moved.append(MovedBinding(action, removed, kept))
    return result, tuple(moved)
