"""The HTML report of a run, for the show's record."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from studio_app.clock import FakeClock
from studio_app.probes.profile import default_profile
from studio_app.probes.report import write_html_report
from studio_app.probes.result import Finding, ProbeResult, ProbeStatus
from studio_app.probes.runner import CheckRun


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_report_lists_verdict_fixes_and_metrics_and_escapes_device_text(
    tmp_path: Path, fake_clock: FakeClock
) -> None:
    fix = Finding(ProbeStatus.FAIL, "lighting.uneven", "灯光不均匀：左侧比右侧暗 1.2 档", "调亮左侧补光灯")
    run = CheckRun(
        default_profile(),
        fake_clock.now(),
        6.4,
        (
            ProbeResult("camera", ProbeStatus.PASS, {"fps": 29.97, "width": 1920}, (), 3.1, "<Cam & Co>"),
            ProbeResult("lighting", ProbeStatus.FAIL, {"uniformity": 0.41}, (fix,), 3.1, fix.message),
        ),
    )
    path = write_html_report(run, tmp_path / "reports" / "run.html")
    html = path.read_text(encoding="utf-8")
    parser = _Text()
    parser.feed(html)
    text = " ".join(parser.text)
    assert "NO-GO" in text
    assert "灯光不均匀：左侧比右侧暗 1.2 档" in text and "调亮左侧补光灯" in text
    assert "<Cam & Co>" in text and "<Cam" not in html  # device names are escaped, not markup
    assert "29.97" in text and "0.41" in text and "1080p30 抖音" in text
    assert "script" not in parser.tags
