"""What only the Qt widgets keep: window geometry, dock state and the last area, in QSettings.

Everything else a person chooses (language, workspace, prompter preferences) lives in the Qt-free
``studio_app.settings``, so commands never load Qt to read it.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from studio_app import settings

ORGANIZATION = "StudioConsole"
APPLICATION = "studio-app"

GEOMETRY = "window/geometry"
STATE = "window/state"
CURRENT_AREA = "window/area"


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


# What the first release kept here and now lives in the settings file: QSettings key -> (section, key).
_MOVED = {
    "ui/language": ("ui", "language"),
    "workspace/path": ("workspace", "path"),
    "prompter/font_px": ("prompter", "font_px"),
    "prompter/mirror_horizontal": ("prompter", "mirror_horizontal"),
    "prompter/mirror_vertical": ("prompter", "mirror_vertical"),
}
_OLD_KEYMAP_GROUP = "prompter/keys"
_KEYMAP_SECTION = "prompter.keys"


def carry_over_old_settings(store: QSettings | None = None) -> None:
    """Move a studio's earlier choices (language, workspace, prompter look and keys) into the settings
    file once, so an update does not reset them; a choice already in the file wins."""
    store = store or app_settings()
    for old_key, (name, key) in _MOVED.items():
        if store.contains(old_key):
            if not settings.value(name, key):
                text = str(store.value(old_key))
                settings.save_section(name, {key: text.lower() if text in ("True", "False") else text})
            store.remove(old_key)
    store.beginGroup(_OLD_KEYMAP_GROUP)
    bindings = {action: store.value(action) for action in store.childKeys()}
    store.endGroup()
    if bindings:
        if not settings.section(_KEYMAP_SECTION):
            settings.save_section(
                _KEYMAP_SECTION,
                {
                    action: json.dumps([sequences] if isinstance(sequences, str) else list(sequences or []))
                    for action, sequences in bindings.items()
                },
            )
        store.remove(_OLD_KEYMAP_GROUP)
    store.sync()
