"""The backend's own tables (its own metadata, not the desktop's): studios, records, change feed, conflicts.

``records`` holds the current version of every synced row of every studio, keyed by (table, id), with the
studio that owns it and the HLC stamp of the version. A row's ``seq`` is renewed whenever the row changes,
so "records with seq above my cursor" is the change feed; how seqs are numbered so that a reader never
sees seq 11 before seq 10 has committed is in ``service`` ("the change feed"): a counter row on SQLite,
transaction ids on PostgreSQL (``sync_counter`` is then unused).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

BigId = BigInteger().with_variant(Integer, "sqlite")

studios = Table(
    "studios",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("head_office", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # Set by ``serve revoke-studio``: its token stops working at once (kept so the studio's records keep
    # their owner and the name cannot be taken by someone else).
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)

# Every computer (a workspace's node id) the server has seen, bound to the studio whose token first used it:
# a node id is refused for any other studio, so no studio can write under another's stamps.
computers = Table(
    "computers",
    metadata,
    Column("node_id", String(36), primary_key=True),
    Column("studio_id", String(36), nullable=False, index=True),
    Column("first_seen_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
    # The highest outbox seq received from this computer and that op's stamp: a workspace whose database
    # holds less than this is a restored or copied file (``/sync/hello`` tells it, see sync/restore.py).
    Column("pushed_seq", BigInteger, nullable=False, default=0, server_default="0"),
    Column("pushed_stamp", String(64), nullable=False, default="", server_default=""),
)

# Requests per studio per minute (fixed windows), counted in the database so that every server process
# on it shares one count.
request_counts = Table(
    "request_counts",
    metadata,
    Column("studio_id", String(36), primary_key=True),
    Column("minute", BigInteger, primary_key=True),  # minutes since the epoch
    Column("requests", Integer, nullable=False),
)

counter = Table(
    "sync_counter",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("value", BigInteger, nullable=False),
)

records = Table(
    "records",
    metadata,
    Column("table_name", String(80), primary_key=True),
    Column("record_id", String(36), primary_key=True),
    Column("owner_studio_id", String(36), nullable=False),
    Column("writer_studio_id", String(36), nullable=False),
    Column("origin_node", String(36), nullable=False),
    Column("hlc", String(64), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("digest", BigInteger, nullable=False),
    # False for a tombstone (deleted_at set): checksums compare the live rows only.
    Column("live", Boolean, nullable=False),
    Column("payload", Text, nullable=False),
    # The op that wrote this version: a repeated delivery of it is recognised here, so applied_ops only
    # takes the ops that did not become (or no longer are) a current version.
    Column("op_id", String(36), nullable=False),
    # JSON: column -> stamp of the edit that set it, for the columns older than ``hlc`` (null: none), so
    # concurrent edits merge per field (``sync.merge``).
    Column("field_hlc", Text, nullable=True),
    # Only the feed's order is indexed: every extra index is paid on each of the 100,000s of pushed rows,
    # and the owner filter is applied while walking the feed in seq order anyway.
    Index("ix_records_seq", "seq"),
)

# Ops already handled that are not a record's current version (``records.op_id`` has those): refused,
# lost to a newer stamp, or overwritten since. Together they make a repeated batch apply once.
applied_ops = Table(
    "applied_ops",
    metadata,
    Column("op_id", String(36), primary_key=True),
    Column("studio_id", String(36), nullable=False),
    # Kept so that a repeated push of a refused op gets the same answer, not a silent "already done".
    Column("outcome", String(20), nullable=True),
    Column("code", String(40), nullable=True),  # the refusal's code (server.validate)
    Column("reason", Text, nullable=True),
    Column("winner_hlc", String(64), nullable=True),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("seq", BigInteger, nullable=False, index=True),
    Column("table_name", String(80), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("owner_studio_id", String(36), nullable=False),
    Column("losing_studio_id", String(36), nullable=False),
    Column("winning_studio_id", String(36), nullable=False),
    Column("losing_hlc", String(64), nullable=False),
    Column("winner_hlc", String(64), nullable=False),
    Column("payload", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
