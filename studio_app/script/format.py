"""The script file format: Markdown-like plain text that people write in any editor and keep in git.

```
# 秋季护肤零食专场                    ← the show's title (first line)
host: 小林                            ← header lines, ``key: value`` (rate = 字/分, promo_every = minutes)
rate: 260

::: product 1号链接                   ← a product card, ``key: value`` lines, closed by ``:::``
name: 玻尿酸保湿面霜 50g
list_price: 199
live_price: 89
Q: 敏感肌能用吗？                     ← FAQ: a question line followed by its answer line
A: 可以，已做过敏测试……
:::

## [开场] 欢迎来到直播间 (5 min)      ← a segment: [type] title (planned minutes)
## [讲品 1号链接] 面霜 (10 min)       ← a segment selling link 1
host text, as many lines and paragraphs as needed
> 场控: 1号链接上库存                  ← a cue for the assistant host or floor manager

::: emergency 网络中断 F2             ← an emergency script: kind, optional key; title line, then text
title: 画面卡住时
……
:::
```

Type names and field names are accepted in Chinese or English; ``【开场】`` works like ``[开场]``;
``(5 min)``, ``(5分钟)`` and ``(5分)`` all mean five minutes. A line that is only an HTML comment
(``<!-- … -->``) is ignored. A text line that would otherwise read as syntax (starting with ``#``, ``>``,
``:::`` or ``<!--``) is written with a leading backslash.

:func:`parse_script` is all-or-nothing: the first problem raises :class:`ScriptFormatError` with its line
number and a message in the UI language, and nothing is returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from studio_app.i18n import translate
from studio_app.script.model import (
    Cue,
    EmergencyKind,
    EmergencyScript,
    Fab,
    FaqEntry,
    Product,
    Script,
    Segment,
    SegmentKind,
)


class ScriptFormatError(ValueError):
    """A script file that cannot be read; ``line_no`` is 1-based, ``message`` already translated."""

    def __init__(self, line_no: int, message: str) -> None:
        self.line_no = line_no
        self.message = message
        super().__init__(
            translate("ScriptFormat", "Line {line}: {message}").format(line=line_no, message=message)
        )


_TITLE_RE = re.compile(r"^#\s+(?P<title>\S.*?)\s*$")
_SEGMENT_RE = re.compile(
    r"^##\s+[\[【]\s*(?P<tag>[^\]】]*?)\s*[\]】]\s*(?P<title>.*?)\s*"
    r"(?:[(（]\s*(?P<minutes>[^)）]*?)\s*[)）])?\s*$"
)
_MINUTES_RE = re.compile(
    r"^(?P<n>\d+(?:\.\d+)?)\s*(?:min|mins|minute|minutes|m|'|分钟|分)?$",
    re.IGNORECASE,
)
_BLOCK_OPEN_RE = re.compile(r"^:::\s*(?P<kind>\S+)\s*(?P<rest>.*?)\s*$")
_BLOCK_CLOSE = ":::"
_KEY_VALUE_RE = re.compile(
    r"^(?P<key>[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff ]{0,30}?)\s*[:：]\s*(?P<value>.*?)\s*$"
)
_CUE_RE = re.compile(r"^>\s?(?P<body>.*?)\s*$")
_CUE_ROLE_RE = re.compile(r"^(?P<role>[^\s:：]{1,8})\s*[:：]\s*(?P<text>.*)$")
_LINK_RE = re.compile(r"^(?:#|no\.?\s*|link\s*|链接\s*)?(?P<n>\d+)\s*(?:号链接|号)?$", re.IGNORECASE)
_COMMENT_RE = re.compile(r"^\s*<!--.*-->\s*$")
_ESCAPABLE_PREFIXES = ("#", ">", ":::", "<!--", "\\")

_PRODUCT_KEYS: dict[str, str] = {}
for _field, _aliases in {
    "name": ("name", "名称", "品名", "商品", "商品名"),
    "list_price": ("list_price", "list price", "原价", "划线价", "日常价", "参考价"),
    "live_price": ("live_price", "live price", "到手价", "直播价", "活动价"),
    "price_basis": ("price_basis", "price basis", "比价依据", "价格依据", "原价依据"),
    "coupon": ("coupon", "优惠券", "优惠", "券"),
    "stock": ("stock", "库存"),
    "platform_id": ("product_id", "platform_id", "商品id", "商品编号"),
    "feature": ("feature", "特点", "特征", "属性"),
    "advantage": ("advantage", "优势", "优点"),
    "benefit": ("benefit", "利益", "好处"),
    "proof": ("proof", "证明", "背书", "依据"),
    "question": ("q", "question", "问"),
    "answer": ("a", "answer", "答"),
}.items():
    for _alias in _aliases:
        _PRODUCT_KEYS[_alias] = _field

_UNLIMITED_STOCK = {"", "-", "—", "不限", "unlimited", "n/a"}


# ----------------------------------------------------------------------------------------------------------
# parsing


@dataclass
class _SegmentDraft:
    line_no: int
    kind: SegmentKind
    title: str
    minutes: float
    product_ref: int | None
    lines: list[str] = field(default_factory=list)
    pending_blank: bool = False
    cues: list[Cue] = field(default_factory=list)

    def add_text(self, line: str) -> None:
        if not line.strip():
            self.pending_blank = bool(self.lines)
            return
        if self.pending_blank:
            self.lines.append("")
        self.pending_blank = False
        self.lines.append(line)

    def add_cue(self, role: str, text: str) -> None:
        self.cues.append(Cue(role=role, text=text, at_char=len("\n".join(self.lines))))

    def build(self) -> Segment:
        return Segment(
            kind=self.kind,
            title=self.title,
            planned_minutes=self.minutes,
            host_text="\n".join(self.lines),
            assistant_cues=tuple(self.cues),
            product_ref=self.product_ref,
        )


def _unescape(line: str) -> str:
    if line.startswith("\\") and line[1:].startswith(_ESCAPABLE_PREFIXES):
        return line[1:]
    return line


def parse_link_no(token: str) -> int | None:
    """``1号链接``, ``#1``, ``1``, ``link 1`` → 1; None when the token is not a link number."""
    match = _LINK_RE.match(token.strip())
    return int(match.group("n")) if match else None


