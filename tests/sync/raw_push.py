"""Pushes as a desktop's sync client sends them, built without a desktop: for the change-feed tests and
``bench/sync_load.py``, which simulate many studios at once.

A row is completed the way the desktop's outbox completes a bulk insert (every column, its default) and
encoded by the same codec, so the server checks and stores it like any other.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from studio_app.store.models.base import new_id
from studio_app.sync.codec import canonical_json, schema_fingerprint, synced_codecs
from studio_app.sync.hlc import Hlc
from studio_app.sync.outbox import _completed
from studio_app.sync.protocol import Op, PushRequest


def payload(table: str, values: Mapping[str, Any], now: datetime | None = None) -> dict[str, Any]:
    codec = synced_codecs()[table]
    (row,) = _completed(codec, [values], now or datetime.now(UTC))
    return codec.encode_row(row)


class Node:
    """One simulated computer: its node id, its stamps (from a wall time the caller moves) and op seqs."""

    def __init__(self, node_id: str | None = None) -> None:
        self.node_id = node_id or new_id()
        self.seq = 0
        self.counter = 0
        self.last_wall = 0

    def stamp(self, wall_ms: int) -> str:
        if wall_ms <= self.last_wall:
            self.counter += 1
        else:
            self.last_wall, self.counter = wall_ms, 0
        return Hlc(self.last_wall, self.counter, self.node_id).encode()

    def ops(self, rows: Iterable[tuple[str, dict[str, Any]]], wall_ms: int) -> list[Op]:
        out = []
        for table, row in rows:
            self.seq += 1
            out.append(
                Op(
                    op_id=new_id(),
                    seq=self.seq,
                    table=table,
                    row_id=row["id"],
                    hlc=self.stamp(wall_ms),
                    payload_json=canonical_json(row),
                )
            )
        return out

    def request(self, ops: list[Op]) -> PushRequest:
        return PushRequest(
            schema_version=schema_fingerprint(), node_id=self.node_id, batch_id=new_id(), ops=ops
        )

    def body(self, ops: list[Op]) -> dict[str, Any]:
        return push_body(self.node_id, [dataclasses.asdict(op) for op in ops])

    def headers(self, token: str) -> dict[str, str]:
        return push_headers(token, self.node_id)


def push_body(node_id: str, ops: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The JSON body of ``POST /sync/push``: ``ops`` as dicts of ``protocol.Op``'s fields."""
    return {
        "schema_version": schema_fingerprint(),
        "node_id": node_id,
        "batch_id": new_id(),
        "ops": list(ops),
    }


def push_headers(token: str, node_id: str) -> dict[str, str]:
    """What every sync request carries: the studio's token, the computer, the schema's fingerprint."""
    return {
        "Authorization": f"Bearer {token}",
        "X-Studio-Node": node_id,
        "X-Studio-Schema": schema_fingerprint(),
    }
