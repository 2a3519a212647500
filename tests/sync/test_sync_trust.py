"""A backend the head office can trust (issue 11, items 1-3): every pushed op is checked against its table,
stamps have one strict format, computers belong to one studio, and a bad stored change never stops a pull.

Against ``studio-app serve`` on a real PostgreSQL; hostile pushes are sent as raw HTTP, as a tampered
desktop would send them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import httpx
import pytest
from raw_push import push_body, push_headers
from sqlalchemy import func, insert, select
from sync_harness import Backend, serve_action, server_record_count, studio_app

from studio_app.server import service
from studio_app.server import tables as st
from studio_app.store.db import Database
from studio_app.store.handle import StoreHandle
from studio_app.store.models import Show
from studio_app.store.models.base import new_id
from studio_app.store.models.sync import QUARANTINE_TABLE, STATE_TABLE
from studio_app.sync.codec import canonical_json, row_digest, synced_codecs
from studio_app.sync.hlc import Hlc
from studio_app.sync.protocol import PULL_PATH, PUSH_PATH
from studio_app.sync.status import read_snapshot


@pytest.fixture
def backend_kind() -> str:
    return "postgresql"


def _stamp(node: str, offset_ms: int = 0) -> str:
    return Hlc(service.now_ms() + offset_ms, 0, node).encode()


def _show_row(db: Database, title: str = "双十一专场") -> dict[str, Any]:
    """A real ``shows`` row as a desktop encodes it."""
    with db.session() as s:
        show = Show(title=title)
        s.add(show)
        s.flush()
        return synced_codecs()["shows"].encode_object(show)


def _push(backend: Backend, studio: str, node: str, ops: list[tuple[str, str, Any, str]]) -> httpx.Response:
    """Raw ops (table, row id, payload dict or JSON text, stamp) as one push of ``studio`` from ``node``."""
    body = push_body(
        node,
        (
            {
                "op_id": new_id(),
                "seq": i + 1,
                "table": table,
                "row_id": row_id,
                "hlc": hlc,
                "payload_json": payload if isinstance(payload, str) else canonical_json(payload),
            }
            for i, (table, row_id, payload, hlc) in enumerate(ops)
        ),
    )
    return httpx.post(backend.server.url + PUSH_PATH, json=body, headers=_headers(backend, studio, node))


def _headers(backend: Backend, studio: str, node: str) -> dict[str, str]:
    return push_headers(backend.tokens[studio], node)


BAD_SHOWS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "created_at is not a date": (lambda r: r.update(created_at="x"), "bad_type"),
    "created_at has no time zone": (lambda r: r.update(created_at="2026-11-20T12:00:00"), "bad_type"),
    "planned_minutes is text": (lambda r: r.update(planned_minutes="120"), "bad_type"),
    "planned_minutes is a boolean": (lambda r: r.update(planned_minutes=True), "bad_type"),
    "is_demo is a number": (lambda r: r.update(is_demo=1), "bad_type"),
    "title is null": (lambda r: r.update(title=None), "missing_value"),
    "title is missing": (lambda r: r.pop("title"), "missing_value"),
    "title is too long": (lambda r: r.update(title="长" * 201), "too_long"),
    "an unknown column": (lambda r: r.update(gmv_fen=1), "unknown_column"),
    "the id differs from the row's": (lambda r: r.update(id=new_id()), "id_mismatch"),
}


@pytest.mark.parametrize("case", sorted(BAD_SHOWS))
def test_a_push_of_an_invalid_row_is_refused_with_a_code_and_stores_nothing(
    backend: Backend, desktop: Callable[..., Database], case: str
) -> None:
    spoil, code = BAD_SHOWS[case]
    good, bad = _show_row(desktop("a"), "好的"), _show_row(desktop("a2"), "坏的")
    row_id = bad["id"]
    spoil(bad)
    node = new_id()
    answer = _push(
        backend,
        "studio_a",
        node,
        [("shows", row_id, bad, _stamp(node)), ("shows", good["id"], good, _stamp(node))],
    )
    assert answer.status_code == 200
    body = answer.json()
    assert body["applied"] == 1
    [refused] = body["results"]
    assert (refused["outcome"], refused["code"]) == ("rejected", code)
    assert "shows" in refused["reason"]
    with backend.engine.connect() as conn:
        stored = set(conn.execute(select(st.records.c.record_id)).scalars())
        assert stored == {good["id"]}
        # Its repeat gets the same answer, code included, and still stores nothing.
    again = _push(backend, "studio_a", node, [("shows", row_id, bad, _stamp(node))]).json()
    assert again["results"][0]["code"] == code and server_record_count(backend.engine) == 1


def test_an_unknown_enum_value_and_a_row_of_an_unknown_table_are_refused(backend: Backend) -> None:
    node = new_id()
    segment: dict[str, Any] = {
        "id": new_id(),
        "script_id": new_id(),
        "position": 0,
        "kind": "hard_sell",
        "title": "逼单",
        "planned_minutes": 5.0,
        "host_text": "",
        "deleted_at": None,
    }
    answer = _push(
        backend,
        "studio_a",
        node,
        [("script_segments", segment["id"], segment, _stamp(node)), ("gmv", "1", {"id": "1"}, _stamp(node))],
    ).json()
    codes = sorted(r["code"] for r in answer["results"])
    assert codes == ["bad_value", "unknown_table"] and answer["applied"] == 0


@pytest.mark.parametrize(
    ("stamp", "code"),
    [
        ("9:00000:x", "bad_stamp"),  # would sort above every real stamp as text
        ("001796409311638:0:node-a", "bad_stamp"),
        ("001796409311638:00000:NODE_A", "bad_stamp"),  # outside the node-id alphabet
        (None, "clock_ahead"),  # well-formed, two days ahead
    ],
)
def test_stamps_have_one_strict_format_and_a_drift_limit_on_their_time(
    backend: Backend, desktop: Callable[..., Database], stamp: str | None, code: str
) -> None:
    node = new_id()
    row = _show_row(desktop("a"))
    hlc = stamp or _stamp(node, offset_ms=48 * 3600 * 1000)
    answer = _push(backend, "studio_a", node, [("shows", row["id"], row, hlc)]).json()
    assert [r["code"] for r in answer["results"]] == [code]
    assert server_record_count(backend.engine) == 0


def test_a_studio_cannot_use_the_head_offices_computer_or_its_stamps(
    backend: Backend, desktop: Callable[..., Database], make_client: Callable[..., Any]
) -> None:
    hq_db = desktop("hq")
    hq = make_client(hq_db, backend.server.url, backend.tokens["hq"])
    plan = _show_row(hq_db, "总部排期")
    hq.sync()
    hq_node = hq.node_id  # what studio_a reads off the stamps it pulls

    row = _show_row(desktop("a"), "冒充总部")
    taken = _push(backend, "studio_a", hq_node, [("shows", row["id"], row, _stamp(hq_node))])
    assert taken.status_code == 403 and taken.json()["detail"]["code"] == "computer_taken"

    own = new_id()
    forged = dict(plan, title="改掉总部的排期")
    answer = _push(backend, "studio_a", own, [("shows", plan["id"], forged, _stamp(hq_node, 1000))]).json()
    assert [r["code"] for r in answer["results"]] == ["foreign_stamp"]
    with backend.engine.connect() as conn:
        payload = conn.execute(
            select(st.records.c.payload).where(st.records.c.record_id == plan["id"])
        ).scalar()
    assert json.loads(str(payload))["title"] == "总部排期"

    listing = serve_action("list-computers", "--database", backend.database_url)
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert any(line.startswith("hq\t" + hq_node) for line in lines)
    assert any(line.startswith("studio_a\t" + own) for line in lines)
    assert not any(line.startswith("studio_a\t" + hq_node) for line in lines)


def test_a_foreign_key_may_not_name_another_studios_row(
    backend: Backend, desktop: Callable[..., Database], make_client: Callable[..., Any]
) -> None:
    b_db = desktop("b")
    b = make_client(b_db, backend.server.url, backend.tokens["studio_b"])
    b_show = _show_row(b_db, "B 的专场")
    b.sync()
    node = new_id()
    script = {
        "id": new_id(),
        "show_id": b_show["id"],
        "revision": 1,
        "title": "挂到别人的场次下",
        "source_text": "",
        "deleted_at": None,
    }
    answer = _push(backend, "studio_a", node, [("scripts", script["id"], script, _stamp(node))]).json()
    assert [r["code"] for r in answer["results"]] == ["hidden_parent"]
    # A parent still on its way (not on the server yet) is no reason to refuse.
    script2 = dict(script, id=new_id(), show_id=new_id())
    assert (
        _push(backend, "studio_a", node, [("scripts", script2["id"], script2, _stamp(node))]).json()[
            "applied"
        ]
        == 1
    )


def _newest_change(backend: Backend) -> int:
    with backend.engine.connect() as conn:
        return int(conn.execute(select(func.max(st.records.c.seq))).scalar_one())


def _record_count(backend: Backend) -> int:
    with backend.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(st.records)).scalar_one())


@dataclass(frozen=True)
class _Store:
    """What ``read_snapshot`` reads: the database."""

    db: Database


def _store_as_an_old_server_did(backend: Backend, studio: str, payload: dict[str, Any], hlc: str) -> None:
    """A record written before the server checked rows (the issue's ``created_at: "x"``)."""
    text = canonical_json(payload)
    with backend.engine.begin() as conn:
        base = service.seq_base(conn)
        seq = base + 1
        conn.execute(
            insert(st.records).values(
                table_name="shows",
                record_id=payload["id"],
                owner_studio_id=backend.studios[studio].id,
                writer_studio_id=backend.studios[studio].id,
                origin_node="old-desktop",
                hlc=hlc,
                seq=seq,
                digest=row_digest("shows", text),
                live=True,
                payload=text,
                op_id=new_id(),
            )
        )
        service.seqs_used(conn, base, seq)


def test_a_bad_stored_change_is_set_aside_and_the_pull_goes_on(
    backend: Backend, desktop: Callable[..., Database], make_client: Callable[..., Any]
) -> None:
    a_db, hq_db, elsewhere = desktop("a"), desktop("hq"), desktop("old")
    bad = _show_row(elsewhere, "坏日期")
    bad["created_at"] = "x"
    _store_as_an_old_server_did(backend, "studio_a", bad, _stamp("old-desktop"))
    wrong_stamp = _show_row(elsewhere, "坏戳")
    _store_as_an_old_server_did(backend, "studio_a", wrong_stamp, "9:00000:x")
    a = make_client(a_db, backend.server.url, backend.tokens["studio_a"])
    _show_row(a_db, "好的")
    assert a.sync().quarantined == 2  # its own studio's rows: set aside there too, no resync for them
    assert _record_count(backend) == 3

    hq = make_client(hq_db, backend.server.url, backend.tokens["hq"])
    report = hq.sync(verify=False)
    assert report.quarantined == 2 and report.pulled_changes == 1
    with hq_db.engine.connect() as conn:
        assert conn.execute(select(STATE_TABLE.c.pull_cursor)).scalar_one() >= _newest_change(backend)
        set_aside = conn.execute(select(QUARANTINE_TABLE.c.row_id, QUARANTINE_TABLE.c.code)).all()
        assert sorted(set_aside) == sorted([(bad["id"], "bad_type"), (wrong_stamp["id"], "bad_stamp")])
        assert conn.execute(select(func.count()).select_from(Show)).scalar_one() == 1
    assert read_snapshot(cast(StoreHandle, _Store(hq_db))).quarantined == 2
    # A resync from the start meets them again and keeps them once.
    hq.pull(include_own=True)
    with hq_db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(QUARANTINE_TABLE)).scalar_one() == 2


