"""The one settings mechanism, without Qt: an INI file in the user's config folder.

Commands read the language and the workspace from here without loading Qt; the desktop writes them here
too. Only what is purely about Qt widgets (window geometry and dock state, as opaque QByteArray blobs)
stays in QSettings, in ``ui/settings.py``.

The file is small and written whole, through a temporary file and a rename, so a crash mid-write leaves the
previous settings, never half of them.
"""

from __future__ import annotations

import configparser
import os
import threading
from pathlib import Path

import platformdirs

from studio_app.workspace import APP_NAME, ENV_VAR, Workspace

FILE_NAME = "settings.ini"
LANGUAGES = ("auto", "zh_CN", "en")

_lock = threading.Lock()


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=True)) / FILE_NAME


def _read(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        # A hand-edited file that no longer parses: start from defaults rather than refuse to start.
        parser = configparser.ConfigParser(interpolation=None)
        parser.optionxform = str  # type: ignore[assignment,method-assign]
    return parser


def section(name: str) -> dict[str, str]:
    """All keys of one section as text (empty when absent)."""
    parser = _read(settings_path())
    return dict(parser[name]) if parser.has_section(name) else {}


def value(name: str, key: str, default: str = "") -> str:
    return section(name).get(key, default)


def save_section(name: str, values: dict[str, str], replace: bool = False) -> None:
    """Store ``values`` in section ``name`` (merged with what is there unless ``replace``)."""
    path = settings_path()
    with _lock:
        parser = _read(path)
        if replace and parser.has_section(name):
            parser.remove_section(name)
        if not parser.has_section(name):
            parser.add_section(name)
        for key, text in values.items():
            parser[name][key] = text
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as out:
            parser.write(out)
        os.replace(tmp, path)


def saved_language() -> str | None:
    """``zh_CN`` or ``en`` when chosen in settings; None to follow the system."""
    chosen = value("ui", "language", "auto")
    return chosen if chosen in LANGUAGES and chosen != "auto" else None


def save_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    save_section("ui", {"language": language})


def saved_workspace() -> str:
    return value("workspace", "path", "")


def save_workspace(path: str) -> None:
    save_section("workspace", {"path": path})


def resolve_workspace(explicit: str | None) -> Workspace:
    """``--workspace`` and ``STUDIO_APP_WORKSPACE`` win over the folder chosen in settings."""
    if explicit or os.environ.get(ENV_VAR):
        return Workspace.resolve(explicit)
    return Workspace.resolve(saved_workspace() or None)


def read_bool(text: str | None, default: bool) -> bool:
    if text is None or text == "":
        return default
    return text.strip().lower() in ("1", "true", "yes", "on")


def read_int(text: str | None, default: int, low: int, high: int) -> int:
    try:
        number = int(str(text))
    except (TypeError, ValueError):
        return default
    return max(low, min(high, number))
