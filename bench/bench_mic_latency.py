"""Mic level-meter latency and cost: PortAudio block → levels ready for the view.

Runs a private PulseAudio with a null sink playing a tone (tests/checks/audio_fixtures.py), records its
monitor through PortAudio with :class:`LevelMeterStream`, and polls ``latest_levels()`` the way the panel's
timer does. Prints: PortAudio's reported input latency, the block period, the age of the newest block when
the levels are computed (median / p95 / max), the cost of one ``latest_levels()`` call, and the CPU share
of the whole meter (stream + polling), which the on-air watch must keep under 5 % of a core.

    .venv/bin/python bench/bench_mic_latency.py [--seconds 5] [--poll-hz 60]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "tests" / "checks")]

from audio_fixtures import pulse_context, sine, stereo  # noqa: E402

from studio_app.probes.mic import LevelMeterStream  # noqa: E402


def pct(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--poll-hz", type=float, default=60.0)
    parser.add_argument("--block-ms", type=float, default=10.0)
    args = parser.parse_args()
    with pulse_context() as server:
        player = server.play(stereo(sine(1000, -12.0, args.seconds + 4)))
        try:
            meter = LevelMeterStream(device="pulse", block_s=args.block_ms / 1000)
            meter.start()
            try:
                tick = threading.Event()
                while meter.last_block_at is None:
                    tick.wait(0.005)
                ages_ms: list[float] = []
                costs_us: list[float] = []
                cpu0, wall0 = time.process_time(), time.monotonic()
                period = 1.0 / args.poll_hz
                next_at = wall0
                while time.monotonic() - wall0 < args.seconds:
                    next_at += period
                    tick.wait(max(0.0, next_at - time.monotonic()))
                    t0 = time.perf_counter()
                    levels = meter.latest_levels()
                    costs_us.append((time.perf_counter() - t0) * 1e6)
                    stamp = meter.last_block_at
                    assert stamp is not None
                    ages_ms.append((time.monotonic() - stamp) * 1000)
                cpu = (time.process_time() - cpu0) / (time.monotonic() - wall0) * 100
                latency_ms = meter._handle.stream.latency * 1000 if meter._handle else float("nan")
                overflows = meter.overflows
            finally:
                meter.stop()
        finally:
            player.stop()
    print(
        f"PortAudio input latency (reported): {latency_ms:.1f} ms; block {args.block_ms:g} ms; "
        f"poll {args.poll_hz:g} Hz"
    )
    print(
        f"age of newest block at display time: median {statistics.median(ages_ms):.1f} ms, "
        f"p95 {pct(ages_ms, 0.95):.1f} ms, max {max(ages_ms):.1f} ms ({len(ages_ms)} polls)"
    )
    print(
        f"latest_levels() cost: median {statistics.median(costs_us):.0f} µs, p95 {pct(costs_us, 0.95):.0f} µs"
    )
    total_ms = latency_ms + args.block_ms + statistics.median(ages_ms)
    print(f"block → levels ready (input latency + block + age): ~{total_ms:.0f} ms")
    print(f"CPU of this process (stream + polling): {cpu:.1f} % of one core; overflows {overflows}")
    print(f"last levels: {[(round(r, 2), round(p, 2)) for r, p in levels]} (tone: −15.01 RMS / −12.00 peak)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
