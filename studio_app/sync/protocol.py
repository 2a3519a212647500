"""The JSON messages between a desktop and the backend (pydantic models, shared by both sides).

Every request carries ``Authorization: Bearer <studio token>``, ``X-Studio-Node`` (the workspace's node id)
and ``X-Studio-Schema`` (the fingerprint of the synced tables; a mismatch is answered with 409 and nothing
is applied). Push sends outbox entries in sequence order; the server answers with the ops it refused or
kept as conflicts, every other op of the batch is applied (or was already, for a repeated delivery).
Pull pages through the server's change feed with an opaque integer cursor.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, StringConstraints, TypeAdapter

PROTOCOL_VERSION = 1
NODE_HEADER = "X-Studio-Node"
SCHEMA_HEADER = "X-Studio-Schema"
PUSH_PATH = "/sync/push"
PULL_PATH = "/sync/pull"
SUMMARY_PATH = "/sync/summary"
HELLO_PATH = "/sync/hello"
UPLOAD_MEASURE_PATH = "/measure/upload"


# A push carries thousands of ops: they are plain dataclasses validated by a TypeAdapter, which pydantic
# builds about twice as fast as BaseModel instances (this parse was a quarter of the server's push time).
@dataclass(frozen=True, slots=True)
class Op:
    op_id: Annotated[str, StringConstraints(min_length=1, max_length=36)]
    seq: int
    table: Annotated[str, StringConstraints(max_length=80)]
    row_id: Annotated[str, StringConstraints(min_length=1, max_length=36)]
    hlc: Annotated[str, StringConstraints(max_length=64)]
    # The row as canonical JSON text (sorted keys, see sync.codec.canonical_json), sent as a string so the
    # server stores and checksums exactly these bytes instead of decoding and re-encoding every row.
    payload_json: str
    # JSON object: each column this edit changed -> [its value before the edit] ([] if unknown); null for
    # a new row. The server merges concurrent edits per field with it (``sync.merge``).
    changed: str | None = None


@dataclass(frozen=True, slots=True)
class PushRequest:
    schema_version: str
    node_id: str
    batch_id: str
    ops: list[Op]


PUSH_REQUEST: TypeAdapter[PushRequest] = TypeAdapter(PushRequest)


class OpOutcome(StrEnum):
    REJECTED = "rejected"  # refused for good (bad table, bad data, not this studio's record, clock far ahead)
    CONFLICT = "conflict"  # lost to a concurrent edit; the losing version is kept for the user


class OpResult(BaseModel):
    op_id: str
    outcome: OpOutcome
    code: str = ""  # why, for programs (``bad_type``, ``not_owner``, ...); ``reason`` says it for people
    reason: str = ""
    winner_hlc: str = ""


class PushResponse(BaseModel):
    batch_id: str
    received: int
    applied: int
    duplicates: int
    results: list[OpResult] = []
    server_time_ms: int


class ChangeKind(StrEnum):
    UPSERT = "upsert"
    CONFLICT = "conflict"


class Change(BaseModel):
    seq: int
    kind: ChangeKind = ChangeKind.UPSERT
    table: str
    row_id: str
    hlc: str
    payload: dict[str, Any]
    winner_hlc: str = ""
    reason: str = ""


class PullPage(BaseModel):
    changes: list[Change]
    next_cursor: int
    has_more: bool
    server_time_ms: int


class TableSummary(BaseModel):
    count: int
    checksum: int


class SummaryResponse(BaseModel):
    tables: dict[str, TableSummary]
    cursor: int


class HelloResponse(BaseModel):
    studio: str
    head_office: bool
    schema_version: str
    protocol_version: int = PROTOCOL_VERSION
    max_request_bytes: int
    server_time_ms: int
    # 0: no limit announced (an older server).
    max_ops_per_request: int = 0
    # The highest outbox seq the server has received from the calling computer, and that op's stamp (an
    # older server: 0 and ""). More than the workspace's database holds: it is a restored or copied file.
    pushed_seq: int = 0
    pushed_stamp: str = ""


class ErrorBody(BaseModel):
    """``detail`` of every error answer: a stable code for programs and a message for people."""

    code: str
    message: str
