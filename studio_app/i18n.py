"""Translation hook for code that must not import Qt.

Domain code calls :func:`translate` with an English source text. The UI (or the CLI) installs Qt's
translator through :func:`install`, so the same ``.ts``/``.qm`` files serve widgets and domain messages.
Format placeholders *after* translating: ``translate("Ctx", "{n} dropped frames").format(n=3)``.
"""

from __future__ import annotations

from collections.abc import Callable

_backend: Callable[[str, str], str] | None = None


def translate(context: str, text: str) -> str:
    if _backend is None:
        return text
    return _backend(context, text) or text


def install(backend: Callable[[str, str], str] | None) -> None:
    global _backend
    _backend = backend
