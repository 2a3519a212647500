"""Soak: an 8-hour show at accelerated time, with the on-air watch, the metrics feed and the prompter.

    .venv/bin/python bench/soak_show.py [--hours 8] [--step 0.25] [--no-tracemalloc]

Everything runs on one FakeClock that the loop advances ``--step`` simulated seconds at a time, as fast as
the machine goes (8 simulated hours take a few minutes). What runs is the app's own code against a real
workspace (SQLite, the one writer):

* the on-air watch (``probes.watch``) over the sensors the app builds (``probes.live_sources``): the mic
  meter's ring buffer fed through its PortAudio callback with synthetic speech-like blocks (only the device
  is replaced), a frame-rate feed stamped at 30 fps of simulated time, the uplink RTT and loss from real TCP
  connects to a local listener, upload headroom from a synthetic 4 Mbit/s transmit counter, the hotspot
  check on ``lo``; alerts stored with the show through ``CheckService.record_watch_events``. Each simulated
  hour the mic goes silent for 20 s, so an alert is raised, stored, cued on the prompter and cleared;
* the metrics live feed (``metrics.live_feed.LiveFeed``): five per-second samples every five simulated
  seconds, stored through the writer and drained as the data panel does;
* the prompter: the real ``OnAirSession`` + ``OnAirController`` + ``PrompterView`` (offscreen), its scroll
  evaluated at the fake clock's time and painted once per simulated second; promos every 15 minutes,
  marked done on time except every fourth, which is missed.

Per simulated hour, after a full garbage collection, it prints traced Python memory (tracemalloc) and RSS
and their growth since the end of the first hour (caches and pools fill during it); and timer drift: for
each promo, when the session announced it due (the fake time of the tick that fired it) against its due
time on the show's grid, with loop steps jittered ±20 % as a GUI timer is; and the watch's sensor reads
against the number their periods ask for.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import socket
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_prompter_scroll import build_script  # noqa: E402  (a sibling bench script)

from studio_app.clock import FakeClock  # noqa: E402
from studio_app.probes.mic import LevelMeterStream  # noqa: E402
from studio_app.probes.preview_feed import PreviewFeed  # noqa: E402

SAMPLERATE = 48000
BLOCK_S = 0.05  # the meter's analysis window: the newest 50 ms is what the watch reads


class SyntheticMic(LevelMeterStream):
    """The live meter with the sound card replaced: blocks go through the same PortAudio callback."""

    def start(self) -> None:
        self.channels = 2
        self.device_name = "synthetic"
        self._ring = np.zeros((192000, 2), dtype=np.float32)

    def feed(self, block: np.ndarray) -> None:
        self._on_block(block, block.shape[0], None, _NoOverflow)

    def stop(self) -> None:
        return


class _NoOverflow:
    input_overflow = False


class SyntheticCamera(PreviewFeed):
    """The frame counter with the camera replaced: frames arrive on the simulated clock at ``fps``."""

    def __init__(self, monotonic: Callable[[], float], fps: float = 30.0) -> None:
        super().__init__("synthetic", monotonic=monotonic, decode=False)
        self._period = 1.0 / fps
        self._next_frame_at = monotonic()

    def arrive_until(self, now: float) -> None:
        with self._lock:
            while self._next_frame_at <= now:
                self._seq += 1
                self._stamps.append(self._next_frame_at)
                self._next_frame_at += self._period


def speech_like_blocks(count: int = 16) -> list[np.ndarray]:
    """50 ms stereo blocks around −20 dBFS with a syllable-rate envelope."""
    rng = np.random.default_rng(7)
    n = int(SAMPLERATE * BLOCK_S)
    blocks = []
    for i in range(count):
        envelope = 0.5 + 0.5 * np.sin(2 * np.pi * 4.0 * (np.arange(n) / SAMPLERATE + i * BLOCK_S))
        mono = (0.1 * envelope * rng.standard_normal(n)).astype(np.float32)
        blocks.append(np.stack([mono, mono * 0.9], axis=1))
    return blocks


@dataclass
class HourStats:
    promo_drift_s: list[float] = field(default_factory=list)
    alerts_raised: int = 0
    alerts_cleared: int = 0
    reads: dict[str, int] = field(default_factory=dict)
    feed_samples: int = 0
    frames_painted: int = 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=8.0)
    parser.add_argument("--step", type=float, default=0.25, help="simulated seconds per loop step")
    parser.add_argument("--no-tracemalloc", action="store_true", help="RSS only (runs about twice as fast)")
    args = parser.parse_args()

    import psutil
    from PySide6.QtWidgets import QApplication

    from studio_app.context import AppContext
    from studio_app.metrics.live_feed import LiveFeed
    from studio_app.metrics.samples import Sample
    from studio_app.metrics.service import MetricsService
    from studio_app.probes.live_sources import LiveSources, build_watch, watch_sensors
    from studio_app.probes.profile import StudioProfile
    from studio_app.probes.service import CheckService
    from studio_app.probes.uplink_watch import HotspotWatch, UplinkHeadroom
    from studio_app.probes.watch import HOTSPOT_LINK, UPLINK_HEADROOM, WatchSensor
    from studio_app.promo.clock import PromoConfig, PromoMarkKind
    from studio_app.promo.session import OnAirSession
    from studio_app.script.model import RunLogEvent, RunLogKind
    from studio_app.shows import find_show
    from studio_app.ui.prompter.controller import OnAirController
    from studio_app.ui.prompter.view import PrompterView
    from studio_app.workspace import Workspace

    app = QApplication(sys.argv[:1])
    clock = FakeClock(start=datetime(2026, 12, 4, 11, 0, tzinfo=datetime.now().astimezone().tzinfo))
    workdir = Path(tempfile.mkdtemp(prefix="studio-soak-"))
    context = AppContext.open(Workspace(workdir / "ws").ensure(), clock=clock)
    show = find_show(context.db, None)
    assert show is not None

    # An ingest that answers: a local listener (the kernel completes the handshakes from its backlog).
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4096)
    port = listener.getsockname()[1]

    def accept_waiting() -> None:
        listener.setblocking(False)
        try:
            while True:
                listener.accept()[0].close()
        except BlockingIOError:
            pass

    profile = StudioProfile(
        name="soak", camera_source="0", ingest_url=f"rtmp://127.0.0.1:{port}/live", hotspot_interface="lo"
    )
    sources = LiveSources()
    mic = SyntheticMic()
    mic.start()
    sources.meter = mic
    camera = SyntheticCamera(clock.monotonic)
    sources.frame_counter = camera
    sources.uplink_capacity_mbps = 12.0
    sensors = watch_sensors(profile, sources)
    # The app's headroom and hotspot readers, with the interface counter and monotonic time simulated.
    tx = {"bytes": 0}
    replaced = {
        UPLINK_HEADROOM: UplinkHeadroom(
            12.0, lambda: "sim0", lambda _i: tx["bytes"], clock.monotonic
        ).measure,
        HOTSPOT_LINK: HotspotWatch("lo", lambda _iface: 1.0).measure,
    }
    sensors = [WatchSensor(s.name, s.period_s, replaced.get(s.name, s.measure), s.is_on) for s in sensors]
    reads: dict[str, int] = {}

    def counted(sensor: WatchSensor) -> WatchSensor:
        def measure() -> float | None:
            reads[sensor.name] = reads.get(sensor.name, 0) + 1
            return sensor.measure()

        return WatchSensor(sensor.name, sensor.period_s, measure, sensor.is_on)

    sensors = [counted(s) for s in sensors]
    periods = {s.name: s.period_s for s in sensors}
    watch = build_watch(clock, profile, sensors)
    checks = CheckService(context)
    open_alerts: dict[str, str] = {}

    feed = LiveFeed(MetricsService(context), clock)
    script = build_script(100_000)
    due_fired: list[tuple[datetime, datetime]] = []

    def on_log(event: RunLogEvent) -> None:
        if event.kind is RunLogKind.PROMO_DUE:
            due_fired.append((datetime.fromisoformat(event.payload["due_at"]), clock.now()))

    session = OnAirSession(clock, script, show.id, log=on_log, promo_config=PromoConfig(interval_s=900.0))  # type: ignore[arg-type]
    controller = OnAirController(session)
    view = PrompterView(controller, frame_time=clock.monotonic)
    view.resize(1280, 720)
    view.show()
    app.processEvents()
    controller.start_show()

    blocks = speech_like_blocks()
    silence = np.zeros_like(blocks[0])
    hour_s = 3600.0
    end_s = args.hours * hour_s
    # A GUI timer does not fire on a grid: each step is the nominal one ±20 %, so due times fall between
    # ticks as they do in the app, and any drift would show as a growing lateness.
    rng = np.random.default_rng(11)
    proc = psutil.Process()
    if not args.no_tracemalloc:
        tracemalloc.start(1)
    stats = HourStats()
    rows: list[tuple[int, float, float, HourStats, float]] = []
    baseline: tuple[float, float] | None = None
    first_snapshot = None
    promo_marked: set[int] = set()
    wall0 = time.perf_counter()
    last_feed = last_paint = clock.monotonic()
    print(
        f"soak: {args.hours:g} h simulated in steps of {args.step:g} s; watch sensors: "
        + ", ".join(s.name for s in sensors)
    )
    sim_s = 0.0
    hour = 0
    step = 0
    while sim_s < end_s:
        step += 1
        dt = args.step * float(rng.uniform(0.8, 1.2))
        clock.advance(dt)
        now_s = clock.monotonic()
        sim_s += dt
        in_hour = sim_s % hour_s
        silent = 1800.0 <= in_hour < 1820.0  # the host's mic goes dead for 20 s each hour
        mic.feed(silence if silent else blocks[step % len(blocks)])
        camera.arrive_until(now_s)
        tx["bytes"] += int(4_000_000 / 8 * dt)  # the stream pushes 4 Mbit/s
        accept_waiting()

        events = watch.tick()
        open_alerts = checks.record_watch_events(events, open_alerts, show_id=show.id)
        stats.alerts_raised += len(events.raised)
        stats.alerts_cleared += len(events.cleared)
        for alert in events.raised:
            controller.send_cue(f"⚠ {alert.message}")
        if events.cleared:
            controller.dismiss()

        controller.tick()
        promo = session.promo
        if promo is not None:
            snap = promo.snapshot()
            # The host starts three giveaways of four 5 s after the cue; every fourth is missed.
            wanted = snap.is_strong_cue and snap.slot % 4 != 0 and snap.slot not in promo_marked
            if wanted and snap.seconds_to_due <= -5.0:
                controller.mark_promo(PromoMarkKind.DONE)
                promo_marked.add(snap.slot)

        if now_s - last_feed >= 5.0:
            at = clock.now() - timedelta(seconds=5)
            samples = [
                Sample(at=at + timedelta(seconds=k), online_viewers=800 + step % 97, watch_ucnt=3, pay_ucnt=1)
                for k in range(5)
            ]
            stats.feed_samples += feed.receive(show.id, samples)
            feed.drain()
            last_feed += 5.0
        if now_s - last_paint >= 1.0:
            view.repaint()
            stats.frames_painted += 1
            last_paint += 1.0
        if step % 40 == 0:
            app.processEvents()

        if sim_s >= (hour + 1) * hour_s:
            hour += 1
            gc.collect()  # count what is reachable, not garbage a later collection would free
            stats.promo_drift_s = [(fired - due).total_seconds() for due, fired in due_fired]
            due_fired.clear()
            stats.reads = dict(reads)
            reads.clear()
            traced = tracemalloc.get_traced_memory()[0] / 2**20 if tracemalloc.is_tracing() else float("nan")
            rss = proc.memory_info().rss / 2**20
            if hour == 1:
                baseline = (traced, rss)
                if tracemalloc.is_tracing():
                    first_snapshot = tracemalloc.take_snapshot()
            rows.append((hour, traced, rss, stats, time.perf_counter() - wall0))
            _print_hour(rows[-1], baseline, periods, hour_s)
            stats = HourStats()

    wall = time.perf_counter() - wall0
    print(
        f"wall time {wall:.0f} s for {args.hours:g} simulated hours "
        f"({args.hours * hour_s / wall:.0f}× real time)"
    )
    if first_snapshot is not None:
        top = tracemalloc.take_snapshot().compare_to(first_snapshot, "lineno")[:5]
        print("largest growth since the end of hour 1 (tracemalloc, by line):")
        for diff in top:
            frame = diff.traceback[0]
            print(
                f"  {diff.size_diff / 1024:+9.1f} KiB  {diff.count_diff:+7d} blocks  "
                f"{frame.filename}:{frame.lineno}"
            )
    print(
        f"show record: {len(checks.show_alerts(show.id))} alerts stored with the show; "
        f"promos {len(promo_marked)} done; the prompter painted at reading position "
        f"{session.reading_char} characters"
    )
    controller.shutdown()
    view.close()
    listener.close()
    context.close()
    return 0


def _print_hour(
    row: tuple[int, float, float, HourStats, float],
    baseline: tuple[float, float] | None,
    periods: dict[str, float],
    hour_s: float,
) -> None:
    hour, traced, rss, stats, wall = row
    growth = ""
    if baseline is not None:
        growth = f" (since h1: traced {traced - baseline[0]:+.2f} MiB, RSS {rss - baseline[1]:+.1f} MiB)"
        growth = growth.replace("traced nan MiB, ", "")
    drift = stats.promo_drift_s
    drift_text = (
        f"max {max(drift):.2f} s, mean {sum(drift) / len(drift):.2f} s over {len(drift)}"
        if drift
        else "none due"
    )
    # A sensor due more often than the loop ticks is read once per tick (the watch skips ahead rather than
    # catching up), so only the slower ones must match their schedule exactly.
    slow = [stats.reads.get(name, 0) / (hour_s / period) for name, period in periods.items() if period >= 1.0]
    fast = {
        name: stats.reads.get(name, 0) / (hour_s / period) for name, period in periods.items() if period < 1.0
    }
    fast_text = ", ".join(f"{name} {100 * ratio:.0f} %" for name, ratio in fast.items())
    print(
        f"h{hour}: {'' if math.isnan(traced) else f'traced {traced:5.2f} MiB, '}RSS {rss:6.1f} MiB{growth}; "
        f"promo due→fired {drift_text}; "
        f"reads vs schedule: ≥1 s sensors {100 * min(slow, default=0.0):.1f} %, {fast_text}; "
        f"alerts +{stats.alerts_raised}/-{stats.alerts_cleared}; "
        f"feed {stats.feed_samples} samples; {stats.frames_painted} prompter frames; wall {wall:.0f} s"
    )


if __name__ == "__main__":
    sys.exit(main())
