"""Queries of the remote area: the pairing rows (functions of a Session; writes run on the writer)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from studio_app.store.models.remote import RemotePairing


def add_pairing(
    s: Session,
    name: str,
    now: datetime,
    token_hash: str | None = None,
    code_hash: str | None = None,
    code_expires_at: datetime | None = None,
) -> int:
    row = RemotePairing(
        name=name,
        token_hash=token_hash,
        code_hash=code_hash,
        code_expires_at=code_expires_at,
        created_at=now,
        paired_at=now if token_hash else None,
    )
    s.add(row)
    s.flush()
    return row.id


def live_pairing_by_token(s: Session, token_hash: str) -> RemotePairing | None:
    return s.scalar(
        select(RemotePairing).where(
            RemotePairing.token_hash == token_hash, RemotePairing.revoked_at.is_(None)
        )
    )


def redeem_code(s: Session, code_hash: str, token_hash: str, now: datetime) -> int | None:
    """Swap a pending, unexpired code for a token; the code cannot be used again. None when refused."""
    row = s.scalar(
        select(RemotePairing).where(RemotePairing.code_hash == code_hash, RemotePairing.revoked_at.is_(None))
    )
    if row is None or row.code_expires_at is None or row.code_expires_at < now:
        return None
    row.code_hash = None
    row.code_expires_at = None
    row.token_hash = token_hash
    row.paired_at = now
    return row.id


def list_pairings(s: Session) -> list[RemotePairing]:
    return list(s.scalars(select(RemotePairing).order_by(RemotePairing.created_at.desc(), RemotePairing.id)))


def revoke(s: Session, pairing_id: int, now: datetime) -> bool:
    row = s.get(RemotePairing, pairing_id)
    if row is None or row.revoked_at is not None:
        return False
    row.revoked_at = now
    row.code_hash = None
    return True


def mark_seen(s: Session, pairing_id: int, now: datetime) -> None:
    row = s.get(RemotePairing, pairing_id)
    if row is not None:
        row.last_seen_at = now