def _parse_minutes(text: str | None, line_no: int) -> float:
    if text is None or not text.strip():
        raise ScriptFormatError(
            line_no,
            translate(
                "ScriptFormat", "The segment heading needs its planned duration at the end, e.g. “(5 min)”."
            ),
        )
    match = _MINUTES_RE.match(text.strip())
    if not match:
        raise ScriptFormatError(
            line_no,
            translate(
                "ScriptFormat", "“{text}” is not a duration; write the minutes like “(5 min)” or “(5分钟)”."
            ).format(text=text),
        )
    minutes = float(match.group("n"))
    if minutes <= 0 or minutes > 24 * 60:
        raise ScriptFormatError(
            line_no,
            translate(
                "ScriptFormat", "A segment lasts more than 0 and at most 1440 minutes, not {n}."
            ).format(n=text),
        )
    return minutes


def _parse_segment_heading(line: str, line_no: int) -> _SegmentDraft:
    match = _SEGMENT_RE.match(line)
    if not match:
        raise ScriptFormatError(
            line_no,
            translate(
                "ScriptFormat",
                "A segment heading looks like “## [开场] 欢迎 (5 min)”; this one could not be read.",
            ),
        )
    tag_parts = match.group("tag").split()
    if not tag_parts:
        raise ScriptFormatError(
            line_no,
            translate("ScriptFormat", "The segment type is missing inside the brackets, e.g. “[开场]”."),
        )
    # The type may be several words ("Flash sale"); whatever follows it is the link number.
    kind, type_words = None, 1
    for count in range(len(tag_parts), 0, -1):
        kind = SegmentKind.from_label(" ".join(tag_parts[:count]))
        if kind is not None:
            type_words = count
            break
    if kind is None:
        known = "、".join(k.label_zh for k in SegmentKind)
        raise ScriptFormatError(
            line_no,
            translate(
                "ScriptFormat", "Unknown segment type “{kind}”. Use one of: {known} (or their English names)."
            ).format(kind=tag_parts[0], known=known),
        )
    product_ref = None
    if len(tag_parts) > type_words:
        link_token = " ".join(tag_parts[type_words:])
        product_ref = parse_link_no(link_token)
        if product_ref is None:
            raise ScriptFormatError(
                line_no,
                translate(
                    "ScriptFormat", "“{token}” is not a link number; write it like “[讲品 1号链接]”."
                ).format(token=link_token),
            )
    title = match.group("title").strip()
    if not title:
        title = kind.label_zh
    return _SegmentDraft(line_no, kind, title, _parse_minutes(match.group("minutes"), line_no), product_ref)


