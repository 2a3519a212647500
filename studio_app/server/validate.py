"""The server's checks of a pushed op, run before any op of the batch is applied.

Per op (no database): a synced table, JSON that is a row of it (``sync.validate.check_payload``: types,
NOT NULL, lengths, the id), the domain's enum values, a stamp in the one format and not too far ahead.
Per batch (reads only): every stamp names a computer of the pushing studio, and a foreign key never points
at a row the studio cannot see. A refused op gets a :class:`Refusal` (code and message) and nothing of it
is stored.

A parent the server does not hold yet is accepted: a desktop has several batches on the wire at once and
the server may apply them in either order, so a child can arrive before its parent.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic_core import from_json
from sqlalchemy import Connection, Engine, select

from studio_app.i18n import translate
from studio_app.liveroom.questions import QuestionStatus
from studio_app.probes.result import ProbeStatus
from studio_app.probes.verdict import Verdict
from studio_app.script.model import EmergencyKind, RunLogKind, SegmentKind
from studio_app.server import tables as t
from studio_app.sync.codec import TableCodec, synced_codecs
from studio_app.sync.hlc import Hlc, check_drift
from studio_app.sync.protocol import Op
from studio_app.sync.validate import Refusal, bad_stamp, check_payload

# Columns whose text is one of a domain enum's values: the desktop's code reads them back as that enum.
ENUM_COLUMNS: dict[tuple[str, str], type[StrEnum]] = {
    ("check_runs", "verdict"): Verdict,
    ("check_probe_results", "status"): ProbeStatus,
    ("script_segments", "kind"): SegmentKind,
    ("script_emergencies", "kind"): EmergencyKind,
    ("run_log_events", "kind"): RunLogKind,
    ("live_questions", "status"): QuestionStatus,
}


@dataclass(frozen=True, slots=True)
class OpCheck:
    """One op's verdict; for a valid op, the computer in its stamp and the rows its foreign keys name
    (both checked per batch, against the database)."""

    refusal: Refusal | None
    node: str = ""
    parents: tuple[tuple[str, str], ...] = ()


def check_op(op: Op, now_ms: int, codecs: dict[str, TableCodec]) -> OpCheck:
    """Everything about one op that needs no database."""
    codec = codecs.get(op.table)
    if codec is None:
        return OpCheck(
            Refusal("unknown_table", translate("Server", "Unknown table {table}.").format(table=op.table))
        )
    try:
        stamp = Hlc.decode(op.hlc)
    except ValueError:
        return OpCheck(bad_stamp(op.hlc))
    try:
        data = from_json(op.payload_json)
    except ValueError:
        return OpCheck(Refusal("bad_json", translate("Server", "The row data is not valid JSON.")))
    refusal = check_payload(codec, op.row_id, data) or _check_enums(op.table, data)
    if refusal is None and op.changed is not None:
        refusal = _check_changed(codec, op.changed)
    if refusal is not None:
        return OpCheck(refusal)
    drift = check_drift(stamp, now_ms)
    if drift is not None:
        return OpCheck(Refusal("clock_ahead", drift))
    parents = tuple(
        (parent_table, data[name])
        for name, parent_table in _parent_columns(codec.name)
        if data.get(name) is not None
    )
    return OpCheck(None, stamp.node_id, parents)


def _check_changed(codec: TableCodec, changed: str) -> Refusal | None:
    """``Op.changed``: an object of the table's columns, each with a list of at most one earlier value."""
    try:
        data = from_json(changed)
    except ValueError:
        data = None
    if (
        isinstance(data, dict)
        and data.keys() <= codec.column_names
        and all(isinstance(v, list) and len(v) <= 1 for v in data.values())
    ):
        return None
    return Refusal(
        "bad_changed",
        translate("Server", "The list of changed columns is not a list of this table's columns."),
    )


@functools.cache
def _parent_columns(table: str) -> tuple[tuple[str, str], ...]:
    """(column, parent table) of each foreign key of ``table`` that points at a synced table."""
    synced = synced_codecs()
    return tuple(
        (column.name, key.column.table.name)
        for column in synced[table].table.columns
        for key in column.foreign_keys
        if key.column.table.name in synced
    )


