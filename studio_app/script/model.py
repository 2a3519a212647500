"""The show plan as values: a script is a rundown of segments, product cards and emergency scripts.

Everything here is a frozen dataclass or an enum, with no Qt and no I/O, so the prompter, the promo clock,
the store and the command line all code against the same names. Prices are :class:`~decimal.Decimal`
(yuan), durations carry their unit in the name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from studio_app.i18n import translate


class SegmentKind(StrEnum):
    """The modules of a live-selling rundown (直播脚本的环节)."""

    OPENING = "opening"  # 开场
    PRODUCT = "product"  # 讲品
    PUSH = "push"  # 逼单
    GIVEAWAY = "giveaway"  # 福利
    FLASH_SALE = "flash_sale"  # 秒杀
    TRANSITION = "transition"  # 过款
    QA = "qa"  # 答疑
    WRAP_UP = "wrap_up"  # 收尾

    @property
    def label_zh(self) -> str:
        """The studio's own name for the module, as written in script files."""
        return _SEGMENT_ZH[self]

    def display_name(self) -> str:
        """The name in the UI language."""
        # Literal calls, so that the string extractor sees every name.
        names = {
            SegmentKind.OPENING: translate("SegmentKind", "Opening"),
            SegmentKind.PRODUCT: translate("SegmentKind", "Product"),
            SegmentKind.PUSH: translate("SegmentKind", "Closing push"),
            SegmentKind.GIVEAWAY: translate("SegmentKind", "Giveaway"),
            SegmentKind.FLASH_SALE: translate("SegmentKind", "Flash sale"),
            SegmentKind.TRANSITION: translate("SegmentKind", "Transition"),
            SegmentKind.QA: translate("SegmentKind", "Q&A"),
            SegmentKind.WRAP_UP: translate("SegmentKind", "Wrap-up"),
        }
        return names[self]

    @property
    def is_promo(self) -> bool:
        """Giveaways and flash sales are what the 15-minute promo clock asks for."""
        return self in (SegmentKind.GIVEAWAY, SegmentKind.FLASH_SALE)

    @classmethod
    def from_label(cls, label: str) -> SegmentKind | None:
        """Accepts the Chinese name, the English value or a few common spellings; None when unknown."""
        return _SEGMENT_ALIASES.get(_norm_label(label))


_SEGMENT_ZH = {
    SegmentKind.OPENING: "开场",
    SegmentKind.PRODUCT: "讲品",
    SegmentKind.PUSH: "逼单",
    SegmentKind.GIVEAWAY: "福利",
    SegmentKind.FLASH_SALE: "秒杀",
    SegmentKind.TRANSITION: "过款",
    SegmentKind.QA: "答疑",
    SegmentKind.WRAP_UP: "收尾",
}

# English names, accepted in script files; display_name() gives the translated one.
_SEGMENT_EN = {
    SegmentKind.OPENING: "Opening",
    SegmentKind.PRODUCT: "Product",
    SegmentKind.PUSH: "Closing push",
    SegmentKind.GIVEAWAY: "Giveaway",
    SegmentKind.FLASH_SALE: "Flash sale",
    SegmentKind.TRANSITION: "Transition",
    SegmentKind.QA: "Q&A",
    SegmentKind.WRAP_UP: "Wrap-up",
}


def _norm_label(label: str) -> str:
    return label.strip().lower().replace("-", "_").replace(" ", "_")


_SEGMENT_ALIASES: dict[str, SegmentKind] = {}
for _kind in SegmentKind:
    _SEGMENT_ALIASES[_kind.value] = _kind
    _SEGMENT_ALIASES[_SEGMENT_ZH[_kind]] = _kind
    _SEGMENT_ALIASES[_norm_label(_SEGMENT_EN[_kind])] = _kind
for _alias, _kind in {
    "開場": SegmentKind.OPENING,
    "講品": SegmentKind.PRODUCT,
    "讲解": SegmentKind.PRODUCT,
    "逼單": SegmentKind.PUSH,
    "促单": SegmentKind.PUSH,
    "closing": SegmentKind.PUSH,
    "抽奖": SegmentKind.GIVEAWAY,
    "福袋": SegmentKind.GIVEAWAY,
    "flash": SegmentKind.FLASH_SALE,
    "flashsale": SegmentKind.FLASH_SALE,
    "過款": SegmentKind.TRANSITION,
    "q&a": SegmentKind.QA,
    "q_a": SegmentKind.QA,
    "问答": SegmentKind.QA,
    "答疑时间": SegmentKind.QA,
    "wrap": SegmentKind.WRAP_UP,
    "wrapup": SegmentKind.WRAP_UP,
    "结尾": SegmentKind.WRAP_UP,
    "下播": SegmentKind.WRAP_UP,
}.items():
    _SEGMENT_ALIASES[_alias] = _kind


