"""The live room's name and hint in the main window's area list (kept here, with the area's translations)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def area_title() -> str:
    return QCoreApplication.translate("LiveRoomArea", "Live room")


def area_hint() -> str:
    return QCoreApplication.translate(
        "LiveRoomArea", "Live numbers against the show's own baseline, hot products, questions and stock"
    )
