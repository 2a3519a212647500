"""Ids made from natural keys are what ``uuid.uuid5`` makes, the same on every machine."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

from studio_app.metrics import keys


def test_sample_ids_are_uuid5_of_show_source_and_time_in_any_zone() -> None:
    base = datetime(2026, 11, 20, 12, 0, 0, 123456, tzinfo=UTC)
    for offset_s in (0, 1, 59, 86_399, 10**6):
        at = base + timedelta(seconds=offset_s)
        micros = (at - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)
        name = "\x1f".join(("sample", "show-1", "import", str(micros)))
        expected = str(uuid.uuid5(uuid.UUID("6f1f7a52-3c1e-5b7e-9a53-2f0d8c1b7e41"), name))
        assert keys.sample_id("show-1", "import", at) == expected
        # The same instant written in China time is the same sample.
        china = at.astimezone(timezone(timedelta(hours=8)))
        assert keys.sample_id("show-1", "import", china) == expected
    assert keys.sample_id("show-1", "feed", base) != keys.sample_id("show-1", "import", base)
    assert keys.sample_id("show-2", "import", base) != keys.sample_id("show-1", "import", base)