class EmergencyKind(StrEnum):
    """Situations with a standard reply (应急话术), each one key away on air."""

    DEVICE_FAILURE = "device_failure"  # 设备故障
    NETWORK_DROP = "network_drop"  # 网络中断
    WRONG_PRICE = "wrong_price"  # 价格错误
    WRONG_STOCK = "wrong_stock"  # 库存错误
    HOSTILE_COMMENT = "hostile_comment"  # 恶意评论
    HOST_BREAK = "host_break"  # 主播暂离

    @property
    def label_zh(self) -> str:
        return _EMERGENCY_ZH[self]

    def display_name(self) -> str:
        names = {
            EmergencyKind.DEVICE_FAILURE: translate("EmergencyKind", "Device failure"),
            EmergencyKind.NETWORK_DROP: translate("EmergencyKind", "Network drop"),
            EmergencyKind.WRONG_PRICE: translate("EmergencyKind", "Wrong price"),
            EmergencyKind.WRONG_STOCK: translate("EmergencyKind", "Wrong stock"),
            EmergencyKind.HOSTILE_COMMENT: translate("EmergencyKind", "Hostile comment"),
            EmergencyKind.HOST_BREAK: translate("EmergencyKind", "Host needs a break"),
        }
        return names[self]

    @property
    def default_key(self) -> str:
        """The key the prompter binds when the script names none: F1..F6 in declaration order."""
        return f"F{list(EmergencyKind).index(self) + 1}"

    @classmethod
    def from_label(cls, label: str) -> EmergencyKind | None:
        return _EMERGENCY_ALIASES.get(_norm_label(label))


_EMERGENCY_ZH = {
    EmergencyKind.DEVICE_FAILURE: "设备故障",
    EmergencyKind.NETWORK_DROP: "网络中断",
    EmergencyKind.WRONG_PRICE: "价格错误",
    EmergencyKind.WRONG_STOCK: "库存错误",
    EmergencyKind.HOSTILE_COMMENT: "恶意评论",
    EmergencyKind.HOST_BREAK: "主播暂离",
}

_EMERGENCY_EN = {
    EmergencyKind.DEVICE_FAILURE: "Device failure",
    EmergencyKind.NETWORK_DROP: "Network drop",
    EmergencyKind.WRONG_PRICE: "Wrong price",
    EmergencyKind.WRONG_STOCK: "Wrong stock",
    EmergencyKind.HOSTILE_COMMENT: "Hostile comment",
    EmergencyKind.HOST_BREAK: "Host needs a break",
}


_EMERGENCY_ALIASES: dict[str, EmergencyKind] = {}
for _ekind in EmergencyKind:
    _EMERGENCY_ALIASES[_ekind.value] = _ekind
    _EMERGENCY_ALIASES[_EMERGENCY_ZH[_ekind]] = _ekind
    _EMERGENCY_ALIASES[_norm_label(_EMERGENCY_EN[_ekind])] = _ekind
for _ealias, _ekind in {
    "断网": EmergencyKind.NETWORK_DROP,
    "网络故障": EmergencyKind.NETWORK_DROP,
    "卡顿": EmergencyKind.NETWORK_DROP,
    "价格报错": EmergencyKind.WRONG_PRICE,
    "改价": EmergencyKind.WRONG_PRICE,
    "库存报错": EmergencyKind.WRONG_STOCK,
    "超卖": EmergencyKind.WRONG_STOCK,
    "黑粉": EmergencyKind.HOSTILE_COMMENT,
    "负面评论": EmergencyKind.HOSTILE_COMMENT,
    "争议评论": EmergencyKind.HOSTILE_COMMENT,
    "主播离开": EmergencyKind.HOST_BREAK,
    "暂离": EmergencyKind.HOST_BREAK,
    "host_away": EmergencyKind.HOST_BREAK,
    "break": EmergencyKind.HOST_BREAK,
}.items():
    _EMERGENCY_ALIASES[_ealias] = _ekind


@dataclass(frozen=True)
class Cue:
    """A line for the assistant host or the floor manager (副播 / 场控), not read by the host.

    ``at_char`` is the offset in the segment's ``host_text`` where the cue belongs, so the prompter can
    show it when the reading line passes that point.
    """

    role: str  # "场控", "副播", "助播", ... as written; "" when the script names no one
    text: str
    at_char: int = 0


@dataclass(frozen=True)
class FaqEntry:
    question: str
    answer: str


@dataclass(frozen=True)
class Fab:
    """Talking points by the FAB rule: what it is, why it is better, what the viewer gets."""

    features: tuple[str, ...] = ()
    advantages: tuple[str, ...] = ()
    benefits: tuple[str, ...] = ()


