"""Screenshots of the sync widgets against a real backend process, in one language.

Run: xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tests/sync/screenshots_sync.py zh_CN|en
Writes docs/screenshots/sync_status_*_<lang>.png and sync_settings_<lang>.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStatusBar
from sqlalchemy import select
from sync_harness import REPO, ServerProcess

from studio_app.context import AppContext
from studio_app.server import service
from studio_app.store.models import Show
from studio_app.store.models.sync import SyncConflict
from studio_app.sync.codec import canonical_json, synced_codecs
from studio_app.sync.status import save_server_settings
from studio_app.ui.sync_settings import SyncSettingsPage
from studio_app.ui.sync_status import SyncStatusWidget
from studio_app.ui.translations import install_translator
from studio_app.workspace import Workspace


def wait(condition: Callable[[], bool], ms: int = 20_000) -> None:
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: condition() and loop.quit())
    poll.start(50)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    poll.stop()


def main(lang: str) -> None:
    app = QApplication([])
    install_translator(app, lang)
    tmp = Path(tempfile.mkdtemp())
    url = f"sqlite:///{tmp / 'server.sqlite3'}"
    engine = service.open_engine(url)
    service.create_schema(engine)
    _, token = service.add_studio(engine, "杭州一号直播间")
    server = ServerProcess(url).start()
    os.environ["STUDIO_APP_NO_NETWORK_SYNC"] = "1"
    os.environ["STUDIO_APP_TOKEN"] = token
    context = AppContext.open(Workspace(tmp / "ws"))
    save_server_settings(context, server.url, None)
    with context.db.session() as s:
        s.add_all([Show(title=f"场次 {i}") for i in range(7)])
    out = REPO / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    try:
        window = QMainWindow()
        window.resize(900, 140)
        window.setCentralWidget(QLabel("Studio Console"))
        bar = QStatusBar()
        window.setStatusBar(bar)
        bar.addWidget(QLabel(str(tmp / "ws")), 1)
        badge = SyncStatusWidget(context, window)
        bar.addPermanentWidget(badge)
        bar.addPermanentWidget(QLabel("v0.1.0"))
        window.show()
        wait(lambda: badge.snapshot is not None and badge.snapshot.pending_ops > 0)
        window.grab().save(str(out / f"sync_status_waiting_{lang}.png"))
        done: list[object] = []
        badge.sync_finished.connect(done.append)
        badge.sync_now()
        wait(lambda: bool(done))
        wait(lambda: badge.snapshot is not None and badge.snapshot.pending_ops == 0, 5000)
        window.grab().save(str(out / f"sync_status_up_to_date_{lang}.png"))
        print("status:", badge.label.text(), "|", badge.toolTip().replace("\n", " / "))
        page = SyncSettingsPage(context)
        page.resize(620, 300)
        page.show()
        wait(lambda: page.server.text() != "", 5000)
        page.token.setText(token)
        page.test()
        wait(lambda: page.test_button.isEnabled())
        page.grab().save(str(out / f"sync_settings_{lang}.png"))
        print("settings:", page.result.text())
        # A kept version, as the sync leaves it after two places edit one show at the same time.
        with context.db.session() as s:
            show = s.scalars(select(Show).where(Show.title == "场次 3")).one()
            losing = {**synced_codecs()["shows"].encode_object(show), "title": "场次 3（总部改：晚八点档）"}
            s.add(
                SyncConflict(
                    kind="conflict",
                    table_name="shows",
                    row_id=show.id,
                    reason="",
                    payload=canonical_json(losing),
                    hlc="",
                    winner_hlc="",
                    created_at=context.clock.now(),
                )
            )
        dialog = badge.show_conflicts()
        wait(lambda: dialog.table.rowCount() == 1, 5000)
        dialog.table.selectRow(0)
        dialog.grab().save(str(out / f"sync_conflicts_{lang}.png"))
    finally:
        server.stop()
        context.close()
        engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "zh_CN")
