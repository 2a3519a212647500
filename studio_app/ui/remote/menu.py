"""The main window's menu entry for the phone remote (light: the server loads when the dialog opens)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction


def remote_menu_action(parent: QObject, open_remote: Callable[[], None]) -> QAction:
    action = QAction(QCoreApplication.translate("RemoteMenu", "Phone remote…"), parent)
    action.setToolTip(
        QCoreApplication.translate(
            "RemoteMenu", "Drive the prompter from a phone and follow it on a tablet, over the studio network"
        )
    )
    action.triggered.connect(open_remote)
    return action