def test_studio_app_sync_reports_the_changes_set_aside(
    backend: Backend, desktop: Callable[..., Database], tmp_path: Any
) -> None:
    bad = _show_row(desktop("a"), "坏日期")
    bad["created_at"] = "x"
    _store_as_an_old_server_did(backend, "studio_a", bad, _stamp("old-desktop"))
    result = studio_app(
        "sync",
        "--once",
        "--server",
        backend.server.url,
        workspace=tmp_path / "hq-workspace",
        token=backend.tokens["hq"],
    )
    # The round finishes (received, cursor moved on); the difference it leaves is said plainly, as for a
    # refused push, and the exit status says "not all in step".
    assert "received 0;" in result.stdout, result.stderr  # the one change there was set aside
    assert "1 incoming changes set aside this time, 1 in all" in result.stderr
    assert "These tables still differ from the server: shows" in result.stderr
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_pull_of_a_refused_op_leaves_the_feed_untouched(
    backend: Backend, desktop: Callable[..., Database]
) -> None:
    node = new_id()
    row = _show_row(desktop("a"))
    row["created_at"] = "x"
    _push(backend, "studio_a", node, [("shows", row["id"], row, _stamp(node))])
    page = httpx.get(
        backend.server.url + PULL_PATH, params={"cursor": 0}, headers=_headers(backend, "hq", new_id())
    ).json()
    assert page["changes"] == [] and _record_count(backend) == 0


def test_the_status_bar_counts_the_changes_set_aside(
    qtbot: Any, app_context: Any, backend: Backend, desktop: Callable[..., Database], monkeypatch: Any
) -> None:
    from studio_app.sync.status import save_server_settings
    from studio_app.ui.sync_status import SyncStatusWidget

    bad = _show_row(desktop("old"), "坏日期")
    bad["created_at"] = "x"
    _store_as_an_old_server_did(backend, "studio_a", bad, _stamp("old-desktop"))
    monkeypatch.setenv("STUDIO_APP_TOKEN", backend.tokens["hq"])
    assert save_server_settings(app_context, backend.server.url, None).ok
    widget = SyncStatusWidget(app_context)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.sync_finished, timeout=60_000) as finished:
        widget.sync_now()
    assert finished.args[0].report.quarantined == 1
    qtbot.waitUntil(lambda: widget.snapshot is not None and widget.snapshot.quarantined == 1)
    assert widget.label.text().endswith("1 set aside")
    assert "1 changes from the server were set aside" in widget.toolTip()
