"""The pre-show gate through the real main window offscreen: going live runs it, an override needs a reason
and is recorded with the show, a clear gate goes straight on, ticks are stored with the name, and a device
check run from its tab is linked to the show chosen in the script runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from gate_fixtures import clear_gate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from studio_app.context import AppContext
from studio_app.probes import repo as checks_repo
from studio_app.probes.profile import StudioProfile
from studio_app.probes.service import CheckService
from studio_app.promo.session import SessionPhase
from studio_app.showday.gate import ItemState
from studio_app.showday.service import GateService
from studio_app.ui.check_panel import CheckPanel
from studio_app.ui.gate.dialog import GateDialog
from studio_app.ui.gate.template_dialog import TemplateDialog
from studio_app.ui.main_window import MainWindow
from studio_app.ui.script_panel import ScriptPanel


def _script_panel(qtbot: QtBot, window: MainWindow) -> tuple[ScriptPanel, str]:
    """The script runner with the demo show open, and that show's id."""
    window.show_area("script")
    script = window.panel("script")
    assert isinstance(script, ScriptPanel)
    qtbot.waitUntil(lambda: script.controller is not None, timeout=10000)
    assert script.controller is not None
    return script, script.controller.session.show_id


def _gate_dialog(qtbot: QtBot, window: MainWindow) -> GateDialog:
    gate = window.showday.gate
    assert gate is not None
    qtbot.waitUntil(lambda: gate.dialog is not None and gate.dialog.status is not None, timeout=5000)
    assert gate.dialog is not None
    return gate.dialog


def _phase(script: ScriptPanel) -> SessionPhase | None:
    return script.controller.session.phase if script.controller is not None else None


def test_going_live_over_a_blocked_gate_is_refused_without_a_reason_and_recorded_with_one(
    qtbot: QtBot, window: MainWindow, app_context: AppContext
) -> None:
    script, show_id = _script_panel(qtbot, window)
    qtbot.mouseClick(script.start_button, Qt.MouseButton.LeftButton)  # 开播
    dialog = _gate_dialog(qtbot, window)
    assert dialog.going_live and dialog.override_box.isVisible() and not dialog.go_button.isEnabled()
    assert "No device check linked" in dialog.blockers_label.text()

    dialog.name_edit.setText("场控 阿杰")
    with qtbot.waitSignal(dialog.failed, timeout=5000) as refused:
        qtbot.mouseClick(dialog.override_button, Qt.MouseButton.LeftButton)
    assert "reason" in str(refused.args[0]) and "reason" in dialog.message.text()
    assert _phase(script) is SessionPhase.READY
    assert GateService(app_context).status(show_id).overrides == ()

    dialog.reason_edit.setPlainText("设备已人工确认，平台活动准时开始")
    qtbot.mouseClick(dialog.override_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _phase(script) is SessionPhase.ON_AIR, timeout=5000)
    (override,) = GateService(app_context).status(show_id).overrides
    assert (override.reason, override.by) == ("设备已人工确认，平台活动准时开始", "场控 阿杰")
    assert any("Device check" in line for line in override.blockers)


def test_a_clear_gate_goes_straight_on_air(qtbot: QtBot, window: MainWindow, app_context: AppContext) -> None:
    script, show_id = _script_panel(qtbot, window)
    clear_gate(app_context, show_id, ItemState.NOT_APPLICABLE)

    script.start_button.click()
    qtbot.waitUntil(lambda: _phase(script) is SessionPhase.ON_AIR, timeout=5000)
    assert window.showday.gate is not None and window.showday.gate.dialog is None  # nothing asked
    assert GateService(app_context).status(show_id).overrides == ()


def test_ticks_in_the_gate_opened_before_the_show_are_stored_with_the_name(
    qtbot: QtBot, window: MainWindow, app_context: AppContext
) -> None:
    script, show_id = _script_panel(qtbot, window)
    gate = window.showday.gate
    assert gate is not None
    qtbot.mouseClick(gate.button, Qt.MouseButton.LeftButton)
    dialog = _gate_dialog(qtbot, window)
    assert not dialog.going_live and not dialog.go_button.isVisible() and not dialog.override_box.isVisible()

    dialog.name_edit.setText("")
    item_id, combo = next(iter(dialog.item_combos.items()))
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        combo.setCurrentIndex(combo.findData(ItemState.DONE.value))  # nobody named: refused, read back
    qtbot.waitUntil(lambda: dialog.item_combos[item_id].currentData() == ItemState.OPEN.value, timeout=5000)

    dialog.name_edit.setText("运营 小王")
    combo = dialog.item_combos[item_id]  # the rows are built again on every read
    with qtbot.waitSignal(dialog.refreshed, timeout=5000):
        combo.setCurrentIndex(combo.findData(ItemState.DONE.value))
    with qtbot.waitSignal(dialog.refreshed, timeout=5000):
        dialog.price_boxes[1].setChecked(True)
    status = GateService(app_context).status(show_id)
    assert (status.items[0].state, status.items[0].by) == (ItemState.DONE, "运营 小王")
    assert status.prices[0].confirmed_by == "运营 小王"
    assert not dialog.price_boxes[1].isEnabled()  # confirmed: not taken back by a stray click
    assert _phase(script) is SessionPhase.READY  # preparing is not going live


def test_a_check_from_the_device_tab_is_linked_to_the_show_chosen_in_the_script_runner(
    qtbot: QtBot, window: MainWindow, app_context: AppContext, tmp_path: Path
) -> None:
    unplugged = StudioProfile(name="B 间", camera_source=str(tmp_path / "no.avi"))
    app_context.writer.run(lambda s: checks_repo.save_profile(s, unplugged, make_default=True))
    _, show_id = _script_panel(qtbot, window)
    window.show_area("checks")
    checks = window.panel("checks")
    assert isinstance(checks, CheckPanel)
    qtbot.waitUntil(lambda: checks.profile_combo.findText(unplugged.name) >= 0, timeout=5000)
    checks.profile_combo.setCurrentIndex(checks.profile_combo.findText(unplugged.name))
    qtbot.waitUntil(lambda: checks.profile.name == unplugged.name, timeout=5000)
    checks.set_selection({"camera"})
    with qtbot.waitSignal(checks.check_finished, timeout=15000):
        qtbot.mouseClick(checks.run_button, Qt.MouseButton.LeftButton)
    (linked,) = CheckService(app_context).show_checks(show_id)
    assert linked.id == checks.last_run_id


def test_the_template_edited_from_the_gate_is_for_the_next_show_not_this_one(
    qtbot: QtBot, window: MainWindow, app_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, show_id = _script_panel(qtbot, window)
    gate = window.showday.gate
    assert gate is not None
    dialog = gate.open_gate()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.status is not None, timeout=5000)
    copied = [item.title for item in GateService(app_context).status(show_id).items]

    def edit(template: TemplateDialog) -> int:
        assert template.titles() == copied  # the studio's template as the show copied it
        template.editor.setPlainText("灯光复位\n\n样品到位\n")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(TemplateDialog, "exec", edit)
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: GateService(app_context).template() == ("灯光复位", "样品到位"), timeout=5000)
    assert [item.title for item in GateService(app_context).status(show_id).items] == copied
