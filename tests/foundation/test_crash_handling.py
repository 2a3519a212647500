from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from studio_app.app import install_excepthook
from studio_app.logs import setup_logging
from studio_app.workspace import Workspace


def test_unhandled_error_is_logged_and_shown_with_the_log_path(qtbot: QtBot, workspace: Workspace) -> None:
    setup_logging(workspace.log_file)
    install_excepthook(workspace.log_file)
    shown: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    try:
        raise ValueError("camera thread exploded")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
    for handler in logging.getLogger().handlers:
        handler.flush()

    assert shown and str(workspace.log_file) in shown[0]
    log_text = workspace.log_file.read_text(encoding="utf-8")
    assert "unhandled exception" in log_text
    assert "ValueError: camera thread exploded" in log_text
    assert (workspace.logs_dir / "crash-stacks.log").exists()
