"""Row ids made from what a row is about, so the same numbers are the same row on every desktop.

Two desktops of one studio that import the same export into the same show make the same ids: once synced,
the head office holds each minute, product and channel once, not once per desktop (a random id per import
doubled the show's GMV there). ``uuid5`` over the natural key: (show, source, time) for a sample,
(show, product) for a product row, (show, channel) for a traffic row, (show, file digest) for an import.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

# Fixed forever: changing it would give every stored row a second identity.
_NAMESPACE = uuid.UUID("6f1f7a52-3c1e-5b7e-9a53-2f0d8c1b7e41")


def _key_id(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))


def sample_id(show_id: str, source: str, at: datetime) -> str:
    return _key_id("sample", show_id, source, at.astimezone(UTC).isoformat(timespec="microseconds"))


def import_id(show_id: str, file_sha256: str) -> str:
    return _key_id("import", show_id, file_sha256)


def product_row_id(show_id: str, product_key: str) -> str:
    return _key_id("product", show_id, product_key)


def traffic_row_id(show_id: str, channel: str) -> str:
    return _key_id("traffic", show_id, channel)
