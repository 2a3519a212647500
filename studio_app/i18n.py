"""Translation hook for code that must not import Qt.

Domain code calls :func:`translate` with an English source text. The GUI installs Qt's translator through
:func:`install`; a command installs :func:`install_catalog`, which reads the same Qt Linguist ``.ts`` files
with the standard library, so a headless ``studio-app check`` never loads Qt.
Format placeholders *after* translating: ``translate("Ctx", "{n} dropped frames").format(n=3)``.
"""

from __future__ import annotations

import locale
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable

from studio_app.paths import resource_path

SUPPORTED = ("zh_CN", "en")

_backend: Callable[[str, str], str] | None = None


def translate(context: str, text: str) -> str:
    if _backend is None:
        return text
    return _backend(context, text) or text


def install(backend: Callable[[str, str], str] | None) -> None:
    global _backend
    _backend = backend


def system_language() -> str:
    """Chinese when the system locale is Chinese (any region), English otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        chosen = os.environ.get(var)
        if chosen:
            return "zh_CN" if chosen.lower().startswith("zh") else "en"
    code = locale.getlocale()[0] or ""
    return "zh_CN" if code.lower().startswith(("zh", "chinese")) else "en"


def load_catalog(lang: str) -> dict[tuple[str, str], str]:
    """(context, source) → translation from every ``<area>_<lang>.ts``; unfinished entries are left out."""
    catalog: dict[tuple[str, str], str] = {}
    for ts in sorted(resource_path("i18n").glob(f"*_{lang}.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or not translation.text:
                    continue
                if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                catalog[(name, message.findtext("source") or "")] = translation.text
    return catalog


def install_catalog(lang: str | None) -> str:
    """Commands speak the chosen language (None: the system's); returns the language in use."""
    lang = lang if lang in SUPPORTED else system_language()
    if lang == "en":
        install(None)
        return lang
    catalog = load_catalog(lang)
    install(lambda context, text: catalog.get((context, text), text) if catalog else text)
    return lang
