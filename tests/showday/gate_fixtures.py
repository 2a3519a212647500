"""What a show needs before its gate is clear, stored through the real services: a linked device check and
a signed review of the current script. The prices and the studio's own items are ticked by each test."""

from __future__ import annotations

from studio_app.context import AppContext
from studio_app.probes.profile import DEFAULT_PROFILE_NAME, StudioProfile
from studio_app.probes.result import ProbeResult, ProbeStatus
from studio_app.probes.runner import CheckRun
from studio_app.probes.service import CheckService
from studio_app.script.lint import lint_text
from studio_app.script.service import ScriptService
from studio_app.showday.gate import ItemState
from studio_app.showday.service import GateService

REVIEWER = "场控 阿杰"


def link_check(context: AppContext, show_id: str, status: ProbeStatus = ProbeStatus.PASS) -> str:
    """A device check run now and linked to the show; PASS makes it GO, FAIL NO-GO."""
    result = ProbeResult("network", status, {"rtt_ms": 20.0}, (), 1.0, "ok")
    run = CheckRun(
        StudioProfile(name=DEFAULT_PROFILE_NAME), context.clock.now(), 1.0, (result,), source="gui"
    )
    return CheckService(context).save_run(run, show_id=show_id)


def sign_current_script(context: AppContext, show_id: str, reviewer: str = REVIEWER) -> None:
    service = ScriptService(context)
    text = service.load_show(show_id).source
    wordlist = service.wordlist()
    hits = lint_text(text, wordlist)
    reasons = {hit.text: "品牌原话，已核实" for hit in hits}
    assert service.record_review(
        show_id, text, hits=hits, wordlist=wordlist, price_flags=[], checked_by=reviewer, accepted=True,
        reasons=reasons,
    ).found  # fmt: skip


def clear_gate(context: AppContext, show_id: str, item_state: ItemState = ItemState.DONE) -> None:
    """Everything the gate asks for: a GO check, the script signed, each price confirmed, each item ticked."""
    link_check(context, show_id)
    sign_current_script(context, show_id)
    service = GateService(context)
    status = service.open_checklist(show_id)
    for card in status.prices:
        service.confirm_price(show_id, card.link_no, "主播 小林")
    for item in status.items:
        service.set_item_state(item.id, item_state, "运营 小王")
