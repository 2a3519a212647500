"""`studio-app remote pair --json` from a terminal: the running app accepts the new token at once."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Http, bearer

from studio_app.context import AppContext
from studio_app.ui.remote.control import RemoteControl

_PAIR_WITHOUT_QT = (
    "import sys\n"
    "from studio_app.cli import main\n"
    "code = main(['remote', 'pair', '--name', 'Stream Deck', '--json'])\n"
    "loaded = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'superqt')]\n"
    "print('QT:' + ','.join(loaded), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def _cli(context: AppContext, code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STUDIO_APP_WORKSPACE": str(context.workspace.root)}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env, check=False
    )


def test_a_pairing_made_in_a_terminal_works_in_the_running_app(
    http: Http, remote: RemoteControl, app_context: AppContext
) -> None:
    result = _cli(app_context, _PAIR_WITHOUT_QT)
    assert result.returncode == 0, result.stderr
    assert "QT:\n" in result.stderr  # the command loads no Qt
    printed = json.loads(result.stdout)
    assert printed["url"].startswith(f"http://127.0.0.1:{remote.port}/remote#token=")
    assert printed["url"].endswith(printed["token"])
    assert http.get("/api/state", headers=bearer(printed["token"])).status_code == 200
    # And it is listed, and revoking it from the terminal refuses it at once.
    listing = _cli(app_context, "from studio_app.cli import main; main(['remote', 'list', '--json'])")
    (row,) = [r for r in json.loads(listing.stdout) if r["name"] == "Stream Deck"]
    assert row["active"]
    revoked = _cli(
        app_context,
        f"import sys; from studio_app.cli import main; sys.exit(main(['remote', 'revoke', '{row['id']}']))",
    )
    assert revoked.returncode == 0, revoked.stderr
    assert http.get("/api/state", headers=bearer(printed["token"])).status_code == 401
    log_text = app_context.workspace.log_file.read_text("utf-8")
    assert f"pairing {row['id']} made with a token" in log_text
    assert printed["token"] not in log_text


def test_tokens_never_reach_the_log(
    http: Http, remote: RemoteControl, token: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    http.get("/api/state", params={"token": token})
    http.post("/api/command", params={"token": token}, json={"action": "next_segment"})
    http.get("/api/state", params={"token": "a-wrong-token-value"})
    # The app's and the server's records (this test's own HTTP client logs its URLs, as any client may).
    records = [r for r in caplog.records if r.name.startswith(("studio_app", "uvicorn", "starlette"))]
    assert any("refused" in r.getMessage() for r in records)
    assert any("next_segment" in r.getMessage() for r in records)
    text = "\n".join(r.getMessage() for r in records)
    assert token not in text and "a-wrong-token-value" not in text


def test_gui_with_remote_serves_and_clears_its_address_on_quit(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    workspace = tmp_path / "ws"
    result = subprocess.run(
        [
            *(sys.executable, "-m", "studio_app", "--workspace", str(workspace)),
            *("gui", "--remote", "--remote-port", "0", "--quit-after", "1.5"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    log_text = (workspace / "logs" / "studio-app.log").read_text("utf-8")
    assert "remote: serving on 0.0.0.0 port" in log_text
    assert "remote: stopped" in log_text
    assert not (workspace / "remote-server.json").exists()
