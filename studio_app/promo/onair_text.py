"""Every text the on-air screens show besides the script itself, built in one place, without Qt.

The prompter's HUD and banners and the operator's panel (reading box, promo clock, product card) read the
same :class:`OnAirText`, so the host and the operator never see two wordings of one fact. Rebuilt at 4 Hz
by the controller's tick and on every change; cheap enough for that.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from studio_app.i18n import translate
from studio_app.promo.clock import PromoOutcome, PromoPhase, format_mm_ss
from studio_app.promo.countdown import StartCountdown
from studio_app.promo.rules import is_notably_late
from studio_app.promo.session import OnAirSession, SessionPhase
from studio_app.script.model import Product, SegmentKind, format_price


@dataclass(frozen=True)
class OnAirText:
    # The prompter's HUD: three columns, two rows.
    segment: str = ""
    speed: str = ""
    promo: str = ""
    promo_level: str = ""  # "", "cue" or "strong"
    promo_banner: str = ""
    schedule: str = ""
    product: str = ""
    product_detail: str = ""
    qa: str = ""  # the Q&A banner; empty when not running
    question: str = ""  # the viewer's question the live room put up for this Q&A slot
    flash_sale: str = ""  # during 秒杀: time left and live stock; empty otherwise
    sold_out: bool = False
    cue: str = ""
    emergency_title: str = ""
    start_countdown: str = ""  # to the planned start, before the show only; empty without one
    start_late: bool = False
    # The operator's panel: the same facts in its longer form.
    speed_detail: str = ""
    promo_countdown: str = ""
    promo_detail: str = ""
    qa_detail: str = ""
    promo_history: tuple[str, ...] = ()
    product_card: str = ""  # rich text


def onair_text(session: OnAirSession) -> OnAirText:
    segment = session.segment
    index = session.segment_index
    title = f"{index + 1}/{len(session.script.segments)} {segment.kind.label_zh} · {segment.title}"
    on_air = session.phase is SessionPhase.ON_AIR
    promo = session.promo
    promo_text = promo_banner = level = schedule = countdown = ""
    promo_detail = translate("OnAirText", "Every {m:.0f} min from the start").format(
        m=session.promo_interval_s / 60
    )
    history: tuple[str, ...] = ()
    qa_detail = "—"
    if promo is not None and on_air:
        snap = promo.snapshot()
        countdown = snap.label()
        promo_detail = translate("OnAirText", "Round {n} due at {time}").format(
            n=snap.slot, time=snap.due_at.astimezone().strftime("%H:%M:%S")
        )
        if snap.phase in (PromoPhase.DUE, PromoPhase.OVERDUE):
            promo_text = translate("OnAirText", "Promo now {late}").format(late=snap.countdown_text())
            promo_banner = translate("OnAirText", "Promo time! Round {n} — giveaway / flash sale now").format(
                n=snap.slot
            )
            level = "strong"
        else:
            promo_text = translate("OnAirText", "Next promo {countdown}").format(
                countdown=snap.countdown_text()
            )
            if snap.phase is PromoPhase.PRE_CUE:
                promo_banner = translate("OnAirText", "Promo in {countdown} — get ready").format(
                    countdown=snap.countdown_text()
                )
                level = "cue"
        schedule = session.schedule().label()
        history = tuple(outcome_text(o) for o in reversed(promo.history())) or (
            translate("OnAirText", "No promo due yet."),
        )
        qa_now = session.qa.snapshot(session.elapsed_s())
        qa_detail = qa_now.label() if qa_now.running else translate("OnAirText", "not running")
    elif promo is None:
        promo_text = translate("OnAirText", "Promo clock starts with the show")
    if not on_air or promo is None:
        countdown = translate("OnAirText", "Starts with the show")
    qa_snap = session.qa.snapshot(session.elapsed_s())
    qa = (
        translate("OnAirText", "Q&A time {remaining}").format(
            remaining=format_mm_ss(math.ceil(qa_snap.remaining_s))
        )
        if qa_snap.running
        else ""
    )
    cues = session.active_cues()
    cue = ""
    if cues:
        cue = cues[-1].text
        if len(cues) > 1:
            cue = translate("OnAirText", "{text}  (+{n} more)").format(text=cue, n=len(cues) - 1)
    product = session.script.product_for(segment)
    stock = session.board.stock.get(product.link_no, product.stock) if product is not None else None
    flash_sale = ""
    if on_air and product is not None and segment.kind is SegmentKind.FLASH_SALE:
        status = session.schedule()
        left = format_mm_ss(math.ceil(max(0.0, status.planned_segment_s - status.in_segment_s)))
        flash_sale = (
            translate("OnAirText", "Flash sale {left} · SOLD OUT").format(left=left)
            if stock == 0
            else translate("OnAirText", "Flash sale {left} · {n} left").format(
                left=left, n="—" if stock is None else stock
            )
        )
    to_start = session.start_countdown()
    return OnAirText(
        segment=title,
        speed=_speed(session),
        promo=promo_text,
        promo_level=level,
        promo_banner=promo_banner,
        schedule=schedule if on_air and promo is not None else "",
        product=(
            translate("OnAirText", "Link {n} {name}").format(n=product.link_no, name=product.name)
            if product is not None
            else ""
        ),
        product_detail=_product_detail(product, stock) if product is not None else "",
        qa=qa,
        question=(
            translate("OnAirText", "Q: {question}").format(question=session.board.question)
            if qa and session.board.question
            else ""
        ),
        flash_sale=flash_sale,
        sold_out=stock == 0,
        cue=cue,
        emergency_title=translate("OnAirText", "Emergency script — Esc to close"),
        start_countdown=_start_countdown(to_start) if to_start is not None else "",
        start_late=to_start is not None and to_start.late,
        speed_detail=translate("OnAirText", "Gear {gear} · {cpm:.0f} chars/min · {state}").format(
            gear=session.gear,
            cpm=session.speed_cpm,
            state=translate("OnAirText", "paused") if session.paused else translate("OnAirText", "running"),
        ),
        promo_countdown=countdown,
        promo_detail=promo_detail,
        qa_detail=qa_detail,
        promo_history=history,
        product_card=product_card(product, stock),
    )


def _start_countdown(countdown: StartCountdown) -> str:
    if countdown.late:
        return translate("OnAirText", "{time} past the planned start").format(time=countdown.clock_text())
    return translate("OnAirText", "On air in {time}").format(time=countdown.clock_text())


def _speed(session: OnAirSession) -> str:
    if session.phase is SessionPhase.READY:
        return translate("OnAirText", "Press Space to start · {cpm:.0f} chars/min").format(
            cpm=session.speed_cpm
        )
    if session.paused:
        return translate("OnAirText", "Paused · gear {gear} · {cpm:.0f} chars/min").format(
            gear=session.gear, cpm=session.speed_cpm
        )
    return translate("OnAirText", "Gear {gear} · {cpm:.0f} chars/min").format(
        gear=session.gear, cpm=session.speed_cpm
    )


def _product_detail(product: Product, stock: int | None) -> str:
    parts = [translate("OnAirText", "Live price {price}").format(price=format_price(product.live_price))]
    # Price and stock first: a long coupon text is what gets elided.
    if stock is not None:
        parts.append(translate("OnAirText", "Stock {n}").format(n=stock))
    if product.coupon:
        parts.append(translate("OnAirText", "Coupon {coupon}").format(coupon=product.coupon))
    return " · ".join(parts)


def product_card(product: Product | None, stock: int | None = None) -> str:
    """The operator's product card, as rich text; ``stock`` is the live count (the card's own without it)."""
    if product is None:
        return translate("OnAirText", "<i>No product in this segment.</i>")
    lines = [
        f"<b style='font-size:15pt'>{product.link_label} · {product.name}</b>",
        translate(
            "OnAirText",
            "Live price <b style='color:#e5484d;font-size:14pt'>{live}</b> (list {list}, {basis})",
        ).format(
            live=format_price(product.live_price),
            list=format_price(product.list_price),
            basis=product.price_basis or translate("OnAirText", "basis not given"),
        ),
    ]
    if product.coupon:
        lines.append(translate("OnAirText", "Coupon: {coupon}").format(coupon=product.coupon))
    stock = product.stock if stock is None else stock
    if stock is not None:
        lines.append(translate("OnAirText", "Stock: {n}").format(n=stock))
    fab = product.fab
    for label, items in (
        (translate("OnAirText", "Features"), fab.features),
        (translate("OnAirText", "Advantages"), fab.advantages),
        (translate("OnAirText", "Benefits"), fab.benefits),
    ):
        if items:
            lines.append(f"<b>{label}</b>: " + "；".join(items))
    for entry in product.faq[:3]:
        lines.append(f"<b>Q</b> {entry.question}<br><b>A</b> {entry.answer}")
    return "<br>".join(lines)


def outcome_text(outcome: PromoOutcome) -> str:
    """One line of the promo history."""
    due = outcome.due_at.astimezone().strftime("%H:%M")
    names = {
        PromoPhase.DONE: translate("OnAirText", "done"),
        PromoPhase.SKIPPED: translate("OnAirText", "skipped"),
        PromoPhase.MISSED: translate("OnAirText", "missed"),
        PromoPhase.DUE: translate("OnAirText", "due"),
        PromoPhase.OVERDUE: translate("OnAirText", "overdue"),
        PromoPhase.PRE_CUE: translate("OnAirText", "soon"),
        PromoPhase.UPCOMING: translate("OnAirText", "upcoming"),
    }
    text = translate("OnAirText", "Round {n} ({due}): {state}").format(
        n=outcome.slot, due=due, state=names[outcome.phase]
    )
    late_s = outcome.late_s
    if late_s is not None and is_notably_late(late_s):
        text += " " + translate("OnAirText", "{m:.1f} min late").format(m=late_s / 60)
    return text
