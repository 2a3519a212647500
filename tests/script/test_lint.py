from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio_app.script.lint import (
    Category,
    Severity,
    WordlistError,
    builtin_wordlist_path,
    count_by_severity,
    default_wordlist,
    describe_hit,
    lint_text,
    load_wordlist,
    workspace_wordlist_path,
    worst_severity,
)


@pytest.fixture(scope="module")
def wordlist():  # type: ignore[no-untyped-def]
    return default_wordlist()


# (phrase, the flagged text, its severity)
MUST_FLAG = [
    ("这是国家级品质", "国家级", Severity.FORBIDDEN),
    ("今天全网最低价", "全网最低", Severity.FORBIDDEN),
    ("我们是行业第一", "第一", Severity.FORBIDDEN),
    ("最好的面霜就是它", "最好", Severity.FORBIDDEN),
    ("这款最好用了", "最好用", Severity.FORBIDDEN),
    ("史上最便宜", "最便宜", Severity.FORBIDDEN),
    ("顶级原料", "顶级", Severity.FORBIDDEN),
    ("销量NO.1的品牌", "NO.1", Severity.FORBIDDEN),
    ("Top1 爆款", "Top1", Severity.FORBIDDEN),
    ("唯一一款这样的", "唯一", Severity.FORBIDDEN),
    ("万能清洁膏", "万能", Severity.FORBIDDEN),
    ("能根治痘痘", "根治", Severity.FORBIDDEN),
    ("100%有效", "100%有效", Severity.FORBIDDEN),
    ("无副作用，放心用", "无副作用", Severity.FORBIDDEN),
    ("立竿见影", "立竿见影", Severity.FORBIDDEN),
    ("7天美白", "7天美白", Severity.FORBIDDEN),
    ("一个月瘦10斤", "瘦10斤", Severity.FORBIDDEN),
    ("人民大会堂专用", "人民大会堂", Severity.FORBIDDEN),
    ("特供酒", "特供", Severity.FORBIDDEN),
    ("国家免检产品", "国家免检", Severity.FORBIDDEN),
    ("驰名商标", "驰名商标", Severity.FORBIDDEN),
    ("这款面霜能消炎", "消炎", Severity.FORBIDDEN),
    ("坚果能降血压", "降血压", Severity.FORBIDDEN),
    ("这是药妆", "药妆", Severity.FORBIDDEN),
    ("吃了能抗癌", "抗癌", Severity.FORBIDDEN),
    ("绝对好用", "绝对", Severity.CAUTION),
    ("祛痘效果好", "祛痘", Severity.CAUTION),
    ("增强免疫力", "增强免疫力", Severity.CAUTION),
    ("医生推荐的", "医生推荐", Severity.CAUTION),
    ("美白精华", "美白", Severity.NEEDS_EVIDENCE),
    ("好评率高达98%", "好评率高达98%", Severity.NEEDS_EVIDENCE),
    ("90%的用户都回购了", "90%的用户", Severity.NEEDS_EVIDENCE),
    ("销量突破10万件", "销量突破10万件", Severity.NEEDS_EVIDENCE),
    ("保湿力提升3倍", "3倍", Severity.NEEDS_EVIDENCE),
    ("原价199", "原价", Severity.NEEDS_EVIDENCE),
    ("独家配方", "独家", Severity.NEEDS_EVIDENCE),
    ("国家专利技术", "国家专利", Severity.NEEDS_EVIDENCE),
    ("错过再等一年", "错过再等一年", Severity.CAUTION),
    ("已售5000件", "已售5000件", Severity.NEEDS_EVIDENCE),
    ("用了能生发", "生发", Severity.FORBIDDEN),
    ("这款能治疗失眠", "治疗", Severity.FORBIDDEN),
    ("政府专供", "专供", Severity.FORBIDDEN),
]

# Ordinary speech a host says every show: none of it may raise an alarm.
MUST_NOT_FLAG = [
    "第一步先洗脸",
    "第一次来直播间的宝宝",
    "第一时间发货",
    "今天第一轮秒杀",
    "我第一个讲这个链接",
    "最好先在耳后试用",
    "晚上最好不要熬夜",
    "最后一轮福袋",
    "最近天气冷",
    "最大容量500毫升",
    "最高温度100度",
    "每人最多拍两单",
    "国家级非物质文化遗产",
    "再生纸包装",
    "防晒衣今天也有",
    "欢迎新进来的朋友，点个关注",
    "到手价89元，包邮",
    "七天无理由退换",
    "乳霜质地，不油不黏",
    "这个颜色很好看",
    "一天一袋刚刚好",
    "今天最高立减50元",
    "本品不能代替药物治疗",
    "唯一的缺点就是太好吃",
    "这是电商专供款",
    "内增高鞋垫",
    "暖宝宝会产生发热",
]


@pytest.mark.parametrize(("phrase", "flagged", "severity"), MUST_FLAG)
def test_phrases_that_break_the_advertising_law_are_flagged(wordlist, phrase, flagged, severity) -> None:  # type: ignore[no-untyped-def]
    hits = lint_text(phrase, wordlist)
    assert [hit.text for hit in hits] == [flagged], hits
    assert hits[0].severity == severity
    assert hits[0].entry.basis and hits[0].entry.hint