@dataclass(frozen=True)
class Product:
    """A product card (商品卡). ``link_no`` is the number of its link in the shop cart (N号链接)."""

    name: str
    link_no: int
    list_price: Decimal | None = None  # the reference price the live price is compared with
    live_price: Decimal | None = None  # 到手价, what the viewer pays
    price_basis: str = ""  # where the list price comes from (日常价 in the official store, ...)
    coupon: str = ""
    stock: int | None = None
    fab: Fab = field(default_factory=Fab)
    proof: tuple[str, ...] = ()  # test reports, certificates, reviews: what backs the claims
    faq: tuple[FaqEntry, ...] = ()
    # The platform's 商品ID: links the card to its row in the product table of the review.
    platform_id: str = ""

    @property
    def link_label(self) -> str:
        return translate("Product", "Link {n}").format(n=self.link_no)

    @property
    def saving(self) -> Decimal | None:
        if self.list_price is None or self.live_price is None:
            return None
        return self.list_price - self.live_price


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    title: str
    planned_minutes: float
    host_text: str = ""
    assistant_cues: tuple[Cue, ...] = ()
    product_ref: int | None = None  # link_no of the product this segment sells

    @property
    def planned_seconds(self) -> float:
        return self.planned_minutes * 60.0


@dataclass(frozen=True)
class EmergencyScript:
    kind: EmergencyKind
    title: str
    text: str
    key_hint: str = ""  # the key that brings it up on air ("F1"); "" means kind.default_key

    @property
    def key(self) -> str:
        return self.key_hint or self.kind.default_key


@dataclass(frozen=True)
class Script:
    title: str
    segments: tuple[Segment, ...] = ()
    products: tuple[Product, ...] = ()
    emergencies: tuple[EmergencyScript, ...] = ()
    # Header lines of the file: host, platform, rate (字/分), promo_every (minutes), date, ...
    meta: dict[str, str] = field(default_factory=dict, hash=False)

    def product(self, link_no: int | None) -> Product | None:
        if link_no is None:
            return None
        for product in self.products:
            if product.link_no == link_no:
                return product
        return None

    def product_for(self, segment: Segment) -> Product | None:
        return self.product(segment.product_ref)

    def emergency(self, kind: EmergencyKind) -> EmergencyScript | None:
        for item in self.emergencies:
            if item.kind == kind:
                return item
        return None

    @property
    def planned_minutes(self) -> float:
        return sum(segment.planned_minutes for segment in self.segments)

    def segment_start_seconds(self) -> tuple[float, ...]:
        """Planned start of each segment, in seconds from the start of the show."""
        starts: list[float] = []
        elapsed_s = 0.0
        for segment in self.segments:
            starts.append(elapsed_s)
            elapsed_s += segment.planned_seconds
        return tuple(starts)

    def meta_int(self, key: str, default: int) -> int:
        try:
            return int(self.meta.get(key, "").strip())
        except ValueError:
            return default


class RunLogKind(StrEnum):
    """What happened on air; the data panel attributes metrics to segments from these."""

    SHOW_START = "show_start"
    SHOW_END = "show_end"
    SEGMENT_START = "segment_start"
    SEGMENT_END = "segment_end"
    SPEED = "speed"
    PAUSE = "pause"
    RESUME = "resume"
    PROMO_PRECUE = "promo_precue"
    PROMO_DUE = "promo_due"
    PROMO_DONE = "promo_done"
    PROMO_SKIPPED = "promo_skipped"
    PROMO_MISSED = "promo_missed"
    QA_START = "qa_start"
    QA_END = "qa_end"
    CUE = "cue"
    CUE_DISMISSED = "cue_dismissed"
    EMERGENCY = "emergency"
    CORRECTION = "correction"
    NOTE = "note"
    # The live room's question queue (studio_app.liveroom) and its mid-show rundown changes.
    QUESTION_SHOWN = "question_shown"
    QUESTION_ANSWERED = "question_answered"
    QUESTION_UNANSWERED = "question_unanswered"
    RUNDOWN_REORDERED = "rundown_reordered"


@dataclass(frozen=True)
class RunLogEvent:
    """One line of the run log. ``segment_index`` is the position in the script's rundown (0-based)."""

    show_id: str
    kind: RunLogKind
    at: datetime  # aware UTC
    segment_index: int | None = None
    payload: dict[str, Any] = field(default_factory=dict, hash=False)
    id: str = ""


def format_price(amount: Decimal | None) -> str:
    """¥89 / ¥19.9 — trailing zeros dropped, as hosts say and viewers read prices."""
    if amount is None:
        return "—"
    text = f"{amount:.2f}".rstrip("0").rstrip(".")
    return f"¥{text}"
