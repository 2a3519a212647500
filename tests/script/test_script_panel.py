"""The operator's panel on the demo workspace: a keyboard-only show, the run log, restart, the editor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.demo import demo_show
from studio_app.promo.session import SessionPhase
from studio_app.script import repo
from studio_app.script.compliance import sign_review
from studio_app.script.host_keys import PrompterAction
from studio_app.script.model import RunLogKind
from studio_app.ui.script_panel import ScriptPanel


def _open_panel(qtbot: QtBot, context: AppContext) -> ScriptPanel:
    panel = ScriptPanel(context)
    qtbot.addWidget(panel)
    panel.resize(1400, 900)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.controller is not None, timeout=10000)
    return panel


@pytest.fixture
def panel(qtbot: QtBot, app_context: AppContext) -> Iterator[ScriptPanel]:
    widget = _open_panel(qtbot, app_context)
    yield widget
    widget.shutdown()


def _demo_show_id(context: AppContext) -> str:
    with context.db.session() as s:
        show = demo_show(s)
        assert show is not None
        return show.id


def _run_log_kinds(context: AppContext) -> list[RunLogKind]:
    with context.db.session() as s:
        return [e.kind for e in repo.list_run_log(s, _demo_show_id(context))]


def test_the_demo_rundown_and_product_card_are_shown(panel: ScriptPanel) -> None:
    assert panel._script is not None
    assert panel.rundown.rowCount() == len(panel._script.segments) > 5
    assert "chars/min" in panel.rundown_summary.text()
    assert panel.start_button.isEnabled()


def test_a_whole_show_runs_from_the_keyboard(
    qtbot: QtBot, panel: ScriptPanel, app_context: AppContext, fake_clock: FakeClock
) -> None:
    qtbot.keyClick(panel, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # open the prompter
    assert panel.prompter is not None and panel.prompter.isFullScreen()
    prompter = panel.prompter.view
    qtbot.waitExposed(prompter)
    prompter.setFocus()
    qtbot.keyClick(prompter, Qt.Key.Key_Space)  # the host starts the show
    session = panel.controller.session if panel.controller else None
    assert session is not None and session.phase is SessionPhase.ON_AIR
    qtbot.keyClick(prompter, Qt.Key.Key_PageDown)
    assert session.segment_index == 1
    assert panel.rundown.item(1, 0).text().startswith("▶")
    qtbot.keyClick(prompter, Qt.Key.Key_Up)
    # The operator types a cue without touching the mouse.
    panel.activateWindow()
    qtbot.keyClick(panel, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert panel.cue_edit.hasFocus() or QApplication.focusWidget() is panel.cue_edit
    panel.cue_edit.insert("讲3号链接")  # an input method delivers CJK text; QTest cannot type it
    qtbot.keyClick(panel.cue_edit, Qt.Key.Key_Return)
    assert [c.text for c in session.active_cues()] == ["讲3号链接"]
    assert panel.cue_list.count() == 1
    # Fifteen minutes later the promo is due; the operator marks it done.
    fake_clock.advance(15 * 60 + 20)
    panel.controller.tick()  # type: ignore[union-attr]
    assert "due" in panel.promo_label.text().lower()
    qtbot.keyClick(panel, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert session.promo is not None and session.promo.history()[0].phase.value == "done"
    qtbot.keyClick(panel, Qt.Key.Key_F2, Qt.KeyboardModifier.ControlModifier)  # emergency: network drop
    qtbot.keyClick(prompter, Qt.Key.Key_Escape)
    qtbot.keyClick(prompter, Qt.Key.Key_C)  # one-key correction
    writer = panel.writer
    assert writer is not None
    qtbot.waitUntil(writer.is_idle, timeout=10000)
    kinds = _run_log_kinds(app_context)
    for expected in (
        RunLogKind.SHOW_START,
        RunLogKind.SEGMENT_START,
        RunLogKind.SEGMENT_END,
        RunLogKind.SPEED,
        RunLogKind.CUE,
        RunLogKind.PROMO_PRECUE,
        RunLogKind.PROMO_DUE,
        RunLogKind.PROMO_DONE,
        RunLogKind.EMERGENCY,
        RunLogKind.CORRECTION,
    ):
        assert expected in kinds, expected
    with app_context.db.session() as s:
        assert len(repo.list_corrections(s, _demo_show_id(app_context))) == 1
    # Ctrl+P again closes the prompter; the show goes on.
    panel.activateWindow()
    qtbot.keyClick(panel, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert not panel.prompter.isVisible()
    assert panel.prompter_button.text() == "Open prompter"
    assert session.phase is SessionPhase.ON_AIR


def test_the_app_restarting_mid_show_resumes_where_it_was(
    qtbot: QtBot, app_context: AppContext, fake_clock: FakeClock
) -> None:
    first = _open_panel(qtbot, app_context)
    assert first.controller is not None
    first.controller.start_show()
    first.controller.go_to_segment(2)
    first.controller.send_cue("库存剩50")
    first.shutdown()  # the main window closes; what is left is written
    first.close()
    fake_clock.advance(90)

    second = _open_panel(qtbot, app_context)
    try:
        assert second.controller is not None
        session = second.controller.session
        assert session.phase is SessionPhase.ON_AIR
        assert session.segment_index == 2
        assert [c.text for c in session.active_cues()] == ["库存剩50"]
        assert session.elapsed_s() == pytest.approx(90)
        assert "Resumed" in second.status.text()
    finally:
        second.shutdown()


def test_a_bad_script_is_not_saved_and_the_line_is_named(
    qtbot: QtBot, panel: ScriptPanel, app_context: AppContext
) -> None:
    with app_context.db.session() as s:
        before = repo.current_script_row(s, _demo_show_id(app_context))
        assert before is not None
        revision = before.revision
    panel.editor.setPlainText("# 标题\n\n## [不存在的类型] 开场 (5 min)\n大家好\n")
    panel.save_editor()
    assert panel.issues.item(0).text().startswith("Line 3")
    assert "not saved" in panel.status.text()
    with app_context.db.session() as s:
        row = repo.current_script_row(s, _demo_show_id(app_context))
        assert row is not None and row.revision == revision


def test_banned_words_are_flagged_in_the_editor(qtbot: QtBot, panel: ScriptPanel) -> None:
    qtbot.waitUntil(lambda: panel.editor_page.wordlist is not None, timeout=10000)
    panel.editor.setPlainText(panel.editor.toPlainText() + "\n这是全网最低价，错过今天再等一年\n")
    panel.check_editor()
    texts = [panel.issues.item(i).text() for i in range(panel.issues.count())]
    assert any("全网最低" in t for t in texts)


def test_suspicious_prices_need_a_second_confirmation(
    qtbot: QtBot, panel: ScriptPanel, app_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = panel.editor.toPlainText().replace("live_price: 89\n", "live_price: 8.9\n", 1)
    assert "live_price: 8.9" in text
    panel.editor.setPlainText(text)
    asked: list[int] = []

    def decline(flags: list[object]) -> bool:
        asked.append(len(flags))
        return False

    monkeypatch.setattr(panel.editor_page, "_confirm_prices", decline)
    panel.save_editor()
    assert asked and asked[0] >= 1
    assert "prices" in panel.status.text()

    monkeypatch.setattr(panel.editor_page, "_confirm_prices", lambda flags: True)
    panel.save_editor()
    qtbot.waitUntil(lambda: panel.status.text() == "Script saved to the show.", timeout=10000)
    # Saving signs nothing; the confirmation travels with the review the reviewer signs next.
    with app_context.db.session() as s:
        assert repo.list_compliance_records(s, _demo_show_id(app_context)) == []
    monkeypatch.setattr(panel.editor_page, "_confirm_prices", decline)  # confirmed once is enough
    monkeypatch.setattr(
        panel.editor_page,
        "_ask_signature",
        lambda hits, earlier: sign_review(reviewer="阿杰", hits=hits, reasons={}, accepted=True),
    )
    panel.sign_review()
    qtbot.waitUntil(lambda: "signed by 阿杰" in panel.status.text(), timeout=10000)
    with app_context.db.session() as s:
        records = repo.list_compliance_records(s, _demo_show_id(app_context))
    assert records and records[-1].confirmed_price_keys
    assert asked == [asked[0]]


def test_importing_a_broken_file_changes_nothing(qtbot: QtBot, panel: ScriptPanel, tmp_path: Path) -> None:
    before = panel.editor.toPlainText()
    bad = tmp_path / "bad.md"
    bad.write_text("# 标题\n\n::: product 1号链接\nname: 面霜\nlive_price: 八十九\n:::\n", encoding="utf-8")
    panel.import_file(bad)
    qtbot.waitUntil(lambda: "Nothing was imported" in panel.status.text(), timeout=10000)
    assert "bad.md, line" in panel.status.text()
    assert panel.editor.toPlainText() == before


def test_export_writes_the_script_file(qtbot: QtBot, panel: ScriptPanel, tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    panel.export_file(target)
    qtbot.waitUntil(target.exists, timeout=10000)
    assert target.read_text(encoding="utf-8") == panel.editor.toPlainText()


def test_the_hosts_rate_is_calibrated_from_what_was_read(
    qtbot: QtBot, panel: ScriptPanel, fake_clock: FakeClock
) -> None:
    controller = panel.controller
    assert controller is not None and panel._script is not None
    panel.calibrate_rate()
    qtbot.waitUntil(lambda: "Not enough reading" in panel.status.text(), timeout=10000)
    controller.start_show()
    session = controller.session
    before = session.base_cpm
    for index in range(1, 4):
        # Each segment read in exactly twice its estimated time: the host reads at half the assumed rate.
        text_s = len(panel._script.segments[index - 1].host_text) / before * 60
        fake_clock.advance(max(25.0, 2 * text_s))
        controller.go_to_segment(index)
    writer = panel.writer
    assert writer is not None
    qtbot.waitUntil(writer.is_idle, timeout=10000)
    panel.calibrate_rate()
    qtbot.waitUntil(lambda: "calibrated" in panel.status.text(), timeout=10000)
    assert session.base_cpm < before * 0.95
    assert session.speed_cpm == pytest.approx(session.base_cpm)  # still gear 5


def test_a_key_that_changes_no_row_leaves_the_rundown_alone(qtbot: QtBot, panel: ScriptPanel) -> None:
    # Rebuilding every row on each key press delayed the host's prompter by 90-190 ms.
    controller = panel.controller
    assert controller is not None
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert controller.session.phase is SessionPhase.ON_AIR
    first, second = panel.rundown.item(0, 2), panel.rundown.item(1, 0)
    controller.perform(PrompterAction.FASTER)
    assert panel.rundown.item(0, 2) is first and panel.rundown.item(1, 0) is second
    controller.perform(PrompterAction.NEXT_SEGMENT)
    assert panel.rundown.item(1, 0) is not second and panel.rundown.item(1, 0).text().startswith("▶")
    assert not panel.rundown.item(0, 0).text().startswith("▶")
