from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree

from data_example import CSV_TEXT

from studio_app.metrics.demo import demo_samples
from studio_app.metrics.export import (
    ReportInput,
    review_csv,
    svg_line_chart,
    write_review_csv,
    write_review_html,
)
from studio_app.metrics.imports import load_export
from studio_app.metrics.review import PromoMark, SegmentSpan, review_show

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _report(tmp_path: Path) -> ReportInput:
    path = tmp_path / "e.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    samples = load_export(path).samples
    segments = (SegmentSpan("开场 <福袋>", T0, T0 + timedelta(minutes=2)),)
    promos = (PromoMark("秒杀", T0 + timedelta(minutes=3)),)
    return ReportInput(
        title="周五专场",
        review=review_show(samples, segments, promos),
        samples=samples,
        segments=segments,
        promos=promos,
        source="import",
        incidents=((T0, "stutter", "卡顿 20 秒"),),
    )


def test_review_csv_has_metrics_formulas_segments_and_promos(tmp_path: Path) -> None:
    out = write_review_csv(tmp_path / "review.csv", _report(tmp_path))
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Excel
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    by_label = {r[0]: r for r in rows if r}
    assert by_label["GMV"][1] == "¥1,099.50"
    assert by_label["GPM"][2].startswith("GMV × 1000 / views")
    assert by_label["开场 <福袋>"][3] == "¥799.50"
    assert by_label["秒杀"][4:6] == ["8", "3"]
    assert "Longest stretch with no order" in by_label


def test_html_report_is_self_contained_with_escaped_text_and_svg_charts(tmp_path: Path) -> None:
    page = write_review_html(tmp_path / "review.html", _report(tmp_path)).read_text(encoding="utf-8")
    assert page.count("<svg") == 2
    assert "开场 &lt;福袋&gt;" in page and "开场 <福袋>" not in page
    assert "卡顿 20 秒" in page
    assert "http" not in page.replace("http://www.w3.org/2000/svg", "")  # nothing fetched from the net
    assert review_csv(_report(tmp_path))  # and the CSV of the same report works


def test_svg_chart_of_an_eight_hour_show_stays_small_and_valid() -> None:
    samples = demo_samples(T0, minutes=8 * 60)
    points = [(s.at, float(s.online_viewers or 0)) for s in samples]
    svg = svg_line_chart(points, "在线", "#1c7ed6", promos=[PromoMark("p", T0 + timedelta(hours=1))])
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg")
    assert len(svg) < 60_000
