"""The microphone probe against a real PulseAudio null sink, recorded by PortAudio via ALSA's pulse device."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
from audio_fixtures import PulseServer, clipped_sine, hum, pulse_server, sine, speech_like, stereo

from studio_app.probes.mic import LevelMeterStream, MicConfig, capture_audio, list_microphones, run_mic_probe
from studio_app.probes.result import ProbeStatus

__all__ = ["pulse_server"]  # the fixture, imported for pytest

SINE_RMS_BELOW_PEAK_DB = 20 * np.log10(np.sqrt(2))


def probe_while_playing(server: PulseServer, signal: np.ndarray, **cfg: object):
    player = server.play(stereo(signal))
    try:
        return run_mic_probe(MicConfig(device="pulse", **cfg), threading.Event(), deadline_s=4.0)  # type: ignore[arg-type]
    finally:
        player.stop()


def test_microphones_are_listed_grouped_by_name(pulse_server: PulseServer) -> None:
    mics = list_microphones()
    names = [m.name for m in mics]
    assert "pulse" in names
    assert len(names) == len(set(n.casefold() for n in names))
    pulse = next(m for m in mics if m.name == "pulse")
    assert pulse.host_apis == ("ALSA",) and pulse.max_input_channels >= 2


def test_minus_20_dbfs_sine_reads_its_true_level(pulse_server: PulseServer) -> None:
    result = probe_while_playing(pulse_server, sine(1000, -20.0))
    m = result.metrics
    assert m["rms_dbfs"] == pytest.approx(-20.0 - SINE_RMS_BELOW_PEAK_DB, abs=0.05)  # −23.01
    assert m["peak_dbfs"] == pytest.approx(-20.0, abs=0.05)
    assert m["clipping"] == 0 and m["hum_hz"] is None
    assert m["dropouts"] == 0 and m["channel_imbalance_db"] is None  # mono copied to both channels
    assert m["samplerate"] == 48000 and m["device"] == "pulse"


def test_speech_like_signal_passes(pulse_server: PulseServer) -> None:
    result = probe_while_playing(pulse_server, speech_like())
    assert result.status is ProbeStatus.PASS, result.findings
    assert result.metrics["noise_floor_dbfs"] == pytest.approx(-70, abs=1.5)


def test_hum_is_reported_with_mains_frequency(pulse_server: PulseServer) -> None:
    result = probe_while_playing(pulse_server, sine(1000, -20) + hum(50, (-30, -36, -40)))
    assert result.metrics["hum_hz"] == 50.0
    assert result.status is ProbeStatus.WARN
    assert any(f.code == "mic.hum" for f in result.findings)


def test_clipping_fails(pulse_server: PulseServer) -> None:
    result = probe_while_playing(pulse_server, clipped_sine(440, 2.0))
    assert result.status is ProbeStatus.FAIL
    assert result.metrics["clipping"] >= 2 * 440 * 1.9  # two runs per period, ~2 s captured
    assert result.metrics["peak_dbfs"] == pytest.approx(0.0, abs=0.01)


def test_dc_offset_is_reported(pulse_server: PulseServer) -> None:
    result = probe_while_playing(pulse_server, sine(1000, -20) + 0.05)
    assert result.metrics["dc_offset"] == pytest.approx(0.05, abs=0.001)
    assert any(f.code == "mic.dc_offset" for f in result.findings)


def test_silent_input_fails_with_permission_and_mute_hint(pulse_server: PulseServer) -> None:
    # Nothing playing: the null sink's monitor delivers exact zeros, like a muted or denied microphone.
    result = run_mic_probe(MicConfig(device="pulse"), threading.Event(), deadline_s=4.0)
    assert result.status is ProbeStatus.FAIL
    assert result.message == "The input is silent (all zeros): check the OS microphone permission / mute."
    assert result.metrics["exact_zero"] == 1


def test_unknown_device_fails_with_the_list_of_devices(pulse_server: PulseServer) -> None:
    result = run_mic_probe(MicConfig(device="Shure MV7 that is not here"), threading.Event(), 3.0)
    assert result.status is ProbeStatus.FAIL
    assert "not found" in result.message and "pulse" in result.message


def test_capture_honours_a_short_deadline_and_cancel(pulse_server: PulseServer) -> None:
    capture = capture_audio(MicConfig(device="pulse", duration_s=5.0), threading.Event(), deadline_s=1.2)
    assert 0.25 * 48000 <= capture.samples.shape[0] <= 0.8 * 48000  # shortened to fit the deadline
    cancel = threading.Event()
    cancel.set()
    result = run_mic_probe(MicConfig(device="pulse"), cancel, deadline_s=3.0)
    assert result.status is ProbeStatus.SKIPPED


def test_level_meter_follows_the_signal(pulse_server: PulseServer) -> None:
    player = pulse_server.play(stereo(sine(1000, -12.0)))
    try:
        with LevelMeterStream(device="pulse") as meter:
            done = threading.Event()
            # Wait on the meter's own data (the callback fills it), with a deadline; no fixed sleep.
            assert done.wait(0) is False
            for _ in range(400):
                if meter.frames_received >= 48000 * 0.2:
                    break
                done.wait(0.01)
            levels = meter.latest_levels()
        assert len(levels) == 2
        for rms, peak in levels:
            assert rms == pytest.approx(-12.0 - SINE_RMS_BELOW_PEAK_DB, abs=0.1)
            assert peak == pytest.approx(-12.0, abs=0.1)
        assert meter.overflows == 0
    finally:
        player.stop()


def test_a_device_that_stops_delivering_ends_as_error_within_the_deadline(pulse_server: PulseServer) -> None:
    # A suspended source delivers nothing, like a USB microphone pulled out mid-check.
    pulse_server.pactl("suspend-sink", pulse_server.sink, "1")  # its monitor goes with it
    try:
        started = time.monotonic()
        result = run_mic_probe(MicConfig(device="pulse"), threading.Event(), deadline_s=3.0)
        elapsed = time.monotonic() - started
    finally:
        pulse_server.pactl("suspend-sink", pulse_server.sink, "0")
    assert result.status is ProbeStatus.ERROR
    assert result.findings[0].code in ("mic.stalled", "mic.stopped", "mic.open_failed")
    assert result.findings[0].fix or result.findings[0].code == "mic.open_failed"
    assert elapsed < 3.5
