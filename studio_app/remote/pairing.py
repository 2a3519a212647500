"""Pairing a phone or tablet: one-time links for a QR code, long-lived tokens, revocation, a rate limit.

A token is 32 random bytes; only its SHA-256 is stored (a salted slow hash protects guessable passwords,
and a token is not guessable). Tokens and codes are never written to the log: log lines name the pairing's
number instead. Every check reads the database, so a pairing made by ``studio-app remote pair`` in another
process, or a revocation, counts on the next request without a restart.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from studio_app.clock import Clock
from studio_app.remote import repo
from studio_app.store.handle import StoreHandle
from studio_app.store.writer import Changes

log = logging.getLogger(__name__)

CODE_LIFETIME = timedelta(minutes=10)  # long enough to find the phone, short enough to be worthless later
SEEN_EVERY_S = 60.0  # last-seen is a hint, not an audit: one write a minute per pairing at most
PAIRING_TABLES = ("remote_pairings",)


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Pairing:
    id: int
    name: str
    created_at: datetime
    paired_at: datetime | None  # None: the link was made but not opened yet
    last_seen_at: datetime | None
    revoked_at: datetime | None
    code_expires_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None and self.paired_at is not None


@dataclass(frozen=True)
class NewPairing:
    """What the person pairing needs, once: the secret is not stored and cannot be shown again."""

    pairing_id: int
    secret: str  # the token (paired at once) or the one-time code (a link to open)


class RateLimiter:
    """At most ``limit`` failed attempts per client in ``window_s``; then refuse until the window slides.

    Only failures count, so a paired phone polling the state is never slowed; a script guessing tokens is.
    """

    def __init__(self, clock: Clock, limit: int = 10, window_s: float = 60.0) -> None:
        self._clock = clock
        self.limit = limit
        self.window_s = window_s
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str) -> deque[float]:
        cutoff = self._clock.monotonic() - self.window_s
        failures = self._failures.setdefault(client, deque())
        while failures and failures[0] <= cutoff:
            failures.popleft()
        return failures

    def blocked(self, client: str) -> bool:
        with self._lock:
            return len(self._recent(client)) >= self.limit

    def retry_after_s(self, client: str) -> float:
        with self._lock:
            failures = self._recent(client)
            if len(failures) < self.limit:
                return 0.0
            return max(0.0, failures[0] + self.window_s - self._clock.monotonic())

    def failed(self, client: str) -> None:
        with self._lock:
            self._recent(client).append(self._clock.monotonic())


class PairingService:
    def __init__(self, handle: StoreHandle) -> None:
        self._handle = handle
        self._seen: dict[int, float] = {}
        self._seen_lock = threading.Lock()

    def create_token(self, name: str) -> NewPairing:
        """A pairing with a token at once (``studio-app remote pair``, or a Stream Deck's config)."""
        token = new_secret()
        now = self._handle.clock.now()

        def op(s: Session) -> int:
            return repo.add_pairing(s, name, now, token_hash=secret_hash(token))

        made = NewPairing(self._handle.writer.run(op).value, token)
        log.info("remote: pairing %d made with a token (%s)", made.pairing_id, name)
        return made

    def create_link(self, name: str) -> NewPairing:
        """A pending pairing with a one-time code for the QR code; the phone gets its token on opening it."""
        code = new_secret()
        now = self._handle.clock.now()

        def op(s: Session) -> int:
            return repo.add_pairing(
                s, name, now, code_hash=secret_hash(code), code_expires_at=now + CODE_LIFETIME
            )

        made = NewPairing(self._handle.writer.run(op).value, code)
        log.info("remote: pairing %d waits for its one-time link to be opened (%s)", made.pairing_id, name)
        return made

    def redeem(self, code: str) -> NewPairing | None:
        """Open a one-time link: a token for it, or None (unknown, used, expired or revoked)."""
        token = new_secret()
        now = self._handle.clock.now()

        def op(s: Session) -> int | None:
            return repo.redeem_code(s, secret_hash(code), secret_hash(token), now)

        pairing_id = self._handle.writer.run(op).value
        return None if pairing_id is None else NewPairing(pairing_id, token)

    def authenticate(self, token: str) -> int | None:
        """The live pairing's number for this token, or None."""
        if not token:
            return None
        with self._handle.db.session() as s:
            row = repo.live_pairing_by_token(s, secret_hash(token))
            pairing_id = None if row is None else row.id
        if pairing_id is not None:
            self._note_seen(pairing_id)
        return pairing_id

    def _note_seen(self, pairing_id: int) -> None:
        monotonic = self._handle.clock.monotonic()
        with self._seen_lock:
            last = self._seen.get(pairing_id)
            if last is not None and monotonic - last < SEEN_EVERY_S:
                return
            self._seen[pairing_id] = monotonic
        now = self._handle.clock.now()
        self._handle.writer.submit(lambda s: repo.mark_seen(s, pairing_id, now))

    def pairings(self) -> tuple[Pairing, ...]:
        with self._handle.db.session() as s:
            return tuple(
                Pairing(
                    row.id,
                    row.name,
                    row.created_at,
                    row.paired_at,
                    row.last_seen_at,
                    row.revoked_at,
                    row.code_expires_at,
                )
                for row in repo.list_pairings(s)
            )

    def revoke(self, pairing_id: int) -> Changes:
        now = self._handle.clock.now()
        changes = self._handle.writer.run(lambda s: repo.revoke(s, pairing_id, now)).changes
        if changes:
            log.info("remote: pairing %d revoked", pairing_id)
        return changes