def _parse_price(value: str, line_no: int) -> Decimal | None:
    cleaned = value.strip().lstrip("¥￥").removesuffix("元").strip().replace(",", "")
    if not cleaned:
        return None
    try:
        price = Decimal(cleaned)
    except InvalidOperation:
        price = None
    if price is None or not price.is_finite() or price < 0:
        raise ScriptFormatError(
            line_no,
            translate(
                "ScriptFormat", "“{value}” is not a price; write a number of yuan like “89” or “19.9”."
            ).format(value=value),
        )
    return price


def _parse_stock(value: str, line_no: int) -> int | None:
    cleaned = value.strip().removesuffix("件").removesuffix("单").strip().replace(",", "")
    if cleaned.lower() in _UNLIMITED_STOCK:
        return None
    try:
        return int(cleaned)
    except ValueError:
        raise ScriptFormatError(
            line_no,
            translate(
                "ScriptFormat", "“{value}” is not a stock count; write a whole number like “500”."
            ).format(value=value),
        ) from None


def _parse_product(header_line_no: int, rest: str, body: list[tuple[int, str]]) -> Product:
    link_no = parse_link_no(rest)
    if link_no is None:
        raise ScriptFormatError(
            header_line_no,
            translate(
                "ScriptFormat",
                "A product block starts like “::: product 1号链接”; the link number is missing.",
            ),
        )
    values: dict[str, tuple[int, str]] = {}
    features: list[str] = []
    advantages: list[str] = []
    benefits: list[str] = []
    proof: list[str] = []
    faq: list[FaqEntry] = []
    question: tuple[int, str] | None = None
    for line_no, line in body:
        if not line.strip() or _COMMENT_RE.match(line):
            continue
        match = _KEY_VALUE_RE.match(line.strip())
        key = _PRODUCT_KEYS.get(match.group("key").strip().lower()) if match else None
        if match is None or key is None:
            raise ScriptFormatError(
                line_no,
                translate(
                    "ScriptFormat",
                    "Product lines are “field: value”; “{line}” is not one. Fields: name, list_price, "
                    "live_price, price_basis, coupon, stock, feature, advantage, benefit, proof, Q, A.",
                ).format(line=line.strip()),
            )
        value = match.group("value")
        if key == "question":
            if question is not None:
                raise ScriptFormatError(
                    question[0],
                    translate("ScriptFormat", "This question has no answer line (“A: …”) after it."),
                )
            question = (line_no, value)
        elif key == "answer":
            if question is None:
                raise ScriptFormatError(
                    line_no,
                    translate("ScriptFormat", "An answer (“A: …”) must follow its question (“Q: …”)."),
                )
            faq.append(FaqEntry(question[1], value))
            question = None
        elif key in ("feature", "advantage", "benefit", "proof"):
            {"feature": features, "advantage": advantages, "benefit": benefits, "proof": proof}[key].append(
                value
            )
        elif key in values:
            raise ScriptFormatError(
                line_no, translate("ScriptFormat", "The field “{key}” is given twice.").format(key=key)
            )
        else:
            values[key] = (line_no, value)
    if question is not None:
        raise ScriptFormatError(
            question[0], translate("ScriptFormat", "This question has no answer line (“A: …”) after it.")
        )
    name = values.get("name", (header_line_no, ""))[1].strip()
    if not name:
        raise ScriptFormatError(
            header_line_no, translate("ScriptFormat", "The product needs a name line (“name: …”).")
        )

    def price(key: str) -> Decimal | None:
        return _parse_price(values[key][1], values[key][0]) if key in values else None

    return Product(
        name=name,
        link_no=link_no,
        list_price=price("list_price"),
        live_price=price("live_price"),
        price_basis=values.get("price_basis", (0, ""))[1],
        coupon=values.get("coupon", (0, ""))[1],
        stock=_parse_stock(values["stock"][1], values["stock"][0]) if "stock" in values else None,
        fab=Fab(tuple(features), tuple(advantages), tuple(benefits)),
        proof=tuple(proof),
        faq=tuple(faq),
        platform_id=values.get("platform_id", (0, ""))[1].strip(),
    )


