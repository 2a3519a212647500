"""Who may sync, over what, and how much (issue 11, items 4-6): studio tokens that head office lists,
revokes and rotates and that never reach a log; HTTPS with a verified certificate and no plain HTTP to
another computer unless allowed; limits per request and per minute answered with 413 and 429.

Against ``studio-app serve`` on a real PostgreSQL, with a certificate authority made in the test.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from raw_push import push_body, push_headers
from sqlalchemy import delete, func, select
from sync_harness import Backend, serve_action, server_record_count, studio_app

from studio_app.clock import FakeClock
from studio_app.server import tables as st
from studio_app.store.db import Database
from studio_app.store.models import Show
from studio_app.store.models.base import new_id
from studio_app.sync.protocol import HELLO_PATH, PULL_PATH, PUSH_PATH
from studio_app.sync.report import AuthError, InsecureServerError, OfflineError


@pytest.fixture
def backend_kind() -> str:
    return "postgresql"


def _add_shows(db: Database, n: int, title: str = "专场") -> None:
    with db.session() as s:
        s.add_all(Show(title=f"{title} {i}", notes="直播带货 " * 20) for i in range(n))


# ---- tokens -------------------------------------------------------------------------------------------
def test_head_office_lists_revokes_and_rotates_a_studios_token(
    backend: Backend, desktop: Callable[..., Database], make_client: Callable[..., Any], tmp_path: Path
) -> None:
    a_db = desktop("a")
    a = make_client(a_db, backend.server.url, backend.tokens["studio_a"])
    _add_shows(a_db, 2)
    a.sync()

    listing = serve_action("list-studios", "--computers", "--database", backend.database_url)
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert "hq\thead office\tactive\t0 computers" in lines
    assert "studio_a\tstudio\tactive\t1 computers" in lines
    assert any(line.startswith("  studio_a\t" + a.node_id) for line in lines)
    with backend.engine.connect() as conn:  # only hashes are kept
        stored = " ".join(str(v) for row in conn.execute(select(st.studios)) for v in row)
    assert all(token not in stored for token in backend.tokens.values())

    revoked = serve_action("revoke-studio", "studio_a", "--database", backend.database_url)
    assert revoked.returncode == 0 and "revoked" in revoked.stdout
    _add_shows(a_db, 1, "撤销之后")
    with pytest.raises(AuthError, match="withdrawn studio studio_a's access"):
        a.sync()
    assert a.pending_count() == 1  # nothing lost: it waits for a new token
    # The command stops at once, even when told to keep syncing, and says why.
    cli = studio_app(
        "sync", "--server", backend.server.url, workspace=tmp_path / "ws", token=backend.tokens["studio_a"]
    )
    assert cli.returncode != 0 and "withdrawn studio studio_a's access" in cli.stderr
    assert "Traceback" not in cli.stderr
    assert "revoked" in serve_action("list-studios", "--database", backend.database_url).stdout

    rotated = serve_action("rotate-token", "studio_a", "--database", backend.database_url)
    new_token = rotated.stdout.strip()
    assert rotated.returncode == 0 and len(new_token) >= 40 and new_token != backend.tokens["studio_a"]
    old = httpx.get(
        backend.server.url + HELLO_PATH, headers=push_headers(backend.tokens["studio_a"], new_id())
    )
    assert old.status_code == 401 and old.json()["detail"]["code"] == "unauthorized"
    renewed = make_client(a_db, backend.server.url, new_token)
    assert renewed.sync().pushed_ops == 1

    unknown = serve_action("revoke-studio", "nobody", "--database", backend.database_url)
    assert unknown.returncode == 1 and "no studio named nobody" in unknown.stderr


def test_tokens_never_reach_the_logs(
    make_backend: Callable[..., Backend],
    desktop: Callable[..., Database],
    make_client: Callable[..., Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    backend = make_backend(env={"STUDIO_SERVER_REQUESTS_PER_MINUTE": "3"}, log_level="debug")
    a_db = desktop("a")
    caplog.set_level(logging.DEBUG)  # httpx and httpcore log every request at this level
    a = make_client(a_db, backend.server.url, backend.tokens["studio_a"])
    _add_shows(a_db, 3)
    with contextlib.suppress(OfflineError):
        a.sync()  # past the third request the server answers 429; the round waits or gives up
    # A minute's window may turn during the round, so make sure a 429 happened, with a valid token.
    for _ in range(5):
        answer = httpx.get(
            backend.server.url + HELLO_PATH, headers=push_headers(backend.tokens["studio_a"], new_id())
        )
        if answer.status_code == 429:
            break
    assert answer.status_code == 429
    bad = httpx.get(
        backend.server.url + HELLO_PATH, headers=push_headers("wrong-" + backend.tokens["hq"], new_id())
    )
    assert bad.status_code == 401
    backend.server.stop()
    server_log = backend.server.output()  # the access log and the rest
    client_log = caplog.text
    # Both sides logged every request (so a token would have had its chance to appear).
    assert "HTTP Request: GET" in client_log and "429" in client_log
    assert "GET /sync/hello" in server_log and "401" in server_log and "429" in server_log
    for token in backend.tokens.values():
        assert token not in client_log and token not in server_log
        assert token[:12] not in client_log and token[:12] not in server_log


# ---- TLS ----------------------------------------------------------------------------------------------
def _certificate_authority(folder: Path) -> tuple[Path, Path, Path]:
    """A CA, and a certificate it signed for 127.0.0.1 and localhost: (ca.pem, server.pem, server.key)."""
    now = dt.datetime.now(dt.UTC)

    def name(common: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(name("Studio head office CA"))
        .issuer_name(name("Studio head office CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(name("hq.studio.test"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return paths


def test_https_with_the_head_offices_ca_and_nothing_else(
    make_backend: Callable[..., Backend],
    desktop: Callable[..., Database],
    make_client: Callable[..., Any],
    tmp_path: Path,
) -> None:
    ca, cert, key = _certificate_authority(tmp_path)
    backend = make_backend(tls=(cert, key))
    assert backend.server.url.startswith("https://127.0.0.1:")
    a_db = desktop("a")
    _add_shows(a_db, 4)

    # The system's trust store does not know the head office's CA: refused at once, nothing sent.
    untrusting = make_client(a_db, backend.server.url, backend.tokens["studio_a"])
    with pytest.raises(InsecureServerError, match=r"certificate of https://127\.0\.0\.1"):
        untrusting.sync()
    assert server_record_count(backend.engine) == 0 and untrusting.pending_count() == 4

    trusting = make_client(a_db, backend.server.url, backend.tokens["studio_a"], ca_file=str(ca))
    assert trusting.sync().pushed_ops == 4 and server_record_count(backend.engine) == 4

    # The command: --ca FILE, remembered in the settings for later rounds.
    workspace = tmp_path / "hq"
    token = backend.tokens["hq"]
    first = studio_app("sync", "--once", "--server", backend.server.url, workspace=workspace, token=token)
    assert first.returncode == 4 and "not trusted" in first.stderr and "--ca FILE" in first.stderr
    second = studio_app(
        "sync", "--once", "--server", backend.server.url, "--ca", str(ca), workspace=workspace, token=token
    )
    assert second.returncode == 0, second.stderr
    assert "received 4;" in second.stdout


def test_plain_http_to_another_computer_is_refused_unless_allowed_for_that_server(
    desktop: Callable[..., Database], make_client: Callable[..., Any], tmp_path: Path
) -> None:
    db = desktop("a")
    with pytest.raises(InsecureServerError, match="unencrypted"):
        make_client(db, "http://hq.studio.test:8750", "token")
    with pytest.raises(InsecureServerError, match="https://"):
        make_client(db, "ftp://hq.studio.test", "token")
    # Allowed for this one server (the user's choice), it is tried: here nothing answers, so offline.
    allowed = make_client(db, "http://192.0.2.1:9", "token", allow_http=True, backoff=None, timeout_s=0.5)
    with pytest.raises(OfflineError):
        allowed.hello()
    make_client(db, "http://127.0.0.1:8750", "token")  # loopback: nothing crosses a network
    make_client(db, "http://[::1]:8750", "token")

    refused = studio_app(
        "sync", "--once", "--server", "http://hq.studio.test:8750", workspace=tmp_path, token="t"
    )
    assert refused.returncode == 4 and "--allow-http" in refused.stderr
    from studio_app.sync import transport

    assert not transport.http_allowed("http://hq.studio.test:8750")


# ---- limits -------------------------------------------------------------------------------------------
def test_a_push_over_the_op_limit_gets_413_and_the_desktop_sends_smaller_batches(
    make_backend: Callable[..., Backend], desktop: Callable[..., Database], make_client: Callable[..., Any]
) -> None:
    backend = make_backend(env={"STUDIO_SERVER_MAX_OPS": "10"})
    ops = [
        {"op_id": new_id(), "seq": i, "table": "shows", "row_id": new_id(), "hlc": "x", "payload_json": "{}"}
        for i in range(11)
    ]
    body = push_body("n1", ops)
    node = new_id()
    big = httpx.post(
        backend.server.url + PUSH_PATH, json=body, headers=push_headers(backend.tokens["studio_a"], node)
    )
    assert big.status_code == 413 and big.json()["detail"]["code"] == "too_many_ops"
    assert "at most 10" in big.json()["detail"]["message"]

    a_db = desktop("a")
    _add_shows(a_db, 25)
    a = make_client(a_db, backend.server.url, backend.tokens["studio_a"])
    report = a.sync()
    assert report.pushed_ops == 25 and report.checksum_ok and a.batch_ops == 10


def test_pull_pages_are_capped_in_bytes(
    make_backend: Callable[..., Backend], desktop: Callable[..., Database], make_client: Callable[..., Any]
) -> None:
    backend = make_backend(env={"STUDIO_SERVER_MAX_PAGE_BYTES": "4000"})
    a_db, hq_db = desktop("a"), desktop("hq")
    _add_shows(a_db, 30)
    make_client(a_db, backend.server.url, backend.tokens["studio_a"]).sync()
    page = httpx.get(
        backend.server.url + PULL_PATH,
        params={"cursor": 0, "limit": 1000},
        headers=push_headers(backend.tokens["hq"], new_id()),
    )
    body = page.json()
    assert page.status_code == 200 and body["has_more"] is True
    assert 1 <= len(body["changes"]) < 30 and len(page.content) < 4000 + 1500
    hq = make_client(hq_db, backend.server.url, backend.tokens["hq"])
    report = hq.sync()
    assert report.pulled_changes == 30 and report.checksum_ok


def test_a_studio_over_its_requests_per_minute_waits_as_told(
    make_backend: Callable[..., Backend], desktop: Callable[..., Database], make_client: Callable[..., Any]
) -> None:
    backend = make_backend(env={"STUDIO_SERVER_REQUESTS_PER_MINUTE": "4"})
    node = new_id()
    answers = [
        httpx.get(backend.server.url + HELLO_PATH, headers=push_headers(backend.tokens["studio_b"], node))
        for _ in range(5)
    ]
    assert [r.status_code for r in answers] == [200] * 4 + [429]
    refused = answers[-1]
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert refused.json()["detail"]["code"] == "too_many_requests"
    # Another studio has its own count.
    other = httpx.get(
        backend.server.url + HELLO_PATH, headers=push_headers(backend.tokens["studio_a"], new_id())
    )
    assert other.status_code == 200

    clock = FakeClock()
    waits: list[float] = []

    def wait(seconds: float) -> None:
        """The desktop's wait, on its injected clock; the server's minute passes with it."""
        waits.append(seconds)
        clock.advance(seconds)
        with backend.engine.begin() as conn:
            conn.execute(delete(st.request_counts))

    a_db = desktop("a")
    _add_shows(a_db, 3)
    a = make_client(a_db, backend.server.url, backend.tokens["studio_a"], sleep=wait, clock=clock)
    report = a.sync()
    assert report.pushed_ops == 3 and report.checksum_ok
    assert waits and all(1 <= w <= 60 for w in waits)
    with backend.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(st.request_counts)).scalar_one() >= 1


def test_the_settings_page_takes_a_ca_file_and_the_plain_http_choice(
    qtbot: Any, app_context: Any, make_backend: Callable[..., Backend], tmp_path: Path, monkeypatch: Any
) -> None:
    from studio_app.sync import transport
    from studio_app.sync.status import sync_round
    from studio_app.ui.sync_settings import SyncSettingsPage

    ca, cert, key = _certificate_authority(tmp_path)
    backend = make_backend(tls=(cert, key))
    page = SyncSettingsPage(app_context)
    qtbot.addWidget(page)
    page.server.setText(backend.server.url)
    page.token.setText(backend.tokens["studio_a"])

    def test_connection() -> str:
        page.test()
        qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=30_000)
        return page.result.text()

    assert "is not trusted by this computer" in test_connection()
    page.ca_file.setText(str(ca))
    assert test_connection() == "Connected as studio studio_a."

    page.server.setText("http://hq.studio.test:8750")
    assert "unencrypted" in test_connection()
    page.apply()
    qtbot.waitUntil(
        lambda: page.result.text() != "" and "unencrypted" not in page.result.text(), timeout=10_000
    )
    assert transport.saved_ca_file() == str(ca)
    assert not transport.http_allowed("http://hq.studio.test:8750")
    # The background round says the same, in the status bar, instead of failing inside.
    monkeypatch.setenv("STUDIO_APP_TOKEN", "a token the round never sends")
    result = sync_round(app_context)
    assert result.status.value == "error" and "unencrypted" in result.message

    page.allow_http.setChecked(True)
    page.apply()
    qtbot.waitUntil(lambda: transport.http_allowed("http://hq.studio.test:8750"), timeout=10_000)


def test_a_desktop_gone_in_the_middle_of_a_push_costs_one_log_line(
    make_backend: Callable[..., Backend],
) -> None:
    import socket

    backend = make_backend(log_level="info")
    for _ in range(3):  # a killed sync, a cut network: the body stops half-way and the socket closes
        with socket.create_connection(("127.0.0.1", backend.server.port)) as raw:
            head = "".join(
                f"{name}: {value}\r\n"
                for name, value in {
                    **push_headers(backend.tokens["studio_a"], new_id()),
                    "Host": "studio",
                    "Content-Type": "application/json",
                    "Content-Length": "100000",
                }.items()
            )
            raw.sendall(f"POST {PUSH_PATH} HTTP/1.1\r\n{head}\r\n".encode() + b'{"ops": [' + b" " * 5000)
    assert httpx.get(backend.server.url + "/health").status_code == 200
    backend.server.stop()
    log = backend.server.output()
    assert log.count("client went away during POST /sync/push") == 3
    assert "Traceback" not in log and "Exception in ASGI application" not in log
    assert server_record_count(backend.engine) == 0
