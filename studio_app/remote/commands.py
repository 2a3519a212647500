"""What a phone, a tablet or a Stream Deck may ask of the prompter, checked before anything moves.

``parse_command`` turns a request body into a :class:`RemoteCommand` or raises :class:`CommandError` with a
message the caller can show; a refused body changes nothing.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass

from studio_app.i18n import translate
from studio_app.promo.session import GEAR_MAX, GEAR_MIN
from studio_app.script.model import EmergencyKind

CUE_MAX_CHARS = 120  # a cue is read at a glance; a paragraph belongs in the script


class RemoteAction(enum.StrEnum):
    PAUSE = "pause"
    RESUME = "resume"
    TOGGLE_PAUSE = "toggle_pause"
    FASTER = "faster"
    SLOWER = "slower"
    GEAR = "gear"  # {"gear": 1..9}
    NEXT_SEGMENT = "next_segment"
    PREVIOUS_SEGMENT = "previous_segment"
    GO_TO_SEGMENT = "go_to_segment"  # {"index": 0-based}
    PROMO_DONE = "promo_done"
    PROMO_SKIPPED = "promo_skipped"
    BLANK = "blank"  # {"on": true/false}; without "on" it toggles
    EMERGENCY = "emergency"  # {"kind": "network_drop", ...}
    DISMISS = "dismiss"  # the emergency text first, then the newest cue
    CUE = "cue"  # {"text": "..."}


@dataclass(frozen=True)
class RemoteCommand:
    action: RemoteAction
    gear: int | None = None
    index: int | None = None
    on: bool | None = None
    kind: EmergencyKind | None = None
    text: str = ""


class CommandError(ValueError):
    """A request the remote refused; the message is for the person who sent it."""


def parse_command(body: bytes | str) -> RemoteCommand:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CommandError(translate("RemoteCommand", "The request is not valid JSON.")) from exc
    if not isinstance(data, dict):
        raise CommandError(
            translate("RemoteCommand", 'The request must be a JSON object like {"action": ...}.')
        )
    name = data.get("action")
    try:
        action = RemoteAction(str(name))
    except ValueError as exc:
        raise CommandError(
            translate("RemoteCommand", "Unknown action {name}. Known actions: {known}.").format(
                name=json.dumps(name, ensure_ascii=False), known=", ".join(a.value for a in RemoteAction)
            )
        ) from exc
    if action is RemoteAction.GEAR:
        return RemoteCommand(action, gear=_int_field(data, "gear", GEAR_MIN, GEAR_MAX))
    if action is RemoteAction.GO_TO_SEGMENT:
        return RemoteCommand(action, index=_int_field(data, "index", 0, 10_000))
    if action is RemoteAction.BLANK:
        on = data.get("on")
        if on is not None and not isinstance(on, bool):
            raise CommandError(translate("RemoteCommand", '"on" must be true or false.'))
        return RemoteCommand(action, on=on)
    if action is RemoteAction.EMERGENCY:
        try:
            kind = EmergencyKind(str(data.get("kind")))
        except ValueError as exc:
            raise CommandError(
                translate("RemoteCommand", 'Unknown emergency "kind". Known kinds: {known}.').format(
                    known=", ".join(k.value for k in EmergencyKind)
                )
            ) from exc
        return RemoteCommand(action, kind=kind)
    if action is RemoteAction.CUE:
        text = data.get("text")
        if not isinstance(text, str) or not text.strip():
            raise CommandError(translate("RemoteCommand", 'A cue needs its "text".'))
        if len(text.strip()) > CUE_MAX_CHARS:
            raise CommandError(
                translate("RemoteCommand", "A cue may have at most {n} characters.").format(n=CUE_MAX_CHARS)
            )
        return RemoteCommand(action, text=text.strip())
    return RemoteCommand(action)


def _int_field(data: dict[str, object], name: str, low: int, high: int) -> int:
    value = data.get(name)
    # bool is an int in Python; true is not a gear.
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise CommandError(
            translate("RemoteCommand", '"{name}" must be a whole number from {low} to {high}.').format(
                name=name, low=low, high=high
            )
        )
    return value
