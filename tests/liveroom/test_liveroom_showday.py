"""The live room in the real main window: the show day wires it to the script editor and the data panel."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from studio_app.context import AppContext
from studio_app.liveroom.watch import drop_folder
from studio_app.ui.data_panel import DataPanel
from studio_app.ui.liveroom.panel import LiveRoomPanel
from studio_app.ui.main_window import MainWindow
from studio_app.ui.script_panel import ScriptPanel


def test_a_reorder_in_the_live_room_reaches_the_script_editor_through_the_main_window(
    qtbot: QtBot, window: MainWindow, app_context: AppContext
) -> None:
    window.show_area("script")
    script = window.panel("script")
    assert isinstance(script, ScriptPanel)
    qtbot.waitUntil(lambda: script.controller is not None, timeout=10000)
    room = window.panel("liveroom")
    assert isinstance(room, LiveRoomPanel)
    room.tick()
    assert room.controller is script.controller and script.controller is not None
    opened = script.editor_page.base_revision
    assert opened is not None
    session = script.controller.session
    last = session.script.segments[-1].title
    was_next = session.script.segments[session.segment_index + 1].title
    text = script.editor.toPlainText()
    assert text.rindex(last) > text.rindex(was_next)
    with qtbot.waitSignal(room.rundown_saved, timeout=5000):
        room.move_segment(len(session.script.segments) - 1, 0)
    qtbot.waitUntil(lambda: script.editor_page.base_revision == opened + 1, timeout=5000)
    text = script.editor.toPlainText()
    assert text.index(f"] {last}") < text.index(f"] {was_next}")  # the editor has the new order


def test_the_data_panel_and_the_live_room_name_the_same_drop_folder(
    qtbot: QtBot, window: MainWindow, app_context: AppContext
) -> None:
    data = window.panel("data")
    room = window.panel("liveroom")
    assert isinstance(data, DataPanel) and isinstance(room, LiveRoomPanel)
    assert room.drop_folder() == drop_folder(app_context.workspace.root)
    assert data.feed_show_id() is None  # the feed is off: no show takes the folder's files for it
