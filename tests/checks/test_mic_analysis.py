"""The pure audio analysis against signals whose truth is known by construction (no device)."""

from __future__ import annotations

import numpy as np
import pytest
from audio_fixtures import SAMPLERATE, clipped_sine, hum, sine, speech_like, stereo

from studio_app.probes.audio_analysis import analyse_audio, clip_runs, mains_hum
from studio_app.probes.result import ProbeStatus
from studio_app.probes.thresholds import AudioThresholds

SINE_RMS_BELOW_PEAK_DB = 20 * np.log10(np.sqrt(2))  # 3.0103 dB


def codes(analysis) -> set[str]:
    return {f.code for f in analysis.findings}


def test_sine_reads_its_true_rms_and_peak() -> None:
    a = analyse_audio(stereo(sine(1000, -20, 2.0)), SAMPLERATE)
    m = a.metrics()
    assert m["rms_dbfs"] == pytest.approx(-20 - SINE_RMS_BELOW_PEAK_DB, abs=0.01)
    assert m["peak_dbfs"] == pytest.approx(-20.0, abs=0.01)
    assert m["clipping"] == 0
    assert m["hum_hz"] is None
    assert a.duplicated_mono and m["channel_imbalance_db"] is None


def test_all_zero_input_fails_with_permission_hint() -> None:
    a = analyse_audio(np.zeros((SAMPLERATE * 2, 2), dtype=np.float32), SAMPLERATE)
    assert a.silent
    assert [f.code for f in a.findings] == ["mic.silent"]
    assert a.findings[0].status is ProbeStatus.FAIL
    assert "permission" in a.findings[0].message and "mute" in a.findings[0].message
    assert a.metrics()["rms_dbfs"] == -120.0


def test_one_loud_sample_is_not_clipping_but_a_run_is() -> None:
    x = sine(1000, -20, 1.0)
    x[1000] = 1.0
    assert clip_runs(x, 0.999, 3) == (0, 0)
    x[2000:2004] = 1.0
    assert clip_runs(x, 0.999, 3) == (1, 4)


def test_clipped_sine_fails_with_gain_fix() -> None:
    a = analyse_audio(stereo(clipped_sine(440, 2.0, 2.0)), SAMPLERATE)
    m = a.metrics()
    # Two clip runs per period of a 440 Hz sine driven 6 dB over full scale.
    assert m["clipping"] == pytest.approx(2 * 440 * 2, rel=0.01)
    clip = next(f for f in a.findings if f.code == "mic.clipping")
    assert clip.status is ProbeStatus.FAIL and "gain" in clip.fix


def test_hum_at_50_hz_and_harmonics_is_found_with_its_relative_level() -> None:
    tone = sine(1000, -20, 2.0)
    mains = hum(50, (-30, -36, -40), 2.0)
    a = analyse_audio(stereo(tone + mains), SAMPLERATE)
    hum_power = sum((10 ** (db / 20)) ** 2 / 2 for db in (-30, -36, -40))
    total = (10 ** (-20 / 20)) ** 2 / 2 + hum_power
    truth_db = 10 * np.log10(hum_power / total)
    m = a.metrics()
    assert m["hum_hz"] == 50.0
    assert m["hum_db"] == pytest.approx(truth_db, abs=0.5)
    assert "mic.hum" in codes(a)


def test_60_hz_hum_is_told_apart_from_50() -> None:
    hz, _db = mains_hum(hum(60, (-30, -40), 2.0) + sine(700, -20, 2.0), SAMPLERATE)
    assert hz == 60.0


def test_dc_offset_is_measured_and_removed_before_levels() -> None:
    x = sine(1000, -20, 2.0) + 0.05
    a = analyse_audio(stereo(x), SAMPLERATE)
    m = a.metrics()
    assert m["dc_offset"] == pytest.approx(0.05, abs=1e-4)
    assert m["rms_dbfs"] == pytest.approx(-20 - SINE_RMS_BELOW_PEAK_DB, abs=0.01)
    assert "mic.dc_offset" in codes(a)


def test_speech_like_signal_passes_with_noise_floor_and_snr() -> None:
    a = analyse_audio(stereo(speech_like(2.0)), SAMPLERATE)
    m = a.metrics()
    assert m["noise_floor_dbfs"] == pytest.approx(-70, abs=1.5)
    assert m["snr_db"] == pytest.approx(-17 - (-70), abs=2.0)  # 0.2-peak tone = −17 dBFS RMS
    assert a.findings == ()


def test_steady_noise_without_pauses_warns_noisy() -> None:
    rng = np.random.default_rng(3)
    a = analyse_audio(stereo(rng.normal(0, 0.05, SAMPLERATE * 2)), SAMPLERATE)
    assert "mic.noisy" in codes(a)


def test_zero_gap_inside_signal_counts_as_dropout_and_overflows_add() -> None:
    x = speech_like(2.0)
    x[30000 : 30000 + 480] = 0.0  # 10 ms of exact zeros inside noise
    a = analyse_audio(stereo(x), SAMPLERATE, overflows=2)
    assert a.metrics()["dropouts"] == 3
    assert "mic.dropouts" in codes(a)


def test_channel_imbalance_and_dead_channel() -> None:
    left = sine(1000, -20, 2.0)
    a = analyse_audio(np.stack([left, 0.25 * left], axis=1).astype(np.float32), SAMPLERATE)
    assert a.metrics()["channel_imbalance_db"] == pytest.approx(20 * np.log10(4), abs=0.01)
    assert "mic.imbalance" in codes(a)
    dead = analyse_audio(np.stack([left, np.zeros_like(left)], axis=1).astype(np.float32), SAMPLERATE)
    assert "mic.channel_silent" in codes(dead) and not dead.silent
    assert dead.metrics()["rms_dbfs"] == pytest.approx(-23.01, abs=0.01)  # flat names skip the dead channel


def test_thresholds_are_honoured() -> None:
    quiet = stereo(sine(1000, -50, 1.0))
    assert "mic.level_low" not in codes(analyse_audio(quiet, SAMPLERATE))
    assert "mic.level_low" in codes(analyse_audio(quiet, SAMPLERATE, AudioThresholds(mic_low_rms_dbfs=-40)))


def test_rejects_integer_samples() -> None:
    with pytest.raises(ValueError, match="floating"):
        analyse_audio(np.zeros((100, 1), dtype=np.int16), SAMPLERATE)


def test_findings_follow_the_ui_language() -> None:
    from studio_app.probes.network import parse_ingest
    from studio_app.ui.translations import install_translator

    assert install_translator(None, "zh_CN") == "zh_CN"
    a = analyse_audio(np.zeros((SAMPLERATE, 1), dtype=np.float32), SAMPLERATE)
    assert a.findings[0].message == "输入是静音（全为零）：请检查系统的麦克风权限 / 静音设置。"
    with pytest.raises(ValueError, match="既不是"):
        parse_ingest("nonsense")
