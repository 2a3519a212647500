"""The shell: four areas (device check, script runner, live room, data), menus, status bar."""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio_app import __version__
from studio_app.context import AppContext
from studio_app.ui import settings
from studio_app.ui.alert_strip import AlertStrip
from studio_app.ui.liveroom import area as liveroom_area
from studio_app.ui.remote.menu import remote_menu_action
from studio_app.ui.showday import ShowDay
from studio_app.ui.sync_status import SyncStatusWidget

if TYPE_CHECKING:
    from studio_app.ui.remote.control import RemoteControl

log = logging.getLogger(__name__)

FIRST_RUN_SHARE = 0.9


@dataclass(frozen=True)
class Area:
    key: str
    module: str
    widget_class: str


AREAS = (
    Area("checks", "studio_app.ui.check_panel", "CheckPanel"),
    Area("script", "studio_app.ui.script_panel", "ScriptPanel"),
    Area("liveroom", "studio_app.ui.liveroom.panel", "LiveRoomPanel"),
    Area("data", "studio_app.ui.data_panel", "DataPanel"),
)


class MainWindow(QMainWindow):
    area_changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Studio Console"))
        self.setMinimumSize(QSize(1024, 680))
        self._panels: dict[str, QWidget] = {}
        self._slots: list[QWidget] = []
        self.showday = ShowDay(self.panel, self)
        self.remote: RemoteControl | None = None  # built when first switched on (it loads the web server)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(168)
        self.navigation.setIconSize(QSize(22, 22))
        self.stack = QStackedWidget()
        for area in AREAS:
            item = QListWidgetItem(self._area_title(area.key))
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            item.setToolTip(self._area_hint(area.key))
            item.setSizeHint(QSize(150, 54))
            self.navigation.addItem(item)
            # Panels are built when first shown: the window appears before cameras and charts load.
            self._slots.append(QWidget())
            self.stack.addWidget(self._slots[-1])
        self.navigation.currentRowChanged.connect(self._show_area)

        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        # Above every area: an alert raised on air must be seen from whichever tab is shown.
        self.alert_strip = AlertStrip(context, self)
        column.addWidget(self.alert_strip)
        layout = QHBoxLayout()
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        column.addLayout(layout, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_status_bar()
        self._restore_layout()

    # -- areas -------------------------------------------------------------------------------------
    def _area_title(self, key: str) -> str:
        return {
            "checks": self.tr("Device check"),
            "script": self.tr("Script runner"),
            "data": self.tr("Data"),
            "liveroom": liveroom_area.area_title(),
        }[key]

    def _area_hint(self, key: str) -> str:
        return {
            "checks": self.tr("Pre-stream checks of camera, microphone, lighting and network"),
            "script": self.tr("Rundown, teleprompter, product cards and the promo clock"),
            "data": self.tr("Live numbers, review metrics and sync with the head office"),
            "liveroom": liveroom_area.area_hint(),
        }[key]

    def area_keys(self) -> list[str]:
        return [area.key for area in AREAS]

    def show_area(self, key: str) -> None:
        self.navigation.setCurrentRow(self.area_keys().index(key))

    def panel(self, key: str) -> QWidget:
        """The area's panel, built on first use."""
        if key not in self._panels:
            index = self.area_keys().index(key)
            area = AREAS[index]
            panel = self._create_panel(area)
            empty_slot = self._slots[index]
            self.stack.insertWidget(index, panel)
            self.stack.removeWidget(empty_slot)
            empty_slot.deleteLater()
            self._panels[key] = panel
            self.showday.attach(key, panel)
            if self.remote is not None:
                self.remote.attach(key, panel)
        return self._panels[key]

    def _create_panel(self, area: Area) -> QWidget:
        # Imported on first use: each panel pulls in heavy modules (OpenCV, pyqtgraph) the start can skip.
        panel_class = getattr(importlib.import_module(area.module), area.widget_class)
        panel: QWidget = panel_class(self.context, self)
        return panel

    def _show_area(self, row: int) -> None:
        if row < 0:
            return
        key = self.area_keys()[row]
        self.panel(key)
        self.stack.setCurrentIndex(row)
        self.area_changed.emit(key)

    # -- menus and status ----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        open_folder = QAction(self.tr("Open workspace folder"), self)
        open_folder.triggered.connect(lambda: self._open_folder(self.context.workspace.root))
        reports = QAction(self.tr("Open reports folder"), self)
        reports.triggered.connect(lambda: self._open_folder(self.context.workspace.reports_dir))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (open_folder, reports):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for number, area in enumerate(AREAS, start=1):
            action = QAction(self._area_title(area.key), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, key=area.key: self.show_area(key))
            view_menu.addAction(action)
        view_menu.addSeparator()
        fullscreen = QAction(self.tr("Full screen"), self)
        fullscreen.setShortcut(QKeySequence.StandardKey.FullScreen)
        fullscreen.triggered.connect(self._toggle_fullscreen)
        view_menu.addAction(fullscreen)

        tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        self.settings_action = QAction(self.tr("Settings…"), self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        tools_menu.addAction(self.settings_action)
        self.remote_action = remote_menu_action(self, self.open_remote)
        tools_menu.addAction(self.remote_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        logs = QAction(self.tr("Open log folder"), self)
        logs.triggered.connect(lambda: self._open_folder(self.context.workspace.logs_dir))
        about = QAction(self.tr("About Studio Console"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(logs)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.workspace_label = QLabel(self.tr("Workspace: {path}").format(path=self.context.workspace.root))
        bar.addWidget(self.workspace_label, 1)
        self.sync_status = SyncStatusWidget(self.context, self)
        bar.addPermanentWidget(self.sync_status)
        bar.addPermanentWidget(QLabel(f"v{__version__}"))

    def open_settings(self) -> None:
        # Imported when asked for: the dialog brings the sync server form, which the first screen can skip.
        from studio_app.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.context, self).exec()

    def remote_control(self) -> RemoteControl:
        if self.remote is None:
            from studio_app.ui.remote.control import RemoteControl

            self.remote = RemoteControl(self.context, lambda: self.panel("script"), self)
            if "script" in self._panels:
                self.remote.attach("script", self._panels["script"])
        return self.remote

    def open_remote(self) -> None:
        from studio_app.ui.remote.dialog import RemoteDialog

        RemoteDialog(self.remote_control(), self).exec()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Studio Console"),
            self.tr(
                "Studio Console {version}\nPre-stream device checks, teleprompter and show review "
                "for live-commerce studios.\nWorkspace: {path}"
            ).format(version=__version__, path=self.context.workspace.root),
        )

    def _open_folder(self, folder: object) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _toggle_fullscreen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    # -- layout memory -------------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        store = settings.app_settings()
        geometry = store.value(settings.GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._first_run_geometry()
        state = store.value(settings.STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        area = str(store.value(settings.CURRENT_AREA, "checks"))
        self.show_area(area if area in self.area_keys() else "checks")

    def _first_run_geometry(self) -> None:
        """Nine tenths of the screen, centred: placed by hand because without a window manager (a kiosk
        PC, Xvfb) nobody else centres the window, and Qt's default is a small window in the corner."""
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        width = max(self.minimumWidth(), round(screen.width() * FIRST_RUN_SHARE))
        height = max(self.minimumHeight(), round(screen.height() * FIRST_RUN_SHARE))
        self.setGeometry(
            screen.x() + (screen.width() - width) // 2,
            screen.y() + (screen.height() - height) // 2,
            width,
            height,
        )

    def save_layout(self) -> None:
        store = settings.app_settings()
        store.setValue(settings.GEOMETRY, self.saveGeometry())
        store.setValue(settings.STATE, self.saveState())
        row = self.navigation.currentRow()
        if row >= 0:
            store.setValue(settings.CURRENT_AREA, self.area_keys()[row])
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        if self.remote is not None:
            self.remote.stop()
        for panel in self._panels.values():
            shutdown = getattr(panel, "shutdown", None)
            if callable(shutdown):
                shutdown()
        super().closeEvent(event)
