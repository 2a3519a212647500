"""The pre-show gate (开播前检查单) through its service on a real workspace: what blocks a show, ticking the
studio's items and prices, the template a show copies once, and overrides that need a reason and a name."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from gate_fixtures import REVIEWER, clear_gate, link_check

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.probes.result import ProbeStatus
from studio_app.probes.verdict import Verdict
from studio_app.script.format import format_script
from studio_app.script.service import ScriptService
from studio_app.showday.gate import (
    AutoKind,
    AutoState,
    GateInputError,
    ItemState,
    LinkedCheck,
    device_check_item,
)
from studio_app.showday.service import GateService
from studio_app.shows import list_shows


@pytest.fixture
def show_id(app_context: AppContext) -> str:
    return list_shows(app_context.db)[0].id


def _auto(service: GateService, show_id: str) -> dict[AutoKind, AutoState]:
    return {a.kind: a.state for a in service.status(show_id).auto}


def test_a_new_show_is_blocked_by_each_automatic_item_and_every_open_item(
    app_context: AppContext, show_id: str
) -> None:
    status = GateService(app_context).open_checklist(show_id)
    assert {a.kind: a.state for a in status.auto} == {
        AutoKind.DEVICE_CHECK: AutoState.BLOCKED,
        AutoKind.COMPLIANCE: AutoState.BLOCKED,
        AutoKind.PRICES: AutoState.BLOCKED,
    }
    assert len(status.items) == 5 and all(i.state is ItemState.OPEN for i in status.items)
    assert not status.clear and len(status.blockers) == 3 + 5


def test_a_show_with_everything_ticked_is_clear_and_names_who_ticked(
    app_context: AppContext, fake_clock: FakeClock, show_id: str
) -> None:
    service = GateService(app_context)
    clear_gate(app_context, show_id)
    status = service.status(show_id)
    assert status.clear, status.blockers
    assert {i.by for i in status.items} == {"运营 小王"} and all(
        i.at == fake_clock.now() for i in status.items
    )
    assert {c.confirmed_by for c in status.prices} == {"主播 小林"}
    assert REVIEWER in status.auto[1].detail


def test_a_stale_check_or_a_no_go_blocks_and_a_warning_does_not(
    app_context: AppContext, fake_clock: FakeClock, show_id: str
) -> None:
    service = GateService(app_context, max_check_age=timedelta(hours=2))
    link_check(app_context, show_id)
    assert _auto(service, show_id)[AutoKind.DEVICE_CHECK] is AutoState.CLEAR
    fake_clock.advance(2 * 3600 + 60)
    assert _auto(service, show_id)[AutoKind.DEVICE_CHECK] is AutoState.BLOCKED
    link_check(app_context, show_id, ProbeStatus.FAIL)  # the newest check decides
    assert _auto(service, show_id)[AutoKind.DEVICE_CHECK] is AutoState.BLOCKED
    link_check(app_context, show_id, ProbeStatus.WARN)
    assert _auto(service, show_id)[AutoKind.DEVICE_CHECK] is AutoState.WARN


def test_the_check_age_limit_comes_from_the_settings(fake_clock: FakeClock) -> None:
    from studio_app import settings
    from studio_app.showday.prefs import check_max_age

    assert check_max_age() == timedelta(hours=2)
    settings.save_section("showday", {"check_max_age_minutes": "30"})
    assert check_max_age() == timedelta(minutes=30)
    item = device_check_item(
        LinkedCheck(Verdict.GO, fake_clock.now()), fake_clock.now() + timedelta(minutes=31), check_max_age()
    )
    assert item.state is AutoState.BLOCKED and "31" in item.detail


def test_editing_the_script_after_signing_unsigns_it_and_a_changed_price_is_unconfirmed(
    app_context: AppContext, show_id: str
) -> None:
    service = GateService(app_context)
    clear_gate(app_context, show_id)
    scripts = ScriptService(app_context)
    script = scripts.load_show(show_id).script
    assert script is not None
    first = script.products[0]
    cheaper = replace(script, products=(replace(first, live_price=Decimal("79")), *script.products[1:]))
    scripts.save_script(show_id, cheaper, format_script(cheaper))
    status = service.status(show_id)
    assert {a.kind: a.state for a in status.auto}[AutoKind.COMPLIANCE] is AutoState.BLOCKED
    assert [c.link_no for c in status.prices if not c.confirmed] == [first.link_no]


def test_the_show_keeps_its_copy_when_the_template_changes_later(
    app_context: AppContext, show_id: str
) -> None:
    service = GateService(app_context)
    copied = service.open_checklist(show_id).items
    service.save_template(["  灯光复位  ", "", "样品到位"])
    assert service.template() == ("灯光复位", "样品到位")
    assert service.open_checklist(show_id).items == copied
    service.save_template([])
    assert service.template() == ()  # an emptied template stays empty: the defaults are for a new studio


def test_an_override_is_refused_without_a_reason_or_a_name_and_recorded_with_one(
    app_context: AppContext, fake_clock: FakeClock, show_id: str
) -> None:
    service = GateService(app_context)
    service.open_checklist(show_id)
    with pytest.raises(GateInputError, match="reason"):
        service.record_override(show_id, "   ", "场控 阿杰")
    with pytest.raises(GateInputError, match="name"):
        service.record_override(show_id, "平台活动已开始，设备备份已就绪", " ")
    assert service.status(show_id).overrides == ()
    recorded = service.record_override(show_id, "平台活动已开始，设备备份已就绪", "场控 阿杰")
    (stored,) = service.status(show_id).overrides
    assert stored == recorded
    assert (stored.reason, stored.by, stored.at) == (
        "平台活动已开始，设备备份已就绪",
        "场控 阿杰",
        fake_clock.now(),
    )
    assert any("Device check" in line for line in stored.blockers)


def test_ticking_needs_a_name_and_reopening_clears_who_ticked(app_context: AppContext, show_id: str) -> None:
    service = GateService(app_context)
    item = service.open_checklist(show_id).items[0]
    with pytest.raises(GateInputError):
        service.set_item_state(item.id, ItemState.DONE, "")
    service.set_item_state(item.id, ItemState.NOT_APPLICABLE, "运营 小王")
    assert service.status(show_id).items[0].state is ItemState.NOT_APPLICABLE
    service.set_item_state(item.id, ItemState.OPEN, "运营 小王")
    reopened = service.status(show_id).items[0]
    assert (reopened.state, reopened.by, reopened.at) == (ItemState.OPEN, "", None)