def _parse_emergency(header_line_no: int, rest: str, body: list[tuple[int, str]]) -> EmergencyScript:
    parts = rest.split()
    if not parts:
        raise ScriptFormatError(
            header_line_no,
            translate(
                "ScriptFormat",
                "An emergency block starts like “::: emergency 网络中断 F2”; the kind is missing.",
            ),
        )
    kind = EmergencyKind.from_label(parts[0])
    if kind is None:
        known = "、".join(k.label_zh for k in EmergencyKind)
        raise ScriptFormatError(
            header_line_no,
            translate(
                "ScriptFormat",
                "Unknown emergency kind “{kind}”. Use one of: {known} (or their English names).",
            ).format(kind=parts[0], known=known),
        )
    key_hint = " ".join(parts[1:])
    title = ""
    lines: list[str] = []
    pending_blank = False
    for _line_no, raw in body:
        if _COMMENT_RE.match(raw):
            continue
        line = raw.rstrip()
        if not title and not lines:
            match = _KEY_VALUE_RE.match(line.strip())
            if match and match.group("key").strip().lower() in ("title", "标题"):
                title = match.group("value")
                continue
        line = _unescape(line)
        if not line.strip():
            pending_blank = bool(lines)
            continue
        if pending_blank:
            lines.append("")
        pending_blank = False
        lines.append(line)
    return EmergencyScript(kind=kind, title=title or kind.label_zh, text="\n".join(lines), key_hint=key_hint)


