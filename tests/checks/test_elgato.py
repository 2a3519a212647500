"""Elgato Key Light client against a real HTTP server on loopback speaking the Key Light API."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from camera_fixtures import (
    H,
    KeyLightDevice,
    W,
    closed_port_address,
    grey_scene,
    key_light_server,
    moving,
    silent_server,
    write_avi,
)

from studio_app.probes.camera import CameraConfig, run_camera_probe
from studio_app.probes.elgato import (
    assess_key_lights,
    base_url,
    kelvin_to_mireds,
    mireds_to_kelvin,
    read_key_light,
    read_key_lights,
)
from studio_app.probes.result import ProbeStatus


def test_a_light_on_at_daylight_passes() -> None:
    device = KeyLightDevice(on=True, brightness=40, mireds=kelvin_to_mireds(5600))
    with key_light_server(device) as address:
        reading = read_key_light(address, timeout_s=5.0)

    assert reading.reachable and reading.name == "Key Light Left"
    assert reading.lights[0].on and reading.lights[0].brightness_pct == 40
    assert reading.lights[0].temperature_k == pytest.approx(5600, abs=20)
    metrics, findings = assess_key_lights([reading], 5600, 300)
    assert findings == []
    assert metrics == {
        "key_lights": 1,
        "key_lights_on": 1,
        "key_lights_unreachable": 0,
        "key_light_temp_k": 5587,
    }
    assert "/elgato/lights" in device.requests


def test_a_warm_light_is_outside_the_profile_tolerance() -> None:
    with key_light_server(KeyLightDevice(mireds=213)) as address:  # 10⁶/213 = 4695 K
        metrics, findings = assess_key_lights([read_key_light(address, timeout_s=5.0)], 5600, 300)

    assert metrics["key_light_temp_k"] == 4695
    assert [(f.code, f.status) for f in findings] == [("lighting.key_light_temperature", ProbeStatus.WARN)]
    assert "4695 K" in findings[0].message and "5600 K" in findings[0].fix


def test_a_light_that_is_off_is_reported_off() -> None:
    with key_light_server(KeyLightDevice(on=False)) as address:
        metrics, findings = assess_key_lights([read_key_light(address, timeout_s=5.0)])

    assert metrics["key_lights_on"] == 0
    assert [f.code for f in findings] == ["lighting.key_light_off"]
    assert "is off" in findings[0].message


def test_a_light_nobody_listens_for_is_unreachable() -> None:
    reading = read_key_light(closed_port_address(), timeout_s=1.0)
    metrics, findings = assess_key_lights([reading])

    assert not reading.reachable and reading.error
    assert metrics["key_lights_unreachable"] == 1
    assert [f.code for f in findings] == ["lighting.key_light_unreachable"]


def test_a_light_that_never_answers_costs_only_its_timeout() -> None:
    with silent_server() as url:
        address = url.removeprefix("http://").split("/")[0]
        started = time.monotonic()
        reading = read_key_light(address, timeout_s=0.3)
        elapsed = time.monotonic() - started

    assert elapsed < 1.5
    assert not reading.reachable
    assert "0.3 s" in reading.error


def test_something_else_at_the_pinned_address_is_not_a_key_light() -> None:
    with key_light_server(KeyLightDevice(raw_lights=lambda: {"hello": "router"})) as address:
        reading = read_key_light(address, timeout_s=5.0)

    assert not reading.reachable
    assert "Elgato" in reading.error


def test_several_lights_are_read_in_parallel_in_order() -> None:
    with (
        key_light_server(KeyLightDevice(name="Left", mireds=179)) as left,
        key_light_server(KeyLightDevice(name="Right", mireds=179)) as right,
    ):
        readings = read_key_lights([left, right, closed_port_address()], timeout_s=5.0)

    assert [r.name for r in readings[:2]] == ["Left", "Right"]
    assert [r.reachable for r in readings] == [True, True, False]


def test_pinned_addresses_get_the_key_light_port() -> None:
    assert base_url("192.168.1.23") == "http://192.168.1.23:9123"
    assert base_url("192.168.1.23:8080") == "http://192.168.1.23:8080"
    assert base_url("fe80::1") == "http://[fe80::1]:9123"
    assert base_url("[fe80::1]:9000") == "http://[fe80::1]:9000"
    assert mireds_to_kelvin(143) == 6993 and mireds_to_kelvin(344) == 2907


def test_the_lighting_probe_includes_the_pinned_lights(tmp_path: Path) -> None:
    video = write_avi(tmp_path / "scene.avi", moving(grey_scene(), 80))
    with key_light_server(KeyLightDevice(mireds=250)) as address:  # 4000 K
        _, lighting = run_camera_probe(
            CameraConfig(str(video), target_width=W, target_height=H),
            threading.Event(),
            deadline_s=20.0,
            key_lights=[address],
            color_temp_k=5600,
            color_temp_tolerance_k=300,
            key_light_timeout_s=5.0,  # generous: a busy shared CI machine can starve the little server
        )

    assert lighting.metrics["key_light_temp_k"] == 4000
    assert lighting.metrics["mean_luma"] is not None
    assert lighting.status is ProbeStatus.WARN
    assert [f.code for f in lighting.findings] == ["lighting.key_light_temperature"]
