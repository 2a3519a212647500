"""The pre-show gate as panels and commands use it: read a show's gate, tick items, confirm prices, edit
the studio's template and record an override. Reads open a session; writes go through the one writer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from studio_app.i18n import translate
from studio_app.probes.service import CheckService
from studio_app.script.service import ScriptService
from studio_app.showday import repo
from studio_app.showday.gate import (
    ChecklistItem,
    GateInputError,
    GateOverride,
    GateStatus,
    ItemState,
    LinkedCheck,
    PriceCard,
    compliance_item,
    default_template,
    device_check_item,
    price_text,
    prices_item,
    required_text,
)
from studio_app.showday.prefs import check_max_age
from studio_app.store.handle import StoreHandle
from studio_app.store.live import get_live
from studio_app.store.models.showday import GateItem, GatePriceTick
from studio_app.store.models.showday import GateOverride as GateOverrideRow
from studio_app.store.writer import Changes

GATE_TABLES = ("gate_items", "gate_price_ticks", "gate_overrides", "gate_template_items")


class GateService:
    def __init__(self, handle: StoreHandle, max_check_age: timedelta | None = None) -> None:
        self._handle = handle
        self._scripts = ScriptService(handle)
        self._checks = CheckService(handle)
        self._max_check_age = max_check_age

    # ---- the template -------------------------------------------------------------------------------

    def template(self) -> tuple[str, ...]:
        with self._handle.db.session() as s:
            titles = repo.template_titles(s)
        return default_template() if titles is None else tuple(titles)

    def save_template(self, titles: Sequence[str]) -> Changes:
        """Replace the studio's template (blank lines dropped); shows that copied it keep their copy."""
        kept = [t.strip() for t in titles if t.strip()]
        now = self._handle.clock.now()
        return self._handle.writer.run(lambda s: repo.replace_template(s, kept, now)).changes

    # ---- a show's gate ----------------------------------------------------------------------------------

    def open_checklist(self, show_id: str) -> GateStatus:
        """The show's gate; the first time, the show gets its own copy of the template."""
        titles = self.template()

        def copy_once(s: Session) -> None:
            if not repo.checklist(s, show_id):
                repo.copy_template(s, show_id, titles, ItemState.OPEN.value)

        self._handle.writer.run(copy_once)
        return self.status(show_id)

    def status(self, show_id: str, now: datetime | None = None) -> GateStatus:
        """The gate as it stands (read only: a show whose checklist was never opened has no items)."""
        at = now or self._handle.clock.now()
        shown = self._scripts.load_show(show_id)
        signature = self._scripts.current_signature(show_id)
        checks = self._checks.show_checks(show_id)
        latest = LinkedCheck(checks[-1].verdict, checks[-1].started_at) if checks else None
        with self._handle.db.session() as s:
            items = repo.checklist(s, show_id)
            ticks = {t.link_no: t for t in repo.price_ticks(s, show_id)}
            overrides = repo.overrides(s, show_id)
            cards = []
            for product in shown.script.products if shown.script is not None else ():
                tick = ticks.get(product.link_no)
                confirmed = (
                    tick is not None
                    and product.live_price is not None
                    and tick.price == price_text(product.live_price)
                )
                cards.append(
                    PriceCard(
                        product.link_no,
                        product.name,
                        product.live_price,
                        tick.confirmed_by if confirmed and tick is not None else "",
                        tick.confirmed_at if confirmed and tick is not None else None,
                    )
                )
            return GateStatus(
                show_id=show_id,
                auto=(
                    device_check_item(latest, at, self._max_check_age or check_max_age()),
                    compliance_item(
                        signature.checked_by if signature is not None else None, shown.script is not None
                    ),
                    prices_item(cards),
                ),
                items=tuple(
                    _item(row.id, row.title, row.state, row.ticked_by, row.ticked_at) for row in items
                ),
                prices=tuple(cards),
                overrides=tuple(
                    GateOverride(o.reason, o.overridden_by, o.at, tuple(filter(None, o.blockers.split("\n"))))
                    for o in overrides
                ),
            )

    def set_item_state(self, item_id: str, state: ItemState, by: str) -> Changes:
        """Tick (or reopen) one item of a show's checklist, with the name of who did it."""
        name = required_text(by, translate("Gate", "your name"))
        now = self._handle.clock.now()

        def op(s: Session) -> None:
            row = get_live(s, GateItem, item_id)
            if row is None:
                raise GateInputError(translate("Gate", "That checklist item no longer exists."))
            row.state = state.value
            row.ticked_by = "" if state is ItemState.OPEN else name
            row.ticked_at = None if state is ItemState.OPEN else now

        return self._handle.writer.run(op).changes

    def confirm_price(self, show_id: str, link_no: int, by: str) -> Changes:
        """A person confirms the live price a product card has now."""
        name = required_text(by, translate("Gate", "your name"))
        shown = self._scripts.load_show(show_id)
        product = shown.script.product(link_no) if shown.script is not None else None
        if product is None or product.live_price is None:
            raise GateInputError(
                translate("Gate", "Link {n} has no live price to confirm.").format(n=link_no)
            )
        tick = GatePriceTick(
            show_id=show_id,
            link_no=link_no,
            price=price_text(product.live_price),
            confirmed_by=name,
            confirmed_at=self._handle.clock.now(),
        )
        return self._handle.writer.run(lambda s: s.add(tick)).changes

    def record_override(self, show_id: str, reason: str, by: str) -> GateOverride:
        """Going live over what stands: refused without a reason and a name; recorded with the show."""
        why = required_text(reason, translate("Gate", "the reason for going live anyway"))
        name = required_text(by, translate("Gate", "your name"))
        now = self._handle.clock.now()
        blockers = self.status(show_id, now).blockers
        row = GateOverrideRow(
            show_id=show_id, reason=why, overridden_by=name, at=now, blockers="\n".join(blockers)
        )
        self._handle.writer.run(lambda s: s.add(row))
        return GateOverride(why, name, now, blockers)


def _item(item_id: str, title: str, state: str, by: str, at: datetime | None) -> ChecklistItem:
    return ChecklistItem(item_id, title, ItemState(state), by, at)
