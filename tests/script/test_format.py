from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio_app import i18n
from studio_app.paths import resource_path
from studio_app.script.format import ScriptFormatError, format_script, new_show_template, parse_script
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

SMALL_SCRIPT = """\
# 测试专场
host: 小林
rate: 260

::: product 1号链接
name: 保湿面霜 50g
list_price: ¥199
live_price: 89元
price_basis: 旗舰店日常价
coupon: 满89减10
stock: 500
feature: 含玻尿酸
advantage: 质地轻薄
benefit: 下午不紧绷
proof: 检测报告见详情页
Q: 敏感肌能用吗？
A: 可以，先在耳后试用。
:::

## [开场] 欢迎 (5 min)
大家好！

> 场控: 福袋已上
欢迎新朋友
\\# 这一行不是标题

## 【讲品 1号链接】面霜 (10分钟)
第一段
> 副播：报库存

## [flash_sale #1] Flash (2.5 min)
Three, two, one!

::: emergency 网络中断 F2
title: 卡了
别走开，马上回来。
:::
"""


def test_a_script_file_reads_into_segments_products_cues_and_emergencies() -> None:
    script = parse_script(SMALL_SCRIPT)

    assert script.title == "测试专场"
    assert script.meta == {"host": "小林", "rate": "260"}
    assert [s.kind for s in script.segments] == [
        SegmentKind.OPENING,
        SegmentKind.PRODUCT,
        SegmentKind.FLASH_SALE,
    ]
    assert [s.planned_minutes for s in script.segments] == [5.0, 10.0, 2.5]
    opening, product_segment, flash = script.segments
    assert opening.host_text == "大家好！\n\n欢迎新朋友\n# 这一行不是标题"
    assert opening.assistant_cues == (Cue("场控", "福袋已上", at_char=len("大家好！")),)
    assert product_segment.product_ref == 1 and flash.product_ref == 1
    assert product_segment.assistant_cues == (Cue("副播", "报库存", at_char=3),)
    cream = script.product_for(product_segment)
    assert cream == Product(
        name="保湿面霜 50g",
        link_no=1,
        list_price=Decimal("199"),
        live_price=Decimal("89"),
        price_basis="旗舰店日常价",
        coupon="满89减10",
        stock=500,
        fab=Fab(("含玻尿酸",), ("质地轻薄",), ("下午不紧绷",)),
        proof=("检测报告见详情页",),
        faq=(FaqEntry("敏感肌能用吗？", "可以，先在耳后试用。"),),
    )
    assert script.emergencies == (
        EmergencyScript(EmergencyKind.NETWORK_DROP, "卡了", "别走开，马上回来。", "F2"),
    )
    assert script.emergencies[0].key == "F2"


@pytest.mark.parametrize("text", [SMALL_SCRIPT, new_show_template("秋季专场")])
def test_writing_and_reading_back_gives_the_same_script(text: str) -> None:
    script = parse_script(text)
    written = format_script(script)
    assert parse_script(written) == script
    assert format_script(parse_script(written)) == written


def test_demo_show_is_a_two_hour_show_with_a_promo_every_fifteen_minutes() -> None:
    script = parse_script(resource_path("demo", "demo_show.md").read_text(encoding="utf-8"))

    assert script.planned_minutes == 120
    assert 4 <= len(script.products) <= 5
    assert all(p.fab.features and p.fab.benefits and p.faq for p in script.products)
    assert {e.kind for e in script.emergencies} == set(EmergencyKind)
    starts = script.segment_start_seconds()
    promo_minutes = [starts[i] / 60 for i, s in enumerate(script.segments) if s.kind.is_promo]
    assert [m for m in promo_minutes if m >= 15] == [15, 30, 45, 60, 75, 90, 105]
    kinds = {s.kind for s in script.segments}
    assert {SegmentKind.OPENING, SegmentKind.QA, SegmentKind.WRAP_UP, SegmentKind.PUSH} <= kinds
    assert parse_script(format_script(script)) == script


def test_new_show_template_has_the_standard_modules_and_every_emergency_script() -> None:
    script = parse_script(new_show_template("周五美妆专场"))
    assert script.title == "周五美妆专场"
    assert script.segments[0].kind == SegmentKind.OPENING
    assert script.segments[-1].kind == SegmentKind.WRAP_UP
    assert {s.kind for s in script.segments} >= {
        SegmentKind.PRODUCT,
        SegmentKind.FLASH_SALE,
        SegmentKind.PUSH,
    }
    assert {e.kind for e in script.emergencies} == set(EmergencyKind)


def test_english_type_names_and_link_spellings_are_accepted() -> None:
    script = parse_script(
        "# Show\n\n::: product #2\nname: Mug\n:::\n\n"
        "## [wrap-up] Bye (3m)\nbye\n## [Product link 2] Mug (4 min)\n"
        "## [Flash sale 2号链接] Deal (3 min)\n## [Closing push] Last call (1 min)\n"
    )
    assert [s.kind for s in script.segments] == [
        SegmentKind.WRAP_UP,
        SegmentKind.PRODUCT,
        SegmentKind.FLASH_SALE,
        SegmentKind.PUSH,
    ]
    assert [s.product_ref for s in script.segments] == [None, 2, 2, None]


