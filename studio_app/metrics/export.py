"""A show's review as CSV (for a spreadsheet) and as a self-contained HTML report with its charts.

The HTML draws its charts as inline SVG made here, so the report needs neither Qt nor a browser engine
to be written (the CLI can export too). The UI's PDF goes through Qt: it asks for the same HTML with
``<img>`` references to chart pictures it grabbed from the panel's own plots (``image_sources``),
because Qt's rich-text engine does not draw inline SVG.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from studio_app.i18n import translate
from studio_app.metrics.imports import CHINA_TZ
from studio_app.metrics.review import (
    PromoMark,
    SegmentSpan,
    ShowReview,
    Unit,
    format_metric_value,
    format_seconds,
)
from studio_app.metrics.samples import Sample
from studio_app.money import fen_to_yuan


@dataclass(frozen=True)
class ReportInput:
    title: str
    review: ShowReview
    samples: tuple[Sample, ...]
    segments: tuple[SegmentSpan, ...] = ()
    promos: tuple[PromoMark, ...] = ()
    source: str = ""
    incidents: tuple[tuple[datetime, str, str], ...] = ()  # (at, kind, description)
    tz: tzinfo = CHINA_TZ


def _t(at: datetime, tz: tzinfo, seconds: bool = False) -> str:
    return at.astimezone(tz).strftime("%H:%M:%S" if seconds else "%H:%M")


def _yuan(fen: int) -> str:
    return format_metric_value(fen_to_yuan(fen), Unit.YUAN)


# --------------------------------------------------------------------------------------------- CSV


def review_csv(report: ReportInput) -> str:

    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([translate("Export", "Show"), report.title])
    w.writerow([translate("Export", "Data source"), report.source])
    w.writerow([])
    w.writerow(
        [
            translate("Export", "Metric"),
            translate("Export", "Value"),
            translate("Export", "Formula"),
            translate("Export", "Worked"),
        ]
    )
    for m in report.review.metrics:
        w.writerow([m.label, format_metric_value(m.value, m.unit), m.formula, m.detail])
    w.writerow([])
    w.writerow(
        [
            translate("Export", "Segment"),
            translate("Export", "Start"),
            translate("Export", "End"),
            translate("Export", "GMV"),
            translate("Export", "Orders"),
            translate("Export", "Viewers"),
            translate("Export", "Peak online"),
            translate("Export", "UV value"),
        ]
    )
    for seg in report.review.segments:
        w.writerow(
            [
                seg.name,
                _t(seg.start, report.tz),
                _t(seg.end, report.tz),
                _yuan(seg.gmv_fen),
                seg.orders,
                "" if seg.viewers is None else seg.viewers,
                "" if seg.peak_online is None else seg.peak_online,
                format_metric_value(seg.uv_value_yuan, Unit.YUAN),
            ]
        )
    w.writerow([])
    w.writerow(
        [
            translate("Export", "Promo"),
            translate("Export", "Time"),
            translate("Export", "Online before"),
            translate("Export", "Online after"),
            translate("Export", "Orders before"),
            translate("Export", "Orders after"),
        ]
    )
    for p in report.review.promos:
        w.writerow(
            [
                p.name,
                _t(p.at, report.tz),
                format_metric_value(p.online_before, Unit.COUNT),
                format_metric_value(p.online_after, Unit.COUNT),
                p.orders_before,
                p.orders_after,
            ]
        )
    stretch = report.review.longest_no_order
    if stretch is not None:
        w.writerow([])
        w.writerow(
            [
                translate("Export", "Longest stretch with no order"),
                f"{_t(stretch.start, report.tz)}–{_t(stretch.end, report.tz)}",
                format_seconds(stretch.duration_s),
            ]
        )
    return out.getvalue()


def write_review_csv(path: Path, report: ReportInput) -> Path:
    # UTF-8 with BOM: Excel on a Chinese Windows opens it with the right characters.
    Path(path).write_text(review_csv(report), encoding="utf-8-sig")
    return Path(path)


# --------------------------------------------------------------------------------------------- charts


def svg_line_chart(
    points: Sequence[tuple[datetime, float]],
    title: str,
    color: str,
    segments: Sequence[SegmentSpan] = (),
    promos: Sequence[PromoMark] = (),
    tz: tzinfo = CHINA_TZ,
    width: int = 860,
    height: int = 240,
) -> str:
    """A small line chart: segments as shaded bands, promos as dashed markers, times on the x axis."""
    left, right, top, bottom = 60, 12, 28, 26
    plot_w, plot_h = width - left - right, height - top - bottom
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        f'<text x="{left}" y="16" font-size="13" font-weight="bold">{html.escape(title)}</text>',
    ]
    if len(points) < 2:
        no_data = translate("Export", "No data")
        parts.append(f'<text x="{left}" y="{top + 20}">{html.escape(no_data)}</text></svg>')
        return "".join(parts)
    t0, t1 = points[0][0], points[-1][0]
    span_s = max((t1 - t0).total_seconds(), 1.0)
    y_max = max(v for _, v in points) or 1.0

    def x(at: datetime) -> float:
        return left + plot_w * min(max((at - t0).total_seconds() / span_s, 0.0), 1.0)

    def y(v: float) -> float:
        return top + plot_h * (1 - v / y_max)

    band_colors = ("#e8eef8", "#f6efe4")
    for i, seg in enumerate(segments):
        if seg.end <= t0 or seg.start >= t1:
            continue
        x0, x1 = x(seg.start), x(seg.end)
        parts.append(
            f'<rect x="{x0:.1f}" y="{top}" width="{max(x1 - x0, 0.5):.1f}" height="{plot_h}" '
            f'fill="{band_colors[i % 2]}"/>'
            f'<text x="{x0 + 3:.1f}" y="{top + 11}" fill="#556" font-size="10">{html.escape(seg.name)}</text>'
        )
    for tick in range(5):
        v = y_max * tick / 4
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:,.0f}</text>'
        )
    for tick in range(7):
        at = t0 + (t1 - t0) * tick / 6
        parts.append(f'<text x="{x(at):.1f}" y="{height - 8}" text-anchor="middle">{_t(at, tz)}</text>')
    for promo in promos:
        if t0 <= promo.at <= t1:
            px = x(promo.at)
            parts.append(
                f'<line x1="{px:.1f}" x2="{px:.1f}" y1="{top}" y2="{top + plot_h}" stroke="#d9480f" '
                f'stroke-dasharray="4 3"><title>{html.escape(promo.name)}</title></line>'
            )
    # Long series are thinned to about two points per pixel; the peak of each bucket is kept.
    step = max(1, len(points) // (plot_w * 2))
    kept = [max(points[i : i + step], key=lambda p: p[1]) for i in range(0, len(points), step)]
    path = " ".join(f"{x(at):.1f},{y(v):.1f}" for at, v in kept)
    parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="1.6" points="{path}"/>')
    parts.append(
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#999"/></svg>'
    )
    return "".join(parts)


def chart_points(
    samples: Sequence[Sample],
) -> tuple[list[tuple[datetime, float]], list[tuple[datetime, float]]]:
    """(online viewers over time, running GMV in yuan over time)."""
    online = [(s.at, float(s.online_viewers)) for s in samples if s.online_viewers is not None]
    gmv: list[tuple[datetime, float]] = []
    total = 0
    for s in samples:
        if s.pay_gmv_fen is not None:
            total += s.pay_gmv_fen
            gmv.append((s.at, fen_to_yuan(total)))
    return online, gmv


# --------------------------------------------------------------------------------------------- HTML

_CSS = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #222;
       margin: 24px; }
h1 { font-size: 20px; margin-bottom: 4px; } h2 { font-size: 16px; margin-top: 24px; }
table { border-collapse: collapse; margin: 8px 0; } td, th { border: 1px solid #ccc; padding: 4px 8px; }
th { background: #f0f2f5; text-align: left; } td.num { text-align: right; } .muted { color: #666; }
"""


