"""What the status bar shows about sync, and the one background round the app runs (no Qt here).

The sync client (httpx, pydantic) is imported only when a round or a connection test starts, so the
status bar costs the app's start nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select, update

from studio_app.i18n import translate
from studio_app.store.handle import StoreHandle
from studio_app.store.models.sync import CONFLICT_TABLE, QUARANTINE_TABLE, STATE_TABLE, SyncState
from studio_app.sync.outbox import ensure_state, pending_count
from studio_app.sync.report import OfflineError, SyncError, SyncReport, SyncStatus

DISABLE_ENV = "STUDIO_APP_NO_NETWORK_SYNC"


@dataclass(frozen=True)
class SyncSnapshot:
    server_url: str
    pending_ops: int
    open_conflicts: int
    last_sync_at: datetime | None
    last_error: str
    clock_warning: str
    # Pulled changes set aside because they are not rows of their table (kept in sync_quarantine).
    quarantined: int = 0


@dataclass(frozen=True)
class RoundResult:
    status: SyncStatus
    message: str
    report: SyncReport | None = None


def read_snapshot(store: StoreHandle) -> SyncSnapshot:
    """A read only: before the first round there may be no state row yet, which reads as never synced."""
    with store.db.engine.connect() as conn:
        row = conn.execute(select(STATE_TABLE).where(SyncState.id == 1)).mappings().first()
        state: dict[str, Any] = dict(row) if row is not None else {}
        pending = pending_count(conn)
        table = CONFLICT_TABLE
        conflicts = conn.execute(
            select(func.count()).select_from(table).where(table.c.resolved_at.is_(None))
        ).scalar_one()
        quarantined = conn.execute(select(func.count()).select_from(QUARANTINE_TABLE)).scalar_one()
    return SyncSnapshot(
        server_url=str(state.get("server_url") or ""),
        pending_ops=int(pending),
        open_conflicts=int(conflicts),
        last_sync_at=state.get("last_sync_at"),
        last_error=str(state.get("last_error") or ""),
        clock_warning=str(state.get("drift_warning") or ""),
        quarantined=int(quarantined),
    )


def background_sync_disabled() -> bool:
    return os.environ.get(DISABLE_ENV) == "1"


def sync_round(store: StoreHandle, server_url: str | None = None) -> RoundResult:
    """One push-pull-check round for the app; never raises for a problem the user can act on.

    Its local writes go through ``store.writer``, whose listeners (the change feed) hear of pulled rows;
    ``result.report.changes`` names every table the round wrote.
    """
    url = server_url or read_snapshot(store).server_url
    if not url:
        return RoundResult(SyncStatus.OFF, translate("Sync", "No server set (Settings → Sync)."))
    from studio_app.sync.client import Backoff, SyncClient, resolve_token

    token = resolve_token(url)
    if not token:
        return RoundResult(SyncStatus.ERROR, translate("Sync", "No studio token saved (Settings → Sync)."))
    # The app's round gives up quickly when offline: the next timer tick tries again anyway.
    try:
        client = SyncClient(
            store.writer, url, token, clock=store.clock, backoff=Backoff(attempts=3, first_s=0.5)
        )
    except SyncError as exc:  # an address or CA file the transport refuses: nothing was sent
        return RoundResult(SyncStatus.ERROR, str(exc))
    try:
        report = client.sync()
    except SyncError as exc:
        client.record_failure(str(exc))
        status = SyncStatus.OFFLINE if isinstance(exc, OfflineError) else SyncStatus.ERROR
        return RoundResult(status, str(exc))
    finally:
        client.close()
    if report.mismatched_tables:
        return RoundResult(
            SyncStatus.ERROR,
            translate("Sync", "Some records differ from the server: {tables}").format(
                tables=", ".join(report.mismatched_tables)
            ),
            report,
        )
    return RoundResult(SyncStatus.UP_TO_DATE, restored_message() if report.restored else "", report)


def restored_message() -> str:
    return translate(
        "Sync",
        "This workspace was restored from a backup (or an older copy): it now syncs as a new computer "
        "and fetched its later changes back from the server.",
    )


@dataclass(frozen=True)
class TransportChoice:
    """What the settings say about reaching one server (``sync.transport``)."""

    ca_file: str
    allow_http: bool


def read_transport_choice(server_url: str) -> TransportChoice:
    from studio_app.sync import transport

    return TransportChoice(transport.saved_ca_file(), transport.http_allowed(server_url))


@dataclass(frozen=True)
class SaveResult:
    ok: bool
    message: str


def save_server_settings(
    store: StoreHandle,
    server_url: str,
    token: str | None,
    ca_file: str | None = None,
    allow_http: bool | None = None,
) -> SaveResult:
    """Store the server address in the workspace and the token in the OS keyring (never in a file); the
    CA file and the plain-HTTP choice for this server (when given) in the settings."""
    from studio_app.sync import transport
    from studio_app.sync.client import save_token_to_keyring

    url = server_url.strip().rstrip("/")
    if url and not url.startswith(("http://", "https://")):
        return SaveResult(
            False,
            translate(
                "Sync", "The server address must start with http:// or https://, e.g. {example}."
            ).format(example="https://hq.example.com"),
        )

    def write(conn: Connection) -> None:
        ensure_state(conn)
        conn.execute(update(STATE_TABLE).where(SyncState.id == 1).values(server_url=url))

    store.writer.run(lambda session: write(session.connection()))
    if ca_file is not None:
        transport.save_ca_file(ca_file.strip())
    if allow_http is not None:
        transport.set_http_allowed(url, allow_http)
    if token and not save_token_to_keyring(url, token.strip()):
        return SaveResult(
            False,
            translate(
                "Sync",
                "This computer has no keyring to keep the token in. Set the STUDIO_APP_TOKEN environment "
                "variable instead.",
            ),
        )
    return SaveResult(True, translate("Sync", "Saved."))


def check_connection(
    store: StoreHandle,
    server_url: str,
    token: str | None,
    ca_file: str | None = None,
    allow_http: bool | None = None,
) -> RoundResult:
    """Ask the server who we are, without sending or fetching any records (``ca_file`` and ``allow_http``
    as entered, not yet saved; None: the saved settings)."""
    from studio_app.sync.client import Backoff, SyncClient, resolve_token

    url = server_url.strip().rstrip("/")
    token = (token or "").strip() or resolve_token(url)
    if not url or not token:
        return RoundResult(
            SyncStatus.ERROR, translate("Sync", "Enter the server address and the studio token.")
        )
    try:
        client = SyncClient(
            store.writer,
            url,
            token,
            clock=store.clock,
            backoff=Backoff(attempts=2, first_s=0.5),
            ca_file=ca_file,
            allow_http=allow_http,
        )
    except SyncError as exc:
        return RoundResult(SyncStatus.ERROR, str(exc))
    try:
        hello = client.hello()
    except SyncError as exc:
        status = SyncStatus.OFFLINE if isinstance(exc, OfflineError) else SyncStatus.ERROR
        return RoundResult(status, str(exc))
    finally:
        client.close()
    return RoundResult(
        SyncStatus.UP_TO_DATE,
        translate("Sync", "Connected as studio {name}.").format(name=hello.studio),
    )
