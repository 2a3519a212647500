"""The one settings mechanism for the desktop: QSettings, with the keys named here."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "StudioConsole"
APPLICATION = "studio-app"

LANGUAGE = "ui/language"  # "auto", "zh_CN" or "en"
GEOMETRY = "window/geometry"
STATE = "window/state"
CURRENT_AREA = "window/area"
WORKSPACE = "workspace/path"


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def saved_language() -> str | None:
    value = str(app_settings().value(LANGUAGE, "auto"))
    return None if value == "auto" else value
