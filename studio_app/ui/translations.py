"""Loads the compiled Qt translations and connects them to widgets and to domain code."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from studio_app import i18n
from studio_app.paths import resource_path

log = logging.getLogger(__name__)

SUPPORTED = ("zh_CN", "en")
AREAS = ("app", "checks", "script", "liveroom", "showday", "data", "remote")

# Kept alive here: Qt holds only a pointer to an installed translator.
_installed: list[QTranslator] = []


def system_language() -> str:
    """Chinese when the system locale is Chinese (any region), English otherwise."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def _qm_files(lang: str) -> list[Path]:
    folder = resource_path("i18n")
    # Qt's own strings (OK, Cancel, the file dialog) come with PySide6; without them dialogs stay English.
    qt_own = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{lang}.qm"
    files = [qt_own] if qt_own.exists() else []
    for area in AREAS:
        qm = folder / f"{area}_{lang}.qm"
        ts = folder / f"{area}_{lang}.ts"
        if ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
            _compile(ts, qm)
        if qm.exists():
            files.append(qm)
    return files


def _compile(ts: Path, qm: Path) -> None:
    """From a source checkout the .qm files are built on first start (the bundle ships them built)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        log.warning("cannot build %s: pyside6-lrelease not found", qm.name)
        return
    try:
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("cannot build %s: %s", qm.name, exc)


def install_translator(app: QCoreApplication | None, lang: str | None) -> str:
    """Install translations for ``lang`` (None: follow the system) and return the language in use."""
    lang = lang if lang in SUPPORTED else system_language()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    if lang != "en":
        for qm in _qm_files(lang):
            translator = QTranslator()
            if translator.load(str(qm)):
                _installed.append(translator)
                if app is not None:
                    app.installTranslator(translator)
            else:
                log.warning("could not load translation %s", qm)
    translators = list(_installed)

    def backend(context: str, text: str) -> str:
        for translator in translators:
            found = translator.translate(context, text)
            if found:
                return found
        return text

    i18n.install(backend if translators else None)
    if lang == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return lang
