"""What only the Qt widgets keep: window geometry, dock state and the last area, in QSettings.

Everything else a person chooses (language, workspace, prompter preferences) lives in the Qt-free
``studio_app.settings``, so commands never load Qt to read it.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "StudioConsole"
APPLICATION = "studio-app"

GEOMETRY = "window/geometry"
STATE = "window/state"
CURRENT_AREA = "window/area"


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)
