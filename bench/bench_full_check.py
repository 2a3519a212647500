"""Full device check wall time, and the on-air watch's CPU cost, against real local parts.

Camera: a 1080p30 video file; microphone: a PulseAudio null sink playing speech-like audio (when
pulseaudio is installed); ingest: nginx-rtmp on loopback; upload: the project's upload sink on loopback;
hotspot: the same measurements bound to ``lo``. Target (issue 3): a full check in <= 10 s; the watch
<= 5 % of one core.

    .venv/bin/python bench/bench_full_check.py [--runs 3] [--watch-seconds 20]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "checks")]

from studio_app.clock import SystemClock  # noqa: E402
from studio_app.probes.plan import ALL_PROBES, plan_tasks  # noqa: E402
from studio_app.probes.profile import default_profile  # noqa: E402
from studio_app.probes.runner import run_checks  # noqa: E402


@contextlib.contextmanager
def pulse_playing() -> Iterator[str | None]:
    """The mic test fixture's PulseAudio, playing speech-like audio; None where pulseaudio is missing."""
    if not shutil.which("pulseaudio"):
        yield None
        return
    import audio_fixtures

    with contextlib.contextmanager(audio_fixtures.pulse_server.__wrapped__)() as server:
        player = server.play(audio_fixtures.stereo(audio_fixtures.speech_like(seconds=120.0)))
        try:
            yield "pulse"
        finally:
            player.stop()


@contextlib.contextmanager
def ingest_and_sink() -> Iterator[tuple[str, str]]:
    import net_fixtures

    from studio_app.probes.upload_sink import UploadSinkServer

    sink = UploadSinkServer().start_background()
    with contextlib.contextmanager(net_fixtures.nginx_rtmp.__wrapped__)() as nginx:
        try:
            yield nginx.ingest, f"http://127.0.0.1:{sink.port}/upload-probe"
        finally:
            sink.close()


def make_video(folder: Path) -> Path:
    from check_videos import studio_frames, write_video

    return write_video(folder / "studio_1080p30.avi", studio_frames(200, size=(1920, 1080)))


def bench_full_check(runs: int, video: Path, mic: str | None, ingest: str, upload: str) -> None:
    profile = default_profile().with_overrides(
        camera_source=str(video), mic_device=mic or "", ingest_url=ingest, upload_target=upload,
        hotspot_interface="lo",
    )  # fmt: skip
    selection = set(ALL_PROBES) if mic else set(ALL_PROBES) - {"mic"}
    walls: list[float] = []
    for n in range(runs):
        t0 = time.perf_counter()
        run = run_checks(profile, plan_tasks(profile, selection, duration_s=3.0), clock=SystemClock())
        wall = time.perf_counter() - t0
        walls.append(wall)
        per_probe = ", ".join(f"{r.probe} {r.status.value} {r.duration_s:.2f}s" for r in run.results)
        print(f"run {n + 1}: wall {wall:.2f} s, verdict {run.verdict.value} | {per_probe}")
        for r in run.results:
            if r.status.value not in ("pass", "skipped"):
                print(f"    {r.probe}: {r.message}")
    print(
        f"full check ({len(selection)} probes, 3 s capture, 1080p30 camera): "
        f"median {statistics.median(walls):.2f} s, max {max(walls):.2f} s (target <= 10 s)"
    )


def bench_watch(seconds: float, mic: str | None, ingest: str) -> None:
    """CPU of the watch's own work: the mic stream + level reads 4×/s, an RTT sample every 2 s."""
    from studio_app.probes.mic import LevelMeterStream
    from studio_app.probes.network import measure_rtt
    from studio_app.probes.plan import ingest_host_port
    from studio_app.probes.watch import MIC_PEAK, MIC_RMS, UPLINK_RTT, OnAirWatch, WatchSensor, default_rules

    host, port = ingest_host_port(ingest)

    def rtt() -> float | None:
        stats = measure_rtt(host, port, samples=1)
        return stats.samples_ms[0] if stats.samples_ms else None

    stream = LevelMeterStream(mic) if mic else None
    sensors = [WatchSensor(UPLINK_RTT, 2.0, rtt)]
    if stream is not None:
        stream.start()
        sensors += [
            WatchSensor(MIC_RMS, 0.25, lambda: max(r for r, _ in stream.latest_levels())),
            WatchSensor(MIC_PEAK, 0.25, lambda: max(p for _, p in stream.latest_levels())),
        ]
    names = {s.name for s in sensors}
    clock = SystemClock()
    watch = OnAirWatch(clock, sensors, [r for r in default_rules(default_profile()) if r.sensor in names])
    stop = threading.Event()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    ticks = 0
    while time.perf_counter() - wall0 < seconds:
        watch.tick()
        ticks += 1
        stop.wait(0.25)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    if stream is not None:
        stream.stop()
    what = "mic stream + levels 4/s + RTT every 2 s" if mic else "RTT every 2 s (no mic)"
    print(
        f"on-air watch ({what}): {ticks} ticks in {wall:.1f} s, CPU {cpu:.2f} s = "
        f"{100 * cpu / wall:.2f} % of one core (target <= 5 %); alerts {len(watch.active_alerts())}"
    )


def bench_preview(seconds: float, video: Path, decode: bool = True) -> None:
    """The live preview feed (1080p decode + overlay numbers 5×/s, no drawing), or with ``decode=False``
    the watch's frame counter that runs while the preview is off."""
    from studio_app.probes.preview_feed import PreviewFeed

    feed = PreviewFeed(str(video), decode=decode)
    stop = threading.Event()
    thread = threading.Thread(target=feed.run, args=(stop,))
    cpu0, wall0 = time.process_time(), time.perf_counter()
    thread.start()
    stop.wait(seconds)
    stop.set()
    thread.join()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    what = "preview feed (1080p30 file decode + overlay 5/s)" if decode else "watch frame counter (grab only)"
    print(
        f"{what}: {feed.frames_seen} frames, {feed.fps() or 0:.1f} fps, "
        f"CPU {100 * cpu / wall:.1f} % of one core"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--watch-seconds", type=float, default=20.0)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        video = make_video(Path(tmp))
        with ingest_and_sink() as (ingest, upload), pulse_playing() as mic:
            if mic is None:
                print("pulseaudio not installed: the microphone is left out")
            bench_full_check(args.runs, video, mic, ingest, upload)
            bench_watch(args.watch_seconds, mic, ingest)
            bench_preview(5.0, video)
            bench_preview(5.0, video, decode=False)


if __name__ == "__main__":
    main()
