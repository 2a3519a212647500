from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from studio_app import settings
from studio_app.app import open_context_interactively
from studio_app.context import AppContext
from studio_app.store.backups import backup_database
from studio_app.store.models import Show
from studio_app.ui.main_window import AREAS, MainWindow
from studio_app.ui.settings_dialog import SettingsDialog
from studio_app.ui.translations import install_translator
from studio_app.workspace import Workspace


@pytest.fixture
def window(qtbot: QtBot, app_context: AppContext) -> MainWindow:
    win = MainWindow(app_context)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_main_window_has_the_four_areas_in_order(window: MainWindow) -> None:
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == ["Device check", "Script runner", "Live room", "Data"]
    assert window.area_keys() == ["checks", "script", "liveroom", "data"]


def test_switching_areas_builds_each_panel_once(window: MainWindow, qtbot: QtBot) -> None:
    # The window opens on the device check, so visit the others first to change area every time.
    for area in reversed(AREAS):
        with qtbot.waitSignal(window.area_changed) as blocker:
            window.show_area(area.key)
        assert blocker.args == [area.key]
        panel = window.panel(area.key)
        assert window.stack.currentWidget() is panel
        assert type(panel).__name__ == area.widget_class
        window.show_area(area.key)
        assert window.panel(area.key) is panel


def test_window_size_and_area_are_remembered(qtbot: QtBot, app_context: AppContext) -> None:
    first = MainWindow(app_context)
    qtbot.addWidget(first)
    first.show()
    first.resize(1300, 820)
    first.show_area("data")
    first.save_layout()
    first.close()

    second = MainWindow(app_context)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (1300, 820)
    assert second.stack.currentIndex() == second.area_keys().index("data")


def test_chinese_translation_names_the_areas_in_chinese(qtbot: QtBot, app_context: AppContext) -> None:
    app = QApplication.instance()
    assert install_translator(app, "zh_CN") == "zh_CN"
    try:
        win = MainWindow(app_context)
        qtbot.addWidget(win)
        titles = [win.navigation.item(i).text() for i in range(win.navigation.count())]
        assert titles == ["设备检查", "提词", "直播间", "数据"]
        assert win.menuBar().actions()[0].text() == "文件(&F)"
    finally:
        install_translator(app, "en")


def test_settings_dialog_saves_the_language(qtbot: QtBot, app_context: AppContext) -> None:
    dialog = SettingsDialog(app_context)
    qtbot.addWidget(dialog)
    combo = dialog.findChild(QComboBox)
    assert combo is not None
    combo.setCurrentIndex(combo.findData("zh_CN"))
    dialog.accept()
    assert settings.saved_language() == "zh_CN"


def _click_when_modal(qtbot: QtBot, label: str) -> None:
    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, press)
            return
        for button in box.findChildren(QPushButton):
            if button.text() == label:
                button.click()
                return
        raise AssertionError(f"no button {label!r} in {[b.text() for b in box.findChildren(QPushButton)]}")

    QTimer.singleShot(0, press)


def test_damaged_database_offers_the_latest_backup(qtbot: QtBot, tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws").ensure()
    context = AppContext.open(workspace, seed_demo=False)
    with context.db.session() as s:
        s.add(Show(title="昨晚的直播"))
    context.close()
    assert backup_database(workspace.db_path, workspace.backups_dir) is not None
    workspace.db_path.write_bytes(b"corrupted!" * 1000)

    _click_when_modal(qtbot, "Restore latest backup")
    restored = open_context_interactively(workspace)
    assert restored is not None
    with restored.db.session() as s:
        assert "昨晚的直播" in [show.title for show in s.query(Show)]
    restored.close()


def test_damaged_database_without_backup_lets_the_user_quit(qtbot: QtBot, tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws").ensure()
    workspace.db_path.write_bytes(b"corrupted!" * 1000)
    _click_when_modal(qtbot, "Quit")
    assert open_context_interactively(workspace) is None
    assert workspace.db_path.read_bytes().startswith(b"corrupted!")


def test_qt_own_dialog_buttons_are_chinese_too(qtbot: QtBot) -> None:
    app = QApplication.instance()
    install_translator(app, "zh_CN")
    try:
        box = QMessageBox(QMessageBox.Icon.Question, "t", "t", QMessageBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert box.button(QMessageBox.StandardButton.Cancel).text() == "取消"
    finally:
        install_translator(app, "en")


def test_first_run_takes_nine_tenths_of_the_screen_centred(qtbot: QtBot, app_context: AppContext) -> None:
    win = MainWindow(app_context)
    qtbot.addWidget(win)
    win.show()
    screen = win.screen().availableGeometry()
    assert abs(win.width() - screen.width() * 0.9) <= 2
    assert abs(win.height() - screen.height() * 0.9) <= 2
    centre = win.geometry().center()
    assert abs(centre.x() - screen.center().x()) <= 2
    assert abs(centre.y() - screen.center().y()) <= 2
