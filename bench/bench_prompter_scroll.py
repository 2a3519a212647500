"""Prompter scroll smoothness on a 100,000-character Chinese script, under Xvfb (or any display).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python bench/bench_prompter_scroll.py [--seconds 30]

(Without a DISPLAY it re-runs itself under xvfb-run.) Prints: time to build the session and lay out the
script; the frame-time distribution over the run; frames late by more than one refresh; the per-frame
position error against ideal linear motion, measured where the frame is finished (the position is sampled
at the start of the paint, so the error is what the text moves while one frame is painted); the CPU share
of this process (and of the Xvfb server, which copies every frame to its framebuffer).
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

SENTENCES = (
    "家人们晚上好，欢迎来到直播间，今天给大家准备了秋冬护肤专场，福利一轮接一轮。",
    "这款保湿面霜质地轻薄，推开就化成水，吸收很快，干皮和混干皮都可以放心用。",
    "我们直播间的到手价是八十九元，比日常价便宜了一百多，还送同款小样两支。",
    "有朋友问敏感肌能不能用，配方里没有香精和酒精，做过人体斑贴测试。",
    "库存不多了，已经拍到的宝宝记得去付款，没有付款的订单五分钟后会自动取消。",
    "接下来给大家看二号链接，这款洁面乳是氨基酸配方，洗完不紧绷，早晚都能用。",
)


def build_script(total_chars: int = 100_000, segments: int = 50) -> object:
    from studio_app.script.model import Script, Segment, SegmentKind

    per_segment = total_chars // segments
    paragraphs: list[str] = []
    length = 0
    index = 0
    while length < per_segment:
        paragraph = "".join(SENTENCES[(index + k) % len(SENTENCES)] for k in range(4))
        paragraphs.append(paragraph)
        length += len(paragraph)
        index += 1
    body = "\n".join(paragraphs)[:per_segment]
    kinds = list(SegmentKind)
    return Script(
        title="基准测试脚本",
        segments=tuple(
            Segment(kinds[i % len(kinds)], f"第{i + 1}段", per_segment / 300, body) for i in range(segments)
        ),
        meta={"rate": "300"},
    )


def xvfb_cpu_s(display: str) -> float | None:
    """CPU seconds used so far by the Xvfb serving ``display`` (read from /proc; None if not found)."""
    number = display.split(":")[-1].split(".")[0]
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            if not cmdline or not cmdline[0].endswith(b"Xvfb") or f":{number}".encode() not in cmdline:
                continue
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks = os.sysconf("SC_CLK_TCK")
            return (int(fields[11]) + int(fields[12])) / ticks
        except OSError:
            continue
    return None


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--chars", type=int, default=100_000)
    parser.add_argument("--mirror", action="store_true", help="mirror both ways (teleprompter glass)")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        xvfb = shutil.which("xvfb-run")
        if xvfb is None:
            print("no DISPLAY and no xvfb-run; install xvfb or run under a display")
            return 2
        return subprocess.call([xvfb, "-a", "-s", "-screen 0 1920x1080x24", sys.executable, *sys.argv])

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from studio_app.clock import SystemClock
    from studio_app.promo.session import OnAirSession
    from studio_app.script.model import Script
    from studio_app.ui.prompter.controller import OnAirController
    from studio_app.ui.prompter.style import PrompterStyle
    from studio_app.ui.prompter.window import PrompterWindow

    app = QApplication(sys.argv[:1])
    script = build_script(args.chars)
    assert isinstance(script, Script)
    total_chars = sum(len(s.host_text) for s in script.segments)

    load_started = time.perf_counter()
    session = OnAirSession(SystemClock(), script, "bench")
    controller = OnAirController(session)
    style = PrompterStyle(mirror_horizontal=args.mirror, mirror_vertical=args.mirror)
    window = PrompterWindow(controller, style=style)
    layout_ms_first = window.view.layout_ms
    window.show_on(None)
    app.processEvents()
    load_ms = (time.perf_counter() - load_started) * 1000
    layout_ms_screen = window.view.layout_ms  # laid out again at the full-screen width

    screen = window.screen()
    refresh_hz = screen.refreshRate() if screen else 60.0
    refresh_ms = 1000.0 / refresh_hz
    view = window.view
    controller.start_show()
    # Skip the first second: the speed ramp and the first tiles being rendered.
    warmup_s = 1.0
    measured: dict[str, float] = {}

    def begin() -> None:
        view.frame_log = []
        measured["wall0"] = time.perf_counter()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        measured["cpu0"] = usage.ru_utime + usage.ru_stime
        measured["xvfb0"] = xvfb_cpu_s(os.environ.get("DISPLAY", "")) or -1.0

    def finish() -> None:
        measured["wall1"] = time.perf_counter()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        measured["cpu1"] = usage.ru_utime + usage.ru_stime
        measured["xvfb1"] = xvfb_cpu_s(os.environ.get("DISPLAY", "")) or -1.0
        app.quit()

    QTimer.singleShot(int(warmup_s * 1000), begin)
    QTimer.singleShot(int((warmup_s + args.seconds) * 1000), finish)
    app.exec()

    frames = view.frame_log or []
    wall_s = measured["wall1"] - measured["wall0"]
    cpu_share = (measured["cpu1"] - measured["cpu0"]) / wall_s * 100
    intervals_ms = [(b.t_s - a.t_s) * 1000 for a, b in itertools.pairwise(frames)]
    late = [i for i in intervals_ms if i > 2 * refresh_ms]
    velocity = frames[-1].velocity_px_s if frames else 0.0
    # Ideal linear motion through the first measured frame at the steady speed.
    t0, p0 = frames[0].t_s, frames[0].position_px
    sample_errors = [abs(f.position_px - (p0 + velocity * (f.t_s - t0))) for f in frames]
    # What the viewer sees: the sub-pixel phase drawn plus how far the text moved while the frame was painted.
    finish_errors = [f.quantisation_px + abs(velocity) * max(0.0, f.painted_s - f.t_s) for f in frames]
    paint_ms = [(f.painted_s - f.t_s) * 1000 for f in frames]

    print(f"script: {total_chars} characters in {len(script.segments)} segments")
    print(f"screen: {window.width()}x{window.height()} at {refresh_hz:.0f} Hz (refresh {refresh_ms:.2f} ms)")
    print(
        f"load + first layout: {load_ms:.0f} ms (layout {layout_ms_first:.0f} ms, full-screen relayout "
        f"{layout_ms_screen:.0f} ms); pixels per character {view.px_per_char:.2f}"
    )
    print(f"speed: {session.speed_cpm:.0f} chars/min = {velocity:.2f} px/s")
    print(f"frames: {len(frames)} in {wall_s:.1f} s = {len(frames) / wall_s:.1f} fps")
    if intervals_ms:
        median_ms, sd_ms = statistics.median(intervals_ms), statistics.pstdev(intervals_ms)
        p95_ms, p99_ms = percentile(intervals_ms, 95), percentile(intervals_ms, 99)
        print(
            f"frame interval ms: median {median_ms:.2f}  p95 {p95_ms:.2f}  p99 {p99_ms:.2f}  "
            f"max {max(intervals_ms):.2f}  stdev {sd_ms:.2f}"
        )
    print(f"frames late by more than one refresh (> {2 * refresh_ms:.1f} ms): {len(late)}")
    print(
        f"paint time ms: median {statistics.median(paint_ms):.2f}  p99 {percentile(paint_ms, 99):.2f}  "
        f"max {max(paint_ms):.2f}"
    )
    print(f"position error vs ideal line at sampling: max {max(sample_errors):.6f} px")
    print(f"sub-pixel quantisation: max {max(f.quantisation_px for f in frames):.4f} px")
    median_error = statistics.median(finish_errors)
    print(
        f"position error as displayed (quantisation + motion while painting): median {median_error:.4f} px  "
        f"max {max(finish_errors):.4f} px"
    )
    print(f"CPU share of this process while scrolling: {cpu_share:.1f} % of one core")
    if measured["xvfb0"] >= 0 and measured["xvfb1"] >= 0:
        print(f"CPU share of the Xvfb server: {(measured['xvfb1'] - measured['xvfb0']) / wall_s * 100:.1f} %")
    controller.shutdown()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
