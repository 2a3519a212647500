"""The check report for the show's record: one self-contained HTML page.

The HTML keeps to what Qt's rich-text engine renders (tables, inline styles, no scripts), so the UI prints
the very same page to PDF with ``QTextDocument`` + ``QPdfWriter`` (:mod:`studio_app.ui.checks.pdf`).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from studio_app.i18n import translate
from studio_app.probes.labels import probe_label, status_label
from studio_app.probes.result import ProbeStatus
from studio_app.probes.runner import CheckRun
from studio_app.probes.verdict import Verdict, fix_list

STATUS_COLOURS = {
    ProbeStatus.PASS: "#1e8e3e",
    ProbeStatus.WARN: "#b06000",
    ProbeStatus.FAIL: "#c5221f",
    ProbeStatus.ERROR: "#c5221f",
    ProbeStatus.SKIPPED: "#5f6368",
}
VERDICT_COLOURS = {Verdict.GO: "#1e8e3e", Verdict.WARN: "#b06000", Verdict.NO_GO: "#c5221f"}


def format_metric(value: object) -> str:
    if isinstance(value, float):
        if abs(value) >= 1000:
            return f"{value:.0f}"
        text = f"{value:.1f}" if abs(value) >= 100 else f"{value:.2f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    if value is None:
        return "—"
    return str(value)


def render_html(run: CheckRun, title: str = "") -> str:
    """The whole report as one HTML document (UTF-8, no external resources)."""
    t = escape
    heading = title or translate("Report", "Device check report")
    when = run.started_at.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")
    colour = VERDICT_COLOURS[run.verdict]
    started = translate("Report", "Started")
    duration = translate("Report", "Duration")
    profile = translate("Report", "Profile")
    verdict = translate("Report", "Verdict")
    columns = (
        translate("Report", "Check"),
        translate("Report", "Status"),
        translate("Report", "Result"),
        translate("Report", "Time"),
    )
    parts: list[str] = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'>",
        f"<title>{t(heading)}</title>",
        "<style>body{font-family:'Noto Sans CJK SC','Noto Sans',sans-serif;font-size:11pt}"
        "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:4px 8px;text-align:left}"
        "th{background:#eee}</style></head><body>",
        f"<h1>{t(heading)}</h1>",
        f"<p>{t(started)}: {t(when)} · {t(duration)}: {run.duration_s:.1f} s · "
        f"{t(profile)}: {t(run.profile.name)}</p>",
        f"<h2 style='color:{colour}'>{t(verdict)}: {t(run.verdict.label())}</h2>",
        "<table><tr>" + "".join(f"<th>{t(c)}</th>" for c in columns) + "</tr>",
    ]
    for r in run.results:
        parts.append(
            f"<tr><td>{t(probe_label(r.probe))}</td>"
            f"<td style='color:{STATUS_COLOURS[r.status]};font-weight:bold'>{t(status_label(r.status))}</td>"
            f"<td>{t(r.message)}</td><td>{r.duration_s:.1f} s</td></tr>"
        )
    parts.append("</table>")

    fixes = fix_list(run.results)
    what_to_fix = translate("Report", "What to fix")
    parts.append(f"<h2>{t(what_to_fix)}</h2>")
    if fixes:
        parts.append("<ol>")
        for probe, finding in fixes:
            fix = f" → {t(finding.fix)}" if finding.fix else ""
            parts.append(
                f"<li><b style='color:{STATUS_COLOURS[finding.status]}'>{t(probe_label(probe))}</b>: "
                f"{t(finding.message)}{fix}</li>"
            )
        parts.append("</ol>")
    else:
        nothing = translate("Report", "Nothing: every check passed.")
        parts.append(f"<p>{t(nothing)}</p>")

    measurements = translate("Report", "Measurements")
    parts.append(f"<h2>{t(measurements)}</h2>")
    for r in run.results:
        if not r.metrics:
            continue
        parts.append(f"<h3>{t(probe_label(r.probe))}</h3><table>")
        for name, value in r.metrics.items():
            parts.append(f"<tr><td>{t(name)}</td><td>{t(format_metric(value))}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write_html_report(run: CheckRun, path: Path, title: str = "") -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(run, title), encoding="utf-8")
    return path
