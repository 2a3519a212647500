"""The conflict list: versions that lost to a concurrent edit, and changes the server refused.

The user either keeps the current version (the entry is closed) or restores the kept version: it is
written to the local row as a new edit, so it travels like any other and wins over what it lost to.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from studio_app.clock import Clock
from studio_app.i18n import translate
from studio_app.store.handle import StoreHandle
from studio_app.store.models.sync import CONFLICT_TABLE
from studio_app.sync.codec import synced_codecs
from studio_app.sync.outbox import changed_columns, record_changes

_BOOKKEEPING = frozenset({"id", "created_at", "updated_at"})
_LABEL_FIELDS = ("title", "name", "host_text", "text", "description", "note")


@dataclass(frozen=True)
class ConflictItem:
    id: str
    kind: str  # "conflict" | "rejected"
    table_name: str
    row_id: str
    reason: str
    created_at: datetime
    label: str  # a few words from the row itself, for the user to recognise it
    payload: dict[str, Any]
    # (column, kept value, current value) for the columns where the kept version differs from this desk's
    differences: tuple[tuple[str, Any, Any], ...] = ()


def open_conflicts(engine: Engine) -> list[ConflictItem]:
    c = CONFLICT_TABLE.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(CONFLICT_TABLE).where(c.resolved_at.is_(None)).order_by(c.created_at.desc())
        ).mappings()
        items = []
        codecs = synced_codecs()
        for row in rows.all():
            payload = json.loads(row["payload"])
            differences: tuple[tuple[str, Any, Any], ...] = ()
            codec = codecs.get(row["table_name"])
            if codec is not None:
                current_row = (
                    conn.execute(select(codec.table).where(codec.table.c.id == row["row_id"]))
                    .mappings()
                    .first()
                )
                current = codec.encode_row(current_row) if current_row is not None else {}
                differences = tuple(
                    (name, payload[name], current.get(name))
                    for name in sorted(payload)
                    if name not in _BOOKKEEPING and payload[name] != current.get(name)
                )
            items.append(
                ConflictItem(
                    id=row["id"],
                    kind=row["kind"],
                    table_name=row["table_name"],
                    row_id=row["row_id"],
                    reason=row["reason"],
                    created_at=row["created_at"],
                    label=_label(payload, row["row_id"]),
                    payload=payload,
                    differences=differences,
                )
            )
    return items


def _label(payload: dict[str, Any], row_id: str) -> str:
    for name in _LABEL_FIELDS:
        value = payload.get(name)
        if isinstance(value, str) and value.strip():
            text = " ".join(value.split())
            return text if len(text) <= 40 else text[:39] + "…"
    return row_id[:8]


def keep_current(store: StoreHandle, conflict_id: str) -> None:
    resolved = update(CONFLICT_TABLE).where(CONFLICT_TABLE.c.id == conflict_id)
    now = store.clock.now()
    store.writer.run(lambda session: session.connection().execute(resolved.values(resolved_at=now)))


class ConflictError(ValueError):
    """``str()`` is a message for the user."""


def restore_version(store: StoreHandle, conflict_id: str) -> None:
    """Make the kept version the current one again, as a new local edit that syncs like any other."""
    store.writer.run(lambda session: _restore(session.connection(), conflict_id, store.clock))


def _restore(conn: Connection, conflict_id: str, clock: Clock) -> None:
    row = conn.execute(select(CONFLICT_TABLE).where(CONFLICT_TABLE.c.id == conflict_id)).mappings().first()
    if row is None or row["resolved_at"] is not None:
        raise ConflictError(translate("Sync", "This conflict was already resolved."))
    codec = synced_codecs().get(row["table_name"])
    if codec is None:
        raise ConflictError(
            translate("Sync", "This version belongs to a table this app does not know ({table}).").format(
                table=row["table_name"]
            )
        )
    values = codec.decode_payload(json.loads(row["payload"]))
    values["updated_at"] = clock.now()
    table = codec.table
    before = conn.execute(select(table).where(table.c.id == row["row_id"])).mappings().first()
    stmt = sqlite_insert(codec.table).values(values)
    stmt = stmt.on_conflict_do_update(
        index_elements=["id"], set_={k: stmt.excluded[k] for k in values if k != "id"}
    )
    conn.execute(stmt)
    current = conn.execute(select(codec.table).where(codec.table.c.id == row["row_id"])).mappings().one()
    after = codec.encode_row(current)
    changed = None if before is None else changed_columns(codec.encode_row(before), after)
    record_changes(conn, [(codec, after, changed)])
    conn.execute(
        update(CONFLICT_TABLE).where(CONFLICT_TABLE.c.id == conflict_id).values(resolved_at=clock.now())
    )
