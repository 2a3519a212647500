"""Studio profiles: the default room, JSON round trips, and refusals a technician can act on."""

from __future__ import annotations

import json

import pytest

from studio_app.probes.profile import (
    DEFAULT_PROFILE_NAME,
    ProfileError,
    StudioProfile,
    default_profile,
    profile_from_json,
    profile_to_json,
)


def test_default_profile_is_a_1080p30_douyin_room() -> None:
    profile = default_profile()
    assert profile.name == DEFAULT_PROFILE_NAME == "1080p30 抖音"
    assert (profile.target_width, profile.target_height, profile.target_fps) == (1920, 1080, 30.0)
    assert 2500 <= profile.push_bitrate_kbps <= 6000
    assert (profile.color_temp_k, profile.color_temp_tolerance_k) == (5600, 300)


def test_profile_survives_a_json_round_trip_with_chinese_and_overrides() -> None:
    profile = StudioProfile(
        name="二号间 720p",
        target_width=1280,
        target_height=720,
        target_fps=25,
        push_bitrate_kbps=2500,
        ingest_url="rtmp://127.0.0.1:1935/live",
        hotspot_interface="wwan0",
        elgato_light_ips=("192.0.2.10", "192.0.2.11"),
        reference_sharpness=812.5,
        thresholds={"fps_warn_ratio": 0.9},
    )
    text = profile_to_json(profile)
    assert "二号间" in text  # stored readable, not \\u-escaped
    assert profile_from_json(text) == profile


def test_missing_fields_take_the_defaults() -> None:
    profile = profile_from_json(json.dumps({"name": "minimal"}))
    assert profile.target_fps == 30.0 and profile.elgato_light_ips == ()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"name": "x", "target_fps": 0}, "Frame rate"),
        ({"name": "x", "target_width": 10}, "Resolution"),
        ({"name": "x", "push_bitrate_kbps": "fast"}, "whole number"),
        ({"name": "x", "thresholds": {"rtt_warn": 1}}, "Unknown threshold"),
        ({"name": "x", "colour": "red"}, "Unknown profile field"),
        ({"name": "  "}, "needs a name"),
        ({"name": "x", "ingest_url": "douyin"}, "Ingest"),
    ],
)
def test_bad_profiles_are_refused_with_a_reason(data: dict[str, object], words: str) -> None:
    with pytest.raises(ProfileError, match=words):
        profile_from_json(json.dumps(data))


def test_broken_json_names_the_line() -> None:
    with pytest.raises(ProfileError, match="line 2"):
        profile_from_json('{"name": "x",\n oops}')


def test_overrides_from_the_command_line_replace_only_what_was_given() -> None:
    profile = default_profile().with_overrides(camera_source="clip.mp4", mic_device=None)
    assert profile.camera_source == "clip.mp4"
    assert profile.mic_device == default_profile().mic_device


def test_threshold_falls_back_to_the_probe_default() -> None:
    profile = StudioProfile(name="x", thresholds={"fps_warn_ratio": 0.9})
    assert profile.threshold("fps_warn_ratio", 0.95) == 0.9
    assert profile.threshold("jitter_warn_ms", 30.0) == 30.0
    with pytest.raises(KeyError):
        profile.threshold("no_such_line", 1.0)
