"""The host's clicker on real windows: safe keys, keys from any window, old bindings, the key test."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from onair_fixtures import onair_script
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from studio_app import settings
from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.promo.session import OnAirSession, SessionPhase
from studio_app.script.model import RunLogEvent, RunLogKind
from studio_app.ui.main_window import MainWindow
from studio_app.ui.prompter.controller import OnAirController
from studio_app.ui.prompter.key_test import KeyTestDialog
from studio_app.ui.prompter.keys import SETTINGS_SECTION, KeyMap, PrompterAction
from studio_app.ui.prompter.keys_dialog import KeyBindingsDialog
from studio_app.ui.prompter.window import PrompterWindow
from studio_app.ui.script_panel import ScriptPanel

# What presentation clickers and foot pedals send: (key, modifiers).
CLICKER_PRESSES = [
    (Qt.Key.Key_PageUp, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Up, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_B, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Period, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
]
RECORD_KINDS = {RunLogKind.EMERGENCY, RunLogKind.CORRECTION, RunLogKind.PROMO_DONE, RunLogKind.PROMO_SKIPPED}


@pytest.fixture
def logged() -> list[RunLogEvent]:
    return []


@pytest.fixture
def controller(fake_clock: FakeClock, logged: list[RunLogEvent]) -> Iterator[OnAirController]:
    session = OnAirSession(fake_clock, onair_script(paragraphs=4), "show-1", log=logged.append)
    ctl = OnAirController(session)
    yield ctl
    ctl.shutdown()


def _open_prompter(qtbot: QtBot, controller: OnAirController, keymap: KeyMap | None = None) -> PrompterWindow:
    window = PrompterWindow(controller, keymap=keymap)
    qtbot.addWidget(window)
    window.show_on(None, full_screen=False)
    qtbot.waitExposed(window)
    return window


def test_no_clicker_key_shows_an_emergency_or_writes_the_record(
    qtbot: QtBot, controller: OnAirController, logged: list[RunLogEvent]
) -> None:
    window = _open_prompter(qtbot, controller, KeyMap.load())
    controller.start_show()
    emergencies: list[object] = []
    controller.emergency_shown.connect(emergencies.append)
    for key, modifiers in CLICKER_PRESSES * 2:
        qtbot.keyClick(window.view, key, modifiers)
    assert emergencies == [] and controller.emergency is None
    assert not RECORD_KINDS & {event.kind for event in logged}
    qtbot.keyClick(window.view, Qt.Key.Key_F2, Qt.KeyboardModifier.ControlModifier)
    assert controller.emergency is not None  # the safe default still brings it up


def test_old_bindings_with_an_emergency_on_f5_are_moved_on_load(
    qtbot: QtBot, controller: OnAirController
) -> None:
    settings.save_section(
        SETTINGS_SECTION,
        {
            PrompterAction.EMERGENCY_5.value: json.dumps(["F5"]),
            PrompterAction.EMERGENCY_1.value: json.dumps(["F1"]),
            PrompterAction.FASTER.value: json.dumps(["W"]),
        },
    )
    keymap = KeyMap.load()
    assert keymap.sequences(PrompterAction.EMERGENCY_5) == ("Ctrl+F5",)
    assert keymap.sequences(PrompterAction.EMERGENCY_1) == ("F1",)  # not a clicker key: left alone
    assert keymap.sequences(PrompterAction.FASTER) == ("W",)
    assert json.loads(settings.section(SETTINGS_SECTION)[PrompterAction.EMERGENCY_5.value]) == ["Ctrl+F5"]
    window = _open_prompter(qtbot, controller, keymap)
    controller.start_show()
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    assert controller.emergency is None


@pytest.fixture
def main_window(qtbot: QtBot, app_context: AppContext) -> Iterator[MainWindow]:
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    panel = window.panel("script")
    assert isinstance(panel, ScriptPanel)
    panel.shutdown()


def test_the_prompter_follows_keys_pressed_in_the_main_window_but_not_in_a_text_field(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    main_window.show_area("script")
    panel = main_window.panel("script")
    assert isinstance(panel, ScriptPanel)
    qtbot.waitUntil(lambda: panel.controller is not None, timeout=10000)
    controller = panel.controller
    assert controller is not None
    panel.toggle_prompter()
    assert panel.prompter is not None and panel.prompter.isVisible()
    controller.start_show()
    assert controller.session.phase is SessionPhase.ON_AIR
    # The operator clicks in the main window: the host's clicker keeps paging.
    main_window.activateWindow()
    main_window.navigation.setFocus()
    qtbot.keyClick(main_window.navigation, Qt.Key.Key_PageDown)
    assert controller.session.segment_index == 1
    assert main_window.stack.currentWidget() is panel  # the area list did not take the key
    # Typing a cue: the same key is the line edit's, not the prompter's.
    cue_edit: QLineEdit = panel.cue_edit
    cue_edit.setFocus()
    qtbot.waitUntil(cue_edit.hasFocus)
    qtbot.keyClick(cue_edit, Qt.Key.Key_PageDown)
    qtbot.keyClick(cue_edit, Qt.Key.Key_B)
    assert controller.session.segment_index == 1
    assert not controller.blank and cue_edit.text() == "b"
    # The prompter closed: keys in the main window are the main window's again.
    panel.prompter.close()
    main_window.navigation.setFocus()
    qtbot.keyClick(main_window.navigation, Qt.Key.Key_PageDown)
    assert controller.session.segment_index == 1


def test_the_key_test_screen_names_the_action_without_doing_it(
    qtbot: QtBot, controller: OnAirController
) -> None:
    prompter = _open_prompter(qtbot, controller)
    assert prompter.key_router.installed  # the prompter is open: its keys are live app-wide
    controller.start_show()
    dialog = KeyTestDialog(KeyMap())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_PageDown)
    assert dialog.action_label.text() == "Does: Next segment"
    assert dialog.key_label.text() == "PgDown"
    qtbot.keyClick(dialog, Qt.Key.Key_F2, Qt.KeyboardModifier.ControlModifier)
    assert dialog.action_label.text() == "Does: Emergency script 2"
    qtbot.keyClick(dialog, Qt.Key.Key_F5)
    assert dialog.action_label.text() == "Does: nothing"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # a clicker's Esc is tested, not closing the screen
    assert dialog.isVisible() and dialog.action_label.text() == "Does: Dismiss cue or emergency text"
    assert dialog.history.count() == 4
    assert controller.session.segment_index == 0 and controller.emergency is None


def test_the_key_dialog_refuses_an_emergency_on_a_clicker_key(qtbot: QtBot) -> None:
    keymap = KeyMap()
    dialog = KeyBindingsDialog(keymap)
    qtbot.addWidget(dialog)
    first, _second = dialog.edits[PrompterAction.EMERGENCY_5]
    assert first.keySequence().toString() == "Ctrl+F5"
    first.setKeySequence(QKeySequence("F5"))
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "F5" in dialog.refusal.text()
    assert keymap.sequences(PrompterAction.EMERGENCY_5) == ("Ctrl+F5",)


def test_the_key_test_opens_from_the_key_dialog_with_the_keys_not_yet_saved(qtbot: QtBot) -> None:
    dialog = KeyBindingsDialog(KeyMap())
    qtbot.addWidget(dialog)
    dialog.show()
    first, _second = dialog.edits[PrompterAction.FASTER]
    first.setKeySequence(QKeySequence("W"))
    seen: list[str] = []

    def try_a_key() -> None:
        tester = QApplication.activeModalWidget()
        assert isinstance(tester, KeyTestDialog)
        qtbot.keyClick(tester, Qt.Key.Key_W)
        seen.append(tester.action_label.text())
        tester.reject()

    QTimer.singleShot(0, try_a_key)
    dialog.test_button.click()
    assert seen == ["Does: Faster (gear up)"]
