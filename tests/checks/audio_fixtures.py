"""A private PulseAudio server with a null sink whose monitor is the default source, and test signals.

PortAudio records the monitor through ALSA's "pulse" device (libasound2-plugins), so a signal played into
the sink with ``pacat`` comes back bit-exact (float32 sink at 48 kHz: no conversion, no resampling).
Import the fixtures into a test module with ``from audio_fixtures import pulse_server``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from support import require_tool

SAMPLERATE = 48000
SINK = "studio_test_sink"


@dataclass
class PulseServer:
    runtime_dir: Path
    server: str  # PULSE_SERVER value
    sink: str

    def env(self) -> dict[str, str]:
        return {**os.environ, "PULSE_SERVER": self.server, "HOME": str(self.runtime_dir)}

    def pactl(self, *args: str) -> str:
        done = subprocess.run(
            ["pactl", *args], env=self.env(), capture_output=True, text=True, timeout=10, check=True
        )
        return done.stdout

    def play(self, signal: npt.NDArray[np.float32]) -> Player:
        """Start playing (frames, 2) float32 into the sink; stop it with ``Player.stop()``."""
        return Player(self, np.ascontiguousarray(signal, dtype=np.float32))


class Player:
    def __init__(self, server: PulseServer, signal: npt.NDArray[np.float32]) -> None:
        raw = tempfile.NamedTemporaryFile(suffix=".raw", delete=False)  # noqa: SIM115
        raw.write(signal.tobytes())
        raw.close()
        self._path = raw.name
        self.proc = subprocess.Popen(
            [
                "pacat",
                "--playback",
                "--raw",
                "--format=float32le",
                f"--rate={SAMPLERATE}",
                f"--channels={signal.shape[1]}",
                f"--device={server.sink}",
                "--latency-msec=20",
                self._path,
            ],
            env=server.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self._server = server
        self._wait_until_playing()

    def _wait_until_playing(self, timeout_s: float = 5.0) -> None:
        """Return once the sink is rendering our stream (a sink-input exists and the sink is RUNNING)."""
        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"pacat exited: {self.proc.stderr.read() if self.proc.stderr else ''}")
            sinks = self._server.pactl("list", "short", "sinks")
            if any(SINK in line and "RUNNING" in line for line in sinks.splitlines()):
                return
            time.sleep(0.02)  # polling an external process's state, not waiting for our own thread
        raise TimeoutError("the PulseAudio sink never started playing")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(5)
        if self.proc.stderr:
            self.proc.stderr.close()
        Path(self._path).unlink(missing_ok=True)


def _start_pulse(runtime: Path) -> subprocess.Popen[bytes]:
    socket_path = runtime / "native"
    return subprocess.Popen(
        [
            "pulseaudio",
            "-n",  # no default.pa: only what we load below
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--use-pid-file=no",
            "--disallow-exit",
            "--log-target=stderr",
            "--log-level=error",
            f"--load=module-native-protocol-unix auth-anonymous=1 socket={socket_path}",
            f"--load=module-null-sink sink_name={SINK} rate={SAMPLERATE} format=float32le channels=2",
        ],
        env={**os.environ, "PULSE_RUNTIME_PATH": str(runtime), "HOME": str(runtime), "XDG_RUNTIME_DIR": str(runtime)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.fixture(scope="session")
def pulse_server() -> Iterator[PulseServer]:
    """PulseAudio on a private socket; PortAudio in this process is re-initialised to see it."""
    require_tool("pulseaudio")
    require_tool("pacat")
    require_tool("pactl")
    runtime = Path(tempfile.mkdtemp(prefix="studio-pulse-"))
    proc = _start_pulse(runtime)
    server = PulseServer(runtime, f"unix:{runtime / 'native'}", SINK)
    old_env = {k: os.environ.get(k) for k in ("PULSE_SERVER", "PULSE_RUNTIME_PATH")}
    try:
        end = time.monotonic() + 15
        while True:
            if proc.poll() is not None:
                err = proc.stderr.read().decode() if proc.stderr else ""
                pytest.fail(f"pulseaudio did not start: {err}")
            ok = subprocess.run(["pactl", "info"], env=server.env(), capture_output=True, timeout=5)
            if ok.returncode == 0:
                break
            if time.monotonic() > end:
                pytest.fail("pulseaudio did not answer within 15 s")
            time.sleep(0.05)  # polling an external daemon's start-up
        server.pactl("set-default-sink", SINK)
        server.pactl("set-default-source", f"{SINK}.monitor")
        os.environ["PULSE_SERVER"] = server.server
        os.environ["PULSE_RUNTIME_PATH"] = str(runtime)
        _warm_up_portaudio()
        yield server
    finally:
        for key, value in old_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        if proc.stderr:
            proc.stderr.close()
        shutil.rmtree(runtime, ignore_errors=True)


def _warm_up_portaudio() -> None:
    """Re-scan PortAudio devices and pull audio once: the first stream after PulseAudio starts can take
    about a second to deliver its first block, which would eat into the probes' deadlines."""
    from studio_app.probes.mic import list_microphones

    list_microphones(refresh=True)
    import sounddevice as sd

    flowing = threading.Event()
    frames = [0]

    def on_block(_indata: object, count: int, _time: object, _status: object) -> None:
        frames[0] += count
        if frames[0] >= SAMPLERATE // 10:
            flowing.set()

    with sd.InputStream(device="pulse", channels=2, samplerate=SAMPLERATE, dtype="float32", callback=on_block):
        if not flowing.wait(10):
            pytest.fail("PortAudio got no audio from PulseAudio's monitor within 10 s")


# --- test signals (seconds long enough to outlast a 2 s capture) ---------------------------------------


def _time(seconds: float) -> npt.NDArray[np.float64]:
    return np.arange(int(SAMPLERATE * seconds)) / SAMPLERATE


def stereo(mono: npt.NDArray[np.float64]) -> npt.NDArray[np.float32]:
    return np.stack([mono, mono], axis=1).astype(np.float32)


def sine(freq_hz: float, peak_dbfs: float, seconds: float = 6.0) -> npt.NDArray[np.float64]:
    return 10 ** (peak_dbfs / 20) * np.sin(2 * np.pi * freq_hz * _time(seconds))


def hum(fundamental_hz: float, levels_dbfs: tuple[float, ...], seconds: float = 6.0) -> npt.NDArray[np.float64]:
    """A mains hum: the fundamental and its harmonics at the given peak levels."""
    t = _time(seconds)
    return sum(
        (10 ** (db / 20) * np.sin(2 * np.pi * fundamental_hz * (k + 1) * t) for k, db in enumerate(levels_dbfs)),
        np.zeros_like(t),
    )


def clipped_sine(freq_hz: float = 440.0, overdrive: float = 2.0, seconds: float = 6.0) -> npt.NDArray[np.float64]:
    """A sine driven ``overdrive`` times past full scale, hard-clipped at ±1."""
    return np.clip(overdrive * np.sin(2 * np.pi * freq_hz * _time(seconds)), -1.0, 1.0)


def speech_like(seconds: float = 6.0, seed: int = 1) -> npt.NDArray[np.float64]:
    """Tone bursts (300 ms on, 200 ms off) over a −70 dBFS noise floor: a level, pauses and a quiet room."""
    t = _time(seconds)
    rng = np.random.default_rng(seed)
    bursts = ((t % 0.5) < 0.3).astype(np.float64)
    voice = 0.2 * np.sin(2 * np.pi * 320 * t) * bursts
    noise = rng.normal(0.0, 10 ** (-70 / 20), t.size)
    return voice + noise
