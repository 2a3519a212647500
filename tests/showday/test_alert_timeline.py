"""On-air alerts on the review timeline (事故记录) without anyone typing them; the optional alert sound."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from studio_app import settings
from studio_app.context import AppContext
from studio_app.probes import repo as checks_repo
from studio_app.probes.labels import alert_label
from studio_app.probes.result import ProbeStatus
from studio_app.probes.watch import WatchAlert
from studio_app.shows import list_shows
from studio_app.ui.check_panel import CheckPanel
from studio_app.ui.data_panel import DataPanel
from studio_app.ui.main_window import MainWindow


def _store_alert(context: AppContext, show_id: str, minutes: int, acknowledged: bool) -> None:
    start = context.clock.now() + timedelta(minutes=minutes)

    def op(s: Session) -> None:
        alert = checks_repo.save_alert(
            s, kind="mic.silent", status=ProbeStatus.FAIL, raised_at=start, message="no sound from the mic",
            fix="", value=-90.0, show_id=show_id,
        )  # fmt: skip
        if acknowledged:
            checks_repo.acknowledge_alert(s, alert, start + timedelta(seconds=20))
        checks_repo.clear_alert(s, alert, start + timedelta(seconds=95))

    context.writer.run(op)


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""


def test_the_review_lists_the_shows_alerts_among_its_incidents_by_time(
    qtbot: QtBot, app_context: AppContext
) -> None:
    show_id = list_shows(app_context.db)[0].id
    panel = DataPanel(app_context, feed_port=0)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.bundle_loaded, timeout=15000):
        pass
    table = panel.review_view.incidents_table
    before = table.rowCount()  # the demo's own logged incident
    with qtbot.waitSignal(panel.bundle_loaded, timeout=15000):  # the write reaches the panel by itself
        _store_alert(app_context, show_id, 30, acknowledged=True)
    assert table.rowCount() == before + 1
    rows = [[_text(table.item(r, c)) for c in range(3)] for r in range(table.rowCount())]
    (alert_row,) = [row for row in rows if "Alert" in row[1]]
    assert alert_row[1] == f"⚠ Alert: {alert_label('mic.silent')}"
    assert "no sound from the mic" in alert_row[2]
    assert "lasted 1 min 35 s" in alert_row[2] and "· acknowledged" in alert_row[2]
    bundle = panel.bundle()
    assert bundle is not None
    assert [i.at for i in bundle.incidents] == sorted(i.at for i in bundle.incidents)
    panel.shutdown()


@pytest.mark.parametrize("chosen", ["", "false", "true"])
def test_a_new_alert_sounds_only_when_the_studio_chose_it(
    window: MainWindow, app_context: AppContext, chosen: str
) -> None:
    if chosen:
        settings.save_section("showday", {"alert_sound": chosen})
    rang: list[bool] = []
    window.showday.sound = lambda: rang.append(True)
    checks = window.panel("checks")
    assert isinstance(checks, CheckPanel)
    silent = WatchAlert("mic.silent", ProbeStatus.FAIL, "no sound", "", -90.0, app_context.clock.now())
    checks.watch_alerts_changed.emit([silent])
    checks.watch_alerts_changed.emit([silent])  # still standing: not news, no second sound
    assert rang == ([True] if chosen == "true" else [])