def parse_script(text: str) -> Script:
    """Read a script file; raises :class:`ScriptFormatError` (line number, translated message) on the first
    problem, so a bad file is never half-imported."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title: str | None = None
    meta: dict[str, str] = {}
    products: list[Product] = []
    emergencies: list[EmergencyScript] = []
    drafts: list[_SegmentDraft] = []
    product_lines: dict[int, int] = {}
    index = 0
    while index < len(lines):
        line_no = index + 1
        line = lines[index].rstrip()
        index += 1
        if line.lstrip().startswith("<!--"):
            # A comment, on one line or over several; it is not part of the script.
            while "-->" not in line:
                if index >= len(lines):
                    raise ScriptFormatError(
                        line_no, translate("ScriptFormat", "This comment is not closed; end it with “-->”.")
                    )
                line = lines[index]
                index += 1
            continue
        if title is None:
            if not line.strip():
                continue
            match = _TITLE_RE.match(line)
            if not match or line.startswith("##"):
                raise ScriptFormatError(
                    line_no,
                    translate("ScriptFormat", "A script starts with its title line, e.g. “# 秋季好物专场”."),
                )
            title = match.group("title")
            continue
        block = _BLOCK_OPEN_RE.match(line) if line.startswith(":::") else None
        if block is not None:
            body: list[tuple[int, str]] = []
            while True:
                if index >= len(lines):
                    raise ScriptFormatError(
                        line_no,
                        translate("ScriptFormat", "This block is not closed; end it with a line “:::”."),
                    )
                inner = lines[index].rstrip()
                index += 1
                if inner.strip() == _BLOCK_CLOSE:
                    break
                body.append((index, inner))
            kind = block.group("kind").lower()
            if kind in ("product", "商品"):
                product = _parse_product(line_no, block.group("rest"), body)
                if product.link_no in product_lines:
                    raise ScriptFormatError(
                        line_no,
                        translate(
                            "ScriptFormat", "Link {n} is already used by the product on line {other}."
                        ).format(n=product.link_no, other=product_lines[product.link_no]),
                    )
                product_lines[product.link_no] = line_no
                products.append(product)
            elif kind in ("emergency", "应急", "应急话术"):
                emergencies.append(_parse_emergency(line_no, block.group("rest"), body))
            else:
                raise ScriptFormatError(
                    line_no,
                    translate(
                        "ScriptFormat",
                        "Unknown block “{kind}”; blocks are “::: product …” and “::: emergency …”.",
                    ).format(kind=block.group("kind")),
                )
            continue
        if line.startswith("## "):
            drafts.append(_parse_segment_heading(line, line_no))
            continue
        if line.startswith("#") and not line.startswith("##"):
            raise ScriptFormatError(
                line_no,
                translate(
                    "ScriptFormat",
                    "A script has one title line; segments start with “## ”. Write “\\#” for a literal “#”.",
                ),
            )
        if not drafts:
            if not line.strip():
                continue
            match = _KEY_VALUE_RE.match(line.strip())
            if not match:
                raise ScriptFormatError(
                    line_no,
                    translate(
                        "ScriptFormat",
                        "Before the first segment only header lines “key: value” are allowed "
                        "(host, rate, promo_every …); “{line}” is not one.",
                    ).format(line=line.strip()),
                )
            meta[match.group("key").strip()] = match.group("value")
            continue
        draft = drafts[-1]
        cue = _CUE_RE.match(line) if line.startswith(">") else None
        if cue is not None:
            body_text = cue.group("body")
            role_match = _CUE_ROLE_RE.match(body_text)
            if role_match:
                draft.add_cue(role_match.group("role"), role_match.group("text").strip())
            else:
                draft.add_cue("", body_text)
            continue
        draft.add_text(_unescape(line))
    if title is None:
        raise ScriptFormatError(
            1, translate("ScriptFormat", "The file is empty; a script starts with its title line “# …”.")
        )
    for draft in drafts:
        if draft.product_ref is not None and draft.product_ref not in product_lines:
            raise ScriptFormatError(
                draft.line_no,
                translate(
                    "ScriptFormat",
                    "This segment sells link {n}, but no “::: product {n}号链接” block defines it.",
                ).format(n=draft.product_ref),
            )
    return Script(
        title=title,
        segments=tuple(draft.build() for draft in drafts),
        products=tuple(products),
        emergencies=tuple(emergencies),
        meta=meta,
    )


# ----------------------------------------------------------------------------------------------------------
# writing


def _escape(line: str) -> str:
    return "\\" + line if line.startswith(_ESCAPABLE_PREFIXES) else line


def _format_minutes(minutes: float) -> str:
    return str(int(minutes)) if float(minutes).is_integer() else f"{minutes:g}"


def _format_decimal(amount: Decimal) -> str:
    return format(amount, "f")


def _format_product(product: Product) -> list[str]:
    out = [f"::: product {product.link_no}号链接", f"name: {product.name}"]
    if product.list_price is not None:
        out.append(f"list_price: {_format_decimal(product.list_price)}")
    if product.live_price is not None:
        out.append(f"live_price: {_format_decimal(product.live_price)}")
    if product.price_basis:
        out.append(f"price_basis: {product.price_basis}")
    if product.coupon:
        out.append(f"coupon: {product.coupon}")
    if product.stock is not None:
        out.append(f"stock: {product.stock}")
    if product.platform_id:
        out.append(f"product_id: {product.platform_id}")
    out += [f"feature: {item}" for item in product.fab.features]
    out += [f"advantage: {item}" for item in product.fab.advantages]
    out += [f"benefit: {item}" for item in product.fab.benefits]
    out += [f"proof: {item}" for item in product.proof]
    for entry in product.faq:
        out += [f"Q: {entry.question}", f"A: {entry.answer}"]
    out.append(_BLOCK_CLOSE)
    return out


def _format_cue(cue: Cue) -> str:
    return f"> {cue.role}: {cue.text}" if cue.role else f"> {cue.text}"


def _format_segment(segment: Segment) -> list[str]:
    tag = segment.kind.label_zh
    if segment.product_ref is not None:
        tag += f" {segment.product_ref}号链接"
    out = [f"## [{tag}] {segment.title} ({_format_minutes(segment.planned_minutes)} min)"]
    text = segment.host_text
    position = 0
    after_cue = False
    for cue in sorted(segment.assistant_cues, key=lambda c: c.at_char):
        # Cues sit between lines: one given mid-line is written after the end of that line, one given
        # after blank lines sits right after the text before them (that is where the parser puts it).
        at = min(max(cue.at_char, 0), len(text))
        while at > 0 and text[at - 1] == "\n":
            at -= 1
        if 0 < at < len(text) and text[at] != "\n":
            line_end = text.find("\n", at)
            at = len(text) if line_end == -1 else line_end
        at = max(at, position)
        out += _text_lines(text[position:at], after_cue)
        out.append(_format_cue(cue))
        position = at
        after_cue = True
    out += _text_lines(text[position:], after_cue)
    return out


def _text_lines(piece: str, after_cue: bool) -> list[str]:
    if after_cue and piece.startswith("\n"):
        piece = piece[1:]
    if not piece:
        return []
    return [_escape(line) for line in piece.split("\n")]


def _format_emergency(item: EmergencyScript) -> list[str]:
    header = f"::: emergency {item.kind.label_zh}"
    if item.key_hint:
        header += f" {item.key_hint}"
    out = [header, f"title: {item.title}"]
    out += [_escape(line) for line in item.text.split("\n")] if item.text else []
    out.append(_BLOCK_CLOSE)
    return out


def format_script(script: Script) -> str:
    """Write a script in the file format; ``parse_script(format_script(s)) == s`` for any parsed script."""
    out = [f"# {script.title}"]
    out += [f"{key}: {value}" for key, value in script.meta.items()]
    for product in script.products:
        out.append("")
        out += _format_product(product)
    for segment in script.segments:
        out.append("")
        out += _format_segment(segment)
    for item in script.emergencies:
        out.append("")
        out += _format_emergency(item)
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------------------------------------
# template

_TEMPLATE = """\
# {title}
host: 主播名
assistant: 副播名
platform: douyin
rate: 260
promo_every: 15
<!-- 新场次模板：每个 ## 是一个环节，方括号里写环节类型（开场 讲品 逼单 福利 秒杀 过款 答疑 收尾），
     括号里写计划分钟数。讲品环节写上链接号，如 [讲品 1号链接]。以 > 开头的行是给场控、副播的提示。 -->

