"""Microphone probe accuracy through the real audio path: numpy signal → pacat → PulseAudio null sink →
monitor → ALSA "pulse" → PortAudio → run_mic_probe. Prints measured values next to the signal's maths.

    .venv/bin/python bench/bench_mic_accuracy.py
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "tests" / "checks")]

from audio_fixtures import clipped_sine, hum, pulse_context, sine, speech_like, stereo  # noqa: E402

from studio_app.probes.mic import MicConfig, run_mic_probe  # noqa: E402

SINE_CREST_DB = 20 * np.log10(np.sqrt(2))


def main() -> int:
    hum_levels = (-30.0, -36.0, -40.0)
    hum_power = sum((10 ** (db / 20)) ** 2 / 2 for db in hum_levels)
    hum_truth = 10 * np.log10(hum_power / (hum_power + (10 ** (-20 / 20)) ** 2 / 2))
    cases = [
        ("1 kHz sine −20 dBFS peak", sine(1000, -20), {"rms_dbfs": -20 - SINE_CREST_DB, "peak_dbfs": -20.0}),
        ("1 kHz sine −40 dBFS peak", sine(1000, -40), {"rms_dbfs": -40 - SINE_CREST_DB, "peak_dbfs": -40.0}),
        (
            "sine −20 + 50 Hz hum (−30/−36/−40)",
            sine(1000, -20) + hum(50, hum_levels),
            {"hum_hz": 50.0, "hum_db": hum_truth},
        ),
        ("sine −20 + DC 0.05", sine(1000, -20) + 0.05, {"dc_offset": 0.05, "rms_dbfs": -20 - SINE_CREST_DB}),
        (
            "440 Hz sine clipped (+6 dB over)",
            clipped_sine(440, 2.0),
            {"clipping": 2 * 440 * 2.0, "peak_dbfs": 0.0},
        ),
        ("bursts −17 dBFS over −70 dBFS noise", speech_like(), {"noise_floor_dbfs": -70.0, "snr_db": 53.0}),
        ("silence (exact zeros)", None, {"exact_zero": 1, "rms_dbfs": -120.0}),
    ]
    with pulse_context() as server:
        print(f"{'signal':40} {'metric':18} {'truth':>10} {'measured':>10} {'error':>9}  status")
        for label, signal, truths in cases:
            player = server.play(stereo(signal)) if signal is not None else None
            try:
                result = run_mic_probe(MicConfig(device="pulse"), threading.Event(), 4.0)
            finally:
                if player is not None:
                    player.stop()
            for metric, truth in truths.items():
                got = result.metrics.get(metric)
                err = "" if not isinstance(got, int | float) else f"{float(got) - truth:+.3f}"
                print(f"{label:40} {metric:18} {truth:10.3f} {got!s:>10} {err:>9}  {result.status.value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
