"""Builds the QApplication and the main window: the GUI entry point."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from studio_app import settings
from studio_app.context import AppContext
from studio_app.logs import setup_logging
from studio_app.store.backups import BackupPolicy, list_backups, restore_backup
from studio_app.store.errors import StoreError
from studio_app.ui.main_window import MainWindow
from studio_app.ui.settings import APPLICATION, ORGANIZATION, carry_over_old_settings
from studio_app.ui.theme import apply_theme
from studio_app.ui.translations import install_translator
from studio_app.ui.workers import wait_for_workers
from studio_app.workspace import Workspace

log = logging.getLogger(__name__)

_PROCESS_START = time.perf_counter()


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Studio Console")
    return app


def install_excepthook(log_file: Path) -> None:
    """An unhandled error is logged and shown with the log's path, not lost in a terminal."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.critical("unhandled exception", exc_info=(kind, value, tb))
        if QApplication.instance() is None:
            traceback.print_exception(kind, value, tb)
            return
        box = QMessageBox()
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QApplication.translate("App", "Something went wrong"))
        box.setText(
            QApplication.translate(
                "App", "Studio Console hit an unexpected error. Your data is saved. Details are in the log:"
            )
            + f"\n{log_file}"
        )
        box.setDetailedText("".join(traceback.format_exception(kind, value, tb)))
        box.exec()

    sys.excepthook = hook


def open_context_interactively(workspace: Workspace, parent: QWidget | None = None) -> AppContext | None:
    """Open the workspace; on a damaged or locked database offer a way out instead of a traceback."""
    while True:
        try:
            return AppContext.open(workspace, backup_policy=BackupPolicy())
        except StoreError as exc:
            log.error("cannot open workspace %s: %s", workspace.root, exc)
            box = QMessageBox(parent)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(QApplication.translate("App", "Cannot open the workspace"))
            box.setText(str(exc))
            backups = list_backups(workspace.backups_dir, workspace.db_path.stem)
            restore = None
            if backups:
                restore = box.addButton(
                    QApplication.translate("App", "Restore latest backup"), QMessageBox.ButtonRole.AcceptRole
                )
            other = box.addButton(
                QApplication.translate("App", "Open another workspace…"), QMessageBox.ButtonRole.ActionRole
            )
            box.addButton(QApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            clicked = box.clickedButton()
            if restore is not None and clicked is restore:
                restore_backup(backups[0], workspace.db_path)
            elif clicked is other:
                folder = QFileDialog.getExistingDirectory(
                    parent, QApplication.translate("App", "Choose a workspace folder")
                )
                if not folder:
                    return None
                workspace = Workspace(Path(folder))
            else:
                return None


def run_gui(args: argparse.Namespace) -> int:
    app = create_application()
    carry_over_old_settings()
    workspace = settings.resolve_workspace(getattr(args, "workspace", None)).ensure()
    setup_logging(workspace.log_file, console=getattr(args, "verbose", False))
    install_excepthook(workspace.log_file)
    language = install_translator(app, getattr(args, "lang", None) or settings.saved_language())
    apply_theme(app)
    log.info("starting Studio Console in %s (language %s)", workspace.root, language)

    context = open_context_interactively(workspace)
    if context is None:
        return 1
    window = MainWindow(context)
    if getattr(args, "tab", None):
        window.show_area(args.tab)
    window.show()
    if getattr(args, "remote", False):
        from studio_app.remote.endpoint import load_settings

        saved = load_settings()
        window.remote_control().start(saved.host, getattr(args, "remote_port", None) or saved.port)

    def shown() -> None:
        # Start-up is over (see cli._run_gui): what it made stays, so the collector may skip it for good.
        gc.freeze()
        gc.enable()
        # Wall time, so a benchmark can subtract the moment it started the process.
        log.info(
            "main window shown at %.3f (%.0f ms after imports began)",
            time.time(),
            (time.perf_counter() - _PROCESS_START) * 1000,
        )
        if getattr(args, "screenshot", None):
            window.grab().save(args.screenshot)
        if getattr(args, "quit_after", None) is not None:
            QTimer.singleShot(int(args.quit_after * 1000), window.close)

    QTimer.singleShot(0, shown)
    code = app.exec()
    wait_for_workers()
    context.close()
    return int(code)
