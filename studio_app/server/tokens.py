"""Who is asking: studio tokens (stored as SHA-256 hashes only), revocation, rotation, and the computers of
each studio.

A token is shown once, when it is made (``serve add-studio`` / ``serve rotate-token``); the database keeps
its hash, so a copy of the database gives nobody a working token. A computer is a workspace's node id: the
first studio whose token pushes with it owns it, and the server refuses it for every other studio.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from studio_app.i18n import translate
from studio_app.server import tables as t
from studio_app.server.service import Studio, hash_token


class UnknownStudioError(ValueError):
    """``str()`` says which name was not found."""


@dataclass(frozen=True)
class Caller:
    """A token's studio; ``revoked`` when head office has withdrawn it."""

    studio: Studio
    revoked: bool


@dataclass(frozen=True)
class StudioInfo:
    name: str
    head_office: bool
    created_at: datetime
    revoked_at: datetime | None
    computers: int


@dataclass(frozen=True)
class Computer:
    studio: str
    node_id: str
    first_seen_at: datetime
    last_seen_at: datetime


def caller_for_token(engine: Engine, token: str) -> Caller | None:
    with engine.connect() as conn:
        row = conn.execute(select(t.studios).where(t.studios.c.token_sha256 == hash_token(token))).first()
    if row is None:
        return None
    return Caller(Studio(row.id, row.name, bool(row.head_office)), row.revoked_at is not None)


def _studio_id(engine: Engine, name: str) -> str:
    with engine.connect() as conn:
        studio_id = conn.execute(select(t.studios.c.id).where(t.studios.c.name == name)).scalar()
    if studio_id is None:
        raise UnknownStudioError(translate("Server", "There is no studio named {name}.").format(name=name))
    return str(studio_id)


def revoke_studio(engine: Engine, name: str) -> None:
    """The studio's token stops working with its next request; its records stay."""
    studio_id = _studio_id(engine, name)
    with engine.begin() as conn:
        conn.execute(
            update(t.studios).where(t.studios.c.id == studio_id).values(revoked_at=datetime.now(UTC))
        )


def rotate_token(engine: Engine, name: str) -> str:
    """A new token for the studio (the old one stops working); also lifts a revocation."""
    studio_id = _studio_id(engine, name)
    token = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        conn.execute(
            update(t.studios)
            .where(t.studios.c.id == studio_id)
            .values(token_sha256=hash_token(token), revoked_at=None)
        )
    return token


def list_studios(engine: Engine) -> list[StudioInfo]:
    s, c = t.studios.c, t.computers.c
    counts = select(c.studio_id, func.count().label("n")).group_by(c.studio_id).subquery()
    query = (
        select(s.name, s.head_office, s.created_at, s.revoked_at, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.studio_id == s.id)
        .order_by(s.name)
    )
    with engine.connect() as conn:
        return [StudioInfo(*row) for row in conn.execute(query)]


def list_computers(engine: Engine, name: str | None = None) -> list[Computer]:
    s, c = t.studios.c, t.computers.c
    query = (
        select(s.name, c.node_id, c.first_seen_at, c.last_seen_at)
        .join(t.studios, s.id == c.studio_id)
        .order_by(s.name, c.first_seen_at)
    )
    if name is not None:
        query = query.where(s.id == _studio_id(engine, name))
    with engine.connect() as conn:
        return [Computer(*row) for row in conn.execute(query)]


def bind_computer(engine: Engine, studio: Studio, node_id: str) -> str:
    """Register ``node_id`` for ``studio`` if it is new; returns the id of the studio that owns it."""
    now = datetime.now(UTC)
    insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
    c = t.computers.c
    with engine.begin() as conn:
        conn.execute(
            insert(t.computers)
            .values(node_id=node_id, studio_id=studio.id, first_seen_at=now, last_seen_at=now)
            .on_conflict_do_nothing(index_elements=["node_id"])
        )
        conn.execute(
            update(t.computers).where(c.node_id == node_id, c.studio_id == studio.id).values(last_seen_at=now)
        )
        return str(conn.execute(select(c.studio_id).where(c.node_id == node_id)).scalar_one())


def owner_of(engine: Engine, node_id: str) -> str | None:
    """The id of the studio ``node_id`` is registered to (None: it has not pushed yet)."""
    with engine.connect() as conn:
        owner = conn.execute(select(t.computers.c.studio_id).where(t.computers.c.node_id == node_id)).scalar()
    return None if owner is None else str(owner)


def note_pushed(engine: Engine, node_id: str, seq: int, stamp: str) -> None:
    """Remember the highest outbox seq (and its op's stamp) received from ``node_id``: one UPDATE a push.

    Batches on the wire at once may be applied in either order, so only a higher seq replaces the known one.
    """
    c = t.computers.c
    with engine.begin() as conn:
        conn.execute(
            update(t.computers)
            .where(c.node_id == node_id, c.pushed_seq < seq)
            .values(pushed_seq=seq, pushed_stamp=stamp[:64])
        )


def pushed_by(engine: Engine, node_id: str) -> tuple[int, str]:
    """The highest outbox seq received from ``node_id`` and its stamp ((0, ""): it has pushed nothing)."""
    c = t.computers.c
    with engine.connect() as conn:
        row = conn.execute(select(c.pushed_seq, c.pushed_stamp).where(c.node_id == node_id)).first()
    return (0, "") if row is None else (int(row.pushed_seq), str(row.pushed_stamp))
