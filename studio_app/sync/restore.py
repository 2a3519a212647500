"""A workspace database put back from a backup (or an older copy) syncs again without losing anything.

Such a file holds this computer's node id and pull cursor as they were when it was copied, but the server
may already hold changes this computer made after that, under the same node id. The pull leaves a
computer's own changes out and the cursor is past them, so they would never come back. The next round
therefore starts over as a new computer: a new node id, the cursor at 0 and a pull that includes the old
node's rows (the round's checksum comparison then offers anything the server lacks, stamped to lose).

Two ways to notice: ``store.backups.restore_backup`` leaves a mark in ``app_meta`` (``RESTORED_KEY``), and
for a file copied by hand ``/sync/hello`` says how far the server has seen this node's outbox
(``older_than_server``).
"""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import cast

from sqlalchemy import Connection, Table, delete, select, update

from studio_app.store.backups import RESTORED_KEY
from studio_app.store.models import AppMeta
from studio_app.store.models.base import new_id
from studio_app.store.models.sync import OUTBOX_TABLE, STATE_TABLE, SyncState
from studio_app.sync.outbox import ensure_state

log = logging.getLogger(__name__)
_META = cast(Table, AppMeta.__table__)


class RestartReason(StrEnum):
    RESTORED = "restored"  # restore_backup put a backup in place
    OLDER_THAN_SERVER = "older_than_server"  # the server has seen more of this node than the file holds


def older_than_server(
    pushed_seq: int, pushed_stamp: str, last_seq: int, stamp_at_pushed_seq: str | None
) -> bool:
    """Whether this database is older than its own past, judged by what the server received from its node.

    ``pushed_seq``/``pushed_stamp``: the highest outbox seq the server has received from this node and that
    op's stamp (0: nothing, or an older server). ``last_seq``: the highest seq this database has handed
    out; ``stamp_at_pushed_seq``: the stamp of its outbox entry with ``pushed_seq`` (None: no such entry,
    e.g. it was acknowledged and dropped).

    A seq the database never reached means the changes came from a later copy of it. If the database has
    gone past that seq since it was copied (new edits after the restore), the entry it now has under that
    number carries another stamp than the one the server received.
    """
    if pushed_seq <= 0:
        return False
    if pushed_seq > last_seq:
        return True
    return stamp_at_pushed_seq is not None and stamp_at_pushed_seq != pushed_stamp


def restart_reason(conn: Connection, pushed_seq: int, pushed_stamp: str) -> RestartReason | None:
    """Why this workspace must start over as a new computer before the round goes on (None: it need not)."""
    meta = _META.c
    if conn.execute(select(meta.value).where(meta.key == RESTORED_KEY)).first() is not None:
        return RestartReason.RESTORED
    state = ensure_state(conn)
    stamp = conn.execute(select(OUTBOX_TABLE.c.hlc).where(OUTBOX_TABLE.c.seq == pushed_seq)).scalar()
    if older_than_server(pushed_seq, pushed_stamp, int(state["last_seq"]), stamp):
        return RestartReason.OLDER_THAN_SERVER
    return None


def start_over(conn: Connection, reason: RestartReason) -> str:
    """Give the workspace a new node id and a pull cursor of 0, drop the restore mark; returns the new id.

    The old node id stays bound to the studio on the server (its rows keep it as their origin); the new
    one is registered by the first push. Outbox entries waiting in the file keep their op ids, so those the
    server already has are skipped there as duplicates.
    """
    old = str(ensure_state(conn)["node_id"])
    node_id = new_id()
    conn.execute(delete(_META).where(_META.c.key == RESTORED_KEY))
    conn.execute(update(STATE_TABLE).where(SyncState.id == 1).values(node_id=node_id, pull_cursor=0))
    log.warning(
        "sync: this workspace's database is older than what the server has of it (%s); it now syncs as "
        "computer %s instead of %s and fetches everything again",
        reason.value,
        node_id,
        old,
    )
    return node_id