@pytest.mark.parametrize("phrase", MUST_NOT_FLAG)
def test_ordinary_usage_is_not_flagged(wordlist, phrase) -> None:  # type: ignore[no-untyped-def]
    assert lint_text(phrase, wordlist) == []


def test_every_entry_names_its_legal_basis_and_a_rewrite_hint(wordlist) -> None:  # type: ignore[no-untyped-def]
    assert len(wordlist.entries) >= 100
    for entry in wordlist.entries:
        assert "《" in entry.basis, entry.pattern
        assert len(entry.hint) >= 6, entry.pattern
    assert {e.category for e in wordlist.entries} == set(Category)
    assert {e.severity for e in wordlist.entries} == set(Severity)
    laws = " ".join(e.basis for e in wordlist.entries)
    for article in (
        "第九条",
        "第十七条",
        "第十八条",
        "第二十八条",
        "《化妆品监督管理条例》第四十三条",
        "执法指南",
    ):
        assert article in laws


def test_hits_carry_offsets_line_and_column_for_the_editor(wordlist) -> None:  # type: ignore[no-untyped-def]
    text = "大家好\n这是全网最低价，\n无副作用"
    hits = lint_text(text, wordlist)
    assert [(h.line, h.column, h.text) for h in hits] == [(2, 3, "全网最低"), (3, 1, "无副作用")]
    for hit in hits:
        assert text[hit.start : hit.end] == hit.text
    assert worst_severity(hits) == Severity.FORBIDDEN
    assert count_by_severity(hits)[Severity.FORBIDDEN] == 2


def test_a_phrase_is_reported_once_by_its_most_specific_entry(wordlist) -> None:  # type: ignore[no-untyped-def]
    hits = lint_text("100%有效", wordlist)
    assert len(hits) == 1 and hits[0].entry.category == Category.GUARANTEE_OF_EFFECT
    # Overlapping entries (国家免检 / 免检产品) give one mark, not two.
    assert [h.text for h in lint_text("国家免检产品", wordlist)] == ["国家免检"]
    # Separate phrases side by side are each reported.
    assert [h.text for h in lint_text("人民大会堂特供", wordlist)] == ["人民大会堂", "特供"]


def _write(path: Path, data: dict) -> Path:  # type: ignore[type-arg]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_workspace_file_updates_the_list_without_a_release(tmp_path: Path) -> None:
    _write(
        workspace_wordlist_path(tmp_path),
        {
            "version": "studio-2",
            "entries": [
                {"pattern": "秒杀全网", "disabled": True},
                {
                    "pattern": "原价",
                    "category": "misleading_price",
                    "severity": "forbidden",
                    "basis": "《价格法》",
                    "hint": "写明比价依据",
                },
                {
                    "pattern": "吊打同行",
                    "category": "absolute_claim",
                    "severity": "forbidden",
                    "basis": "《广告法》",
                    "hint": "不要贬低同行",
                },
            ],
            "exceptions": [{"pattern": "原价格"}],
        },
    )
    merged = default_wordlist(tmp_path)
    assert merged.version == "2026.11.25+studio-2"
    assert lint_text("这款秒杀全网", merged) == []
    assert [h.severity for h in lint_text("原价199", merged)] == [Severity.FORBIDDEN]
    assert [h.text for h in lint_text("我们吊打同行", merged)] == ["吊打同行"]
    # Without the workspace file, the built-in list alone.
    assert default_wordlist(tmp_path / "elsewhere").version == "2026.11.25"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", "not valid UTF-8 JSON"),
        ('{"entries": {}}', "must be a JSON object"),
        ('{"entries": [{"pattern": ""}]}', "non-empty"),
        ('{"entries": [{"pattern": "x", "category": "rude", "severity": "forbidden"}]}', "needs a category"),
        (
            '{"entries": [{"pattern": "(", "regex": true, '
            '"category": "absolute_claim", "severity": "caution"}]}',
            "not a valid regular expression",
        ),
    ],
)
def test_a_broken_word_list_is_refused_with_a_clear_message(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(WordlistError, match=words):
        load_wordlist(builtin_wordlist_path(), path)


def test_a_missing_word_list_says_so(tmp_path: Path) -> None:
    with pytest.raises(WordlistError, match="Cannot read"):
        load_wordlist(tmp_path / "nope.json")


def test_the_demo_show_has_nothing_forbidden(wordlist) -> None:  # type: ignore[no-untyped-def]
    from studio_app.paths import resource_path

    hits = lint_text(resource_path("demo", "demo_show.md").read_text(encoding="utf-8"), wordlist)
    assert count_by_severity(hits)[Severity.FORBIDDEN] == 0


def test_a_hit_is_described_in_one_line_for_the_editor_and_the_terminal(wordlist) -> None:  # type: ignore[no-untyped-def]
    (hit,) = lint_text("你好\n全网最低价", wordlist)
    assert describe_hit(hit) == (
        f"Line 2, column 1: Forbidden “全网最低”: Absolute claim ({hit.entry.basis}). {hit.entry.hint}"
    )
    assert describe_hit(hit, with_position=False).startswith("Forbidden “全网最低”")