def test_comments_are_ignored_and_not_read_by_the_host() -> None:
    script = parse_script(
        "# T\n<!-- one line -->\n<!--\n several\n lines -->\n## [开场] A (1 min)\n<!-- x -->\n你好\n"
    )
    assert script.segments[0].host_text == "你好"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("", 1, "empty"),
        ("hello\n", 1, "title line"),
        ("# T\nnot a header line\n", 2, "header lines"),
        ("# T\n## [开场] 欢迎\n", 2, "planned duration"),
        ("# T\n## [开场] 欢迎 (five min)\n", 2, "not a duration"),
        ("# T\n## [开场] 欢迎 (0 min)\n", 2, "more than 0"),
        ("# T\n## [聊天] 欢迎 (5 min)\n", 2, "Unknown segment type"),
        ("# T\n## 欢迎 (5 min)\n", 2, "segment heading"),
        ("# T\n## [讲品 一号] 面霜 (5 min)\n", 2, "link number"),
        ("# T\n\n## [讲品 3号链接] 面霜 (5 min)\n", 3, "no “::: product 3号链接” block"),
        ("# T\n::: product 1号链接\nname: A\n", 2, "not closed"),
        ("# T\n::: product\nname: A\n:::\n", 2, "link number is missing"),
        ("# T\n::: product 1\nlist_price: 9\n:::\n", 2, "name line"),
        ("# T\n::: product 1\nname: A\nlive_price: 九块九\n:::\n", 4, "not a price"),
        ("# T\n::: product 1\nname: A\nstock: 很多\n:::\n", 4, "not a stock count"),
        ("# T\n::: product 1\nname: A\ncolour: red\n:::\n", 4, "not one"),
        ("# T\n::: product 1\nname: A\nname: B\n:::\n", 4, "given twice"),
        ("# T\n::: product 1\nname: A\nQ: why?\n:::\n", 4, "no answer"),
        ("# T\n::: product 1\nname: A\nA: because\n:::\n", 4, "must follow its question"),
        ("# T\n::: product 1\nname: A\n:::\n::: product 1号链接\nname: B\n:::\n", 5, "already used"),
        ("# T\n::: emergency 地震\n:::\n", 2, "Unknown emergency kind"),
        ("# T\n::: poll 1\n:::\n", 2, "Unknown block"),
        ("# T\n## [开场] A (1 min)\n# another title\n", 3, "one title line"),
        ("# T\n<!-- never closed\n", 2, "comment is not closed"),
    ],
)
def test_a_bad_file_is_rejected_with_its_line_number_and_a_reason(text: str, line: int, words: str) -> None:
    with pytest.raises(ScriptFormatError) as caught:
        parse_script(text)
    assert caught.value.line_no == line
    assert words in caught.value.message
    assert str(caught.value).startswith(f"Line {line}: ")


def test_errors_speak_the_users_language() -> None:
    catalogue = {("ScriptFormat", "Line {line}: {message}"): "第 {line} 行：{message}"}
    i18n.install(lambda context, text: catalogue.get((context, text), ""))
    with pytest.raises(ScriptFormatError) as caught:
        parse_script("# T\n## [开场] 欢迎\n")
    assert str(caught.value).startswith("第 2 行：")


def test_a_text_line_that_looks_like_syntax_survives_a_round_trip() -> None:
    tricky = "# 不是标题\n> 不是提示\n::: 不是区块\n<!-- 不是注释 -->\n\\ 反斜杠"
    script = Script("T", (Segment(SegmentKind.QA, "问答", 2, tricky),))
    assert parse_script(format_script(script)).segments[0].host_text == tricky


def test_a_cue_placed_mid_line_is_written_after_that_line() -> None:
    script = Script("T", (Segment(SegmentKind.QA, "问答", 2, "第一行\n第二行", (Cue("场控", "上库存", 1),)),))
    again = parse_script(format_script(script)).segments[0]
    assert again.host_text == "第一行\n第二行"
    assert again.assistant_cues == (Cue("场控", "上库存", 3),)


_text_line = st.text(
    alphabet=st.sampled_from(list("直播间宝宝们好价格福利上链接abc XYZ019.,！？#>:：\\<!-")),
    min_size=0,
    max_size=12,
).map(str.strip)


@st.composite
def _segments(draw: st.DrawFn) -> Segment:
    lines = draw(st.lists(_text_line, max_size=5))
    # Normalise like a file would be: no leading/trailing blank lines, no double blank lines.
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    text = text.strip("\n")
    ends = (
        [0] + [i for i, ch in enumerate(text) if ch == "\n" and (i == 0 or text[i - 1] != "\n")] + [len(text)]
    )
    cue_at = draw(st.lists(st.sampled_from(sorted(set(ends))), max_size=3))
    cues = tuple(
        Cue(draw(st.sampled_from(["场控", "副播", ""])), draw(st.sampled_from(["上库存", "报价格 99"])), at)
        for at in sorted(cue_at)
    )
    minutes = draw(st.sampled_from([0.5, 1, 2, 7.5, 15]))
    kind = draw(st.sampled_from(list(SegmentKind)))
    return Segment(kind, draw(st.sampled_from(["欢迎", "讲品 A", "Q&A"])), float(minutes), text, cues, None)


@settings(max_examples=60, deadline=None)
@given(st.lists(_segments(), min_size=1, max_size=4))
def test_any_normalised_script_survives_writing_and_reading(segments: list[Segment]) -> None:
    script = Script("随机专场", tuple(segments))
    parsed = parse_script(format_script(script))
    # Text lines that end in a blank run are trimmed by the file format; compare what a file can hold.
    assert parsed == parse_script(format_script(parsed))
    assert [s.host_text for s in parsed.segments] == [s.host_text for s in script.segments]
    assert [s.assistant_cues for s in parsed.segments] == [
        tuple(sorted(s.assistant_cues, key=lambda c: c.at_char)) for s in script.segments
    ]
