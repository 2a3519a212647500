"""Per-field merge of concurrent edits of one row, for every synced table.

Each column of a record carries the stamp of the edit that last set it (per-column versions, as cr-sqlite
keeps them), so two studios editing different fields of one show both keep their edit. An op names the
columns it changed, each with the value it had when the user made the edit (``Op.changed``). Per column
the newer stamp wins; a value that loses to an edit made without seeing it is returned for the conflict
list, whichever side it came from, so nothing is dropped without a trace. An earlier edit of the same
computer is only superseded: that computer's clock moves forward, so its newer value was made after it.

Deletion is a column too (``deleted_at``): an edit that meets a deleted row stays in the tombstone and
its live version is kept as a conflict; a deletion that meets edits its author did not see keeps the
edited live version the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from studio_app.sync.hlc import is_stamp

# Moved by every edit of a row (or set when a desktop first stores it): the newest wins, and two values
# of these are never a conflict anybody needs to see.
BOOKKEEPING = frozenset({"updated_at", "created_at"})
DELETED = "deleted_at"


def node_of(stamp: str) -> str:
    return stamp.split(":", 2)[-1]


@dataclass(frozen=True)
class Stored:
    """The record as the server holds it: the row, its stamp (the newest of its columns) and the
    columns whose stamp is older than that (``None``: all of them have the record's stamp)."""

    payload: dict[str, Any]
    hlc: str
    field_hlc: dict[str, str] | None = None

    def stamp(self, column: str) -> str:
        stamp = self.hlc if self.field_hlc is None else self.field_hlc.get(column, self.hlc)
        # A stamp an older server stored without checking it (``9:00000:x`` sorts above every real one)
        # counts as the oldest, so it cannot pin a value against every later edit.
        return stamp if is_stamp(stamp) else ""


@dataclass
class Merged:
    payload: dict[str, Any]
    hlc: str
    field_hlc: dict[str, str] | None
    changed: bool  # the record's row or stamps differ from what was stored
    # The op's values that lost (its version for the conflict list), empty when none did.
    op_lost: dict[str, Any] = field(default_factory=dict)
    # Values the op replaced that its author had not seen, by the stamp that had set them.
    overwritten: dict[str, dict[str, Any]] = field(default_factory=dict)

    def version_of(self, values: dict[str, Any]) -> dict[str, Any]:
        """The merged row with ``values`` put back: what a conflict entry keeps, so that the list shows
        exactly the columns that lost and restoring it reverts nothing else."""
        return {**self.payload, **values}


def merge(
    stored: Stored,
    payload: dict[str, Any],
    hlc: str,
    changed: dict[str, list[Any]] | None,
    node: str,
) -> Merged:
    """Merge one op (``payload`` stamped ``hlc`` by computer ``node``) into ``stored``.

    ``changed``: column -> ``[value before the edit]`` (``[]`` when the desktop did not know it);
    ``None`` for a new row, every column of which is then new.
    """
    row = dict(stored.payload)
    stamps = {column: stored.stamp(column) for column in set(row) | set(payload)}
    columns = [c for c in (payload if changed is None else changed) if c in payload and c != "id"]
    op_lost: dict[str, Any] = {}
    overwritten: dict[str, dict[str, Any]] = {}
    for column in columns:
        new = payload[column]
        current = row.get(column)
        stamp = stamps[column]
        other = node_of(stamp) != node and column not in BOOKKEEPING
        if hlc > stamp:
            stamps[column] = hlc
            if new == current:
                continue
            row[column] = new
            seen = changed is not None and changed[column][:1] == [current]
            if other and not seen and column != DELETED:
                overwritten.setdefault(stamp, {})[column] = current
        elif new != current and (other or hlc == stamp):
            # The same stamp on two different values: one computer's clock handed it out twice (a
            # workspace copied or restored before it took a new node id). Neither is later: keep this one.
            op_lost[column] = new
    _keep_deleted_edits(stored, row, payload, changed, node, op_lost, overwritten)
    newest = max(stamps.values())
    older = {column: stamp for column, stamp in stamps.items() if stamp != newest}
    field_hlc = older or None
    moved = row != stored.payload or newest != stored.hlc or field_hlc != (stored.field_hlc or None)
    return Merged(row, newest, field_hlc, moved, op_lost, overwritten)


def _keep_deleted_edits(
    stored: Stored,
    row: dict[str, Any],
    payload: dict[str, Any],
    changed: dict[str, list[Any]] | None,
    node: str,
    op_lost: dict[str, Any],
    overwritten: dict[str, dict[str, Any]],
) -> None:
    """A deletion and an edit that did not see each other: the live version is kept as a conflict."""
    was_live = stored.payload.get(DELETED) is None
    if row.get(DELETED) is None:
        return
    if payload.get(DELETED) is None and changed is not None:
        # An edit (not a new row) that ended up in a tombstone: keep the edited row, live.
        edited = {c: payload[c] for c in changed if c in payload and c not in BOOKKEEPING}
        if edited and node_of(stored.stamp(DELETED)) != node:
            op_lost.update(edited)
            op_lost[DELETED] = None
    elif was_live and payload.get(DELETED) is not None:
        # This op deleted the row: did someone change it after the deleter last saw it?
        unseen = {
            c: v
            for c, v in stored.payload.items()
            if c not in BOOKKEEPING
            and c != DELETED
            and payload.get(c) != v
            and node_of(stored.stamp(c)) != node
        }
        if unseen:
            overwritten.setdefault(stored.hlc, {}).update({**unseen, DELETED: None})
