"""What the on-air watch can read from the live devices, and where the uplink graph draws its failing line."""

from __future__ import annotations

import socket

from studio_app.clock import FakeClock
from studio_app.probes.live_sources import LiveSources, build_watch, one_rtt_ms, watch_sensors
from studio_app.probes.network import upload_fail_line_mbps
from studio_app.probes.profile import StudioProfile
from studio_app.probes.watch import CAMERA_FPS, UPLINK_LOSS, UPLINK_RTT


def test_with_no_device_open_the_watch_reads_what_the_profile_names() -> None:
    profile = StudioProfile(name="B 间", camera_source="0", ingest_url="rtmp://127.0.0.1:1935/live")
    sensors = watch_sensors(profile, LiveSources())
    assert [s.name for s in sensors] == [CAMERA_FPS, UPLINK_RTT, UPLINK_LOSS]
    assert watch_sensors(StudioProfile(name="bare", camera_source=""), LiveSources()) == []


def test_the_watch_takes_only_the_rules_of_its_sensors() -> None:
    profile = StudioProfile(name="B 间", camera_source="", ingest_url="rtmp://127.0.0.1:1935/live")
    watch = build_watch(FakeClock(), profile, watch_sensors(profile, LiveSources()))
    assert watch.sensor_names == [UPLINK_RTT, UPLINK_LOSS]


def test_closed_devices_read_as_nothing_rather_than_as_silence() -> None:
    sources = LiveSources()
    assert sources.mic_rms_dbfs() is None and sources.mic_peak_dbfs() is None
    assert sources.camera_fps() is None and sources.frame_counter_failure() is None


def test_one_rtt_answers_from_a_listening_ingest() -> None:
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        rtt = one_rtt_ms("127.0.0.1", listening.getsockname()[1])
    assert rtt is not None and 0 <= rtt < 1000


def test_the_upload_line_is_the_push_bitrate_times_the_profiles_fail_ratio() -> None:
    assert upload_fail_line_mbps(4.0, {}) == 6.0  # issue 3: below 1.5× the push bitrate fails
    assert upload_fail_line_mbps(4.0, {"upload_fail_ratio": 2.0, "uniformity_warn": 0.5}) == 8.0