def _check_enums(table: str, data: dict[str, Any]) -> Refusal | None:
    for column, values in _enum_columns(table):
        value = data.get(column)
        if value is not None and value not in values:
            return Refusal(
                "bad_value",
                translate("Server", "{table}.{column}: {value!r} is not one of {allowed}.").format(
                    table=table, column=column, value=str(value)[:40], allowed=", ".join(sorted(values))
                ),
            )
    return None


@functools.cache
def _enum_columns(table: str) -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple(
        (column, frozenset(v.value for v in values))
        for (enum_table, column), values in ENUM_COLUMNS.items()
        if enum_table == table
    )


def foreign_stamp_refusals(nodes: dict[str, str], own_nodes: set[str]) -> dict[str, Refusal]:
    """Ops (op id -> the computer in its stamp) stamped by a computer not of the pushing studio."""
    refusals = {}
    for op_id, node in nodes.items():
        if node not in own_nodes:
            refusals[op_id] = Refusal(
                "foreign_stamp",
                translate(
                    "Server",
                    "The change is stamped by computer {node}, which is not one of this studio's computers.",
                ).format(node=node),
            )
    return refusals


def hidden_parent_refusals(
    conn: Connection,
    ops: Sequence[Op],
    parents: dict[str, tuple[tuple[str, str], ...]],
    visible_owners: set[str] | None,
) -> dict[str, Refusal]:
    """Ops whose foreign key names a row the server holds for a studio this one cannot see.

    ``parents``: op id -> the rows its foreign keys name; ``visible_owners``: the studios whose rows the
    pusher sees (None: all of them, the head office).
    """
    if visible_owners is None:
        return {}
    in_batch = {(op.table, op.row_id) for op in ops}
    wanted = {parent for rows in parents.values() for parent in rows if parent not in in_batch}
    owners = _owners(conn, wanted) if wanted else {}
    refusals = {}
    for op_id, rows in parents.items():
        for table, row_id in rows:
            owner = owners.get((table, row_id))
            if owner is not None and owner not in visible_owners:
                refusals[op_id] = Refusal(
                    "hidden_parent",
                    translate(
                        "Server", "The row refers to {table} {row}, which belongs to another studio."
                    ).format(table=table, row=row_id),
                )
                break
    return refusals


def _owners(conn: Connection, keys: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    by_table: dict[str, list[str]] = {}
    for table, row_id in keys:
        by_table.setdefault(table, []).append(row_id)
    c = t.records.c
    owners = {}
    for table, ids in by_table.items():
        for start in range(0, len(ids), 500):
            query = select(c.record_id, c.owner_studio_id).where(
                c.table_name == table, c.record_id.in_(ids[start : start + 500])
            )
            for record_id, owner in conn.execute(query):
                owners[(table, record_id)] = owner
    return owners


def batch_refusals(
    engine: Engine,
    studio_id: str,
    head_office: bool,
    node_id: str,
    ops: Sequence[Op],
    checks: dict[str, OpCheck],
) -> dict[str, Refusal]:
    """The checks of valid ops (``checks``: op id -> its :func:`check_op`) that read the database: whose
    computers stamped them, whose rows they name. ``node_id`` (the request's) is bound to the studio already.
    """
    if not ops:
        return {}
    nodes = {op_id: check.node for op_id, check in checks.items()}
    c = t.computers.c
    with engine.connect() as conn:
        others = set(nodes.values()) - {node_id}
        own = {node_id}
        if others:
            query = select(c.node_id).where(c.studio_id == studio_id, c.node_id.in_(sorted(others)))
            own.update(conn.execute(query).scalars())
        refusals = foreign_stamp_refusals(nodes, own)
        visible = None
        if not head_office:
            offices = select(t.studios.c.id).where(t.studios.c.head_office.is_(True))
            visible = {studio_id, *conn.execute(offices).scalars()}
        parents = {op_id: check.parents for op_id, check in checks.items() if check.parents}
        refusals.update(hidden_parent_refusals(conn, ops, parents, visible))
    return refusals
