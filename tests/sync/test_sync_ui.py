"""The status-bar badge and the settings page, as real widgets against a real backend process."""

from __future__ import annotations

import os
from pathlib import Path

from support import free_port

from studio_app.store.models import Show
from studio_app.sync.report import SyncStatus
from studio_app.sync.status import save_server_settings
from studio_app.ui.sync_settings import SyncSettingsPage
from studio_app.ui.sync_status import SyncStatusWidget

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _save(widget, name: str) -> None:
    if os.environ.get("STUDIO_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SCREENSHOTS / name))


def test_status_badge_goes_from_waiting_to_up_to_date(qtbot, app_context, sqlite_backend, monkeypatch):
    monkeypatch.setenv("STUDIO_APP_TOKEN", sqlite_backend.tokens["studio_a"])
    assert save_server_settings(app_context, sqlite_backend.server.url, None).ok
    with app_context.db.session() as s:
        s.add_all([Show(title="A"), Show(title="B")])
    widget = SyncStatusWidget(app_context)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.snapshot is not None and widget.snapshot.pending_ops >= 2)
    assert "waiting" in widget.label.text()
    _save(widget, "sync_status_waiting.png")

    with qtbot.waitSignal(widget.sync_finished, timeout=30_000) as finished:
        qtbot.mouseClick(widget, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    assert finished.args[0].status is SyncStatus.UP_TO_DATE
    qtbot.waitUntil(lambda: widget.snapshot is not None and widget.snapshot.pending_ops == 0)
    assert widget.label.text() == "Up to date"
    assert sqlite_backend.server.url in widget.toolTip()
    _save(widget, "sync_status_up_to_date.png")


def test_status_badge_says_offline_and_keeps_changes(qtbot, app_context, monkeypatch):
    monkeypatch.setenv("STUDIO_APP_TOKEN", "whatever")
    dead = f"http://127.0.0.1:{free_port()}"
    save_server_settings(app_context, dead, None)
    widget = SyncStatusWidget(app_context)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.sync_finished, timeout=30_000) as finished:
        widget.sync_now()
    assert finished.args[0].status is SyncStatus.OFFLINE
    assert widget.label.text().startswith("Offline")
    assert "cannot be reached" in widget.toolTip()
    _save(widget, "sync_status_offline.png")


def test_settings_page_tests_the_connection(qtbot, app_context, sqlite_backend):
    page = SyncSettingsPage(app_context)
    qtbot.addWidget(page)
    page.resize(560, 260)
    page.server.setText(sqlite_backend.server.url)
    page.token.setText(sqlite_backend.tokens["studio_a"])
    page.test()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=30_000)
    assert page.result.text() == "Connected as studio studio_a."
    _save(page, "sync_settings.png")

    page.token.setText("wrong-token")
    page.test()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=30_000)
    assert "token is missing or wrong" in page.result.text()


def test_settings_refuse_an_address_without_scheme(app_context):
    result = save_server_settings(app_context, "hq.example.com", None)
    assert not result.ok and "http://" in result.message


def test_first_run_without_a_server_says_sync_is_off(qtbot, app_context, qapp):
    from studio_app.sync.status import read_snapshot
    from studio_app.ui.translations import install_translator

    # The demo show seeded on first run left outbox entries: they must not read as "offline · N waiting".
    assert read_snapshot(app_context).pending_ops > 0
    widget = SyncStatusWidget(app_context)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.snapshot is not None)
    assert widget.status is SyncStatus.OFF
    assert widget.label.text() == "Sync off"

    with qtbot.waitSignal(widget.sync_finished, timeout=10_000) as finished:
        widget.sync_now()
    assert finished.args[0].status is SyncStatus.OFF
    assert widget.label.text() == "Sync off"

    try:
        install_translator(qapp, "zh_CN")
        widget._render()
        assert widget.label.text() == "同步未开启"
    finally:
        install_translator(qapp, "en")


def test_the_status_bar_does_not_load_the_sync_client():
    import subprocess
    import sys

    code = (
        "import sys, studio_app.ui.sync_status, studio_app.ui.sync_settings;"
        "print(sorted(m for m in ('httpx', 'pydantic', 'studio_app.sync.client') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_with_a_server_set_the_first_round_starts_by_itself(qtbot, app_context, sqlite_backend, monkeypatch):
    monkeypatch.setenv("STUDIO_APP_TOKEN", sqlite_backend.tokens["studio_a"])
    monkeypatch.setenv("STUDIO_APP_NO_NETWORK_SYNC", "0")
    assert save_server_settings(app_context, sqlite_backend.server.url, None).ok
    widget = SyncStatusWidget(app_context)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.sync_finished, timeout=30_000) as finished:
        pass  # no click: the first snapshot names the server, and the round follows
    assert finished.args[0].status is SyncStatus.UP_TO_DATE


def test_with_sync_off_no_round_runs_at_start(qtbot, app_context, monkeypatch):
    monkeypatch.setenv("STUDIO_APP_NO_NETWORK_SYNC", "0")
    widget = SyncStatusWidget(app_context)
    qtbot.addWidget(widget)
    with qtbot.assertNotEmitted(widget.sync_finished, wait=500):
        qtbot.waitUntil(lambda: widget.snapshot is not None)
    assert widget.status is SyncStatus.OFF