::: product 1号链接
name: 商品名称
list_price: 99
live_price: 59
price_basis: 比价依据，如“品牌官方旗舰店近30天日常售价”
coupon: 优惠券说明
stock: 500
feature: 特点（是什么：成分、材质、规格）
advantage: 优势（比别的好在哪：有依据的对比）
benefit: 利益（对观众有什么用：使用场景）
proof: 证明（检测报告、备案号、用户评价）
Q: 常见问题
A: 标准回答
:::

## [开场] 欢迎与今日货盘 (5 min)
欢迎进入直播间的朋友，先点个关注。今天给大家准备了……
> 场控: 开播福袋上架

## [福利] 开场福袋 (2 min)
福袋奖品、参与口令和开奖时间。
> 场控: 福袋上架，设置开奖时间

## [讲品 1号链接] 商品讲解 (8 min)
痛点：……
演示：……
卖点（FAB）：……
价格：日常价……今天直播间到手价……
> 场控: 1号链接准备库存

## [答疑 1号链接] 商品答疑 (1 min)
回答评论区关于这个商品的问题。

## [秒杀 1号链接] 限时秒杀 (3 min)
这一轮秒杀的数量和价格，倒计时上链接。
> 场控: 上库存，倒计时3分钟

## [逼单 1号链接] 逼单 (2 min)
剩余库存、售后保障（七天无理由）、下单步骤。

## [过款] 过到下一个商品 (1 min)
一句话把话题引到下一个商品。

## [收尾] 感谢与下播预告 (5 min)
感谢观看，下一场的时间和主题，提醒关注。

::: emergency 设备故障 F1
title: 画面或声音出问题
稍等一下，设备出了点小状况，技术同学正在处理，马上就好，大家先别走。
:::

::: emergency 网络中断 F2
title: 画面卡顿、断流
看到画面卡住的朋友刷新一下直播间，我们正在切换备用网络。
:::

::: emergency 价格错误 F3
title: 价格挂错了
刚才链接价格挂错了，正在修改，以现在口播的价格为准，已拍下的客服会联系处理。
:::

::: emergency 库存错误 F4
title: 库存显示不对
库存显示有误，正在和仓库核对，已拍下的订单都会正常处理。
:::

::: emergency 恶意评论 F5
title: 有争议的评论（认同情绪—澄清事实—转移焦点）
理解这位朋友的担心。相关的检测报告和资质都在详情页，有问题可以私信客服；我们接着看下一个链接。
:::

::: emergency 主播暂离 F6
title: 主播需要短暂离开
我去拿一下样品，副播先陪大家聊一会儿。
:::
"""


def new_show_template(title: str = "新的一场直播") -> str:
    """A script with the standard modules of a show, for ``script new`` and the editor's "New"."""
    return _TEMPLATE.format(title=title.strip() or "新的一场直播")
