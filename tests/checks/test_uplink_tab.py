from __future__ import annotations

from pytestqt.qtbot import QtBot

from studio_app.ui.checks.uplink_tab import UplinkTab


def test_uplink_graph_is_built_on_first_show_with_the_data_that_came_before(qtbot: QtBot) -> None:
    tab = UplinkTab()
    qtbot.addWidget(tab)
    tab.set_check_series([(1000.0, 35.0)], [(1000.0, 9.5), (2000.0, 7.2)], 6.0)
    for second in range(5):
        tab.add_live_rtt(3000.0 + second, 40.0 + second)
    tab.add_live_rtt(3005.0, None)  # an unanswered sample draws nothing
    assert tab._graph is None, "the graph must not be built before the tab is shown"

    tab.show()
    qtbot.waitExposed(tab)
    graph = tab._graph
    assert graph is not None
    assert list(graph.upload.yData) == [9.5, 7.2]
    assert list(graph.live_curve.yData) == [40.0, 41.0, 42.0, 43.0, 44.0]
    assert graph.fail_line.value() == 6.0
    tab.add_live_rtt(3006.0, 50.0)
    assert list(graph.live_curve.yData)[-1] == 50.0
