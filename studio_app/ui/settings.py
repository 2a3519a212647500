"""The one settings mechanism for the desktop: QSettings, with the keys named here."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

from studio_app.workspace import ENV_VAR, Workspace

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


def resolve_workspace(explicit: str | None) -> Workspace:
    """``--workspace`` and ``STUDIO_APP_WORKSPACE`` win over the folder chosen in settings."""
    if explicit or os.environ.get(ENV_VAR):
        return Workspace.resolve(explicit)
    saved = str(app_settings().value(WORKSPACE, "") or "")
    return Workspace.resolve(saved or None)
