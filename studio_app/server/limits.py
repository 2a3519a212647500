"""What one studio may ask of the server: ops per push, bytes per pull page, requests per minute.

A push over the op limit is answered 413 (the desktop splits it, as for bytes); a studio over its requests
per minute gets 429 with ``Retry-After``, counted per fixed minute in the database so that every server
process on one PostgreSQL shares the count.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy import Engine, delete
from sqlalchemy.dialects import postgresql, sqlite

from studio_app.server import tables as t
from studio_app.sync.codec import canonical_json
from studio_app.sync.protocol import PullPage

# The desktop's default batch (5,000 ops) fits four times over.
DEFAULT_MAX_OPS_PER_REQUEST = 20_000
DEFAULT_MAX_PULL_PAGE_BYTES = 4 * 1024 * 1024
# A desktop's round is a handful of requests; a first sync of a big studio a few hundred, spread over minutes.
DEFAULT_REQUESTS_PER_MINUTE = 600
# What one change costs in a page besides its row (keys, ids, stamps).
_CHANGE_OVERHEAD_BYTES = 200


@dataclass(frozen=True)
class Limits:
    max_ops_per_request: int = DEFAULT_MAX_OPS_PER_REQUEST
    max_pull_page_bytes: int = DEFAULT_MAX_PULL_PAGE_BYTES
    requests_per_minute: int = DEFAULT_REQUESTS_PER_MINUTE

    @staticmethod
    def from_env() -> Limits:
        """From ``STUDIO_SERVER_MAX_OPS``, ``STUDIO_SERVER_MAX_PAGE_BYTES`` and
        ``STUDIO_SERVER_REQUESTS_PER_MINUTE`` where set."""
        defaults = Limits()
        return Limits(
            int(os.environ.get("STUDIO_SERVER_MAX_OPS", defaults.max_ops_per_request)),
            int(os.environ.get("STUDIO_SERVER_MAX_PAGE_BYTES", defaults.max_pull_page_bytes)),
            int(os.environ.get("STUDIO_SERVER_REQUESTS_PER_MINUTE", defaults.requests_per_minute)),
        )


def count_request(engine: Engine, studio_id: str, now_s: float, per_minute: int) -> int | None:
    """Count one request of the studio; the seconds to wait when it is over its limit, else None."""
    window = int(now_s // 60)
    insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
    upsert = insert(t.request_counts).values(studio_id=studio_id, minute=window, requests=1)
    stmt = upsert.on_conflict_do_update(
        index_elements=["studio_id", "minute"],
        set_={"requests": t.request_counts.c.requests + 1},
    ).returning(t.request_counts.c.requests)
    with engine.begin() as conn:
        requests = int(conn.execute(stmt).scalar_one())
        if requests == 1:  # a new minute: the studio's older ones are no longer needed
            c = t.request_counts.c
            conn.execute(delete(t.request_counts).where(c.studio_id == studio_id, c.minute < window))
    if requests <= per_minute:
        return None
    return max(1, int((window + 1) * 60 - now_s + 0.999))


def cap_page_bytes(page: PullPage, max_bytes: int) -> PullPage:
    """The page cut after the change that takes it past ``max_bytes`` (at least one change is sent)."""
    size = 0
    for index, change in enumerate(page.changes):
        size += len(canonical_json(change.payload).encode()) + _CHANGE_OVERHEAD_BYTES
        if size > max_bytes and index > 0:
            kept = page.changes[:index]
            return page.model_copy(update={"changes": kept, "next_cursor": kept[-1].seq, "has_more": True})
    return page