def _table_head(*labels: str) -> str:
    return "<table><tr>" + "".join(f"<th>{html.escape(label)}</th>" for label in labels) + "</tr>"


def review_html(report: ReportInput, image_sources: Mapping[str, str] | None = None) -> str:
    """The report page. ``image_sources`` maps "online" / "gmv" to ``<img>`` sources instead of SVG."""

    e = html.escape
    rows = []
    for m in report.review.metrics:
        rows.append(
            f"<tr><td>{e(m.label)}</td><td class='num'>{e(format_metric_value(m.value, m.unit))}</td>"
            f"<td>{e(m.formula)}</td><td class='muted'>{e(m.detail)}</td></tr>"
        )
    heading = {
        "Data source": translate("Export", "Data source"),
        "From previous step": translate("Export", "From previous step"),
        "Funnel": translate("Export", "Funnel"),
        "Incidents": translate("Export", "Incidents"),
        "Metrics": translate("Export", "Metrics"),
        "People": translate("Export", "People"),
        "Promos: 3 minutes before → after": translate("Export", "Promos: 3 minutes before → after"),
        "Segments": translate("Export", "Segments"),
        "Step": translate("Export", "Step"),
    }
    online, gmv = chart_points(report.samples)
    charts = []
    for key, points, title, color in (
        ("online", online, translate("Export", "Online viewers"), "#1c7ed6"),
        ("gmv", gmv, translate("Export", "GMV (running total, ¥)"), "#2b8a3e"),
    ):
        if image_sources and key in image_sources:
            charts.append(f"<p><img src='{e(image_sources[key])}' width='860'></p>")
        else:
            charts.append(
                f"<p>{svg_line_chart(points, title, color, report.segments, report.promos, report.tz)}</p>"
            )
    seg_rows = "".join(
        f"<tr><td>{e(s.name)}</td><td>{_t(s.start, report.tz)}–{_t(s.end, report.tz)}</td>"
        f"<td class='num'>{e(_yuan(s.gmv_fen))}</td><td class='num'>{s.orders}</td>"
        f"<td class='num'>{'—' if s.viewers is None else s.viewers}</td>"
        f"<td class='num'>{'—' if s.peak_online is None else s.peak_online}</td></tr>"
        for s in report.review.segments
    )
    promo_rows = "".join(
        f"<tr><td>{e(p.name)}</td><td>{_t(p.at, report.tz)}</td>"
        f"<td class='num'>{e(format_metric_value(p.online_before, Unit.COUNT))} → "
        f"{e(format_metric_value(p.online_after, Unit.COUNT))}</td>"
        f"<td class='num'>{p.orders_before} → {p.orders_after}</td></tr>"
        for p in report.review.promos
    )
    funnel_rows = "".join(
        f"<tr><td>{e(step.label)}</td><td class='num'>{step.people:,}</td>"
        f"<td class='num'>{e(format_metric_value(step.rate_from_previous, Unit.RATIO))}</td></tr>"
        for step in report.review.funnel
    )
    incident_rows = "".join(
        f"<tr><td>{_t(at, report.tz)}</td><td>{e(kind)}</td><td>{e(text)}</td></tr>"
        for at, kind, text in report.incidents
    )
    stretch = report.review.longest_no_order
    stretch_text = (
        translate("Export", "Longest stretch with no order: {start}–{end} ({duration})").format(
            start=_t(stretch.start, report.tz),
            end=_t(stretch.end, report.tz),
            duration=format_seconds(stretch.duration_s),
        )
        if stretch
        else ""
    )
    sections = [
        f"<h1>{e(report.title)}</h1>",
        f"<p class='muted'>{e(heading['Data source'])}: {e(report.source)}</p>",
        *charts,
        f"<h2>{e(heading['Metrics'])}</h2>",
        _table_head(
            translate("Export", "Metric"),
            translate("Export", "Value"),
            translate("Export", "Formula"),
            translate("Export", "Worked"),
        )
        + "".join(rows)
        + "</table>",
        f"<h2>{e(heading['Funnel'])}</h2>",
        f"<table><tr><th>{e(heading['Step'])}</th><th>{e(heading['People'])}</th>"
        f"<th>{e(heading['From previous step'])}</th></tr>{funnel_rows}</table>",
    ]
    if seg_rows:
        sections.append(
            f"<h2>{e(heading['Segments'])}</h2>"
            + _table_head(
                translate("Export", "Segment"),
                translate("Export", "Time"),
                translate("Export", "GMV"),
                translate("Export", "Orders"),
                translate("Export", "Viewers"),
                translate("Export", "Peak online"),
            )
            + seg_rows
            + "</table>"
        )
    if promo_rows:
        sections.append(
            f"<h2>{e(heading['Promos: 3 minutes before → after'])}</h2>"
            + _table_head(
                translate("Export", "Promo"),
                translate("Export", "Time"),
                translate("Export", "Online"),
                translate("Export", "Orders"),
            )
            + promo_rows
            + "</table>"
        )
    if stretch_text:
        sections.append(f"<p>{e(stretch_text)}</p>")
    if incident_rows:
        sections.append(
            f"<h2>{e(heading['Incidents'])}</h2>"
            + _table_head(
                translate("Export", "Time"), translate("Export", "Kind"), translate("Export", "What happened")
            )
            + incident_rows
            + "</table>"
        )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{e(report.title)}</title><style>{_CSS}</style></head><body>{''.join(sections)}</body></html>"
    )


def write_review_html(path: Path, report: ReportInput) -> Path:
    Path(path).write_text(review_html(report), encoding="utf-8")
    return Path(path)
